/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      username\n      sub\n      userPoolId\n      attributes {\n        name\n        value\n      }\n      plan: attribute(name: \"custom:plan\")\n      missing: attribute(name: \"custom:nothing\")\n    }\n  }\n": typeof types.MeDocument,
    "\n  query AdminUser($username: String!, $userPoolId: ID) {\n    user(username: $username, userPoolId: $userPoolId) {\n      username\n      sub\n      attributes {\n        name\n        value\n      }\n      status\n      enabled\n      createdAt\n      updatedAt\n    }\n  }\n": typeof types.AdminUserDocument,
    "\n  query Users($usernames: [String!]!) {\n    users(usernames: $usernames) {\n      username\n    }\n  }\n": typeof types.UsersDocument,
    "\n  query Pool($id: ID) {\n    userPool(id: $id) {\n      id\n      name\n      attributes {\n        name\n        dataType\n        custom\n        mutable\n        required\n        developerOnly\n        minLength\n        maxLength\n        minValue\n        maxValue\n      }\n      customAttributes {\n        name\n      }\n    }\n  }\n": typeof types.PoolDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      username\n      sub\n      userPoolId\n      attributes {\n        name\n        value\n      }\n      plan: attribute(name: \"custom:plan\")\n      missing: attribute(name: \"custom:nothing\")\n    }\n  }\n": types.MeDocument,
    "\n  query AdminUser($username: String!, $userPoolId: ID) {\n    user(username: $username, userPoolId: $userPoolId) {\n      username\n      sub\n      attributes {\n        name\n        value\n      }\n      status\n      enabled\n      createdAt\n      updatedAt\n    }\n  }\n": types.AdminUserDocument,
    "\n  query Users($usernames: [String!]!) {\n    users(usernames: $usernames) {\n      username\n    }\n  }\n": types.UsersDocument,
    "\n  query Pool($id: ID) {\n    userPool(id: $id) {\n      id\n      name\n      attributes {\n        name\n        dataType\n        custom\n        mutable\n        required\n        developerOnly\n        minLength\n        maxLength\n        minValue\n        maxValue\n      }\n      customAttributes {\n        name\n      }\n    }\n  }\n": types.PoolDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      username\n      sub\n      userPoolId\n      attributes {\n        name\n        value\n      }\n      plan: attribute(name: \"custom:plan\")\n      missing: attribute(name: \"custom:nothing\")\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      username\n      sub\n      userPoolId\n      attributes {\n        name\n        value\n      }\n      plan: attribute(name: \"custom:plan\")\n      missing: attribute(name: \"custom:nothing\")\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUser($username: String!, $userPoolId: ID) {\n    user(username: $username, userPoolId: $userPoolId) {\n      username\n      sub\n      attributes {\n        name\n        value\n      }\n      status\n      enabled\n      createdAt\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  query AdminUser($username: String!, $userPoolId: ID) {\n    user(username: $username, userPoolId: $userPoolId) {\n      username\n      sub\n      attributes {\n        name\n        value\n      }\n      status\n      enabled\n      createdAt\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($usernames: [String!]!) {\n    users(usernames: $usernames) {\n      username\n    }\n  }\n"): (typeof documents)["\n  query Users($usernames: [String!]!) {\n    users(usernames: $usernames) {\n      username\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Pool($id: ID) {\n    userPool(id: $id) {\n      id\n      name\n      attributes {\n        name\n        dataType\n        custom\n        mutable\n        required\n        developerOnly\n        minLength\n        maxLength\n        minValue\n        maxValue\n      }\n      customAttributes {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Pool($id: ID) {\n    userPool(id: $id) {\n      id\n      name\n      attributes {\n        name\n        dataType\n        custom\n        mutable\n        required\n        developerOnly\n        minLength\n        maxLength\n        minValue\n        maxValue\n      }\n      customAttributes {\n        name\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
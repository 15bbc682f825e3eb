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
    "\n  query ProfileMe {\n    me {\n      username\n      sub\n      attributes {\n        name\n        value\n      }\n      pendingChanges {\n        name\n        value\n      }\n    }\n  }\n": typeof types.ProfileMeDocument,
    "\n  mutation ProfileUpdate($attributes: [AttributeInput!]!) {\n    updateMyAttributes(input: { attributes: $attributes }) {\n      user {\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n        }\n      }\n      codeDeliveries {\n        attributeName\n        deliveryMedium\n        destination\n      }\n    }\n  }\n": typeof types.ProfileUpdateDocument,
    "\n  mutation ProfileDelete($names: [String!]!) {\n    deleteMyAttributes(input: { names: $names }) {\n      user {\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n        }\n      }\n    }\n  }\n": typeof types.ProfileDeleteDocument,
    "\n  mutation ProfileRequestCode($attributeName: String!) {\n    requestAttributeVerificationCode(input: { attributeName: $attributeName }) {\n      codeDelivery {\n        attributeName\n        deliveryMedium\n        destination\n      }\n    }\n  }\n": typeof types.ProfileRequestCodeDocument,
    "\n  mutation ProfileVerify($attributeName: String!, $code: String!) {\n    verifyMyAttribute(input: { attributeName: $attributeName, code: $code }) {\n      user {\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n        }\n      }\n    }\n  }\n": typeof types.ProfileVerifyDocument,
    "\n  subscription ProfileChanges($after: String) {\n    myAttributesChanged(after: $after) {\n      cursor\n      source\n      occurredAt\n      updated {\n        name\n        value\n      }\n      deleted\n      pending {\n        name\n        value\n      }\n      user {\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n        }\n      }\n    }\n  }\n": typeof types.ProfileChangesDocument,
};
const documents: Documents = {
    "\n  query ProfileMe {\n    me {\n      username\n      sub\n      attributes {\n        name\n        value\n      }\n      pendingChanges {\n        name\n        value\n      }\n    }\n  }\n": types.ProfileMeDocument,
    "\n  mutation ProfileUpdate($attributes: [AttributeInput!]!) {\n    updateMyAttributes(input: { attributes: $attributes }) {\n      user {\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n        }\n      }\n      codeDeliveries {\n        attributeName\n        deliveryMedium\n        destination\n      }\n    }\n  }\n": types.ProfileUpdateDocument,
    "\n  mutation ProfileDelete($names: [String!]!) {\n    deleteMyAttributes(input: { names: $names }) {\n      user {\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n        }\n      }\n    }\n  }\n": types.ProfileDeleteDocument,
    "\n  mutation ProfileRequestCode($attributeName: String!) {\n    requestAttributeVerificationCode(input: { attributeName: $attributeName }) {\n      codeDelivery {\n        attributeName\n        deliveryMedium\n        destination\n      }\n    }\n  }\n": types.ProfileRequestCodeDocument,
    "\n  mutation ProfileVerify($attributeName: String!, $code: String!) {\n    verifyMyAttribute(input: { attributeName: $attributeName, code: $code }) {\n      user {\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n        }\n      }\n    }\n  }\n": types.ProfileVerifyDocument,
    "\n  subscription ProfileChanges($after: String) {\n    myAttributesChanged(after: $after) {\n      cursor\n      source\n      occurredAt\n      updated {\n        name\n        value\n      }\n      deleted\n      pending {\n        name\n        value\n      }\n      user {\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n        }\n      }\n    }\n  }\n": types.ProfileChangesDocument,
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
export function graphql(source: "\n  query ProfileMe {\n    me {\n      username\n      sub\n      attributes {\n        name\n        value\n      }\n      pendingChanges {\n        name\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProfileMe {\n    me {\n      username\n      sub\n      attributes {\n        name\n        value\n      }\n      pendingChanges {\n        name\n        value\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProfileUpdate($attributes: [AttributeInput!]!) {\n    updateMyAttributes(input: { attributes: $attributes }) {\n      user {\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n        }\n      }\n      codeDeliveries {\n        attributeName\n        deliveryMedium\n        destination\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ProfileUpdate($attributes: [AttributeInput!]!) {\n    updateMyAttributes(input: { attributes: $attributes }) {\n      user {\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n        }\n      }\n      codeDeliveries {\n        attributeName\n        deliveryMedium\n        destination\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProfileDelete($names: [String!]!) {\n    deleteMyAttributes(input: { names: $names }) {\n      user {\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ProfileDelete($names: [String!]!) {\n    deleteMyAttributes(input: { names: $names }) {\n      user {\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProfileRequestCode($attributeName: String!) {\n    requestAttributeVerificationCode(input: { attributeName: $attributeName }) {\n      codeDelivery {\n        attributeName\n        deliveryMedium\n        destination\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ProfileRequestCode($attributeName: String!) {\n    requestAttributeVerificationCode(input: { attributeName: $attributeName }) {\n      codeDelivery {\n        attributeName\n        deliveryMedium\n        destination\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProfileVerify($attributeName: String!, $code: String!) {\n    verifyMyAttribute(input: { attributeName: $attributeName, code: $code }) {\n      user {\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ProfileVerify($attributeName: String!, $code: String!) {\n    verifyMyAttribute(input: { attributeName: $attributeName, code: $code }) {\n      user {\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ProfileChanges($after: String) {\n    myAttributesChanged(after: $after) {\n      cursor\n      source\n      occurredAt\n      updated {\n        name\n        value\n      }\n      deleted\n      pending {\n        name\n        value\n      }\n      user {\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ProfileChanges($after: String) {\n    myAttributesChanged(after: $after) {\n      cursor\n      source\n      occurredAt\n      updated {\n        name\n        value\n      }\n      deleted\n      pending {\n        name\n        value\n      }\n      user {\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
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
    "\n  mutation AdmAttrUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        ...UserFields\n        status\n        enabled\n        createdAt\n        updatedAt\n      }\n    }\n  }\n": typeof types.AdmAttrUpdateDocument,
    "\n  mutation AdmAttrDelete($input: AdminDeleteUserAttributesInput!) {\n    adminDeleteUserAttributes(input: $input) {\n      user {\n        username\n        sub\n        attributes {\n          name\n          value\n        }\n        status\n        enabled\n        createdAt\n        updatedAt\n      }\n    }\n  }\n": typeof types.AdmAttrDeleteDocument,
    "\n  mutation AdmAttrAddCustom($input: AddCustomAttributesInput!) {\n    addCustomAttributes(input: $input) {\n      userPool {\n        id\n        customAttributes {\n          name\n          dataType\n          custom\n          mutable\n          required\n          developerOnly\n          minLength\n          maxLength\n          minValue\n          maxValue\n        }\n      }\n    }\n  }\n": typeof types.AdmAttrAddCustomDocument,
    "\n  query AdmAttrPool {\n    userPool {\n      customAttributes {\n        name\n        dataType\n        custom\n        mutable\n        required\n        developerOnly\n        minLength\n        maxLength\n        minValue\n        maxValue\n      }\n    }\n  }\n": typeof types.AdmAttrPoolDocument,
    "\n  mutation AdmAttrUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n        attributes {\n          name\n          value\n        }\n      }\n    }\n  }\n": typeof types.AdmAttrUpdateMineDocument,
    "\n  query AuthMe {\n    me {\n      username\n      sub\n      userPoolId\n    }\n  }\n": typeof types.AuthMeDocument,
    "\n  query AuthMeAll {\n    me {\n      username\n      sub\n      attributes {\n        name\n        value\n      }\n      plan: attribute(name: \"custom:plan\")\n      status\n      enabled\n      createdAt\n      updatedAt\n    }\n  }\n": typeof types.AuthMeAllDocument,
    "\n  query AuthUser($username: String!, $userPoolId: ID) {\n    user(username: $username, userPoolId: $userPoolId) {\n      username\n      sub\n    }\n  }\n": typeof types.AuthUserDocument,
    "\n  query AuthUsers($usernames: [String!]!, $userPoolId: ID) {\n    users(usernames: $usernames, userPoolId: $userPoolId) {\n      username\n    }\n  }\n": typeof types.AuthUsersDocument,
    "\n  query AuthUserPool($id: ID) {\n    userPool(id: $id) {\n      id\n      customAttributes {\n        name\n      }\n    }\n  }\n": typeof types.AuthUserPoolDocument,
    "\n  mutation AuthUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n        plan: attribute(name: \"custom:plan\")\n        status\n      }\n    }\n  }\n": typeof types.AuthUpdateMineDocument,
    "\n  mutation AuthDeleteMine($input: DeleteMyAttributesInput!) {\n    deleteMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": typeof types.AuthDeleteMineDocument,
    "\n  mutation AuthAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": typeof types.AuthAdminUpdateDocument,
    "\n  mutation AuthAdminDelete($input: AdminDeleteUserAttributesInput!) {\n    adminDeleteUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": typeof types.AuthAdminDeleteDocument,
    "\n  mutation AuthAddCustom($input: AddCustomAttributesInput!) {\n    addCustomAttributes(input: $input) {\n      userPool {\n        id\n      }\n    }\n  }\n": typeof types.AuthAddCustomDocument,
    "\n  subscription ChurnMyChanges {\n    myAttributesChanged {\n      updated {\n        name\n        value\n      }\n    }\n  }\n": typeof types.ChurnMyChangesDocument,
    "\n  query ChurnMe {\n    me {\n      username\n    }\n  }\n": typeof types.ChurnMeDocument,
    "\n  mutation ChurnUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        plan: attribute(name: \"custom:plan\")\n      }\n    }\n  }\n": typeof types.ChurnUpdateMineDocument,
    "\n  query ClientMe {\n    me {\n      id\n      username\n      plan: attribute(name: \"custom:plan\")\n    }\n  }\n": typeof types.ClientMeDocument,
    "\n  mutation ClientSetPlan($plan: String!) {\n    updateMyAttributes(input: { attributes: [{ name: \"custom:plan\", value: $plan }] }) {\n      user {\n        id\n        plan: attribute(name: \"custom:plan\")\n      }\n      staleTokenClaims\n    }\n  }\n": typeof types.ClientSetPlanDocument,
    "\n  subscription ClientChanges {\n    myAttributesChanged {\n      source\n      updated {\n        name\n        value\n      }\n    }\n  }\n": typeof types.ClientChangesDocument,
    "\n  query BudgetMine {\n    me {\n      username\n      verificationCodes {\n        remaining\n        resetsAt\n      }\n      verificationAttempts {\n        remaining\n        resetsAt\n      }\n    }\n  }\n": typeof types.BudgetMineDocument,
    "\n  query BudgetOfUser($username: String!) {\n    user(username: $username) {\n      username\n      verificationCodes {\n        remaining\n        resetsAt\n      }\n      verificationAttempts {\n        remaining\n        resetsAt\n      }\n    }\n  }\n": typeof types.BudgetOfUserDocument,
    "\n  mutation BudgetRequestCode($input: RequestAttributeVerificationCodeInput!) {\n    requestAttributeVerificationCode(input: $input) {\n      codeDelivery {\n        attributeName\n      }\n    }\n  }\n": typeof types.BudgetRequestCodeDocument,
    "\n  mutation BudgetVerify($input: VerifyMyAttributeInput!) {\n    verifyMyAttribute(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": typeof types.BudgetVerifyDocument,
    "\n  query EmbeddedMe {\n    me {\n      username\n      userPoolId\n      plan: attribute(name: \"custom:plan\")\n    }\n  }\n": typeof types.EmbeddedMeDocument,
    "\n  mutation EmbeddedAdminUpdate($username: String!, $attributes: [AttributeInput!]!) {\n    adminUpdateUserAttributes(input: { username: $username, attributes: $attributes }) {\n      user {\n        username\n        plan: attribute(name: \"custom:plan\")\n        seats: attribute(name: \"custom:seats\")\n      }\n    }\n  }\n": typeof types.EmbeddedAdminUpdateDocument,
    "\n  mutation EmbeddedUpdateMine($attributes: [AttributeInput!]!) {\n    updateMyAttributes(input: { attributes: $attributes }) {\n      user {\n        username\n        plan: attribute(name: \"custom:plan\")\n        newsletter: attribute(name: \"custom:newsletter\")\n      }\n    }\n  }\n": typeof types.EmbeddedUpdateMineDocument,
    "\n  query EmbeddedUsers($usernames: [String!]!) {\n    users(usernames: $usernames) {\n      username\n      plan: attribute(name: \"custom:plan\")\n      seats: attribute(name: \"custom:seats\")\n    }\n  }\n": typeof types.EmbeddedUsersDocument,
    "\n  mutation EmbeddedRequestCode($attributeName: String!) {\n    requestAttributeVerificationCode(input: { attributeName: $attributeName }) {\n      codeDelivery {\n        attributeName\n        deliveryMedium\n      }\n    }\n  }\n": typeof types.EmbeddedRequestCodeDocument,
    "\n  query EmbeddedPending {\n    me {\n      sub\n      pendingChanges {\n        name\n        value\n        masked\n        requestedAt\n      }\n    }\n  }\n": typeof types.EmbeddedPendingDocument,
    "\n  mutation EmbeddedRequestCodeTo($input: RequestAttributeVerificationCodeInput!) {\n    requestAttributeVerificationCode(input: $input) {\n      codeDelivery {\n        attributeName\n        deliveryMedium\n        destination\n      }\n    }\n  }\n": typeof types.EmbeddedRequestCodeToDocument,
    "\n  query ErrorsMe {\n    me {\n      username\n      attributes {\n        name\n        value\n      }\n    }\n  }\n": typeof types.ErrorsMeDocument,
    "\n  subscription ExternalMine {\n    myAttributesChanged {\n      source\n      cursor\n      updated {\n        name\n        value\n      }\n      deleted\n      user {\n        username\n        attributes {\n          name\n          value\n        }\n      }\n    }\n  }\n": typeof types.ExternalMineDocument,
    "\n  subscription ExternalUser($username: String!) {\n    userAttributesChanged(username: $username) {\n      source\n      updated {\n        name\n        value\n      }\n    }\n  }\n": typeof types.ExternalUserDocument,
    "\n  subscription ExternalPool {\n    userPoolAttributesChanged {\n      source\n      user {\n        username\n      }\n      updated {\n        name\n        value\n      }\n    }\n  }\n": typeof types.ExternalPoolDocument,
    "\n  mutation ExternalUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": typeof types.ExternalUpdateMineDocument,
    "\n  query FaultsMe {\n    me {\n      username\n      plan: attribute(name: \"custom:plan\")\n    }\n  }\n": typeof types.FaultsMeDocument,
    "\n  mutation FaultsUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n        plan: attribute(name: \"custom:plan\")\n      }\n    }\n  }\n": typeof types.FaultsUpdateMineDocument,
    "\n  query FaultsAdminUser($username: String!) {\n    user(username: $username) {\n      username\n      plan: attribute(name: \"custom:plan\")\n    }\n  }\n": typeof types.FaultsAdminUserDocument,
    "\n  subscription FaultsMyChanges {\n    myAttributesChanged {\n      updated {\n        name\n        value\n      }\n    }\n  }\n": typeof types.FaultsMyChangesDocument,
    "\n  query MyAttrsMe {\n    me {\n      attributes {\n        name\n        value\n      }\n    }\n  }\n": typeof types.MyAttrsMeDocument,
    "\n  mutation MyAttrsUpdate($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n        sub\n        attributes {\n          name\n          value\n        }\n        plan: attribute(name: \"custom:plan\")\n      }\n      codeDeliveries {\n        attributeName\n        deliveryMedium\n        destination\n      }\n    }\n  }\n": typeof types.MyAttrsUpdateDocument,
    "\n  mutation MyAttrsDelete($input: DeleteMyAttributesInput!) {\n    deleteMyAttributes(input: $input) {\n      user {\n        username\n        attributes {\n          name\n          value\n        }\n      }\n    }\n  }\n": typeof types.MyAttrsDeleteDocument,
    "\n  mutation MyAttrsRequestCode($input: RequestAttributeVerificationCodeInput!) {\n    requestAttributeVerificationCode(input: $input) {\n      codeDelivery {\n        attributeName\n        deliveryMedium\n        destination\n      }\n    }\n  }\n": typeof types.MyAttrsRequestCodeDocument,
    "\n  mutation MyAttrsVerify($input: VerifyMyAttributeInput!) {\n    verifyMyAttribute(input: $input) {\n      user {\n        username\n        attributes {\n          name\n          value\n        }\n        emailVerified: attribute(name: \"email_verified\")\n      }\n    }\n  }\n": typeof types.MyAttrsVerifyDocument,
    "\n  query PendingMe {\n    me {\n      id\n      attributes {\n        name\n        value\n      }\n      pendingChanges {\n        name\n        value\n        masked\n        requestedAt\n      }\n    }\n  }\n": typeof types.PendingMeDocument,
    "\n  mutation PendingUpdate($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        id\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n          masked\n          requestedAt\n        }\n      }\n      codeDeliveries {\n        attributeName\n        deliveryMedium\n        destination\n      }\n      staleTokenClaims\n    }\n  }\n": typeof types.PendingUpdateDocument,
    "\n  mutation PendingRequestCode($input: RequestAttributeVerificationCodeInput!) {\n    requestAttributeVerificationCode(input: $input) {\n      codeDelivery {\n        attributeName\n        deliveryMedium\n        destination\n      }\n    }\n  }\n": typeof types.PendingRequestCodeDocument,
    "\n  mutation PendingVerify($input: VerifyMyAttributeInput!) {\n    verifyMyAttribute(input: $input) {\n      user {\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n        }\n      }\n    }\n  }\n": typeof types.PendingVerifyDocument,
    "\n  query PendingAdminUser($username: String!) {\n    user(username: $username) {\n      id\n      attributes {\n        name\n        value\n      }\n      pendingChanges {\n        name\n        value\n        masked\n      }\n    }\n  }\n": typeof types.PendingAdminUserDocument,
    "\n  mutation PendingAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n          masked\n        }\n      }\n    }\n  }\n": typeof types.PendingAdminUpdateDocument,
    "\n  subscription PendingMine {\n    myAttributesChanged {\n      updated {\n        name\n        value\n      }\n      pending {\n        name\n        value\n        masked\n      }\n      user {\n        id\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n        }\n      }\n    }\n  }\n": typeof types.PendingMineDocument,
    "\n  query CachedMe {\n    me {\n      username\n      sub\n      plan: attribute(name: \"custom:plan\")\n      seats: attribute(name: \"custom:seats\")\n    }\n  }\n": typeof types.CachedMeDocument,
    "\n  mutation CachedUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        plan: attribute(name: \"custom:plan\")\n      }\n    }\n  }\n": typeof types.CachedUpdateMineDocument,
    "\n  mutation CachedDeleteMine($input: DeleteMyAttributesInput!) {\n    deleteMyAttributes(input: $input) {\n      user {\n        seats: attribute(name: \"custom:seats\")\n      }\n    }\n  }\n": typeof types.CachedDeleteMineDocument,
    "\n  mutation CachedAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": typeof types.CachedAdminUpdateDocument,
    "\n  mutation CachedAdminDelete($input: AdminDeleteUserAttributesInput!) {\n    adminDeleteUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": typeof types.CachedAdminDeleteDocument,
    "\n  mutation ProvisionedWrite($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": typeof types.ProvisionedWriteDocument,
    "\n  query Me {\n    me {\n      ...UserFields\n      plan: attribute(name: \"custom:plan\")\n      missing: attribute(name: \"custom:nothing\")\n    }\n  }\n": typeof types.MeDocument,
    "\n  query AdminUser($username: String!, $userPoolId: ID) {\n    user(username: $username, userPoolId: $userPoolId) {\n      username\n      sub\n      attributes {\n        name\n        value\n      }\n      status\n      enabled\n      createdAt\n      updatedAt\n    }\n  }\n": typeof types.AdminUserDocument,
    "\n  query Users($usernames: [String!]!) {\n    users(usernames: $usernames) {\n      username\n    }\n  }\n": typeof types.UsersDocument,
    "\n  query Pool($id: ID) {\n    userPool(id: $id) {\n      id\n      name\n      attributes {\n        name\n        dataType\n        custom\n        mutable\n        required\n        developerOnly\n        minLength\n        maxLength\n        minValue\n        maxValue\n      }\n      customAttributes {\n        name\n      }\n    }\n  }\n": typeof types.PoolDocument,
    "\n  mutation QuotaAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": typeof types.QuotaAdminUpdateDocument,
    "\n  mutation QuotaUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": typeof types.QuotaUpdateMineDocument,
    "\n  mutation QuotaRequestCode($input: RequestAttributeVerificationCodeInput!) {\n    requestAttributeVerificationCode(input: $input) {\n      codeDelivery {\n        attributeName\n      }\n    }\n  }\n": typeof types.QuotaRequestCodeDocument,
    "\n  query QuotaUser($username: String!) {\n    user(username: $username) {\n      username\n    }\n  }\n": typeof types.QuotaUserDocument,
    "\n  query QuotaPool {\n    userPool {\n      id\n    }\n  }\n": typeof types.QuotaPoolDocument,
    "\n  query QuotaMe {\n    me {\n      username\n    }\n  }\n": typeof types.QuotaMeDocument,
    "\n  mutation QuotaVerify($input: VerifyMyAttributeInput!) {\n    verifyMyAttribute(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": typeof types.QuotaVerifyDocument,
    "\n  mutation QuotaAddCustom($input: AddCustomAttributesInput!) {\n    addCustomAttributes(input: $input) {\n      userPool {\n        id\n      }\n    }\n  }\n": typeof types.QuotaAddCustomDocument,
    "\n  query QuotaUsers($usernames: [String!]!) {\n    users(usernames: $usernames) {\n      username\n    }\n  }\n": typeof types.QuotaUsersDocument,
    "\n  mutation RecipeUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": typeof types.RecipeUpdateMineDocument,
    "\n  subscription RedisMyChanges {\n    myAttributesChanged {\n      user {\n        username\n        attributes {\n          name\n          value\n        }\n      }\n      updated {\n        name\n        value\n      }\n      deleted\n      source\n    }\n  }\n": typeof types.RedisMyChangesDocument,
    "\n  subscription RedisPoolChanges {\n    userPoolAttributesChanged {\n      user {\n        username\n      }\n      updated {\n        name\n        value\n      }\n      source\n    }\n  }\n": typeof types.RedisPoolChangesDocument,
    "\n  mutation RedisUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n        plan: attribute(name: \"custom:plan\")\n      }\n    }\n  }\n": typeof types.RedisUpdateMineDocument,
    "\n  mutation RedisAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n        plan: attribute(name: \"custom:plan\")\n      }\n    }\n  }\n": typeof types.RedisAdminUpdateDocument,
    "\n  query RedisMe {\n    me {\n      username\n      plan: attribute(name: \"custom:plan\")\n    }\n  }\n": typeof types.RedisMeDocument,
    "\n  subscription ResumeMine($after: String) {\n    myAttributesChanged(after: $after) {\n      cursor\n      source\n      user {\n        username\n      }\n      updated {\n        name\n        value\n      }\n    }\n  }\n": typeof types.ResumeMineDocument,
    "\n  subscription ResumePool($after: String) {\n    userPoolAttributesChanged(after: $after) {\n      cursor\n      user {\n        username\n      }\n      updated {\n        name\n        value\n      }\n    }\n  }\n": typeof types.ResumePoolDocument,
    "\n  subscription ResumeUser($username: String!, $after: String) {\n    userAttributesChanged(username: $username, after: $after) {\n      cursor\n      user {\n        username\n      }\n      updated {\n        name\n        value\n      }\n    }\n  }\n": typeof types.ResumeUserDocument,
    "\n  mutation ResumeUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": typeof types.ResumeUpdateMineDocument,
    "\n  mutation ResumeAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": typeof types.ResumeAdminUpdateDocument,
    "\n  query RevokedUser($username: String!) {\n    user(username: $username) {\n      username\n    }\n  }\n": typeof types.RevokedUserDocument,
    "\n  query RevokedMe {\n    me {\n      username\n    }\n  }\n": typeof types.RevokedMeDocument,
    "\n  mutation RevokedUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": typeof types.RevokedUpdateMineDocument,
    "\n  subscription RevokedMine {\n    myAttributesChanged {\n      updated {\n        name\n        value\n      }\n    }\n  }\n": typeof types.RevokedMineDocument,
    "\n  subscription RevokedPool {\n    userPoolAttributesChanged {\n      user {\n        username\n      }\n    }\n  }\n": typeof types.RevokedPoolDocument,
    "\n  subscription ShutdownMyChanges {\n    myAttributesChanged {\n      user {\n        username\n      }\n      updated {\n        name\n        value\n      }\n    }\n  }\n": typeof types.ShutdownMyChangesDocument,
    "\n  mutation ShutdownUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        plan: attribute(name: \"custom:plan\")\n      }\n    }\n  }\n": typeof types.ShutdownUpdateMineDocument,
    "\n  subscription SubsMine {\n    myAttributesChanged {\n      user {\n        ...UserFields\n      }\n      ...ChangeFields\n    }\n  }\n": typeof types.SubsMineDocument,
    "\n  subscription SubsMineStatus {\n    myAttributesChanged {\n      user {\n        username\n        status\n      }\n      source\n    }\n  }\n": typeof types.SubsMineStatusDocument,
    "\n  subscription SubsUser($username: String!, $userPoolId: ID) {\n    userAttributesChanged(username: $username, userPoolId: $userPoolId) {\n      user {\n        ...UserFields\n        status\n        enabled\n      }\n      ...ChangeFields\n    }\n  }\n": typeof types.SubsUserDocument,
    "\n  subscription SubsPool($userPoolId: ID) {\n    userPoolAttributesChanged(userPoolId: $userPoolId) {\n      user {\n        ...UserFields\n        status\n        enabled\n      }\n      ...ChangeFields\n    }\n  }\n": typeof types.SubsPoolDocument,
    "\n  mutation SubsUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": typeof types.SubsUpdateMineDocument,
    "\n  mutation SubsDeleteMine($input: DeleteMyAttributesInput!) {\n    deleteMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": typeof types.SubsDeleteMineDocument,
    "\n  mutation SubsRequestCode($input: RequestAttributeVerificationCodeInput!) {\n    requestAttributeVerificationCode(input: $input) {\n      codeDelivery {\n        attributeName\n      }\n    }\n  }\n": typeof types.SubsRequestCodeDocument,
    "\n  mutation SubsVerifyMine($input: VerifyMyAttributeInput!) {\n    verifyMyAttribute(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": typeof types.SubsVerifyMineDocument,
    "\n  mutation SubsAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": typeof types.SubsAdminUpdateDocument,
    "\n  mutation SubsAdminDelete($input: AdminDeleteUserAttributesInput!) {\n    adminDeleteUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": typeof types.SubsAdminDeleteDocument,
    "\n  fragment UserFields on User {\n    username\n    sub\n    userPoolId\n    attributes {\n      name\n      value\n    }\n  }\n": typeof types.UserFieldsFragmentDoc,
    "\n  fragment ChangeFields on AttributeChange {\n    updated {\n      name\n      value\n    }\n    deleted\n    source\n    occurredAt\n  }\n": typeof types.ChangeFieldsFragmentDoc,
    "\n  query TrustedMe {\n    me {\n      username\n    }\n  }\n": typeof types.TrustedMeDocument,
    "\n  mutation TrustedSetPlan($plan: String!) {\n    updateMyAttributes(input: { attributes: [{ name: \"custom:plan\", value: $plan }] }) {\n      user {\n        username\n      }\n    }\n  }\n": typeof types.TrustedSetPlanDocument,
    "\n  subscription TrustedChanges {\n    myAttributesChanged {\n      updated {\n        name\n        value\n      }\n    }\n  }\n": typeof types.TrustedChangesDocument,
    "\n  query SearchUsers($filter: UserFilterInput, $first: Int, $after: String, $userPoolId: ID) {\n    userSearch(filter: $filter, first: $first, after: $after, userPoolId: $userPoolId) {\n      edges {\n        cursor\n        node {\n          username\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SearchUsersDocument,
    "\n  query SearchDetails($filter: UserFilterInput) {\n    userSearch(filter: $filter) {\n      edges {\n        node {\n          username\n          sub\n          userPoolId\n          status\n          enabled\n          createdAt\n          updatedAt\n          attributes {\n            name\n            value\n          }\n        }\n      }\n    }\n  }\n": typeof types.SearchDetailsDocument,
};
const documents: Documents = {
    "\n  mutation AdmAttrUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        ...UserFields\n        status\n        enabled\n        createdAt\n        updatedAt\n      }\n    }\n  }\n": types.AdmAttrUpdateDocument,
    "\n  mutation AdmAttrDelete($input: AdminDeleteUserAttributesInput!) {\n    adminDeleteUserAttributes(input: $input) {\n      user {\n        username\n        sub\n        attributes {\n          name\n          value\n        }\n        status\n        enabled\n        createdAt\n        updatedAt\n      }\n    }\n  }\n": types.AdmAttrDeleteDocument,
    "\n  mutation AdmAttrAddCustom($input: AddCustomAttributesInput!) {\n    addCustomAttributes(input: $input) {\n      userPool {\n        id\n        customAttributes {\n          name\n          dataType\n          custom\n          mutable\n          required\n          developerOnly\n          minLength\n          maxLength\n          minValue\n          maxValue\n        }\n      }\n    }\n  }\n": types.AdmAttrAddCustomDocument,
    "\n  query AdmAttrPool {\n    userPool {\n      customAttributes {\n        name\n        dataType\n        custom\n        mutable\n        required\n        developerOnly\n        minLength\n        maxLength\n        minValue\n        maxValue\n      }\n    }\n  }\n": types.AdmAttrPoolDocument,
    "\n  mutation AdmAttrUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n        attributes {\n          name\n          value\n        }\n      }\n    }\n  }\n": types.AdmAttrUpdateMineDocument,
    "\n  query AuthMe {\n    me {\n      username\n      sub\n      userPoolId\n    }\n  }\n": types.AuthMeDocument,
    "\n  query AuthMeAll {\n    me {\n      username\n      sub\n      attributes {\n        name\n        value\n      }\n      plan: attribute(name: \"custom:plan\")\n      status\n      enabled\n      createdAt\n      updatedAt\n    }\n  }\n": types.AuthMeAllDocument,
    "\n  query AuthUser($username: String!, $userPoolId: ID) {\n    user(username: $username, userPoolId: $userPoolId) {\n      username\n      sub\n    }\n  }\n": types.AuthUserDocument,
    "\n  query AuthUsers($usernames: [String!]!, $userPoolId: ID) {\n    users(usernames: $usernames, userPoolId: $userPoolId) {\n      username\n    }\n  }\n": types.AuthUsersDocument,
    "\n  query AuthUserPool($id: ID) {\n    userPool(id: $id) {\n      id\n      customAttributes {\n        name\n      }\n    }\n  }\n": types.AuthUserPoolDocument,
    "\n  mutation AuthUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n        plan: attribute(name: \"custom:plan\")\n        status\n      }\n    }\n  }\n": types.AuthUpdateMineDocument,
    "\n  mutation AuthDeleteMine($input: DeleteMyAttributesInput!) {\n    deleteMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": types.AuthDeleteMineDocument,
    "\n  mutation AuthAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": types.AuthAdminUpdateDocument,
    "\n  mutation AuthAdminDelete($input: AdminDeleteUserAttributesInput!) {\n    adminDeleteUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": types.AuthAdminDeleteDocument,
    "\n  mutation AuthAddCustom($input: AddCustomAttributesInput!) {\n    addCustomAttributes(input: $input) {\n      userPool {\n        id\n      }\n    }\n  }\n": types.AuthAddCustomDocument,
    "\n  subscription ChurnMyChanges {\n    myAttributesChanged {\n      updated {\n        name\n        value\n      }\n    }\n  }\n": types.ChurnMyChangesDocument,
    "\n  query ChurnMe {\n    me {\n      username\n    }\n  }\n": types.ChurnMeDocument,
    "\n  mutation ChurnUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        plan: attribute(name: \"custom:plan\")\n      }\n    }\n  }\n": types.ChurnUpdateMineDocument,
    "\n  query ClientMe {\n    me {\n      id\n      username\n      plan: attribute(name: \"custom:plan\")\n    }\n  }\n": types.ClientMeDocument,
    "\n  mutation ClientSetPlan($plan: String!) {\n    updateMyAttributes(input: { attributes: [{ name: \"custom:plan\", value: $plan }] }) {\n      user {\n        id\n        plan: attribute(name: \"custom:plan\")\n      }\n      staleTokenClaims\n    }\n  }\n": types.ClientSetPlanDocument,
    "\n  subscription ClientChanges {\n    myAttributesChanged {\n      source\n      updated {\n        name\n        value\n      }\n    }\n  }\n": types.ClientChangesDocument,
    "\n  query BudgetMine {\n    me {\n      username\n      verificationCodes {\n        remaining\n        resetsAt\n      }\n      verificationAttempts {\n        remaining\n        resetsAt\n      }\n    }\n  }\n": types.BudgetMineDocument,
    "\n  query BudgetOfUser($username: String!) {\n    user(username: $username) {\n      username\n      verificationCodes {\n        remaining\n        resetsAt\n      }\n      verificationAttempts {\n        remaining\n        resetsAt\n      }\n    }\n  }\n": types.BudgetOfUserDocument,
    "\n  mutation BudgetRequestCode($input: RequestAttributeVerificationCodeInput!) {\n    requestAttributeVerificationCode(input: $input) {\n      codeDelivery {\n        attributeName\n      }\n    }\n  }\n": types.BudgetRequestCodeDocument,
    "\n  mutation BudgetVerify($input: VerifyMyAttributeInput!) {\n    verifyMyAttribute(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": types.BudgetVerifyDocument,
    "\n  query EmbeddedMe {\n    me {\n      username\n      userPoolId\n      plan: attribute(name: \"custom:plan\")\n    }\n  }\n": types.EmbeddedMeDocument,
    "\n  mutation EmbeddedAdminUpdate($username: String!, $attributes: [AttributeInput!]!) {\n    adminUpdateUserAttributes(input: { username: $username, attributes: $attributes }) {\n      user {\n        username\n        plan: attribute(name: \"custom:plan\")\n        seats: attribute(name: \"custom:seats\")\n      }\n    }\n  }\n": types.EmbeddedAdminUpdateDocument,
    "\n  mutation EmbeddedUpdateMine($attributes: [AttributeInput!]!) {\n    updateMyAttributes(input: { attributes: $attributes }) {\n      user {\n        username\n        plan: attribute(name: \"custom:plan\")\n        newsletter: attribute(name: \"custom:newsletter\")\n      }\n    }\n  }\n": types.EmbeddedUpdateMineDocument,
    "\n  query EmbeddedUsers($usernames: [String!]!) {\n    users(usernames: $usernames) {\n      username\n      plan: attribute(name: \"custom:plan\")\n      seats: attribute(name: \"custom:seats\")\n    }\n  }\n": types.EmbeddedUsersDocument,
    "\n  mutation EmbeddedRequestCode($attributeName: String!) {\n    requestAttributeVerificationCode(input: { attributeName: $attributeName }) {\n      codeDelivery {\n        attributeName\n        deliveryMedium\n      }\n    }\n  }\n": types.EmbeddedRequestCodeDocument,
    "\n  query EmbeddedPending {\n    me {\n      sub\n      pendingChanges {\n        name\n        value\n        masked\n        requestedAt\n      }\n    }\n  }\n": types.EmbeddedPendingDocument,
    "\n  mutation EmbeddedRequestCodeTo($input: RequestAttributeVerificationCodeInput!) {\n    requestAttributeVerificationCode(input: $input) {\n      codeDelivery {\n        attributeName\n        deliveryMedium\n        destination\n      }\n    }\n  }\n": types.EmbeddedRequestCodeToDocument,
    "\n  query ErrorsMe {\n    me {\n      username\n      attributes {\n        name\n        value\n      }\n    }\n  }\n": types.ErrorsMeDocument,
    "\n  subscription ExternalMine {\n    myAttributesChanged {\n      source\n      cursor\n      updated {\n        name\n        value\n      }\n      deleted\n      user {\n        username\n        attributes {\n          name\n          value\n        }\n      }\n    }\n  }\n": types.ExternalMineDocument,
    "\n  subscription ExternalUser($username: String!) {\n    userAttributesChanged(username: $username) {\n      source\n      updated {\n        name\n        value\n      }\n    }\n  }\n": types.ExternalUserDocument,
    "\n  subscription ExternalPool {\n    userPoolAttributesChanged {\n      source\n      user {\n        username\n      }\n      updated {\n        name\n        value\n      }\n    }\n  }\n": types.ExternalPoolDocument,
    "\n  mutation ExternalUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": types.ExternalUpdateMineDocument,
    "\n  query FaultsMe {\n    me {\n      username\n      plan: attribute(name: \"custom:plan\")\n    }\n  }\n": types.FaultsMeDocument,
    "\n  mutation FaultsUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n        plan: attribute(name: \"custom:plan\")\n      }\n    }\n  }\n": types.FaultsUpdateMineDocument,
    "\n  query FaultsAdminUser($username: String!) {\n    user(username: $username) {\n      username\n      plan: attribute(name: \"custom:plan\")\n    }\n  }\n": types.FaultsAdminUserDocument,
    "\n  subscription FaultsMyChanges {\n    myAttributesChanged {\n      updated {\n        name\n        value\n      }\n    }\n  }\n": types.FaultsMyChangesDocument,
    "\n  query MyAttrsMe {\n    me {\n      attributes {\n        name\n        value\n      }\n    }\n  }\n": types.MyAttrsMeDocument,
    "\n  mutation MyAttrsUpdate($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n        sub\n        attributes {\n          name\n          value\n        }\n        plan: attribute(name: \"custom:plan\")\n      }\n      codeDeliveries {\n        attributeName\n        deliveryMedium\n        destination\n      }\n    }\n  }\n": types.MyAttrsUpdateDocument,
    "\n  mutation MyAttrsDelete($input: DeleteMyAttributesInput!) {\n    deleteMyAttributes(input: $input) {\n      user {\n        username\n        attributes {\n          name\n          value\n        }\n      }\n    }\n  }\n": types.MyAttrsDeleteDocument,
    "\n  mutation MyAttrsRequestCode($input: RequestAttributeVerificationCodeInput!) {\n    requestAttributeVerificationCode(input: $input) {\n      codeDelivery {\n        attributeName\n        deliveryMedium\n        destination\n      }\n    }\n  }\n": types.MyAttrsRequestCodeDocument,
    "\n  mutation MyAttrsVerify($input: VerifyMyAttributeInput!) {\n    verifyMyAttribute(input: $input) {\n      user {\n        username\n        attributes {\n          name\n          value\n        }\n        emailVerified: attribute(name: \"email_verified\")\n      }\n    }\n  }\n": types.MyAttrsVerifyDocument,
    "\n  query PendingMe {\n    me {\n      id\n      attributes {\n        name\n        value\n      }\n      pendingChanges {\n        name\n        value\n        masked\n        requestedAt\n      }\n    }\n  }\n": types.PendingMeDocument,
    "\n  mutation PendingUpdate($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        id\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n          masked\n          requestedAt\n        }\n      }\n      codeDeliveries {\n        attributeName\n        deliveryMedium\n        destination\n      }\n      staleTokenClaims\n    }\n  }\n": types.PendingUpdateDocument,
    "\n  mutation PendingRequestCode($input: RequestAttributeVerificationCodeInput!) {\n    requestAttributeVerificationCode(input: $input) {\n      codeDelivery {\n        attributeName\n        deliveryMedium\n        destination\n      }\n    }\n  }\n": types.PendingRequestCodeDocument,
    "\n  mutation PendingVerify($input: VerifyMyAttributeInput!) {\n    verifyMyAttribute(input: $input) {\n      user {\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n        }\n      }\n    }\n  }\n": types.PendingVerifyDocument,
    "\n  query PendingAdminUser($username: String!) {\n    user(username: $username) {\n      id\n      attributes {\n        name\n        value\n      }\n      pendingChanges {\n        name\n        value\n        masked\n      }\n    }\n  }\n": types.PendingAdminUserDocument,
    "\n  mutation PendingAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n          masked\n        }\n      }\n    }\n  }\n": types.PendingAdminUpdateDocument,
    "\n  subscription PendingMine {\n    myAttributesChanged {\n      updated {\n        name\n        value\n      }\n      pending {\n        name\n        value\n        masked\n      }\n      user {\n        id\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n        }\n      }\n    }\n  }\n": types.PendingMineDocument,
    "\n  query CachedMe {\n    me {\n      username\n      sub\n      plan: attribute(name: \"custom:plan\")\n      seats: attribute(name: \"custom:seats\")\n    }\n  }\n": types.CachedMeDocument,
    "\n  mutation CachedUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        plan: attribute(name: \"custom:plan\")\n      }\n    }\n  }\n": types.CachedUpdateMineDocument,
    "\n  mutation CachedDeleteMine($input: DeleteMyAttributesInput!) {\n    deleteMyAttributes(input: $input) {\n      user {\n        seats: attribute(name: \"custom:seats\")\n      }\n    }\n  }\n": types.CachedDeleteMineDocument,
    "\n  mutation CachedAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": types.CachedAdminUpdateDocument,
    "\n  mutation CachedAdminDelete($input: AdminDeleteUserAttributesInput!) {\n    adminDeleteUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": types.CachedAdminDeleteDocument,
    "\n  mutation ProvisionedWrite($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": types.ProvisionedWriteDocument,
    "\n  query Me {\n    me {\n      ...UserFields\n      plan: attribute(name: \"custom:plan\")\n      missing: attribute(name: \"custom:nothing\")\n    }\n  }\n": types.MeDocument,
    "\n  query AdminUser($username: String!, $userPoolId: ID) {\n    user(username: $username, userPoolId: $userPoolId) {\n      username\n      sub\n      attributes {\n        name\n        value\n      }\n      status\n      enabled\n      createdAt\n      updatedAt\n    }\n  }\n": types.AdminUserDocument,
    "\n  query Users($usernames: [String!]!) {\n    users(usernames: $usernames) {\n      username\n    }\n  }\n": types.UsersDocument,
    "\n  query Pool($id: ID) {\n    userPool(id: $id) {\n      id\n      name\n      attributes {\n        name\n        dataType\n        custom\n        mutable\n        required\n        developerOnly\n        minLength\n        maxLength\n        minValue\n        maxValue\n      }\n      customAttributes {\n        name\n      }\n    }\n  }\n": types.PoolDocument,
    "\n  mutation QuotaAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": types.QuotaAdminUpdateDocument,
    "\n  mutation QuotaUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": types.QuotaUpdateMineDocument,
    "\n  mutation QuotaRequestCode($input: RequestAttributeVerificationCodeInput!) {\n    requestAttributeVerificationCode(input: $input) {\n      codeDelivery {\n        attributeName\n      }\n    }\n  }\n": types.QuotaRequestCodeDocument,
    "\n  query QuotaUser($username: String!) {\n    user(username: $username) {\n      username\n    }\n  }\n": types.QuotaUserDocument,
    "\n  query QuotaPool {\n    userPool {\n      id\n    }\n  }\n": types.QuotaPoolDocument,
    "\n  query QuotaMe {\n    me {\n      username\n    }\n  }\n": types.QuotaMeDocument,
    "\n  mutation QuotaVerify($input: VerifyMyAttributeInput!) {\n    verifyMyAttribute(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": types.QuotaVerifyDocument,
    "\n  mutation QuotaAddCustom($input: AddCustomAttributesInput!) {\n    addCustomAttributes(input: $input) {\n      userPool {\n        id\n      }\n    }\n  }\n": types.QuotaAddCustomDocument,
    "\n  query QuotaUsers($usernames: [String!]!) {\n    users(usernames: $usernames) {\n      username\n    }\n  }\n": types.QuotaUsersDocument,
    "\n  mutation RecipeUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": types.RecipeUpdateMineDocument,
    "\n  subscription RedisMyChanges {\n    myAttributesChanged {\n      user {\n        username\n        attributes {\n          name\n          value\n        }\n      }\n      updated {\n        name\n        value\n      }\n      deleted\n      source\n    }\n  }\n": types.RedisMyChangesDocument,
    "\n  subscription RedisPoolChanges {\n    userPoolAttributesChanged {\n      user {\n        username\n      }\n      updated {\n        name\n        value\n      }\n      source\n    }\n  }\n": types.RedisPoolChangesDocument,
    "\n  mutation RedisUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n        plan: attribute(name: \"custom:plan\")\n      }\n    }\n  }\n": types.RedisUpdateMineDocument,
    "\n  mutation RedisAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n        plan: attribute(name: \"custom:plan\")\n      }\n    }\n  }\n": types.RedisAdminUpdateDocument,
    "\n  query RedisMe {\n    me {\n      username\n      plan: attribute(name: \"custom:plan\")\n    }\n  }\n": types.RedisMeDocument,
    "\n  subscription ResumeMine($after: String) {\n    myAttributesChanged(after: $after) {\n      cursor\n      source\n      user {\n        username\n      }\n      updated {\n        name\n        value\n      }\n    }\n  }\n": types.ResumeMineDocument,
    "\n  subscription ResumePool($after: String) {\n    userPoolAttributesChanged(after: $after) {\n      cursor\n      user {\n        username\n      }\n      updated {\n        name\n        value\n      }\n    }\n  }\n": types.ResumePoolDocument,
    "\n  subscription ResumeUser($username: String!, $after: String) {\n    userAttributesChanged(username: $username, after: $after) {\n      cursor\n      user {\n        username\n      }\n      updated {\n        name\n        value\n      }\n    }\n  }\n": types.ResumeUserDocument,
    "\n  mutation ResumeUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": types.ResumeUpdateMineDocument,
    "\n  mutation ResumeAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": types.ResumeAdminUpdateDocument,
    "\n  query RevokedUser($username: String!) {\n    user(username: $username) {\n      username\n    }\n  }\n": types.RevokedUserDocument,
    "\n  query RevokedMe {\n    me {\n      username\n    }\n  }\n": types.RevokedMeDocument,
    "\n  mutation RevokedUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": types.RevokedUpdateMineDocument,
    "\n  subscription RevokedMine {\n    myAttributesChanged {\n      updated {\n        name\n        value\n      }\n    }\n  }\n": types.RevokedMineDocument,
    "\n  subscription RevokedPool {\n    userPoolAttributesChanged {\n      user {\n        username\n      }\n    }\n  }\n": types.RevokedPoolDocument,
    "\n  subscription ShutdownMyChanges {\n    myAttributesChanged {\n      user {\n        username\n      }\n      updated {\n        name\n        value\n      }\n    }\n  }\n": types.ShutdownMyChangesDocument,
    "\n  mutation ShutdownUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        plan: attribute(name: \"custom:plan\")\n      }\n    }\n  }\n": types.ShutdownUpdateMineDocument,
    "\n  subscription SubsMine {\n    myAttributesChanged {\n      user {\n        ...UserFields\n      }\n      ...ChangeFields\n    }\n  }\n": types.SubsMineDocument,
    "\n  subscription SubsMineStatus {\n    myAttributesChanged {\n      user {\n        username\n        status\n      }\n      source\n    }\n  }\n": types.SubsMineStatusDocument,
    "\n  subscription SubsUser($username: String!, $userPoolId: ID) {\n    userAttributesChanged(username: $username, userPoolId: $userPoolId) {\n      user {\n        ...UserFields\n        status\n        enabled\n      }\n      ...ChangeFields\n    }\n  }\n": types.SubsUserDocument,
    "\n  subscription SubsPool($userPoolId: ID) {\n    userPoolAttributesChanged(userPoolId: $userPoolId) {\n      user {\n        ...UserFields\n        status\n        enabled\n      }\n      ...ChangeFields\n    }\n  }\n": types.SubsPoolDocument,
    "\n  mutation SubsUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": types.SubsUpdateMineDocument,
    "\n  mutation SubsDeleteMine($input: DeleteMyAttributesInput!) {\n    deleteMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": types.SubsDeleteMineDocument,
    "\n  mutation SubsRequestCode($input: RequestAttributeVerificationCodeInput!) {\n    requestAttributeVerificationCode(input: $input) {\n      codeDelivery {\n        attributeName\n      }\n    }\n  }\n": types.SubsRequestCodeDocument,
    "\n  mutation SubsVerifyMine($input: VerifyMyAttributeInput!) {\n    verifyMyAttribute(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": types.SubsVerifyMineDocument,
    "\n  mutation SubsAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": types.SubsAdminUpdateDocument,
    "\n  mutation SubsAdminDelete($input: AdminDeleteUserAttributesInput!) {\n    adminDeleteUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n": types.SubsAdminDeleteDocument,
    "\n  fragment UserFields on User {\n    username\n    sub\n    userPoolId\n    attributes {\n      name\n      value\n    }\n  }\n": types.UserFieldsFragmentDoc,
    "\n  fragment ChangeFields on AttributeChange {\n    updated {\n      name\n      value\n    }\n    deleted\n    source\n    occurredAt\n  }\n": types.ChangeFieldsFragmentDoc,
    "\n  query TrustedMe {\n    me {\n      username\n    }\n  }\n": types.TrustedMeDocument,
    "\n  mutation TrustedSetPlan($plan: String!) {\n    updateMyAttributes(input: { attributes: [{ name: \"custom:plan\", value: $plan }] }) {\n      user {\n        username\n      }\n    }\n  }\n": types.TrustedSetPlanDocument,
    "\n  subscription TrustedChanges {\n    myAttributesChanged {\n      updated {\n        name\n        value\n      }\n    }\n  }\n": types.TrustedChangesDocument,
    "\n  query SearchUsers($filter: UserFilterInput, $first: Int, $after: String, $userPoolId: ID) {\n    userSearch(filter: $filter, first: $first, after: $after, userPoolId: $userPoolId) {\n      edges {\n        cursor\n        node {\n          username\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SearchUsersDocument,
    "\n  query SearchDetails($filter: UserFilterInput) {\n    userSearch(filter: $filter) {\n      edges {\n        node {\n          username\n          sub\n          userPoolId\n          status\n          enabled\n          createdAt\n          updatedAt\n          attributes {\n            name\n            value\n          }\n        }\n      }\n    }\n  }\n": types.SearchDetailsDocument,
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
export function graphql(source: "\n  mutation AdmAttrUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        ...UserFields\n        status\n        enabled\n        createdAt\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdmAttrUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        ...UserFields\n        status\n        enabled\n        createdAt\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdmAttrDelete($input: AdminDeleteUserAttributesInput!) {\n    adminDeleteUserAttributes(input: $input) {\n      user {\n        username\n        sub\n        attributes {\n          name\n          value\n        }\n        status\n        enabled\n        createdAt\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdmAttrDelete($input: AdminDeleteUserAttributesInput!) {\n    adminDeleteUserAttributes(input: $input) {\n      user {\n        username\n        sub\n        attributes {\n          name\n          value\n        }\n        status\n        enabled\n        createdAt\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdmAttrAddCustom($input: AddCustomAttributesInput!) {\n    addCustomAttributes(input: $input) {\n      userPool {\n        id\n        customAttributes {\n          name\n          dataType\n          custom\n          mutable\n          required\n          developerOnly\n          minLength\n          maxLength\n          minValue\n          maxValue\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdmAttrAddCustom($input: AddCustomAttributesInput!) {\n    addCustomAttributes(input: $input) {\n      userPool {\n        id\n        customAttributes {\n          name\n          dataType\n          custom\n          mutable\n          required\n          developerOnly\n          minLength\n          maxLength\n          minValue\n          maxValue\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdmAttrPool {\n    userPool {\n      customAttributes {\n        name\n        dataType\n        custom\n        mutable\n        required\n        developerOnly\n        minLength\n        maxLength\n        minValue\n        maxValue\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdmAttrPool {\n    userPool {\n      customAttributes {\n        name\n        dataType\n        custom\n        mutable\n        required\n        developerOnly\n        minLength\n        maxLength\n        minValue\n        maxValue\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdmAttrUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n        attributes {\n          name\n          value\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdmAttrUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n        attributes {\n          name\n          value\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthMe {\n    me {\n      username\n      sub\n      userPoolId\n    }\n  }\n"): (typeof documents)["\n  query AuthMe {\n    me {\n      username\n      sub\n      userPoolId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthMeAll {\n    me {\n      username\n      sub\n      attributes {\n        name\n        value\n      }\n      plan: attribute(name: \"custom:plan\")\n      status\n      enabled\n      createdAt\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  query AuthMeAll {\n    me {\n      username\n      sub\n      attributes {\n        name\n        value\n      }\n      plan: attribute(name: \"custom:plan\")\n      status\n      enabled\n      createdAt\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthUser($username: String!, $userPoolId: ID) {\n    user(username: $username, userPoolId: $userPoolId) {\n      username\n      sub\n    }\n  }\n"): (typeof documents)["\n  query AuthUser($username: String!, $userPoolId: ID) {\n    user(username: $username, userPoolId: $userPoolId) {\n      username\n      sub\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthUsers($usernames: [String!]!, $userPoolId: ID) {\n    users(usernames: $usernames, userPoolId: $userPoolId) {\n      username\n    }\n  }\n"): (typeof documents)["\n  query AuthUsers($usernames: [String!]!, $userPoolId: ID) {\n    users(usernames: $usernames, userPoolId: $userPoolId) {\n      username\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthUserPool($id: ID) {\n    userPool(id: $id) {\n      id\n      customAttributes {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuthUserPool($id: ID) {\n    userPool(id: $id) {\n      id\n      customAttributes {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n        plan: attribute(name: \"custom:plan\")\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AuthUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n        plan: attribute(name: \"custom:plan\")\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthDeleteMine($input: DeleteMyAttributesInput!) {\n    deleteMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AuthDeleteMine($input: DeleteMyAttributesInput!) {\n    deleteMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AuthAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthAdminDelete($input: AdminDeleteUserAttributesInput!) {\n    adminDeleteUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AuthAdminDelete($input: AdminDeleteUserAttributesInput!) {\n    adminDeleteUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthAddCustom($input: AddCustomAttributesInput!) {\n    addCustomAttributes(input: $input) {\n      userPool {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AuthAddCustom($input: AddCustomAttributesInput!) {\n    addCustomAttributes(input: $input) {\n      userPool {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ChurnMyChanges {\n    myAttributesChanged {\n      updated {\n        name\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ChurnMyChanges {\n    myAttributesChanged {\n      updated {\n        name\n        value\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChurnMe {\n    me {\n      username\n    }\n  }\n"): (typeof documents)["\n  query ChurnMe {\n    me {\n      username\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChurnUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        plan: attribute(name: \"custom:plan\")\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChurnUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        plan: attribute(name: \"custom:plan\")\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientMe {\n    me {\n      id\n      username\n      plan: attribute(name: \"custom:plan\")\n    }\n  }\n"): (typeof documents)["\n  query ClientMe {\n    me {\n      id\n      username\n      plan: attribute(name: \"custom:plan\")\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientSetPlan($plan: String!) {\n    updateMyAttributes(input: { attributes: [{ name: \"custom:plan\", value: $plan }] }) {\n      user {\n        id\n        plan: attribute(name: \"custom:plan\")\n      }\n      staleTokenClaims\n    }\n  }\n"): (typeof documents)["\n  mutation ClientSetPlan($plan: String!) {\n    updateMyAttributes(input: { attributes: [{ name: \"custom:plan\", value: $plan }] }) {\n      user {\n        id\n        plan: attribute(name: \"custom:plan\")\n      }\n      staleTokenClaims\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ClientChanges {\n    myAttributesChanged {\n      source\n      updated {\n        name\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ClientChanges {\n    myAttributesChanged {\n      source\n      updated {\n        name\n        value\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BudgetMine {\n    me {\n      username\n      verificationCodes {\n        remaining\n        resetsAt\n      }\n      verificationAttempts {\n        remaining\n        resetsAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query BudgetMine {\n    me {\n      username\n      verificationCodes {\n        remaining\n        resetsAt\n      }\n      verificationAttempts {\n        remaining\n        resetsAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BudgetOfUser($username: String!) {\n    user(username: $username) {\n      username\n      verificationCodes {\n        remaining\n        resetsAt\n      }\n      verificationAttempts {\n        remaining\n        resetsAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query BudgetOfUser($username: String!) {\n    user(username: $username) {\n      username\n      verificationCodes {\n        remaining\n        resetsAt\n      }\n      verificationAttempts {\n        remaining\n        resetsAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BudgetRequestCode($input: RequestAttributeVerificationCodeInput!) {\n    requestAttributeVerificationCode(input: $input) {\n      codeDelivery {\n        attributeName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BudgetRequestCode($input: RequestAttributeVerificationCodeInput!) {\n    requestAttributeVerificationCode(input: $input) {\n      codeDelivery {\n        attributeName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BudgetVerify($input: VerifyMyAttributeInput!) {\n    verifyMyAttribute(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BudgetVerify($input: VerifyMyAttributeInput!) {\n    verifyMyAttribute(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmbeddedMe {\n    me {\n      username\n      userPoolId\n      plan: attribute(name: \"custom:plan\")\n    }\n  }\n"): (typeof documents)["\n  query EmbeddedMe {\n    me {\n      username\n      userPoolId\n      plan: attribute(name: \"custom:plan\")\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EmbeddedAdminUpdate($username: String!, $attributes: [AttributeInput!]!) {\n    adminUpdateUserAttributes(input: { username: $username, attributes: $attributes }) {\n      user {\n        username\n        plan: attribute(name: \"custom:plan\")\n        seats: attribute(name: \"custom:seats\")\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EmbeddedAdminUpdate($username: String!, $attributes: [AttributeInput!]!) {\n    adminUpdateUserAttributes(input: { username: $username, attributes: $attributes }) {\n      user {\n        username\n        plan: attribute(name: \"custom:plan\")\n        seats: attribute(name: \"custom:seats\")\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EmbeddedUpdateMine($attributes: [AttributeInput!]!) {\n    updateMyAttributes(input: { attributes: $attributes }) {\n      user {\n        username\n        plan: attribute(name: \"custom:plan\")\n        newsletter: attribute(name: \"custom:newsletter\")\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EmbeddedUpdateMine($attributes: [AttributeInput!]!) {\n    updateMyAttributes(input: { attributes: $attributes }) {\n      user {\n        username\n        plan: attribute(name: \"custom:plan\")\n        newsletter: attribute(name: \"custom:newsletter\")\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmbeddedUsers($usernames: [String!]!) {\n    users(usernames: $usernames) {\n      username\n      plan: attribute(name: \"custom:plan\")\n      seats: attribute(name: \"custom:seats\")\n    }\n  }\n"): (typeof documents)["\n  query EmbeddedUsers($usernames: [String!]!) {\n    users(usernames: $usernames) {\n      username\n      plan: attribute(name: \"custom:plan\")\n      seats: attribute(name: \"custom:seats\")\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EmbeddedRequestCode($attributeName: String!) {\n    requestAttributeVerificationCode(input: { attributeName: $attributeName }) {\n      codeDelivery {\n        attributeName\n        deliveryMedium\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EmbeddedRequestCode($attributeName: String!) {\n    requestAttributeVerificationCode(input: { attributeName: $attributeName }) {\n      codeDelivery {\n        attributeName\n        deliveryMedium\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmbeddedPending {\n    me {\n      sub\n      pendingChanges {\n        name\n        value\n        masked\n        requestedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query EmbeddedPending {\n    me {\n      sub\n      pendingChanges {\n        name\n        value\n        masked\n        requestedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EmbeddedRequestCodeTo($input: RequestAttributeVerificationCodeInput!) {\n    requestAttributeVerificationCode(input: $input) {\n      codeDelivery {\n        attributeName\n        deliveryMedium\n        destination\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EmbeddedRequestCodeTo($input: RequestAttributeVerificationCodeInput!) {\n    requestAttributeVerificationCode(input: $input) {\n      codeDelivery {\n        attributeName\n        deliveryMedium\n        destination\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ErrorsMe {\n    me {\n      username\n      attributes {\n        name\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  query ErrorsMe {\n    me {\n      username\n      attributes {\n        name\n        value\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ExternalMine {\n    myAttributesChanged {\n      source\n      cursor\n      updated {\n        name\n        value\n      }\n      deleted\n      user {\n        username\n        attributes {\n          name\n          value\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ExternalMine {\n    myAttributesChanged {\n      source\n      cursor\n      updated {\n        name\n        value\n      }\n      deleted\n      user {\n        username\n        attributes {\n          name\n          value\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ExternalUser($username: String!) {\n    userAttributesChanged(username: $username) {\n      source\n      updated {\n        name\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ExternalUser($username: String!) {\n    userAttributesChanged(username: $username) {\n      source\n      updated {\n        name\n        value\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ExternalPool {\n    userPoolAttributesChanged {\n      source\n      user {\n        username\n      }\n      updated {\n        name\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ExternalPool {\n    userPoolAttributesChanged {\n      source\n      user {\n        username\n      }\n      updated {\n        name\n        value\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExternalUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ExternalUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FaultsMe {\n    me {\n      username\n      plan: attribute(name: \"custom:plan\")\n    }\n  }\n"): (typeof documents)["\n  query FaultsMe {\n    me {\n      username\n      plan: attribute(name: \"custom:plan\")\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FaultsUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n        plan: attribute(name: \"custom:plan\")\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FaultsUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n        plan: attribute(name: \"custom:plan\")\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FaultsAdminUser($username: String!) {\n    user(username: $username) {\n      username\n      plan: attribute(name: \"custom:plan\")\n    }\n  }\n"): (typeof documents)["\n  query FaultsAdminUser($username: String!) {\n    user(username: $username) {\n      username\n      plan: attribute(name: \"custom:plan\")\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FaultsMyChanges {\n    myAttributesChanged {\n      updated {\n        name\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription FaultsMyChanges {\n    myAttributesChanged {\n      updated {\n        name\n        value\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAttrsMe {\n    me {\n      attributes {\n        name\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyAttrsMe {\n    me {\n      attributes {\n        name\n        value\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MyAttrsUpdate($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n        sub\n        attributes {\n          name\n          value\n        }\n        plan: attribute(name: \"custom:plan\")\n      }\n      codeDeliveries {\n        attributeName\n        deliveryMedium\n        destination\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MyAttrsUpdate($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n        sub\n        attributes {\n          name\n          value\n        }\n        plan: attribute(name: \"custom:plan\")\n      }\n      codeDeliveries {\n        attributeName\n        deliveryMedium\n        destination\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MyAttrsDelete($input: DeleteMyAttributesInput!) {\n    deleteMyAttributes(input: $input) {\n      user {\n        username\n        attributes {\n          name\n          value\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MyAttrsDelete($input: DeleteMyAttributesInput!) {\n    deleteMyAttributes(input: $input) {\n      user {\n        username\n        attributes {\n          name\n          value\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MyAttrsRequestCode($input: RequestAttributeVerificationCodeInput!) {\n    requestAttributeVerificationCode(input: $input) {\n      codeDelivery {\n        attributeName\n        deliveryMedium\n        destination\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MyAttrsRequestCode($input: RequestAttributeVerificationCodeInput!) {\n    requestAttributeVerificationCode(input: $input) {\n      codeDelivery {\n        attributeName\n        deliveryMedium\n        destination\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MyAttrsVerify($input: VerifyMyAttributeInput!) {\n    verifyMyAttribute(input: $input) {\n      user {\n        username\n        attributes {\n          name\n          value\n        }\n        emailVerified: attribute(name: \"email_verified\")\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MyAttrsVerify($input: VerifyMyAttributeInput!) {\n    verifyMyAttribute(input: $input) {\n      user {\n        username\n        attributes {\n          name\n          value\n        }\n        emailVerified: attribute(name: \"email_verified\")\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingMe {\n    me {\n      id\n      attributes {\n        name\n        value\n      }\n      pendingChanges {\n        name\n        value\n        masked\n        requestedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query PendingMe {\n    me {\n      id\n      attributes {\n        name\n        value\n      }\n      pendingChanges {\n        name\n        value\n        masked\n        requestedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PendingUpdate($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        id\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n          masked\n          requestedAt\n        }\n      }\n      codeDeliveries {\n        attributeName\n        deliveryMedium\n        destination\n      }\n      staleTokenClaims\n    }\n  }\n"): (typeof documents)["\n  mutation PendingUpdate($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        id\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n          masked\n          requestedAt\n        }\n      }\n      codeDeliveries {\n        attributeName\n        deliveryMedium\n        destination\n      }\n      staleTokenClaims\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PendingRequestCode($input: RequestAttributeVerificationCodeInput!) {\n    requestAttributeVerificationCode(input: $input) {\n      codeDelivery {\n        attributeName\n        deliveryMedium\n        destination\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PendingRequestCode($input: RequestAttributeVerificationCodeInput!) {\n    requestAttributeVerificationCode(input: $input) {\n      codeDelivery {\n        attributeName\n        deliveryMedium\n        destination\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PendingVerify($input: VerifyMyAttributeInput!) {\n    verifyMyAttribute(input: $input) {\n      user {\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PendingVerify($input: VerifyMyAttributeInput!) {\n    verifyMyAttribute(input: $input) {\n      user {\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingAdminUser($username: String!) {\n    user(username: $username) {\n      id\n      attributes {\n        name\n        value\n      }\n      pendingChanges {\n        name\n        value\n        masked\n      }\n    }\n  }\n"): (typeof documents)["\n  query PendingAdminUser($username: String!) {\n    user(username: $username) {\n      id\n      attributes {\n        name\n        value\n      }\n      pendingChanges {\n        name\n        value\n        masked\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PendingAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n          masked\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PendingAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n          masked\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PendingMine {\n    myAttributesChanged {\n      updated {\n        name\n        value\n      }\n      pending {\n        name\n        value\n        masked\n      }\n      user {\n        id\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription PendingMine {\n    myAttributesChanged {\n      updated {\n        name\n        value\n      }\n      pending {\n        name\n        value\n        masked\n      }\n      user {\n        id\n        attributes {\n          name\n          value\n        }\n        pendingChanges {\n          name\n          value\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CachedMe {\n    me {\n      username\n      sub\n      plan: attribute(name: \"custom:plan\")\n      seats: attribute(name: \"custom:seats\")\n    }\n  }\n"): (typeof documents)["\n  query CachedMe {\n    me {\n      username\n      sub\n      plan: attribute(name: \"custom:plan\")\n      seats: attribute(name: \"custom:seats\")\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CachedUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        plan: attribute(name: \"custom:plan\")\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CachedUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        plan: attribute(name: \"custom:plan\")\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CachedDeleteMine($input: DeleteMyAttributesInput!) {\n    deleteMyAttributes(input: $input) {\n      user {\n        seats: attribute(name: \"custom:seats\")\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CachedDeleteMine($input: DeleteMyAttributesInput!) {\n    deleteMyAttributes(input: $input) {\n      user {\n        seats: attribute(name: \"custom:seats\")\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CachedAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CachedAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CachedAdminDelete($input: AdminDeleteUserAttributesInput!) {\n    adminDeleteUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CachedAdminDelete($input: AdminDeleteUserAttributesInput!) {\n    adminDeleteUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProvisionedWrite($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ProvisionedWrite($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...UserFields\n      plan: attribute(name: \"custom:plan\")\n      missing: attribute(name: \"custom:nothing\")\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...UserFields\n      plan: attribute(name: \"custom:plan\")\n      missing: attribute(name: \"custom:nothing\")\n    }\n  }\n"];
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuotaAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation QuotaAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuotaUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation QuotaUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuotaRequestCode($input: RequestAttributeVerificationCodeInput!) {\n    requestAttributeVerificationCode(input: $input) {\n      codeDelivery {\n        attributeName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation QuotaRequestCode($input: RequestAttributeVerificationCodeInput!) {\n    requestAttributeVerificationCode(input: $input) {\n      codeDelivery {\n        attributeName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuotaUser($username: String!) {\n    user(username: $username) {\n      username\n    }\n  }\n"): (typeof documents)["\n  query QuotaUser($username: String!) {\n    user(username: $username) {\n      username\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuotaPool {\n    userPool {\n      id\n    }\n  }\n"): (typeof documents)["\n  query QuotaPool {\n    userPool {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuotaMe {\n    me {\n      username\n    }\n  }\n"): (typeof documents)["\n  query QuotaMe {\n    me {\n      username\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuotaVerify($input: VerifyMyAttributeInput!) {\n    verifyMyAttribute(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation QuotaVerify($input: VerifyMyAttributeInput!) {\n    verifyMyAttribute(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuotaAddCustom($input: AddCustomAttributesInput!) {\n    addCustomAttributes(input: $input) {\n      userPool {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation QuotaAddCustom($input: AddCustomAttributesInput!) {\n    addCustomAttributes(input: $input) {\n      userPool {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuotaUsers($usernames: [String!]!) {\n    users(usernames: $usernames) {\n      username\n    }\n  }\n"): (typeof documents)["\n  query QuotaUsers($usernames: [String!]!) {\n    users(usernames: $usernames) {\n      username\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecipeUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RecipeUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RedisMyChanges {\n    myAttributesChanged {\n      user {\n        username\n        attributes {\n          name\n          value\n        }\n      }\n      updated {\n        name\n        value\n      }\n      deleted\n      source\n    }\n  }\n"): (typeof documents)["\n  subscription RedisMyChanges {\n    myAttributesChanged {\n      user {\n        username\n        attributes {\n          name\n          value\n        }\n      }\n      updated {\n        name\n        value\n      }\n      deleted\n      source\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RedisPoolChanges {\n    userPoolAttributesChanged {\n      user {\n        username\n      }\n      updated {\n        name\n        value\n      }\n      source\n    }\n  }\n"): (typeof documents)["\n  subscription RedisPoolChanges {\n    userPoolAttributesChanged {\n      user {\n        username\n      }\n      updated {\n        name\n        value\n      }\n      source\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedisUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n        plan: attribute(name: \"custom:plan\")\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RedisUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n        plan: attribute(name: \"custom:plan\")\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedisAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n        plan: attribute(name: \"custom:plan\")\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RedisAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n        plan: attribute(name: \"custom:plan\")\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RedisMe {\n    me {\n      username\n      plan: attribute(name: \"custom:plan\")\n    }\n  }\n"): (typeof documents)["\n  query RedisMe {\n    me {\n      username\n      plan: attribute(name: \"custom:plan\")\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ResumeMine($after: String) {\n    myAttributesChanged(after: $after) {\n      cursor\n      source\n      user {\n        username\n      }\n      updated {\n        name\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ResumeMine($after: String) {\n    myAttributesChanged(after: $after) {\n      cursor\n      source\n      user {\n        username\n      }\n      updated {\n        name\n        value\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ResumePool($after: String) {\n    userPoolAttributesChanged(after: $after) {\n      cursor\n      user {\n        username\n      }\n      updated {\n        name\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ResumePool($after: String) {\n    userPoolAttributesChanged(after: $after) {\n      cursor\n      user {\n        username\n      }\n      updated {\n        name\n        value\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ResumeUser($username: String!, $after: String) {\n    userAttributesChanged(username: $username, after: $after) {\n      cursor\n      user {\n        username\n      }\n      updated {\n        name\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ResumeUser($username: String!, $after: String) {\n    userAttributesChanged(username: $username, after: $after) {\n      cursor\n      user {\n        username\n      }\n      updated {\n        name\n        value\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResumeUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResumeAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevokedUser($username: String!) {\n    user(username: $username) {\n      username\n    }\n  }\n"): (typeof documents)["\n  query RevokedUser($username: String!) {\n    user(username: $username) {\n      username\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevokedMe {\n    me {\n      username\n    }\n  }\n"): (typeof documents)["\n  query RevokedMe {\n    me {\n      username\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokedUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokedUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RevokedMine {\n    myAttributesChanged {\n      updated {\n        name\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription RevokedMine {\n    myAttributesChanged {\n      updated {\n        name\n        value\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RevokedPool {\n    userPoolAttributesChanged {\n      user {\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription RevokedPool {\n    userPoolAttributesChanged {\n      user {\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ShutdownMyChanges {\n    myAttributesChanged {\n      user {\n        username\n      }\n      updated {\n        name\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ShutdownMyChanges {\n    myAttributesChanged {\n      user {\n        username\n      }\n      updated {\n        name\n        value\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShutdownUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        plan: attribute(name: \"custom:plan\")\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ShutdownUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        plan: attribute(name: \"custom:plan\")\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SubsMine {\n    myAttributesChanged {\n      user {\n        ...UserFields\n      }\n      ...ChangeFields\n    }\n  }\n"): (typeof documents)["\n  subscription SubsMine {\n    myAttributesChanged {\n      user {\n        ...UserFields\n      }\n      ...ChangeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SubsMineStatus {\n    myAttributesChanged {\n      user {\n        username\n        status\n      }\n      source\n    }\n  }\n"): (typeof documents)["\n  subscription SubsMineStatus {\n    myAttributesChanged {\n      user {\n        username\n        status\n      }\n      source\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SubsUser($username: String!, $userPoolId: ID) {\n    userAttributesChanged(username: $username, userPoolId: $userPoolId) {\n      user {\n        ...UserFields\n        status\n        enabled\n      }\n      ...ChangeFields\n    }\n  }\n"): (typeof documents)["\n  subscription SubsUser($username: String!, $userPoolId: ID) {\n    userAttributesChanged(username: $username, userPoolId: $userPoolId) {\n      user {\n        ...UserFields\n        status\n        enabled\n      }\n      ...ChangeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SubsPool($userPoolId: ID) {\n    userPoolAttributesChanged(userPoolId: $userPoolId) {\n      user {\n        ...UserFields\n        status\n        enabled\n      }\n      ...ChangeFields\n    }\n  }\n"): (typeof documents)["\n  subscription SubsPool($userPoolId: ID) {\n    userPoolAttributesChanged(userPoolId: $userPoolId) {\n      user {\n        ...UserFields\n        status\n        enabled\n      }\n      ...ChangeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubsUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubsUpdateMine($input: UpdateMyAttributesInput!) {\n    updateMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubsDeleteMine($input: DeleteMyAttributesInput!) {\n    deleteMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubsDeleteMine($input: DeleteMyAttributesInput!) {\n    deleteMyAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubsRequestCode($input: RequestAttributeVerificationCodeInput!) {\n    requestAttributeVerificationCode(input: $input) {\n      codeDelivery {\n        attributeName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubsRequestCode($input: RequestAttributeVerificationCodeInput!) {\n    requestAttributeVerificationCode(input: $input) {\n      codeDelivery {\n        attributeName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubsVerifyMine($input: VerifyMyAttributeInput!) {\n    verifyMyAttribute(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubsVerifyMine($input: VerifyMyAttributeInput!) {\n    verifyMyAttribute(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubsAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubsAdminUpdate($input: AdminUpdateUserAttributesInput!) {\n    adminUpdateUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubsAdminDelete($input: AdminDeleteUserAttributesInput!) {\n    adminDeleteUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubsAdminDelete($input: AdminDeleteUserAttributesInput!) {\n    adminDeleteUserAttributes(input: $input) {\n      user {\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserFields on User {\n    username\n    sub\n    userPoolId\n    attributes {\n      name\n      value\n    }\n  }\n"): (typeof documents)["\n  fragment UserFields on User {\n    username\n    sub\n    userPoolId\n    attributes {\n      name\n      value\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChangeFields on AttributeChange {\n    updated {\n      name\n      value\n    }\n    deleted\n    source\n    occurredAt\n  }\n"): (typeof documents)["\n  fragment ChangeFields on AttributeChange {\n    updated {\n      name\n      value\n    }\n    deleted\n    source\n    occurredAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrustedMe {\n    me {\n      username\n    }\n  }\n"): (typeof documents)["\n  query TrustedMe {\n    me {\n      username\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrustedSetPlan($plan: String!) {\n    updateMyAttributes(input: { attributes: [{ name: \"custom:plan\", value: $plan }] }) {\n      user {\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TrustedSetPlan($plan: String!) {\n    updateMyAttributes(input: { attributes: [{ name: \"custom:plan\", value: $plan }] }) {\n      user {\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TrustedChanges {\n    myAttributesChanged {\n      updated {\n        name\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription TrustedChanges {\n    myAttributesChanged {\n      updated {\n        name\n        value\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchUsers($filter: UserFilterInput, $first: Int, $after: String, $userPoolId: ID) {\n    userSearch(filter: $filter, first: $first, after: $after, userPoolId: $userPoolId) {\n      edges {\n        cursor\n        node {\n          username\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchUsers($filter: UserFilterInput, $first: Int, $after: String, $userPoolId: ID) {\n    userSearch(filter: $filter, first: $first, after: $after, userPoolId: $userPoolId) {\n      edges {\n        cursor\n        node {\n          username\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchDetails($filter: UserFilterInput) {\n    userSearch(filter: $filter) {\n      edges {\n        node {\n          username\n          sub\n          userPoolId\n          status\n          enabled\n          createdAt\n          updatedAt\n          attributes {\n            name\n            value\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchDetails($filter: UserFilterInput) {\n    userSearch(filter: $filter) {\n      edges {\n        node {\n          username\n          sub\n          userPoolId\n          status\n          enabled\n          createdAt\n          updatedAt\n          attributes {\n            name\n            value\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
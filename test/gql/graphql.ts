/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AddCustomAttributesInput = {
  attributes: Array<CustomAttributeInput>;
  userPoolId?: string | number | null | undefined;
};

export type AdminDeleteUserAttributesInput = {
  names: Array<string>;
  userPoolId?: string | number | null | undefined;
  username: string;
};

export type AdminUpdateUserAttributesInput = {
  attributes: Array<AttributeInput>;
  clientMetadata?: Array<ClientMetadataEntry> | null | undefined;
  /** Defaults to the service's default user pool. */
  userPoolId?: string | number | null | undefined;
  username: string;
};

/** Who made an attribute change. */
export type AttributeChangeSource =
  /** An administrator. */
  | 'ADMIN'
  /** Someone outside this service (the AWS console, managed login, an app calling Cognito directly), seen by re-reading the user or from CloudTrail. */
  | 'EXTERNAL'
  /** The user, with their own access token. */
  | 'SELF';

export type AttributeDataType =
  | 'BOOLEAN'
  | 'DATE_TIME'
  | 'NUMBER'
  | 'STRING';

export type AttributeInput = {
  name: string;
  value: string;
};

/** Passed to the pool's Lambda triggers as ClientMetadata. */
export type ClientMetadataEntry = {
  key: string;
  value: string;
};

export type CustomAttributeInput = {
  dataType: AttributeDataType;
  developerOnly?: boolean | null | undefined;
  maxLength?: number | null | undefined;
  maxValue?: number | null | undefined;
  minLength?: number | null | undefined;
  minValue?: number | null | undefined;
  mutable?: boolean | null | undefined;
  /** Without the `custom:` prefix; 1 to 20 characters. */
  name: string;
};

export type DeleteMyAttributesInput = {
  names: Array<string>;
};

export type DeliveryMedium =
  | 'EMAIL'
  | 'SMS';

export type RequestAttributeVerificationCodeInput = {
  attributeName: string;
  clientMetadata?: Array<ClientMetadataEntry> | null | undefined;
};

export type UpdateMyAttributesInput = {
  attributes: Array<AttributeInput>;
  clientMetadata?: Array<ClientMetadataEntry> | null | undefined;
};

/** Cognito's ListUsers filter: one standard attribute, equal to or starting with a value. */
export type UserFilterInput = {
  /** One of username, email, phone_number, name, given_name, family_name, preferred_username, cognito:user_status, status, sub. */
  attribute: string;
  operator?: UserFilterOperator;
  value: string;
};

export type UserFilterOperator =
  | 'EQUALS'
  | 'STARTS_WITH';

/** Cognito's account status of a user. */
export type UserStatus =
  | 'ARCHIVED'
  | 'COMPROMISED'
  | 'CONFIRMED'
  | 'EXTERNAL_PROVIDER'
  | 'FORCE_CHANGE_PASSWORD'
  | 'RESET_REQUIRED'
  | 'UNCONFIRMED'
  | 'UNKNOWN';

export type VerifyMyAttributeInput = {
  attributeName: string;
  code: string;
};

export type AdmAttrUpdateMutationVariables = Exact<{
  input: AdminUpdateUserAttributesInput;
}>;


export type AdmAttrUpdateMutation = { adminUpdateUserAttributes: { user: { status: UserStatus | null, enabled: boolean | null, createdAt: string | null, updatedAt: string | null, username: string, sub: string, userPoolId: string, attributes: Array<{ name: string, value: string }> } } };

export type AdmAttrDeleteMutationVariables = Exact<{
  input: AdminDeleteUserAttributesInput;
}>;


export type AdmAttrDeleteMutation = { adminDeleteUserAttributes: { user: { username: string, sub: string, status: UserStatus | null, enabled: boolean | null, createdAt: string | null, updatedAt: string | null, attributes: Array<{ name: string, value: string }> } } };

export type AdmAttrAddCustomMutationVariables = Exact<{
  input: AddCustomAttributesInput;
}>;


export type AdmAttrAddCustomMutation = { addCustomAttributes: { userPool: { id: string, customAttributes: Array<{ name: string, dataType: AttributeDataType, custom: boolean, mutable: boolean, required: boolean, developerOnly: boolean, minLength: number | null, maxLength: number | null, minValue: number | null, maxValue: number | null }> } } };

export type AdmAttrPoolQueryVariables = Exact<{ [key: string]: never; }>;


export type AdmAttrPoolQuery = { userPool: { customAttributes: Array<{ name: string, dataType: AttributeDataType, custom: boolean, mutable: boolean, required: boolean, developerOnly: boolean, minLength: number | null, maxLength: number | null, minValue: number | null, maxValue: number | null }> } };

export type AdmAttrUpdateMineMutationVariables = Exact<{
  input: UpdateMyAttributesInput;
}>;


export type AdmAttrUpdateMineMutation = { updateMyAttributes: { user: { username: string, attributes: Array<{ name: string, value: string }> } } };

export type AuthMeQueryVariables = Exact<{ [key: string]: never; }>;


export type AuthMeQuery = { me: { username: string, sub: string, userPoolId: string } };

export type AuthMeAllQueryVariables = Exact<{ [key: string]: never; }>;


export type AuthMeAllQuery = { me: { username: string, sub: string, status: UserStatus | null, enabled: boolean | null, createdAt: string | null, updatedAt: string | null, plan: string | null, attributes: Array<{ name: string, value: string }> } };

export type AuthUserQueryVariables = Exact<{
  username: string;
  userPoolId?: string | number | null | undefined;
}>;


export type AuthUserQuery = { user: { username: string, sub: string } | null };

export type AuthUsersQueryVariables = Exact<{
  usernames: Array<string> | string;
  userPoolId?: string | number | null | undefined;
}>;


export type AuthUsersQuery = { users: Array<{ username: string } | null> };

export type AuthUserPoolQueryVariables = Exact<{
  id?: string | number | null | undefined;
}>;


export type AuthUserPoolQuery = { userPool: { id: string, customAttributes: Array<{ name: string }> } };

export type AuthUpdateMineMutationVariables = Exact<{
  input: UpdateMyAttributesInput;
}>;


export type AuthUpdateMineMutation = { updateMyAttributes: { user: { username: string, status: UserStatus | null, plan: string | null } } };

export type AuthDeleteMineMutationVariables = Exact<{
  input: DeleteMyAttributesInput;
}>;


export type AuthDeleteMineMutation = { deleteMyAttributes: { user: { username: string } } };

export type AuthAdminUpdateMutationVariables = Exact<{
  input: AdminUpdateUserAttributesInput;
}>;


export type AuthAdminUpdateMutation = { adminUpdateUserAttributes: { user: { username: string } } };

export type AuthAdminDeleteMutationVariables = Exact<{
  input: AdminDeleteUserAttributesInput;
}>;


export type AuthAdminDeleteMutation = { adminDeleteUserAttributes: { user: { username: string } } };

export type AuthAddCustomMutationVariables = Exact<{
  input: AddCustomAttributesInput;
}>;


export type AuthAddCustomMutation = { addCustomAttributes: { userPool: { id: string } } };

export type ChurnMyChangesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ChurnMyChangesSubscription = { myAttributesChanged: { updated: Array<{ name: string, value: string }> } };

export type ChurnMeQueryVariables = Exact<{ [key: string]: never; }>;


export type ChurnMeQuery = { me: { username: string } };

export type ChurnUpdateMineMutationVariables = Exact<{
  input: UpdateMyAttributesInput;
}>;


export type ChurnUpdateMineMutation = { updateMyAttributes: { user: { plan: string | null } } };

export type ClientMeQueryVariables = Exact<{ [key: string]: never; }>;


export type ClientMeQuery = { me: { id: string, username: string, plan: string | null } };

export type ClientSetPlanMutationVariables = Exact<{
  plan: string;
}>;


export type ClientSetPlanMutation = { updateMyAttributes: { staleTokenClaims: Array<string>, user: { id: string, plan: string | null } } };

export type ClientChangesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ClientChangesSubscription = { myAttributesChanged: { source: AttributeChangeSource, updated: Array<{ name: string, value: string }> } };

export type BudgetMineQueryVariables = Exact<{ [key: string]: never; }>;


export type BudgetMineQuery = { me: { username: string, verificationCodes: { remaining: number, resetsAt: string | null } | null, verificationAttempts: { remaining: number, resetsAt: string | null } | null } };

export type BudgetOfUserQueryVariables = Exact<{
  username: string;
}>;


export type BudgetOfUserQuery = { user: { username: string, verificationCodes: { remaining: number, resetsAt: string | null } | null, verificationAttempts: { remaining: number, resetsAt: string | null } | null } | null };

export type BudgetRequestCodeMutationVariables = Exact<{
  input: RequestAttributeVerificationCodeInput;
}>;


export type BudgetRequestCodeMutation = { requestAttributeVerificationCode: { codeDelivery: { attributeName: string } } };

export type BudgetVerifyMutationVariables = Exact<{
  input: VerifyMyAttributeInput;
}>;


export type BudgetVerifyMutation = { verifyMyAttribute: { user: { username: string } } };

export type EmbeddedMeQueryVariables = Exact<{ [key: string]: never; }>;


export type EmbeddedMeQuery = { me: { username: string, userPoolId: string, plan: string | null } };

export type EmbeddedAdminUpdateMutationVariables = Exact<{
  username: string;
  attributes: Array<AttributeInput> | AttributeInput;
}>;


export type EmbeddedAdminUpdateMutation = { adminUpdateUserAttributes: { user: { username: string, plan: string | null, seats: string | null } } };

export type EmbeddedUpdateMineMutationVariables = Exact<{
  attributes: Array<AttributeInput> | AttributeInput;
}>;


export type EmbeddedUpdateMineMutation = { updateMyAttributes: { user: { username: string, plan: string | null, newsletter: string | null } } };

export type EmbeddedUsersQueryVariables = Exact<{
  usernames: Array<string> | string;
}>;


export type EmbeddedUsersQuery = { users: Array<{ username: string, plan: string | null, seats: string | null } | null> };

export type EmbeddedRequestCodeMutationVariables = Exact<{
  attributeName: string;
}>;


export type EmbeddedRequestCodeMutation = { requestAttributeVerificationCode: { codeDelivery: { attributeName: string, deliveryMedium: DeliveryMedium } } };

export type EmbeddedPendingQueryVariables = Exact<{ [key: string]: never; }>;


export type EmbeddedPendingQuery = { me: { sub: string, pendingChanges: Array<{ name: string, value: string, masked: boolean, requestedAt: string | null }> } };

export type EmbeddedRequestCodeToMutationVariables = Exact<{
  input: RequestAttributeVerificationCodeInput;
}>;


export type EmbeddedRequestCodeToMutation = { requestAttributeVerificationCode: { codeDelivery: { attributeName: string, deliveryMedium: DeliveryMedium, destination: string } } };

export type ErrorsMeQueryVariables = Exact<{ [key: string]: never; }>;


export type ErrorsMeQuery = { me: { username: string, attributes: Array<{ name: string, value: string }> } };

export type ExternalMineSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ExternalMineSubscription = { myAttributesChanged: { source: AttributeChangeSource, cursor: string, deleted: Array<string>, updated: Array<{ name: string, value: string }>, user: { username: string, attributes: Array<{ name: string, value: string }> } } };

export type ExternalUserSubscriptionVariables = Exact<{
  username: string;
}>;


export type ExternalUserSubscription = { userAttributesChanged: { source: AttributeChangeSource, updated: Array<{ name: string, value: string }> } };

export type ExternalPoolSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ExternalPoolSubscription = { userPoolAttributesChanged: { source: AttributeChangeSource, user: { username: string }, updated: Array<{ name: string, value: string }> } };

export type ExternalUpdateMineMutationVariables = Exact<{
  input: UpdateMyAttributesInput;
}>;


export type ExternalUpdateMineMutation = { updateMyAttributes: { user: { username: string } } };

export type FaultsMeQueryVariables = Exact<{ [key: string]: never; }>;


export type FaultsMeQuery = { me: { username: string, plan: string | null } };

export type FaultsUpdateMineMutationVariables = Exact<{
  input: UpdateMyAttributesInput;
}>;


export type FaultsUpdateMineMutation = { updateMyAttributes: { user: { username: string, plan: string | null } } };

export type FaultsAdminUserQueryVariables = Exact<{
  username: string;
}>;


export type FaultsAdminUserQuery = { user: { username: string, plan: string | null } | null };

export type FaultsMyChangesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type FaultsMyChangesSubscription = { myAttributesChanged: { updated: Array<{ name: string, value: string }> } };

export type MyAttrsMeQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAttrsMeQuery = { me: { attributes: Array<{ name: string, value: string }> } };

export type MyAttrsUpdateMutationVariables = Exact<{
  input: UpdateMyAttributesInput;
}>;


export type MyAttrsUpdateMutation = { updateMyAttributes: { user: { username: string, sub: string, plan: string | null, attributes: Array<{ name: string, value: string }> }, codeDeliveries: Array<{ attributeName: string, deliveryMedium: DeliveryMedium, destination: string }> } };

export type MyAttrsDeleteMutationVariables = Exact<{
  input: DeleteMyAttributesInput;
}>;


export type MyAttrsDeleteMutation = { deleteMyAttributes: { user: { username: string, attributes: Array<{ name: string, value: string }> } } };

export type MyAttrsRequestCodeMutationVariables = Exact<{
  input: RequestAttributeVerificationCodeInput;
}>;


export type MyAttrsRequestCodeMutation = { requestAttributeVerificationCode: { codeDelivery: { attributeName: string, deliveryMedium: DeliveryMedium, destination: string } } };

export type MyAttrsVerifyMutationVariables = Exact<{
  input: VerifyMyAttributeInput;
}>;


export type MyAttrsVerifyMutation = { verifyMyAttribute: { user: { username: string, emailVerified: string | null, attributes: Array<{ name: string, value: string }> } } };

export type PendingMeQueryVariables = Exact<{ [key: string]: never; }>;


export type PendingMeQuery = { me: { id: string, attributes: Array<{ name: string, value: string }>, pendingChanges: Array<{ name: string, value: string, masked: boolean, requestedAt: string | null }> } };

export type PendingUpdateMutationVariables = Exact<{
  input: UpdateMyAttributesInput;
}>;


export type PendingUpdateMutation = { updateMyAttributes: { staleTokenClaims: Array<string>, user: { id: string, attributes: Array<{ name: string, value: string }>, pendingChanges: Array<{ name: string, value: string, masked: boolean, requestedAt: string | null }> }, codeDeliveries: Array<{ attributeName: string, deliveryMedium: DeliveryMedium, destination: string }> } };

export type PendingRequestCodeMutationVariables = Exact<{
  input: RequestAttributeVerificationCodeInput;
}>;


export type PendingRequestCodeMutation = { requestAttributeVerificationCode: { codeDelivery: { attributeName: string, deliveryMedium: DeliveryMedium, destination: string } } };

export type PendingVerifyMutationVariables = Exact<{
  input: VerifyMyAttributeInput;
}>;


export type PendingVerifyMutation = { verifyMyAttribute: { user: { attributes: Array<{ name: string, value: string }>, pendingChanges: Array<{ name: string, value: string }> } } };

export type PendingAdminUserQueryVariables = Exact<{
  username: string;
}>;


export type PendingAdminUserQuery = { user: { id: string, attributes: Array<{ name: string, value: string }>, pendingChanges: Array<{ name: string, value: string, masked: boolean }> } | null };

export type PendingAdminUpdateMutationVariables = Exact<{
  input: AdminUpdateUserAttributesInput;
}>;


export type PendingAdminUpdateMutation = { adminUpdateUserAttributes: { user: { attributes: Array<{ name: string, value: string }>, pendingChanges: Array<{ name: string, value: string, masked: boolean }> } } };

export type PendingMineSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type PendingMineSubscription = { myAttributesChanged: { updated: Array<{ name: string, value: string }>, pending: Array<{ name: string, value: string, masked: boolean }>, user: { id: string, attributes: Array<{ name: string, value: string }>, pendingChanges: Array<{ name: string, value: string }> } } };

export type CachedMeQueryVariables = Exact<{ [key: string]: never; }>;


export type CachedMeQuery = { me: { username: string, sub: string, plan: string | null, seats: string | null } };

export type CachedUpdateMineMutationVariables = Exact<{
  input: UpdateMyAttributesInput;
}>;


export type CachedUpdateMineMutation = { updateMyAttributes: { user: { plan: string | null } } };

export type CachedDeleteMineMutationVariables = Exact<{
  input: DeleteMyAttributesInput;
}>;


export type CachedDeleteMineMutation = { deleteMyAttributes: { user: { seats: string | null } } };

export type CachedAdminUpdateMutationVariables = Exact<{
  input: AdminUpdateUserAttributesInput;
}>;


export type CachedAdminUpdateMutation = { adminUpdateUserAttributes: { user: { username: string } } };

export type CachedAdminDeleteMutationVariables = Exact<{
  input: AdminDeleteUserAttributesInput;
}>;


export type CachedAdminDeleteMutation = { adminDeleteUserAttributes: { user: { username: string } } };

export type ProvisionedWriteMutationVariables = Exact<{
  input: AdminUpdateUserAttributesInput;
}>;


export type ProvisionedWriteMutation = { adminUpdateUserAttributes: { user: { username: string } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { username: string, sub: string, userPoolId: string, plan: string | null, missing: string | null, attributes: Array<{ name: string, value: string }> } };

export type AdminUserQueryVariables = Exact<{
  username: string;
  userPoolId?: string | number | null | undefined;
}>;


export type AdminUserQuery = { user: { username: string, sub: string, status: UserStatus | null, enabled: boolean | null, createdAt: string | null, updatedAt: string | null, attributes: Array<{ name: string, value: string }> } | null };

export type UsersQueryVariables = Exact<{
  usernames: Array<string> | string;
}>;


export type UsersQuery = { users: Array<{ username: string } | null> };

export type PoolQueryVariables = Exact<{
  id?: string | number | null | undefined;
}>;


export type PoolQuery = { userPool: { id: string, name: string, attributes: Array<{ name: string, dataType: AttributeDataType, custom: boolean, mutable: boolean, required: boolean, developerOnly: boolean, minLength: number | null, maxLength: number | null, minValue: number | null, maxValue: number | null }>, customAttributes: Array<{ name: string }> } };

export type QuotaAdminUpdateMutationVariables = Exact<{
  input: AdminUpdateUserAttributesInput;
}>;


export type QuotaAdminUpdateMutation = { adminUpdateUserAttributes: { user: { username: string } } };

export type QuotaUpdateMineMutationVariables = Exact<{
  input: UpdateMyAttributesInput;
}>;


export type QuotaUpdateMineMutation = { updateMyAttributes: { user: { username: string } } };

export type QuotaRequestCodeMutationVariables = Exact<{
  input: RequestAttributeVerificationCodeInput;
}>;


export type QuotaRequestCodeMutation = { requestAttributeVerificationCode: { codeDelivery: { attributeName: string } } };

export type QuotaUserQueryVariables = Exact<{
  username: string;
}>;


export type QuotaUserQuery = { user: { username: string } | null };

export type QuotaPoolQueryVariables = Exact<{ [key: string]: never; }>;


export type QuotaPoolQuery = { userPool: { id: string } };

export type QuotaMeQueryVariables = Exact<{ [key: string]: never; }>;


export type QuotaMeQuery = { me: { username: string } };

export type QuotaVerifyMutationVariables = Exact<{
  input: VerifyMyAttributeInput;
}>;


export type QuotaVerifyMutation = { verifyMyAttribute: { user: { username: string } } };

export type QuotaAddCustomMutationVariables = Exact<{
  input: AddCustomAttributesInput;
}>;


export type QuotaAddCustomMutation = { addCustomAttributes: { userPool: { id: string } } };

export type QuotaUsersQueryVariables = Exact<{
  usernames: Array<string> | string;
}>;


export type QuotaUsersQuery = { users: Array<{ username: string } | null> };

export type RecipeUpdateMineMutationVariables = Exact<{
  input: UpdateMyAttributesInput;
}>;


export type RecipeUpdateMineMutation = { updateMyAttributes: { user: { username: string } } };

export type RedisMyChangesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type RedisMyChangesSubscription = { myAttributesChanged: { deleted: Array<string>, source: AttributeChangeSource, user: { username: string, attributes: Array<{ name: string, value: string }> }, updated: Array<{ name: string, value: string }> } };

export type RedisPoolChangesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type RedisPoolChangesSubscription = { userPoolAttributesChanged: { source: AttributeChangeSource, user: { username: string }, updated: Array<{ name: string, value: string }> } };

export type RedisUpdateMineMutationVariables = Exact<{
  input: UpdateMyAttributesInput;
}>;


export type RedisUpdateMineMutation = { updateMyAttributes: { user: { username: string, plan: string | null } } };

export type RedisAdminUpdateMutationVariables = Exact<{
  input: AdminUpdateUserAttributesInput;
}>;


export type RedisAdminUpdateMutation = { adminUpdateUserAttributes: { user: { username: string, plan: string | null } } };

export type RedisMeQueryVariables = Exact<{ [key: string]: never; }>;


export type RedisMeQuery = { me: { username: string, plan: string | null } };

export type ResumeMineSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ResumeMineSubscription = { myAttributesChanged: { cursor: string, source: AttributeChangeSource, user: { username: string }, updated: Array<{ name: string, value: string }> } };

export type ResumePoolSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ResumePoolSubscription = { userPoolAttributesChanged: { cursor: string, user: { username: string }, updated: Array<{ name: string, value: string }> } };

export type ResumeUserSubscriptionVariables = Exact<{
  username: string;
  after?: string | null | undefined;
}>;


export type ResumeUserSubscription = { userAttributesChanged: { cursor: string, user: { username: string }, updated: Array<{ name: string, value: string }> } };

export type ResumeUpdateMineMutationVariables = Exact<{
  input: UpdateMyAttributesInput;
}>;


export type ResumeUpdateMineMutation = { updateMyAttributes: { user: { username: string } } };

export type ResumeAdminUpdateMutationVariables = Exact<{
  input: AdminUpdateUserAttributesInput;
}>;


export type ResumeAdminUpdateMutation = { adminUpdateUserAttributes: { user: { username: string } } };

export type RevokedUserQueryVariables = Exact<{
  username: string;
}>;


export type RevokedUserQuery = { user: { username: string } | null };

export type RevokedMeQueryVariables = Exact<{ [key: string]: never; }>;


export type RevokedMeQuery = { me: { username: string } };

export type RevokedUpdateMineMutationVariables = Exact<{
  input: UpdateMyAttributesInput;
}>;


export type RevokedUpdateMineMutation = { updateMyAttributes: { user: { username: string } } };

export type RevokedMineSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type RevokedMineSubscription = { myAttributesChanged: { updated: Array<{ name: string, value: string }> } };

export type RevokedPoolSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type RevokedPoolSubscription = { userPoolAttributesChanged: { user: { username: string } } };

export type ShutdownMyChangesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ShutdownMyChangesSubscription = { myAttributesChanged: { user: { username: string }, updated: Array<{ name: string, value: string }> } };

export type ShutdownUpdateMineMutationVariables = Exact<{
  input: UpdateMyAttributesInput;
}>;


export type ShutdownUpdateMineMutation = { updateMyAttributes: { user: { plan: string | null } } };

export type SubsMineSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type SubsMineSubscription = { myAttributesChanged: { deleted: Array<string>, source: AttributeChangeSource, occurredAt: string, user: { username: string, sub: string, userPoolId: string, attributes: Array<{ name: string, value: string }> }, updated: Array<{ name: string, value: string }> } };

export type SubsMineStatusSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type SubsMineStatusSubscription = { myAttributesChanged: { source: AttributeChangeSource, user: { username: string, status: UserStatus | null } } };

export type SubsUserSubscriptionVariables = Exact<{
  username: string;
  userPoolId?: string | number | null | undefined;
}>;


export type SubsUserSubscription = { userAttributesChanged: { deleted: Array<string>, source: AttributeChangeSource, occurredAt: string, user: { status: UserStatus | null, enabled: boolean | null, username: string, sub: string, userPoolId: string, attributes: Array<{ name: string, value: string }> }, updated: Array<{ name: string, value: string }> } };

export type SubsPoolSubscriptionVariables = Exact<{
  userPoolId?: string | number | null | undefined;
}>;


export type SubsPoolSubscription = { userPoolAttributesChanged: { deleted: Array<string>, source: AttributeChangeSource, occurredAt: string, user: { status: UserStatus | null, enabled: boolean | null, username: string, sub: string, userPoolId: string, attributes: Array<{ name: string, value: string }> }, updated: Array<{ name: string, value: string }> } };

export type SubsUpdateMineMutationVariables = Exact<{
  input: UpdateMyAttributesInput;
}>;


export type SubsUpdateMineMutation = { updateMyAttributes: { user: { username: string } } };

export type SubsDeleteMineMutationVariables = Exact<{
  input: DeleteMyAttributesInput;
}>;


export type SubsDeleteMineMutation = { deleteMyAttributes: { user: { username: string } } };

export type SubsRequestCodeMutationVariables = Exact<{
  input: RequestAttributeVerificationCodeInput;
}>;


export type SubsRequestCodeMutation = { requestAttributeVerificationCode: { codeDelivery: { attributeName: string } } };

export type SubsVerifyMineMutationVariables = Exact<{
  input: VerifyMyAttributeInput;
}>;


export type SubsVerifyMineMutation = { verifyMyAttribute: { user: { username: string } } };

export type SubsAdminUpdateMutationVariables = Exact<{
  input: AdminUpdateUserAttributesInput;
}>;


export type SubsAdminUpdateMutation = { adminUpdateUserAttributes: { user: { username: string } } };

export type SubsAdminDeleteMutationVariables = Exact<{
  input: AdminDeleteUserAttributesInput;
}>;


export type SubsAdminDeleteMutation = { adminDeleteUserAttributes: { user: { username: string } } };

export type UserFieldsFragment = { username: string, sub: string, userPoolId: string, attributes: Array<{ name: string, value: string }> };

export type ChangeFieldsFragment = { deleted: Array<string>, source: AttributeChangeSource, occurredAt: string, updated: Array<{ name: string, value: string }> };

export type TrustedMeQueryVariables = Exact<{ [key: string]: never; }>;


export type TrustedMeQuery = { me: { username: string } };

export type TrustedSetPlanMutationVariables = Exact<{
  plan: string;
}>;


export type TrustedSetPlanMutation = { updateMyAttributes: { user: { username: string } } };

export type TrustedChangesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type TrustedChangesSubscription = { myAttributesChanged: { updated: Array<{ name: string, value: string }> } };

export type SearchUsersQueryVariables = Exact<{
  filter?: UserFilterInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  userPoolId?: string | number | null | undefined;
}>;


export type SearchUsersQuery = { userSearch: { edges: Array<{ cursor: string, node: { username: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SearchDetailsQueryVariables = Exact<{
  filter?: UserFilterInput | null | undefined;
}>;


export type SearchDetailsQuery = { userSearch: { edges: Array<{ node: { username: string, sub: string, userPoolId: string, status: UserStatus | null, enabled: boolean | null, createdAt: string | null, updatedAt: string | null, attributes: Array<{ name: string, value: string }> } }> } };

export const UserFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"sub"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<UserFieldsFragment, unknown>;
export const ChangeFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AttributeChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]} as unknown as DocumentNode<ChangeFieldsFragment, unknown>;
export const AdmAttrUpdateDocument = {"__meta__":{"hash":"sha256:e2ed8346801f2b7668033e5f5ba7c4c01c8a67588e102367779f7d5e4a67d97b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdmAttrUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdminUpdateUserAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminUpdateUserAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserFields"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"sub"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<AdmAttrUpdateMutation, AdmAttrUpdateMutationVariables>;
export const AdmAttrDeleteDocument = {"__meta__":{"hash":"sha256:7efca57057b0a64cbff6391615e6e03087958b382ce925b985bfbb792f6de69a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdmAttrDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdminDeleteUserAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminDeleteUserAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"sub"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]} as unknown as DocumentNode<AdmAttrDeleteMutation, AdmAttrDeleteMutationVariables>;
export const AdmAttrAddCustomDocument = {"__meta__":{"hash":"sha256:e25adb2e2ea74f223abf116f6956330b71f654ee920b5b229124c1a6203e0c84"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdmAttrAddCustom"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddCustomAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addCustomAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dataType"}},{"kind":"Field","name":{"kind":"Name","value":"custom"}},{"kind":"Field","name":{"kind":"Name","value":"mutable"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"developerOnly"}},{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}},{"kind":"Field","name":{"kind":"Name","value":"minValue"}},{"kind":"Field","name":{"kind":"Name","value":"maxValue"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AdmAttrAddCustomMutation, AdmAttrAddCustomMutationVariables>;
export const AdmAttrPoolDocument = {"__meta__":{"hash":"sha256:ac13ca483a312cc323f36848388b04463b830379d32218ecbc4cc83a856133e0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdmAttrPool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dataType"}},{"kind":"Field","name":{"kind":"Name","value":"custom"}},{"kind":"Field","name":{"kind":"Name","value":"mutable"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"developerOnly"}},{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}},{"kind":"Field","name":{"kind":"Name","value":"minValue"}},{"kind":"Field","name":{"kind":"Name","value":"maxValue"}}]}}]}}]}}]} as unknown as DocumentNode<AdmAttrPoolQuery, AdmAttrPoolQueryVariables>;
export const AdmAttrUpdateMineDocument = {"__meta__":{"hash":"sha256:8d2bf01845a5a4ed3c762228349acfd6942c67bd2f0f6454278af808ef537924"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdmAttrUpdateMine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMyAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AdmAttrUpdateMineMutation, AdmAttrUpdateMineMutationVariables>;
export const AuthMeDocument = {"__meta__":{"hash":"sha256:5fad9d0dd9357439548f20b261296c072c0619b91cd82eca55a5b972aa83017c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuthMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"sub"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}}]}}]}}]} as unknown as DocumentNode<AuthMeQuery, AuthMeQueryVariables>;
export const AuthMeAllDocument = {"__meta__":{"hash":"sha256:edcde9af230755e7503854f073a347cb98494473b87aa81166f9115d1eeda0a8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuthMeAll"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"sub"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"plan"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:plan","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<AuthMeAllQuery, AuthMeAllQueryVariables>;
export const AuthUserDocument = {"__meta__":{"hash":"sha256:7685dab23ad3622c8ab0bcca62cddaac328f30db9ad9ed56df53f5d47425397b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuthUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"sub"}}]}}]}}]} as unknown as DocumentNode<AuthUserQuery, AuthUserQueryVariables>;
export const AuthUsersDocument = {"__meta__":{"hash":"sha256:b5cb5333f5dbe6dc7fc3a16ec1c31a708b33d6317170d3b373da7a3f0abe92a7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuthUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"usernames"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"usernames"},"value":{"kind":"Variable","name":{"kind":"Name","value":"usernames"}}},{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]} as unknown as DocumentNode<AuthUsersQuery, AuthUsersQueryVariables>;
export const AuthUserPoolDocument = {"__meta__":{"hash":"sha256:e93dfb93fb74471b4ee2d65e5366b0cfcc4a1300b4a426f313d24c85d921808e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuthUserPool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AuthUserPoolQuery, AuthUserPoolQueryVariables>;
export const AuthUpdateMineDocument = {"__meta__":{"hash":"sha256:00deab75f482c0150e23380a31ce4c34d10f64ae697c4c12daab6c3fdfeee970"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuthUpdateMine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMyAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","alias":{"kind":"Name","value":"plan"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:plan","block":false}}]},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<AuthUpdateMineMutation, AuthUpdateMineMutationVariables>;
export const AuthDeleteMineDocument = {"__meta__":{"hash":"sha256:4b15e51400653bb72ebf1e0c0ad0442bd26352f1a9c6424bede47e4a364b5bdf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuthDeleteMine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteMyAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<AuthDeleteMineMutation, AuthDeleteMineMutationVariables>;
export const AuthAdminUpdateDocument = {"__meta__":{"hash":"sha256:8b4fdd7cb496d2280a636a03e84355cad5324d179c16da60981ba09cfa056c15"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuthAdminUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdminUpdateUserAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminUpdateUserAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<AuthAdminUpdateMutation, AuthAdminUpdateMutationVariables>;
export const AuthAdminDeleteDocument = {"__meta__":{"hash":"sha256:c3d02adac5677279446e9f9b2532ab82a7726f72329a6d13c0bbd3b7887774bd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuthAdminDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdminDeleteUserAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminDeleteUserAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<AuthAdminDeleteMutation, AuthAdminDeleteMutationVariables>;
export const AuthAddCustomDocument = {"__meta__":{"hash":"sha256:25ac910be5294f278f1786decbf786803630303224df3cb6bcc7c552514a280e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuthAddCustom"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddCustomAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addCustomAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<AuthAddCustomMutation, AuthAddCustomMutationVariables>;
export const ChurnMyChangesDocument = {"__meta__":{"hash":"sha256:b87a22fb7718968252d63fa3855835b1e8b016debe17e27ae3e63132db29cae7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ChurnMyChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myAttributesChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<ChurnMyChangesSubscription, ChurnMyChangesSubscriptionVariables>;
export const ChurnMeDocument = {"__meta__":{"hash":"sha256:0364830fdb5a10db153a083577fc4a0f840439e9e0d355a11ecaada45b1f9293"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChurnMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]} as unknown as DocumentNode<ChurnMeQuery, ChurnMeQueryVariables>;
export const ChurnUpdateMineDocument = {"__meta__":{"hash":"sha256:b493dffc757a6045e3c5cce7e5746867e3db27d04622ec8cd0000b595241d689"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChurnUpdateMine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMyAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"plan"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:plan","block":false}}]}]}}]}}]}}]} as unknown as DocumentNode<ChurnUpdateMineMutation, ChurnUpdateMineMutationVariables>;
export const ClientMeDocument = {"__meta__":{"hash":"sha256:4629989a93df2786add8cbf271ae76d9dde9dda303fb398882751edd484401b7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","alias":{"kind":"Name","value":"plan"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:plan","block":false}}]}]}}]}}]} as unknown as DocumentNode<ClientMeQuery, ClientMeQueryVariables>;
export const ClientSetPlanDocument = {"__meta__":{"hash":"sha256:72980ab6befbd04c5cf346be6da03b6698d2b3207d41f9746fa93b65727e5ab8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClientSetPlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"plan"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"attributes"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:plan","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"value"},"value":{"kind":"Variable","name":{"kind":"Name","value":"plan"}}}]}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","alias":{"kind":"Name","value":"plan"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:plan","block":false}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"staleTokenClaims"}}]}}]}}]} as unknown as DocumentNode<ClientSetPlanMutation, ClientSetPlanMutationVariables>;
export const ClientChangesDocument = {"__meta__":{"hash":"sha256:640c86b155425bcbfea12894318cd30bc2f38eaf2ea7b4d4d094554787c180b3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ClientChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myAttributesChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"updated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<ClientChangesSubscription, ClientChangesSubscriptionVariables>;
export const BudgetMineDocument = {"__meta__":{"hash":"sha256:2c1527c6144aac61f7660ca3e37ba82efe46324823165ec6b4eb023dc5451e47"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BudgetMine"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"verificationCodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"resetsAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"verificationAttempts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"resetsAt"}}]}}]}}]}}]} as unknown as DocumentNode<BudgetMineQuery, BudgetMineQueryVariables>;
export const BudgetOfUserDocument = {"__meta__":{"hash":"sha256:1d052d294f1da4b7653d6fdd273aae19a3a21844ddc4b187246e96788867b1b7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BudgetOfUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"verificationCodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"resetsAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"verificationAttempts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"resetsAt"}}]}}]}}]}}]} as unknown as DocumentNode<BudgetOfUserQuery, BudgetOfUserQueryVariables>;
export const BudgetRequestCodeDocument = {"__meta__":{"hash":"sha256:8ee55bf5a198fcde8c0568c92f4386a0b77a6ec14a46a22ae8d971c48d5c2953"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BudgetRequestCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestAttributeVerificationCodeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestAttributeVerificationCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"codeDelivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributeName"}}]}}]}}]}}]} as unknown as DocumentNode<BudgetRequestCodeMutation, BudgetRequestCodeMutationVariables>;
export const BudgetVerifyDocument = {"__meta__":{"hash":"sha256:5a3a25bb420ad0b8b884b00832241d034e4f8f38acda579ba08f619b63a0670c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BudgetVerify"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"VerifyMyAttributeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyMyAttribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<BudgetVerifyMutation, BudgetVerifyMutationVariables>;
export const EmbeddedMeDocument = {"__meta__":{"hash":"sha256:a0730210288eb86b4603dd018d70e20f6234c4b30b9276ee59592201944e1847"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EmbeddedMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","alias":{"kind":"Name","value":"plan"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:plan","block":false}}]}]}}]}}]} as unknown as DocumentNode<EmbeddedMeQuery, EmbeddedMeQueryVariables>;
export const EmbeddedAdminUpdateDocument = {"__meta__":{"hash":"sha256:1c003cc9be3bae02fb2e5f3664429f1bdf9c2b3f8c1535b5af15531b54506369"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EmbeddedAdminUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"attributes"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AttributeInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminUpdateUserAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"attributes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"attributes"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","alias":{"kind":"Name","value":"plan"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:plan","block":false}}]},{"kind":"Field","alias":{"kind":"Name","value":"seats"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:seats","block":false}}]}]}}]}}]}}]} as unknown as DocumentNode<EmbeddedAdminUpdateMutation, EmbeddedAdminUpdateMutationVariables>;
export const EmbeddedUpdateMineDocument = {"__meta__":{"hash":"sha256:fe2e358d913698c23f24e8558a879fec6522b840193d5dbdf3567c07deb04646"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EmbeddedUpdateMine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"attributes"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AttributeInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"attributes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"attributes"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","alias":{"kind":"Name","value":"plan"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:plan","block":false}}]},{"kind":"Field","alias":{"kind":"Name","value":"newsletter"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:newsletter","block":false}}]}]}}]}}]}}]} as unknown as DocumentNode<EmbeddedUpdateMineMutation, EmbeddedUpdateMineMutationVariables>;
export const EmbeddedUsersDocument = {"__meta__":{"hash":"sha256:1a14168d73d72377bfc8689669d6f3abd184ffdd888f93807406181562b0a98c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EmbeddedUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"usernames"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"usernames"},"value":{"kind":"Variable","name":{"kind":"Name","value":"usernames"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","alias":{"kind":"Name","value":"plan"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:plan","block":false}}]},{"kind":"Field","alias":{"kind":"Name","value":"seats"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:seats","block":false}}]}]}}]}}]} as unknown as DocumentNode<EmbeddedUsersQuery, EmbeddedUsersQueryVariables>;
export const EmbeddedRequestCodeDocument = {"__meta__":{"hash":"sha256:2da4eb7764da28d3873a206b7f800f097f28fe6d1293033bb85f4072152235ad"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EmbeddedRequestCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"attributeName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestAttributeVerificationCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"attributeName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"attributeName"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"codeDelivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributeName"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryMedium"}}]}}]}}]}}]} as unknown as DocumentNode<EmbeddedRequestCodeMutation, EmbeddedRequestCodeMutationVariables>;
export const EmbeddedPendingDocument = {"__meta__":{"hash":"sha256:0819d15f7e55f7f1e52244200c2d9ab0b371d88bc21381412de64d3f40ed8af3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EmbeddedPending"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sub"}},{"kind":"Field","name":{"kind":"Name","value":"pendingChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"masked"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}}]}}]}}]}}]} as unknown as DocumentNode<EmbeddedPendingQuery, EmbeddedPendingQueryVariables>;
export const EmbeddedRequestCodeToDocument = {"__meta__":{"hash":"sha256:f2432ab981d5e289a9009f03e8d776a00f95292b23370f09ec9ef45cd65a3dd1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EmbeddedRequestCodeTo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestAttributeVerificationCodeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestAttributeVerificationCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"codeDelivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributeName"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryMedium"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}}]}}]}}]}}]} as unknown as DocumentNode<EmbeddedRequestCodeToMutation, EmbeddedRequestCodeToMutationVariables>;
export const ErrorsMeDocument = {"__meta__":{"hash":"sha256:6c2059ce7ed226d94fd5312a5815901b1af49c398f3e64e4843db91091b69dfe"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ErrorsMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<ErrorsMeQuery, ErrorsMeQueryVariables>;
export const ExternalMineDocument = {"__meta__":{"hash":"sha256:3ca71633f297cf2a38314a6515f598949e853c7656b50863af10173eb228ca09"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ExternalMine"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myAttributesChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"updated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExternalMineSubscription, ExternalMineSubscriptionVariables>;
export const ExternalUserDocument = {"__meta__":{"hash":"sha256:da2e49dc2ab6a0b6e3a06d1c02bd5d78cd7626ca3383e729c0b7876a5d6ab693"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ExternalUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userAttributesChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"updated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<ExternalUserSubscription, ExternalUserSubscriptionVariables>;
export const ExternalPoolDocument = {"__meta__":{"hash":"sha256:cc93237351f977602872e088a7a029cac3c50f0b8a1ffce92fa25284fb21c4dc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ExternalPool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPoolAttributesChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<ExternalPoolSubscription, ExternalPoolSubscriptionVariables>;
export const ExternalUpdateMineDocument = {"__meta__":{"hash":"sha256:105bfb597d6124cb950e8aa8f260870e83f8eb49c8538e92a3d7f64c0a61177d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExternalUpdateMine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMyAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<ExternalUpdateMineMutation, ExternalUpdateMineMutationVariables>;
export const FaultsMeDocument = {"__meta__":{"hash":"sha256:07fe6fe95a05306f24a69e35d552c291f235b61f615ead42346b65f236481bfa"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FaultsMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","alias":{"kind":"Name","value":"plan"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:plan","block":false}}]}]}}]}}]} as unknown as DocumentNode<FaultsMeQuery, FaultsMeQueryVariables>;
export const FaultsUpdateMineDocument = {"__meta__":{"hash":"sha256:0dd618292df79187e9df24644e8e9cebbe6bdf26cfec0edae172a5c46b0b6718"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FaultsUpdateMine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMyAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","alias":{"kind":"Name","value":"plan"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:plan","block":false}}]}]}}]}}]}}]} as unknown as DocumentNode<FaultsUpdateMineMutation, FaultsUpdateMineMutationVariables>;
export const FaultsAdminUserDocument = {"__meta__":{"hash":"sha256:9617a619faf41f0c4cc04225e4e3f916bcfb9b602e00a4ab0874bc410d13b693"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FaultsAdminUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","alias":{"kind":"Name","value":"plan"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:plan","block":false}}]}]}}]}}]} as unknown as DocumentNode<FaultsAdminUserQuery, FaultsAdminUserQueryVariables>;
export const FaultsMyChangesDocument = {"__meta__":{"hash":"sha256:8a75a13ac8604ac83936e8e1f393a64465aa96484ca219c1265584d1482ac195"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"FaultsMyChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myAttributesChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<FaultsMyChangesSubscription, FaultsMyChangesSubscriptionVariables>;
export const MyAttrsMeDocument = {"__meta__":{"hash":"sha256:be4db4d221a564e3b74a7a76120b23dd2a6028771ccabd13a012b48c7c4de6d0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAttrsMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<MyAttrsMeQuery, MyAttrsMeQueryVariables>;
export const MyAttrsUpdateDocument = {"__meta__":{"hash":"sha256:6d10255bfe14ab2288d175ec373b59ce6250ced2b59f54ff9a71c3209b828d2e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MyAttrsUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMyAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"sub"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"plan"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:plan","block":false}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"codeDeliveries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributeName"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryMedium"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}}]}}]}}]}}]} as unknown as DocumentNode<MyAttrsUpdateMutation, MyAttrsUpdateMutationVariables>;
export const MyAttrsDeleteDocument = {"__meta__":{"hash":"sha256:37b447da4541a8b76386a5bcf16b74504592e71c65a3202b3001a2fd2aec0b4d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MyAttrsDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteMyAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyAttrsDeleteMutation, MyAttrsDeleteMutationVariables>;
export const MyAttrsRequestCodeDocument = {"__meta__":{"hash":"sha256:42417a7778dab579946d9a970c591b5d8044e75016d77c4fcf55b8e75dc95f1d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MyAttrsRequestCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestAttributeVerificationCodeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestAttributeVerificationCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"codeDelivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributeName"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryMedium"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}}]}}]}}]}}]} as unknown as DocumentNode<MyAttrsRequestCodeMutation, MyAttrsRequestCodeMutationVariables>;
export const MyAttrsVerifyDocument = {"__meta__":{"hash":"sha256:e378317504bd7f00911754bfe65d92e2860eb2a7faeb8640293e67923dcb3b66"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MyAttrsVerify"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"VerifyMyAttributeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyMyAttribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"emailVerified"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"email_verified","block":false}}]}]}}]}}]}}]} as unknown as DocumentNode<MyAttrsVerifyMutation, MyAttrsVerifyMutationVariables>;
export const PendingMeDocument = {"__meta__":{"hash":"sha256:d01b38305c4e819341f7b278d88f63b1ed39bfbc3fb92001c17385b3d5e3c350"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PendingMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"masked"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}}]}}]}}]}}]} as unknown as DocumentNode<PendingMeQuery, PendingMeQueryVariables>;
export const PendingUpdateDocument = {"__meta__":{"hash":"sha256:0bf46f8df7465ad9fc340ad4eee289fc874f2f74d14a81d575e40ed40b2cf125"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PendingUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMyAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"masked"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"codeDeliveries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributeName"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryMedium"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}}]}},{"kind":"Field","name":{"kind":"Name","value":"staleTokenClaims"}}]}}]}}]} as unknown as DocumentNode<PendingUpdateMutation, PendingUpdateMutationVariables>;
export const PendingRequestCodeDocument = {"__meta__":{"hash":"sha256:cc2dbb233f7b0c8b352d4ed50ff1f66107e3923b9626dceee477c01391a18dee"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PendingRequestCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestAttributeVerificationCodeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestAttributeVerificationCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"codeDelivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributeName"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryMedium"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}}]}}]}}]}}]} as unknown as DocumentNode<PendingRequestCodeMutation, PendingRequestCodeMutationVariables>;
export const PendingVerifyDocument = {"__meta__":{"hash":"sha256:40c1e671511422362d8438087495f66e4f8a940fe75ea677f6fb79ba3a5bff56"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PendingVerify"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"VerifyMyAttributeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyMyAttribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PendingVerifyMutation, PendingVerifyMutationVariables>;
export const PendingAdminUserDocument = {"__meta__":{"hash":"sha256:1b5f09e2996291ead62f3719bf42097e61383e1d220b660177e9903e6da46958"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PendingAdminUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"masked"}}]}}]}}]}}]} as unknown as DocumentNode<PendingAdminUserQuery, PendingAdminUserQueryVariables>;
export const PendingAdminUpdateDocument = {"__meta__":{"hash":"sha256:0a524ce3e817791389671de3f5d32e9000b2115d82a6ff799ccb722fa8a84f53"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PendingAdminUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdminUpdateUserAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminUpdateUserAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"masked"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PendingAdminUpdateMutation, PendingAdminUpdateMutationVariables>;
export const PendingMineDocument = {"__meta__":{"hash":"sha256:a8a7cdd3df4d5e66056a4526871fd30e27ab71707a11f0889019f3c6481b7401"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"PendingMine"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myAttributesChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pending"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"masked"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PendingMineSubscription, PendingMineSubscriptionVariables>;
export const CachedMeDocument = {"__meta__":{"hash":"sha256:51f56d2ef14cea30d5630f3ca99c4e2e328b9a2dc2c4105d48a5c2c3f45dcd68"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CachedMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"sub"}},{"kind":"Field","alias":{"kind":"Name","value":"plan"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:plan","block":false}}]},{"kind":"Field","alias":{"kind":"Name","value":"seats"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:seats","block":false}}]}]}}]}}]} as unknown as DocumentNode<CachedMeQuery, CachedMeQueryVariables>;
export const CachedUpdateMineDocument = {"__meta__":{"hash":"sha256:8e8b5d0b0400e6861e51581e8f43367fa9c310b949a115b5adb79291a0936e33"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CachedUpdateMine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMyAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"plan"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:plan","block":false}}]}]}}]}}]}}]} as unknown as DocumentNode<CachedUpdateMineMutation, CachedUpdateMineMutationVariables>;
export const CachedDeleteMineDocument = {"__meta__":{"hash":"sha256:068f3b5ecccd6dc6c2e9202eb606daf4a716f694cf4c3e95a87225d5c78a85f5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CachedDeleteMine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteMyAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"seats"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:seats","block":false}}]}]}}]}}]}}]} as unknown as DocumentNode<CachedDeleteMineMutation, CachedDeleteMineMutationVariables>;
export const CachedAdminUpdateDocument = {"__meta__":{"hash":"sha256:18c663993917a936f6f70b921edb5a4f856cbfc1f71cb37b4caff5a3b8fc579f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CachedAdminUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdminUpdateUserAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminUpdateUserAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<CachedAdminUpdateMutation, CachedAdminUpdateMutationVariables>;
export const CachedAdminDeleteDocument = {"__meta__":{"hash":"sha256:5d126f95680bd57835f72bb53b9a9ec3fedcb5b2eae2e8757dd84567014ba755"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CachedAdminDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdminDeleteUserAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminDeleteUserAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<CachedAdminDeleteMutation, CachedAdminDeleteMutationVariables>;
export const ProvisionedWriteDocument = {"__meta__":{"hash":"sha256:871c9c8974124b45d3bc76df17b61f7bc2ea18b3dd63e24202da32f6f47d4acb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProvisionedWrite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdminUpdateUserAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminUpdateUserAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<ProvisionedWriteMutation, ProvisionedWriteMutationVariables>;
export const MeDocument = {"__meta__":{"hash":"sha256:68399a822f9d278fe952cec4df95a40c8cc6d547c5634d9a9dbf1ab9f9bd8a1a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserFields"}},{"kind":"Field","alias":{"kind":"Name","value":"plan"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:plan","block":false}}]},{"kind":"Field","alias":{"kind":"Name","value":"missing"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:nothing","block":false}}]}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"sub"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const AdminUserDocument = {"__meta__":{"hash":"sha256:17b7af1048aecc4e2e6caa8f1cb6007e8a0dff02e0ed9b27dbc6ee23c156ce78"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"sub"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<AdminUserQuery, AdminUserQueryVariables>;
export const UsersDocument = {"__meta__":{"hash":"sha256:161cdae72b5b8f8b460bbfbbff5d63767ba6250c13d058f805f2f493347588c1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Users"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"usernames"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"usernames"},"value":{"kind":"Variable","name":{"kind":"Name","value":"usernames"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]} as unknown as DocumentNode<UsersQuery, UsersQueryVariables>;
export const PoolDocument = {"__meta__":{"hash":"sha256:9a279160768f1465ab2c6d4ef331a529fcda2b58a1869ee6504d95c11f8c16a5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Pool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dataType"}},{"kind":"Field","name":{"kind":"Name","value":"custom"}},{"kind":"Field","name":{"kind":"Name","value":"mutable"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"developerOnly"}},{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}},{"kind":"Field","name":{"kind":"Name","value":"minValue"}},{"kind":"Field","name":{"kind":"Name","value":"maxValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customAttributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<PoolQuery, PoolQueryVariables>;
export const QuotaAdminUpdateDocument = {"__meta__":{"hash":"sha256:7b307c49acac1d76cae94eab68c51fe760b2144881d3acec05b8233363bdbb0b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"QuotaAdminUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdminUpdateUserAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminUpdateUserAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<QuotaAdminUpdateMutation, QuotaAdminUpdateMutationVariables>;
export const QuotaUpdateMineDocument = {"__meta__":{"hash":"sha256:d734ea7aa4a62ca74c7a874639f8c2ecb19da53e26cfcac28695a4909473cf5e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"QuotaUpdateMine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMyAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<QuotaUpdateMineMutation, QuotaUpdateMineMutationVariables>;
export const QuotaRequestCodeDocument = {"__meta__":{"hash":"sha256:358fd385ee016959b488038b1fa5bec12806524d8119d0e0aec68cc1330b122f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"QuotaRequestCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestAttributeVerificationCodeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestAttributeVerificationCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"codeDelivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributeName"}}]}}]}}]}}]} as unknown as DocumentNode<QuotaRequestCodeMutation, QuotaRequestCodeMutationVariables>;
export const QuotaUserDocument = {"__meta__":{"hash":"sha256:1090f7dc7c67967f88b7fde0b4c0ed95df7661ff80a50f622639e8c5802ad54d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QuotaUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]} as unknown as DocumentNode<QuotaUserQuery, QuotaUserQueryVariables>;
export const QuotaPoolDocument = {"__meta__":{"hash":"sha256:48ad06e79ac6a8202a3366c346ac36c43c0c1e6cd1aa07b24aad72bf6f20b7a2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QuotaPool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<QuotaPoolQuery, QuotaPoolQueryVariables>;
export const QuotaMeDocument = {"__meta__":{"hash":"sha256:e1280fadaaab69ac2b6e60c3963c03a07592be6388ff022306ae622fb619297a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QuotaMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]} as unknown as DocumentNode<QuotaMeQuery, QuotaMeQueryVariables>;
export const QuotaVerifyDocument = {"__meta__":{"hash":"sha256:857280ee4b4e9a69ae39da2fe5504f0cfb3e3aadbeeef749344974169905687a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"QuotaVerify"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"VerifyMyAttributeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyMyAttribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<QuotaVerifyMutation, QuotaVerifyMutationVariables>;
export const QuotaAddCustomDocument = {"__meta__":{"hash":"sha256:1b955e04c88e25f924da6f407a46ea8fc2a90fc8641c2ab57593db93f2b8f597"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"QuotaAddCustom"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddCustomAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addCustomAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<QuotaAddCustomMutation, QuotaAddCustomMutationVariables>;
export const QuotaUsersDocument = {"__meta__":{"hash":"sha256:963c65aec8fa9d3c84d7671b11ac3dec5ec990a65b1856a2d712dd0ae2a7dee5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QuotaUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"usernames"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"usernames"},"value":{"kind":"Variable","name":{"kind":"Name","value":"usernames"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]} as unknown as DocumentNode<QuotaUsersQuery, QuotaUsersQueryVariables>;
export const RecipeUpdateMineDocument = {"__meta__":{"hash":"sha256:ca136cded96ea43976cf2f63b27b5c605e9dbca40576a4b8290a6915d83617a9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecipeUpdateMine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMyAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<RecipeUpdateMineMutation, RecipeUpdateMineMutationVariables>;
export const RedisMyChangesDocument = {"__meta__":{"hash":"sha256:71433b66b96128532517c08588d09f5e2c675f28bcfa6658c646d7991f9d2d83"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RedisMyChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myAttributesChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"updated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}}]} as unknown as DocumentNode<RedisMyChangesSubscription, RedisMyChangesSubscriptionVariables>;
export const RedisPoolChangesDocument = {"__meta__":{"hash":"sha256:6170897a5ceb995d9a57341c66b83ce936af93e5f581913f7e3b50ddaae2e351"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RedisPoolChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPoolAttributesChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}}]} as unknown as DocumentNode<RedisPoolChangesSubscription, RedisPoolChangesSubscriptionVariables>;
export const RedisUpdateMineDocument = {"__meta__":{"hash":"sha256:bb2e7783b3f78f267961b7142ac4de45f4bc230cbdb94c38845d8640ef0aa17c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RedisUpdateMine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMyAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","alias":{"kind":"Name","value":"plan"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:plan","block":false}}]}]}}]}}]}}]} as unknown as DocumentNode<RedisUpdateMineMutation, RedisUpdateMineMutationVariables>;
export const RedisAdminUpdateDocument = {"__meta__":{"hash":"sha256:7e06cc71aa72baf8258971afa4ffde3607f7eb4b8a33319d4415de06f67503b1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RedisAdminUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdminUpdateUserAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminUpdateUserAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","alias":{"kind":"Name","value":"plan"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:plan","block":false}}]}]}}]}}]}}]} as unknown as DocumentNode<RedisAdminUpdateMutation, RedisAdminUpdateMutationVariables>;
export const RedisMeDocument = {"__meta__":{"hash":"sha256:2fef90f26a5e8ea13fc34ccdb6834970b8df96c0707d964ed5d46cd425668187"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RedisMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","alias":{"kind":"Name","value":"plan"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:plan","block":false}}]}]}}]}}]} as unknown as DocumentNode<RedisMeQuery, RedisMeQueryVariables>;
export const ResumeMineDocument = {"__meta__":{"hash":"sha256:d2bfd9c4d3cf83361bd9a0baa09fd44cbd0c82e15b3d265db3f38871c1cdaecf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ResumeMine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myAttributesChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<ResumeMineSubscription, ResumeMineSubscriptionVariables>;
export const ResumePoolDocument = {"__meta__":{"hash":"sha256:da3474304fa34822bdd183fc0fe2dc22e941b3499d0d885841aadaf01658750f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ResumePool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPoolAttributesChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<ResumePoolSubscription, ResumePoolSubscriptionVariables>;
export const ResumeUserDocument = {"__meta__":{"hash":"sha256:b7c13ef2228d3c8ed7d0a3c2b28433e31aa09f4beee6a9bf3be493ee6ca622f7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ResumeUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userAttributesChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<ResumeUserSubscription, ResumeUserSubscriptionVariables>;
export const ResumeUpdateMineDocument = {"__meta__":{"hash":"sha256:3f37e860d6ea9671a4c0ecfd9be63c41dca822599620e62cd543fb86cdae9625"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResumeUpdateMine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMyAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<ResumeUpdateMineMutation, ResumeUpdateMineMutationVariables>;
export const ResumeAdminUpdateDocument = {"__meta__":{"hash":"sha256:711638b3cdb8ffa8f1f0bd111033de04ee14502e7a482affd6c30f25b9aaa429"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResumeAdminUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdminUpdateUserAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminUpdateUserAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<ResumeAdminUpdateMutation, ResumeAdminUpdateMutationVariables>;
export const RevokedUserDocument = {"__meta__":{"hash":"sha256:77f1cdf1662f5982a0f8a68a51511db1785c3d146cda71909f5ba44e18dbf2b2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RevokedUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]} as unknown as DocumentNode<RevokedUserQuery, RevokedUserQueryVariables>;
export const RevokedMeDocument = {"__meta__":{"hash":"sha256:b69beb4f811019c82787a207cca744020a9a5e7b41edba17db0f9a7257420cc9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RevokedMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]} as unknown as DocumentNode<RevokedMeQuery, RevokedMeQueryVariables>;
export const RevokedUpdateMineDocument = {"__meta__":{"hash":"sha256:b2784e7bcb1a28038533640c6872a57ffef69e62eba0ae6a6438fdcbf8efff3a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokedUpdateMine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMyAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<RevokedUpdateMineMutation, RevokedUpdateMineMutationVariables>;
export const RevokedMineDocument = {"__meta__":{"hash":"sha256:ef099dc7ca6e2f274d1d72f828493fa67ef7768f557bcd1a9f6c439422d215a6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RevokedMine"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myAttributesChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<RevokedMineSubscription, RevokedMineSubscriptionVariables>;
export const RevokedPoolDocument = {"__meta__":{"hash":"sha256:e8c5e51cbef1e4995754a0f29d3cc631309d96582f3e1972f4da181a90b9b2e9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RevokedPool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPoolAttributesChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<RevokedPoolSubscription, RevokedPoolSubscriptionVariables>;
export const ShutdownMyChangesDocument = {"__meta__":{"hash":"sha256:b525176372fbd159bb7f0f60376abe8c1df2edf250c57c339b4456d8461fb81b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ShutdownMyChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myAttributesChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<ShutdownMyChangesSubscription, ShutdownMyChangesSubscriptionVariables>;
export const ShutdownUpdateMineDocument = {"__meta__":{"hash":"sha256:ba1c1fb1c1fb0b7ac03ac6c56d188f092f885cb0ad768a8da453a291cc7d1e6d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShutdownUpdateMine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMyAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"plan"},"name":{"kind":"Name","value":"attribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:plan","block":false}}]}]}}]}}]}}]} as unknown as DocumentNode<ShutdownUpdateMineMutation, ShutdownUpdateMineMutationVariables>;
export const SubsMineDocument = {"__meta__":{"hash":"sha256:e7a7544ffeb25c86fb9fb0d4c6708d75efc14f26158993b3f1b5abe934752af5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SubsMine"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myAttributesChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserFields"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"sub"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AttributeChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]} as unknown as DocumentNode<SubsMineSubscription, SubsMineSubscriptionVariables>;
export const SubsMineStatusDocument = {"__meta__":{"hash":"sha256:4026223d71d39456ff89b6afe1f044c50233c5df42876e6b293f15d36dc5b1df"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SubsMineStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myAttributesChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}}]} as unknown as DocumentNode<SubsMineStatusSubscription, SubsMineStatusSubscriptionVariables>;
export const SubsUserDocument = {"__meta__":{"hash":"sha256:59a004401d9882a3ba442758692f289e14f661d217f8cd6c5fe3b78aeb38a2b9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SubsUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userAttributesChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserFields"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"sub"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AttributeChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]} as unknown as DocumentNode<SubsUserSubscription, SubsUserSubscriptionVariables>;
export const SubsPoolDocument = {"__meta__":{"hash":"sha256:1b6eecefbfca4f416472abe7f20bb346aa216868d01cba45023b17a90180a27e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SubsPool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userPoolAttributesChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserFields"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"sub"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AttributeChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]} as unknown as DocumentNode<SubsPoolSubscription, SubsPoolSubscriptionVariables>;
export const SubsUpdateMineDocument = {"__meta__":{"hash":"sha256:f9d70af9609da022d1d0bc957d56152418c842f20008a9d3637e05a88aea9301"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubsUpdateMine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMyAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<SubsUpdateMineMutation, SubsUpdateMineMutationVariables>;
export const SubsDeleteMineDocument = {"__meta__":{"hash":"sha256:3887cb99fa2c646e6b196d0a91b6860aa7f5e38518b17543b67e8a6f2d876e4e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubsDeleteMine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteMyAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<SubsDeleteMineMutation, SubsDeleteMineMutationVariables>;
export const SubsRequestCodeDocument = {"__meta__":{"hash":"sha256:87b0f211d3f71720165619e9ba26c82b9214fe43f99b216163505052eb0ef70d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubsRequestCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestAttributeVerificationCodeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestAttributeVerificationCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"codeDelivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributeName"}}]}}]}}]}}]} as unknown as DocumentNode<SubsRequestCodeMutation, SubsRequestCodeMutationVariables>;
export const SubsVerifyMineDocument = {"__meta__":{"hash":"sha256:2547ebadcfdda9f1f725c8743e5d71dc9ab427a7ecbda29d5b4b4ffddbcfacb5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubsVerifyMine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"VerifyMyAttributeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyMyAttribute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<SubsVerifyMineMutation, SubsVerifyMineMutationVariables>;
export const SubsAdminUpdateDocument = {"__meta__":{"hash":"sha256:b28e1cfbda45b831e1e20d73496af7f3e465350b97d4fe945a5580615b0a7292"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubsAdminUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdminUpdateUserAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminUpdateUserAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<SubsAdminUpdateMutation, SubsAdminUpdateMutationVariables>;
export const SubsAdminDeleteDocument = {"__meta__":{"hash":"sha256:7b47312fcb87d2d7b01532153762fa8badc29819ff67ba0c4fd458f30ab75f8c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubsAdminDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdminDeleteUserAttributesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminDeleteUserAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<SubsAdminDeleteMutation, SubsAdminDeleteMutationVariables>;
export const TrustedMeDocument = {"__meta__":{"hash":"sha256:f991926d1323117068ea18d266806cac0d1fc05696b5c50e89108317d20cac58"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TrustedMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]} as unknown as DocumentNode<TrustedMeQuery, TrustedMeQueryVariables>;
export const TrustedSetPlanDocument = {"__meta__":{"hash":"sha256:2df65b3534b137e7629d619e00b1f64a0164a0fc3573d838aded7a780522a2ee"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TrustedSetPlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"plan"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMyAttributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"attributes"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"custom:plan","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"value"},"value":{"kind":"Variable","name":{"kind":"Name","value":"plan"}}}]}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<TrustedSetPlanMutation, TrustedSetPlanMutationVariables>;
export const TrustedChangesDocument = {"__meta__":{"hash":"sha256:89ebe74e2ded695611e3026687035035fd245493726177405ae45b02e802b3dc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TrustedChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myAttributesChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<TrustedChangesSubscription, TrustedChangesSubscriptionVariables>;
export const SearchUsersDocument = {"__meta__":{"hash":"sha256:cbce0e7234f10dc3b8217091fe8e9ce8107f1716ae811ef25978b1dc5a3a7d8a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UserFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userSearch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"userPoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userPoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<SearchUsersQuery, SearchUsersQueryVariables>;
export const SearchDetailsDocument = {"__meta__":{"hash":"sha256:c60bc8f0eb7081e2f6e031fbea60a00010d055ee694644da4b15fdc0e7918c63"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UserFilterInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userSearch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"sub"}},{"kind":"Field","name":{"kind":"Name","value":"userPoolId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SearchDetailsQuery, SearchDetailsQueryVariables>;
/**
 * The backing shape of a Cognito user, mapped once from the SDK's answers
 * (GetUser, AdminGetUser, ListUsers) so resolvers never see Cognito's wire format.
 */
import type { PendingChange } from '../changes/pending.js';
import type { AdminGetUserCommandOutput, AttributeType, GetUserCommandOutput, UserType } from '@aws-sdk/client-cognito-identity-provider';

/** One attribute as stored, e.g. `{ name: 'custom:plan', value: 'pro' }`. */
export interface UserAttribute {
  name: string;
  value: string;
}

/** What only AdminGetUser tells: shown to administrators only. */
export interface AdminUserDetails {
  status: string;
  enabled: boolean;
  createdAt: Date | null;
  updatedAt: Date | null;
}

/** A Cognito user, as the caller may see it. */
export interface UserRecord {
  username: string;
  sub: string;
  userPoolId: string;
  /** Sorted by name. */
  attributes: UserAttribute[];
  /** Present when the user was read with AdminGetUser. */
  admin?: AdminUserDetails;
  /**
   * Their email or phone changes waiting for a code, when already known
   * (a change's read-back, an event); otherwise read when asked for
   * (src/changes/pending.ts).
   */
  pending?: readonly PendingChange[];
}

/** Maps Cognito's attribute list to the domain's, sorted by name. */
export function toAttributes(list: AttributeType[] | undefined): UserAttribute[] {
  return (list ?? [])
    .filter((a): a is { Name: string; Value?: string } => typeof a.Name === 'string')
    .map((a) => ({ name: a.Name, value: a.Value ?? '' }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const subOf = (attributes: UserAttribute[], fallback: string): string =>
  attributes.find((a) => a.name === 'sub')?.value ?? fallback;

/** The user as GetUser (the user's own access token) shows them. */
export function fromGetUser(output: GetUserCommandOutput, userPoolId: string): UserRecord {
  const username = output.Username ?? '';
  const attributes = toAttributes(output.UserAttributes);
  return { username, sub: subOf(attributes, username), userPoolId, attributes };
}

/** The user as AdminGetUser shows them, with the administrator-only details. */
export function fromAdminGetUser(output: AdminGetUserCommandOutput, userPoolId: string): UserRecord {
  return adminRecord(output.Username, output.UserAttributes, output, userPoolId);
}

/** A user of a ListUsers page, as AdminGetUser would show them. */
export function fromListedUser(user: UserType, userPoolId: string): UserRecord {
  return adminRecord(user.Username, user.Attributes, user, userPoolId);
}

function adminRecord(
  name: string | undefined,
  list: AttributeType[] | undefined,
  details: Pick<UserType, 'UserStatus' | 'Enabled' | 'UserCreateDate' | 'UserLastModifiedDate'>,
  userPoolId: string,
): UserRecord {
  const username = name ?? '';
  const attributes = toAttributes(list);
  return {
    username,
    sub: subOf(attributes, username),
    userPoolId,
    attributes,
    admin: {
      status: details.UserStatus ?? 'UNKNOWN',
      enabled: details.Enabled ?? true,
      createdAt: details.UserCreateDate ?? null,
      updatedAt: details.UserLastModifiedDate ?? null,
    },
  };
}

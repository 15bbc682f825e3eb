/**
 * Users and their attributes: `me` for the signed-in user, `user` and `users`
 * for administrators. What only AdminGetUser knows (status, enabled, dates)
 * is shown to administrators only.
 */
import { builder } from '../builder.js';
import type { UserAttribute as UserAttributeShape, UserRecord } from '../cognito/users.js';
import { allowedPool, signedInCaller, type Context } from '../context.js';
import { checkAttributeName, checkUsername, checkUsernames } from '../cognito/attribute-rules.js';

/** `UserAttribute`: one attribute as stored. */
export const UserAttribute = builder.objectRef<UserAttributeShape>('UserAttribute').implement({
  description: 'A Cognito user attribute as stored, e.g. email, phone_number, custom:plan.',
  fields: (t) => ({
    name: t.exposeString('name'),
    value: t.exposeString('value'),
  }),
});

const USER_STATUSES = [
  'UNCONFIRMED',
  'CONFIRMED',
  'ARCHIVED',
  'COMPROMISED',
  'UNKNOWN',
  'RESET_REQUIRED',
  'FORCE_CHANGE_PASSWORD',
  'EXTERNAL_PROVIDER',
] as const;

const UserStatus = builder.enumType('UserStatus', {
  description: "Cognito's account status of a user.",
  values: USER_STATUSES,
});

/**
 * `User.id`: `User:<pool>:<sub>` in base64url, opaque to clients. The same
 * user has the same id in `me`, `user`, payloads and events, so Apollo's and
 * urql's normalized caches update a `me` after a mutation with their defaults.
 */
export function userId(user: Pick<UserRecord, 'userPoolId' | 'sub'>): string {
  return Buffer.from(`User:${user.userPoolId}:${user.sub}`).toString('base64url');
}

/** The administrator-only details of a user: read with AdminGetUser when the user came from GetUser. */
async function adminDetails(user: UserRecord, context: Context) {
  if (user.admin) return user.admin;
  const full = await context.loaders.user.load({ userPoolId: user.userPoolId, username: user.username });
  return full?.admin ?? null;
}

/** `User`: a Cognito user, as much of it as the caller may see. */
export const User = builder.objectRef<UserRecord>('User').implement({
  description: 'A Cognito user, as much of it as the caller may see.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    id: t.id({
      description: 'Stable and unique across pools (derived from the pool and `sub`): what client caches normalize on.',
      resolve: (user) => userId(user),
    }),
    username: t.exposeString('username', { description: "The user's Cognito username." }),
    sub: t.exposeID('sub', { description: 'The immutable `sub` attribute.' }),
    userPoolId: t.exposeID('userPoolId', { description: 'The user pool the user belongs to.' }),
    attributes: t.field({
      type: [UserAttribute],
      description: 'Every attribute the caller may read, sorted by name.',
      resolve: (user) => user.attributes,
    }),
    attribute: t.string({
      description: "One attribute's value; null when the user has no such attribute.",
      nullable: true,
      args: { name: t.arg.string({ required: true }) },
      resolve: (user, { name }) => {
        checkAttributeName(name);
        return user.attributes.find((a) => a.name === name)?.value ?? null;
      },
    }),
    status: t.field({
      type: UserStatus,
      description: 'Administrators only (AdminGetUser); FORBIDDEN for other callers.',
      nullable: true,
      authScopes: { admin: true },
      resolve: async (user, _args, context) => {
        const status = (await adminDetails(user, context))?.status;
        if (status === undefined) return null;
        return (USER_STATUSES as readonly string[]).includes(status) ? (status as (typeof USER_STATUSES)[number]) : 'UNKNOWN';
      },
    }),
    enabled: t.boolean({
      description: 'Administrators only.',
      nullable: true,
      authScopes: { admin: true },
      resolve: async (user, _args, context) => (await adminDetails(user, context))?.enabled ?? null,
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'Administrators only.',
      nullable: true,
      authScopes: { admin: true },
      resolve: async (user, _args, context) => (await adminDetails(user, context))?.createdAt ?? null,
    }),
    updatedAt: t.field({
      type: 'DateTime',
      description: 'Administrators only.',
      nullable: true,
      authScopes: { admin: true },
      resolve: async (user, _args, context) => (await adminDetails(user, context))?.updatedAt ?? null,
    }),
  }),
});

builder.queryFields((t) => ({
  me: t.field({
    type: User,
    description: 'The signed-in user (GetUser with the bearer access token).',
    authScopes: { authenticated: true },
    resolve: (_root, _args, context) => context.loaders.me.load(signedInCaller(context)),
  }),
  user: t.field({
    type: User,
    nullable: true,
    description: 'Administrators: one user (AdminGetUser); null when there is no such user.',
    authScopes: { admin: true },
    args: { username: t.arg.string({ required: true }), userPoolId: t.arg.id() },
    resolve: (_root, { username, userPoolId }, context) => {
      const pool = allowedPool(context, userPoolId);
      checkUsername(username);
      return context.loaders.user.load({ userPoolId: pool, username });
    },
  }),
  users: t.field({
    type: [User],
    nullable: { list: false, items: true },
    description: 'Administrators: many users at once, in the order asked, null for unknown usernames.',
    authScopes: { admin: true },
    args: { usernames: t.arg.stringList({ required: true }), userPoolId: t.arg.id() },
    resolve: (_root, { usernames, userPoolId }, context) => {
      const pool = allowedPool(context, userPoolId);
      checkUsernames(usernames);
      // loadMany answers an Error in place of a user it could not read;
      // graphql-js turns it into an error at that index, the others still load.
      return context.loaders.user.loadMany(usernames.map((username) => ({ userPoolId: pool, username }))) as Promise<(UserRecord | null)[]>;
    },
  }),
}));

/**
 * Administrators change other users' attributes (AdminUpdateUserAttributes,
 * AdminDeleteUserAttributes), only in the configured pools.
 */
import { AdminDeleteUserAttributesCommand, AdminUpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import { builder } from '../builder.js';
import type { UserKey } from '../cognito/loaders.js';
import type { UserRecord } from '../cognito/users.js';
import { allowedPool, type Context } from '../context.js';
import { ErrorCode, contractError, fromCognito } from '../errors.js';
import {
  checkAttributeInputs,
  checkAttributeNames,
  checkDeleteAgainstSchema,
  checkUpdateAgainstSchema,
  checkUsername,
} from '../cognito/attribute-rules.js';
import { AttributeInput, ClientMetadataEntry, toClientMetadata } from './my-attributes.js';
import { publishChange } from './attribute-changes.js';
import { User } from './user.js';

const noSuchUser = (key: UserKey) => contractError(ErrorCode.NOT_FOUND, `User "${key.username}" does not exist in user pool ${key.userPoolId}.`);

/**
 * Runs an admin write for one user and reads the user again after it.
 * Cognito (and the emulator) may answer an unknown user with
 * NotAuthorizedException instead of UserNotFoundException; a failed write is
 * therefore followed by a look-up, so the client gets NOT_FOUND, not FORBIDDEN.
 */
async function adminWrite(context: Context, key: UserKey, write: () => Promise<unknown>): Promise<UserRecord> {
  try {
    await write();
  } catch (error) {
    if (error instanceof Error && error.name === 'NotAuthorizedException' && (await context.loaders.user.load(key)) === null) {
      throw noSuchUser(key);
    }
    throw fromCognito(error, 'admin');
  }
  context.loaders.user.clear(key);
  const user = await context.loaders.user.load(key);
  if (!user) throw noSuchUser(key);
  return user;
}

const AdminUpdateUserAttributesInput = builder.inputType('AdminUpdateUserAttributesInput', {
  fields: (t) => ({
    userPoolId: t.id({ description: "Defaults to the service's default user pool." }),
    username: t.string({ required: true }),
    attributes: t.field({ type: [AttributeInput], required: true }),
    clientMetadata: t.field({ type: [ClientMetadataEntry] }),
  }),
});

const AdminUpdateUserAttributesPayload = builder.objectRef<{ user: UserRecord }>('AdminUpdateUserAttributesPayload').implement({
  fields: (t) => ({ user: t.field({ type: User, resolve: (p) => p.user }) }),
});

const AdminDeleteUserAttributesInput = builder.inputType('AdminDeleteUserAttributesInput', {
  fields: (t) => ({
    userPoolId: t.id(),
    username: t.string({ required: true }),
    names: t.stringList({ required: true }),
  }),
});

const AdminDeleteUserAttributesPayload = builder.objectRef<{ user: UserRecord }>('AdminDeleteUserAttributesPayload').implement({
  fields: (t) => ({ user: t.field({ type: User, resolve: (p) => p.user }) }),
});

builder.mutationFields((t) => ({
  adminUpdateUserAttributes: t.field({
    type: AdminUpdateUserAttributesPayload,
    description: 'Administrators: AdminUpdateUserAttributes.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: AdminUpdateUserAttributesInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const key = { userPoolId: allowedPool(context, input.userPoolId), username: input.username };
      checkUsername(key.username);
      checkAttributeInputs(input.attributes);
      const clientMetadata = toClientMetadata(input.clientMetadata);
      checkUpdateAgainstSchema(await context.loaders.pool.load(key.userPoolId), input.attributes, 'admin');
      const user = await adminWrite(context, key, () =>
        context.services.cognito.send(
          new AdminUpdateUserAttributesCommand({
            UserPoolId: key.userPoolId,
            Username: key.username,
            UserAttributes: input.attributes.map(({ name, value }) => ({ Name: name, Value: value })),
            ClientMetadata: clientMetadata,
          }),
        ),
      );
      publishChange(context, { user, updated: input.attributes, source: 'ADMIN' });
      return { user };
    },
  }),
  adminDeleteUserAttributes: t.field({
    type: AdminDeleteUserAttributesPayload,
    description: 'Administrators: AdminDeleteUserAttributes.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: AdminDeleteUserAttributesInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const key = { userPoolId: allowedPool(context, input.userPoolId), username: input.username };
      checkUsername(key.username);
      checkAttributeNames(input.names);
      checkDeleteAgainstSchema(await context.loaders.pool.load(key.userPoolId), input.names, 'admin');
      const user = await adminWrite(context, key, () =>
        context.services.cognito.send(
          new AdminDeleteUserAttributesCommand({ UserPoolId: key.userPoolId, Username: key.username, UserAttributeNames: input.names }),
        ),
      );
      publishChange(context, { user, deleted: input.names, source: 'ADMIN' });
      return { user };
    },
  }),
}));

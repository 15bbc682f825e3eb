/**
 * Administrators change other users' attributes (AdminUpdateUserAttributes,
 * AdminDeleteUserAttributes), only in the configured pools. Each payload
 * reads the user again after the change (src/changes/publish.ts orders the
 * write, the cache and the event).
 */
import { AdminDeleteUserAttributesCommand, AdminUpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import { builder } from '../builder.js';
import { applyChange, type ChangeSteps } from '../changes/publish.js';
import {
  checkAttributeInputs,
  checkAttributeNames,
  checkDeleteAgainstSchema,
  checkUpdateAgainstSchema,
  checkUsername,
  toClientMetadata,
} from '../cognito/attribute-rules.js';
import type { UserKey } from '../cognito/loaders.js';
import { byCaller } from '../cognito/pipeline.js';
import type { UserRecord } from '../cognito/users.js';
import { allowedPool, type Context } from '../context.js';
import { contractError, ErrorCode, fromCognito } from '../errors.js';
import { AttributeInput, ClientMetadataEntry } from './attribute-inputs.js';
import { User } from './user.js';

const noSuchUser = (key: UserKey) => contractError(ErrorCode.NOT_FOUND, `User "${key.username}" does not exist in user pool ${key.userPoolId}.`);

/**
 * Runs an administrator's `write` for one user as a change, read back with
 * AdminGetUser. Cognito (and the emulator) may answer an unknown user with
 * NotAuthorizedException instead of UserNotFoundException; a failed write is
 * therefore followed by a look-up, so the client gets NOT_FOUND, not FORBIDDEN.
 */
async function changeUser(context: Context, key: UserKey, write: () => Promise<unknown>, change: Pick<ChangeSteps<unknown>, 'updated' | 'deleted'>): Promise<UserRecord> {
  const { user } = await applyChange(context, {
    reads: { subject: key, commands: ['AdminGetUser'] },
    async write() {
      try {
        return await write();
      } catch (error) {
        if (error instanceof Error && error.name === 'NotAuthorizedException' && (await context.loaders.user.load(key)) === null) throw noSuchUser(key);
        throw fromCognito(error, 'admin');
      }
    },
    async readBack() {
      context.loaders.user.clear(key);
      const user = await context.loaders.user.load(key);
      if (!user) throw noSuchUser(key);
      return { payload: user, event: user };
    },
    ...change,
    source: 'ADMIN',
  });
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
      const user = await changeUser(
        context,
        key,
        () =>
          context.services.cognito.send(
            byCaller(
              context.caller,
              new AdminUpdateUserAttributesCommand({
                UserPoolId: key.userPoolId,
                Username: key.username,
                UserAttributes: input.attributes.map(({ name, value }) => ({ Name: name, Value: value })),
                ClientMetadata: clientMetadata,
              }),
            ),
          ),
        { updated: input.attributes },
      );
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
      const user = await changeUser(
        context,
        key,
        () =>
          context.services.cognito.send(
            byCaller(context.caller, new AdminDeleteUserAttributesCommand({ UserPoolId: key.userPoolId, Username: key.username, UserAttributeNames: input.names })),
          ),
        { deleted: input.names },
      );
      return { user };
    },
  }),
}));

/**
 * The signed-in user changes their own attributes: `updateMyAttributes`
 * (UpdateUserAttributes) and `deleteMyAttributes` (DeleteUserAttributes),
 * with the caller's verified access token. Each payload reads the user again
 * after the change (src/changes/publish.ts orders the write, the cache and
 * the event).
 */
import { DeleteUserAttributesCommand, UpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import { builder } from '../builder.js';
import { applyChange, type ChangeSteps } from '../changes/publish.js';
import {
  checkAttributeInputs,
  checkAttributeNames,
  checkDeleteAgainstSchema,
  checkUpdateAgainstSchema,
  checkWritableByClient,
  toClientMetadata,
  VERIFIABLE,
} from '../cognito/attribute-rules.js';
import { concerning } from '../cognito/pipeline.js';
import type { UserRecord } from '../cognito/users.js';
import { signedInCaller, type Context } from '../context.js';
import { cognitoCall } from '../errors.js';
import { AttributeInput, ClientMetadataEntry } from './attribute-inputs.js';
import { CodeDeliveryDetails, toCodeDelivery, type CodeDelivery } from './code-delivery.js';
import { User } from './user.js';

/**
 * Runs `write` (a Cognito call with the caller's token) as a change of the
 * caller's own attributes: the payload reads them back with GetUser (what the
 * user may see), the event with AdminGetUser (what every subscriber's view is
 * cut from).
 */
export function changeOwnAttributes<T>(context: Context, write: () => Promise<T>, change: Pick<ChangeSteps<T>, 'updated' | 'deleted'>) {
  const caller = signedInCaller(context);
  const userKey = { userPoolId: caller.userPoolId, username: caller.username };
  return applyChange(context, {
    user: caller,
    reads: { subject: caller, commands: ['GetUser', 'AdminGetUser'] },
    write: () => cognitoCall('user', write),
    async readBack() {
      context.loaders.me.clear(caller);
      context.loaders.user.clear(userKey);
      const [payload, full] = await Promise.all([context.loaders.me.load(caller), context.loaders.user.load(userKey).catch(() => null)]);
      return { payload, event: full ?? payload };
    },
    ...change,
    source: 'SELF',
  });
}

const UpdateMyAttributesInput = builder.inputType('UpdateMyAttributesInput', {
  fields: (t) => ({
    attributes: t.field({ type: [AttributeInput], required: true }),
    clientMetadata: t.field({ type: [ClientMetadataEntry] }),
  }),
});

const UpdateMyAttributesPayload = builder
  .objectRef<{ user: UserRecord; codeDeliveries: CodeDelivery[]; staleTokenClaims: string[] }>('UpdateMyAttributesPayload')
  .implement({
    fields: (t) => ({
      user: t.field({ type: User, description: 'The user after the update.', resolve: (p) => p.user }),
      codeDeliveries: t.field({
        type: [CodeDeliveryDetails],
        description: 'Verification codes Cognito sent because an email or phone number changed.',
        resolve: (p) => p.codeDeliveries,
      }),
      staleTokenClaims: t.stringList({
        description:
          "Attributes whose new value the caller's current ID token does not carry yet: refresh the tokens to see them in its claims.",
        resolve: (p) => p.staleTokenClaims,
      }),
    }),
  });

/**
 * The ID token claims an update made stale: every attribute the caller's app
 * client may read is a claim, so each attribute the update set (as `user`,
 * the caller's view after it, now shows it), and the `*_verified` flag Cognito
 * reset with a new email or phone number. A value still waiting for its code
 * changes no claim: the token keeps the original, as Cognito does.
 */
export function staleClaims(asked: readonly { name: string; value: string }[], user: UserRecord): string[] {
  const value = (name: string) => user.attributes.find((a) => a.name === name)?.value;
  const stale = new Set<string>();
  for (const { name, value: wanted } of asked) {
    if (value(name) !== wanted) continue;
    stale.add(name);
    if (VERIFIABLE.has(name) && value(`${name}_verified`) !== undefined) stale.add(`${name}_verified`);
  }
  return [...stale].sort();
}

const DeleteMyAttributesInput = builder.inputType('DeleteMyAttributesInput', {
  fields: (t) => ({ names: t.stringList({ required: true }) }),
});

const DeleteMyAttributesPayload = builder.objectRef<{ user: UserRecord }>('DeleteMyAttributesPayload').implement({
  fields: (t) => ({ user: t.field({ type: User, resolve: (p) => p.user }) }),
});

builder.mutationFields((t) => ({
  updateMyAttributes: t.field({
    type: UpdateMyAttributesPayload,
    description: "UpdateUserAttributes with the caller's access token.",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: UpdateMyAttributesInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const caller = signedInCaller(context);
      checkAttributeInputs(input.attributes);
      const clientMetadata = toClientMetadata(input.clientMetadata);
      checkUpdateAgainstSchema(await context.loaders.pool.load(caller.userPoolId), input.attributes, 'self');
      checkWritableByClient(input.attributes.map((a) => a.name), (await context.services.clientAttributes.permissions(caller.userPoolId, caller.clientId)).writable);
      const { output, user } = await changeOwnAttributes(
        context,
        () =>
          context.services.cognito.send(
            concerning(
              caller,
              new UpdateUserAttributesCommand({
                AccessToken: caller.accessToken,
                UserAttributes: input.attributes.map(({ name, value }) => ({ Name: name, Value: value })),
                ClientMetadata: clientMetadata,
              }),
            ),
          ),
        { updated: input.attributes },
      );
      return { user, codeDeliveries: (output.CodeDeliveryDetailsList ?? []).map(toCodeDelivery), staleTokenClaims: staleClaims(input.attributes, user) };
    },
  }),
  deleteMyAttributes: t.field({
    type: DeleteMyAttributesPayload,
    description: "DeleteUserAttributes with the caller's access token.",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: DeleteMyAttributesInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const caller = signedInCaller(context);
      checkAttributeNames(input.names);
      checkDeleteAgainstSchema(await context.loaders.pool.load(caller.userPoolId), input.names, 'self');
      checkWritableByClient(input.names, (await context.services.clientAttributes.permissions(caller.userPoolId, caller.clientId)).writable);
      const { user } = await changeOwnAttributes(
        context,
        () =>
          context.services.cognito.send(concerning(caller, new DeleteUserAttributesCommand({ AccessToken: caller.accessToken, UserAttributeNames: input.names }))),
        { deleted: input.names },
      );
      return { user };
    },
  }),
}));

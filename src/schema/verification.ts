/**
 * Verifying the signed-in user's email or phone number:
 * `requestAttributeVerificationCode` (GetUserAttributeVerificationCode) sends
 * a code, `verifyMyAttribute` (VerifyUserAttribute) confirms it, which
 * changes the user (`<attribute>_verified`) like any other change.
 */
import { GetUserAttributeVerificationCodeCommand, VerifyUserAttributeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { builder } from '../builder.js';
import { checkVerifiable, checkVerificationCode, toClientMetadata } from '../cognito/attribute-rules.js';
import { concerning } from '../cognito/pipeline.js';
import type { UserRecord } from '../cognito/users.js';
import { signedInCaller, type Context } from '../context.js';
import { maskAddress } from '../changes/pending.js';
import { cognitoCall } from '../errors.js';
import { ClientMetadataEntry } from './attribute-inputs.js';
import { CodeDeliveryDetails, toCodeDelivery, type CodeDelivery } from './code-delivery.js';
import { changeOwnAttributes } from './my-attributes.js';
import { User } from './user.js';

const RequestAttributeVerificationCodeInput = builder.inputType('RequestAttributeVerificationCodeInput', {
  fields: (t) => ({
    attributeName: t.string({ required: true }),
    clientMetadata: t.field({ type: [ClientMetadataEntry] }),
  }),
});

const RequestAttributeVerificationCodePayload = builder
  .objectRef<{ codeDelivery: CodeDelivery }>('RequestAttributeVerificationCodePayload')
  .implement({
    fields: (t) => ({ codeDelivery: t.field({ type: CodeDeliveryDetails, resolve: (p) => p.codeDelivery }) }),
  });

const VerifyMyAttributeInput = builder.inputType('VerifyMyAttributeInput', {
  fields: (t) => ({
    attributeName: t.string({ required: true }),
    code: t.string({ required: true }),
  }),
});

const VerifyMyAttributePayload = builder.objectRef<{ user: UserRecord }>('VerifyMyAttributePayload').implement({
  fields: (t) => ({ user: t.field({ type: User, resolve: (p) => p.user }) }),
});

/**
 * Where the code went, when Cognito sent it but did not say (the emulator
 * never does; real Cognito always does). The embedded emulator's mailbox
 * knows. Without it, cognito-local's own rule: it sends every code to the
 * pool's auto-verified attribute (a phone number first, else the email),
 * whichever attribute was asked for, so a code asked for `phone_number` in a
 * pool that auto-verifies email is an email, and says so. It goes to the
 * pending value when there is one.
 */
async function derivedDelivery(context: Context, attributeName: string, since: Date): Promise<CodeDelivery> {
  const caller = signedInCaller(context);
  const sent = context.services.deliveries?.sentTo(caller.username, since);
  if (sent) {
    const name = sent.medium === 'SMS' ? 'phone_number' : 'email';
    return { attributeName: name, deliveryMedium: sent.medium, destination: maskAddress(name, sent.destination) };
  }
  const [me, stored, pool] = await Promise.all([
    context.loaders.me.load(caller),
    context.services.pending.read(caller.userPoolId, caller.sub).catch(() => []),
    context.loaders.pool.load(caller.userPoolId).catch(() => null),
  ]);
  const addressOf = (name: string) => stored.find((c) => c.name === name && !c.masked)?.value ?? me.attributes.find((a) => a.name === name)?.value;
  const autoVerified = pool?.autoVerified ?? [attributeName];
  const name = ['phone_number', 'email'].find((n) => autoVerified.includes(n) && addressOf(n)) ?? attributeName;
  return { attributeName: name, deliveryMedium: name === 'phone_number' ? 'SMS' : 'EMAIL', destination: maskAddress(name, addressOf(name) ?? '') };
}

/**
 * A code sent to an address that is neither the user's nor the one the
 * service asked for is a change made elsewhere (the console, another app),
 * waiting with the pool's keep-original setting: remembered masked, as the
 * delivery shows it, so `pendingChanges` tells the user where the code went.
 */
async function notePendingElsewhere(context: Context, delivery: CodeDelivery): Promise<void> {
  const caller = signedInCaller(context);
  const name = delivery.attributeName;
  try {
    const me = await context.loaders.me.load(caller);
    const current = me.attributes.find((a) => a.name === name)?.value;
    if (current === undefined || maskAddress(name, current) === delivery.destination) return;
    const stored = await context.services.pending.read(caller.userPoolId, caller.sub);
    if (stored.some((c) => c.name === name && (c.masked ? c.value : maskAddress(name, c.value)) === delivery.destination)) return;
    if (!(await context.loaders.pool.load(caller.userPoolId)).keepOriginalUntilVerified.includes(name)) return;
    const next = [...stored.filter((c) => c.name !== name), { name, value: delivery.destination, masked: true, requestedAt: null }];
    await context.services.pending.write(caller.userPoolId, caller.sub, next);
  } catch (error) {
    context.services.logger.warn({ err: { message: (error as Error)?.message } }, 'a pending change made elsewhere could not be remembered');
  }
}

builder.mutationFields((t) => ({
  requestAttributeVerificationCode: t.field({
    type: RequestAttributeVerificationCodePayload,
    description: "GetUserAttributeVerificationCode with the caller's access token.",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: RequestAttributeVerificationCodeInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<{ codeDelivery: CodeDelivery }> => {
      const caller = signedInCaller(context);
      checkVerifiable(input.attributeName);
      const clientMetadata = toClientMetadata(input.clientMetadata);
      const since = new Date();
      const output = await cognitoCall('user', () =>
        context.services.cognito.send(
          concerning(
            caller,
            new GetUserAttributeVerificationCodeCommand({ AccessToken: caller.accessToken, AttributeName: input.attributeName, ClientMetadata: clientMetadata }),
          ),
        ),
      );
      const codeDelivery = output.CodeDeliveryDetails ? toCodeDelivery(output.CodeDeliveryDetails) : await derivedDelivery(context, input.attributeName, since);
      await notePendingElsewhere(context, codeDelivery);
      return { codeDelivery };
    },
  }),
  verifyMyAttribute: t.field({
    type: VerifyMyAttributePayload,
    description: "VerifyUserAttribute with the caller's access token.",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: VerifyMyAttributeInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const caller = signedInCaller(context);
      checkVerifiable(input.attributeName);
      checkVerificationCode(input.code);
      const { user } = await changeOwnAttributes(
        context,
        () =>
          context.services.cognito.send(
            concerning(caller, new VerifyUserAttributeCommand({ AccessToken: caller.accessToken, AttributeName: input.attributeName, Code: input.code })),
          ),
        { updated: [{ name: `${input.attributeName}_verified`, value: 'true' }] },
      );
      return { user };
    },
  }),
}));

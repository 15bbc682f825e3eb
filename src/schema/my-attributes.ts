/**
 * The signed-in user's own attributes: update, delete, request a verification
 * code, verify. Each call carries the caller's verified access token to
 * Cognito, and each payload reads the user again after the change.
 */
import {
  DeleteUserAttributesCommand,
  GetUserAttributeVerificationCodeCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
  type CodeDeliveryDetailsType,
} from '@aws-sdk/client-cognito-identity-provider';
import { builder } from '../builder.js';
import type { UserRecord } from '../cognito/users.js';
import { callerKey, type Context } from '../context.js';
import { cognitoCall, ErrorCode, contractError } from '../errors.js';
import {
  checkAttributeInputs,
  checkAttributeName,
  checkAttributeNames,
  checkDeleteAgainstSchema,
  checkUpdateAgainstSchema,
} from '../cognito/attribute-rules.js';
import { publishChange, type ChangeInput } from './attribute-changes.js';
import { User } from './user.js';

/** `AttributeInput`: a name and the value to set. */
export const AttributeInput = builder.inputType('AttributeInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    value: t.string({ required: true }),
  }),
});

/** `ClientMetadataEntry`: one key of the ClientMetadata passed to the pool's Lambda triggers. */
export const ClientMetadataEntry = builder.inputType('ClientMetadataEntry', {
  description: "Passed to the pool's Lambda triggers as ClientMetadata.",
  fields: (t) => ({
    key: t.string({ required: true }),
    value: t.string({ required: true }),
  }),
});

const MAX_METADATA_ENTRIES = 50;
const MAX_METADATA_LENGTH = 2_048;

/** Turns `ClientMetadataEntry`s into Cognito's map, checking their size. */
export function toClientMetadata(entries: readonly { key: string; value: string }[] | null | undefined): Record<string, string> | undefined {
  if (!entries || entries.length === 0) return undefined;
  if (entries.length > MAX_METADATA_ENTRIES) throw contractError(ErrorCode.BAD_USER_INPUT, `At most ${MAX_METADATA_ENTRIES} clientMetadata entries.`);
  const metadata: Record<string, string> = {};
  for (const { key, value } of entries) {
    if (key.length === 0 || key.length > MAX_METADATA_LENGTH || value.length > MAX_METADATA_LENGTH) {
      throw contractError(ErrorCode.BAD_USER_INPUT, `A clientMetadata key has 1 to ${MAX_METADATA_LENGTH} characters, a value at most ${MAX_METADATA_LENGTH}.`);
    }
    metadata[key] = value;
  }
  return metadata;
}

const DeliveryMedium = builder.enumType('DeliveryMedium', { values: ['EMAIL', 'SMS'] as const });

interface CodeDelivery {
  attributeName: string;
  deliveryMedium: 'EMAIL' | 'SMS';
  destination: string;
}

const CodeDeliveryDetails = builder.objectRef<CodeDelivery>('CodeDeliveryDetails').implement({
  description: 'Where Cognito sent a verification code (the destination is masked).',
  fields: (t) => ({
    attributeName: t.exposeString('attributeName'),
    deliveryMedium: t.field({ type: DeliveryMedium, resolve: (d) => d.deliveryMedium }),
    destination: t.exposeString('destination'),
  }),
});

/** Masks a destination the way Cognito does: `b***@e***` for email, the last four digits for a phone. */
export function maskDestination(attributeName: string, value: string): string {
  if (attributeName === 'email') {
    const [local = '', domain = ''] = value.split('@');
    return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
  }
  return `+*******${value.slice(-4)}`;
}

/** Cognito masks destinations itself; an emulator may not, and a full address must never be shown. */
const toCodeDelivery = (d: CodeDeliveryDetailsType): CodeDelivery => {
  const attributeName = d.AttributeName ?? '';
  const destination = d.Destination ?? '';
  return {
    attributeName,
    deliveryMedium: d.DeliveryMedium === 'SMS' ? 'SMS' : 'EMAIL',
    destination: destination.includes('*') ? destination : maskDestination(attributeName, destination),
  };
};

/**
 * After a change Cognito accepted: reads the caller again (GetUser, so the
 * payload shows what the user may see) and, in parallel, the full user
 * (AdminGetUser) for the published event, which every subscriber's view is
 * cut from without another call. Only after {@link changeOwn}, which has
 * emptied the caller's profile cache, so the reread reaches Cognito.
 */
async function afterChange(context: Context, change: Pick<ChangeInput, 'updated' | 'deleted'>): Promise<UserRecord> {
  const key = callerKey(context);
  const userKey = { userPoolId: key.userPoolId, username: context.caller!.username };
  context.loaders.me.clear(key);
  context.loaders.user.clear(userKey);
  const [me, full] = await Promise.all([context.loaders.me.load(key), context.loaders.user.load(userKey).catch(() => null)]);
  publishChange(context, { ...change, user: full ?? me, source: 'SELF' });
  return me;
}

/**
 * A write to the caller's own attributes. Whatever its outcome, the caller's
 * cached profile is forgotten: a call that timed out may still have changed them.
 */
async function changeOwn<T>(context: Context, call: () => Promise<T>): Promise<T> {
  try {
    return await cognitoCall('user', call);
  } finally {
    const { userPoolId, sub } = callerKey(context);
    context.services.profiles.invalidate(userPoolId, sub);
  }
}

const UpdateMyAttributesInput = builder.inputType('UpdateMyAttributesInput', {
  fields: (t) => ({
    attributes: t.field({ type: [AttributeInput], required: true }),
    clientMetadata: t.field({ type: [ClientMetadataEntry] }),
  }),
});

const UpdateMyAttributesPayload = builder.objectRef<{ user: UserRecord; codeDeliveries: CodeDelivery[] }>('UpdateMyAttributesPayload').implement({
  fields: (t) => ({
    user: t.field({ type: User, description: 'The user after the update.', resolve: (p) => p.user }),
    codeDeliveries: t.field({
      type: [CodeDeliveryDetails],
      description: 'Verification codes Cognito sent because an email or phone number changed.',
      resolve: (p) => p.codeDeliveries,
    }),
  }),
});

const DeleteMyAttributesInput = builder.inputType('DeleteMyAttributesInput', {
  fields: (t) => ({ names: t.stringList({ required: true }) }),
});

const DeleteMyAttributesPayload = builder.objectRef<{ user: UserRecord }>('DeleteMyAttributesPayload').implement({
  fields: (t) => ({ user: t.field({ type: User, resolve: (p) => p.user }) }),
});

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

/** Attributes Cognito can send a verification code for. */
const VERIFIABLE = new Set(['email', 'phone_number']);
const CODE = /^\S{1,2048}$/u;

function checkVerifiable(attributeName: string): void {
  checkAttributeName(attributeName);
  if (!VERIFIABLE.has(attributeName)) {
    throw contractError(ErrorCode.BAD_USER_INPUT, 'Only "email" and "phone_number" can be verified.', { attribute: attributeName.slice(0, 64) });
  }
}

builder.mutationFields((t) => ({
  updateMyAttributes: t.field({
    type: UpdateMyAttributesPayload,
    description: "UpdateUserAttributes with the caller's access token.",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: UpdateMyAttributesInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const { accessToken, userPoolId } = callerKey(context);
      checkAttributeInputs(input.attributes);
      const clientMetadata = toClientMetadata(input.clientMetadata);
      checkUpdateAgainstSchema(await context.loaders.pool.load(userPoolId), input.attributes, 'self');
      const output = await changeOwn(context, () =>
        context.services.cognito.send(
          new UpdateUserAttributesCommand({
            AccessToken: accessToken,
            UserAttributes: input.attributes.map(({ name, value }) => ({ Name: name, Value: value })),
            ClientMetadata: clientMetadata,
          }),
        ),
      );
      return { user: await afterChange(context, { updated: input.attributes }), codeDeliveries: (output.CodeDeliveryDetailsList ?? []).map(toCodeDelivery) };
    },
  }),
  deleteMyAttributes: t.field({
    type: DeleteMyAttributesPayload,
    description: "DeleteUserAttributes with the caller's access token.",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: DeleteMyAttributesInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const { accessToken, userPoolId } = callerKey(context);
      checkAttributeNames(input.names);
      checkDeleteAgainstSchema(await context.loaders.pool.load(userPoolId), input.names, 'self');
      await changeOwn(context, () =>
        context.services.cognito.send(new DeleteUserAttributesCommand({ AccessToken: accessToken, UserAttributeNames: input.names })),
      );
      return { user: await afterChange(context, { deleted: input.names }) };
    },
  }),
  requestAttributeVerificationCode: t.field({
    type: RequestAttributeVerificationCodePayload,
    description: "GetUserAttributeVerificationCode with the caller's access token.",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: RequestAttributeVerificationCodeInput, required: true }) },
    resolve: async (_root, { input }, context): Promise<{ codeDelivery: CodeDelivery }> => {
      const key = callerKey(context);
      checkVerifiable(input.attributeName);
      const clientMetadata = toClientMetadata(input.clientMetadata);
      const output = await cognitoCall('user', () =>
        context.services.cognito.send(
          new GetUserAttributeVerificationCodeCommand({
            AccessToken: key.accessToken,
            AttributeName: input.attributeName,
            ClientMetadata: clientMetadata,
          }),
        ),
      );
      if (output.CodeDeliveryDetails) return { codeDelivery: toCodeDelivery(output.CodeDeliveryDetails) };
      // Some Cognito implementations (the emulator) send the code but omit
      // where; the contract promises it, so derive it from the user.
      const me = await context.loaders.me.load(key);
      const value = me.attributes.find((a) => a.name === input.attributeName)?.value ?? '';
      return {
        codeDelivery: {
          attributeName: input.attributeName,
          deliveryMedium: input.attributeName === 'phone_number' ? 'SMS' : 'EMAIL',
          destination: maskDestination(input.attributeName, value),
        },
      };
    },
  }),
  verifyMyAttribute: t.field({
    type: VerifyMyAttributePayload,
    description: "VerifyUserAttribute with the caller's access token.",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: VerifyMyAttributeInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const { accessToken } = callerKey(context);
      checkVerifiable(input.attributeName);
      if (!CODE.test(input.code)) throw contractError(ErrorCode.BAD_USER_INPUT, 'A verification code is 1 to 2048 characters without spaces.');
      await changeOwn(context, () =>
        context.services.cognito.send(
          new VerifyUserAttributeCommand({ AccessToken: accessToken, AttributeName: input.attributeName, Code: input.code }),
        ),
      );
      return { user: await afterChange(context, { updated: [{ name: `${input.attributeName}_verified`, value: 'true' }] }) };
    },
  }),
}));

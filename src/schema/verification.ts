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
import { signedInCaller } from '../context.js';
import { cognitoCall } from '../errors.js';
import { ClientMetadataEntry } from './attribute-inputs.js';
import { CodeDeliveryDetails, maskDestination, toCodeDelivery, type CodeDelivery } from './code-delivery.js';
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
      const output = await cognitoCall('user', () =>
        context.services.cognito.send(
          concerning(
            caller,
            new GetUserAttributeVerificationCodeCommand({ AccessToken: caller.accessToken, AttributeName: input.attributeName, ClientMetadata: clientMetadata }),
          ),
        ),
      );
      if (output.CodeDeliveryDetails) return { codeDelivery: toCodeDelivery(output.CodeDeliveryDetails) };
      // Some Cognito implementations (the emulator) send the code but omit
      // where; the contract promises it, so derive it from the user.
      const me = await context.loaders.me.load(caller);
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

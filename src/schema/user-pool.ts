/**
 * A user pool's attribute schema: `userPool` (DescribeUserPool) and
 * `addCustomAttributes`, for administrators, on the configured pools only.
 */
import { AddCustomAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import { builder } from '../builder.js';
import { COGNITO_DATA_TYPES, type SchemaAttribute as SchemaAttributeShape, type UserPoolRecord } from '../cognito/pools.js';
import { byCaller } from '../cognito/pipeline.js';
import { allowedPool } from '../context.js';
import { cognitoCall } from '../errors.js';
import { checkCustomAttributes } from '../cognito/attribute-rules.js';

const AttributeDataType = builder.enumType('AttributeDataType', {
  values: ['STRING', 'NUMBER', 'DATE_TIME', 'BOOLEAN'] as const,
});

const SchemaAttribute = builder.objectRef<SchemaAttributeShape>('SchemaAttribute').implement({
  description: "An attribute of a user pool's schema (DescribeUserPool).",
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Full name as Cognito reports it: `email`, `custom:plan`.' }),
    dataType: t.field({ type: AttributeDataType, resolve: (a) => a.dataType }),
    custom: t.exposeBoolean('custom'),
    mutable: t.exposeBoolean('mutable'),
    required: t.exposeBoolean('required'),
    developerOnly: t.exposeBoolean('developerOnly'),
    minLength: t.exposeInt('minLength', { nullable: true }),
    maxLength: t.exposeInt('maxLength', { nullable: true }),
    minValue: t.exposeInt('minValue', { nullable: true }),
    maxValue: t.exposeInt('maxValue', { nullable: true }),
  }),
});

const UserPool = builder.objectRef<UserPoolRecord>('UserPool').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    attributes: t.field({ type: [SchemaAttribute], description: 'Standard and custom attributes.', resolve: (p) => p.attributes }),
    customAttributes: t.field({
      type: [SchemaAttribute],
      description: 'Only the `custom:` attributes.',
      resolve: (p) => p.attributes.filter((a) => a.custom),
    }),
  }),
});

const CustomAttributeInput = builder.inputType('CustomAttributeInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'Without the `custom:` prefix; 1 to 20 characters.' }),
    dataType: t.field({ type: AttributeDataType, required: true }),
    mutable: t.boolean({ defaultValue: true }),
    developerOnly: t.boolean({ defaultValue: false }),
    minLength: t.int(),
    maxLength: t.int(),
    minValue: t.int(),
    maxValue: t.int(),
  }),
});

const AddCustomAttributesInput = builder.inputType('AddCustomAttributesInput', {
  fields: (t) => ({
    userPoolId: t.id(),
    attributes: t.field({ type: [CustomAttributeInput], required: true }),
  }),
});

const AddCustomAttributesPayload = builder.objectRef<{ userPool: UserPoolRecord }>('AddCustomAttributesPayload').implement({
  fields: (t) => ({ userPool: t.field({ type: UserPool, resolve: (p) => p.userPool }) }),
});

const str = (n: number | null | undefined) => (n == null ? undefined : String(n));

builder.queryField('userPool', (t) =>
  t.field({
    type: UserPool,
    description: "Administrators: a user pool's attribute schema (DescribeUserPool).",
    authScopes: { admin: true },
    args: { id: t.arg.id() },
    resolve: (_root, { id }, context) => context.loaders.pool.load(allowedPool(context, id)),
  }),
);

builder.mutationField('addCustomAttributes', (t) =>
  t.field({
    type: AddCustomAttributesPayload,
    description: 'Administrators: AddCustomAttributes.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: AddCustomAttributesInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const poolId = allowedPool(context, input.userPoolId);
      // Check against the pool as Cognito has it now, not a cached copy.
      context.services.poolCache.invalidate(poolId);
      context.loaders.pool.clear(poolId);
      checkCustomAttributes(await context.loaders.pool.load(poolId), input.attributes);
      await cognitoCall('admin', () =>
        context.services.cognito.send(
          byCaller(context.caller, new AddCustomAttributesCommand({
            UserPoolId: poolId,
            CustomAttributes: input.attributes.map((a) => ({
              Name: a.name,
              AttributeDataType: COGNITO_DATA_TYPES[a.dataType],
              Mutable: a.mutable ?? true,
              DeveloperOnlyAttribute: a.developerOnly ?? false,
              ...(a.dataType === 'STRING' ? { StringAttributeConstraints: { MinLength: str(a.minLength), MaxLength: str(a.maxLength) } } : {}),
              ...(a.dataType === 'NUMBER' ? { NumberAttributeConstraints: { MinValue: str(a.minValue), MaxValue: str(a.maxValue) } } : {}),
            })),
          })),
        ),
      );
      context.services.poolCache.invalidate(poolId);
      context.loaders.pool.clear(poolId);
      return { userPool: await context.loaders.pool.load(poolId) };
    },
  }),
);

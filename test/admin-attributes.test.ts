/**
 * The administrator mutations (`adminUpdateUserAttributes`,
 * `adminDeleteUserAttributes`, `addCustomAttributes`), each checked against
 * Cognito's own state read directly with the SDK: what the payload shows,
 * what Cognito stored, and that refused input never reaches Cognito.
 */
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  DescribeUserPoolCommand,
  type AdminGetUserCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../src/embedded/seed.js';
import { graphql } from './gql/index.js';
import type { CustomAttributeInput } from './gql/graphql.js';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';

const AdmAttrUpdate = graphql(`
  mutation AdmAttrUpdate($input: AdminUpdateUserAttributesInput!) {
    adminUpdateUserAttributes(input: $input) {
      user {
        ...UserFields
        status
        enabled
        createdAt
        updatedAt
      }
    }
  }
`);

const AdmAttrDelete = graphql(`
  mutation AdmAttrDelete($input: AdminDeleteUserAttributesInput!) {
    adminDeleteUserAttributes(input: $input) {
      user {
        username
        sub
        attributes {
          name
          value
        }
        status
        enabled
        createdAt
        updatedAt
      }
    }
  }
`);

const AdmAttrAddCustom = graphql(`
  mutation AdmAttrAddCustom($input: AddCustomAttributesInput!) {
    addCustomAttributes(input: $input) {
      userPool {
        id
        customAttributes {
          name
          dataType
          custom
          mutable
          required
          developerOnly
          minLength
          maxLength
          minValue
          maxValue
        }
      }
    }
  }
`);

const AdmAttrPool = graphql(`
  query AdmAttrPool {
    userPool {
      customAttributes {
        name
        dataType
        custom
        mutable
        required
        developerOnly
        minLength
        maxLength
        minValue
        maxValue
      }
    }
  }
`);

const AdmAttrUpdateMine = graphql(`
  mutation AdmAttrUpdateMine($input: UpdateMyAttributesInput!) {
    updateMyAttributes(input: $input) {
      user {
        username
        attributes {
          name
          value
        }
      }
    }
  }
`);

const ELSEWHERE = 'us-east-1_Elsewhere';
const PASSWORD = 'Admin-attr-test-1!';

let cognito: TestCognito;
let service: TestApp;
let alice: string;
let bob: string;

/** Users of this file only, so tests don't step on each other (or on alice and bob). */
const USERS = {
  /** Target of the adminUpdateUserAttributes tests. */
  updTarget: 'adm-attr-upd-target',
  /** Target of the refused updates: must stay unchanged. */
  updUntouched: 'adm-attr-upd-untouched',
  /** Target of the email_verified test. */
  updVerify: 'adm-attr-upd-verify',
  /** Target of the adminDeleteUserAttributes tests. */
  delTarget: 'adm-attr-del-target',
  /** Signs in and sets a freshly added custom attribute on themselves. */
  selfWriter: 'adm-attr-self-writer',
} as const;

const baseAttributes = (username: string): Record<string, string> => ({
  email: `${username}@example.com`,
  name: `Name of ${username}`,
  'custom:plan': 'free',
  'custom:seats': '3',
  'custom:tenant_id': 'initech',
});

async function createUser(username: string, attributes: Record<string, string>): Promise<void> {
  const { userPoolId } = cognito.demo;
  await cognito.sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: username,
      MessageAction: 'SUPPRESS',
      UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
    }),
  );
  await cognito.sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: PASSWORD, Permanent: true }));
}

/** AdminGetUser straight from Cognito. */
const direct = (username: string): Promise<AdminGetUserCommandOutput> =>
  cognito.sdk.send(new AdminGetUserCommand({ UserPoolId: cognito.demo.userPoolId, Username: username }));

/** Cognito's attributes of a user as a name -> value map. */
async function attributesOf(username: string): Promise<Record<string, string>> {
  const out = await direct(username);
  return Object.fromEntries((out.UserAttributes ?? []).map((a) => [a.Name ?? '', a.Value ?? '']));
}

/** What the contract's `User` (admin view) should show for a user, from AdminGetUser. */
function expectedUser(out: AdminGetUserCommandOutput) {
  const attributes = (out.UserAttributes ?? [])
    .map((a) => ({ name: a.Name ?? '', value: a.Value ?? '' }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    username: out.Username,
    sub: attributes.find((a) => a.name === 'sub')?.value,
    attributes,
    status: out.UserStatus,
    enabled: out.Enabled,
    createdAt: out.UserCreateDate?.toISOString(),
    updatedAt: out.UserLastModifiedDate?.toISOString(),
  };
}

/** The pool's schema attributes, straight from Cognito. */
async function describePool() {
  const out = await cognito.sdk.send(new DescribeUserPoolCommand({ UserPoolId: cognito.demo.userPoolId }));
  return out.UserPool?.SchemaAttributes ?? [];
}

beforeAll(async () => {
  cognito = await startTestCognito();
  // alice alone writes here, and reads pool schemas (after each addCustomAttributes) and app
  // clients, faster than Cognito's 15/s UserPoolRead quota and her 25 % share of each category
  // allow; quotas are test/quotas.test.ts's subject.
  service = await startTestApp(cognito, { QUOTA_USER_POOL_READ_PER_SECOND: '200', QUOTA_CALLER_SHARE_PERCENT: '100' });
  alice = await cognito.tokens.tokenFor('alice');
  bob = await cognito.tokens.tokenFor('bob');
  for (const username of Object.values(USERS)) {
    await createUser(username, baseAttributes(username));
  }
});
afterAll(async () => {
  await service?.stop();
  await cognito?.stop();
});

describe('adminUpdateUserAttributes', () => {
  it("should set another user's attributes and answer the user after the change, as AdminGetUser shows them", async () => {
    const { data, errors } = await service.request(
      AdmAttrUpdate,
      {
        input: {
          username: USERS.updTarget,
          attributes: [
            { name: 'custom:plan', value: 'enterprise' },
            { name: 'name', value: 'Renamed By Admin' },
          ],
        },
      },
      { token: alice },
    );
    expect(errors).toBeUndefined();

    const after = await direct(USERS.updTarget);
    const stored = Object.fromEntries((after.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
    expect(stored['custom:plan']).toBe('enterprise');
    expect(stored.name).toBe('Renamed By Admin');
    expect(data?.adminUpdateUserAttributes.user).toEqual({ ...expectedUser(after), userPoolId: cognito.demo.userPoolId });
    expect(data?.adminUpdateUserAttributes.user.status).toBe('CONFIRMED');
    expect(data?.adminUpdateUserAttributes.user.enabled).toBe(true);
  });

  it('should act on the demo pool when it is named explicitly', async () => {
    const { data, errors } = await service.request(
      AdmAttrUpdate,
      { input: { userPoolId: cognito.demo.userPoolId, username: USERS.updTarget, attributes: [{ name: 'custom:seats', value: '42' }] } },
      { token: alice },
    );
    expect(errors).toBeUndefined();
    expect((await attributesOf(USERS.updTarget))['custom:seats']).toBe('42');
    expect(data?.adminUpdateUserAttributes.user.userPoolId).toBe(cognito.demo.userPoolId);
    expect(data?.adminUpdateUserAttributes.user.attributes).toContainEqual({ name: 'custom:seats', value: '42' });
  });

  it('should answer a user that does not exist with NOT_FOUND', async () => {
    const { data, errors } = await service.request(
      AdmAttrUpdate,
      { input: { username: 'adm-attr-nobody', attributes: [{ name: 'custom:plan', value: 'pro' }] } },
      { token: alice },
    );
    expect(codes(errors)).toEqual(['NOT_FOUND']);
    expect(data ?? null).toBeNull();
    await expect(direct('adm-attr-nobody')).rejects.toMatchObject({ name: 'UserNotFoundException' });
  });

  it('should refuse a pool the service is not configured for with FORBIDDEN, without calling Cognito', async () => {
    service.calls.length = 0;
    const { errors } = await service.request(
      AdmAttrUpdate,
      { input: { userPoolId: ELSEWHERE, username: USERS.updUntouched, attributes: [{ name: 'custom:plan', value: 'pro' }] } },
      { token: alice },
    );
    expect(codes(errors)).toEqual(['FORBIDDEN']);
    expect(service.calls).toEqual([]);
  });

  it('should refuse a signed-in user who is not an administrator with FORBIDDEN, leaving Cognito unchanged', async () => {
    const before = await direct(USERS.updUntouched);
    service.calls.length = 0;
    const { data, errors } = await service.request(
      AdmAttrUpdate,
      { input: { username: USERS.updUntouched, attributes: [{ name: 'custom:plan', value: 'pro' }] } },
      { token: bob },
    );
    expect(codes(errors)).toEqual(['FORBIDDEN']);
    expect(data ?? null).toBeNull();
    expect(service.calls).not.toContain('AdminUpdateUserAttributes');
    const after = await direct(USERS.updUntouched);
    expect(expectedUser(after)).toEqual(expectedUser(before));
    expect(expectedUser(after).attributes).toContainEqual({ name: 'custom:plan', value: 'free' });
  });

  it('should let an administrator set email_verified, which a user may not, so no code is sent', async () => {
    expect((await attributesOf(USERS.updVerify)).email_verified).not.toBe('true');
    // cognito-local (unlike Cognito) wants the email in the same request as email_verified.
    const email = `verified-${USERS.updVerify}@example.com`;
    const { data, errors } = await service.request(
      AdmAttrUpdate,
      {
        input: {
          username: USERS.updVerify,
          attributes: [
            { name: 'email', value: email },
            { name: 'email_verified', value: 'true' },
          ],
        },
      },
      { token: alice },
    );
    expect(errors).toBeUndefined();
    expect(await attributesOf(USERS.updVerify)).toMatchObject({ email, email_verified: 'true' });
    expect(data?.adminUpdateUserAttributes.user.attributes).toContainEqual({ name: 'email_verified', value: 'true' });
    expect(data?.adminUpdateUserAttributes.user.attributes).toContainEqual({ name: 'email', value: email });
    expect(cognito.emulator.mailbox.latest(USERS.updVerify)).toBeUndefined();
  });

  it('should let an administrator set the developer-only custom:risk_score, which a user may not', async () => {
    const { errors } = await service.request(
      AdmAttrUpdate,
      { input: { username: USERS.updVerify, attributes: [{ name: 'custom:risk_score', value: '42' }] } },
      { token: alice },
    );
    expect(errors).toBeUndefined();
    expect((await attributesOf(USERS.updVerify))['custom:risk_score']).toBe('42');
  });

  it('should refuse an immutable attribute with BAD_USER_INPUT, leaving Cognito unchanged', async () => {
    service.calls.length = 0;
    const { errors } = await service.request(
      AdmAttrUpdate,
      { input: { username: USERS.updUntouched, attributes: [{ name: 'custom:tenant_id', value: 'hooli' }] } },
      { token: alice },
    );
    expect(codes(errors)).toEqual(['BAD_USER_INPUT']);
    expect(service.calls).not.toContain('AdminUpdateUserAttributes');
    expect((await attributesOf(USERS.updUntouched))['custom:tenant_id']).toBe('initech');
  });

  it.each([
    ['a number above the maximum', 'custom:seats', '5000'],
    ['a number below the minimum', 'custom:seats', '0'],
    ['a non-number in a Number attribute', 'custom:seats', 'many'],
    ['a string longer than its MaxLength', 'custom:plan', 'x'.repeat(33)],
    ['a non-boolean in a Boolean attribute', 'custom:newsletter', 'yes'],
    ['a non-date in a DateTime attribute', 'custom:trial_ends', 'someday'],
    ['a value over 2,048 characters', 'name', 'n'.repeat(2049)],
    ['an attribute the pool does not have', 'custom:nonexistent', 'x'],
  ])('should refuse %s with BAD_USER_INPUT before calling AdminUpdateUserAttributes', async (_what, name, value) => {
    const before = await attributesOf(USERS.updUntouched);
    service.calls.length = 0;
    const { errors } = await service.request(AdmAttrUpdate, { input: { username: USERS.updUntouched, attributes: [{ name, value }] } }, { token: alice });
    expect(codes(errors)).toEqual(['BAD_USER_INPUT']);
    expect(service.calls).not.toContain('AdminUpdateUserAttributes');
    expect(await attributesOf(USERS.updUntouched)).toEqual(before);
  });
});

describe('adminDeleteUserAttributes', () => {
  it('should remove the attributes and answer the user after the change, as AdminGetUser shows them', async () => {
    expect(await attributesOf(USERS.delTarget)).toMatchObject({ name: `Name of ${USERS.delTarget}`, 'custom:plan': 'free' });
    const { data, errors } = await service.request(
      AdmAttrDelete,
      { input: { username: USERS.delTarget, names: ['name', 'custom:plan'] } },
      { token: alice },
    );
    expect(errors).toBeUndefined();
    const after = await direct(USERS.delTarget);
    const stored = Object.fromEntries((after.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
    expect(stored).not.toHaveProperty('name');
    expect(stored).not.toHaveProperty('custom:plan');
    expect(stored['custom:seats']).toBe('3');
    expect(data?.adminDeleteUserAttributes.user).toEqual(expectedUser(after));
  });

  it('should answer a user that does not exist with NOT_FOUND', async () => {
    const { errors } = await service.request(AdmAttrDelete, { input: { username: 'adm-attr-nobody', names: ['name'] } }, { token: alice });
    expect(codes(errors)).toEqual(['NOT_FOUND']);
  });

  it.each([
    ['the immutable custom:tenant_id', 'custom:tenant_id'],
    ['the required sub', 'sub'],
  ])('should refuse to delete %s with BAD_USER_INPUT, leaving it in Cognito', async (_what, name) => {
    const before = await attributesOf(USERS.delTarget);
    expect(before[name]).toBeTruthy();
    service.calls.length = 0;
    const { errors } = await service.request(AdmAttrDelete, { input: { username: USERS.delTarget, names: [name] } }, { token: alice });
    expect(codes(errors)).toEqual(['BAD_USER_INPUT']);
    expect(service.calls).not.toContain('AdminDeleteUserAttributes');
    expect((await attributesOf(USERS.delTarget))[name]).toBe(before[name]);
  });

  it('should refuse a signed-in user who is not an administrator with FORBIDDEN, leaving Cognito unchanged', async () => {
    const { errors } = await service.request(AdmAttrDelete, { input: { username: USERS.delTarget, names: ['custom:seats'] } }, { token: bob });
    expect(codes(errors)).toEqual(['FORBIDDEN']);
    expect((await attributesOf(USERS.delTarget))['custom:seats']).toBe('3');
  });

  it('should refuse a pool the service is not configured for with FORBIDDEN, without calling Cognito', async () => {
    service.calls.length = 0;
    const { errors } = await service.request(
      AdmAttrDelete,
      { input: { userPoolId: ELSEWHERE, username: USERS.delTarget, names: ['custom:seats'] } },
      { token: alice },
    );
    expect(codes(errors)).toEqual(['FORBIDDEN']);
    expect(service.calls).toEqual([]);
  });
});

describe('addCustomAttributes', () => {
  const added: CustomAttributeInput[] = [
    { name: 'aa_region', dataType: 'STRING', minLength: 2, maxLength: 10 },
    { name: 'aa_quota', dataType: 'NUMBER', minValue: 0, maxValue: 500 },
    { name: 'aa_vip', dataType: 'BOOLEAN' },
    { name: 'aa_renewal', dataType: 'DATE_TIME', mutable: false },
  ];
  const expected = [
    { name: 'custom:aa_quota', dataType: 'NUMBER', minLength: null, maxLength: null, minValue: 0, maxValue: 500, mutable: true },
    { name: 'custom:aa_region', dataType: 'STRING', minLength: 2, maxLength: 10, minValue: null, maxValue: null, mutable: true },
    { name: 'custom:aa_renewal', dataType: 'DATE_TIME', minValue: null, maxValue: null, mutable: false },
    { name: 'custom:aa_vip', dataType: 'BOOLEAN', minValue: null, maxValue: null, mutable: true },
  ].map((a) => ({ ...a, custom: true, required: false, developerOnly: false }));

  it('should add attributes of each data type with their constraints, and answer the pool after the change', async () => {
    // Warm the service's pool cache with the schema from before.
    const warm = await service.request(AdmAttrPool, {}, { token: alice });
    expect(warm.errors).toBeUndefined();
    expect(warm.data?.userPool.customAttributes.map((a) => a.name)).not.toContain('custom:aa_region');

    service.calls.length = 0;
    const { data, errors } = await service.request(AdmAttrAddCustom, { input: { attributes: added } }, { token: alice });
    expect(errors).toBeUndefined();
    expect(service.calls.filter((c) => c === 'AddCustomAttributes')).toHaveLength(1);
    expect(data?.addCustomAttributes.userPool.id).toBe(cognito.demo.userPoolId);
    const payload = data?.addCustomAttributes.userPool.customAttributes ?? [];
    for (const attribute of expected) {
      expect(payload.find((a) => a.name === attribute.name)).toMatchObject(attribute);
    }
    // The demo pool's own custom attributes are still there.
    expect(payload.map((a) => a.name)).toEqual(expect.arrayContaining(['custom:plan', 'custom:seats', 'custom:tenant_id']));
  });

  it('should show the new attributes in a following userPool query (the pool cache was invalidated)', async () => {
    const { data, errors } = await service.request(AdmAttrPool, {}, { token: alice });
    expect(errors).toBeUndefined();
    const customs = data?.userPool.customAttributes ?? [];
    for (const attribute of expected) {
      expect(customs.find((a) => a.name === attribute.name)).toMatchObject(attribute);
    }
  });

  it("should store them in Cognito as 'custom:<name>' with string constraints and the default flags", async () => {
    const schema = await describePool();
    const byName = new Map(schema.map((a) => [a.Name, a]));
    expect(byName.get('custom:aa_region')).toMatchObject({
      AttributeDataType: 'String',
      Mutable: true,
      DeveloperOnlyAttribute: false,
      StringAttributeConstraints: { MinLength: '2', MaxLength: '10' },
    });
    expect(byName.get('custom:aa_quota')).toMatchObject({
      AttributeDataType: 'Number',
      Mutable: true,
      DeveloperOnlyAttribute: false,
      NumberAttributeConstraints: { MinValue: '0', MaxValue: '500' },
    });
    expect(byName.get('custom:aa_vip')).toMatchObject({ AttributeDataType: 'Boolean', Mutable: true, DeveloperOnlyAttribute: false });
    expect(byName.get('custom:aa_renewal')).toMatchObject({ AttributeDataType: 'DateTime', Mutable: false, DeveloperOnlyAttribute: false });
    expect(schema.filter((a) => a.Name?.startsWith('custom:aa_'))).toHaveLength(4);
    expect(byName.has('aa_region')).toBe(false);
  });

  const tooMany = Array.from({ length: 26 }, (_, i): CustomAttributeInput => ({ name: `aa_many_${i}`, dataType: 'STRING' }));
  it.each<[string, CustomAttributeInput[]]>([
    ['26 attributes in one call', tooMany],
    ['an empty list', []],
    ['a name of 21 characters', [{ name: 'a'.repeat(21), dataType: 'STRING' }]],
    ["a name with the 'custom:' prefix", [{ name: 'custom:aa_prefixed', dataType: 'STRING' }]],
    [
      'a name given twice',
      [
        { name: 'aa_twice', dataType: 'STRING' },
        { name: 'aa_twice', dataType: 'NUMBER' },
      ],
    ],
    ['a name the pool already has', [{ name: 'plan', dataType: 'STRING' }]],
    ['minLength on a NUMBER', [{ name: 'aa_numlen', dataType: 'NUMBER', minLength: 1 }]],
    ['minValue on a STRING', [{ name: 'aa_strval', dataType: 'STRING', minValue: 1 }]],
    ['minLength greater than maxLength', [{ name: 'aa_inverted', dataType: 'STRING', minLength: 10, maxLength: 5 }]],
    ['maxLength 2049', [{ name: 'aa_toolong', dataType: 'STRING', maxLength: 2049 }]],
  ])('should refuse %s with BAD_USER_INPUT, without calling AddCustomAttributes', async (_what, attributes) => {
    const before = await describePool();
    service.calls.length = 0;
    const { data, errors } = await service.request(AdmAttrAddCustom, { input: { attributes } }, { token: alice });
    expect(codes(errors)).toEqual(['BAD_USER_INPUT']);
    expect(data ?? null).toBeNull();
    expect(service.calls).not.toContain('AddCustomAttributes');
    expect(await describePool()).toEqual(before);
  });

  it('should refuse a signed-in user who is not an administrator with FORBIDDEN, leaving the pool unchanged', async () => {
    service.calls.length = 0;
    const { errors } = await service.request(
      AdmAttrAddCustom,
      { input: { attributes: [{ name: 'aa_by_bob', dataType: 'STRING' }] } },
      { token: bob },
    );
    expect(codes(errors)).toEqual(['FORBIDDEN']);
    expect(service.calls).not.toContain('AddCustomAttributes');
    expect((await describePool()).map((a) => a.Name)).not.toContain('custom:aa_by_bob');
  });

  it('should refuse a pool the service is not configured for with FORBIDDEN, without calling Cognito', async () => {
    service.calls.length = 0;
    const { errors } = await service.request(
      AdmAttrAddCustom,
      { input: { userPoolId: ELSEWHERE, attributes: [{ name: 'aa_elsewhere', dataType: 'STRING' }] } },
      { token: alice },
    );
    expect(codes(errors)).toEqual(['FORBIDDEN']);
    expect(service.calls).toEqual([]);
  });

  it('should let a user set a just-added custom attribute at once (the schema cache was invalidated)', async () => {
    const token = await signIn(cognito.sdk, cognito.demo.clientId, USERS.selfWriter, PASSWORD);
    // Warm the schema cache through the user path, before the attribute exists.
    const warm = await service.request(AdmAttrUpdateMine, { input: { attributes: [{ name: 'custom:plan', value: 'pro' }] } }, { token });
    expect(warm.errors).toBeUndefined();
    const tooEarly = await service.request(AdmAttrUpdateMine, { input: { attributes: [{ name: 'custom:aa_color', value: 'teal' }] } }, { token });
    expect(codes(tooEarly.errors)).toEqual(['BAD_USER_INPUT']);

    const add = await service.request(
      AdmAttrAddCustom,
      { input: { attributes: [{ name: 'aa_color', dataType: 'STRING', maxLength: 16 }] } },
      { token: alice },
    );
    expect(add.errors).toBeUndefined();

    const { data, errors } = await service.request(AdmAttrUpdateMine, { input: { attributes: [{ name: 'custom:aa_color', value: 'teal' }] } }, { token });
    expect(errors).toBeUndefined();
    expect(data?.updateMyAttributes.user.attributes).toContainEqual({ name: 'custom:aa_color', value: 'teal' });
    expect((await attributesOf(USERS.selfWriter))['custom:aa_color']).toBe('teal');

    // And the new attribute's constraints apply at once too.
    const tooLong = await service.request(AdmAttrUpdateMine, { input: { attributes: [{ name: 'custom:aa_color', value: 'c'.repeat(17) }] } }, { token });
    expect(codes(tooLong.errors)).toEqual(['BAD_USER_INPUT']);
    expect((await attributesOf(USERS.selfWriter))['custom:aa_color']).toBe('teal');
  });
});

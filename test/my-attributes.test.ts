/**
 * The signed-in user's own mutations (`updateMyAttributes`, `deleteMyAttributes`,
 * `requestAttributeVerificationCode`, `verifyMyAttribute`), each checked against
 * Cognito's own state read directly with the SDK (AdminGetUser): payloads show the
 * user after the change and agree with Cognito; input limits are refused with
 * BAD_USER_INPUT before any Cognito call and leave Cognito's state as it was;
 * an app client's ReadAttributes and WriteAttributes hold as Cognito holds them.
 */
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CreateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../src/embedded/seed.js';
import { graphql } from './gql/index.js';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';

const MyAttrsMe = graphql(`
  query MyAttrsMe {
    me {
      attributes {
        name
        value
      }
    }
  }
`);

const MyAttrsUpdate = graphql(`
  mutation MyAttrsUpdate($input: UpdateMyAttributesInput!) {
    updateMyAttributes(input: $input) {
      user {
        username
        sub
        attributes {
          name
          value
        }
        plan: attribute(name: "custom:plan")
      }
      codeDeliveries {
        attributeName
        deliveryMedium
        destination
      }
    }
  }
`);

const MyAttrsDelete = graphql(`
  mutation MyAttrsDelete($input: DeleteMyAttributesInput!) {
    deleteMyAttributes(input: $input) {
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

const MyAttrsRequestCode = graphql(`
  mutation MyAttrsRequestCode($input: RequestAttributeVerificationCodeInput!) {
    requestAttributeVerificationCode(input: $input) {
      codeDelivery {
        attributeName
        deliveryMedium
        destination
      }
    }
  }
`);

const MyAttrsVerify = graphql(`
  mutation MyAttrsVerify($input: VerifyMyAttributeInput!) {
    verifyMyAttribute(input: $input) {
      user {
        username
        attributes {
          name
          value
        }
        emailVerified: attribute(name: "email_verified")
      }
    }
  }
`);

const PASSWORD = 'My-attrs-test-1!';

let cognito: TestCognito;
let service: TestApp;

beforeAll(async () => {
  cognito = await startTestCognito();
  // A long-lived schema cache, so that once a test has warmed it the schema checks
  // (unknown, immutable, range, ...) need no DescribeUserPool and `calls` shows
  // exactly what the mutation itself sent to Cognito.
  service = await startTestApp(cognito, { POOL_CACHE_TTL_MS: '3600000' });
});
afterAll(async () => {
  await service?.stop();
  await cognito?.stop();
});

/** Creates a confirmed user with the SDK and returns their access token. */
async function createUser(username: string, attributes: Record<string, string>): Promise<string> {
  const UserPoolId = cognito.demo.userPoolId;
  await cognito.sdk.send(
    new AdminCreateUserCommand({
      UserPoolId,
      Username: username,
      MessageAction: 'SUPPRESS',
      TemporaryPassword: PASSWORD,
      UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
    }),
  );
  await cognito.sdk.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: username, Password: PASSWORD, Permanent: true }));
  return signIn(cognito.sdk, cognito.demo.clientId, username, PASSWORD);
}

/** The user's attributes as Cognito itself has them, sorted by name like the contract's `attributes`. */
async function inCognito(username: string): Promise<{ name: string; value: string }[]> {
  const output = await cognito.sdk.send(new AdminGetUserCommand({ UserPoolId: cognito.demo.userPoolId, Username: username }));
  return (output.UserAttributes ?? [])
    .map((a) => ({ name: a.Name ?? '', value: a.Value ?? '' }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const valueOf = (attributes: readonly { name: string; value: string }[] | undefined, name: string): string | undefined =>
  attributes?.find((a) => a.name === name)?.value;

describe('updateMyAttributes', () => {
  const username = 'my-attrs-updater';
  let token: string;

  beforeAll(async () => {
    token = await createUser(username, {
      email: 'dora@example.com',
      email_verified: 'true',
      name: 'Dora Before',
      'custom:plan': 'free',
      'custom:tenant_id': 'acme',
    });
  });

  it('should set the values and show the user after the update, as Cognito has them', async () => {
    const { data, errors } = await service.request(
      MyAttrsUpdate,
      {
        input: {
          attributes: [
            { name: 'name', value: 'Dora After' },
            { name: 'custom:plan', value: 'team' },
            { name: 'custom:seats', value: '12' },
            { name: 'custom:newsletter', value: 'true' },
            { name: 'custom:trial_ends', value: '2027-03-01T00:00:00.000Z' },
          ],
        },
      },
      { token },
    );
    expect(errors).toBeUndefined();
    const after = await inCognito(username);
    expect(valueOf(after, 'name')).toBe('Dora After');
    expect(valueOf(after, 'custom:plan')).toBe('team');
    expect(valueOf(after, 'custom:seats')).toBe('12');
    expect(valueOf(after, 'custom:newsletter')).toBe('true');
    expect(valueOf(after, 'custom:trial_ends')).toBe('2027-03-01T00:00:00.000Z');
    expect(data?.updateMyAttributes.user.username).toBe(username);
    expect(data?.updateMyAttributes.user.sub).toBe(valueOf(after, 'sub'));
    expect(data?.updateMyAttributes.user.attributes).toEqual(after);
    expect(data?.updateMyAttributes.user.plan).toBe('team');
    expect(data?.updateMyAttributes.codeDeliveries).toEqual([]);
  });

  it('should send a code to a changed email and say where, masked, in codeDeliveries', async () => {
    const original = valueOf(await inCognito(username), 'email');
    const delivered = cognito.emulator.mailbox.next(username);
    const { data, errors } = await service.request(
      MyAttrsUpdate,
      { input: { attributes: [{ name: 'email', value: 'dora.new@example.org' }] } },
      { token },
    );
    expect(errors).toBeUndefined();
    const message = await delivered;
    expect(message).toMatchObject({ medium: 'EMAIL', destination: 'dora.new@example.org' });
    expect(message.code).toMatch(/^\S+$/);

    // The demo pool keeps the original until the new one is verified (test/pending-changes.test.ts).
    const after = await inCognito(username);
    expect(valueOf(after, 'email')).toBe(original);
    expect(data?.updateMyAttributes.user.attributes).toEqual(after);
    // The contract: "the destination is masked", the way Cognito masks it (`b***@e***`).
    expect(data?.updateMyAttributes.codeDeliveries).toEqual([{ attributeName: 'email', deliveryMedium: 'EMAIL', destination: 'd***@e***' }]);
  });

  it('should accept clientMetadata for the pool triggers', async () => {
    const { data, errors } = await service.request(
      MyAttrsUpdate,
      {
        input: {
          attributes: [{ name: 'custom:plan', value: 'pro' }],
          clientMetadata: [
            { key: 'source', value: 'my-attributes.test' },
            { key: 'locale', value: 'en-GB' },
          ],
        },
      },
      { token },
    );
    expect(errors).toBeUndefined();
    const after = await inCognito(username);
    expect(valueOf(after, 'custom:plan')).toBe('pro');
    expect(data?.updateMyAttributes.user.attributes).toEqual(after);
  });

  it('should accept a value of exactly 2,048 characters in a String attribute without maxLength', async () => {
    const value = 'n'.repeat(2_048);
    const { data, errors } = await service.request(MyAttrsUpdate, { input: { attributes: [{ name: 'name', value }] } }, { token });
    expect(errors).toBeUndefined();
    const after = await inCognito(username);
    expect(valueOf(after, 'name')).toBe(value);
    expect(valueOf(data?.updateMyAttributes.user.attributes, 'name')).toBe(value);
  });
});

describe('deleteMyAttributes', () => {
  const username = 'my-attrs-deleter';
  let token: string;

  beforeAll(async () => {
    token = await createUser(username, {
      email: 'eve@example.com',
      email_verified: 'true',
      name: 'Eve Eraser',
      'custom:plan': 'free',
      'custom:newsletter': 'false',
      'custom:tenant_id': 'globex',
    });
  });

  it('should remove the attributes and show the user after, as Cognito has them', async () => {
    const { data, errors } = await service.request(MyAttrsDelete, { input: { names: ['name', 'custom:plan'] } }, { token });
    expect(errors).toBeUndefined();
    const after = await inCognito(username);
    expect(valueOf(after, 'name')).toBeUndefined();
    expect(valueOf(after, 'custom:plan')).toBeUndefined();
    expect(valueOf(after, 'custom:newsletter')).toBe('false');
    expect(valueOf(after, 'email')).toBe('eve@example.com');
    expect(data?.deleteMyAttributes.user.username).toBe(username);
    expect(data?.deleteMyAttributes.user.attributes).toEqual(after);
  });

  it.each([
    ['an immutable attribute', 'custom:tenant_id'],
    ['a required attribute', 'sub'],
  ])('should refuse to delete %s (%s) with BAD_USER_INPUT and keep it in Cognito', async (_what, name) => {
    // Warm the schema cache: the refusal must not depend on a first DescribeUserPool.
    await service.request(MyAttrsUpdate, { input: { attributes: [{ name: 'custom:newsletter', value: 'false' }] } }, { token });
    const before = await inCognito(username);
    expect(valueOf(before, name)).toBeDefined();

    service.calls.length = 0;
    const { data, errors } = await service.request(MyAttrsDelete, { input: { names: [name] } }, { token });
    expect(codes(errors)).toEqual(['BAD_USER_INPUT']);
    expect(data ?? null).toBeNull();
    expect(service.calls).toEqual([]);
    const after = await inCognito(username);
    expect(valueOf(after, name)).toBe(valueOf(before, name));
    expect(after).toEqual(before);
  });
});

describe('requestAttributeVerificationCode and verifyMyAttribute', () => {
  it('should send a code by email, say where (masked), and verify the email with that code', async () => {
    const username = 'my-attrs-verifier';
    const token = await createUser(username, { email: 'bert@example.net', email_verified: 'false' });
    expect(valueOf(await inCognito(username), 'email_verified')).toBe('false');

    const delivered = cognito.emulator.mailbox.next(username);
    const requested = await service.request(MyAttrsRequestCode, { input: { attributeName: 'email' } }, { token });
    expect(requested.errors).toBeUndefined();
    expect(requested.data?.requestAttributeVerificationCode.codeDelivery).toEqual({
      attributeName: 'email',
      deliveryMedium: 'EMAIL',
      destination: 'b***@e***',
    });
    const message = await delivered;
    expect(message).toMatchObject({ medium: 'EMAIL', destination: 'bert@example.net' });
    expect(cognito.emulator.mailbox.latest(username)?.code).toBe(message.code);

    const verified = await service.request(MyAttrsVerify, { input: { attributeName: 'email', code: message.code } }, { token });
    expect(verified.errors).toBeUndefined();
    const after = await inCognito(username);
    expect(valueOf(after, 'email_verified')).toBe('true');
    expect(verified.data?.verifyMyAttribute.user.emailVerified).toBe('true');
    expect(verified.data?.verifyMyAttribute.user.attributes).toEqual(after);
  });

  it('should answer a wrong code with CODE_MISMATCH and change nothing', async () => {
    const username = 'my-attrs-wrong-code';
    const token = await createUser(username, { email: 'wanda@example.net', email_verified: 'false' });
    const delivered = cognito.emulator.mailbox.next(username);
    const requested = await service.request(MyAttrsRequestCode, { input: { attributeName: 'email' } }, { token });
    expect(requested.errors).toBeUndefined();
    const { code } = await delivered;
    const wrong = `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`;
    expect(wrong).not.toBe(code);

    const before = await inCognito(username);
    const { data, errors } = await service.request(MyAttrsVerify, { input: { attributeName: 'email', code: wrong } }, { token });
    expect(codes(errors)).toEqual(['CODE_MISMATCH']);
    expect(data ?? null).toBeNull();
    const after = await inCognito(username);
    expect(after).toEqual(before);
    expect(valueOf(after, 'email_verified')).toBe('false');
  });

  it('should refuse to request or verify an attribute other than email or phone_number with BAD_USER_INPUT, without calling Cognito', async () => {
    const username = 'my-attrs-not-verifiable';
    const token = await createUser(username, { email: 'nina@example.net', email_verified: 'false', name: 'Nina' });
    const before = await inCognito(username);

    service.calls.length = 0;
    const requested = await service.request(MyAttrsRequestCode, { input: { attributeName: 'name' } }, { token });
    expect(codes(requested.errors)).toEqual(['BAD_USER_INPUT']);
    const verified = await service.request(MyAttrsVerify, { input: { attributeName: 'name', code: '123456' } }, { token });
    expect(codes(verified.errors)).toEqual(['BAD_USER_INPUT']);
    expect(service.calls).toEqual([]);
    expect(await inCognito(username)).toEqual(before);
  });
});

describe('updateMyAttributes input limits', () => {
  const username = 'my-attrs-limits';
  let token: string;

  beforeAll(async () => {
    token = await createUser(username, {
      email: 'lima@example.com',
      email_verified: 'true',
      name: 'Lima Limits',
      'custom:plan': 'free',
      'custom:seats': '5',
      'custom:newsletter': 'false',
      'custom:tenant_id': 'initech',
    });
    // A successful update warms the pool's schema cache, so that a refused one sends nothing at all.
    const { errors } = await service.request(MyAttrsUpdate, { input: { attributes: [{ name: 'custom:seats', value: '6' }] } }, { token });
    expect(errors).toBeUndefined();
  });

  const many = Array.from({ length: 51 }, (_, i) => ({ name: `custom:a${i}`, value: 'x' }));

  it.each([
    ['a value of 2,049 characters', [{ name: 'name', value: 'v'.repeat(2_049) }]],
    ['a value of 2,049 characters outside the BMP (4,098 UTF-16 units)', [{ name: 'name', value: '😀'.repeat(2_049) }]],
    ['a value holding a NUL character', [{ name: 'name', value: 'Lima\u0000Limits' }]],
    ['a value holding an unpaired surrogate', [{ name: 'name', value: 'Lima \ud800 Limits' }]],
    ['51 attributes', many],
    ['an empty list', []],
    ['a name given twice', [{ name: 'name', value: 'One' }, { name: 'name', value: 'Two' }]],
    ['a name of 33 characters', [{ name: 'a'.repeat(33), value: 'x' }]],
    ['a name with whitespace', [{ name: 'given name', value: 'x' }]],
    ['a custom name with 21 characters after "custom:"', [{ name: `custom:${'c'.repeat(21)}`, value: 'x' }]],
    ['an attribute the pool does not have', [{ name: 'custom:nothing', value: 'x' }]],
    ['an immutable custom attribute (custom:tenant_id)', [{ name: 'custom:tenant_id', value: 'other' }]],
    ['the immutable sub', [{ name: 'sub', value: '00000000-0000-0000-0000-000000000000' }]],
    ['a number below minValue (custom:seats 0)', [{ name: 'custom:seats', value: '0' }]],
    ['a number above maxValue (custom:seats 1001)', [{ name: 'custom:seats', value: '1001' }]],
    ['a non-number in a Number attribute (custom:seats abc)', [{ name: 'custom:seats', value: 'abc' }]],
    ['a non-boolean in a Boolean attribute (custom:newsletter yes)', [{ name: 'custom:newsletter', value: 'yes' }]],
    ['a string over maxLength (custom:plan, 33 characters)', [{ name: 'custom:plan', value: 'p'.repeat(33) }]],
    ['an email that is not an email address', [{ name: 'email', value: 'not-an-email' }]],
    ['a valid change together with an invalid one', [{ name: 'name', value: 'Fine' }, { name: 'custom:seats', value: '1001' }]],
  ])('should refuse %s with BAD_USER_INPUT, without calling Cognito, leaving Cognito unchanged', async (_what, attributes) => {
    const before = await inCognito(username);
    service.calls.length = 0;
    const { data, errors } = await service.request(MyAttrsUpdate, { input: { attributes } }, { token });
    expect(codes(errors)).toEqual(['BAD_USER_INPUT']);
    expect(data ?? null).toBeNull();
    expect(service.calls).toEqual([]);
    expect(await inCognito(username)).toEqual(before);
  });

  it.each([
    ['email_verified alone', [{ name: 'email_verified', value: 'false' }]],
    ['email_verified with a new email', [{ name: 'email', value: 'lima.other@example.com' }, { name: 'email_verified', value: 'true' }]],
    ['phone_number_verified alone', [{ name: 'phone_number_verified', value: 'true' }]],
    ['phone_number_verified with a new phone number', [{ name: 'phone_number', value: '+15555550177' }, { name: 'phone_number_verified', value: 'true' }]],
    ['the developer-only custom:risk_score', [{ name: 'custom:risk_score', value: '0' }]],
  ])('should refuse a user writing %s with FORBIDDEN, without calling Cognito', async (_what, attributes) => {
    const before = await inCognito(username);
    service.calls.length = 0;
    const { data, errors } = await service.request(MyAttrsUpdate, { input: { attributes } }, { token });
    expect(codes(errors)).toEqual(['FORBIDDEN']);
    expect(data ?? null).toBeNull();
    expect(service.calls).toEqual([]);
    expect(await inCognito(username)).toEqual(before);
  });

  it('should refuse a user deleting the developer-only custom:risk_score with FORBIDDEN, without calling Cognito', async () => {
    service.calls.length = 0;
    const { data, errors } = await service.request(MyAttrsDelete, { input: { names: ['custom:risk_score'] } }, { token });
    expect(codes(errors)).toEqual(['FORBIDDEN']);
    expect(errors?.[0]?.extensions?.attribute).toBe('custom:risk_score');
    expect(data ?? null).toBeNull();
    expect(service.calls).toEqual([]);
  });

  it('should store a value of 2,048 characters outside the BMP: the limit counts characters, as maxLength does', async () => {
    const value = '😀'.repeat(2_048);
    const { errors } = await service.request(MyAttrsUpdate, { input: { attributes: [{ name: 'name', value }] } }, { token });
    expect(errors).toBeUndefined();
    expect(valueOf(await inCognito(username), 'name')).toBe(value);
  });

  it('should quote at most 64 characters of a 50,000-character name it refuses', async () => {
    const name = `custom:${'n'.repeat(50_000)}`;
    const { errors } = await service.request(MyAttrsUpdate, { input: { attributes: [{ name, value: 'x' }] } }, { token });
    expect(codes(errors)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(errors).length).toBeLessThan(1_000);
    expect(String(errors?.[0]?.extensions?.attribute).length).toBeLessThanOrEqual(65);
  });
});

describe("the app client's ReadAttributes and WriteAttributes", () => {
  // Cognito enforces both lists itself; the emulator ignores them, so this is the service's own check.
  const READ = ['email', 'name', 'custom:plan'];
  const WRITE = ['name'];
  let limited: TestApp;
  let token: string;
  const username = 'my-attrs-limited-client';

  beforeAll(async () => {
    const { UserPoolClient } = await cognito.sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: cognito.demo.userPoolId,
        ClientName: 'my-attrs-limited',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
        ReadAttributes: READ,
        WriteAttributes: WRITE,
      }),
    );
    const clientId = UserPoolClient!.ClientId!;
    limited = await startTestApp(cognito, { COGNITO_CLIENT_IDS: `${cognito.demo.clientId},${clientId}` });
    await createUser(username, { email: `${username}@example.com`, name: 'Limited', phone_number: '+15555550123', 'custom:plan': 'free' });
    token = await signIn(cognito.sdk, clientId, username, PASSWORD);
  });
  afterAll(async () => {
    await limited?.stop();
  });

  it('should show `me` only the attributes the client may read (and sub)', async () => {
    const { data, errors } = await limited.request(MyAttrsMe, {}, { token });
    expect(errors).toBeUndefined();
    expect(data?.me.attributes.map((a) => a.name)).toEqual(['custom:plan', 'email', 'name', 'sub']);
    expect((await inCognito(username)).map((a) => a.name)).toContain('phone_number');
  });

  it('should write an attribute the client may write, and answer with only what it may read', async () => {
    const { data, errors } = await limited.request(MyAttrsUpdate, { input: { attributes: [{ name: 'name', value: 'Limited Two' }] } }, { token });
    expect(errors).toBeUndefined();
    expect(data?.updateMyAttributes.user.attributes.map((a) => a.name)).toEqual(['custom:plan', 'email', 'name', 'sub']);
    expect(valueOf(await inCognito(username), 'name')).toBe('Limited Two');
  });

  it.each([
    ['update', () => limited.request(MyAttrsUpdate, { input: { attributes: [{ name: 'custom:plan', value: 'pro' }] } }, { token })],
    ['delete', () => limited.request(MyAttrsDelete, { input: { names: ['custom:plan'] } }, { token })],
  ])('should refuse to %s an attribute the client may not write with FORBIDDEN, leaving Cognito as it was', async (_what, send) => {
    const before = await inCognito(username);
    limited.calls.length = 0;
    const { errors } = await send();
    expect(codes(errors)).toEqual(['FORBIDDEN']);
    expect(errors?.[0]?.extensions?.attribute).toBe('custom:plan');
    expect(limited.calls).not.toContain('UpdateUserAttributes');
    expect(limited.calls).not.toContain('DeleteUserAttributes');
    expect(await inCognito(username)).toEqual(before);
  });
});

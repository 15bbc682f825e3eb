/**
 * The contract's queries (`me`, `user`, `users`, `userPool`), checked against
 * Cognito's own state read directly with the SDK, and the batching promise:
 * `users` with 100 names, 50 distinct, makes exactly 50 AdminGetUser calls.
 */
import { AdminCreateUserCommand, AdminGetUserCommand, DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';

const Me = graphql(`
  query Me {
    me {
      ...UserFields
      plan: attribute(name: "custom:plan")
      missing: attribute(name: "custom:nothing")
    }
  }
`);

const AdminUser = graphql(`
  query AdminUser($username: String!, $userPoolId: ID) {
    user(username: $username, userPoolId: $userPoolId) {
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
`);

const Users = graphql(`
  query Users($usernames: [String!]!) {
    users(usernames: $usernames) {
      username
    }
  }
`);

const Pool = graphql(`
  query Pool($id: ID) {
    userPool(id: $id) {
      id
      name
      attributes {
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
      customAttributes {
        name
      }
    }
  }
`);

let cognito: TestCognito;
let service: TestApp;
let alice: string;
let bob: string;

beforeAll(async () => {
  cognito = await startTestCognito();
  // alice reads 50 users in one request here: more than her 25 % share of UserRead (30 a second
  // by default, test/quotas.test.ts); batching is this file's subject, not the share.
  service = await startTestApp(cognito, { QUOTA_CALLER_SHARE_PERCENT: '100' });
  alice = await cognito.tokens.tokenFor('alice');
  bob = await cognito.tokens.tokenFor('bob');
});
afterAll(async () => {
  await service?.stop();
  await cognito?.stop();
});

describe('me', () => {
  it('should return the signed-in user with every attribute Cognito shows them, sorted by name', async () => {
    const { data, errors } = await service.request(Me, {}, { token: bob });
    expect(errors).toBeUndefined();
    const cognitoUser = await cognito.sdk.send(new AdminGetUserCommand({ UserPoolId: cognito.demo.userPoolId, Username: 'bob' }));
    const expected = (cognitoUser.UserAttributes ?? []).map((a) => ({ name: a.Name, value: a.Value })).sort((a, b) => a.name!.localeCompare(b.name!));
    expect(data?.me.username).toBe('bob');
    expect(data?.me.userPoolId).toBe(cognito.demo.userPoolId);
    expect(data?.me.sub).toBe(expected.find((a) => a.name === 'sub')?.value);
    expect(data?.me.attributes).toEqual(expected);
    expect(data?.me.plan).toBe('free');
    expect(data?.me.missing).toBeNull();
  });

  it('should cost one GetUser call however often the caller is read', async () => {
    service.calls.length = 0;
    const { errors } = await service.request('{ a: me { username } b: me { sub } c: me { attributes { name } } }', {}, { token: bob });
    expect(errors).toBeUndefined();
    expect(service.calls).toEqual(['GetUser']);
  });

  it("should refuse a user's read of the admin-only fields with FORBIDDEN, and show them to an admin", async () => {
    const asBob = await service.request('{ me { username status enabled createdAt updatedAt } }', {}, { token: bob });
    expect(codes(asBob.errors)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(asBob.data).toEqual({ me: { username: 'bob', status: null, enabled: null, createdAt: null, updatedAt: null } });

    const asAlice = await service.request('{ me { username status enabled createdAt } }', {}, { token: alice });
    expect(asAlice.errors).toBeUndefined();
    expect(asAlice.data).toMatchObject({ me: { username: 'alice', status: 'CONFIRMED', enabled: true } });
  });
});

describe('user', () => {
  it("should return a user with Cognito's status, flags and dates to an administrator", async () => {
    const { data, errors } = await service.request(AdminUser, { username: 'bob' }, { token: alice });
    expect(errors).toBeUndefined();
    const direct = await cognito.sdk.send(new AdminGetUserCommand({ UserPoolId: cognito.demo.userPoolId, Username: 'bob' }));
    expect(data?.user).toMatchObject({
      username: 'bob',
      status: direct.UserStatus,
      enabled: direct.Enabled,
      createdAt: direct.UserCreateDate?.toISOString(),
      updatedAt: direct.UserLastModifiedDate?.toISOString(),
    });
    expect(data?.user?.attributes).toHaveLength(direct.UserAttributes?.length ?? -1);
  });

  it('should answer null for a user that does not exist', async () => {
    const { data, errors } = await service.request(AdminUser, { username: 'nobody-here' }, { token: alice });
    expect(errors).toBeUndefined();
    expect(data?.user).toBeNull();
  });

  it('should refuse a signed-in user who is not an administrator with FORBIDDEN', async () => {
    const { data, errors } = await service.request(AdminUser, { username: 'alice' }, { token: bob });
    expect(codes(errors)).toEqual(['FORBIDDEN']);
    expect(data?.user ?? null).toBeNull();
  });

  it('should refuse a pool the service is not configured for with FORBIDDEN, without calling Cognito', async () => {
    service.calls.length = 0;
    const { errors } = await service.request(AdminUser, { username: 'bob', userPoolId: 'us-east-1_Elsewhere' }, { token: alice });
    expect(codes(errors)).toEqual(['FORBIDDEN']);
    expect(service.calls).toEqual([]);
  });

  it('should answer an invalid username with BAD_USER_INPUT', async () => {
    const { errors } = await service.request(AdminUser, { username: '' }, { token: alice });
    expect(codes(errors)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('users', () => {
  const names = Array.from({ length: 50 }, (_, i) => `batch-user-${String(i).padStart(2, '0')}`);

  beforeAll(async () => {
    for (const username of names) {
      await cognito.sdk.send(
        new AdminCreateUserCommand({
          UserPoolId: cognito.demo.userPoolId,
          Username: username,
          MessageAction: 'SUPPRESS',
          UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
        }),
      );
    }
  });

  it('should answer in the order asked, with null for unknown usernames', async () => {
    const { data, errors } = await service.request(Users, { usernames: ['bob', 'nobody', 'alice', 'bob'] }, { token: alice });
    expect(errors).toBeUndefined();
    expect(data?.users).toEqual([{ username: 'bob' }, null, { username: 'alice' }, { username: 'bob' }]);
  });

  it('should make exactly 50 AdminGetUser calls for 100 usernames of which 50 are distinct', async () => {
    const usernames = [...names, ...[...names].reverse()];
    expect(usernames).toHaveLength(100);
    service.calls.length = 0;
    const { data, errors } = await service.request(Users, { usernames }, { token: alice });
    expect(errors).toBeUndefined();
    expect(data?.users.map((u) => u?.username)).toEqual(usernames);
    expect(service.calls.filter((c) => c === 'AdminGetUser')).toHaveLength(50);
    expect(service.calls).toHaveLength(50);
  });

  it('should keep at most COGNITO_MAX_CONCURRENCY calls in flight for one batch', async () => {
    const capped = await startTestApp(cognito, { COGNITO_MAX_CONCURRENCY: '3', QUOTA_CALLER_SHARE_PERCENT: '100' });
    try {
      let inFlight = 0;
      let peak = 0;
      capped.app.services.cognito.middlewareStack.add(
        (next) => async (args) => {
          inFlight += 1;
          peak = Math.max(peak, inFlight);
          try {
            return await next(args);
          } finally {
            inFlight -= 1;
          }
        },
        { step: 'initialize', name: 'measureInFlight' },
      );
      const { errors } = await capped.request(Users, { usernames: names.slice(0, 12) }, { token: alice });
      expect(errors).toBeUndefined();
      expect(peak).toBe(3);
    } finally {
      await capped.stop();
    }
  });

  it('should refuse more than 100 usernames with BAD_USER_INPUT before calling Cognito', async () => {
    service.calls.length = 0;
    const usernames = Array.from({ length: 101 }, (_, i) => `u${i}`);
    const { errors } = await service.request(Users, { usernames }, { token: alice });
    expect(codes(errors)).toEqual(['BAD_USER_INPUT']);
    expect(service.calls).toEqual([]);
  });

  it('should refuse a user who is not an administrator with FORBIDDEN', async () => {
    const { errors } = await service.request(Users, { usernames: ['alice'] }, { token: bob });
    expect(codes(errors)).toEqual(['FORBIDDEN']);
  });
});

describe('userPool', () => {
  it("should describe the default pool's standard and custom attributes as Cognito has them", async () => {
    const { data, errors } = await service.request(Pool, {}, { token: alice });
    expect(errors).toBeUndefined();
    const direct = await cognito.sdk.send(new DescribeUserPoolCommand({ UserPoolId: cognito.demo.userPoolId }));
    expect(data?.userPool.id).toBe(cognito.demo.userPoolId);
    expect(data?.userPool.name).toBe(direct.UserPool?.Name);
    expect(data?.userPool.attributes.map((a) => a.name).sort()).toEqual((direct.UserPool?.SchemaAttributes ?? []).map((a) => a.Name).sort());
    expect(data?.userPool.customAttributes.map((a) => a.name)).toEqual([
      'custom:newsletter',
      'custom:plan',
      'custom:risk_score',
      'custom:seats',
      'custom:tenant_id',
      'custom:trial_ends',
    ]);
    const byName = new Map(data?.userPool.attributes.map((a) => [a.name, a]));
    expect(byName.get('custom:seats')).toMatchObject({ dataType: 'NUMBER', custom: true, mutable: true, minValue: 1, maxValue: 1000 });
    expect(byName.get('custom:tenant_id')).toMatchObject({ dataType: 'STRING', mutable: false, maxLength: 64 });
    expect(byName.get('custom:newsletter')).toMatchObject({ dataType: 'BOOLEAN' });
    expect(byName.get('custom:trial_ends')).toMatchObject({ dataType: 'DATE_TIME' });
    expect(byName.get('custom:risk_score')).toMatchObject({ dataType: 'NUMBER', developerOnly: true, minValue: 0, maxValue: 100 });
    expect(byName.get('custom:plan')).toMatchObject({ developerOnly: false });
    expect(byName.get('sub')).toMatchObject({ custom: false, mutable: false, required: true });
  });

  it('should refuse a pool the service is not configured for with FORBIDDEN', async () => {
    const { errors } = await service.request(Pool, { id: 'eu-west-1_NotMine' }, { token: alice });
    expect(codes(errors)).toEqual(['FORBIDDEN']);
  });

  it('should answer a configured pool that does not exist with NOT_FOUND', async () => {
    const twoPools = await startTestApp(cognito, {
      COGNITO_USER_POOL_IDS: `${cognito.demo.userPoolId},local_Missing1`,
      COGNITO_ADMIN_POOLS: `${cognito.demo.userPoolId}:${cognito.demo.userPoolId}+local_Missing1`,
    });
    try {
      const { errors } = await twoPools.request(Pool, { id: 'local_Missing1' }, { token: alice });
      expect(codes(errors)).toEqual(['NOT_FOUND']);
    } finally {
      await twoPools.stop();
    }
  });
});

/**
 * "Who is calling" (API.md): the service verifies every token itself —
 * signature against the pool's JWKS, `exp`, `iss`, `token_use = access`,
 * `client_id` among the configured clients — before Cognito ever sees it.
 * The emulator verifies nothing (its signing key even ships in its npm
 * package), so every rejected token here is one the emulator would have
 * honoured: the service's check is all that protects the users. Rejected
 * callers get UNAUTHENTICATED and cause no Cognito call; signed-in users who
 * are not administrators get FORBIDDEN for the admin operations and fields;
 * administrators get FORBIDDEN for a pool the service is not configured for.
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  GetUserCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { createTokenVerifier } from '../src/auth/tokens.js';
import { loadConfig } from '../src/config.js';
import { DEMO_USERS, signIn } from '../src/embedded/seed.js';
import { graphql } from './gql/index.js';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';
import { sseSubscribe } from './support/subscribers.js';
import { claimsOf, mintToken, unsignedToken, type AccessClaims } from './support/tokens.js';

const AuthMe = graphql(`
  query AuthMe {
    me {
      username
      sub
      userPoolId
    }
  }
`);

const AuthMeAll = graphql(`
  query AuthMeAll {
    me {
      username
      sub
      attributes {
        name
        value
      }
      plan: attribute(name: "custom:plan")
      status
      enabled
      createdAt
      updatedAt
    }
  }
`);

const AuthUser = graphql(`
  query AuthUser($username: String!, $userPoolId: ID) {
    user(username: $username, userPoolId: $userPoolId) {
      username
      sub
    }
  }
`);

const AuthUsers = graphql(`
  query AuthUsers($usernames: [String!]!, $userPoolId: ID) {
    users(usernames: $usernames, userPoolId: $userPoolId) {
      username
    }
  }
`);

const AuthUserPool = graphql(`
  query AuthUserPool($id: ID) {
    userPool(id: $id) {
      id
      customAttributes {
        name
      }
    }
  }
`);

const AuthUpdateMine = graphql(`
  mutation AuthUpdateMine($input: UpdateMyAttributesInput!) {
    updateMyAttributes(input: $input) {
      user {
        username
        plan: attribute(name: "custom:plan")
        status
      }
    }
  }
`);

const AuthDeleteMine = graphql(`
  mutation AuthDeleteMine($input: DeleteMyAttributesInput!) {
    deleteMyAttributes(input: $input) {
      user {
        username
      }
    }
  }
`);

const AuthAdminUpdate = graphql(`
  mutation AuthAdminUpdate($input: AdminUpdateUserAttributesInput!) {
    adminUpdateUserAttributes(input: $input) {
      user {
        username
      }
    }
  }
`);

const AuthAdminDelete = graphql(`
  mutation AuthAdminDelete($input: AdminDeleteUserAttributesInput!) {
    adminDeleteUserAttributes(input: $input) {
      user {
        username
      }
    }
  }
`);

const AuthAddCustom = graphql(`
  mutation AuthAddCustom($input: AddCustomAttributesInput!) {
    addCustomAttributes(input: $input) {
      userPool {
        id
      }
    }
  }
`);

const password = (username: 'alice' | 'bob'): string => {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user.password;
};

/** The real claims of a token (exp, iat and iss are replaced by mintToken). */
const realClaims = (token: string): AccessClaims => ({ ...claimsOf(token) }) as unknown as AccessClaims;

/** Replaces a signed token's payload, keeping its header and signature. */
const withPayload = (token: string, payload: Record<string, unknown>): string => {
  const [header, , signature] = token.split('.');
  return `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
};

let cognito: TestCognito;
let service: TestApp;
let alice: string;
let bob: string;
let issuer: string;
/** A second app client of the demo pool, which the service is not configured to accept. */
let otherClientId: string;
/** bob, signed in through the second app client. */
let bobViaOtherClient: string;
/** A second pool in the same emulator, with its own client and its own `bob` (an admin there). */
let otherPool: { userPoolId: string; clientId: string; bobToken: string };

/** Every token the service must refuse, by case; each built in beforeAll from real tokens. */
const rejected = new Map<string, string>();

/** The cases, with whether the emulator itself would honour the token (GetUser succeeds). */
const REJECTED_CASES: { name: string; emulatorAccepts: boolean }[] = [
  { name: 'a garbage token', emulatorAccepts: false },
  { name: 'three parts of garbage', emulatorAccepts: false },
  { name: "an expired token signed with the emulator's own key", emulatorAccepts: true },
  { name: "a token signed with a stranger's key", emulatorAccepts: true },
  { name: 'an alg:none token with real claims', emulatorAccepts: true },
  { name: 'an ID token', emulatorAccepts: false },
  { name: 'an access token of another app client of the pool', emulatorAccepts: true },
  { name: 'an access token of another user pool', emulatorAccepts: true },
  { name: "a real token whose payload was swapped for alice's", emulatorAccepts: true },
  { name: 'a forged token claiming the admin group', emulatorAccepts: true },
  { name: "a token without exp, signed with the emulator's own key", emulatorAccepts: true },
  { name: "a token issued an hour from now, signed with the emulator's own key", emulatorAccepts: true },
];

/** alice's attributes as Cognito has them, read with the SDK. */
async function attributesOf(username: string, userPoolId = cognito.demo.userPoolId): Promise<Record<string, string | undefined>> {
  const user = await cognito.sdk.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }));
  return Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
}

/** The custom attribute names of a pool's schema, read with the SDK. */
async function customAttributesOf(userPoolId: string): Promise<string[]> {
  const { UserPool } = await cognito.sdk.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }));
  return (UserPool?.SchemaAttributes ?? [])
    .map((a) => a.Name ?? '')
    .filter((n) => n.startsWith('custom:'))
    .sort();
}

beforeAll(async () => {
  cognito = await startTestCognito();
  service = await startTestApp(cognito);
  alice = await cognito.tokens.tokenFor('alice');
  bob = await cognito.tokens.tokenFor('bob');
  issuer = `${cognito.endpoint}/${cognito.demo.userPoolId}`;
  const { sdk, demo } = cognito;

  // A second app client of the demo pool.
  const { UserPoolClient } = await sdk.send(
    new CreateUserPoolClientCommand({ UserPoolId: demo.userPoolId, ClientName: 'auth-other-client', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }),
  );
  otherClientId = UserPoolClient?.ClientId ?? '';
  bobViaOtherClient = await signIn(sdk, otherClientId, 'bob', password('bob'));

  // A second pool in the same emulator, whose `bob` is in its own `admin` group.
  const { UserPool } = await sdk.send(new CreateUserPoolCommand({ PoolName: 'auth-other-pool' }));
  const otherPoolId = UserPool?.Id ?? '';
  const otherClient = await sdk.send(
    new CreateUserPoolClientCommand({ UserPoolId: otherPoolId, ClientName: 'auth-other-pool-client', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }),
  );
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: otherPoolId,
      Username: 'bob',
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: 'other-bob@example.com' },
        { Name: 'name', Value: 'Other Bob' },
      ],
    }),
  );
  await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: otherPoolId, Username: 'bob', Password: 'Other-bob-1!', Permanent: true }));
  await sdk.send(new CreateGroupCommand({ UserPoolId: otherPoolId, GroupName: 'admin' }));
  await sdk.send(new AdminAddUserToGroupCommand({ UserPoolId: otherPoolId, Username: 'bob', GroupName: 'admin' }));
  otherPool = {
    userPoolId: otherPoolId,
    clientId: otherClient.UserPoolClient?.ClientId ?? '',
    bobToken: await signIn(sdk, otherClient.UserPoolClient?.ClientId ?? '', 'bob', 'Other-bob-1!'),
  };

  const { AuthenticationResult } = await sdk.send(
    new InitiateAuthCommand({ ClientId: demo.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'bob', PASSWORD: password('bob') } }),
  );
  const bobIdToken = AuthenticationResult?.IdToken ?? '';

  rejected.set('a garbage token', 'not-a-jwt');
  rejected.set('three parts of garbage', 'abc.def.ghi');
  rejected.set("an expired token signed with the emulator's own key", await mintToken({ issuer, claims: realClaims(bob), expiresIn: -60 }));
  rejected.set("a token signed with a stranger's key", await mintToken({ issuer, claims: realClaims(bob), forged: true }));
  rejected.set('an alg:none token with real claims', unsignedToken(claimsOf(bob)));
  rejected.set('an ID token', bobIdToken);
  rejected.set('an access token of another app client of the pool', bobViaOtherClient);
  rejected.set('an access token of another user pool', otherPool.bobToken);
  rejected.set("a real token whose payload was swapped for alice's", withPayload(bob, { ...claimsOf(bob), username: 'alice', sub: claimsOf(alice).sub }));
  rejected.set('a forged token claiming the admin group', await mintToken({ issuer, claims: { ...realClaims(bob), 'cognito:groups': ['admin'] }, forged: true }));
  const { exp: _exp, ...withoutExp } = realClaims(bob) as unknown as Record<string, unknown>;
  rejected.set("a token without exp, signed with the emulator's own key", await mintToken({ issuer, claims: withoutExp as unknown as AccessClaims, expiresIn: null }));
  rejected.set("a token issued an hour from now, signed with the emulator's own key", await mintToken({ issuer, claims: realClaims(bob), issuedIn: 3_600 }));
});

afterAll(async () => {
  await service?.stop();
  await cognito?.stop();
});

describe('the tokens under test', () => {
  it('should be what each case says it is', () => {
    const bobClaims = claimsOf(bob);
    expect(bobClaims).toMatchObject({ token_use: 'access', client_id: cognito.demo.clientId, username: 'bob', iss: issuer });
    expect(claimsOf(rejected.get('an ID token')!)).toMatchObject({ token_use: 'id', aud: cognito.demo.clientId, iss: issuer });
    expect(claimsOf(bobViaOtherClient)).toMatchObject({ token_use: 'access', client_id: otherClientId, username: 'bob', iss: issuer });
    expect(otherClientId).not.toBe(cognito.demo.clientId);
    expect(claimsOf(otherPool.bobToken)).toMatchObject({
      token_use: 'access',
      client_id: otherPool.clientId,
      username: 'bob',
      iss: `${cognito.endpoint}/${otherPool.userPoolId}`,
      'cognito:groups': ['admin'],
    });
    const expired = claimsOf(rejected.get("an expired token signed with the emulator's own key")!);
    expect(expired).toMatchObject({ sub: bobClaims.sub, username: 'bob', client_id: cognito.demo.clientId, token_use: 'access', iss: issuer });
    expect(Number(expired.exp)).toBeLessThan(Date.now() / 1000);
    const swapped = claimsOf(rejected.get("a real token whose payload was swapped for alice's")!);
    expect(swapped).toMatchObject({ username: 'alice', sub: claimsOf(alice).sub });
    expect(rejected.get("a real token whose payload was swapped for alice's")!.split('.')[2]).toBe(bob.split('.')[2]);
    expect(rejected.size).toBe(REJECTED_CASES.length);
  });

  it("should accept a token minted with the emulator's key and real, unexpired claims (so the rejections below are about the one thing each case changes)", async () => {
    const minted = await mintToken({ issuer, claims: realClaims(bob), expiresIn: 600 });
    const { data, errors } = await service.request(AuthMe, {}, { token: minted });
    expect(errors).toBeUndefined();
    expect(data?.me).toEqual({ username: 'bob', sub: claimsOf(bob).sub, userPoolId: cognito.demo.userPoolId });
  });
});

describe('a request without a usable Authorization header', () => {
  const HEADERS: [string, () => string | undefined][] = [
    ['no Authorization header', () => undefined],
    ['a Basic credential', () => 'Basic Ym9iOkJvYi1kZW1vLTEh'],
    ['a valid access token without the Bearer scheme', () => bob],
    ['a valid access token under another scheme', () => `Token ${bob}`],
    ['"Bearer" with no token', () => 'Bearer'],
    ['a bearer value with two tokens', () => `Bearer ${bob} ${alice}`],
  ];

  for (const [name, header] of HEADERS) {
    it(`should answer me with UNAUTHENTICATED and call no Cognito API for ${name}`, async () => {
      service.calls.length = 0;
      const authorization = header();
      const { data, errors } = await service.request(AuthMe, {}, authorization === undefined ? {} : { authorization });
      expect(codes(errors)).toEqual(['UNAUTHENTICATED']);
      expect(data ?? null).toBeNull();
      expect(service.calls).toEqual([]);
    });

    it(`should answer an admin query with UNAUTHENTICATED (not FORBIDDEN) for ${name}`, async () => {
      service.calls.length = 0;
      const authorization = header();
      const { data, errors } = await service.request(AuthUser, { username: 'alice' }, authorization === undefined ? {} : { authorization });
      expect(codes(errors)).toEqual(['UNAUTHENTICATED']);
      expect(data?.user ?? null).toBeNull();
      expect(service.calls).toEqual([]);
    });
  }
});

describe('a token that fails verification', () => {
  for (const { name, emulatorAccepts } of REJECTED_CASES) {
    it(`should answer me with UNAUTHENTICATED and call no Cognito API for ${name}`, async () => {
      const token = rejected.get(name)!;
      service.calls.length = 0;
      const { data, errors } = await service.request(AuthMe, {}, { token });
      expect(codes(errors)).toEqual(['UNAUTHENTICATED']);
      expect(data ?? null).toBeNull();
      expect(service.calls).toEqual([]);
    });

    it(`should answer an admin query with UNAUTHENTICATED (not FORBIDDEN, not data) for ${name}`, async () => {
      const token = rejected.get(name)!;
      service.calls.length = 0;
      const { data, errors } = await service.request(AuthUser, { username: 'alice' }, { token });
      expect(codes(errors)).toEqual(['UNAUTHENTICATED']);
      expect(data?.user ?? null).toBeNull();
      expect(service.calls).toEqual([]);
    });

    if (emulatorAccepts) {
      it(`should refuse ${name} although the emulator itself honours it`, async () => {
        const token = rejected.get(name)!;
        // The emulator answers GetUser for this token: only the service's own check stands in the way.
        const direct = await cognito.sdk.send(new GetUserCommand({ AccessToken: token }));
        expect(direct.Username).toBeTruthy();
        const { errors } = await service.request(AuthMe, {}, { token });
        expect(codes(errors)).toEqual(['UNAUTHENTICATED']);
      });
    }
  }

  it("should not let a forged token claiming the admin group read, change or describe anything an administrator could", async () => {
    const forgedAdmin = rejected.get('a forged token claiming the admin group')!;
    expect(claimsOf(forgedAdmin)['cognito:groups']).toEqual(['admin']);
    const before = await attributesOf('alice');
    const poolBefore = await customAttributesOf(cognito.demo.userPoolId);
    service.calls.length = 0;

    const read = await service.request(AuthUsers, { usernames: ['alice', 'bob'] }, { token: forgedAdmin });
    expect(codes(read.errors)).toEqual(['UNAUTHENTICATED']);
    const pool = await service.request(AuthUserPool, {}, { token: forgedAdmin });
    expect(codes(pool.errors)).toEqual(['UNAUTHENTICATED']);
    const write = await service.request(
      AuthAdminUpdate,
      { input: { username: 'alice', attributes: [{ name: 'custom:plan', value: 'escalated' }] } },
      { token: forgedAdmin },
    );
    expect(codes(write.errors)).toEqual(['UNAUTHENTICATED']);
    const add = await service.request(
      AuthAddCustom,
      { input: { attributes: [{ name: 'escalated', dataType: 'STRING' }] } },
      { token: forgedAdmin },
    );
    expect(codes(add.errors)).toEqual(['UNAUTHENTICATED']);

    expect(service.calls).toEqual([]);
    expect(await attributesOf('alice')).toEqual(before);
    expect(await customAttributesOf(cognito.demo.userPoolId)).toEqual(poolBefore);

    // The real administrator's token, by contrast, is an administrator's.
    const real = await service.request(AuthUser, { username: 'bob' }, { token: alice });
    expect(real.errors).toBeUndefined();
    expect(real.data?.user?.username).toBe('bob');
  });

  it("should not make an administrator of another pool's admin a caller here", async () => {
    service.calls.length = 0;
    const { errors } = await service.request(AuthUsers, { usernames: ['alice'] }, { token: otherPool.bobToken });
    expect(codes(errors)).toEqual(['UNAUTHENTICATED']);
    expect(service.calls).toEqual([]);
  });
});

describe("a token naming alice that is not alice's", () => {
  const FAKES: [string, () => Promise<string>][] = [
    ["signed with a stranger's key", () => mintToken({ issuer, claims: realClaims(alice), forged: true })],
    ['unsigned (alg: none)', () => Promise.resolve(unsignedToken(claimsOf(alice)))],
    ["bob's real token with alice's payload", () => Promise.resolve(withPayload(bob, { ...claimsOf(bob), username: 'alice', sub: claimsOf(alice).sub }))],
    ["expired, signed with the emulator's own key", () => mintToken({ issuer, claims: realClaims(alice), expiresIn: -60 })],
  ];

  for (const [name, make] of FAKES) {
    it(`should not change alice's attributes through updateMyAttributes or deleteMyAttributes when ${name}`, async () => {
      const token = await make();
      // The emulator would take this token for alice's: this is a real threat, not a malformed request.
      const direct = await cognito.sdk.send(new GetUserCommand({ AccessToken: token }));
      expect(direct.Username).toBe('alice');

      const before = await attributesOf('alice');
      expect(before['custom:plan']).toBe('pro');
      service.calls.length = 0;

      const update = await service.request(
        AuthUpdateMine,
        { input: { attributes: [{ name: 'custom:plan', value: 'hijacked' }, { name: 'name', value: 'Mallory' }] } },
        { token },
      );
      expect(codes(update.errors)).toEqual(['UNAUTHENTICATED']);
      expect(update.data ?? null).toBeNull();

      const remove = await service.request(AuthDeleteMine, { input: { names: ['name', 'custom:plan'] } }, { token });
      expect(codes(remove.errors)).toEqual(['UNAUTHENTICATED']);
      expect(remove.data ?? null).toBeNull();

      expect(service.calls).toEqual([]);
      expect(await attributesOf('alice')).toEqual(before);
    });
  }
});

describe('a signed-in user who is not an administrator', () => {
  it('should get FORBIDDEN for user, users and userPool, without a Cognito call', async () => {
    service.calls.length = 0;
    const user = await service.request(AuthUser, { username: 'alice' }, { token: bob });
    expect(codes(user.errors)).toEqual(['FORBIDDEN']);
    expect(user.data?.user ?? null).toBeNull();
    const users = await service.request(AuthUsers, { usernames: ['alice', 'bob'] }, { token: bob });
    expect(codes(users.errors)).toEqual(['FORBIDDEN']);
    expect(users.data ?? null).toBeNull();
    const pool = await service.request(AuthUserPool, {}, { token: bob });
    expect(codes(pool.errors)).toEqual(['FORBIDDEN']);
    expect(pool.data ?? null).toBeNull();
    expect(service.calls).toEqual([]);
  });

  it("should get FORBIDDEN for adminUpdateUserAttributes and adminDeleteUserAttributes, leaving alice's attributes as they were", async () => {
    const before = await attributesOf('alice');
    service.calls.length = 0;
    const update = await service.request(
      AuthAdminUpdate,
      { input: { username: 'alice', attributes: [{ name: 'custom:plan', value: 'free' }] } },
      { token: bob },
    );
    expect(codes(update.errors)).toEqual(['FORBIDDEN']);
    expect(update.data ?? null).toBeNull();
    const remove = await service.request(AuthAdminDelete, { input: { username: 'alice', names: ['name'] } }, { token: bob });
    expect(codes(remove.errors)).toEqual(['FORBIDDEN']);
    expect(remove.data ?? null).toBeNull();
    // Not even on themselves.
    const self = await service.request(
      AuthAdminUpdate,
      { input: { username: 'bob', attributes: [{ name: 'custom:plan', value: 'pro' }] } },
      { token: bob },
    );
    expect(codes(self.errors)).toEqual(['FORBIDDEN']);
    expect(service.calls).toEqual([]);
    expect(await attributesOf('alice')).toEqual(before);
    expect((await attributesOf('bob'))['custom:plan']).toBe('free');
  });

  it("should get FORBIDDEN for addCustomAttributes, leaving the pool's schema as it was", async () => {
    const before = await customAttributesOf(cognito.demo.userPoolId);
    service.calls.length = 0;
    const { data, errors } = await service.request(
      AuthAddCustom,
      { input: { attributes: [{ name: 'bobs_own', dataType: 'STRING' }] } },
      { token: bob },
    );
    expect(codes(errors)).toEqual(['FORBIDDEN']);
    expect(data ?? null).toBeNull();
    expect(service.calls).toEqual([]);
    expect(await customAttributesOf(cognito.demo.userPoolId)).toEqual(before);
    expect(before).not.toContain('custom:bobs_own');
  });

  it('should get FORBIDDEN for each admin-only User field while the other fields resolve, without an AdminGetUser', async () => {
    service.calls.length = 0;
    const { data, errors } = await service.request(AuthMeAll, {}, { token: bob });
    expect(codes(errors)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect((errors ?? []).map((e) => e.path?.join('.')).sort()).toEqual(['me.createdAt', 'me.enabled', 'me.status', 'me.updatedAt']);
    const direct = await attributesOf('bob');
    expect(data?.me).toMatchObject({ username: 'bob', sub: direct.sub, plan: 'free', status: null, enabled: null, createdAt: null, updatedAt: null });
    expect(Object.fromEntries((data?.me.attributes ?? []).map((a) => [a.name, a.value]))).toEqual(direct);
    expect(service.calls).toEqual(['GetUser']);
  });

  it('should get FORBIDDEN for an admin-only User field in a mutation payload, while the mutation itself succeeds', async () => {
    const { data, errors } = await service.request(
      AuthUpdateMine,
      { input: { attributes: [{ name: 'custom:plan', value: 'free' }] } },
      { token: bob },
    );
    expect(codes(errors)).toEqual(['FORBIDDEN']);
    expect(errors?.[0]?.path).toEqual(['updateMyAttributes', 'user', 'status']);
    expect(data?.updateMyAttributes.user).toEqual({ username: 'bob', plan: 'free', status: null });
  });
});

describe('an administrator naming a pool the service is not configured for', () => {
  // The other pool exists in the same emulator, reachable with the service's credentials:
  // only the service's own policy keeps it out of reach.
  const pools = (): [string, string][] => [
    ['a pool of the same Cognito', otherPool.userPoolId],
    ['a pool that does not exist', 'us-east-1_Nowhere1'],
  ];

  it('should get FORBIDDEN for user, users and userPool, without a Cognito call', async () => {
    for (const [, poolId] of pools()) {
      service.calls.length = 0;
      const user = await service.request(AuthUser, { username: 'bob', userPoolId: poolId }, { token: alice });
      expect(codes(user.errors)).toEqual(['FORBIDDEN']);
      expect(user.data?.user ?? null).toBeNull();
      const users = await service.request(AuthUsers, { usernames: ['bob'], userPoolId: poolId }, { token: alice });
      expect(codes(users.errors)).toEqual(['FORBIDDEN']);
      const pool = await service.request(AuthUserPool, { id: poolId }, { token: alice });
      expect(codes(pool.errors)).toEqual(['FORBIDDEN']);
      expect(service.calls).toEqual([]);
    }
  });

  it("should get FORBIDDEN for the admin mutations, leaving the other pool's user and schema as they were", async () => {
    const userBefore = await attributesOf('bob', otherPool.userPoolId);
    const schemaBefore = await customAttributesOf(otherPool.userPoolId);
    for (const [, poolId] of pools()) {
      service.calls.length = 0;
      const update = await service.request(
        AuthAdminUpdate,
        { input: { userPoolId: poolId, username: 'bob', attributes: [{ name: 'name', value: 'Proxied' }] } },
        { token: alice },
      );
      expect(codes(update.errors)).toEqual(['FORBIDDEN']);
      const remove = await service.request(AuthAdminDelete, { input: { userPoolId: poolId, username: 'bob', names: ['name'] } }, { token: alice });
      expect(codes(remove.errors)).toEqual(['FORBIDDEN']);
      const add = await service.request(
        AuthAddCustom,
        { input: { userPoolId: poolId, attributes: [{ name: 'proxied', dataType: 'STRING' }] } },
        { token: alice },
      );
      expect(codes(add.errors)).toEqual(['FORBIDDEN']);
      expect(service.calls).toEqual([]);
    }
    expect(await attributesOf('bob', otherPool.userPoolId)).toEqual(userBefore);
    expect(userBefore.name).toBe('Other Bob');
    expect(await customAttributesOf(otherPool.userPoolId)).toEqual(schemaBefore);
  });

  it('should act on that pool once it is configured and given to its administrators (so FORBIDDEN above was the policy, not the pool)', async () => {
    const twoPools = await startTestApp(cognito, {
      COGNITO_USER_POOL_IDS: `${cognito.demo.userPoolId},${otherPool.userPoolId}`,
      COGNITO_ADMIN_POOLS: `${cognito.demo.userPoolId}:${cognito.demo.userPoolId}+${otherPool.userPoolId}`,
    });
    try {
      const { data, errors } = await twoPools.request(AuthUser, { username: 'bob', userPoolId: otherPool.userPoolId }, { token: alice });
      expect(errors).toBeUndefined();
      expect(data?.user).toEqual({ username: 'bob', sub: (await attributesOf('bob', otherPool.userPoolId)).sub });
    } finally {
      await twoPools.stop();
    }
  });
});

describe('an administrator of one configured pool and the others', () => {
  // Both pools configured, each with its client: bob of the other pool is an administrator there, alice here.
  const bothPools = (env: Record<string, string> = {}) =>
    startTestApp(cognito, {
      COGNITO_USER_POOL_IDS: `${cognito.demo.userPoolId},${otherPool.userPoolId}`,
      COGNITO_CLIENT_IDS: `${cognito.demo.clientId},${otherPool.clientId}`,
      ...env,
    });

  it("should refuse an administrator of the other pool this pool's users, schema, writes and feed, and allow their own", async () => {
    const service = await bothPools();
    try {
      const { userPoolId } = cognito.demo;
      const aliceBefore = await attributesOf('alice');
      service.calls.length = 0;
      const asOther = { token: otherPool.bobToken };
      expect(codes((await service.request(AuthUser, { username: 'alice', userPoolId }, asOther)).errors)).toEqual(['FORBIDDEN']);
      // Naming no pool is the default pool, this one: refused too.
      expect(codes((await service.request(AuthUser, { username: 'alice' }, asOther)).errors)).toEqual(['FORBIDDEN']);
      expect(codes((await service.request(AuthUsers, { usernames: ['alice'], userPoolId }, asOther)).errors)).toEqual(['FORBIDDEN']);
      expect(codes((await service.request(AuthUserPool, { id: userPoolId }, asOther)).errors)).toEqual(['FORBIDDEN']);
      const update = await service.request(AuthAdminUpdate, { input: { userPoolId, username: 'alice', attributes: [{ name: 'name', value: 'Taken over' }] } }, asOther);
      expect(codes(update.errors)).toEqual(['FORBIDDEN']);
      // Nothing was asked of this pool: only Cognito's confirmation of bob's own standing, in his own pool.
      const confirmsBob = ({ command, input }: { command: string; input: Record<string, unknown> }) =>
        command === 'GetUser' ? input.AccessToken === otherPool.bobToken : input.UserPoolId === otherPool.userPoolId && input.Username === 'bob';
      expect(service.sent.filter((call) => !confirmsBob(call))).toEqual([]);
      expect(await attributesOf('alice')).toEqual(aliceBefore);

      await service.app.start();
      const feed = sseSubscribe(service.app.url, otherPool.bobToken, `subscription { userPoolAttributesChanged(userPoolId: "${userPoolId}") { source } }`);
      expect(codes(await feed.nextError())).toEqual(['FORBIDDEN']);
      await feed.dispose();

      const own = await service.request(AuthUser, { username: 'bob', userPoolId: otherPool.userPoolId }, asOther);
      expect(own.errors).toBeUndefined();
      expect(own.data?.user?.username).toBe('bob');
    } finally {
      await service.stop();
    }
  });

  it('should give an administrator of one pool the others COGNITO_ADMIN_POOLS names, and nothing more', async () => {
    const { userPoolId } = cognito.demo;
    const service = await bothPools({ COGNITO_ADMIN_POOLS: `${otherPool.userPoolId}:${otherPool.userPoolId}+${userPoolId}` });
    try {
      const mapped = await service.request(AuthUser, { username: 'alice', userPoolId }, { token: otherPool.bobToken });
      expect(mapped.errors).toBeUndefined();
      expect(mapped.data?.user?.username).toBe('alice');
      // The map is one way: alice administers her own pool only.
      const back = await service.request(AuthUser, { username: 'bob', userPoolId: otherPool.userPoolId }, { token: alice });
      expect(codes(back.errors)).toEqual(['FORBIDDEN']);
    } finally {
      await service.stop();
    }
  });

  it('should refuse a COGNITO_ADMIN_POOLS that is malformed or names a pool not configured', () => {
    const base = { COGNITO_USER_POOL_ID: 'eu-west-1_AAA111', COGNITO_USER_POOL_IDS: 'eu-west-1_BBB222' };
    expect(loadConfig({ ...base, COGNITO_ADMIN_POOLS: 'eu-west-1_AAA111:eu-west-1_AAA111+eu-west-1_BBB222' }).cognito).toMatchObject({
      adminPools: { 'eu-west-1_AAA111': ['eu-west-1_AAA111', 'eu-west-1_BBB222'], 'eu-west-1_BBB222': ['eu-west-1_BBB222'] },
    });
    expect(loadConfig(base).cognito).toMatchObject({ adminPools: { 'eu-west-1_AAA111': ['eu-west-1_AAA111'], 'eu-west-1_BBB222': ['eu-west-1_BBB222'] } });
    expect(() => loadConfig({ ...base, COGNITO_ADMIN_POOLS: 'eu-west-1_AAA111' })).toThrow(/COGNITO_ADMIN_POOLS: "eu-west-1_AAA111" is not <pool>:<pool>/);
    expect(() => loadConfig({ ...base, COGNITO_ADMIN_POOLS: 'eu-west-1_AAA111:eu-west-1_CCC333' })).toThrow(/"eu-west-1_CCC333" is not among/);
    expect(() => loadConfig({ COGNITO_ADMIN_POOLS: 'a:b' })).toThrow(/COGNITO_ADMIN_POOLS needs COGNITO_USER_POOL_ID/);
  });
});

describe('which app clients and pools are trusted', () => {
  it("should accept the other pool's token once that pool and its client are configured (it is a real token)", async () => {
    const trusting = await startTestApp(cognito, {
      COGNITO_USER_POOL_IDS: `${cognito.demo.userPoolId},${otherPool.userPoolId}`,
      COGNITO_CLIENT_IDS: `${cognito.demo.clientId},${otherPool.clientId}`,
    });
    try {
      const { data, errors } = await trusting.request(AuthMe, {}, { token: otherPool.bobToken });
      expect(errors).toBeUndefined();
      expect(data?.me).toMatchObject({ username: 'bob', userPoolId: otherPool.userPoolId });
    } finally {
      await trusting.stop();
    }
  });

  it('should accept a token of any app client of the pool when COGNITO_CLIENT_IDS is empty', async () => {
    expect(
      loadConfig({ COGNITO_USER_POOL_ID: cognito.demo.userPoolId, COGNITO_ENDPOINT: cognito.endpoint, AWS_REGION: 'us-east-1', COGNITO_CLIENT_IDS: '' }).clientIds,
    ).toBeNull();
    const anyClient = await startTestApp(cognito, { COGNITO_CLIENT_IDS: '' });
    try {
      const viaOther = await anyClient.request(AuthMe, {}, { token: bobViaOtherClient });
      expect(viaOther.errors).toBeUndefined();
      expect(viaOther.data?.me).toEqual({ username: 'bob', sub: claimsOf(bob).sub, userPoolId: cognito.demo.userPoolId });
      const viaDemo = await anyClient.request(AuthMe, {}, { token: bob });
      expect(viaDemo.errors).toBeUndefined();

      // Any client of the configured pool — still not another pool, an ID token, a forged one, or one naming no client.
      const { client_id: _client, ...withoutClient } = realClaims(bob);
      const noClient = await mintToken({ issuer, claims: withoutClient as unknown as AccessClaims });
      anyClient.calls.length = 0;
      for (const [name, token] of [
        ...['an access token of another user pool', 'an ID token', "a token signed with a stranger's key", 'an alg:none token with real claims'].map((n) => [n, rejected.get(n)!]),
        ["a token without client_id, signed with the emulator's own key", noClient],
      ]) {
        const { errors } = await anyClient.request(AuthMe, {}, { token });
        expect(codes(errors), name).toEqual(['UNAUTHENTICATED']);
      }
      expect(anyClient.calls).toEqual([]);
    } finally {
      await anyClient.stop();
    }
  });

  it('should accept a token of every app client listed in COGNITO_CLIENT_IDS', async () => {
    const both = await startTestApp(cognito, { COGNITO_CLIENT_IDS: `${cognito.demo.clientId}, ${otherClientId}` });
    try {
      const { data, errors } = await both.request(AuthMe, {}, { token: bobViaOtherClient });
      expect(errors).toBeUndefined();
      expect(data?.me.username).toBe('bob');
    } finally {
      await both.stop();
    }
  });
});

describe('the verifier for Cognito itself (no COGNITO_ENDPOINT)', () => {
  // What production builds: aws-jwt-verify's CognitoJwtVerifier, the JWKS at
  // AWS's own address. The network to AWS is the edge stood in for: a key
  // pair of the test's own, served for that address only.
  const region = 'eu-west-1';
  const poolId = 'eu-west-1_TestPool1';
  const issuer = `https://cognito-idp.${region}.amazonaws.com/${poolId}`;
  const KID = 'test-key-1';
  let privateKey: CryptoKey;
  let jwks: { keys: JWK[] };
  const asked: string[] = [];

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    privateKey = pair.privateKey;
    jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: KID, alg: 'RS256', use: 'sig' }] };
  });

  const verifier = (clientIds: string[] | null) =>
    createTokenVerifier({
      poolIds: [poolId],
      region,
      clientIds,
      adminGroup: 'admin',
      fetchTimeoutMs: 1_000,
      jwksFetcher: {
        async fetch(uri) {
          asked.push(uri);
          if (uri !== `${issuer}/.well-known/jwks.json`) throw new Error(`no JWKS at ${uri}`);
          return new TextEncoder().encode(JSON.stringify(jwks)).buffer;
        },
      },
    });

  const token = (claims: Record<string, unknown>, options: { issuer?: string; expiresIn?: number } = {}) =>
    new SignJWT({ sub: 'sub-1', username: 'carol', client_id: 'web-client', token_use: 'access', 'cognito:groups': ['admin'], ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: KID })
      .setIssuer(options.issuer ?? issuer)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + (options.expiresIn ?? 3_600))
      .sign(privateKey);

  it("should accept an access token of the pool's configured app client, read from AWS's JWKS for that pool", async () => {
    const caller = await verifier(['web-client']).verify(await token({}));
    expect(caller).toMatchObject({ username: 'carol', sub: 'sub-1', userPoolId: poolId, clientId: 'web-client', isAdmin: true });
    expect(asked).toContain(`${issuer}/.well-known/jwks.json`);
  });

  it.each([
    ['another app client', {}, ['web-client-2']],
    ['an ID token', { token_use: 'id', aud: 'web-client' }, ['web-client']],
  ] as const)('should refuse %s with UNAUTHENTICATED', async (_what, claims, clientIds) => {
    await expect(verifier([...clientIds]).verify(await token(claims))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('should refuse a token of another pool, and an expired one, with UNAUTHENTICATED', async () => {
    const check = verifier(['web-client']);
    await expect(check.verify(await token({}, { issuer: `https://cognito-idp.${region}.amazonaws.com/${region}_OtherPool` }))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    await expect(check.verify(await token({}, { expiresIn: -60 }))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('should accept any app client of the pool when none is configured', async () => {
    expect((await verifier(null).verify(await token({ client_id: 'any-client' }))).clientId).toBe('any-client');
  });
});

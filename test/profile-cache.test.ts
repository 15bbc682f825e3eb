/**
 * The profile cache (`ME_CACHE_TTL_MS`) and the verified-token cache, on the
 * real emulator: `me` asked again within the TTL costs Cognito nothing; every
 * change made through the service shows at once, on this instance and, through
 * a real Redis, on another; a change made behind the service's back shows
 * after the TTL at most; one caller never sees another's cached profile; a
 * remembered token stops working when it expires.
 */
import { AdminUpdateUserAttributesCommand, CreateUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { DEMO_USERS, signIn } from '../src/embedded/seed.js';
import { graphql } from './gql/index.js';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';
import { claimsOf, mintToken } from './support/tokens.js';

const CachedMe = graphql(`
  query CachedMe {
    me {
      username
      sub
      plan: attribute(name: "custom:plan")
      seats: attribute(name: "custom:seats")
    }
  }
`);

const CachedUpdateMine = graphql(`
  mutation CachedUpdateMine($input: UpdateMyAttributesInput!) {
    updateMyAttributes(input: $input) {
      user {
        plan: attribute(name: "custom:plan")
      }
    }
  }
`);

const CachedDeleteMine = graphql(`
  mutation CachedDeleteMine($input: DeleteMyAttributesInput!) {
    deleteMyAttributes(input: $input) {
      user {
        seats: attribute(name: "custom:seats")
      }
    }
  }
`);

const CachedAdminUpdate = graphql(`
  mutation CachedAdminUpdate($input: AdminUpdateUserAttributesInput!) {
    adminUpdateUserAttributes(input: $input) {
      user {
        username
      }
    }
  }
`);

const CachedAdminDelete = graphql(`
  mutation CachedAdminDelete($input: AdminDeleteUserAttributesInput!) {
    adminDeleteUserAttributes(input: $input) {
      user {
        username
      }
    }
  }
`);

/** Long enough that only an invalidation, never the TTL, can explain a fresh answer. */
const LONG_TTL_MS = '600000';
const SHARED_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

let cognito: TestCognito;
let alice: string;
let bob: string;
const apps: TestApp[] = [];

/**
 * The cache is under test here, not Cognito's per-user limits (test/quotas.test.ts): with Redis
 * the instances share bob's 10 reads a second, and a few quick tests in one second spent them.
 */
const UNLIMITED_USER = { QUOTA_PER_USER_READS_PER_SECOND: '1000', QUOTA_PER_USER_WRITES_PER_SECOND: '1000', QUOTA_CALLER_SHARE_PERCENT: '100' };

async function start(env: Record<string, string>): Promise<TestApp> {
  const service = await startTestApp(cognito, { ...UNLIMITED_USER, ...env });
  apps.push(service);
  return service;
}

/** Sets bob's plan behind the service's back (the SDK, straight to Cognito). */
const setPlanDirectly = (plan: string) =>
  cognito.sdk.send(
    new AdminUpdateUserAttributesCommand({ UserPoolId: cognito.demo.userPoolId, Username: 'bob', UserAttributes: [{ Name: 'custom:plan', Value: plan }] }),
  );

async function me(service: TestApp, token: string) {
  const { data, errors } = await service.request(CachedMe, {}, { token });
  expect(errors).toBeUndefined();
  return data!.me;
}

const getUsers = (service: TestApp) => service.calls.filter((c) => c === 'GetUser').length;

beforeAll(async () => {
  cognito = await startTestCognito();
  alice = await cognito.tokens.tokenFor('alice');
  bob = await cognito.tokens.tokenFor('bob');
});
afterAll(async () => {
  for (const app of apps) await app.stop();
  await cognito?.stop();
});

describe('`me` within ME_CACHE_TTL_MS', () => {
  it('should read Cognito once for many `me` of one user within the TTL, and again once it has passed', async () => {
    const service = await start({ ME_CACHE_TTL_MS: '400' });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await me(service, bob));
    answers.push(...(await Promise.all([me(service, bob), me(service, bob), me(service, bob)])));
    expect(new Set(answers.map((a) => a.username))).toEqual(new Set(['bob']));
    expect(getUsers(service)).toBe(1);
    await sleep(450);
    await me(service, bob);
    expect(getUsers(service)).toBe(2);
  });

  it('should read Cognito for every `me` when ME_CACHE_TTL_MS=0', async () => {
    const service = await start({ ME_CACHE_TTL_MS: '0' });
    for (let i = 0; i < 3; i++) await me(service, bob);
    expect(getUsers(service)).toBe(3);
  });

  it('should be on by default, for 5 s, and refuse a TTL that is not a number of ms up to an hour', () => {
    expect(loadConfig({}).meCacheTtlMs).toBe(5_000);
    expect(loadConfig({ ME_CACHE_TTL_MS: '0' }).meCacheTtlMs).toBe(0);
    for (const value of ['-1', 'soon', '3600001', '1.5']) expect(() => loadConfig({ ME_CACHE_TTL_MS: value }), value).toThrow(ConfigError);
  });

  it("should never answer one user's `me` with another's cached profile", async () => {
    const service = await start({ ME_CACHE_TTL_MS: LONG_TTL_MS });
    const [asBob, asAlice] = await Promise.all([me(service, bob), me(service, alice)]);
    expect(asBob.username).toBe('bob');
    expect(asAlice.username).toBe('alice');
    for (let i = 0; i < 3; i++) {
      expect((await me(service, alice)).username).toBe('alice');
      expect((await me(service, bob)).username).toBe('bob');
    }
    expect(getUsers(service)).toBe(2);
  });

  it('should keep a profile per app client and per scope set: another token of the same user through another client reads Cognito itself', async () => {
    const service = await start({ ME_CACHE_TTL_MS: LONG_TTL_MS, COGNITO_CLIENT_IDS: '' });
    const claims = claimsOf(bob);
    const issuer = String(claims.iss);
    const base = { sub: String(claims.sub), username: 'bob', token_use: 'access' as const };
    const { UserPoolClient } = await cognito.sdk.send(
      new CreateUserPoolClientCommand({ UserPoolId: cognito.demo.userPoolId, ClientName: 'profile-cache-other', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }),
    );
    const viaOther = await signIn(cognito.sdk, UserPoolClient?.ClientId ?? '', 'bob', DEMO_USERS.find((u) => u.username === 'bob')!.password);
    expect(claimsOf(viaOther).client_id).not.toBe(claims.client_id);
    const narrower = await mintToken({ issuer, claims: { ...base, client_id: String(claims.client_id), scope: 'openid' } });
    await me(service, bob);
    await me(service, viaOther);
    await me(service, narrower);
    expect(getUsers(service)).toBe(3);
    await me(service, viaOther);
    expect(getUsers(service)).toBe(3);
  });
});

describe('changes made through the service', () => {
  it("should show the user's own update and delete in the very next `me`", async () => {
    const service = await start({ ME_CACHE_TTL_MS: LONG_TTL_MS });
    const before = await me(service, bob);
    const plan = `p-${randomUUID().slice(0, 8)}`;
    const updated = await service.request(CachedUpdateMine, { input: { attributes: [{ name: 'custom:plan', value: plan }, { name: 'custom:seats', value: '7' }] } }, { token: bob });
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateMyAttributes.user.plan).toBe(plan);
    expect(await me(service, bob)).toMatchObject({ plan, seats: '7' });
    expect(before.plan).not.toBe(plan);

    const deleted = await service.request(CachedDeleteMine, { input: { names: ['custom:seats'] } }, { token: bob });
    expect(deleted.errors).toBeUndefined();
    expect((await me(service, bob)).seats).toBeNull();
  });

  it("should show an administrator's update and delete in the user's very next `me`", async () => {
    const service = await start({ ME_CACHE_TTL_MS: LONG_TTL_MS });
    await me(service, bob);
    const plan = `a-${randomUUID().slice(0, 8)}`;
    const updated = await service.request(
      CachedAdminUpdate,
      { input: { username: 'bob', attributes: [{ name: 'custom:plan', value: plan }, { name: 'custom:seats', value: '3' }] } },
      { token: alice },
    );
    expect(updated.errors).toBeUndefined();
    expect(await me(service, bob)).toMatchObject({ plan, seats: '3' });
    const deleted = await service.request(CachedAdminDelete, { input: { username: 'bob', names: ['custom:seats'] } }, { token: alice });
    expect(deleted.errors).toBeUndefined();
    expect((await me(service, bob)).seats).toBeNull();
  });

  it.each([
    ['one process', {}],
    ['Redis mode', { REDIS_URL: SHARED_REDIS_URL }],
  ])("should forget the user's cached profile on the instance that made the change before the mutation answers (%s)", async (_mode, env) => {
    // A second instance on the same Redis: its events must not be what makes the first forget.
    const service = await start({ ME_CACHE_TTL_MS: LONG_TTL_MS, ...env });
    if ('REDIS_URL' in env) await start({ ME_CACHE_TTL_MS: LONG_TTL_MS, ...env });
    await me(service, bob);
    const own = `s-${randomUUID().slice(0, 8)}`;
    expect((await service.request(CachedUpdateMine, { input: { attributes: [{ name: 'custom:plan', value: own }] } }, { token: bob })).errors).toBeUndefined();
    // At once: no wait for the change to come back through the feed.
    expect((await me(service, bob)).plan).toBe(own);
    const byAdmin = `a-${randomUUID().slice(0, 8)}`;
    const admin = await service.request(CachedAdminUpdate, { input: { username: 'bob', attributes: [{ name: 'custom:plan', value: byAdmin }] } }, { token: alice });
    expect(admin.errors).toBeUndefined();
    expect((await me(service, bob)).plan).toBe(byAdmin);
  });

  it.each([
    ['one process', {}],
    ['Redis mode', { REDIS_URL: SHARED_REDIS_URL }],
  ])('should keep the profile a self-update read back, so the next `me` costs Cognito nothing (%s)', async (_mode, env) => {
    const service = await start({ ME_CACHE_TTL_MS: LONG_TTL_MS, ...env });
    await me(service, bob);
    const plan = `k-${randomUUID().slice(0, 8)}`;
    const before = getUsers(service);
    const updated = await service.request(CachedUpdateMine, { input: { attributes: [{ name: 'custom:plan', value: plan }] } }, { token: bob });
    expect(updated.data?.updateMyAttributes.user.plan).toBe(plan);
    // The payload's read: one GetUser.
    expect(getUsers(service) - before).toBe(1);
    // Let the change's own event come back through the feed (Redis), then ask.
    await sleep(100);
    expect((await me(service, bob)).plan).toBe(plan);
    expect(getUsers(service) - before).toBe(1);
  });

  it('should show a change made on another instance (through Redis) within moments, not after the TTL', async () => {
    const redisUrl = `${SHARED_REDIS_URL}`;
    const first = await start({ ME_CACHE_TTL_MS: LONG_TTL_MS, REDIS_URL: redisUrl });
    const second = await start({ ME_CACHE_TTL_MS: LONG_TTL_MS, REDIS_URL: redisUrl });
    const plan = `r-${randomUUID().slice(0, 8)}`;
    expect((await me(first, bob)).plan).not.toBe(plan);
    const cachedCalls = getUsers(first);
    expect((await me(first, bob)).plan).not.toBe(plan);
    expect(getUsers(first)).toBe(cachedCalls);

    const changedAt = Date.now();
    const updated = await second.request(CachedUpdateMine, { input: { attributes: [{ name: 'custom:plan', value: plan }] } }, { token: bob });
    expect(updated.errors).toBeUndefined();
    let seen = (await me(first, bob)).plan;
    while (seen !== plan && Date.now() - changedAt < 5_000) {
      await sleep(20);
      seen = (await me(first, bob)).plan;
    }
    expect(seen).toBe(plan);
    expect(Date.now() - changedAt).toBeLessThan(5_000);
  });
});

describe('changes made elsewhere', () => {
  it('should show a change made behind the service (the AWS console, a trigger) after the TTL at most', async () => {
    const service = await start({ ME_CACHE_TTL_MS: '600' });
    const old = `o-${randomUUID().slice(0, 8)}`;
    await setPlanDirectly(old);
    await sleep(650);
    expect((await me(service, bob)).plan).toBe(old);
    const plan = `d-${randomUUID().slice(0, 8)}`;
    await setPlanDirectly(plan);
    // Within the TTL the cached profile is still served: that is the bound.
    expect((await me(service, bob)).plan).toBe(old);
    await sleep(650);
    expect((await me(service, bob)).plan).toBe(plan);
  });
});

describe('the verified-token cache', () => {
  it('should stop accepting a remembered token the moment it expires', async () => {
    const service = await start({ ME_CACHE_TTL_MS: LONG_TTL_MS });
    const claims = claimsOf(bob);
    const shortLived = await mintToken({
      issuer: String(claims.iss),
      claims: { sub: String(claims.sub), username: 'bob', client_id: String(claims.client_id), token_use: 'access' },
      expiresIn: 2,
    });
    expect((await me(service, shortLived)).username).toBe('bob');
    expect((await me(service, shortLived)).username).toBe('bob');
    const expiresAt = Number(claimsOf(shortLived).exp) * 1000;
    await sleep(Math.max(0, expiresAt - Date.now()) + 50);
    const after = await service.request(CachedMe, {}, { token: shortLived });
    expect(codes(after.errors)).toEqual(['UNAUTHENTICATED']);
    expect(after.data).toBeNull();
  });

  it('should not remember a token that failed, nor let a failure hide a good one', async () => {
    const service = await start({ ME_CACHE_TTL_MS: LONG_TTL_MS });
    const claims = claimsOf(bob);
    const forged = await mintToken({
      issuer: String(claims.iss),
      claims: { sub: String(claims.sub), username: 'bob', client_id: String(claims.client_id), token_use: 'access' },
      forged: true,
    });
    for (let i = 0; i < 2; i++) expect(codes((await service.request(CachedMe, {}, { token: forged })).errors)).toEqual(['UNAUTHENTICATED']);
    expect((await me(service, bob)).username).toBe('bob');
  });
});

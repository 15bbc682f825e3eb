/**
 * Cognito's quotas, respected: every call is counted against its quota
 * category and against the user it concerns before it leaves the service; a
 * call over budget waits up to QUOTA_MAX_WAIT_MS, then fails with
 * LIMIT_EXCEEDED and `retryAfter`, and never reaches Cognito. Counted at the
 * HTTP edge: the service talks to the real emulator through a small proxy
 * that records every command it forwards (and can answer Cognito's own
 * TooManyRequestsException instead). Shared budgets use a REAL Redis.
 */
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { print } from 'graphql';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { signIn } from '../src/embedded/seed.js';
import { graphql } from './gql/index.js';
import { codes, freePort, startTestApp, type TestApp } from './support/app.js';
import { CognitoProxy } from './support/cognito-proxy.js';
import { onCognitoCall, startTestCognito, type TestCognito } from './support/cognito.js';
import { PrivateRedis } from './support/redis.js';
import { claimsOf, mintToken, type AccessClaims } from './support/tokens.js';

const QuotaAdminUpdate = graphql(`
  mutation QuotaAdminUpdate($input: AdminUpdateUserAttributesInput!) {
    adminUpdateUserAttributes(input: $input) {
      user {
        username
      }
    }
  }
`);

const QuotaUpdateMine = graphql(`
  mutation QuotaUpdateMine($input: UpdateMyAttributesInput!) {
    updateMyAttributes(input: $input) {
      user {
        username
      }
    }
  }
`);

const QuotaRequestCode = graphql(`
  mutation QuotaRequestCode($input: RequestAttributeVerificationCodeInput!) {
    requestAttributeVerificationCode(input: $input) {
      codeDelivery {
        attributeName
      }
    }
  }
`);

const QuotaUser = graphql(`
  query QuotaUser($username: String!) {
    user(username: $username) {
      username
    }
  }
`);

const QuotaPool = graphql(`
  query QuotaPool {
    userPool {
      id
    }
  }
`);

const QuotaMe = graphql(`
  query QuotaMe {
    me {
      username
    }
  }
`);

const QuotaVerify = graphql(`
  mutation QuotaVerify($input: VerifyMyAttributeInput!) {
    verifyMyAttribute(input: $input) {
      user {
        username
      }
    }
  }
`);

const QuotaAddCustom = graphql(`
  mutation QuotaAddCustom($input: AddCustomAttributesInput!) {
    addCustomAttributes(input: $input) {
      userPool {
        id
      }
    }
  }
`);

const QuotaUsers = graphql(`
  query QuotaUsers($usernames: [String!]!) {
    users(usernames: $usernames) {
      username
    }
  }
`);

const PASSWORD = 'Quota-pass-1';
const SHARED_REDIS = 'redis://127.0.0.1:6379';

let cognito: TestCognito;
/** A proxy in front of the emulator, as the service's COGNITO_ENDPOINT: counts what reaches Cognito, and answers throttling when told to. */
let edge: CognitoProxy;
/** alice (an administrator), her token re-issued for the edge's issuer. */
let admin: string;
const apps: TestApp[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

/** A token the service accepts when its COGNITO_ENDPOINT is the edge: the same claims, the edge's issuer. */
const forEdge = (token: string): Promise<string> =>
  mintToken({ issuer: `${edge.endpoint}/${cognito.demo.userPoolId}`, claims: claimsOf(token) as unknown as AccessClaims });

/** Creates a confirmed user with an email address and returns their token for the edge. */
async function createUser(prefix: string, exactly?: string): Promise<{ username: string; token: string }> {
  const username = exactly ?? `${prefix}-${randomUUID().slice(0, 8)}`;
  const { userPoolId, clientId } = cognito.demo;
  await cognito.sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: username,
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
    }),
  );
  await cognito.sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: PASSWORD, Permanent: true }));
  await cognito.sdk.send(
    new AdminUpdateUserAttributesCommand({ UserPoolId: userPoolId, Username: username, UserAttributes: [{ Name: 'custom:plan', Value: 'start' }] }),
  );
  return { username, token: await forEdge(await signIn(cognito.sdk, clientId, username, PASSWORD)) };
}

/** The user's `custom:plan`, read from Cognito directly. */
async function planOf(username: string): Promise<string | undefined> {
  const user = await cognito.sdk.send(new AdminGetUserCommand({ UserPoolId: cognito.demo.userPoolId, Username: username }));
  return user.UserAttributes?.find((a) => a.Name === 'custom:plan')?.Value;
}

/** The service behind the edge with `env`; stopped after each test. */
async function startApp(env: Record<string, string>): Promise<TestApp> {
  const service = await startTestApp(cognito, { COGNITO_ENDPOINT: edge.endpoint, ...env });
  apps.push(service);
  return service;
}

const setPlan = (service: TestApp, username: string, plan: string) =>
  service.request(QuotaAdminUpdate, { input: { username, attributes: [{ name: 'custom:plan', value: plan }] } }, { token: admin });

/** A key prefix of this run alone, so runs sharing a Redis never share counters. */
const runPrefix = () => `quota-test-${randomUUID()}`;

beforeAll(async () => {
  cognito = await startTestCognito();
  edge = await CognitoProxy.start(cognito.endpoint);
  admin = await forEdge(await cognito.tokens.tokenFor('alice'));
  process.on('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  await Promise.all(apps.splice(0).map((service) => service.stop()));
  edge.answers.clear();
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await edge?.stop();
  await cognito?.stop();
});

describe('the quota of a category', () => {
  it('should answer LIMIT_EXCEEDED with retryAfter to the 3rd write in a second of QUOTA_USER_UPDATE_PER_SECOND=2, and never send it to Cognito', async () => {
    const users = await Promise.all([createUser('qc'), createUser('qc'), createUser('qc')]);
    // One administrator makes every call here: the category's whole budget is theirs to spend.
    const service = await startApp({ QUOTA_USER_UPDATE_PER_SECOND: '2', QUOTA_MAX_WAIT_MS: '0', QUOTA_CALLER_SHARE_PERCENT: '100' });
    await service.request(QuotaPool, {}, { token: admin }); // the pool's schema, cached for the writes
    const before = edge.count('AdminUpdateUserAttributes');

    const results = await Promise.all(users.map(({ username }) => setPlan(service, username, 'written')));

    const refused = results.filter((r) => codes(r.errors).includes('LIMIT_EXCEEDED'));
    expect(refused).toHaveLength(1);
    expect(results.filter((r) => r.errors === undefined)).toHaveLength(2);
    const retryAfter = refused[0]?.errors?.[0]?.extensions?.retryAfter;
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBe(1);
    expect(edge.count('AdminUpdateUserAttributes') - before).toBe(2);
    const plans = await Promise.all(users.map(({ username }) => planOf(username)));
    expect(plans.sort()).toEqual(['start', 'written', 'written']);
  });

  it('should let a call over budget wait for the next window when QUOTA_MAX_WAIT_MS allows it', async () => {
    const users = await Promise.all([createUser('qw'), createUser('qw')]);
    const service = await startApp({ QUOTA_USER_UPDATE_PER_SECOND: '1', QUOTA_MAX_WAIT_MS: '2000' });
    await service.request(QuotaPool, {}, { token: admin });

    const started = Date.now();
    const results = await Promise.all(users.map(({ username }) => setPlan(service, username, 'waited')));
    const elapsed = Date.now() - started;

    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    // The second write waited for the first window to end (1 s after the first).
    expect(elapsed).toBeGreaterThanOrEqual(800);
    expect(await planOf(users[0]!.username)).toBe('waited');
    expect(await planOf(users[1]!.username)).toBe('waited');
  });

  it('should count a read of the pool against UserPoolRead without turning /ready to 503 when that budget is spent', async () => {
    const service = await startApp({ QUOTA_USER_POOL_READ_PER_SECOND: '1', QUOTA_MAX_WAIT_MS: '0', POOL_CACHE_TTL_MS: '0' });
    const before = edge.count('DescribeUserPool');
    expect((await service.request(QuotaPool, {}, { token: admin })).errors).toBeUndefined();
    expect(codes((await service.request(QuotaPool, {}, { token: admin })).errors)).toEqual(['LIMIT_EXCEEDED']);

    const ready = await service.app.yoga.fetch('http://test/ready');
    expect(ready.status).toBe(200);
    expect(edge.count('DescribeUserPool') - before).toBe(1);
  });

  it('should count DescribeUserPoolClient under UserPoolClientRead, not UserPoolRead', async () => {
    const service = await startApp({ QUOTA_USER_POOL_CLIENT_READ_PER_SECOND: '1', QUOTA_USER_POOL_READ_PER_SECOND: '1', QUOTA_MAX_WAIT_MS: '0' });
    const { userPoolId, clientId } = cognito.demo;
    // The service's own client: every call through it goes through the pipeline's limiters.
    const { cognito: client } = service.app.services;
    const outcome = (call: Promise<unknown>) => call.then(() => 'sent', (error: { extensions?: { code?: unknown } }) => error.extensions?.code);
    const before = { client: edge.count('DescribeUserPoolClient'), pool: edge.count('DescribeUserPool') };

    // One of each in the same second: each has a budget of its own.
    expect(await outcome(client.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId })))).toBe('sent');
    expect(await outcome(client.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId })))).toBe('sent');
    expect(await outcome(client.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId })))).toBe('LIMIT_EXCEEDED');
    expect(edge.count('DescribeUserPoolClient') - before.client).toBe(1);
    expect(edge.count('DescribeUserPool') - before.pool).toBe(1);
  });

  it('should count addCustomAttributes under UserPoolUpdate (QUOTA_USER_POOL_UPDATE_PER_SECOND, or its deprecated name)', async () => {
    for (const variable of ['QUOTA_USER_POOL_UPDATE_PER_SECOND', 'QUOTA_ADD_CUSTOM_ATTRIBUTES_PER_SECOND']) {
      const service = await startApp({ [variable]: '1', QUOTA_MAX_WAIT_MS: '0' });
      await service.request(QuotaPool, {}, { token: admin }); // the administrator's standing, confirmed once
      const add = () =>
        service.request(QuotaAddCustom, { input: { attributes: [{ name: `q${randomUUID().slice(0, 8)}`, dataType: 'STRING' }] } }, { token: admin });
      const before = edge.count('AddCustomAttributes');
      const results = await Promise.all([add(), add()]);
      expect(results.filter((r) => codes(r.errors).includes('LIMIT_EXCEEDED')), variable).toHaveLength(1);
      expect(results.filter((r) => r.errors === undefined), variable).toHaveLength(1);
      expect(edge.count('AddCustomAttributes') - before, variable).toBe(1);
      await Promise.all(apps.splice(0).map((s) => s.stop()));
    }
  });

  it('should limit the embedded emulator the same way', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'quota-embedded-'));
    const app = await buildApp(loadConfig({ DATA_DIR: dataDir, PORT: '0', QUOTA_USER_READ_PER_SECOND: '1', QUOTA_MAX_WAIT_MS: '0', ME_CACHE_TTL_MS: '0' }), {
      logger: pino({ level: 'silent' }),
    });
    try {
      const sent: string[] = [];
      onCognitoCall(app.services.cognito, (command) => sent.push(command));
      const token = await app.embedded!.tokens.tokenFor('bob');
      const me = async () => {
        const response = await app.yoga.fetch('http://test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: print(QuotaMe) }),
        });
        return (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] };
      };
      expect((await me()).errors).toBeUndefined();
      const second = await me();
      expect(second.errors?.map((e) => e.extensions?.code)).toEqual(['LIMIT_EXCEEDED']);
      expect(second.errors?.[0]?.extensions?.retryAfter).toBe(1);
      expect(sent.filter((c) => c === 'GetUser')).toHaveLength(1);
    } finally {
      await app.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe("one caller's share of each category", () => {
  it('should keep three users looping on wrong codes from spending the UserUpdate budget of everyone else', async () => {
    const loopers = await Promise.all([createUser('ql1'), createUser('ql2'), createUser('ql3')]);
    const bystander = await createUser('qb');
    // 8 writes a second for everyone, 2 (25 %) for any one caller.
    const service = await startApp({ QUOTA_USER_UPDATE_PER_SECOND: '8', QUOTA_MAX_WAIT_MS: '0' });
    const verify = (token: string) => service.request(QuotaVerify, { input: { attributeName: 'email', code: '000000' } }, { token });
    const attempts = await Promise.all(loopers.flatMap((looper) => [1, 2, 3].map(() => verify(looper.token))));
    const refused = attempts.filter((a) => codes(a.errors).includes('LIMIT_EXCEEDED'));
    // Each looper got 2 attempts to Cognito (CODE_MISMATCH), the 3rd was refused as theirs.
    expect(refused).toHaveLength(3);
    expect(refused.every((a) => /from this caller/.test(String(a.errors?.[0]?.message)))).toBe(true);
    expect(attempts.filter((a) => codes(a.errors).includes('CODE_MISMATCH'))).toHaveLength(6);
    // 6 of the 8 are spent: the bystander's write still goes through.
    const write = await service.request(QuotaUpdateMine, { input: { attributes: [{ name: 'custom:plan', value: 'bystander' }] } }, { token: bystander.token });
    expect(write.errors).toBeUndefined();
    expect(await planOf(bystander.username)).toBe('bystander');
  });

  it("should hold an administrator's wide batch to their share of UserRead, and leave the rest to everyone else", async () => {
    const user = await createUser('qr');
    const names = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((n) => createUser(`qn${n}`)));
    // 20 reads a second for everyone, 5 for one caller.
    const service = await startApp({ QUOTA_USER_READ_PER_SECOND: '20', QUOTA_MAX_WAIT_MS: '0' });
    const before = edge.count('AdminGetUser');
    const batch = await service.request(QuotaUsers, { usernames: names.map((n) => n.username) }, { token: admin });
    const loaded = (batch.data?.users ?? []).filter((u) => u !== null).length;
    expect(loaded).toBe(5);
    expect(codes(batch.errors).every((code) => code === 'LIMIT_EXCEEDED')).toBe(true);
    expect(codes(batch.errors)).toHaveLength(3);
    // The five of the batch, and the service's own confirmation of the administrator (src/auth/authority.ts, a share of its own).
    expect(edge.count('AdminGetUser') - before).toBe(5 + 1);
    // Another user's reads are untouched.
    const me = await service.request(QuotaMe, {}, { token: user.token });
    expect(me.errors).toBeUndefined();
  });

  it('should default the share to 25 % and refuse one outside 1 to 100', () => {
    expect(loadConfig({}).quotas.callerSharePercent).toBe(25);
    for (const value of ['0', '101', 'half']) expect(() => loadConfig({ QUOTA_CALLER_SHARE_PERCENT: value }), value).toThrow(ConfigError);
  });
});

describe('per-user limits', () => {
  it("should stop one user's 3rd write in a second at QUOTA_PER_USER_WRITES_PER_SECOND=2, for their own and an admin's calls, and leave another user's budget whole", async () => {
    const [hammer, other] = await Promise.all([createUser('qh'), createUser('qo')]);
    const service = await startApp({ QUOTA_PER_USER_WRITES_PER_SECOND: '2', QUOTA_MAX_WAIT_MS: '0' });
    await service.request(QuotaPool, {}, { token: admin });
    const before = { mine: edge.count('UpdateUserAttributes'), admin: edge.count('AdminUpdateUserAttributes') };
    const updateMine = (token: string, plan: string) =>
      service.request(QuotaUpdateMine, { input: { attributes: [{ name: 'custom:plan', value: plan }] } }, { token });

    const own = await Promise.all([1, 2, 3].map((n) => updateMine(hammer.token, `own-${n}`)));
    const byAdmin = await setPlan(service, hammer.username, 'by-admin');
    const others = await Promise.all([updateMine(other.token, 'other-1'), updateMine(other.token, 'other-2')]);

    expect(own.filter((r) => codes(r.errors).includes('LIMIT_EXCEEDED'))).toHaveLength(1);
    expect(codes(byAdmin.errors)).toEqual(['LIMIT_EXCEEDED']);
    expect(byAdmin.errors?.[0]?.extensions?.retryAfter).toBe(1);
    expect(others.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(edge.count('UpdateUserAttributes') - before.mine).toBe(4);
    expect(edge.count('AdminUpdateUserAttributes') - before.admin).toBe(0);
    expect(await planOf(hammer.username)).not.toBe('by-admin');
    expect(['other-1', 'other-2']).toContain(await planOf(other.username));
  });

  it('should refuse a save before it reaches Cognito or answer it as the success it is: never LIMIT_EXCEEDED for a saved change', async () => {
    const hammer = await createUser('qs');
    // Each save is one write and two reads (the payload's and the event's) of one user.
    const service = await startApp({ QUOTA_PER_USER_WRITES_PER_SECOND: '10', QUOTA_PER_USER_READS_PER_SECOND: '10', QUOTA_MAX_WAIT_MS: '0' });
    await service.request(QuotaPool, {}, { token: admin });
    const sub = String(claimsOf(hammer.token).sub);
    const published: string[] = [];
    const stop = service.app.services.changes.listenUser(cognito.demo.userPoolId, sub, ({ event }) => published.push(event.updated[0]!.value));
    const before = edge.count('UpdateUserAttributes');
    const answered: string[] = [];
    const refused: string[] = [];
    try {
      for (let i = 0; i < 12; i++) {
        const plan = `save-${i}`;
        const result = await service.request(QuotaUpdateMine, { input: { attributes: [{ name: 'custom:plan', value: plan }] } }, { token: hammer.token });
        if (result.errors) {
          expect(codes(result.errors)).toEqual(['LIMIT_EXCEEDED']);
          refused.push(plan);
        } else {
          answered.push(plan);
        }
        // Cognito holds the last answered save, never a refused one.
        expect(await planOf(hammer.username), plan).toBe(answered.at(-1) ?? 'start');
      }
    } finally {
      stop();
    }
    expect(refused.length).toBeGreaterThan(0);
    expect(edge.count('UpdateUserAttributes') - before).toBe(answered.length);
    expect(published).toEqual(answered);
  });

  it("should key each user's budget by sub: BOB asking for codes spends none of bob's (a case-sensitive pool's two users)", async () => {
    const name = `qcase-${randomUUID().slice(0, 8)}`;
    const lower = await createUser('', name);
    const upper = await createUser('', name.toUpperCase());
    expect(claimsOf(upper.token).sub).not.toBe(claimsOf(lower.token).sub);
    const service = await startApp({});
    const request = (token: string) => service.request(QuotaRequestCode, { input: { attributeName: 'email' } }, { token });
    for (let i = 0; i < 5; i++) expect((await request(upper.token)).errors).toBeUndefined();
    expect(codes((await request(upper.token)).errors)).toEqual(['LIMIT_EXCEEDED']);
    // bob's own budget is whole.
    expect((await request(lower.token)).errors).toBeUndefined();
    expect(cognito.emulator.mailbox.messages().filter((m) => m.username === lower.username)).toHaveLength(1);
  });

  it("should count an administrator's calls on a user against that user's own budget once Cognito has said who they are", async () => {
    const user = await createUser('qa');
    const service = await startApp({ QUOTA_PER_USER_WRITES_PER_SECOND: '2', QUOTA_MAX_WAIT_MS: '0' });
    await service.request(QuotaPool, {}, { token: admin });
    // The first administrator's change reads the user back (AdminGetUser): the service learns their sub...
    expect((await setPlan(service, user.username, 'admin-1')).errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    // ...so within the next second the administrator's write and the user's own share one budget of 2.
    expect((await setPlan(service, user.username, 'admin-2')).errors).toBeUndefined();
    expect((await service.request(QuotaUpdateMine, { input: { attributes: [{ name: 'custom:plan', value: 'own-1' }] } }, { token: user.token })).errors).toBeUndefined();
    expect(codes((await setPlan(service, user.username, 'admin-3')).errors)).toEqual(['LIMIT_EXCEEDED']);
    expect(await planOf(user.username)).toBe('own-1');
  });

  it('should refuse the 6th verification code of a user within the hour with a retryAfter of about an hour', async () => {
    const { username, token } = await createUser('qv');
    const service = await startApp({});
    const before = edge.count('GetUserAttributeVerificationCode');
    const request = () => service.request(QuotaRequestCode, { input: { attributeName: 'email' } }, { token });

    const results = [];
    for (let i = 0; i < 6; i++) results.push(await request());

    expect(results.slice(0, 5).map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(codes(results[5]?.errors)).toEqual(['LIMIT_EXCEEDED']);
    const retryAfter = results[5]?.errors?.[0]?.extensions?.retryAfter as number;
    expect(retryAfter).toBeGreaterThan(3_500);
    expect(retryAfter).toBeLessThanOrEqual(3_600);
    expect(edge.count('GetUserAttributeVerificationCode') - before).toBe(5);
    expect(cognito.emulator.mailbox.messages().filter((m) => m.username === username)).toHaveLength(5);
  });
});

describe('budgets shared through Redis', () => {
  it('should share one budget between two instances on the same REDIS_URL', async () => {
    const users = await Promise.all([createUser('qr'), createUser('qr'), createUser('qr')]);
    const prefix = runPrefix();
    const env = { REDIS_URL: SHARED_REDIS, QUOTA_KEY_PREFIX: prefix, QUOTA_USER_UPDATE_PER_SECOND: '2', QUOTA_MAX_WAIT_MS: '0', QUOTA_CALLER_SHARE_PERCENT: '100' };
    const [one, two] = [await startApp(env), await startApp(env)];
    await one.request(QuotaPool, {}, { token: admin });
    await two.request(QuotaPool, {}, { token: admin });
    await sleep(1_100); // a fresh window for the writes below
    const before = edge.count('AdminUpdateUserAttributes');

    expect((await setPlan(one, users[0]!.username, 'shared')).errors).toBeUndefined();
    expect((await setPlan(two, users[1]!.username, 'shared')).errors).toBeUndefined();
    // `one` has sent a single write itself: only the shared count refuses this one.
    const third = await setPlan(one, users[2]!.username, 'shared');
    const redis = new Redis(SHARED_REDIS);
    const counted = await redis.get(`${prefix}:UserUpdate:us-east-1`);
    redis.disconnect();

    expect(codes(third.errors)).toEqual(['LIMIT_EXCEEDED']);
    expect(edge.count('AdminUpdateUserAttributes') - before).toBe(2);
    expect(Number(counted)).toBeGreaterThanOrEqual(3);
    expect(await planOf(users[2]!.username)).toBe('start');
  });

  it('should keep serving, and limiting, through the in-memory insurance while Redis is down, and share again once it is back', async () => {
    const redis = new PrivateRedis(await freePort());
    const prefix = runPrefix();
    const users = await Promise.all([createUser('qd'), createUser('qd'), createUser('qd')]);
    const read = (service: TestApp, username: string) => service.request(QuotaUser, { username }, { token: admin });
    const keys = async () => {
      const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
      try {
        await client.connect();
        return await client.keys(`${prefix}:*`);
      } finally {
        client.disconnect();
      }
    };
    try {
      // Redis not there at all when the service starts: calls go through.
      const service = await startApp({
        REDIS_URL: redis.url,
        QUOTA_KEY_PREFIX: prefix,
        QUOTA_USER_READ_PER_SECOND: '2',
        QUOTA_MAX_WAIT_MS: '0',
        QUOTA_CALLER_SHARE_PERCENT: '100',
        AUTH_RECHECK_MS: '3600000',
      });
      // The administrator's standing, confirmed with Cognito once (two reads: that second's budget).
      await read(service, users[0]!.username);
      await sleep(1_100);
      const started = Date.now();
      expect((await read(service, users[0]!.username)).errors).toBeUndefined();
      expect(Date.now() - started).toBeLessThan(1_000);

      // Redis comes: the counters move there by themselves.
      await redis.start();
      const deadline = Date.now() + 10_000;
      while ((await keys()).length === 0) {
        if (Date.now() > deadline) throw new Error('the quota counters never reached Redis');
        await read(service, users[0]!.username);
        await sleep(200);
      }

      // Redis dies: still served, still limited (2 reads a second), quickly.
      await redis.kill();
      await sleep(1_100);
      const before = edge.count('AdminGetUser');
      const outage = Date.now();
      const results = [];
      for (const { username } of users) results.push(await read(service, username));
      expect(Date.now() - outage).toBeLessThan(1_000);
      expect(results.slice(0, 2).map((r) => r.errors)).toEqual([undefined, undefined]);
      expect(results.map((r) => r.data?.user?.username).slice(0, 2)).toEqual([users[0]!.username, users[1]!.username]);
      expect(codes(results[2]?.errors)).toEqual(['LIMIT_EXCEEDED']);
      expect(edge.count('AdminGetUser') - before).toBe(2);

      // Redis is back: shared again.
      await redis.start();
      const back = Date.now() + 10_000;
      while ((await keys()).length === 0) {
        if (Date.now() > back) throw new Error('the quota counters never went back to Redis');
        await read(service, users[1]!.username);
        await sleep(200);
      }
      expect(unhandled).toEqual([]);
    } finally {
      await Promise.all(apps.splice(0).map((service) => service.stop()));
      await redis.kill();
    }
  });
});

describe("Cognito's own throttling", () => {
  it('should retry TooManyRequestsException adaptively, then answer LIMIT_EXCEEDED with retryAfter', async () => {
    const [user] = await Promise.all([createUser('qt')]);
    const service = await startApp({});
    await service.request(QuotaPool, {}, { token: admin });
    const retryMode = service.app.services.cognito.config.retryMode;
    expect(typeof retryMode === 'function' ? await retryMode() : retryMode).toBe('adaptive');
    edge.answers.set('AdminUpdateUserAttributes', { status: 400, type: 'TooManyRequestsException', message: 'Rate exceeded' });
    const before = edge.count('AdminUpdateUserAttributes');

    const result = await setPlan(service, user!.username, 'throttled');

    expect(codes(result.errors)).toEqual(['LIMIT_EXCEEDED']);
    expect(result.errors?.[0]?.extensions?.retryAfter).toBe(1);
    expect(result.errors?.[0]?.message).not.toMatch(/Rate exceeded/);
    // maxAttempts 3: the first try and two retries reached Cognito.
    expect(edge.count('AdminUpdateUserAttributes') - before).toBe(3);
    expect(await planOf(user!.username)).toBe('start');
  });
});

describe('quota settings', () => {
  it('should read QUOTA_ADD_CUSTOM_ATTRIBUTES_PER_SECOND as a deprecated name of QUOTA_USER_POOL_UPDATE_PER_SECOND, and refuse the two set differently', () => {
    expect(loadConfig({}).quotas.userPoolUpdate).toBe(15);
    expect(loadConfig({}).quotas.userPoolClientRead).toBe(15);
    expect(loadConfig({ QUOTA_ADD_CUSTOM_ATTRIBUTES_PER_SECOND: '7' }).quotas).toMatchObject({ userPoolUpdate: 7, explicit: ['userPoolUpdate'] });
    expect(loadConfig({ QUOTA_USER_POOL_UPDATE_PER_SECOND: '8', QUOTA_ADD_CUSTOM_ATTRIBUTES_PER_SECOND: '8' }).quotas.userPoolUpdate).toBe(8);
    expect(() => loadConfig({ QUOTA_USER_POOL_UPDATE_PER_SECOND: '8', QUOTA_ADD_CUSTOM_ATTRIBUTES_PER_SECOND: '9' })).toThrow(/deprecated name QUOTA_ADD_CUSTOM_ATTRIBUTES_PER_SECOND/);
    expect(() => loadConfig({ QUOTA_ADD_CUSTOM_ATTRIBUTES_PER_SECOND: '0' })).toThrow(/QUOTA_ADD_CUSTOM_ATTRIBUTES_PER_SECOND="0"/);
    expect(loadConfig({ QUOTA_USER_READ_PER_SECOND: '5', QUOTA_USER_POOL_CLIENT_READ_PER_SECOND: '3' }).quotas.explicit).toEqual(['userRead', 'userPoolClientRead']);
  });

  it('should default to "cognito-quotas" and refuse a prefix with spaces', () => {
    expect(loadConfig({}).quotas.keyPrefix).toBe('cognito-quotas');
    expect(loadConfig({ QUOTA_KEY_PREFIX: 'prod-eu:quotas' }).quotas.keyPrefix).toBe('prod-eu:quotas');
    expect(() => loadConfig({ QUOTA_KEY_PREFIX: 'two words' })).toThrow(ConfigError);
  });

  it('should refuse a QUOTA_MAX_WAIT_MS that is not shorter than COGNITO_TIMEOUT_MS (the wait counts against the deadline)', () => {
    expect(() => loadConfig({ QUOTA_MAX_WAIT_MS: '5000', COGNITO_TIMEOUT_MS: '5000' })).toThrow(/QUOTA_MAX_WAIT_MS=5000 must be less than COGNITO_TIMEOUT_MS/);
    expect(loadConfig({ QUOTA_MAX_WAIT_MS: '4999', COGNITO_TIMEOUT_MS: '5000' }).quotas.maxWaitMs).toBe(4_999);
  });
});

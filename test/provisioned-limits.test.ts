/**
 * Cognito's provisioned limits, read at start-up (GetProvisionedLimit): each
 * quota category's limiter is sized from Cognito's answer, a category whose
 * answer does not come keeps its setting and start-up says so once, with a
 * short reason and never Cognito's message. AWS is out of reach here, so a
 * real HTTP stand-in (test/support/provisioned-stub.ts) answers
 * GetProvisionedLimit in front of the real emulator, which answers the rest.
 */
import { AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { LOOKUP_TIMEOUT_MS } from '../src/cognito/provisioned-limits.js';
import { loadConfig } from '../src/config.js';
import { graphql } from './gql/index.js';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';
import { ProvisionedStub } from './support/provisioned-stub.js';
import { claimsOf, mintToken, type AccessClaims } from './support/tokens.js';

const ProvisionedWrite = graphql(`
  mutation ProvisionedWrite($input: AdminUpdateUserAttributesInput!) {
    adminUpdateUserAttributes(input: $input) {
      user {
        username
      }
    }
  }
`);

let cognito: TestCognito;
let stub: ProvisionedStub;
/** alice (an administrator), her token re-issued for the stub's issuer. */
let admin: string;
const apps: { stop(): Promise<void> }[] = [];

/** Log lines a service wrote, parsed. */
function captureLogs(): { logger: pino.Logger; lines: Record<string, unknown>[]; text: () => string } {
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return {
    logger: pino({ level: 'info' }, stream),
    get lines() {
      return raw.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    text: () => raw.join('\n'),
  };
}

/** The service with COGNITO_ENDPOINT at the stub and the look-up on. */
async function startApp(env: Record<string, string>, logger = pino({ level: 'silent' })): Promise<TestApp> {
  const service = await startTestApp(cognito, { COGNITO_ENDPOINT: stub.endpoint, QUOTA_READ_PROVISIONED_LIMITS: 'true', ...env }, { logger });
  apps.push(service);
  return service;
}

/** One gauge sample from `/metrics`, undefined when absent. */
async function gauge(app: App, name: string, labels: Record<string, string>): Promise<number | undefined> {
  const text = await (await app.yoga.fetch('http://test/metrics')).text();
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
  return line === undefined ? undefined : Number(line.split(' ').pop());
}

async function createUser(): Promise<string> {
  const username = `pl-${randomUUID().slice(0, 8)}`;
  await cognito.sdk.send(new AdminCreateUserCommand({ UserPoolId: cognito.demo.userPoolId, Username: username, MessageAction: 'SUPPRESS' }));
  return username;
}

beforeAll(async () => {
  cognito = await startTestCognito();
  stub = await ProvisionedStub.start(cognito.endpoint);
  admin = await mintToken({ issuer: `${stub.endpoint}/${cognito.demo.userPoolId}`, claims: claimsOf(await cognito.tokens.tokenFor('alice')) as unknown as AccessClaims });
});
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
  stub.limits.clear();
  stub.asked.length = 0;
});
afterAll(async () => {
  await stub?.stop();
  await cognito?.stop();
});

describe('limits read from GetProvisionedLimit at start-up', () => {
  it('should size each category answered from its ProvisionedLimitValue, and show limit, source and headroom in the metrics', async () => {
    stub.limits.set('UserUpdate', { provisioned: 2, free: 25 });
    stub.limits.set('UserRead', { provisioned: 150, free: 120 });
    const user = await createUser();
    const service = await startApp({ QUOTA_MAX_WAIT_MS: '0', QUOTA_CALLER_SHARE_PERCENT: '100' });
    // Every category was asked, each once.
    expect([...stub.asked].sort()).toEqual(['UserList', 'UserPoolClientRead', 'UserPoolRead', 'UserPoolUpdate', 'UserRead', 'UserResourceRead', 'UserUpdate']);
    expect(service.app.services.quotas.limits.UserUpdate).toEqual({ perSecond: 2, source: 'provisioned' });
    expect(service.app.services.quotas.limits.UserList).toEqual({ perSecond: 30, source: 'setting' });

    const metrics = service.app;
    expect(await gauge(metrics, 'cognito_quota_limit_per_second', { category: 'UserUpdate', source: 'provisioned' })).toBe(2);
    expect(await gauge(metrics, 'cognito_quota_limit_per_second', { category: 'UserRead', source: 'provisioned' })).toBe(150);
    expect(await gauge(metrics, 'cognito_quota_limit_per_second', { category: 'UserList', source: 'setting' })).toBe(30);
    expect(await gauge(metrics, 'cognito_quota_limit_per_second', { category: 'UserUpdate', source: 'setting' })).toBeUndefined();
    expect(await gauge(metrics, 'cognito_quota_headroom', { category: 'UserUpdate' })).toBe(2);

    const write = await service.request(ProvisionedWrite, { input: { username: user, attributes: [{ name: 'custom:plan', value: 'p' }] } }, { token: admin });
    expect(write.errors).toBeUndefined();
    // One of the two spent, read at scrape time (the window lasts a second from that write).
    expect(await gauge(metrics, 'cognito_quota_headroom', { category: 'UserUpdate' })).toBe(1);
  });

  it('should answer LIMIT_EXCEEDED to the 3rd of three writes in a second of a provisioned 2/s, and never send it', async () => {
    stub.limits.set('UserUpdate', { provisioned: 2, free: 25 });
    const users = await Promise.all([createUser(), createUser(), createUser()]);
    const service = await startApp({ QUOTA_MAX_WAIT_MS: '0', QUOTA_CALLER_SHARE_PERCENT: '100' });
    // The administrator's standing and the pool's schema, read once before the writes.
    await service.request(ProvisionedWrite, { input: { username: users[0]!, attributes: [{ name: 'custom:plan', value: 'warm' }] } }, { token: admin });
    await sleep(1_100);
    const before = stub.count('AdminUpdateUserAttributes');
    const results = await Promise.all(
      users.map((username) => service.request(ProvisionedWrite, { input: { username, attributes: [{ name: 'custom:plan', value: 'p' }] } }, { token: admin })),
    );
    const refused = results.filter((r) => codes(r.errors).includes('LIMIT_EXCEEDED'));
    expect(refused).toHaveLength(1);
    expect(refused[0]?.errors?.[0]?.extensions?.retryAfter).toBe(1);
    expect(stub.count('AdminUpdateUserAttributes') - before).toBe(2);
  });

  it('should keep the settings of the categories Cognito refused, and say which and why in one warning, without its message', async () => {
    stub.limits.set('UserRead', { provisioned: 150, free: 120 });
    const logs = captureLogs();
    const service = await startApp({}, logs.logger);
    const { limits } = service.app.services.quotas;
    expect(limits.UserRead).toEqual({ perSecond: 150, source: 'provisioned' });
    expect(limits.UserUpdate).toEqual({ perSecond: 25, source: 'setting' });
    expect(limits.UserPoolClientRead).toEqual({ perSecond: 15, source: 'setting' });

    const warnings = logs.lines.filter((l) => l.level === 40 && String(l.msg).includes('come from their settings'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.fromSettings).toMatchObject({ UserUpdate: 'GetProvisionedLimit: access denied', UserPoolUpdate: 'GetProvisionedLimit: access denied' });
    expect(warnings[0]?.fromSettings).not.toHaveProperty('UserRead');
    expect(logs.lines.filter((l) => l.msg === 'quota limits per category')).toHaveLength(1);
    expect(logs.text()).not.toMatch(/secret-operator|arn:aws|not authorized to perform/);
  });

  it('should let an explicit setting lower than the provisioned rate cap it, and a higher one yield to it', async () => {
    stub.limits.set('UserUpdate', { provisioned: 40, free: 25 });
    stub.limits.set('UserRead', { provisioned: 150, free: 120 });
    const logs = captureLogs();
    const service = await startApp({ QUOTA_USER_UPDATE_PER_SECOND: '10', QUOTA_USER_READ_PER_SECOND: '500' }, logs.logger);
    expect(service.app.services.quotas.limits.UserUpdate).toEqual({ perSecond: 10, source: 'setting' });
    expect(service.app.services.quotas.limits.UserRead).toEqual({ perSecond: 150, source: 'provisioned' });
    const summary = logs.lines.find((l) => l.msg === 'quota limits per category');
    expect(summary?.fromSettings).toMatchObject({ UserUpdate: 'QUOTA_USER_UPDATE_PER_SECOND caps it below the provisioned 40/s' });
    expect(await gauge(service.app, 'cognito_quota_limit_per_second', { category: 'UserUpdate', source: 'setting' })).toBe(10);
  });

  it('should give up on a Cognito that does not answer within the look-up timeout and start on the settings', async () => {
    for (const category of ['UserRead', 'UserUpdate', 'UserResourceRead', 'UserPoolRead', 'UserPoolClientRead', 'UserPoolUpdate', 'UserList']) {
      stub.limits.set(category, 'hang');
    }
    const logs = captureLogs();
    const started = Date.now();
    const service = await startApp({}, logs.logger);
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(LOOKUP_TIMEOUT_MS - 100);
    expect(took).toBeLessThan(LOOKUP_TIMEOUT_MS + 3_000);
    expect(Object.values(service.app.services.quotas.limits).every((l) => l.source === 'setting')).toBe(true);
    const warning = logs.lines.find((l) => String(l.msg).includes('come from their settings'));
    expect(warning?.fromSettings).toMatchObject({ UserRead: 'GetProvisionedLimit: timed out', UserList: 'GetProvisionedLimit: timed out' });
    // Requests are served at once afterwards: the look-up is not in their path.
    const at = Date.now();
    expect((await service.request('query { userPool { id } }', {}, { token: admin })).errors).toBeUndefined();
    expect(Date.now() - at).toBeLessThan(1_000);
  });

  it('should not ask at all with QUOTA_READ_PROVISIONED_LIMITS=false', async () => {
    const service = await startApp({ QUOTA_READ_PROVISIONED_LIMITS: 'false' });
    expect(stub.asked).toEqual([]);
    expect(service.app.services.quotas.limits.UserRead).toEqual({ perSecond: 120, source: 'setting' });
  });
});

describe('the embedded emulator', () => {
  it('should fall back to the settings when asked to read provisioned limits there (no such operation), and log it once', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'provisioned-embedded-'));
    const logs = captureLogs();
    const app = await buildApp(loadConfig({ DATA_DIR: dataDir, PORT: '0', QUOTA_READ_PROVISIONED_LIMITS: 'true' }), { logger: logs.logger });
    try {
      expect(Object.values(app.services.quotas.limits).every((l) => l.source === 'setting')).toBe(true);
      const warnings = logs.lines.filter((l) => String(l.msg).includes('come from their settings'));
      expect(warnings).toHaveLength(1);
      expect(Object.values(warnings[0]?.fromSettings as Record<string, string>)).toEqual(Array(7).fill('GetProvisionedLimit: not supported by this endpoint'));
      // The emulator's own message stays out of the service's line.
      expect(JSON.stringify(warnings[0])).not.toMatch(/x-amz-target|Cognito Local/);
    } finally {
      await app.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('should not look up provisioned limits by default: on when talking to AWS, off for an emulator or the embedded default', () => {
    expect(loadConfig({}).quotas.readProvisionedLimits).toBe(false);
    expect(loadConfig({ COGNITO_USER_POOL_ID: 'eu-west-1_AbC123' }).quotas.readProvisionedLimits).toBe(true);
    expect(loadConfig({ COGNITO_USER_POOL_ID: 'eu-west-1_AbC123', COGNITO_ENDPOINT: 'http://127.0.0.1:9229' }).quotas.readProvisionedLimits).toBe(false);
    expect(loadConfig({ COGNITO_USER_POOL_ID: 'eu-west-1_AbC123', QUOTA_READ_PROVISIONED_LIMITS: 'false' }).quotas.readProvisionedLimits).toBe(false);
  });
});

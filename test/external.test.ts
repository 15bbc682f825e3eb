/**
 * Changes made outside the service (API.md, "Consistency"): made here at
 * the emulator directly with the SDK, as the AWS console, managed login or
 * an app calling Cognito would, they reach subscribers with `source:
 * EXTERNAL` — found by re-reading watched users and pools within
 * RECONCILE_READS_PER_SECOND (calls counted), and at once from a
 * CloudTrail-shaped event posted to `/events/cloudtrail` with the secret.
 * The service's own changes are never taken for outside ones.
 */
import { AdminCreateUserCommand, AdminDeleteUserAttributesCommand, AdminUpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { memorySnapshots, redisSnapshots } from '../src/changes/snapshots.js';
import { CLOUDTRAIL_PATH, CLOUDTRAIL_SECRET_HEADER } from '../src/plugins/use-cloudtrail.js';
import { graphql } from './gql/index.js';
import { until } from './support/until.js';
import { startTestApp, type TestApp } from './support/app.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';
import { subscribe, watchFeed, type Subscriber } from './support/subscribers.js';
import { claimsOf } from './support/tokens.js';

const ExternalMine = graphql(`
  subscription ExternalMine {
    myAttributesChanged {
      source
      cursor
      updated {
        name
        value
      }
      deleted
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

const ExternalUser = graphql(`
  subscription ExternalUser($username: String!) {
    userAttributesChanged(username: $username) {
      source
      updated {
        name
        value
      }
    }
  }
`);

const ExternalPool = graphql(`
  subscription ExternalPool {
    userPoolAttributesChanged {
      source
      user {
        username
      }
      updated {
        name
        value
      }
    }
  }
`);

const ExternalUpdateMine = graphql(`
  mutation ExternalUpdateMine($input: UpdateMyAttributesInput!) {
    updateMyAttributes(input: $input) {
      user {
        username
      }
    }
  }
`);

type Mine = ResultOf<typeof ExternalMine>['myAttributesChanged'];

let cognito: TestCognito;
let alice: string;
let bob: string;
const open: Subscriber<unknown>[] = [];
const track = <T>(subscriber: Subscriber<T>): Subscriber<T> => (open.push(subscriber as Subscriber<unknown>), subscriber);

beforeAll(async () => {
  cognito = await startTestCognito();
  alice = await cognito.tokens.tokenFor('alice');
  bob = await cognito.tokens.tokenFor('bob');
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.dispose()));
});
afterAll(async () => {
  await cognito?.stop();
});

const plan = (label: string) => `${label}-${randomUUID().slice(0, 6)}`;

/** Sets `username`'s attribute at the emulator itself: a change the service did not make. */
async function outsideSets(username: string, name: string, value: string): Promise<void> {
  await cognito.sdk.send(new AdminUpdateUserAttributesCommand({ UserPoolId: cognito.demo.userPoolId, Username: username, UserAttributes: [{ Name: name, Value: value }] }));
}

/** How many re-reads of `kind` `service` has made. */
async function reads(service: TestApp, kind: 'user' | 'page' | 'event'): Promise<number> {
  const metric = service.app.services.metrics.registry.getSingleMetric('reconcile_reads_total');
  return (await metric!.get()).values.find((v) => v.labels.kind === kind)?.value ?? 0;
}

/** Opens `subscriber` on `service` and waits until it listens and its users were first read (their snapshots taken). */
async function opened<T>(service: TestApp, make: () => Subscriber<T>, kind: 'user' | 'page' = 'user'): Promise<Subscriber<T>> {
  const watch = watchFeed(service.app);
  const before = await reads(service, kind);
  const subscriber = track(make());
  await watch.untilListening(1);
  watch.restore();
  await until(async () => (await reads(service, kind)) > before, 5_000, `a first ${kind} read`);
  // The read that was counted has been compared too.
  await sleep(100);
  return subscriber;
}

describe('re-reading watched users and pools', () => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(cognito, { RECONCILE_INTERVAL_MS: '300', RECONCILE_READS_PER_SECOND: '20' });
    await service.app.start();
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('should deliver a change made at Cognito directly as EXTERNAL to the user, an administrator of the user and of the pool, within the interval', async () => {
    const mine = await opened(service, () => subscribe('ws', service.app.url, bob, ExternalMine));
    const admin = await opened(service, () => subscribe('sse', service.app.url, alice, ExternalUser, { username: 'bob' }));
    const pool = await opened(service, () => subscribe('ws', service.app.url, alice, ExternalPool), 'page');

    const value = plan('outside');
    const started = Date.now();
    await outsideSets('bob', 'custom:plan', value);
    const event = (await mine.next(3_000)).data!.myAttributesChanged as Mine;
    const elapsed = Date.now() - started;
    expect(event.source).toBe('EXTERNAL');
    expect(event.updated).toEqual([{ name: 'custom:plan', value }]);
    expect(event.deleted).toEqual([]);
    expect(event.user.attributes).toContainEqual({ name: 'custom:plan', value });
    expect(event.cursor).toEqual(expect.any(String));
    // Within the interval (300 ms), its 50 ms ticks and the read itself.
    expect(elapsed).toBeLessThan(1_500);
    expect((await admin.next(3_000)).data!.userAttributesChanged).toEqual({ source: 'EXTERNAL', updated: [{ name: 'custom:plan', value }] });
    expect((await pool.next(3_000)).data!.userPoolAttributesChanged).toEqual({ source: 'EXTERNAL', user: { username: 'bob' }, updated: [{ name: 'custom:plan', value }] });

    // A deletion too; and every change once, however many re-reads and watchers saw it.
    await cognito.sdk.send(new AdminDeleteUserAttributesCommand({ UserPoolId: cognito.demo.userPoolId, Username: 'bob', UserAttributeNames: ['custom:plan'] }));
    const deletion = (await mine.next(3_000)).data!.myAttributesChanged as Mine;
    expect({ source: deletion.source, updated: deletion.updated, deleted: deletion.deleted }).toEqual({ source: 'EXTERNAL', updated: [], deleted: ['custom:plan'] });
    await admin.next(3_000);
    await pool.next(3_000);
    await sleep(1_000);
    for (const subscriber of [mine, admin, pool]) expect(subscriber.pending().filter((e) => e.kind === 'next')).toEqual([]);
  });

  it("should find an outside change of a user nobody watches alone by paging the pool (ListUsers) for the pool's watcher", async () => {
    const username = `paged-${randomUUID().slice(0, 8)}`;
    await cognito.sdk.send(new AdminCreateUserCommand({ UserPoolId: cognito.demo.userPoolId, Username: username, MessageAction: 'SUPPRESS' }));
    const pool = await opened(service, () => subscribe('ws', service.app.url, alice, ExternalPool), 'page');
    const value = plan('paged');
    await outsideSets(username, 'custom:plan', value);
    expect((await pool.next(3_000)).data!.userPoolAttributesChanged).toEqual({ source: 'EXTERNAL', user: { username }, updated: [{ name: 'custom:plan', value }] });
    // Only ListUsers found it: nobody watches that user alone.
    expect(service.sent.filter((call) => call.command === 'AdminGetUser' && call.input.Username === username)).toEqual([]);
    expect(service.sent.some((call) => call.command === 'ListUsers')).toBe(true);
    await sleep(800);
    expect(pool.pending().filter((e) => e.kind === 'next')).toEqual([]);
  });

  it('should never take a change made through the service for an outside one', async () => {
    const mine = await opened(service, () => subscribe('ws', service.app.url, bob, ExternalMine));
    const pool = await opened(service, () => subscribe('sse', service.app.url, alice, ExternalPool), 'page');
    for (let i = 0; i < 3; i++) {
      const value = plan(`self${i}`);
      const { errors } = await service.request(ExternalUpdateMine, { input: { attributes: [{ name: 'custom:plan', value }] } }, { token: bob });
      expect(errors).toBeUndefined();
      expect((await mine.next()).data!.myAttributesChanged).toMatchObject({ source: 'SELF', updated: [{ name: 'custom:plan', value }] });
      expect((await pool.next()).data!.userPoolAttributesChanged).toMatchObject({ source: 'SELF' });
    }
    const before = await reads(service, 'user');
    // Several intervals of re-reads: nothing more arrives.
    await sleep(1_500);
    expect(await reads(service, 'user')).toBeGreaterThan(before + 2);
    expect([...mine.pending(), ...pool.pending()].filter((e) => e.kind === 'next')).toEqual([]);
  });
});

describe('the read budget', () => {
  it('should re-read watched users no faster than RECONCILE_READS_PER_SECOND, and report the interval it achieves', { timeout: 30_000 }, async () => {
    const service = await startTestApp(cognito, { RECONCILE_INTERVAL_MS: '100', RECONCILE_READS_PER_SECOND: '5' });
    await service.app.start();
    try {
      const usernames: string[] = [];
      for (let i = 0; i < 10; i++) {
        const username = `budget-${randomUUID().slice(0, 8)}`;
        await cognito.sdk.send(new AdminCreateUserCommand({ UserPoolId: cognito.demo.userPoolId, Username: username, MessageAction: 'SUPPRESS' }));
        usernames.push(username);
      }
      const watch = watchFeed(service.app);
      for (const username of usernames) track(subscribe('ws', service.app.url, alice, ExternalUser, { username }));
      await watch.untilListening(usernames.length);
      watch.restore();
      await sleep(500);
      service.calls.length = 0;
      const windowMs = 4_000;
      await sleep(windowMs);
      const adminGetUsers = service.calls.filter((c) => c === 'AdminGetUser').length;
      // 5 a second, and at most one second's worth saved up.
      expect(adminGetUsers).toBeLessThanOrEqual(5 * (windowMs / 1_000) + 5);
      // And the budget is used: 10 users at 100 ms would want 100 a second.
      expect(adminGetUsers).toBeGreaterThanOrEqual(5 * (windowMs / 1_000) - 5);
      const interval = service.app.services.metrics.registry.getSingleMetric('reconcile_interval_seconds');
      // 10 users at 5 reads a second: each every 2 s.
      expect((await interval!.get()).values[0]!.value).toBe(2);
    } finally {
      await Promise.all(open.splice(0).map((s) => s.dispose()));
      await service.stop();
    }
  });
});

describe('instances sharing a Redis', () => {
  const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

  it.each([
    ['in memory', () => memorySnapshots()],
    ['in Redis', () => redisSnapshots(REDIS_URL, pino({ level: 'silent' }))],
  ])('should swap a snapshot %s only from what the swapper read: of two who saw one change, one publishes it', async (_where, make) => {
    const store = make();
    const pool = 'local_snapTest';
    const sub = randomUUID();
    try {
      expect(await store.swap(pool, sub, undefined, 'seen-first')).toBe(true);
      // A second instance that also found no snapshot is too late.
      expect(await store.swap(pool, sub, undefined, 'seen-first')).toBe(false);
      expect(await store.swap(pool, sub, 'seen-first', 'changed')).toBe(true);
      expect(await store.swap(pool, sub, 'seen-first', 'changed')).toBe(false);
      await store.put(pool, sub, 'through-the-service');
      expect(await store.swap(pool, sub, 'changed', 'stale')).toBe(false);
      expect(await store.getMany(pool, [sub, randomUUID()])).toEqual(['through-the-service', undefined]);
    } finally {
      await store.close();
    }
  });

  it('should publish an outside change once however many instances watch the user, within one shared read budget', { timeout: 30_000 }, async () => {
    const env = { REDIS_URL, RECONCILE_INTERVAL_MS: '200', RECONCILE_READS_PER_SECOND: '4' };
    const a = await startTestApp(cognito, env);
    const b = await startTestApp(cognito, env);
    await a.app.start();
    await b.app.start();
    try {
      const onA = await opened(a, () => subscribe('ws', a.app.url, bob, ExternalMine));
      const onB = await opened(b, () => subscribe('sse', b.app.url, bob, ExternalMine));
      const value = plan('shared');
      await outsideSets('bob', 'custom:plan', value);
      for (const subscriber of [onA, onB]) {
        const event = (await subscriber.next(3_000)).data!.myAttributesChanged as Mine;
        expect({ source: event.source, updated: event.updated }).toEqual({ source: 'EXTERNAL', updated: [{ name: 'custom:plan', value }] });
      }
      // Both instances re-read bob several times more: nobody hears of the change twice.
      a.calls.length = 0;
      b.calls.length = 0;
      const windowMs = 3_000;
      await sleep(windowMs);
      expect([...onA.pending(), ...onB.pending()].filter((e) => e.kind === 'next')).toEqual([]);
      const reads = [...a.calls, ...b.calls].filter((c) => c === 'AdminGetUser').length;
      // 4 a second for both instances together (each alone would spend 4), and one second saved up on each.
      expect(reads).toBeGreaterThanOrEqual(4);
      expect(reads).toBeLessThanOrEqual(4 * (windowMs / 1_000) + 8);
    } finally {
      await Promise.all(open.splice(0).map((s) => s.dispose()));
      await a.stop();
      await b.stop();
    }
  });
});

describe('CloudTrail events (EventBridge API destination)', () => {
  const SECRET = 'cloudtrail-secret-of-this-test-0123';
  let service: TestApp;
  beforeAll(async () => {
    // Re-reading once at subscribe (the snapshot), then not for an hour: only the event can tell.
    service = await startTestApp(cognito, { CLOUDTRAIL_SECRET: SECRET, RECONCILE_INTERVAL_MS: '3600000', RECONCILE_READS_PER_SECOND: '10' });
    await service.app.start();
  });
  afterAll(async () => {
    await service?.stop();
  });

  /** An EventBridge "AWS API Call via CloudTrail" event for `eventName` on bob, shaped as AWS documents it (the username hidden). */
  const cloudTrailEvent = (eventName: string) => ({
    version: '0',
    id: randomUUID(),
    'detail-type': 'AWS API Call via CloudTrail',
    source: 'aws.cognito-idp',
    account: '123456789012',
    time: new Date().toISOString(),
    region: 'us-east-1',
    resources: [],
    detail: {
      eventVersion: '1.08',
      userIdentity: { type: 'IAMUser', accountId: '123456789012' },
      eventTime: new Date().toISOString(),
      eventSource: 'cognito-idp.amazonaws.com',
      eventName,
      awsRegion: 'us-east-1',
      sourceIPAddress: '192.0.2.1',
      userAgent: 'aws-cli/2',
      requestParameters: { userPoolId: cognito.demo.userPoolId, username: 'HIDDEN_FOR_SECURITY_REASONS', userAttributes: 'HIDDEN_FOR_SECURITY_REASONS' },
      responseElements: null,
      additionalEventData: { sub: String(claimsOf(bob).sub) },
      eventID: randomUUID(),
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: '123456789012',
      eventCategory: 'Management',
    },
  });
  const post = (body: unknown, secret: string | null = SECRET) =>
    fetch(`${service.app.url}${CLOUDTRAIL_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret === null ? {} : { [CLOUDTRAIL_SECRET_HEADER]: secret }) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('should refuse an event without the secret or with another, and what is not an event', async () => {
    expect((await post(cloudTrailEvent('AdminUpdateUserAttributes'), null)).status).toBe(401);
    expect((await post(cloudTrailEvent('AdminUpdateUserAttributes'), '')).status).toBe(401);
    expect((await post(cloudTrailEvent('AdminUpdateUserAttributes'), `${SECRET}x`)).status).toBe(401);
    expect((await post('{not json')).status).toBe(400);
    expect((await post('[1,2]')).status).toBe(400);
    expect((await post('x'.repeat(300_000))).status).toBe(413);
    expect((await fetch(`${service.app.url}${CLOUDTRAIL_PATH}`)).status).toBe(405);
    // An event of another kind is accepted and changes nothing.
    expect(await (await post({ ...cloudTrailEvent('ListUsers') })).json()).toEqual({ rechecked: false });
  });

  it('should deliver an outside change at once from its CloudTrail event, once, and nothing for the service\'s own change', async () => {
    const mine = await opened(service, () => subscribe('ws', service.app.url, bob, ExternalMine));
    const value = plan('trail');
    await outsideSets('bob', 'custom:plan', value);
    // Without the event, nothing comes: the next re-read is an hour away.
    await sleep(500);
    expect(mine.pending()).toEqual([]);

    const response = await post(cloudTrailEvent('AdminUpdateUserAttributes'));
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ rechecked: true });
    const event = (await mine.next(2_000)).data!.myAttributesChanged as Mine;
    expect({ source: event.source, updated: event.updated }).toEqual({ source: 'EXTERNAL', updated: [{ name: 'custom:plan', value }] });

    // EventBridge delivers at least once: the same event again is no change.
    expect((await post(cloudTrailEvent('AdminUpdateUserAttributes'))).status).toBe(202);
    // A change made through the service shows in CloudTrail too: its event is no change either.
    const own = plan('own');
    const { errors } = await service.request(ExternalUpdateMine, { input: { attributes: [{ name: 'custom:plan', value: own }] } }, { token: bob });
    expect(errors).toBeUndefined();
    expect((await mine.next()).data!.myAttributesChanged).toMatchObject({ source: 'SELF' });
    expect((await post(cloudTrailEvent('UpdateUserAttributes'))).status).toBe(202);
    await sleep(500);
    expect(mine.pending().filter((e) => e.kind === 'next')).toEqual([]);
  });
});

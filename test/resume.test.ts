/**
 * Resuming a subscription with `after:` (API.md, "Consistency"): a client
 * that comes back with the `cursor` of the last change it received first
 * gets every later change it may see, in order and none twice, then goes on
 * live — over graphql-ws and SSE, on one instance (the in-memory log) and
 * across instances, instance restarts and a Redis restart (the Redis
 * streams). Real sockets, the real emulator, real Redis servers.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor, decodeCursor } from '../src/changes/cursor.js';
import { graphql } from './gql/index.js';
import { codes, freePort, startTestApp, type TestApp } from './support/app.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';
import { PrivateRedis } from './support/redis.js';
import { subscribe, watchFeed, type FeedWatch, type Subscriber } from './support/subscribers.js';

const ResumeMine = graphql(`
  subscription ResumeMine($after: String) {
    myAttributesChanged(after: $after) {
      cursor
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

const ResumePool = graphql(`
  subscription ResumePool($after: String) {
    userPoolAttributesChanged(after: $after) {
      cursor
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

const ResumeUser = graphql(`
  subscription ResumeUser($username: String!, $after: String) {
    userAttributesChanged(username: $username, after: $after) {
      cursor
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

const ResumeUpdateMine = graphql(`
  mutation ResumeUpdateMine($input: UpdateMyAttributesInput!) {
    updateMyAttributes(input: $input) {
      user {
        username
      }
    }
  }
`);

const ResumeAdminUpdate = graphql(`
  mutation ResumeAdminUpdate($input: AdminUpdateUserAttributesInput!) {
    adminUpdateUserAttributes(input: $input) {
      user {
        username
      }
    }
  }
`);

type Mine = ResultOf<typeof ResumeMine>['myAttributesChanged'];
type Pooled = ResultOf<typeof ResumePool>['userPoolAttributesChanged'];

let cognito: TestCognito;
let alice: string;
let bob: string;
const open: Subscriber<unknown>[] = [];
/** These tests make many changes of one user in a row: the per-user and per-caller shares of Cognito's rates are not what they test. */
const RATES = { QUOTA_PER_USER_READS_PER_SECOND: '1000', QUOTA_PER_USER_WRITES_PER_SECOND: '1000', QUOTA_CALLER_SHARE_PERCENT: '100' };
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

/** A fresh `custom:plan` value (1–32 characters). */
const plan = (label: string) => `${label}-${randomUUID().slice(0, 6)}`;

/** bob changes his own plan through `service`. */
async function bobSets(service: TestApp, value: string): Promise<void> {
  const { errors } = await service.request(ResumeUpdateMine, { input: { attributes: [{ name: 'custom:plan', value }] } }, { token: bob });
  expect(errors).toBeUndefined();
}

/** alice (an administrator) sets `username`'s plan through `service`. */
async function adminSets(service: TestApp, username: string, value: string): Promise<void> {
  const { errors } = await service.request(ResumeAdminUpdate, { input: { username, attributes: [{ name: 'custom:plan', value }] } }, { token: alice });
  expect(errors).toBeUndefined();
}

/** The plan values of the changes `subscriber` receives next, `count` of them. */
async function nextPlans<T>(subscriber: Subscriber<T>, pick: (data: T) => { updated: { name: string; value: string }[] }, count: number): Promise<string[]> {
  const plans: string[] = [];
  for (let i = 0; i < count; i++) {
    const { data, errors } = await subscriber.next();
    expect(errors).toBeUndefined();
    plans.push(pick(data!).updated.find((a) => a.name === 'custom:plan')?.value ?? '(none)');
  }
  return plans;
}

/** The `next` results that arrived and were not read: none is expected after a resume has caught up. */
const unread = (subscriber: Subscriber<unknown>) => subscriber.pending().filter((e) => e.kind === 'next');

const mine = (data: { myAttributesChanged: Mine }) => data.myAttributesChanged;
const pooled = (data: { userPoolAttributesChanged: Pooled }) => data.userPoolAttributesChanged;

describe('one instance (the in-memory log)', () => {
  let service: TestApp;
  let feed: FeedWatch;
  beforeAll(async () => {
    service = await startTestApp(cognito, RATES);
    await service.app.start();
    feed = watchFeed(service.app);
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.dispose()));
    await feed.untilAtMost(0);
  });
  afterAll(async () => {
    feed?.restore();
    await service?.stop();
  });

  /** Opens bob's own feed and waits until the service listens for it. */
  async function bobsFeed(transport: 'ws' | 'sse', after?: string) {
    const before = feed.listening;
    const subscriber = track(subscribe(transport, service.app.url, bob, ResumeMine, after ? { after } : {}));
    await feed.untilListening(before + 1);
    return subscriber;
  }

  describe.each(['ws', 'sse'] as const)('over %s', (transport) => {
    it('should deliver every change made while the client was away, in order and none twice, then go on live', async () => {
      const first = await bobsFeed(transport);
      const a = plan('a');
      await bobSets(service, a);
      const seen = await first.next();
      expect(mine(seen.data!).updated).toEqual([{ name: 'custom:plan', value: a }]);
      const cursor = mine(seen.data!).cursor;
      await first.dispose();
      await feed.untilAtMost(0);

      // The gap: bob's own changes, an administrator's change of bob, and alice's own change (not bob's).
      const [b, c, d] = [plan('b'), plan('c'), plan('d')];
      await bobSets(service, b);
      await adminSets(service, 'bob', c);
      await adminSets(service, 'alice', plan('not-bobs'));
      await bobSets(service, d);

      const resumed = await bobsFeed(transport, cursor);
      expect(await nextPlans(resumed, mine, 3)).toEqual([b, c, d]);
      const e = plan('e');
      await bobSets(service, e);
      expect(await nextPlans(resumed, mine, 1)).toEqual([e]);
      await sleep(300);
      expect(unread(resumed)).toEqual([]);
    });

    it('should answer CURSOR_EXPIRED for a cursor this service did not make, or from another run of it', async () => {
      for (const after of ['not-a-cursor', Buffer.from('[1,"x"]').toString('base64url'), 'x'.repeat(600)]) {
        const sub = track(subscribe(transport, service.app.url, bob, ResumeMine, { after }));
        expect(codes(await sub.nextError())).toEqual(['CURSOR_EXPIRED']);
      }
      const otherRun = encodeCursor('another-epoch', cognito.demo.userPoolId, { id: `${Date.now()}-0` });
      const old = track(subscribe(transport, service.app.url, bob, ResumeMine, { after: otherRun }));
      expect(codes(await old.nextError())).toEqual(['CURSOR_EXPIRED']);
    });
  });

  it("should give a user only their own changes from a pool cursor, and an administrator the pool's", async () => {
    const before = feed.listening;
    const pool = track(subscribe('ws', service.app.url, alice, ResumePool, {}));
    await feed.untilListening(before + 1);
    const start = plan('start');
    await adminSets(service, 'alice', start);
    const cursor = pooled((await pool.next()).data!).cursor;
    await pool.dispose();
    await feed.untilAtMost(0);

    const [alices, bobs] = [plan('alice'), plan('bob')];
    await adminSets(service, 'alice', alices);
    await bobSets(service, bobs);

    const bobResumes = await bobsFeed('ws', cursor);
    expect(await nextPlans(bobResumes, mine, 1)).toEqual([bobs]);
    const adminResumes = track(subscribe('ws', service.app.url, alice, ResumePool, { after: cursor }));
    expect(await nextPlans(adminResumes, pooled, 2)).toEqual([alices, bobs]);
    const userFeed = track(subscribe('sse', service.app.url, alice, ResumeUser, { username: 'bob', after: cursor }));
    expect(await nextPlans(userFeed, (d) => d.userAttributesChanged, 1)).toEqual([bobs]);
    await sleep(300);
    expect([...unread(bobResumes), ...unread(adminResumes), ...unread(userFeed)]).toEqual([]);
  });

  it('should answer CURSOR_EXPIRED once changes after the cursor are past FEED_RETENTION, and resume from one it still covers', async () => {
    const short = await startTestApp(cognito, { ...RATES, FEED_RETENTION: '24h,3' });
    await short.app.start();
    try {
      const watch = watchFeed(short.app);
      const sub = track(subscribe('ws', short.app.url, bob, ResumeMine, {}));
      await watch.untilListening(1);
      const plans = Array.from({ length: 5 }, (_, i) => plan(`r${i}`));
      for (const value of plans) await bobSets(short, value);
      const cursors: string[] = [];
      for (let i = 0; i < plans.length; i++) cursors.push(mine((await sub.next()).data!).cursor);
      // The log keeps the last three: after the first, the second is gone.
      const expired = track(subscribe('ws', short.app.url, bob, ResumeMine, { after: cursors[0]! }));
      expect(codes(await expired.nextError())).toEqual(['CURSOR_EXPIRED']);
      const covered = track(subscribe('sse', short.app.url, bob, ResumeMine, { after: cursors[1]! }));
      expect(await nextPlans(covered, mine, 3)).toEqual(plans.slice(2));
      watch.restore();
    } finally {
      await Promise.all(open.splice(0).map((s) => s.dispose()));
      await short.stop();
    }
  });
});

describe('instances sharing a Redis', () => {
  let redis: PrivateRedis;
  let dir: string;
  const apps: TestApp[] = [];
  const startInstance = async () => {
    const service = await startTestApp(cognito, { ...RATES, REDIS_URL: redis.url });
    apps.push(service);
    await service.app.start();
    return service;
  };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'resume-redis-'));
    redis = new PrivateRedis(await freePort(), dir);
    await redis.start();
  });
  afterAll(async () => {
    await Promise.all(open.splice(0).map((s) => s.dispose()));
    for (const service of apps.splice(0)) await service.stop();
    await redis?.kill();
    await rm(dir, { recursive: true, force: true });
  });

  /** Opens bob's own feed on `service` and waits until it listens. */
  async function bobsFeed(service: TestApp, transport: 'ws' | 'sse', after?: string) {
    const watch = watchFeed(service.app);
    const before = watch.listening;
    const subscriber = track(subscribe(transport, service.app.url, bob, ResumeMine, after ? { after } : {}));
    await watch.untilListening(before + 1);
    watch.restore();
    return subscriber;
  }

  it('should resume on another instance, and on an instance started after the change, with every change once', async () => {
    const a = await startInstance();
    const b = await startInstance();
    const first = await bobsFeed(a, 'ws');
    const start = plan('start');
    await bobSets(a, start);
    const cursor = mine((await first.next()).data!).cursor;
    await first.dispose();

    const gap = [plan('g1'), plan('g2')];
    await bobSets(b, gap[0]!);
    await adminSets(a, 'bob', gap[1]!);

    const onB = await bobsFeed(b, 'sse', cursor);
    expect(await nextPlans(onB, mine, 2)).toEqual(gap);
    // An instance that did not exist when the changes were made.
    const c = await startInstance();
    const onC = await bobsFeed(c, 'ws', cursor);
    expect(await nextPlans(onC, mine, 2)).toEqual(gap);
    const live = plan('live');
    await bobSets(c, live);
    expect(await nextPlans(onB, mine, 1)).toEqual([live]);
    expect(await nextPlans(onC, mine, 1)).toEqual([live]);
    await sleep(300);
    expect([...unread(onB), ...unread(onC)]).toEqual([]);
  });

  it('should deliver a change made while Redis is down to its own instance at once, to the others when Redis returns, and never twice; resuming meanwhile is UPSTREAM_UNAVAILABLE', { timeout: 60_000 }, async () => {
    const a = await startInstance();
    const b = await startInstance();
    const onA = await bobsFeed(a, 'ws');
    const onB = await bobsFeed(b, 'ws');
    const warm = plan('warm');
    await bobSets(a, warm);
    expect(await nextPlans(onA, mine, 1)).toEqual([warm]);
    expect(await nextPlans(onB, mine, 1)).toEqual([warm]);

    await redis.kill();
    const during = plan('during');
    await bobSets(a, during);
    // Its own instance's subscriber is not hostage to Redis.
    const provisional = await onA.next(3_000);
    expect(mine(provisional.data!).updated).toEqual([{ name: 'custom:plan', value: during }]);
    const provisionalCursor = mine(provisional.data!).cursor;
    expect(decodeCursor(provisionalCursor)?.pseq).toBeGreaterThan(0);
    await sleep(300);
    expect(unread(onB)).toEqual([]);
    // Resuming needs the log: while Redis is away that is UPSTREAM_UNAVAILABLE at once, not a hang.
    const tooSoon = track(subscribe('sse', b.app.url, bob, ResumeMine, { after: provisionalCursor }));
    expect(codes(await tooSoon.nextError(3_000))).toEqual(['UPSTREAM_UNAVAILABLE']);

    await redis.start();
    // The other instance hears of it once Redis is back; its own instance not a second time.
    expect(await nextPlans(onB, mine, 1)).toEqual([during]);
    const after = plan('after');
    await bobSets(b, after);
    expect(await nextPlans(onA, mine, 1)).toEqual([after]);
    expect(await nextPlans(onB, mine, 1)).toEqual([after]);

    // Resuming after the provisional change gives what came later, not it again.
    const resumed = await bobsFeed(b, 'sse', provisionalCursor);
    expect(await nextPlans(resumed, mine, 1)).toEqual([after]);
    await sleep(300);
    expect([...unread(onA), ...unread(onB), ...unread(resumed)]).toEqual([]);
  });
});

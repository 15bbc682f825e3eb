/**
 * The subscription stream (src/changes/delivery.ts `changeStream`), one
 * object per subscriber since issue 15 took it off Repeater (about 2 KiB
 * less per open subscription). What a Repeater promised its consumers, and
 * what the end-to-end tests rely on without being able to provoke each case:
 *
 * - a stream never read opens nothing (no listener, no slot);
 * - views pushed before a stop are delivered, then the stop's error;
 * - what the stream opened is let go when it ends, before the consumer sees
 *   the end, however it ends;
 * - a push settles when the consumer comes back for the next value (the pace
 *   of a replay), and a consumer more than MAX_QUEUED_EVENTS behind is ended
 *   with LIMIT_EXCEEDED after the views it had;
 * - MAX_SUBSCRIPTIONS_PER_USER refuses the stream at its first read.
 *
 * The feed, the re-checks and the shutdown are small stand-ins here: the
 * stream's own order of things is what is tested (the real pieces, over
 * sockets, in test/subscriptions.test.ts, test/resume.test.ts and
 * test/revocation.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Lost } from '../src/auth/authority.js';
import type { Caller } from '../src/auth/tokens.js';
import { changeStream, type ChangeView, type FeedSubscription } from '../src/changes/delivery.js';
import type { ChangeListener, FeedEntry } from '../src/changes/feed.js';
import type { Context } from '../src/context.js';
import { PerUserCount } from '../src/server/holds.js';

const caller: Caller = {
  username: 'bob',
  sub: 'sub-bob',
  userPoolId: 'us-east-1_Stream',
  clientId: 'client',
  groups: [],
  isAdmin: false,
  scope: 'aws.cognito.signin.user.admin',
  accessToken: 'token',
  expiresAt: new Date(Date.now() + 3_600_000),
};

let seq = 0;
/** A feed entry of a change to bob's `custom:plan`. */
function entry(plan: string): FeedEntry {
  seq += 1;
  return {
    id: `${seq}-0`,
    cursor: `cursor-${seq}`,
    event: {
      origin: 'test',
      eventId: `event-${seq}`,
      userPoolId: caller.userPoolId,
      username: caller.username,
      sub: caller.sub,
      user: { username: caller.username, sub: caller.sub, userPoolId: caller.userPoolId, attributes: [{ name: 'custom:plan', value: plan }] },
      updated: [{ name: 'custom:plan', value: plan }],
      deleted: [],
      source: 'SELF',
      occurredAt: new Date().toISOString(),
    },
  };
}

/** One stream on stand-ins that record what it holds. */
function open(options: { maxQueuedEvents?: number; maxSubscriptions?: number } = {}) {
  const held = { listeners: 0, watchers: 0, rechecks: 0, shutdownHooks: 0, metrics: 0 };
  let listener: ChangeListener | undefined;
  let lost: ((what: Lost) => void) | undefined;
  let onShutdown: (() => void) | undefined;
  const subscriptions = new PerUserCount(options.maxSubscriptions ?? 10);
  const context = {
    caller,
    viaSocket: false,
    services: {
      metrics: {
        subscriptionOpened: () => {
          held.metrics += 1;
          return () => void (held.metrics -= 1);
        },
      },
      shutdown: {
        onStop: (hook: () => void) => {
          held.shutdownHooks += 1;
          onShutdown = hook;
          return () => void (held.shutdownHooks -= 1);
        },
      },
      subscriptions,
      maxQueuedEvents: options.maxQueuedEvents ?? 100,
      rechecks: {
        watch: (_caller: Caller, _needsAdmin: boolean, tell: (what: Lost) => void) => {
          held.rechecks += 1;
          lost = tell;
          return () => void (held.rechecks -= 1);
        },
      },
    },
  } as unknown as Context;
  const feed: FeedSubscription = {
    field: 'myAttributesChanged',
    audience: 'all',
    listen: (l) => {
      held.listeners += 1;
      listener = l;
      return () => void (held.listeners -= 1);
    },
    watch: () => {
      held.watchers += 1;
      return () => void (held.watchers -= 1);
    },
  };
  const stream = changeStream(context, feed);
  return {
    stream,
    held,
    subscriptions,
    /** What the feed does with a change: hands it to the stream's listener. */
    push: (e: FeedEntry) => listener!(e) as Promise<void> | undefined,
    lose: (what: Lost) => lost!(what),
    shutDown: () => onShutdown!(),
    /** How many subscriptions bob still holds. */
    slotsTaken: () => {
      // Bob holds k of the max: exactly max − k more can be taken.
      const releases: (() => void)[] = [];
      for (let r = subscriptions.take(caller); r; r = subscriptions.take(caller)) releases.push(r);
      for (const release of releases) release();
      return subscriptions.max - releases.length;
    },
  };
}

const plan = (result: IteratorResult<ChangeView>) => (result.done ? 'done' : result.value.updated[0]?.value);
const settledYet = async (promise: Promise<unknown> | undefined) => {
  let settled = false;
  void promise?.then(() => (settled = true));
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
};

describe('a subscription stream', () => {
  it('should open nothing until it is first read, and nothing at all when it is returned unread', async () => {
    const s = open();
    expect(s.held).toEqual({ listeners: 0, watchers: 0, rechecks: 0, shutdownHooks: 0, metrics: 0 });
    expect(s.slotsTaken()).toBe(0);
    expect(await s.stream.return!()).toEqual({ value: undefined, done: true });
    expect(s.held).toEqual({ listeners: 0, watchers: 0, rechecks: 0, shutdownHooks: 0, metrics: 0 });
    expect(await s.stream.next()).toEqual({ value: undefined, done: true });
  });

  it('should deliver what was pushed, in order, to a consumer waiting or coming later', async () => {
    const s = open();
    const first = s.stream.next();
    expect(s.held).toEqual({ listeners: 1, watchers: 1, rechecks: 1, shutdownHooks: 1, metrics: 1 });
    expect(s.slotsTaken()).toBe(1);
    s.push(entry('a'));
    s.push(entry('b'));
    s.push(entry('c'));
    expect(plan(await first)).toBe('a');
    expect(plan(await s.stream.next())).toBe('b');
    expect(plan(await s.stream.next())).toBe('c');
  });

  it('should deliver every view pushed before a stop, then throw the stop’s error, with all it held let go first', async () => {
    const s = open();
    const first = s.stream.next();
    s.push(entry('a'));
    s.push(entry('b'));
    s.lose('admin'); // Cognito says the caller lost the admin authority: FORBIDDEN
    s.push(entry('after the stop')); // never delivered
    expect(plan(await first)).toBe('a');
    expect(plan(await s.stream.next())).toBe('b');
    await expect(s.stream.next()).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(s.held).toEqual({ listeners: 0, watchers: 0, rechecks: 0, shutdownHooks: 0, metrics: 0 });
    expect(s.slotsTaken()).toBe(0);
    expect(await s.stream.next()).toEqual({ value: undefined, done: true });
  });

  it('should end a consumer waiting for a view when the service stops, having let go of everything', async () => {
    const s = open();
    const waiting = s.stream.next();
    s.shutDown();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(s.held).toEqual({ listeners: 0, watchers: 0, rechecks: 0, shutdownHooks: 0, metrics: 0 });
    expect(s.slotsTaken()).toBe(0);
  });

  it('should let go of everything, and drop what was not delivered, when the consumer returns', async () => {
    const s = open();
    const first = s.stream.next();
    s.push(entry('a'));
    s.push(entry('b'));
    expect(plan(await first)).toBe('a');
    expect(await s.stream.return!()).toEqual({ value: undefined, done: true });
    expect(s.held).toEqual({ listeners: 0, watchers: 0, rechecks: 0, shutdownHooks: 0, metrics: 0 });
    expect(s.slotsTaken()).toBe(0);
    expect(await s.stream.next()).toEqual({ value: undefined, done: true });
  });

  it('should settle a push only when the consumer comes back for the next value (the pace of a replay)', async () => {
    const s = open();
    const first = s.stream.next();
    const pushedA = s.push(entry('a'));
    const pushedB = s.push(entry('b'));
    expect(plan(await first)).toBe('a');
    // Delivered, but not yet taken: the consumer has not asked for more.
    expect(await settledYet(pushedA)).toBe(false);
    const second = s.stream.next();
    expect(await settledYet(pushedA)).toBe(true);
    expect(plan(await second)).toBe('b');
    expect(await settledYet(pushedB)).toBe(false);
    void s.stream.next();
    expect(await settledYet(pushedB)).toBe(true);
  });

  it('should end a consumer more than MAX_QUEUED_EVENTS behind with LIMIT_EXCEEDED, after the views it had', async () => {
    const s = open({ maxQueuedEvents: 2 });
    const first = s.stream.next();
    s.push(entry('a')); // delivered to the waiting consumer, not yet taken: 1 queued
    s.push(entry('b')); // 2 queued
    expect(s.push(entry('c'))).toBeUndefined(); // a third: the stream ends
    expect(plan(await first)).toBe('a');
    expect(plan(await s.stream.next())).toBe('b');
    await expect(s.stream.next()).rejects.toMatchObject({ extensions: { code: 'LIMIT_EXCEEDED' } });
    expect(s.slotsTaken()).toBe(0);
  });

  it('should refuse a stream beyond MAX_SUBSCRIPTIONS_PER_USER with LIMIT_EXCEEDED at its first read, holding nothing', async () => {
    const s = open({ maxSubscriptions: 1 });
    const taken = s.subscriptions.take(caller)!; // bob's one subscription elsewhere
    await expect(s.stream.next()).rejects.toMatchObject({ extensions: { code: 'LIMIT_EXCEEDED' } });
    expect(s.held).toEqual({ listeners: 0, watchers: 0, rechecks: 0, shutdownHooks: 0, metrics: 0 });
    taken();
    expect(s.slotsTaken()).toBe(0);
  });
});

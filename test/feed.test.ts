/**
 * The change feed's fan-out (src/changes/feed.ts), in one process: a topic's
 * subscribers get each change exactly once and in order, a large fan-out goes
 * out in slices that let the rest of the process run in between (one user's
 * 20,000 subscriptions used to hold the event loop for a whole change), and
 * one subscriber leaving or failing touches no other.
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION } from '../src/config.js';
import { createChangeFeed, FANOUT_SLICE, type ChangeFeedOptions, type FeedEntry, type NewChange } from '../src/changes/feed.js';
import { until } from './support/until.js';

const logger = pino({ level: 'silent' });
const options: ChangeFeedOptions = { logger, poolIds: ['local_pool1'], retention: DEFAULT_RETENTION, maxOutbox: 100, maxHeld: 100 };

const change = (value: string): NewChange => ({
  userPoolId: 'local_pool1',
  username: 'bob',
  sub: 'sub-bob',
  user: { username: 'bob', sub: 'sub-bob', userPoolId: 'local_pool1', attributes: [{ name: 'custom:plan', value }] },
  updated: [{ name: 'custom:plan', value }],
  deleted: [],
  source: 'SELF',
  occurredAt: new Date().toISOString(),
});

describe('the change feed', () => {
  it('should hand a change to thousands of subscribers of one topic in slices, each exactly once and in order', async () => {
    const feed = createChangeFeed(options);
    const subscribers = FANOUT_SLICE * 8;
    const received: string[][] = Array.from({ length: subscribers }, () => []);
    let calls = 0;
    const stops = received.map((seen) =>
      feed.listenUser('local_pool1', 'sub-bob', ({ event }) => {
        calls += 1;
        seen.push(event.updated[0]!.value);
      }),
    );

    feed.publish(change('first'));
    feed.publish(change('second'));
    // Other work queued behind the publish runs before the fan-out is over.
    let callsWhenOtherWorkRan = -1;
    setImmediate(() => (callsWhenOtherWorkRan = calls));
    await until(() => calls === subscribers * 2, 5_000, 'every subscriber to have both changes', 5);

    expect(callsWhenOtherWorkRan).toBeGreaterThanOrEqual(FANOUT_SLICE);
    expect(callsWhenOtherWorkRan).toBeLessThan(subscribers * 2);
    for (const seen of received) expect(seen).toEqual(['first', 'second']);
    for (const stop of stops) stop();
    await feed.close();
  });

  it('should hand a change to a few subscribers at once, within the publish', async () => {
    const feed = createChangeFeed(options);
    const seen: string[] = [];
    const stop = feed.listenPool('local_pool1', ({ event }) => seen.push(event.updated[0]!.value));
    feed.publish(change('now'));
    expect(seen).toEqual(['now']);
    stop();
    await feed.close();
  });

  it('should stop a subscriber that leaves, keep the others, and survive one that throws', async () => {
    const feed = createChangeFeed(options);
    const seen = { a: [] as string[], b: [] as string[] };
    const stopA = feed.listenUser('local_pool1', 'sub-bob', ({ event }) => seen.a.push(event.updated[0]!.value));
    const stopFailing = feed.listenUser('local_pool1', 'sub-bob', () => {
      throw new Error('a subscriber that fails');
    });
    const stopB = feed.listenUser('local_pool1', 'sub-bob', ({ event }) => seen.b.push(event.updated[0]!.value));
    feed.publish(change('one'));
    stopA();
    stopA(); // twice: no harm
    feed.publish(change('two'));
    stopB();
    stopFailing();
    feed.publish(change('three'));
    // The topic has no subscriber left; a new one starts from the next change.
    const late: string[] = [];
    const stopLate = feed.listenUser('local_pool1', 'sub-bob', ({ event }) => late.push(event.updated[0]!.value));
    feed.publish(change('four'));
    expect(seen).toEqual({ a: ['one'], b: ['one', 'two'] });
    expect(late).toEqual(['four']);
    stopLate();
    await feed.close();
  });

  it('should give every subscriber of a topic the same entry object, and other instances only what they did not publish', async () => {
    const feed = createChangeFeed(options);
    const events: FeedEntry[] = [];
    const stops = [1, 2, 3].map(() => feed.listenPool('local_pool1', (entry) => events.push(entry)));
    const elsewhere: unknown[] = [];
    const stopWatching = feed.watchOthers(['local_pool1'], (event) => elsewhere.push(event));
    feed.publish(change('shared'));
    expect(events).toHaveLength(3);
    expect(new Set(events).size).toBe(1);
    expect(elsewhere).toEqual([]);
    for (const stop of [...stops, stopWatching]) stop();
    await feed.close();
  });

  it('should replay from a cursor while changes keep arriving, handing each later change once and in order', async () => {
    const feed = createChangeFeed(options);
    const cursors: string[] = [];
    const stopFirst = feed.listenPool('local_pool1', (entry) => cursors.push(entry.cursor));
    for (const value of ['v0', 'v1', 'v2', 'v3']) feed.publish(change(value));
    stopFirst();
    const after = await feed.checkCursor('local_pool1', cursors[0]!);
    const seen: string[] = [];
    // A consumer that takes each change a little later: the replay waits for it, and live changes arrive meanwhile.
    const stop = feed.listenPool(
      'local_pool1',
      ({ event }) => {
        seen.push(event.updated[0]!.value);
        return new Promise((resolve) => setTimeout(resolve, 5));
      },
      { after },
    );
    feed.publish(change('v4'));
    await new Promise((resolve) => setTimeout(resolve, 7));
    feed.publish(change('v5'));
    await until(() => seen.length >= 5, 5_000, 'five changes', 5);
    feed.publish(change('v6'));
    await until(() => seen.length >= 6, 5_000, 'six changes', 5);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(seen).toEqual(['v1', 'v2', 'v3', 'v4', 'v5', 'v6']);
    stop();
    await feed.close();
  });

  it('should end a replay with LIMIT_EXCEEDED when more than MAX_QUEUED_EVENTS arrive while it catches up', async () => {
    const feed = createChangeFeed({ ...options, maxHeld: 2 });
    const cursors: string[] = [];
    const stopFirst = feed.listenPool('local_pool1', (entry) => cursors.push(entry.cursor));
    feed.publish(change('v0'));
    feed.publish(change('v1'));
    stopFirst();
    const errors: unknown[] = [];
    let release: () => void = () => {};
    feed.listenPool('local_pool1', () => new Promise<void>((resolve) => (release = resolve)), {
      after: await feed.checkCursor('local_pool1', cursors[0]!),
      onError: (error) => errors.push(error),
    });
    for (const value of ['v2', 'v3', 'v4']) feed.publish(change(value));
    expect(errors.map((e) => (e as { extensions?: { code?: string } }).extensions?.code)).toEqual(['LIMIT_EXCEEDED']);
    release();
    await feed.close();
  });
});

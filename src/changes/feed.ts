/**
 * The feed of attribute changes: an ordered log per pool that every change
 * is appended to once, and that every subscriber follows — live, or first
 * from a cursor (`after:`) it held before a reconnect.
 *
 * - **The log.** Without `REDIS_URL`, a bounded in-memory log for one
 *   process ({@link memoryLog}); with it, one Redis stream per pool shared by
 *   every instance (src/changes/redis-log.ts), which keeps what an instance
 *   publishes while Redis is away in an outbox and appends it when Redis
 *   returns. Both keep `FEED_RETENTION` (an age and a count); a cursor the
 *   log no longer covers is CURSOR_EXPIRED, never a silent gap.
 * - **Following from a cursor.** A subscriber that resumes is registered
 *   live first (what arrives meanwhile is held, up to MAX_QUEUED_EVENTS),
 *   then reads the log after its cursor page by page, taking each entry as
 *   its consumer takes the previous one, then takes what was held: every
 *   later change it may see, in order, none twice (an entry at or before the
 *   last one it had is skipped).
 * - **Fan-out.** However many subscribers a topic has (`user:<pool>:<sub>`,
 *   `pool:<pool>`), the feed keeps them in a Set and hands an entry to them
 *   in slices of {@link FANOUT_SLICE}, yielding to the event loop between
 *   slices, so a large fan-out never stalls the other requests.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { UserAttribute, UserRecord } from '../cognito/users.js';
import type { Retention } from '../config.js';
import { contractError, ErrorCode, isExpected } from '../errors.js';
import { compareIds, cursorExpired, decodeCursor, encodeCursor, idTime, START_ID, type Cursor } from './cursor.js';
import { redisLog, type DropReason } from './redis-log.js';
import type { PendingJson } from './pending.js';

/** Who made a change: the user, an administrator, or someone outside the service (seen by reconciliation or CloudTrail). */
export type ChangeSource = 'SELF' | 'ADMIN' | 'EXTERNAL';

/**
 * A change as it travels between instances: plain JSON (dates as ISO
 * strings), carrying the administrator's view of the user after the change,
 * so fan-out needs no Cognito call per subscriber.
 */
export interface AttributeChangeEvent {
  /** The instance that published it ({@link ChangeFeed.publish} sets it). */
  origin: string;
  /** This change's own id (an outbox re-sending it is recognised by it). */
  eventId: string;
  /** Set when it waited in its instance's outbox (Redis was away): its place there. */
  pseq?: number;
  userPoolId: string;
  username: string;
  sub: string;
  /** The user after the change, as AdminGetUser shows them. */
  user: Omit<UserRecord, 'admin' | 'pending'> & {
    admin?: { status: string; enabled: boolean; createdAt: string | null; updatedAt: string | null };
  };
  updated: UserAttribute[];
  deleted: string[];
  /** The changes this one left waiting for a code (absent: none, or not known). */
  pending?: PendingJson[];
  /** Every change of the user waiting for a code after this one (absent: not known; read when asked for). */
  pendingChanges?: PendingJson[];
  source: ChangeSource;
  /** ISO-8601. */
  occurredAt: string;
}

/** What a caller publishes: the feed adds the rest. */
export type NewChange = Omit<AttributeChangeEvent, 'origin' | 'eventId' | 'pseq'>;

/** One change in one pool's log, as every subscriber of it receives it (the same object: read-only). */
export interface FeedEntry {
  readonly event: AttributeChangeEvent;
  /** Its id in the log; for a provisional entry, the id of the last entry before it. */
  readonly id: string;
  /** Delivered by its own instance before Redis had it (an outage). */
  readonly provisional?: boolean;
  /** What a subscriber passes as `after:` to resume after it. */
  readonly cursor: string;
}

/** Called with each entry; may return the promise of its being taken (replay waits for it). What it throws is logged. */
export type ChangeListener = (entry: FeedEntry) => unknown;

/** How a listener follows its topic. */
export interface ListenOptions {
  /** Resume after this cursor (checked with {@link ChangeFeed.checkCursor}) before going live. */
  after?: Cursor;
  /** Told when the replay fails (the cursor expired meanwhile, Redis could not be read, or too much arrived while replaying). */
  onError?: (error: unknown) => void;
}

/** Publishes and follows attribute changes. */
export interface ChangeFeed {
  /** Appends one change to its pool's log: every subscriber of its user and pool, on every instance, receives it once. */
  publish(change: NewChange): void;
  /** Calls `listener` with every change of one user until the returned function is called. */
  listenUser(userPoolId: string, sub: string, listener: ChangeListener, options?: ListenOptions): () => void;
  /** Calls `listener` with every change in one pool; see {@link ChangeFeed.listenUser}. */
  listenPool(userPoolId: string, listener: ChangeListener, options?: ListenOptions): () => void;
  /** Calls `listener` with every change in `poolIds` published by another instance (for caches to forget). */
  watchOthers(poolIds: readonly string[], listener: (event: AttributeChangeEvent) => void): () => void;
  /** The cursor `text` decoded, when the log still holds every change after it in `userPoolId`; CURSOR_EXPIRED otherwise. */
  checkCursor(userPoolId: string, text: string): Promise<Cursor>;
  /** Resolves once the feed follows every pool's log; what is published before waits for it. */
  ready(): Promise<void>;
  /** False while the shared log (Redis) is unreachable. */
  isHealthy(): boolean;
  close(): Promise<void>;
}

/** Turns a record into the event's JSON shape. */
export function toEventUser(user: UserRecord): AttributeChangeEvent['user'] {
  const { admin, pending: _known, ...rest } = user;
  if (!admin) return rest;
  return {
    ...rest,
    admin: {
      status: admin.status,
      enabled: admin.enabled,
      createdAt: admin.createdAt?.toISOString() ?? null,
      updatedAt: admin.updatedAt?.toISOString() ?? null,
    },
  };
}

/** Turns the event's JSON shape back into a record. */
export function fromEventUser(user: AttributeChangeEvent['user']): UserRecord {
  const { admin, ...rest } = user;
  if (!admin) return rest;
  return {
    ...rest,
    admin: {
      status: admin.status,
      enabled: admin.enabled,
      createdAt: admin.createdAt ? new Date(admin.createdAt) : null,
      updatedAt: admin.updatedAt ? new Date(admin.updatedAt) : null,
    },
  };
}

/**
 * Subscribers handed an event in one turn of the event loop; the rest wait
 * for the next turns. Their sends run in that turn: 32 of one user's widest
 * subscriptions are under 2 MB of output, a few ms (500 were 90 ms of a stalled
 * loop for everyone else, in the abuse benchmark).
 */
export const FANOUT_SLICE = 32;

/** A failure to read the log (Redis away) as the contract's UPSTREAM_UNAVAILABLE; contract errors as they are. */
function unreadable(error: unknown) {
  return isExpected(error) ? error : contractError(ErrorCode.UPSTREAM_UNAVAILABLE, 'The change feed cannot be read right now; subscribe again in a moment.');
}

/** How long an entry delivered or replayed is handed to the next replays as the same object. */
const SHARE_MS = 5_000;

/** Entries read from the log at once while replaying. */
export const REPLAY_PAGE = 200;

/** The log under the feed: appends, hands each entry to `deliver` in order, and reads back. */
export interface FeedLog {
  /** Starts handing entries, in each pool's order, to `deliver`. */
  start(deliver: (entry: FeedEntry) => void): void;
  /** Resolves once the log follows every pool (Redis: it knows where each log ends). */
  ready(): Promise<void>;
  append(event: AttributeChangeEvent): void;
  /** Throws CURSOR_EXPIRED unless every entry after `cursor` is still held. */
  check(cursor: Cursor): Promise<void>;
  /** The entries after `afterId`, in order, from a page of at most `limit`; `next` is where the next page starts when there may be one. */
  range(userPoolId: string, afterId: string, limit: number): Promise<{ entries: FeedEntry[]; next?: string }>;
  isHealthy(): boolean;
  close(): Promise<void>;
}

/** How the feed is made. */
export interface ChangeFeedOptions {
  /** Keep the log in this Redis, shared by every instance; unset: in this process only. */
  redisUrl?: string;
  /** With Redis: sign each entry, and drop every entry without this secret's signature. */
  secret?: string;
  /** The pools whose logs this instance follows. */
  poolIds: readonly string[];
  retention: Retention;
  /** With Redis: changes kept while Redis is away, at most. */
  maxOutbox: number;
  /** Entries held for one resuming subscriber while it replays, at most (MAX_QUEUED_EVENTS). */
  maxHeld: number;
  logger: Logger;
  /** Told of each entry from Redis that was dropped, and why (metrics). */
  onDropped?: (reason: DropReason) => void;
  /** Told of each change that could not be kept because the outbox was full (metrics). */
  onLost?: () => void;
}

/** One entry on its way to the subscribers its topic had when it arrived. */
interface Delivery {
  entry: FeedEntry;
  listeners: TopicSubscriber[];
  next: number;
}

/** What every subscriber of one feed shares. */
interface Topics {
  /** topic → its subscribers. */
  readonly byTopic: Map<string, Topic>;
  readonly logger: Logger;
  /** What a replaying subscriber may hold of what arrives live (MAX_QUEUED_EVENTS). */
  readonly maxHeld: number;
}

/**
 * One topic's subscribers, and its name: each subscriber keeps this, not its
 * own copy of the name (a rope of four strings, ~0.3 KiB, made per listen).
 */
interface Topic {
  readonly name: string;
  readonly subscribers: Set<TopicSubscriber>;
}

/**
 * One listener of a topic and where it stands in it. Kept as long as it
 * listens: the fields of one object and methods, not a closure scope and
 * its four closures (about 0.4 KiB of every subscriber).
 */
class TopicSubscriber {
  stopped = false;
  /** Made when first needed: most subscribers never have a provisional entry. */
  provisionalSeen: Set<string> | undefined = undefined;

  constructor(
    private readonly topics: Topics,
    readonly topic: Topic,
    private readonly listener: ChangeListener,
    private readonly onError: ((error: unknown) => void) | undefined,
    /** The last log entry this subscriber had (the provisional ones it had past it are {@link provisionalSeen}). */
    private lastId: string,
    /** The origin and sequence of the last provisional change a resumed subscriber had, from its cursor. */
    private readonly skip: { origin: string; pseq: number } | undefined,
    /** While replaying, what arrives live is held, then taken after the replay. */
    public held: FeedEntry[] | null,
  ) {}

  accept(entry: FeedEntry): unknown {
    const { event } = entry;
    const key = event.pseq === undefined ? undefined : `${event.origin}:${event.pseq}`;
    if (entry.provisional) {
      if (key === undefined || this.provisionalSeen?.has(key)) return undefined;
      (this.provisionalSeen ??= new Set()).add(key);
      return this.#safely(entry);
    }
    if (compareIds(entry.id, this.lastId) <= 0) return undefined;
    this.lastId = entry.id;
    const { skip } = this;
    if (key !== undefined && (this.provisionalSeen?.delete(key) || (skip && event.origin === skip.origin && event.pseq! <= skip.pseq))) return undefined;
    return this.#safely(entry);
  }

  fail(error: unknown): void {
    if (this.stopped) return;
    this.held = null;
    this.stop();
    this.onError?.(error);
  }

  /** What the topic delivers to. */
  own(entry: FeedEntry): void {
    const { held } = this;
    if (!held) return void this.accept(entry);
    const { maxHeld } = this.topics;
    if (held.length >= maxHeld) {
      this.fail(contractError(ErrorCode.LIMIT_EXCEEDED, `More than ${maxHeld} changes arrived while this subscription caught up (MAX_QUEUED_EVENTS); subscribe again.`));
      return;
    }
    held.push(entry);
  }

  stop(): void {
    this.stopped = true;
    const { byTopic } = this.topics;
    const { name, subscribers } = this.topic;
    if (!subscribers.delete(this) || subscribers.size > 0 || byTopic.get(name) !== this.topic) return;
    byTopic.delete(name);
  }

  /** Calls the listener; what it returns (the promise of its being taken) only a replay waits for. */
  #safely(entry: FeedEntry): unknown {
    try {
      return this.listener(entry);
    } catch (error) {
      this.topics.logger.error({ err: error }, 'a change listener failed');
      return undefined;
    }
  }
}

/** Creates the feed: in-memory without `redisUrl`, in Redis with it. */
export function createChangeFeed(options: ChangeFeedOptions): ChangeFeed {
  const { logger } = options;
  const origin = randomUUID();
  const log: FeedLog = options.redisUrl
    ? redisLog(options.redisUrl, {
        logger,
        poolIds: options.poolIds,
        retention: options.retention,
        maxOutbox: options.maxOutbox,
        onDropped: (reason) => options.onDropped?.(reason),
        onLost: () => options.onLost?.(),
        ...(options.secret ? { secret: options.secret } : {}),
      })
    : memoryLog(options.retention);

  // Deliveries in arrival order: each subscriber sees the entries in that order.
  const queue: Delivery[] = [];
  let draining = false;
  const drain = () => {
    let budget = FANOUT_SLICE;
    while (queue.length > 0 && budget > 0) {
      const delivery = queue[0]!;
      const end = Math.min(delivery.listeners.length, delivery.next + budget);
      for (let i = delivery.next; i < end; i += 1) delivery.listeners[i]!.own(delivery.entry);
      budget -= end - delivery.next;
      delivery.next = end;
      if (delivery.next === delivery.listeners.length) queue.shift();
    }
    draining = queue.length > 0;
    if (draining) setImmediate(drain);
  };

  const topics: Topics = { byTopic: new Map(), logger, maxHeld: options.maxHeld };
  const dispatch = (topic: string, entry: FeedEntry) => {
    const listeners = topics.byTopic.get(topic)?.subscribers;
    if (!listeners || listeners.size === 0) return;
    queue.push({ entry, listeners: [...listeners], next: 0 });
    if (!draining) drain();
  };
  /**
   * Entries delivered or replayed in the last {@link SHARE_MS}, by pool and
   * id: a subscriber that replays an entry gets the object the others got,
   * so its view and its execution are shared with theirs (a reconnect storm
   * of 10,000 replaying 10 changes each executed 100,000 selections without
   * it). Only for a while: the log does not keep what hangs on them.
   */
  const recent = new Map<string, { entry: FeedEntry; at: number }>();
  let sweeper: ReturnType<typeof setTimeout> | undefined;
  const sweep = () => {
    const oldest = Date.now() - SHARE_MS;
    for (const [key, { at }] of recent) {
      if (at >= oldest) break;
      recent.delete(key);
    }
    sweeper = recent.size > 0 ? setTimeout(sweep, SHARE_MS).unref() : undefined;
  };
  const shared = (entry: FeedEntry): FeedEntry => {
    const key = `${entry.event.userPoolId}\u0000${entry.id}`;
    const hit = recent.get(key);
    if (hit) return hit.entry;
    recent.set(key, { entry, at: Date.now() });
    sweeper ??= setTimeout(sweep, SHARE_MS).unref();
    return entry;
  };
  log.start((delivered) => {
    const entry = delivered.provisional ? delivered : shared(delivered);
    dispatch(`user:${entry.event.userPoolId}:${entry.event.sub}`, entry);
    dispatch(`pool:${entry.event.userPoolId}`, entry);
  });

  const listen = (userPoolId: string, sub: string | undefined, listener: ChangeListener, listenOptions: ListenOptions = {}): (() => void) => {
    const name = sub === undefined ? `pool:${userPoolId}` : `user:${userPoolId}:${sub}`;
    let topic = topics.byTopic.get(name);
    if (!topic) {
      topic = { name, subscribers: new Set() };
      topics.byTopic.set(name, topic);
    }
    const { after } = listenOptions;
    const subscriber = new TopicSubscriber(
      topics,
      topic,
      listener,
      listenOptions.onError,
      after?.id ?? START_ID,
      after?.origin !== undefined ? { origin: after.origin, pseq: after.pseq! } : undefined,
      after ? [] : null,
    );
    topic.subscribers.add(subscriber);
    if (after) {
      void (async () => {
        try {
          let from: string | undefined = after.id;
          while (from !== undefined) {
            const page: Awaited<ReturnType<FeedLog['range']>> = await log.range(userPoolId, from, REPLAY_PAGE);
            for (const read of page.entries) {
              if (subscriber.stopped) return;
              const entry = shared(read);
              if (sub !== undefined && entry.event.sub !== sub) continue;
              const taken = subscriber.accept(entry);
              if (taken instanceof Promise) await taken.catch(() => undefined);
            }
            from = page.next;
          }
          if (subscriber.stopped || !subscriber.held) return;
          const caughtUp = subscriber.held;
          subscriber.held = null;
          for (const entry of caughtUp) subscriber.accept(entry);
        } catch (error) {
          subscriber.fail(unreadable(error));
        }
      })();
    }
    return subscriber.stop.bind(subscriber);
  };

  return {
    publish(change) {
      log.append({ origin, eventId: randomUUID(), ...change });
    },
    listenUser: (pool, sub, listener, listenOptions) => listen(pool, sub, listener, listenOptions),
    listenPool: (pool, listener, listenOptions) => listen(pool, undefined, listener, listenOptions),
    watchOthers(poolIds, listener) {
      const stops = poolIds.map((pool) =>
        listen(pool, undefined, (entry) => {
          if (entry.event.origin !== origin) listener(entry.event);
        }),
      );
      return () => {
        for (const stop of stops) stop();
      };
    },
    async checkCursor(userPoolId, text) {
      const cursor = decodeCursor(text);
      if (!cursor) throw cursorExpired('it is not a cursor of this service');
      if (cursor.userPoolId !== userPoolId) throw cursorExpired('it belongs to another user pool');
      await log.check(cursor).catch((error: unknown) => {
        throw unreadable(error);
      });
      return cursor;
    },
    ready: () => log.ready(),
    isHealthy: () => log.isHealthy(),
    close: () => {
      clearTimeout(sweeper);
      recent.clear();
      return log.close();
    },
  };
}

/** Makes entry ids in the log's shape (`<ms>-<seq>`), strictly increasing. */
export function idClock(now: () => number = Date.now): () => string {
  let lastMs = 0;
  let seq = 0;
  return () => {
    const ms = now();
    if (ms > lastMs) {
      lastMs = ms;
      seq = 0;
    } else {
      seq += 1;
    }
    return `${lastMs}-${seq}`;
  };
}

/**
 * The log of one process: per pool, the entries of the last
 * `retention.ageMs`, at most `retention.count` of them. Its epoch is new
 * with every process: a cursor from before a restart is CURSOR_EXPIRED.
 */
export function memoryLog(retention: Retention, now: () => number = Date.now): FeedLog {
  const epoch = randomBytes(9).toString('base64url');
  const nextId = idClock(now);
  /** pool → its entries from `start`, and the id of the last one dropped. */
  const pools = new Map<string, { entries: FeedEntry[]; start: number; dropped: string; last: string }>();
  let deliver: (entry: FeedEntry) => void = () => {};
  const poolOf = (userPoolId: string) => {
    let pool = pools.get(userPoolId);
    if (!pool) {
      pool = { entries: [], start: 0, dropped: START_ID, last: START_ID };
      pools.set(userPoolId, pool);
    }
    return pool;
  };
  const trim = (pool: ReturnType<typeof poolOf>) => {
    const oldest = now() - retention.ageMs;
    while (pool.start < pool.entries.length) {
      const first = pool.entries[pool.start]!;
      if (pool.entries.length - pool.start <= retention.count && idTime(first.id) >= oldest) break;
      pool.dropped = first.id;
      pool.start += 1;
    }
    if (pool.start > 1_024 && pool.start * 2 > pool.entries.length) {
      pool.entries = pool.entries.slice(pool.start);
      pool.start = 0;
    }
  };
  return {
    start(to) {
      deliver = to;
    },
    ready: async () => {},
    append(event) {
      const pool = poolOf(event.userPoolId);
      const id = nextId();
      const entry: FeedEntry = { event, id, cursor: encodeCursor(epoch, event.userPoolId, { id }) };
      pool.entries.push(entry);
      pool.last = id;
      trim(pool);
      // A copy goes out: what subscribers hang on the entry they receive (views, results) goes when the delivery does, not with the log.
      deliver({ ...entry });
    },
    async check(cursor) {
      if (cursor.epoch !== epoch) throw cursorExpired('it is from another run of the service');
      const pool = poolOf(cursor.userPoolId);
      trim(pool);
      if (compareIds(cursor.id, pool.last) > 0) throw cursorExpired('it is unknown here');
      if (compareIds(cursor.id, pool.dropped) < 0) throw cursorExpired('changes after it are older than FEED_RETENTION keeps');
    },
    async range(userPoolId, afterId, limit) {
      const pool = poolOf(userPoolId);
      const { entries } = pool;
      // The first entry after `afterId`: ids are in order.
      let low = pool.start;
      let high = entries.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (compareIds(entries[middle]!.id, afterId) <= 0) low = middle + 1;
        else high = middle;
      }
      if (low === pool.start && compareIds(afterId, pool.dropped) < 0) throw cursorExpired('changes after it are older than FEED_RETENTION keeps');
      const page = entries.slice(low, low + limit).map((entry) => ({ ...entry }));
      return page.length === limit ? { entries: page, next: page.at(-1)!.id } : { entries: page };
    },
    isHealthy: () => true,
    close: async () => {},
  };
}

/**
 * The feed of attribute changes: every change made through the service is
 * published once, after Cognito accepted it, on two topics — the user's
 * (`user:<pool>:<sub>`) and the pool's (`pool:<pool>`). One process uses an
 * in-memory event target; with `REDIS_URL`, the Redis transport
 * (src/changes/redis-transport.ts) carries events between instances, so a
 * subscriber on any instance receives a change made on any other exactly once.
 *
 * However many subscribers a topic has, the transport sees one listener for
 * it: the feed keeps each topic's subscribers in a Set (adding the 20,000th
 * costs what the first did; an EventTarget checks every listener it holds),
 * and hands an event to them in slices of {@link FANOUT_SLICE}, yielding to
 * the event loop between slices, so a large fan-out never stalls the other
 * requests. Events reach each subscriber in the order they were published.
 */
import { randomUUID } from 'node:crypto';
import { createPubSub, type PubSubEventTarget } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { UserAttribute, UserRecord } from '../cognito/users.js';
import { redisTransport, type Transport } from './redis-transport.js';

/** Who made a change. */
export type ChangeSource = 'SELF' | 'ADMIN';

/**
 * A change as it travels between instances: plain JSON (dates as ISO
 * strings), carrying the administrator's view of the user after the change,
 * so fan-out needs no Cognito call per subscriber.
 */
export interface AttributeChangeEvent {
  /** The instance that published it ({@link ChangeFeed.publish} sets it). */
  origin: string;
  userPoolId: string;
  username: string;
  sub: string;
  /** The user after the change, as AdminGetUser shows them. */
  user: Omit<UserRecord, 'admin'> & {
    admin?: { status: string; enabled: boolean; createdAt: string | null; updatedAt: string | null };
  };
  updated: UserAttribute[];
  deleted: string[];
  source: ChangeSource;
  /** ISO-8601. */
  occurredAt: string;
}

/** The topics of the feed, as `createPubSub` names them. */
export type Topics = {
  /** id: `<pool>:<sub>` */
  user: [id: string, event: AttributeChangeEvent];
  /** id: the pool id */
  pool: [id: string, event: AttributeChangeEvent];
};

/** Called with each change; what it throws is logged, never thrown at the transport. */
export type ChangeListener = (event: AttributeChangeEvent) => void;

/** Publishes and subscribes to attribute changes. */
export interface ChangeFeed {
  /** Publishes one change to its user's and its pool's subscribers, on every instance, marked as this instance's. */
  publish(event: Omit<AttributeChangeEvent, 'origin'>): void;
  /**
   * Calls `listener` with every change of one user, made on any instance,
   * until the returned function is called. Every listener of a topic gets the
   * same event object (parsed once per instance): treat it as read-only.
   */
  listenUser(userPoolId: string, sub: string, listener: ChangeListener): () => void;
  /** Calls `listener` with every change in one pool; see {@link ChangeFeed.listenUser}. */
  listenPool(userPoolId: string, listener: ChangeListener): () => void;
  /** Calls `listener` with every change in `poolIds` published by another instance (for caches to forget). */
  watchOthers(poolIds: readonly string[], listener: ChangeListener): () => void;
  /** False while the shared transport (Redis) is unreachable. */
  isHealthy(): boolean;
  close(): Promise<void>;
}

/** Turns a record into the event's JSON shape. */
export function toEventUser(user: UserRecord): AttributeChangeEvent['user'] {
  const { admin, ...rest } = user;
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

/** How the feed is made. */
export interface ChangeFeedOptions {
  /** Carry events between instances through this Redis; unset: in this process only. */
  redisUrl?: string;
  /** With Redis: sign each event, and drop every event without this secret's signature. */
  secret?: string;
  logger: Logger;
  /** Told of each event from the transport that was dropped, and why (metrics). */
  onDropped?: (reason: string) => void;
}

/** One event on its way to the subscribers its topic had when it arrived. */
interface Delivery {
  event: AttributeChangeEvent;
  listeners: ChangeListener[];
  next: number;
}

/** Creates the feed: in-memory without `redisUrl`, through Redis with it. */
export function createChangeFeed(options: ChangeFeedOptions): ChangeFeed {
  const { logger } = options;
  const origin = randomUUID();
  const transport: Transport = options.redisUrl
    ? redisTransport(options.redisUrl, { logger, ...(options.secret ? { secret: options.secret } : {}), onDropped: (reason) => options.onDropped?.(reason) })
    : { eventTarget: new EventTarget() as PubSubEventTarget<Topics>, isHealthy: () => true, close: async () => {} };
  const target = transport.eventTarget;
  const pubsub = createPubSub<Topics>({ eventTarget: target });

  // Deliveries in arrival order: each subscriber sees the events in that order.
  const queue: Delivery[] = [];
  let draining = false;
  const deliver = (listener: ChangeListener, event: AttributeChangeEvent) => {
    try {
      listener(event);
    } catch (error) {
      logger.error({ err: error }, 'a change listener failed');
    }
  };
  const drain = () => {
    let budget = FANOUT_SLICE;
    while (queue.length > 0 && budget > 0) {
      const delivery = queue[0]!;
      const end = Math.min(delivery.listeners.length, delivery.next + budget);
      for (let i = delivery.next; i < end; i += 1) deliver(delivery.listeners[i]!, delivery.event);
      budget -= end - delivery.next;
      delivery.next = end;
      if (delivery.next === delivery.listeners.length) queue.shift();
    }
    draining = queue.length > 0;
    if (draining) setImmediate(drain);
  };

  /** topic → its subscribers; the transport has one listener per topic in the map. */
  const topics = new Map<string, { listeners: Set<ChangeListener>; handler: (event: Event) => void }>();
  const listen = (topic: string, listener: ChangeListener): (() => void) => {
    let entry = topics.get(topic);
    if (!entry) {
      const listeners = new Set<ChangeListener>();
      const handler = (message: Event) => {
        const event = (message as CustomEvent<AttributeChangeEvent | undefined>).detail;
        if (!event || listeners.size === 0) return;
        queue.push({ event, listeners: [...listeners], next: 0 });
        if (!draining) drain();
      };
      entry = { listeners, handler };
      topics.set(topic, entry);
      target.addEventListener(topic, handler as never);
    }
    const { listeners } = entry;
    // Each subscription is its own entry, even when the same function listens twice.
    const own: ChangeListener = (event) => listener(event);
    listeners.add(own);
    return () => {
      if (!listeners.delete(own) || listeners.size > 0) return;
      const current = topics.get(topic);
      if (current?.listeners !== listeners) return;
      topics.delete(topic);
      target.removeEventListener(topic, current.handler as never);
    };
  };
  const listenPool = (pool: string, listener: ChangeListener) => listen(`pool:${pool}`, listener);
  return {
    publish(change) {
      const event: AttributeChangeEvent = { origin, ...change };
      pubsub.publish('user', `${event.userPoolId}:${event.sub}`, event);
      pubsub.publish('pool', event.userPoolId, event);
    },
    listenUser: (pool, sub, listener) => listen(`user:${pool}:${sub}`, listener),
    listenPool,
    watchOthers(poolIds, listener) {
      const stops = poolIds.map((pool) =>
        listenPool(pool, (event) => {
          if (event.origin !== origin) listener(event);
        }),
      );
      return () => {
        for (const stop of stops) stop();
      };
    },
    isHealthy: () => transport.isHealthy(),
    close: () => transport.close(),
  };
}

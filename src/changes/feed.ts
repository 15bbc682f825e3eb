/**
 * The feed of attribute changes: every change made through the service is
 * published once, after Cognito accepted it, on two topics — the user's
 * (`user:<pool>:<sub>`) and the pool's (`pool:<pool>`). One process uses an
 * in-memory event target; with `REDIS_URL`, `@graphql-yoga/redis-event-target`
 * carries events between instances, so a subscriber on any instance receives
 * a change made on any other exactly once.
 */
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, type PubSubEventTarget } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { UserAttribute, UserRecord } from '../cognito/users.js';

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

type Topics = {
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

/** The transport under the pubsub: in-memory by default, or Redis. */
interface Transport {
  eventTarget: PubSubEventTarget<Topics>;
  isHealthy(): boolean;
  close(): Promise<void>;
}

/** How long closing waits for Redis to acknowledge QUIT. */
const QUIT_WAIT_MS = 1_000;

function redisTransport(redisUrl: string, parent: Logger): Transport {
  const logger = parent.child({ component: 'redis' });
  const connect = (role: string) => {
    const client = new Redis(redisUrl, { maxRetriesPerRequest: 20 });
    client.on('error', (error: Error) => logger.warn({ role, err: { message: error.message } }, 'redis connection problem'));
    return client;
  };
  const publishClient = connect('publish');
  const subscribeClient = connect('subscribe');
  // A publish while Redis is away waits in ioredis' offline queue and is sent
  // when it returns; after the retries it fails, and that must not crash the
  // process or a mutation: the change itself is already in Cognito.
  const safePublisher = {
    publish: (channel: string, message: string) =>
      publishClient.publish(channel, message).catch((error: Error) => {
        logger.error({ channel, err: { message: error.message } }, 'an attribute change could not be published');
        return 0;
      }),
  } as unknown as Redis;
  // SUBSCRIBE/UNSUBSCRIBE are fired and forgotten by the event target: while
  // Redis is away they fail after the retries, which must neither be an
  // unhandled rejection nor lose the subscription (ioredis re-subscribes only
  // channels whose SUBSCRIBE succeeded). So every wanted channel is kept, and
  // all are subscribed again whenever the connection is ready.
  const wanted = new Set<string>();
  const settle = (what: string, promise: Promise<unknown>) =>
    promise.catch((error: Error) => logger.warn({ err: { message: error.message } }, `redis ${what} failed; retried when Redis is back`));
  subscribeClient.on('ready', () => {
    if (wanted.size > 0) void settle('subscribe', subscribeClient.subscribe(...wanted));
  });
  const safeSubscriber = {
    on: (event: string, listener: (...args: unknown[]) => void) => subscribeClient.on(event, listener),
    subscribe: (channel: string) => (wanted.add(channel), settle('subscribe', subscribeClient.subscribe(channel))),
    unsubscribe: (channel: string) => (wanted.delete(channel), settle('unsubscribe', subscribeClient.unsubscribe(channel))),
  } as unknown as Redis;
  return {
    eventTarget: createRedisEventTarget({ publishClient: safePublisher, subscribeClient: safeSubscriber }) as PubSubEventTarget<Topics>,
    isHealthy: () => publishClient.status === 'ready' && subscribeClient.status === 'ready',
    async close() {
      // QUIT waits behind queued commands, which wait for Redis: during an
      // outage that is the whole retry budget. Only QUIT a live connection, briefly.
      const quit = (client: Redis) => (client.status === 'ready' ? client.quit().catch(() => undefined) : undefined);
      await Promise.race([Promise.all([quit(publishClient), quit(subscribeClient)]), new Promise((resolve) => setTimeout(resolve, QUIT_WAIT_MS).unref())]);
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}

/** Creates the feed: in-memory without `redisUrl`, through Redis with it. */
export function createChangeFeed(options: { redisUrl?: string; logger: Logger }): ChangeFeed {
  const origin = randomUUID();
  let transport: Transport;
  if (options.redisUrl) {
    transport = redisTransport(options.redisUrl, options.logger);
  } else {
    // One listener per subscriber of a topic is expected, not a leak.
    const eventTarget = new EventTarget();
    setMaxListeners(0, eventTarget);
    transport = { eventTarget: eventTarget as PubSubEventTarget<Topics>, isHealthy: () => true, close: async () => {} };
  }
  const target = transport.eventTarget;
  const pubsub = createPubSub<Topics>({ eventTarget: target });
  // Listeners straight on the event target (pubsub's topic names), not pubsub's
  // iterators: a subscriber makes one Repeater of its own (src/changes/delivery.ts).
  const listen = (topic: string, listener: ChangeListener) => {
    const handler = (event: Event) => {
      try {
        listener((event as CustomEvent<AttributeChangeEvent>).detail);
      } catch (error) {
        options.logger.error({ err: error }, 'a change listener failed');
      }
    };
    target.addEventListener(topic, handler as never);
    return () => target.removeEventListener(topic, handler as never);
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

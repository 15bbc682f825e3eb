/**
 * The change feed's transport between instances (`REDIS_URL`):
 * `@graphql-yoga/redis-event-target` on two ioredis connections, made to
 * survive what Redis does and to trust nothing it carries.
 *
 * - **Outages.** A publish while Redis is away waits in ioredis' offline queue
 *   and fails after its retries without crashing anything (the change is in
 *   Cognito already); subscriptions are kept and made again when Redis is back.
 * - **What arrives is untrusted.** Anyone who can PUBLISH to the Redis can
 *   send anything on a topic: a message that is not JSON, or not a change
 *   event of that topic's pool and user, is dropped, counted (`onDropped`)
 *   and logged, never thrown (one bad message used to crash every instance).
 * - **Signed events (`REDIS_FEED_SECRET`).** With a secret, each event goes
 *   out with an HMAC-SHA256 of its JSON, and an event without a valid one is
 *   dropped: a well-formed forged event no longer reaches subscribers. Keep
 *   Redis private and authenticated either way.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { PubSubEventTarget } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AttributeChangeEvent, Topics } from './feed.js';

/** The transport under the feed's pubsub: in-memory by default, or Redis. */
export interface Transport {
  eventTarget: PubSubEventTarget<Topics>;
  /** False while the transport cannot carry events. */
  isHealthy(): boolean;
  close(): Promise<void>;
}

/** How long closing waits for Redis to acknowledge QUIT. */
const QUIT_WAIT_MS = 1_000;

/** Why a message from Redis was dropped (the `reason` of the metric). */
export type DropReason = 'not-json' | 'signature' | 'shape';

/** What the parser hands on for a message it dropped (counted already). */
const DROPPED = Symbol('dropped');

const isString = (value: unknown): value is string => typeof value === 'string';
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isAttribute = (value: unknown): boolean => isObject(value) && isString(value.name) && isString(value.value);
const isDate = (value: unknown): boolean => isString(value) && Number.isFinite(Date.parse(value));
const isAdmin = (value: unknown): boolean =>
  value === undefined ||
  (isObject(value) &&
    isString(value.status) &&
    typeof value.enabled === 'boolean' &&
    (value.createdAt === null || isDate(value.createdAt)) &&
    (value.updatedAt === null || isDate(value.updatedAt)));

/** `detail` when it is a change event that belongs on `topic` (`user:<pool>:<sub>` or `pool:<pool>`). */
export function readEvent(detail: unknown, topic: string): AttributeChangeEvent | undefined {
  if (!isObject(detail)) return undefined;
  const { origin, userPoolId, username, sub, user, updated, deleted, source, occurredAt } = detail;
  if (![origin, userPoolId, username, sub].every(isString) || !isDate(occurredAt) || (source !== 'SELF' && source !== 'ADMIN')) return undefined;
  if (!Array.isArray(updated) || !updated.every(isAttribute) || !Array.isArray(deleted) || !deleted.every(isString)) return undefined;
  if (!isObject(user) || user.username !== username || user.sub !== sub || user.userPoolId !== userPoolId) return undefined;
  if (!Array.isArray(user.attributes) || !user.attributes.every(isAttribute) || !isAdmin(user.admin)) return undefined;
  if (topic !== `pool:${userPoolId as string}` && topic !== `user:${userPoolId as string}:${sub as string}`) return undefined;
  return detail as unknown as AttributeChangeEvent;
}

/** The message format: the event's JSON, or `{ event, mac }` when events are signed. */
function serializer(secret: string | undefined, drop: (reason: DropReason) => typeof DROPPED) {
  const mac = (json: string) => createHmac('sha256', secret!).update(json).digest();
  return {
    stringify(event: unknown): string {
      const json = JSON.stringify(event);
      return secret ? JSON.stringify({ event: json, mac: mac(json).toString('base64url') }) : json;
    },
    parse(message: string): unknown {
      let parsed: unknown;
      try {
        parsed = JSON.parse(message);
      } catch {
        return drop('not-json');
      }
      if (!secret) return parsed;
      const { event, mac: given } = isObject(parsed) ? parsed : {};
      if (!isString(event) || !isString(given)) return drop('signature');
      const expected = mac(event);
      const actual = Buffer.from(given, 'base64url');
      if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return drop('signature');
      try {
        return JSON.parse(event);
      } catch {
        return drop('not-json');
      }
    },
  };
}

/** The Redis transport; see the module's documentation. */
export function redisTransport(redisUrl: string, options: { logger: Logger; secret?: string; onDropped: (reason: DropReason) => void }): Transport {
  const logger = options.logger.child({ component: 'redis' });
  const drop = (reason: DropReason): typeof DROPPED => {
    logger.warn({ reason }, 'a change event from Redis was dropped');
    options.onDropped(reason);
    return DROPPED;
  };
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
  const inner = createRedisEventTarget({ publishClient: safePublisher, subscribeClient: safeSubscriber, serializer: serializer(options.secret, drop) });
  // Each topic's one listener (src/changes/feed.ts) sees only events of that topic's shape.
  const checked = new Map<unknown, (event: Event) => void>();
  const eventTarget = {
    addEventListener(topic: string, listener: (event: Event) => void) {
      const check = (message: Event) => {
        const detail = (message as CustomEvent<unknown>).detail;
        if (detail === DROPPED) return; // counted while parsing
        const event = readEvent(detail, topic);
        if (!event) return void drop('shape');
        listener(new CustomEvent(topic, { detail: event }));
      };
      checked.set(listener, check);
      inner.addEventListener(topic, check as never);
    },
    removeEventListener(topic: string, listener: (event: Event) => void) {
      const check = checked.get(listener);
      if (!check) return;
      checked.delete(listener);
      inner.removeEventListener(topic, check as never);
    },
    dispatchEvent: (event: Event) => inner.dispatchEvent(event as never),
  };
  return {
    eventTarget: eventTarget as unknown as PubSubEventTarget<Topics>,
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

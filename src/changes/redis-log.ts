/**
 * The change feed's log in Redis (`REDIS_URL`): one stream per pool, shared
 * by every instance, made to survive what Redis does and to trust nothing it
 * carries.
 *
 * - **One stream per pool**, `cognito-feed:{<pool>}:log`, with its epoch
 *   beside it (`…:epoch`, a random id set when the stream is first written):
 *   the hash tag keeps a pool's keys on one Redis Cluster slot, and pools
 *   spread over the slots. Each append is one script (XADD with `MAXLEN ~`
 *   the retention count, and the epoch in the entry); an interval trims
 *   entries older than the retention age (`XTRIM MINID ~`). Cognito's
 *   account-wide UserUpdate quota (25/s) bounds the write rate: the cost is
 *   the fan-out, not the log.
 * - **Each instance follows each pool** with a blocking XREAD of its own,
 *   from the last id it read: an instance that lost Redis catches up from
 *   there when Redis returns. Its own changes reach its subscribers the same
 *   way, so every subscriber sees one order.
 * - **The outbox.** A change published while Redis is away (or whose append
 *   failed) waits in the instance, in order, at most `maxOutbox` of them
 *   (past that, each one lost is logged as an error and counted), and is
 *   appended when Redis returns — an append whose answer was lost is
 *   recognised by its event id, never appended twice. Meanwhile the
 *   instance's own subscribers get it at once, as a provisional entry.
 * - **Cursors.** A cursor names the epoch and an entry id; it can be resumed
 *   from while the stream still holds every entry after it (Redis 7's
 *   `max-deleted-entry-id`).
 * - **What arrives is untrusted.** Anyone who can write to the Redis can add
 *   anything to a stream: an entry that is not JSON, or not a change event of
 *   that stream's pool, is dropped, counted (`onDropped`) and logged, never
 *   thrown. With `REDIS_FEED_SECRET`, each entry carries an HMAC-SHA256 of its
 *   JSON, and an entry without a valid one is dropped. Keep Redis private and
 *   authenticated either way.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { compareIds, cursorExpired, encodeCursor, START_ID } from './cursor.js';
import type { Retention } from '../config.js';
import type { AttributeChangeEvent, FeedEntry, FeedLog } from './feed.js';

/** How long closing waits for Redis to acknowledge QUIT. */
const QUIT_WAIT_MS = 1_000;
/** How long one XREAD blocks before it asks again. */
const BLOCK_MS = 5_000;
/** Entries one XREAD returns at most. */
const READ_COUNT = 500;
/** How often entries past the retention age are trimmed. */
const TRIM_EVERY_MS = 60_000;
/** An outbox append looks this far back for itself (an earlier attempt whose answer was lost). */
const RECHECK_ENTRIES = 1_000;

/** Why an entry from Redis was dropped (the `reason` of the metric). */
export type DropReason = 'not-json' | 'signature' | 'shape';

/** The keys of one pool's log. */
export const feedKeys = (userPoolId: string) => ({ log: `cognito-feed:{${userPoolId}}:log`, epoch: `cognito-feed:{${userPoolId}}:epoch` });

/**
 * Appends one entry: KEYS = log, epoch; ARGV = a new epoch (used if the log
 * has none), the retention count, the event JSON, its MAC ('' without a
 * secret), its event id, and the id from which to look for an earlier
 * append of it ('' on a first attempt). Returns { id, epoch }.
 */
const APPEND = `
local epoch = redis.call('GET', KEYS[2])
if not epoch then
  epoch = ARGV[1]
  redis.call('SET', KEYS[2], epoch)
end
if ARGV[6] ~= '' then
  local earlier = redis.call('XRANGE', KEYS[1], ARGV[6], '+', 'COUNT', ${RECHECK_ENTRIES})
  for _, entry in ipairs(earlier) do
    local fields = entry[2]
    for i = 1, #fields, 2 do
      if fields[i] == 'i' and fields[i + 1] == ARGV[5] then return { entry[1], epoch } end
    end
  end
end
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 'e', ARGV[3], 'm', ARGV[4], 'i', ARGV[5], 'ep', epoch)
return { id, epoch }
`;

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

/** `detail` when it is a change event of `userPoolId`'s log. */
export function readEvent(detail: unknown, userPoolId: string): AttributeChangeEvent | undefined {
  if (!isObject(detail)) return undefined;
  const { origin, eventId, pseq, username, sub, user, updated, deleted, source, occurredAt } = detail;
  if (![origin, eventId, username, sub].every(isString) || detail.userPoolId !== userPoolId || !isDate(occurredAt)) return undefined;
  if (source !== 'SELF' && source !== 'ADMIN' && source !== 'EXTERNAL') return undefined;
  if (pseq !== undefined && !(typeof pseq === 'number' && Number.isSafeInteger(pseq) && pseq > 0)) return undefined;
  if (!Array.isArray(updated) || !updated.every(isAttribute) || !Array.isArray(deleted) || !deleted.every(isString)) return undefined;
  if (!isObject(user) || user.username !== username || user.sub !== sub || user.userPoolId !== userPoolId) return undefined;
  if (!Array.isArray(user.attributes) || !user.attributes.every(isAttribute) || !isAdmin(user.admin)) return undefined;
  return detail as unknown as AttributeChangeEvent;
}

/** The fields of a stream entry as a map. */
function fieldsOf(flat: string[]): Map<string, string> {
  const fields = new Map<string, string>();
  for (let i = 0; i + 1 < flat.length; i += 2) fields.set(flat[i]!, flat[i + 1]!);
  return fields;
}

/** XINFO STREAM's flat answer as a map. */
function infoOf(flat: unknown[]): Map<string, unknown> {
  const info = new Map<string, unknown>();
  for (let i = 0; i + 1 < flat.length; i += 2) info.set(String(flat[i]), flat[i + 1]);
  return info;
}

/** How the Redis log is made. */
export interface RedisLogOptions {
  logger: Logger;
  poolIds: readonly string[];
  retention: Retention;
  maxOutbox: number;
  secret?: string;
  onDropped: (reason: DropReason) => void;
  onLost: () => void;
}

/** The Redis log; see the module's documentation. */
export function redisLog(redisUrl: string, options: RedisLogOptions): FeedLog {
  const logger = options.logger.child({ component: 'redis' });
  const { secret } = options;
  const mac = (json: string) => createHmac('sha256', secret!).update(json).digest();
  const drop = (reason: DropReason, userPoolId: string) => {
    logger.warn({ reason, userPoolId }, 'a change event from Redis was dropped');
    options.onDropped(reason);
    return undefined;
  };
  const connect = (role: string, maxRetriesPerRequest: number | null) => {
    const client = new Redis(redisUrl, { maxRetriesPerRequest });
    client.on('error', (error: Error) => logger.warn({ role, err: { message: error.message } }, 'redis connection problem'));
    return client;
  };
  const writer = connect('write', 20);
  writer.defineCommand('feedAppend', { numberOfKeys: 2, lua: APPEND });
  let closed = false;
  let deliver: (entry: FeedEntry) => void = () => {};

  /** An entry as Redis holds it (its fields, from {@link fieldsOf}), checked; undefined (dropped and counted) when it is not a change of this pool. */
  const parseEntry = (userPoolId: string, id: string, fields: Map<string, string>): FeedEntry | undefined => {
    const json = fields.get('e');
    if (json === undefined) return drop('shape', userPoolId);
    if (secret) {
      const given = Buffer.from(fields.get('m') ?? '', 'base64url');
      const expected = mac(json);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return drop('signature', userPoolId);
    }
    let detail: unknown;
    try {
      detail = JSON.parse(json);
    } catch {
      return drop('not-json', userPoolId);
    }
    const event = readEvent(detail, userPoolId);
    if (!event) return drop('shape', userPoolId);
    return { event, id, cursor: encodeCursor(fields.get('ep') ?? '', userPoolId, { id }) };
  };

  // Following each pool: the last id read, and the epoch it was written under.
  const following = new Map(options.poolIds.map((pool) => [pool, { last: START_ID, epoch: '' }]));
  const readers: Redis[] = [];
  /**
   * Where each pool's log ends when this instance starts, read before it
   * appends anything: its own first change is then after the start, and
   * reaches its own subscribers. Until then, what it publishes waits in the
   * outbox.
   */
  let positioned = false;
  const position = async () => {
    while (!closed) {
      try {
        for (const [pool, state] of following) {
          const [newest] = (await writer.xrevrange(feedKeys(pool).log, '+', '-', 'COUNT', 1)) as [string, string[]][];
          if (newest) Object.assign(state, { last: newest[0], epoch: fieldsOf(newest[1]).get('ep') ?? '' });
        }
        positioned = true;
        return;
      } catch (error) {
        if (closed) return;
        logger.warn({ err: { message: (error as Error).message } }, 'reading where the change logs end failed; retrying');
        await sleep(250);
      }
    }
  };
  const follow = async (userPoolId: string) => {
    const reader = connect(`read ${userPoolId}`, null);
    readers.push(reader);
    const state = following.get(userPoolId)!;
    const { log } = feedKeys(userPoolId);
    while (!closed) {
      try {
        const reply = (await reader.xread('COUNT', READ_COUNT, 'BLOCK', BLOCK_MS, 'STREAMS', log, state.last)) as [string, [string, string[]][]][] | null;
        for (const [id, flat] of reply?.[0]?.[1] ?? []) {
          state.last = id;
          const fields = fieldsOf(flat);
          const entry = parseEntry(userPoolId, id, fields);
          if (!entry) continue;
          state.epoch = fields.get('ep') ?? state.epoch;
          deliver(entry);
        }
      } catch (error) {
        if (closed) return;
        logger.warn({ userPoolId, err: { message: (error as Error).message } }, 'reading the change log failed; retrying');
        await sleep(250);
      }
    }
  };
  let started: Promise<void> = Promise.resolve();

  // The outbox: changes not yet in Redis, in the order they were published.
  const outbox: { event: AttributeChangeEvent; json: string; since: string }[] = [];
  let pseq = 0;
  let flushing = false;
  const appendOne = async (event: AttributeChangeEvent, json: string, since: string): Promise<void> => {
    const { log, epoch } = feedKeys(event.userPoolId);
    await (
      writer as unknown as { feedAppend(...args: string[]): Promise<[string, string]> }
    ).feedAppend(log, epoch, randomBytes(9).toString('base64url'), String(options.retention.count), json, secret ? mac(json).toString('base64url') : '', event.eventId, since);
  };
  const keep = (event: AttributeChangeEvent, since: string) => {
    if (outbox.length >= options.maxOutbox) {
      logger.error({ userPoolId: event.userPoolId, sub: event.sub }, `an attribute change was lost: Redis is away and ${options.maxOutbox} changes already wait for it (MAX_OUTBOX_EVENTS)`);
      options.onLost();
      return;
    }
    pseq += 1;
    event.pseq = pseq;
    outbox.push({ event, json: JSON.stringify(event), since });
    // This instance's subscribers are not hostage to Redis.
    const state = following.get(event.userPoolId);
    const base = state?.last ?? START_ID;
    deliver({ event, id: base, provisional: true, cursor: encodeCursor(state?.epoch ?? '', event.userPoolId, { id: base, origin: event.origin, pseq }) });
  };
  const flush = async () => {
    if (flushing) return;
    flushing = true;
    try {
      while (outbox.length > 0 && !closed && positioned && writer.status === 'ready') {
        const next = outbox[0]!;
        try {
          await appendOne(next.event, next.json, next.since);
          outbox.shift();
        } catch (error) {
          logger.warn({ waiting: outbox.length, err: { message: (error as Error).message } }, 'appending the outbox to Redis failed; retried when Redis is back');
          break;
        }
      }
    } finally {
      flushing = false;
    }
  };
  writer.on('ready', () => void flush());
  const retry = setInterval(() => void flush(), 1_000);
  retry.unref();

  const trim = setInterval(() => {
    if (writer.status !== 'ready') return;
    const minId = `${Date.now() - options.retention.ageMs}-0`;
    for (const pool of options.poolIds) writer.xtrim(feedKeys(pool).log, 'MINID', '~', minId).catch(() => undefined);
  }, TRIM_EVERY_MS);
  trim.unref();

  return {
    start(to) {
      deliver = to;
      started = position().then(() => {
        for (const pool of options.poolIds) void follow(pool);
        void flush();
      });
    },
    ready: () => started,
    append(event) {
      // What waits is appended first: a change never overtakes an earlier one.
      // Where a retry looks for an earlier append of this change (one whose answer was lost).
      const since = `${Date.now() - 1_000}-0`;
      if (!positioned || outbox.length > 0 || writer.status !== 'ready') return keep(event, since);
      appendOne(event, JSON.stringify(event), '').catch((error: Error) => {
        logger.warn({ err: { message: error.message } }, 'an attribute change could not be appended to Redis; it waits in the outbox');
        keep(event, since);
      });
    },
    async check(cursor) {
      // While Redis is away, say so at once rather than wait out the retries.
      if (writer.status !== 'ready') throw new Error('Redis is not connected');
      const { log, epoch } = feedKeys(cursor.userPoolId);
      const [[, current], [missing, info]] = (await writer.pipeline().get(epoch).xinfo('STREAM', log).exec()) as [[unknown, string | null], [Error | null, unknown[]]];
      if (current === null || current !== cursor.epoch) throw cursorExpired('the change log it belongs to is gone');
      if (missing) throw cursorExpired('the change log it belongs to is gone');
      const fields = infoOf(info);
      const lastId = String(fields.get('last-generated-id') ?? START_ID);
      if (compareIds(cursor.id, lastId) > 0) throw cursorExpired('it is unknown here');
      const deleted = fields.get('max-deleted-entry-id');
      const firstEntry = fields.get('first-entry') as [string, string[]] | null | undefined;
      // Redis 7 says what it dropped; before it, the first entry held is all there is to go by.
      const held = deleted !== undefined ? compareIds(cursor.id, String(deleted)) >= 0 : !firstEntry || compareIds(cursor.id, firstEntry[0]) >= 0 || cursor.id === START_ID;
      if (!held) throw cursorExpired('changes after it are older than FEED_RETENTION keeps');
    },
    async range(userPoolId, afterId, limit) {
      if (writer.status !== 'ready') throw new Error('Redis is not connected');
      const raw = (await writer.xrange(feedKeys(userPoolId).log, `(${afterId}`, '+', 'COUNT', limit)) as [string, string[]][];
      const entries = raw.map(([id, flat]) => parseEntry(userPoolId, id, fieldsOf(flat))).filter((entry): entry is FeedEntry => entry !== undefined);
      return raw.length === limit ? { entries, next: raw.at(-1)![0] } : { entries };
    },
    isHealthy: () => writer.status === 'ready' && readers.every((reader) => reader.status === 'ready'),
    async close() {
      closed = true;
      clearInterval(retry);
      clearInterval(trim);
      if (outbox.length > 0) logger.error({ waiting: outbox.length }, 'stopping with attribute changes Redis never received');
      for (const reader of readers) reader.disconnect();
      const quit = writer.status === 'ready' ? writer.quit().catch(() => undefined) : undefined;
      await Promise.race([quit, new Promise((resolve) => setTimeout(resolve, QUIT_WAIT_MS).unref())]);
      writer.disconnect();
    },
  };

}

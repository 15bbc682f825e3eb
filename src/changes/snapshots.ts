/**
 * The last known attributes of each user someone watches or the service
 * changed: what reconciliation (src/changes/reconcile.ts) diffs Cognito's
 * answer against, so a change is published once however many instances,
 * re-reads and CloudTrail events see it.
 *
 * In one process, a bounded map; with `REDIS_URL`, one key per user
 * (`cognito-feed:{<pool>}:snap:<sub>`, kept for a day after it was last
 * written), swapped by a script that compares first: of two instances that
 * see the same outside change, one publishes it.
 */
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { UserAttribute } from '../cognito/users.js';

/** A user as last seen: their username (to read them again) and attributes. */
export interface Snapshot {
  username: string;
  attributes: UserAttribute[];
}

/** Where snapshots are kept. */
export interface SnapshotStore {
  /** The user's snapshot, as text (compare it as is), or undefined. */
  get(userPoolId: string, sub: string): Promise<string | undefined>;
  /** Several at once, in order. */
  getMany(userPoolId: string, subs: readonly string[]): Promise<(string | undefined)[]>;
  /** Sets `next` only if the snapshot still is `expected` (undefined: none); says whether it did. */
  swap(userPoolId: string, sub: string, expected: string | undefined, next: string): Promise<boolean>;
  /** Sets it, whatever it was (a change made through the service). */
  put(userPoolId: string, sub: string, next: string): Promise<void>;
  close(): Promise<void>;
}

/** The text of a snapshot: attributes sorted by name, so equal states are equal strings. */
export function snapshotText(username: string, attributes: readonly UserAttribute[]): string {
  const sorted = [...attributes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return JSON.stringify({ username, attributes: sorted.map((a) => [a.name, a.value]) });
}

/** A snapshot's text read back. */
export function readSnapshot(text: string): Snapshot | undefined {
  try {
    const { username, attributes } = JSON.parse(text) as { username?: unknown; attributes?: unknown };
    if (typeof username !== 'string' || !Array.isArray(attributes)) return undefined;
    return { username, attributes: (attributes as [string, string][]).map(([name, value]) => ({ name: String(name), value: String(value) })) };
  } catch {
    return undefined;
  }
}

/** Users whose snapshots one process keeps, at most (the least recently written go first). */
export const MAX_MEMORY_SNAPSHOTS = 100_000;

/** The store of one process. */
export function memorySnapshots(max = MAX_MEMORY_SNAPSHOTS): SnapshotStore {
  const map = new Map<string, string>();
  const key = (pool: string, sub: string) => `${pool}\u0000${sub}`;
  const set = (k: string, value: string) => {
    map.delete(k);
    map.set(k, value);
    if (map.size > max) map.delete(map.keys().next().value!);
  };
  return {
    get: async (pool, sub) => map.get(key(pool, sub)),
    getMany: async (pool, subs) => subs.map((sub) => map.get(key(pool, sub))),
    async swap(pool, sub, expected, next) {
      const k = key(pool, sub);
      if (map.get(k) !== expected) return false;
      set(k, next);
      return true;
    },
    put: async (pool, sub, next) => set(key(pool, sub), next),
    close: async () => {},
  };
}

/** How long a snapshot in Redis outlives its last write, in seconds. */
const SNAPSHOT_TTL_S = 86_400;

const SWAP = `
local current = redis.call('GET', KEYS[1])
if ARGV[1] == '1' then
  if current ~= ARGV[2] then return 0 end
elseif current then
  return 0
end
redis.call('SET', KEYS[1], ARGV[3], 'EX', ARGV[4])
return 1
`;

/** The store in Redis, shared by every instance. */
export function redisSnapshots(redisUrl: string, logger: Logger): SnapshotStore {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  redis.on('error', (error: Error) => logger.warn({ role: 'snapshots', err: { message: error.message } }, 'redis connection problem'));
  redis.defineCommand('snapshotSwap', { numberOfKeys: 1, lua: SWAP });
  const key = (pool: string, sub: string) => `cognito-feed:{${pool}}:snap:${sub}`;
  return {
    get: async (pool, sub) => (await redis.get(key(pool, sub))) ?? undefined,
    async getMany(pool, subs) {
      if (subs.length === 0) return [];
      return (await redis.mget(...subs.map((sub) => key(pool, sub)))).map((value) => value ?? undefined);
    },
    async swap(pool, sub, expected, next) {
      const swapped = await (redis as unknown as { snapshotSwap(...args: string[]): Promise<number> }).snapshotSwap(
        key(pool, sub),
        expected === undefined ? '0' : '1',
        expected ?? '',
        next,
        String(SNAPSHOT_TTL_S),
      );
      return swapped === 1;
    },
    async put(pool, sub, next) {
      await redis.set(key(pool, sub), next, 'EX', SNAPSHOT_TTL_S);
    },
    async close() {
      await (redis.status === 'ready' ? redis.quit().then(() => undefined, () => redis.disconnect()) : redis.disconnect());
    },
  };
}

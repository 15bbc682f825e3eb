/**
 * Email and phone number changes waiting for their verification code.
 *
 * With the pool's "keep original attribute value active when an update is
 * pending" setting (`UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate`),
 * Cognito keeps the old value, and `*_verified: true`, until VerifyUserAttribute
 * applies the new one; GetUser and AdminGetUser never show the pending value
 * (UpdateUserAttributes and UserAttributeUpdateSettingsType, API reference).
 * Only the service that asked for it knows it, so it remembers it here: in
 * Redis with `REDIS_URL` (one hash per user, `cognito-pending:{<pool>}:<sub>`,
 * kept for 30 days after its last change), on disk in embedded mode (the
 * emulator's store), else in this process.
 *
 * {@link settlePending} is the one rule of what a write leaves waiting: an
 * attribute the write asked for whose value Cognito did not take is pending;
 * one whose value is now the user's is not (applied, by a code or by an
 * administrator's `*_verified: true`); a deleted one is withdrawn.
 */
import { Redis } from 'ioredis';
import type { UserAttribute, UserRecord } from '../cognito/users.js';

/** One attribute change waiting for its verification code. */
export interface PendingChange {
  name: string;
  /** The value that takes effect once verified; masked (`b***@e***`) when the change was made elsewhere. */
  value: string;
  /** `value` is masked: only the code delivery showed it. */
  masked: boolean;
  /** When the service asked for it; null when it was made elsewhere. */
  requestedAt: Date | null;
}

/** Where pending changes are remembered. */
export interface PendingStore {
  /** The user's pending changes, as last written (not yet compared with Cognito's state). */
  read(userPoolId: string, sub: string): Promise<PendingChange[]>;
  /** Replaces them (an empty list forgets the user). */
  write(userPoolId: string, sub: string, changes: readonly PendingChange[]): Promise<void>;
  close(): Promise<void>;
}

/** How long Redis keeps a user's pending changes after their last change: 30 days. */
const REDIS_TTL_S = 30 * 24 * 3_600;
/** A Redis command slower than this fails (the change goes on without its pending state). */
const REDIS_COMMAND_TIMEOUT_MS = 500;
/** Users whose pending changes one process keeps, at most. */
const MAX_MEMORY_USERS = 100_000;

/** A pending change as JSON (in a store, in a change event between instances). */
export interface PendingJson {
  name: string;
  value: string;
  masked: boolean;
  requestedAt: string | null;
}

/** The JSON shape of pending changes. */
export const toPendingJson = (changes: readonly PendingChange[]): PendingJson[] =>
  changes.map((c) => ({ name: c.name, value: c.value, masked: c.masked, requestedAt: c.requestedAt?.toISOString() ?? null }));

/** Pending changes read back from JSON; anything malformed is dropped. */
export function fromPendingJson(list: unknown): PendingChange[] {
  if (!Array.isArray(list)) return [];
  return (list as Partial<PendingJson>[])
    .filter((c): c is PendingJson => typeof c?.name === 'string' && typeof c.value === 'string')
    .map((c) => ({ name: c.name, value: c.value, masked: c.masked === true, requestedAt: c.requestedAt ? new Date(c.requestedAt) : null }));
}

const toText = (changes: readonly PendingChange[]): string => JSON.stringify(toPendingJson(changes));
function fromText(text: string | undefined | null): PendingChange[] {
  if (!text) return [];
  try {
    return fromPendingJson(JSON.parse(text));
  } catch {
    return [];
  }
}

/** Kept in this process only (lost at restart): for one instance on real Cognito without Redis. */
export function memoryPendingStore(max = MAX_MEMORY_USERS): PendingStore {
  const map = new Map<string, string>();
  return {
    read: async (pool, sub) => fromText(map.get(`${pool}\u0000${sub}`)),
    async write(pool, sub, changes) {
      const key = `${pool}\u0000${sub}`;
      map.delete(key);
      if (changes.length === 0) return;
      if (map.size >= max) map.delete(map.keys().next().value!);
      map.set(key, toText(changes));
    },
    close: async () => undefined,
  };
}

/** Kept beside the embedded emulator's data (its store's facts table): survives restarts like the users do. */
export function metaPendingStore(meta: { get(key: string): string | undefined; set(key: string, value: string): void }): PendingStore {
  const key = (pool: string, sub: string) => `pending:${pool}:${sub}`;
  return {
    read: async (pool, sub) => fromText(meta.get(key(pool, sub))),
    write: async (pool, sub, changes) => meta.set(key(pool, sub), toText(changes)),
    close: async () => undefined,
  };
}

/** Shared by every instance through Redis. */
export function redisPendingStore(redisUrl: string): PendingStore {
  // While Redis is away a read or write waits at most REDIS_COMMAND_TIMEOUT_MS, then fails:
  // the change is answered without its pending state, never held up for long.
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, commandTimeout: REDIS_COMMAND_TIMEOUT_MS });
  redis.on('error', () => undefined);
  const key = (pool: string, sub: string) => `cognito-pending:{${pool}}:${sub}`;
  return {
    read: async (pool, sub) => fromText(await redis.get(key(pool, sub))),
    async write(pool, sub, changes) {
      if (changes.length === 0) await redis.del(key(pool, sub));
      else await redis.set(key(pool, sub), toText(changes), 'EX', REDIS_TTL_S);
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

const valueOf = (user: Pick<UserRecord, 'attributes'>, name: string) => user.attributes.find((a) => a.name === name)?.value;

/** Masks an address as Cognito's code delivery does: `b***@e***`, `+*******0100`. */
export function maskAddress(name: string, value: string): string {
  if (name === 'email') {
    const [local = '', domain = ''] = value.split('@');
    return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
  }
  return `+*******${value.slice(-4)}`;
}

/** Whether the user's current value is `change.value` (for a masked one: looks like it). */
function appliedIn(user: Pick<UserRecord, 'attributes'>, change: PendingChange): boolean {
  const current = valueOf(user, change.name);
  if (current === undefined) return false;
  return change.masked ? maskAddress(change.name, current) === change.value && valueOf(user, `${change.name}_verified`) === 'true' : current === change.value;
}

/** The pending changes still waiting, given the user's state in Cognito: those applied since are dropped. */
export function stillPending(changes: readonly PendingChange[], user: Pick<UserRecord, 'attributes'>): PendingChange[] {
  return changes.filter((c) => !appliedIn(user, c));
}

/** What one write left: the user's pending changes, those it started, and those it applied. */
export interface SettledPending {
  /** Every change still waiting after the write. */
  pending: PendingChange[];
  /** Those this write started (its `AttributeChange.pending`). */
  started: PendingChange[];
  /** Pending values this write made the user's (a verified code): they belong in the change's `updated`. */
  applied: UserAttribute[];
  /** Whether `pending` differs from what was remembered. */
  changed: boolean;
}

/**
 * What a write of `asked` (and `deleted`) leaves waiting, given what was
 * waiting `before` and the user Cognito shows `after` it. Only attributes in
 * `keepOriginal` (the pool's setting) can wait.
 */
export function settlePending(
  before: readonly PendingChange[],
  write: { asked: readonly UserAttribute[]; deleted: readonly string[] },
  after: Pick<UserRecord, 'attributes'>,
  keepOriginal: readonly string[],
  now: Date,
): SettledPending {
  const applied: UserAttribute[] = [];
  let pending: PendingChange[] = [];
  for (const change of before) {
    if (write.deleted.includes(change.name)) continue;
    if (appliedIn(after, change)) {
      if (!change.masked) applied.push({ name: change.name, value: change.value });
      continue;
    }
    pending.push(change);
  }
  const started: PendingChange[] = [];
  for (const { name, value } of write.asked) {
    if (!keepOriginal.includes(name)) continue;
    pending = pending.filter((c) => c.name !== name);
    if (valueOf(after, name) === value) continue;
    const previous = before.find((c) => c.name === name && !c.masked && c.value === value);
    const change = { name, value, masked: false, requestedAt: previous?.requestedAt ?? now };
    pending.push(change);
    started.push(change);
  }
  pending.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { pending, started, applied, changed: toText(pending) !== toText(before) };
}

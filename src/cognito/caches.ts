/**
 * What the service keeps from Cognito across requests, and when it forgets:
 *
 * - {@link TtlCache}: promises kept for a fixed time, for what Cognito
 *   changes rarely and many requests read (pool schemas, app clients' readable
 *   attributes). A failed load is forgotten at once, so the next read tries again.
 * - {@link ProfileCache}: the signed-in user's profile (GetUser) kept for a
 *   short while, so a frontend asking `me` on every screen costs Cognito one
 *   call per `ttlMs` per user instead of one per request.
 *
 * The profile cache, in detail:
 *
 * - **Keyed by who asks:** pool, `sub`, app client and the token's scopes. A
 *   profile is only ever served to a caller whose verified token names the
 *   same user through the same client with the same scopes, so the cache can
 *   show nobody anything GetUser would not have shown them.
 * - **Every change made through the service forgets the user** once per
 *   instance: on the instance that made it before the mutation answers, on
 *   every other when the change reaches it through the feed
 *   (src/changes/publish.ts owns both). What changes elsewhere (the AWS
 *   console, a Lambda trigger, another app, a revoked token) is seen after
 *   at most `ttlMs`.
 * - A load in flight is shared by every request that asks meanwhile, and is
 *   stored as a promise from its start: forgetting a user drops a load that
 *   started before the change, so a stale answer is never kept.
 * - A failed load is forgotten at once; at most `maxUsers` users are kept
 *   (the oldest go first).
 */
import type { UserRecord } from './users.js';

/** Who is asking: the cache serves a profile only to the same user, client and scopes. */
export interface ProfileKey {
  userPoolId: string;
  sub: string;
  clientId: string;
  /** The token's `scope` claim, as issued. */
  scope: string;
}

interface Entry {
  value: Promise<UserRecord>;
  expiresAt: number;
}

/** The signed-in users' profiles; see the module's documentation. */
export class ProfileCache {
  /** user (`pool\0sub`) → (client\0scope) → entry */
  readonly #users = new Map<string, Map<string, Entry>>();

  /**
   * @param ttlMs how long a profile is reused, in ms; 0 disables the cache.
   * @param maxUsers how many users are kept at most.
   */
  constructor(
    readonly ttlMs: number,
    readonly maxUsers = 50_000,
  ) {}

  /** The cached profile of the caller `key`, or `load()`'s while none is fresh. */
  get(key: ProfileKey, load: () => Promise<UserRecord>): Promise<UserRecord> {
    if (this.ttlMs <= 0) return load();
    const userKey = `${key.userPoolId}\u0000${key.sub}`;
    const viewKey = `${key.clientId}\u0000${key.scope}`;
    let views = this.#users.get(userKey);
    const hit = views?.get(viewKey);
    const now = Date.now();
    if (hit && hit.expiresAt > now) return hit.value;
    const value = load();
    if (!views) {
      if (this.#users.size >= this.maxUsers) this.#users.delete(this.#users.keys().next().value!);
      views = new Map();
      this.#users.set(userKey, views);
    }
    const entry = { value, expiresAt: now + this.ttlMs };
    views.set(viewKey, entry);
    value.catch(() => {
      const current = this.#users.get(userKey);
      if (current?.get(viewKey) === entry) {
        current.delete(viewKey);
        if (current.size === 0) this.#users.delete(userKey);
      }
    });
    return value;
  }

  /** Forgets every cached view of one user: the next `me` reads Cognito again. */
  invalidate(userPoolId: string, sub: string): void {
    this.#users.delete(`${userPoolId}\u0000${sub}`);
  }
}

/** A cache of promises, each kept for `ttlMs`; see the module's documentation. */
export class TtlCache<V> {
  readonly #entries = new Map<string, { value: Promise<V>; expiresAt: number }>();

  /** @param ttlMs how long a value is reused, in ms; 0 disables caching. */
  constructor(readonly ttlMs: number) {}

  /** The cached value of `key`, or `load()`'s while none is fresh. */
  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.#entries.get(key);
    if (hit && hit.expiresAt > Date.now()) return hit.value;
    const value = load();
    if (this.ttlMs > 0) {
      this.#entries.set(key, { value, expiresAt: Date.now() + this.ttlMs });
      value.catch(() => {
        if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
      });
    }
    return value;
  }

  /** Forgets `key`, so the next read loads it again. */
  invalidate(key: string): void {
    this.#entries.delete(key);
  }
}

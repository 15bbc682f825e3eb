/**
 * Changes made outside the service (the AWS console, managed login, an app
 * calling Cognito directly): Cognito tells nobody of them, so the service
 * looks, and publishes what it finds with `source: EXTERNAL`.
 *
 * - **Who is looked at.** Every user someone watches — their own feed, an
 *   administrator's feed of them — is re-read with AdminGetUser, the first
 *   time as soon as the subscription opens (a resume too), then at least
 *   every `RECONCILE_INTERVAL_MS` while the budget allows. A pool someone
 *   watches is re-read with ListUsers pages (60 users a call).
 * - **The budget.** `RECONCILE_READS_PER_SECOND` reads (a ListUsers page is
 *   one), shared by every instance (in Redis with `REDIS_URL`), and each read
 *   is also counted against its Cognito quota (UserRead, UserList) like any
 *   other call. With N watched users, each is re-read every
 *   max(RECONCILE_INTERVAL_MS, N / RECONCILE_READS_PER_SECOND) — the
 *   `reconcile_interval_seconds` metric says what this instance achieves.
 * - **Once, never twice.** What is read is compared with the user's last
 *   snapshot (src/changes/snapshots.ts) and swapped in only if the snapshot
 *   did not move meanwhile: of all the instances, re-reads and CloudTrail
 *   events that see one change, one publishes it. A change made through the
 *   service writes the snapshot itself ({@link Reconciler.noteChange}), and a
 *   user with such a change in flight on this instance is not compared until
 *   it is published, so the service's own changes are never EXTERNAL ones.
 *   A user seen for the first time has nothing to compare with: their
 *   snapshot is taken, nothing is published.
 */
import { AdminGetUserCommand, ListUsersCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Logger } from 'pino';
import type { ProfileCache } from '../cognito/caches.js';
import { fromAdminGetUser, fromListedUser, type UserAttribute, type UserRecord } from '../cognito/users.js';
import { toEventUser, type AttributeChangeEvent, type ChangeFeed } from './feed.js';
import { readSnapshot, snapshotText, type SnapshotStore } from './snapshots.js';

/** How often the scheduler looks for work. */
const TICK_MS = 50;
/** Reads in flight at once, at most. */
const MAX_IN_FLIGHT = 8;
/** Users a ListUsers page holds (Cognito's most). */
export const LIST_PAGE = 60;

/** How reconciliation is set up. */
export interface ReconcileOptions {
  cognito: CognitoIdentityProviderClient;
  changes: ChangeFeed;
  profiles: ProfileCache;
  snapshots: SnapshotStore;
  /** `RECONCILE_READS_PER_SECOND`; 0 turns re-reading off (CloudTrail events are still read). */
  readsPerSecond: number;
  /** `RECONCILE_INTERVAL_MS`. */
  intervalMs: number;
  /** Takes one read of the budget shared by every instance; false when there is none left now. */
  takeRead: () => Promise<boolean>;
  logger: Logger;
  /** Told of each read made, and of each outside change published (metrics). */
  onRead?: (kind: 'user' | 'page' | 'event') => void;
  onExternal?: () => void;
}

interface Watched {
  userPoolId: string;
  username: string;
  sub: string;
  watchers: number;
  lastRead: number;
}

interface WatchedPool {
  userPoolId: string;
  watchers: number;
  /** Where the current pass over the pool is; undefined between passes. */
  token: string | undefined;
  passStarted: number;
  /** Pages the last whole pass took. */
  pages: number;
  /** Pages read so far in this pass. */
  read: number;
  /** A page is being read: one at a time per pool (the next page's token comes with it). */
  reading: boolean;
}

/** What changed between two attribute lists. */
export function diffAttributes(before: readonly UserAttribute[], after: readonly UserAttribute[]): { updated: UserAttribute[]; deleted: string[] } {
  const old = new Map(before.map((a) => [a.name, a.value]));
  const now = new Set(after.map((a) => a.name));
  return {
    updated: after.filter((a) => old.get(a.name) !== a.value),
    deleted: [...old.keys()].filter((name) => !now.has(name)),
  };
}

/** Looks for changes made outside the service; see the module's documentation. */
export class Reconciler {
  readonly #options: ReconcileOptions;
  readonly #logger: Logger;
  /** Watched users, in the order they are due (the least recently read first). */
  readonly #users = new Map<string, Watched>();
  /** Users to read as soon as the budget allows (a subscription just opened). */
  readonly #urgent = new Set<string>();
  readonly #pools = new Map<string, WatchedPool>();
  /** Users with a change through the service in flight on this instance. */
  readonly #writing = new Map<string, number>();
  #credit = 0;
  #lastTick = Date.now();
  #inFlight = 0;
  #ticking = false;
  readonly #timer: ReturnType<typeof setInterval> | undefined;

  constructor(options: ReconcileOptions) {
    this.#options = options;
    this.#logger = options.logger.child({ component: 'reconcile' });
    if (options.readsPerSecond > 0) {
      this.#timer = setInterval(() => void this.#tick(), TICK_MS);
      this.#timer.unref();
    }
  }

  /** Watches one user until the returned function is called; their first re-read is due at once. */
  watch(userPoolId: string, username: string, sub: string): () => void {
    const key = `${userPoolId}\u0000${sub}`;
    let watched = this.#users.get(key);
    if (!watched) {
      watched = { userPoolId, username, sub, watchers: 0, lastRead: 0 };
      this.#users.set(key, watched);
    }
    watched.watchers += 1;
    this.#urgent.add(key);
    let watching = true;
    return () => {
      if (!watching) return;
      watching = false;
      watched.watchers -= 1;
      if (watched.watchers === 0 && this.#users.get(key) === watched) {
        this.#users.delete(key);
        this.#urgent.delete(key);
      }
    };
  }

  /** Watches a whole pool (ListUsers pages) until the returned function is called. */
  watchPool(userPoolId: string): () => void {
    let pool = this.#pools.get(userPoolId);
    if (!pool) {
      pool = { userPoolId, watchers: 0, token: undefined, passStarted: 0, pages: 1, read: 0, reading: false };
      this.#pools.set(userPoolId, pool);
    }
    pool.watchers += 1;
    let watching = true;
    return () => {
      if (!watching) return;
      watching = false;
      pool.watchers -= 1;
      if (pool.watchers === 0 && this.#pools.get(userPoolId) === pool) this.#pools.delete(userPoolId);
    };
  }

  /**
   * Marks a change through the service to one user as in flight on this
   * instance, until the returned function is called (after it was published).
   */
  beginWrite(subject: { userPoolId: string; username: string; sub?: string }): () => void {
    const keys = [`${subject.userPoolId}\u0000u:${subject.username}`, ...(subject.sub ? [`${subject.userPoolId}\u0000s:${subject.sub}`] : [])];
    for (const key of keys) this.#writing.set(key, (this.#writing.get(key) ?? 0) + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      for (const key of keys) {
        const left = (this.#writing.get(key) ?? 1) - 1;
        if (left > 0) this.#writing.set(key, left);
        else this.#writing.delete(key);
      }
    };
  }

  /** Whether a change through the service to this user is in flight here. */
  #isWriting(userPoolId: string, username: string, sub: string): boolean {
    return this.#writing.size > 0 && (this.#writing.has(`${userPoolId}\u0000u:${username}`) || this.#writing.has(`${userPoolId}\u0000s:${sub}`));
  }

  /** Records the state a change through the service left (its event's user): a later re-read of it is no change. */
  async noteChange(event: Pick<AttributeChangeEvent, 'userPoolId' | 'sub' | 'username' | 'user'>): Promise<void> {
    await this.#options.snapshots.put(event.userPoolId, event.sub, snapshotText(event.username, event.user.attributes)).catch((error: Error) => {
      this.#logger.warn({ err: { message: error.message } }, 'a snapshot could not be written');
    });
  }

  /**
   * Re-reads one user whom Cognito says changed (a CloudTrail event names
   * their `sub`), when anyone here has a snapshot of them; says whether it did.
   */
  async recheck(userPoolId: string, sub: string): Promise<boolean> {
    const text = await this.#options.snapshots.get(userPoolId, sub);
    const snapshot = text === undefined ? undefined : readSnapshot(text);
    if (!snapshot) return false;
    this.#options.onRead?.('event');
    await this.#readUser(userPoolId, snapshot.username, sub, text);
    return true;
  }

  /** Re-reads one user named by username (a CloudTrail event that shows it); says whether it did. */
  async recheckUsername(userPoolId: string, username: string): Promise<boolean> {
    this.#options.onRead?.('event');
    const user = await this.#adminGet(userPoolId, username);
    if (!user) return false;
    const expected = await this.#options.snapshots.get(userPoolId, user.sub);
    if (expected === undefined) return false;
    await this.#compare(user, expected);
    return true;
  }

  /** Users watched on this instance. */
  get watchedUsers(): number {
    return this.#users.size;
  }

  /** How often each watched user and pool is re-read at this budget, in ms: never less than RECONCILE_INTERVAL_MS. */
  get achievableIntervalMs(): number {
    const { readsPerSecond, intervalMs } = this.#options;
    if (readsPerSecond <= 0) return Number.POSITIVE_INFINITY;
    let reads = this.#users.size;
    for (const pool of this.#pools.values()) reads += pool.pages;
    return Math.max(intervalMs, Math.ceil((reads / readsPerSecond) * 1_000));
  }

  close(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#users.clear();
    this.#pools.clear();
  }

  async #tick(): Promise<void> {
    if (this.#ticking) return;
    this.#ticking = true;
    try {
      const now = Date.now();
      const { readsPerSecond } = this.#options;
      this.#credit = Math.min(this.#credit + (readsPerSecond * (now - this.#lastTick)) / 1_000, Math.max(1, readsPerSecond));
      this.#lastTick = now;
      while (this.#credit >= 1 && this.#inFlight < MAX_IN_FLIGHT) {
        const work = this.#nextWork(now);
        if (!work) return;
        if (!(await this.#options.takeRead())) return;
        this.#credit -= 1;
        this.#inFlight += 1;
        void work()
          .catch((error: Error) => this.#logger.warn({ err: { name: error.name, message: error.message } }, 're-reading failed'))
          .finally(() => (this.#inFlight -= 1));
      }
    } finally {
      this.#ticking = false;
    }
  }

  /** The next read that is due: a user just watched, a pool page, or the user read longest ago. */
  #nextWork(now: number): (() => Promise<void>) | undefined {
    const take = (key: string) => {
      const watched = this.#users.get(key)!;
      this.#urgent.delete(key);
      // To the end of the line.
      this.#users.delete(key);
      this.#users.set(key, watched);
      watched.lastRead = now;
      this.#options.onRead?.('user');
      return () => this.#readUser(watched.userPoolId, watched.username, watched.sub);
    };
    const urgent = this.#urgent.values().next();
    if (!urgent.done) return take(urgent.value);
    for (const pool of this.#pools.values()) {
      if (pool.reading) continue;
      if (pool.token === undefined && now - pool.passStarted < this.#options.intervalMs) continue;
      if (pool.token === undefined) pool.passStarted = now;
      pool.reading = true;
      this.#options.onRead?.('page');
      return () => this.#readPage(pool);
    }
    const first = this.#users.entries().next();
    if (!first.done && now - first.value[1].lastRead >= this.#options.intervalMs) return take(first.value[0]);
    return undefined;
  }

  async #readUser(userPoolId: string, username: string, sub: string, known?: string): Promise<void> {
    if (this.#isWriting(userPoolId, username, sub)) return;
    const expected = known ?? (await this.#options.snapshots.get(userPoolId, sub));
    const user = await this.#adminGet(userPoolId, username);
    if (user) await this.#compare(user, expected);
  }

  /** The user as AdminGetUser shows them; undefined when they are gone. */
  async #adminGet(userPoolId: string, username: string): Promise<UserRecord | undefined> {
    try {
      return fromAdminGetUser(await this.#options.cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username })), userPoolId);
    } catch (error) {
      if ((error as Error).name === 'UserNotFoundException') return undefined;
      throw error;
    }
  }

  async #readPage(pool: WatchedPool): Promise<void> {
    let output;
    try {
      output = await this.#options.cognito.send(
        new ListUsersCommand({ UserPoolId: pool.userPoolId, Limit: LIST_PAGE, ...(pool.token ? { PaginationToken: pool.token } : {}) }),
      );
    } catch (error) {
      // The pass starts over at the next interval.
      pool.token = undefined;
      pool.read = 0;
      pool.reading = false;
      throw error;
    }
    pool.read = pool.token === undefined ? 1 : pool.read + 1;
    pool.token = output.PaginationToken || undefined;
    if (pool.token === undefined) pool.pages = pool.read;
    pool.reading = false;
    const users = (output.Users ?? []).map((u) => fromListedUser(u, pool.userPoolId));
    const known = await this.#options.snapshots.getMany(
      pool.userPoolId,
      users.map((u) => u.sub),
    );
    for (const [i, user] of users.entries()) await this.#compare(user, known[i]);
  }

  /** Swaps in what was read, and publishes what changed since the snapshot. */
  async #compare(user: UserRecord, expected: string | undefined): Promise<void> {
    const { userPoolId, sub } = user;
    // A change through the service is in flight: its own event tells of it.
    if (this.#isWriting(userPoolId, user.username, sub)) return;
    const next = snapshotText(user.username, user.attributes);
    if (next === expected) return;
    if (!(await this.#options.snapshots.swap(userPoolId, sub, expected, next))) return;
    const before = expected === undefined ? undefined : readSnapshot(expected);
    if (!before) return;
    const { updated, deleted } = diffAttributes(before.attributes, user.attributes);
    if (updated.length === 0 && deleted.length === 0) return;
    this.#options.profiles.invalidate(userPoolId, sub);
    this.#options.onExternal?.();
    this.#options.changes.publish({
      userPoolId,
      username: user.username,
      sub,
      user: toEventUser(user),
      updated,
      deleted,
      source: 'EXTERNAL',
      occurredAt: new Date().toISOString(),
    });
  }
}

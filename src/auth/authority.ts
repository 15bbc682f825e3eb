/**
 * What was taken away in Cognito stops working here too. A verified token
 * says who the caller was when it was issued (an hour ago, a day ago); admin
 * calls never show Cognito that token, and the emulator honours any token, so
 * the service asks Cognito itself, at most once per token every
 * `AUTH_RECHECK_MS`:
 *
 * - **the user is still there and enabled** (AdminGetUser) and **the token is
 *   still good** (GetUser with it: Cognito refuses a token revoked with
 *   GlobalSignOut or RevokeToken, and the token of a disabled user);
 * - for a token that claims the admin group, **the user is still in it**
 *   (AdminListGroupsForUser).
 *
 * Administrators' operations wait for that answer (src/builder.ts). Open
 * subscriptions (src/changes/delivery.ts) and graphql-ws sockets
 * (src/server/graphql-ws.ts) are watched ({@link Rechecks}): each open token
 * is asked about again once per period, at most `AUTH_RECHECKS_PER_SECOND`
 * tokens a second, and what it opened ends when the answer changed. The
 * checks are calls of the service's own, under a quota share of their own
 * (src/cognito/quotas.ts); one that cannot be made ends nothing. With more
 * open tokens than `AUTH_RECHECKS_PER_SECOND × AUTH_RECHECK_MS` allows, each
 * is re-checked less often: 10,000 tokens at the default 15 a second, every
 * 11 minutes (10,000 tokens every 30 s would be about 670 Cognito calls a
 * second, and as much SDK CPU as the rest of the service).
 */
import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  GetUserCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { fromCognito } from '../errors.js';
import { byCaller, concerning } from '../cognito/pipeline.js';
import type { Caller } from './tokens.js';

/** What Cognito says of a caller now. */
export interface Standing {
  /** The user exists, is enabled, and the token is not revoked. */
  valid: boolean;
  /** Still in the admin group (only asked for a token that claims it). */
  admin: boolean;
}

/** The caller under which the service's own checks are counted (their share of UserRead). */
const RECHECKER = { userPoolId: 'service', sub: 'authority-recheck' } as const;

/** Asks Cognito whether callers still have the authority their tokens claim; see the module's documentation. */
export class Authority {
  readonly #cache = new Map<string, { standing: Promise<Standing>; until: number }>();

  /**
   * @param recheckMs how long an answer is reused for one token, in ms (`AUTH_RECHECK_MS`)
   * @param maxTokens how many tokens' answers are kept at most
   */
  constructor(
    private readonly cognito: CognitoIdentityProviderClient,
    private readonly adminGroup: string,
    readonly recheckMs: number,
    private readonly maxTokens = 10_000,
  ) {}

  /**
   * The caller's standing now, at most `recheckMs` old. Rejects with the
   * contract's error (UPSTREAM_UNAVAILABLE, LIMIT_EXCEEDED) when Cognito
   * cannot be asked; such a failure is not kept.
   */
  standing(caller: Caller): Promise<Standing> {
    const now = Date.now();
    const hit = this.#cache.get(caller.accessToken);
    if (hit && hit.until > now) return hit.standing;
    const standing = this.#ask(caller);
    if (this.#cache.size >= this.maxTokens) this.#cache.delete(this.#cache.keys().next().value!);
    const entry = { standing, until: now + this.recheckMs };
    this.#cache.set(caller.accessToken, entry);
    standing.catch(() => {
      if (this.#cache.get(caller.accessToken) === entry) this.#cache.delete(caller.accessToken);
    });
    return standing;
  }

  /** Whether the caller is an administrator now: their token says so and Cognito still does. */
  async isAdmin(caller: Caller | null): Promise<boolean> {
    if (!caller?.isAdmin) return false;
    const { valid, admin } = await this.standing(caller);
    return valid && admin;
  }

  async #ask(caller: Caller): Promise<Standing> {
    const { userPoolId, username } = caller;
    const asked = <C extends { input: object }>(command: C) => byCaller(RECHECKER, concerning(caller, command));
    try {
      const [user, groups] = await Promise.all([
        this.cognito.send(asked(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }))),
        caller.isAdmin ? this.cognito.send(asked(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: username, Limit: 60 }))) : undefined,
        this.cognito.send(asked(new GetUserCommand({ AccessToken: caller.accessToken }))),
      ]);
      if (user.Enabled === false) return { valid: false, admin: false };
      return { valid: true, admin: (groups?.Groups ?? []).some((group) => group.GroupName === this.adminGroup) };
    } catch (error) {
      // Cognito answered that the user, or the token, is no more; anything else is not an answer.
      if (isGone(error)) return { valid: false, admin: false };
      throw fromCognito(error, 'admin');
    }
  }
}

/** Cognito's answer that the user does not exist, is disabled, or that the token was revoked. */
function isGone(error: unknown): boolean {
  return error instanceof Error && (error.name === 'UserNotFoundException' || error.name === 'NotAuthorizedException');
}

/** What a caller lost: access altogether, or the administrator's authority only. */
export type Lost = 'access' | 'admin';

/** One watcher of a token: what it depends on, and whom to tell. */
interface Watcher {
  needsAdmin: boolean;
  lost: (what: Lost) => void;
}

/** The watchers of one token, and when it is next asked about. */
interface Watched {
  caller: Caller;
  due: number;
  watchers: Set<Watcher>;
}

/**
 * Re-checks every watched token once per `recheckMs`, at most
 * `checksPerSecond` tokens a second (administrators' first, then the longest
 * due): the checks stay within the read budget however many tokens are open,
 * and a burst of sockets opened together is not re-checked in one burst.
 */
export class Rechecks {
  /**
   * Watched tokens in the order they are due (a Map keeps insertion order,
   * and each is put back at the end with `now + recheckMs` after its check):
   * administrators' apart, asked first. A tick reads only what it asks.
   */
  readonly #queues = { admins: new Map<string, Watched>(), users: new Map<string, Watched>() };
  #timer: ReturnType<typeof setInterval> | undefined;
  readonly #tickMs: number;

  constructor(
    private readonly authority: Authority,
    readonly checksPerSecond: number,
  ) {
    this.#tickMs = Math.min(1_000, authority.recheckMs);
  }

  /** Watches `caller`'s token; `lost` is called (once) when Cognito says it no longer stands. Returns the way to stop. */
  watch(caller: Caller, needsAdmin: boolean, lost: (what: Lost) => void): () => void {
    const token = caller.accessToken;
    const queue = caller.isAdmin ? this.#queues.admins : this.#queues.users;
    let entry = queue.get(token);
    if (!entry) {
      entry = { caller, due: Date.now() + this.authority.recheckMs, watchers: new Set() };
      queue.set(token, entry);
    }
    const watcher: Watcher = { needsAdmin, lost };
    entry.watchers.add(watcher);
    if (!this.#timer) {
      this.#timer = setInterval(() => this.#tick(), this.#tickMs);
      this.#timer.unref();
    }
    const watched = entry;
    return () => {
      watched.watchers.delete(watcher);
      if (watched.watchers.size === 0 && queue.get(token) === watched) queue.delete(token);
      if (this.size === 0) this.stop();
    };
  }

  /** Tokens watched now. */
  get size(): number {
    return this.#queues.admins.size + this.#queues.users.size;
  }

  /** Stops the timer (the service stops). */
  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #tick(): void {
    const now = Date.now();
    let budget = Math.max(1, Math.floor((this.checksPerSecond * this.#tickMs) / 1_000));
    for (const queue of [this.#queues.admins, this.#queues.users]) {
      const asked: [string, Watched][] = [];
      for (const [token, entry] of queue) {
        if (budget === 0 || entry.due > now) break;
        budget -= 1;
        asked.push([token, entry]);
      }
      for (const [token, entry] of asked) {
        queue.delete(token);
        entry.due = now + this.authority.recheckMs;
        queue.set(token, entry);
        this.#ask(entry);
      }
    }
  }

  #ask(entry: Watched): void {
    // A check that fails (Cognito unreachable, the share of quota spent) ends nothing: asked again next period.
    this.authority.standing(entry.caller).then(({ valid, admin }) => {
      for (const watcher of [...entry.watchers]) {
        const what: Lost | null = !valid ? 'access' : watcher.needsAdmin && !admin ? 'admin' : null;
        if (!what) continue;
        entry.watchers.delete(watcher);
        watcher.lost(what);
      }
    }, () => undefined);
  }
}

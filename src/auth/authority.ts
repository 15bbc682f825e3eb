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
 * Administrators' operations wait for that answer (src/builder.ts); open
 * subscriptions (src/changes/delivery.ts) and graphql-ws sockets
 * (src/server/graphql-ws.ts) ask again every period and end when it changed.
 * The checks are calls of the service's own, within its share of the UserRead
 * quota (src/cognito/quotas.ts): with more users to re-check than that share
 * allows, a check that cannot be made now is made later and nothing is ended
 * for it.
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
export const RECHECKER = { userPoolId: 'service', sub: 'authority-recheck' } as const;

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

/**
 * Asks `authority` about `caller` every `recheckMs` (not at once: the token
 * was verified a moment ago, and an administrator's standing was confirmed
 * before their operation ran; a burst of sockets and subscriptions costs
 * Cognito nothing, and each user's 10 reads a second stay theirs), and
 * calls `lost` (once) when Cognito says they no longer have access, or no
 * longer the administrator's authority `needsAdmin` says this depends on.
 * A check that fails (Cognito unreachable, the share of quota spent) ends
 * nothing. Returns a function that stops watching.
 */
export function watchAuthority(authority: Authority, caller: Caller, needsAdmin: boolean, lost: (what: Lost) => void): () => void {
  let watching = true;
  const check = () =>
    authority.standing(caller).then(
      ({ valid, admin }) => {
        if (!watching) return;
        const what: Lost | null = !valid ? 'access' : needsAdmin && !admin ? 'admin' : null;
        if (what) {
          stop();
          lost(what);
        }
      },
      () => undefined,
    );
  const timer = setInterval(check, authority.recheckMs);
  timer.unref();
  const stop = () => {
    watching = false;
    clearInterval(timer);
  };
  return stop;
}

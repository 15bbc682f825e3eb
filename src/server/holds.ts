/**
 * What each signed-in user holds open on this instance (graphql-ws sockets,
 * subscriptions), counted against a cap: one user cannot make the service
 * hold more for them than a frontend ever needs.
 */

/** Counts per user (`<pool>:<sub>`), each at most `max`. */
export class PerUserCount {
  readonly #counts = new Map<string, number>();

  /** @param max how many one user may hold at once */
  constructor(readonly max: number) {}

  /** Takes one for `user`: a function that gives it back (once), or `null` when the user holds `max` already. */
  take(user: { userPoolId: string; sub: string }): (() => void) | null {
    const key = `${user.userPoolId}:${user.sub}`;
    const count = this.#counts.get(key) ?? 0;
    if (count >= this.max) return null;
    this.#counts.set(key, count + 1);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      const left = (this.#counts.get(key) ?? 1) - 1;
      if (left > 0) this.#counts.set(key, left);
      else this.#counts.delete(key);
    };
  }
}

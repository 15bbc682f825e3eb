/**
 * What a token opened ends when it expires, and only here is that timed:
 *
 * - a graphql-ws socket closes with 4403 at its token's expiry
 *   (src/server/graphql-ws.ts), ending every subscription on it;
 * - a subscription stream ends with UNAUTHENTICATED at its token's expiry
 *   (src/changes/delivery.ts): over SSE, and for an operation that carried
 *   its own token on a shared socket. On a socket, the stream's timer fires
 *   {@link SOCKET_EXPIRY_GRACE_MS} later than the socket's, so the socket's
 *   4403 comes first and the stream's timer is only a backstop.
 */
import type { Caller } from './tokens.js';

/** How much later than its socket a subscription on a WebSocket is ended by its own timer. */
export const SOCKET_EXPIRY_GRACE_MS = 1_000; // 1 s

/** The longest delay `setTimeout` takes (about 24.8 days). */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** What is due at one moment: one timer for every socket and subscription whose token expires then. */
interface Due {
  timer: ReturnType<typeof setTimeout>;
  /** One entry per call of {@link onTokenExpiry} (the same function may come twice). */
  calls: Set<{ expired: () => void }>;
}

/**
 * The expiries to come, by the moment (ms since the epoch) they are due. A
 * token's expiry is a whole second, and the tokens of many users end in the
 * same one: one timer per moment, not one Timeout (about 0.2 KiB) per socket
 * and per subscription.
 */
const dueAt = new Map<number, Due>();

/** Calls what is due at `at`, each in turn, one failing not keeping the others from it. */
function fire(at: number): void {
  const due = dueAt.get(at);
  dueAt.delete(at);
  let failure: { error: unknown } | undefined;
  for (const call of due?.calls ?? []) {
    try {
      call.expired();
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
}

/**
 * Calls `expired` when `caller`'s token expires, `graceMs` later; at once
 * (on a timer) when it has already. Returns a function that cancels it.
 */
export function onTokenExpiry(caller: Caller, expired: () => void, graceMs = 0): () => void {
  const at = caller.expiresAt.getTime() + graceMs;
  const ms = at - Date.now();
  if (ms <= 0 || ms > MAX_TIMEOUT_MS) {
    const timer = setTimeout(expired, Math.min(Math.max(0, ms), MAX_TIMEOUT_MS));
    return () => clearTimeout(timer);
  }
  let due = dueAt.get(at);
  if (!due) {
    due = { timer: setTimeout(fire, ms, at), calls: new Set() };
    dueAt.set(at, due);
  }
  const call = { expired };
  due.calls.add(call);
  const entered = due;
  return () => {
    if (!entered.calls.delete(call) || entered.calls.size > 0) return;
    clearTimeout(entered.timer);
    if (dueAt.get(at) === entered) dueAt.delete(at);
  };
}

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

/**
 * Calls `expired` when `caller`'s token expires, `graceMs` later; at once
 * when it has already. Returns a function that cancels it.
 */
export function onTokenExpiry(caller: Caller, expired: () => void, graceMs = 0): () => void {
  const ms = Math.min(Math.max(0, caller.expiresAt.getTime() + graceMs - Date.now()), MAX_TIMEOUT_MS);
  const timer = setTimeout(expired, ms);
  return () => clearTimeout(timer);
}

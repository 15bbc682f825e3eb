/**
 * How the service stops:
 *
 * - {@link Shutdown}: what open subscription streams listen to, so that
 *   stopping completes them. One Set: the 20,000th stream costs what the first
 *   did to add (an AbortSignal keeps its listeners in an EventTarget, which
 *   checks every one it holds before adding another).
 * - {@link drainHttpServer}: the HTTP server refuses new connections, closes
 *   idle keep-alive ones at once, lets requests in flight finish for up to
 *   `graceMs`, then closes whatever is still open.
 */
import type { Server } from 'node:http';

/** How long a stopping server waits for requests in flight before closing their connections. */
export const SHUTDOWN_GRACE_MS = 5_000; // 5 s

/** The service stopping, as the open streams hear of it. */
export class Shutdown {
  /** Each listener in a box of its own: one listener added twice is told twice, and removed one at a time. */
  readonly #listeners = new Set<{ listener: () => void }>();
  #stopping = false;

  /** True once {@link Shutdown.stop} was called. */
  get stopping(): boolean {
    return this.#stopping;
  }

  /** How many listeners wait (one per open subscription stream). */
  get listeners(): number {
    return this.#listeners.size;
  }

  /** Calls `listener` once when the service stops (at once if it has). Returns a function that removes it. */
  onStop(listener: () => void): () => void {
    if (this.#stopping) {
      listener();
      return () => {};
    }
    const own = { listener };
    this.#listeners.add(own);
    return () => void this.#listeners.delete(own);
  }

  /** Tells every listener, once. */
  stop(): void {
    if (this.#stopping) return;
    this.#stopping = true;
    const listeners = [...this.#listeners];
    this.#listeners.clear();
    for (const { listener } of listeners) listener();
  }
}

/** Stops `server` as the module says; resolves once it is closed. */
export async function drainHttpServer(server: Server, graceMs = SHUTDOWN_GRACE_MS): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const grace = setTimeout(() => server.closeAllConnections(), graceMs);
  await closed;
  clearTimeout(grace);
}

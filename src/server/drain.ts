/**
 * How the HTTP server stops: it refuses new connections, closes idle
 * keep-alive ones at once, lets requests in flight finish for up to
 * `graceMs`, then closes whatever is still open.
 */
import type { Server } from 'node:http';

/** How long a stopping server waits for requests in flight before closing their connections. */
export const SHUTDOWN_GRACE_MS = 5_000; // 5 s

/** Stops `server` as the module says; resolves once it is closed. */
export async function drainHttpServer(server: Server, graceMs = SHUTDOWN_GRACE_MS): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const grace = setTimeout(() => server.closeAllConnections(), graceMs);
  await closed;
  clearTimeout(grace);
}

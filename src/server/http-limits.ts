/**
 * The HTTP server's own bounds, so that nobody, signed in or not, can make it
 * hold connections or buffers without end:
 *
 * - at most `MAX_CONNECTIONS` TCP connections, and `MAX_CONNECTIONS_PER_CLIENT`
 *   from one IP address (about 20,000 half-open connections made the service
 *   refuse everyone);
 * - a request's headers must arrive within `HEADERS_TIMEOUT_MS` and the whole
 *   request within `REQUEST_TIMEOUT_MS` (a half-open request was held ~90 s);
 * - an answer whose client stopped reading (an SSE stream, above all) is ended
 *   once its unsent output grows past `MAX_BUFFERED_BYTES`, or has waited
 *   `STALLED_STREAM_MS` with nothing read (200 stalled SSE streams grew the service by
 *   240 MB and were never ended).
 *
 * Behind a reverse proxy every client has the proxy's address: raise
 * `MAX_CONNECTIONS_PER_CLIENT` (or 0) and let the proxy cap each client.
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import type { HoldLimits } from '../config.js';

/** How often the server checks its connections against the timeouts (Node's default is 30 s: a 10 s timeout would be 40 s). */
const TIMEOUT_CHECK_MS = 1_000;

/** An HTTP server for `handler` with `limits` applied; `stop()` ends the stream watchdog. */
export function createBoundedServer(handler: RequestListener, limits: HoldLimits, logger: Logger, onDropped?: (transport: 'sse') => void): { server: Server; stop(): void } {
  const server = createServer(
    { headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: TIMEOUT_CHECK_MS },
    handler,
  );
  server.maxConnections = limits.maxConnections;

  if (limits.maxConnectionsPerClient > 0) {
    const perClient = new Map<string, number>();
    server.on('connection', (socket: Socket) => {
      const client = socket.remoteAddress ?? '';
      const count = (perClient.get(client) ?? 0) + 1;
      if (count > limits.maxConnectionsPerClient) {
        socket.destroy();
        return;
      }
      perClient.set(client, count);
      socket.once('close', () => {
        const left = (perClient.get(client) ?? 1) - 1;
        if (left > 0) perClient.set(client, left);
        else perClient.delete(client);
      });
    });
  }

  // Answers in flight (SSE streams above all): since when each has had
  // nothing read, and how much it had waiting at the last check. Output that
  // grows past the bound while waiting (events for a client that stopped
  // reading) ends the answer at once; output that was written in one go and
  // is read, however slowly (GraphiQL's page is 9 MB), is left alone; output
  // nobody reads for STALLED_STREAM_MS ends it too.
  const streams = new Map<ServerResponse, { stalledSince?: number; waiting?: number }>();
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    streams.set(res, {});
    res.once('close', () => streams.delete(res));
  });
  const check = () => {
    const now = Date.now();
    for (const [res, state] of streams) {
      if (!res.writableNeedDrain) {
        state.stalledSince = state.waiting = undefined;
        continue;
      }
      const waiting = res.writableLength;
      const read = state.waiting !== undefined && waiting < state.waiting;
      if (read) state.stalledSince = now;
      state.stalledSince ??= now;
      const overflowing = waiting > limits.maxBufferedBytes && state.waiting !== undefined && waiting > state.waiting;
      state.waiting = waiting;
      if (overflowing || now - state.stalledSince >= limits.stalledStreamMs) {
        logger.warn({ bufferedBytes: waiting, stalledMs: now - state.stalledSince }, 'an answer (an SSE stream) whose client stopped reading was ended');
        onDropped?.('sse');
        streams.delete(res);
        res.destroy();
      }
    }
  };
  const watchdog = setInterval(check, Math.min(1_000, Math.max(100, Math.floor(limits.stalledStreamMs / 5))));
  watchdog.unref();
  return { server, stop: () => clearInterval(watchdog) };
}

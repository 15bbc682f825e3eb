/**
 * A request id on every log line made while serving a request, and one
 * access-log line per HTTP request.
 *
 * Every request gets an id: the caller's `x-request-id` when it is a sane
 * one (a load balancer's or a frontend's, so one id follows a request across
 * services), else a fresh UUID. The answer echoes it in `x-request-id`. The
 * id lives in an `AsyncLocalStorage` for as long as the request is served,
 * and {@link withRequestIds} writes it as `requestId` on every line of the
 * service's logger made meanwhile: Yoga's (masked errors), ours, the
 * quota limiter's and the breaker's, whoever logs them. A graphql-ws socket
 * gets one id for its life, from its upgrade request (src/ws.ts).
 *
 * The access line carries method, path (never the query string: a GET's
 * document and variables stay out of the log), status, duration, the
 * operation name(s) and the id; never a header, so never `Authorization`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { getOperationAST, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import pino, { type Logger } from 'pino';
import { METRICS_ENDPOINT } from './metrics.js';
import { scrub } from './safe-logging.js';

/** The header a request id comes in and goes out with. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * A caller's request id worth keeping: 1 to 128 characters of the kinds
 * UUIDs, ULIDs and tracing ids (AWS `Root=1-…;Parent=…`, W3C) are made of.
 */
const SANE_REQUEST_ID = /^[\w.:;=+/-]{1,128}$/;

/** How every JWT starts (`{"` in base64url): never kept as a request id. */
const JWT_START = 'eyJ';

/** At most this many characters of an operation name or a path go into a line. */
const MAX_LOGGED_NAME = 128;

/** Paths polled by machines (probes, Prometheus): their access lines are `debug`, not `info`. */
const POLLED_PATHS = new Set(['/health', '/ready', METRICS_ENDPOINT]);

/** What is known about the request being served. */
interface RequestScope {
  readonly id: string;
  /** `performance.now()` when it arrived. */
  readonly startedAt: number;
  /** The names of the operations an HTTP request ran (several in a batch); not kept for a socket's many. */
  readonly operations?: string[];
}

const scope = new AsyncLocalStorage<RequestScope>();

/** The id for a request that came with `incoming` in {@link REQUEST_ID_HEADER}: that, when sane and not token-like, else a fresh UUID. */
export function requestIdFrom(incoming: string | null | undefined): string {
  const value = incoming?.trim();
  // A caller's JWT (even cut short) sent as a request id would be written on every line: refused.
  if (value && SANE_REQUEST_ID.test(value) && !value.includes(JWT_START)) return value;
  return randomUUID();
}

/** Runs `fn` as part of the request (or socket) `id`: what it logs, now or later, carries `requestId`. */
export function withRequestId<T>(id: string, fn: () => T): T {
  return scope.run({ id, startedAt: performance.now() }, fn);
}

/** `logger` writing `requestId` on each line made while a request is served (keeping its own log formatter, if any). */
export function withRequestIds(logger: Logger): Logger {
  const own = (logger as unknown as Record<symbol, { log?: (object: Record<string, unknown>) => Record<string, unknown> }>)[pino.symbols.formattersSym]?.log;
  return logger.child(
    {},
    {
      formatters: {
        log(logged) {
          const object = logged as Record<string, unknown>;
          const id = scope.getStore()?.id;
          const withId = id && object.requestId === undefined ? { requestId: id, ...object } : object;
          return own ? own(withId) : withId;
        },
      },
    },
  );
}

/** The name of the operation `document` runs, `Anonymous` when it has none. */
const operationNameOf = (document: DocumentNode, operationName: string | null | undefined) =>
  getOperationAST(document, operationName)?.name?.value ?? 'Anonymous';

/** `text` cut to {@link MAX_LOGGED_NAME} characters, nothing token-like left. */
const loggable = (text: string) => scrub(text.slice(0, MAX_LOGGED_NAME));

/**
 * The Yoga plugin: runs each request inside its id (put it first among the
 * plugins, so every other hook runs inside), echoes the id and writes the
 * access line when the answer starts (for an SSE stream, its duration is the
 * time to the first byte).
 */
export function useRequestLog(logger: Logger): Plugin {
  const access = logger.child({ component: 'access' });
  return {
    instrumentation: {
      request: ({ request }, wrapped) =>
        scope.run({ id: requestIdFrom(request.headers.get(REQUEST_ID_HEADER)), startedAt: performance.now(), operations: [] }, wrapped),
    },
    // Named once parsed, so an operation that then fails validation is named too.
    onParse({ context }) {
      const operations = scope.getStore()?.operations;
      if (!operations) return undefined;
      return ({ result }) => {
        if (!(result instanceof Error)) operations.push(operationNameOf(result, (context as { params?: { operationName?: string | null } }).params?.operationName));
      };
    },
    onResponse({ request, response }) {
      const served = scope.getStore();
      if (!served) return;
      response.headers.set(REQUEST_ID_HEADER, served.id);
      const path = new URL(request.url, 'http://localhost').pathname;
      const status = response.status;
      const line = {
        method: request.method,
        path: loggable(path),
        status,
        durationMs: Math.round((performance.now() - served.startedAt) * 10) / 10,
        ...(served.operations?.length ? { operationName: served.operations.map(loggable).join(',') } : {}),
      };
      const level = status >= 500 ? 'warn' : POLLED_PATHS.has(path) ? 'debug' : 'info';
      access[level](line, 'request');
    },
  };
}

/**
 * A request id on what the service logs about a request, and one access-log
 * line per HTTP request.
 *
 * Every request gets an id: the caller's `x-request-id` when it is a sane
 * one (a load balancer's or a frontend's, so one id follows a request across
 * services), else a fresh UUID. The answer echoes it in `x-request-id`. A
 * graphql-ws socket gets one id for its life, from its upgrade request
 * (src/server/graphql-ws.ts). The id is written as `requestId` on the access line and on
 * the line of every unexpected (masked) error of an operation, whether it
 * came over HTTP or a socket; the GraphQL context carries it
 * (`context.requestId`) for anything else a resolver logs.
 *
 * No AsyncLocalStorage: on Node 20 it turns on promise hooks for every
 * promise of the process, which cost 13 % of the CPU of a `me` (measured).
 * So lines the service writes outside an operation's reach (Yoga's debug
 * lines, the circuit breaker's, the quota limiter's) carry no id.
 *
 * The access line carries method, path (never the query string: a GET's
 * document and variables stay out of the log), status, duration, the
 * operation name(s) and the id; never a header, so never `Authorization`.
 * With tracing on (src/plugins/use-tracing.ts), also `traceId`: the trace of
 * the request's operations (several ids, comma-separated, only for a batch
 * whose operations began traces of their own).
 */
import { randomUUID } from 'node:crypto';
import { getOperationAST, type DocumentNode } from 'graphql';
import { handleStreamOrSingleExecutionResult, maskError, type Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { loggedErrors, scrub } from '../logging/safe-logger.js';
import { METRICS_ENDPOINT } from './use-metrics.js';
import { READY_ENDPOINT } from './use-readiness.js';

/** The header a request id comes in and goes out with. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * A caller's request id worth keeping: 1 to 128 characters of the kinds
 * UUIDs, ULIDs and tracing ids (AWS `Root=1-…;Parent=…`, W3C) are made of.
 */
const SANE_REQUEST_ID = /^[\w.:;=+/-]{1,128}$/;

/** How every JWT starts (`{"` in base64url): never kept as a request id. */
const JWT_START = 'eyJ';

/** The id for a request that came with `incoming` in {@link REQUEST_ID_HEADER}: that, when sane and not token-like, else a fresh UUID. */
export function requestIdFrom(incoming: string | null | undefined): string {
  const value = incoming?.trim();
  // A caller's JWT (even cut short) sent as a request id would be written into the log: refused.
  if (value && SANE_REQUEST_ID.test(value) && !value.includes(JWT_START)) return value;
  return randomUUID();
}

/** At most this many characters of an operation name or a path go into a line. */
const MAX_LOGGED_NAME = 128;

/** Paths polled by machines (probes, Prometheus): their access lines are `debug`, not `info`. */
const POLLED_PATHS = new Set(['/health', READY_ENDPOINT, METRICS_ENDPOINT]);

/** What is known about the request being served. */
interface RequestScope {
  readonly id: string;
  /** `performance.now()` when it arrived. */
  readonly startedAt: number;
  /** The names of the operations an HTTP request ran (several in a batch); not kept for a socket's many. */
  readonly operations?: string[];
  /** The traces of its operations (tracing on), told by {@link noteTraceId}. */
  traceIds?: string[];
}

/** What is known about each HTTP request being served. */
const scopes = new WeakMap<Request, RequestScope>();

/** The id of an HTTP request (made when it arrived); `undefined` for one {@link useRequestLog} has not seen. */
export function requestIdOf(request: Request | undefined): string | undefined {
  return request ? scopes.get(request)?.id : undefined;
}

/** Tells the access line of `request` that one of its operations is in trace `traceId` (src/plugins/use-tracing.ts). */
export function noteTraceId(request: Request, traceId: string): void {
  const scope = scopes.get(request);
  if (!scope) return;
  if (!scope.traceIds) scope.traceIds = [traceId];
  else if (!scope.traceIds.includes(traceId)) scope.traceIds.push(traceId);
}

/** The name of the operation `document` runs, `Anonymous` when it has none. */
const operationNameOf = (document: DocumentNode, operationName: string | null | undefined) =>
  getOperationAST(document, operationName)?.name?.value ?? 'Anonymous';

/** `text` cut to {@link MAX_LOGGED_NAME} characters, nothing token-like left. */
const loggable = (text: string) => scrub(text.slice(0, MAX_LOGGED_NAME));

/**
 * The Yoga plugin (put it first among the plugins): gives each HTTP request
 * its id, logs what Yoga is about to mask with the id of the operation's
 * request or socket (`context.requestId`), echoes the id and writes the
 * access line when the answer starts (for an SSE stream, its duration is the
 * time to the first byte).
 */
export function useRequestLog(logger: Logger): Plugin<{ requestId?: string | null }> {
  const access = logger.child({ component: 'access' });
  /** Logs each error Yoga is about to mask, with the id of the request (or socket) it happened in. */
  const logUnexpected = (errors: readonly unknown[] | undefined, requestId: string | null | undefined) => {
    for (const error of errors ?? []) {
      if (typeof error !== 'object' || error === null || loggedErrors.has(error)) continue;
      if (maskError(error, '', false) === error) continue;
      loggedErrors.add(error);
      logger.error({ ...(requestId ? { requestId } : {}), err: error }, 'unexpected error');
    }
  };
  return {
    instrumentation: {
      // Around every hook of every plugin (Yoga's health check answers before any plugin's onRequest).
      request({ request }, wrapped) {
        scopes.set(request, { id: requestIdFrom(request.headers.get(REQUEST_ID_HEADER)), startedAt: performance.now(), operations: [] });
        return wrapped();
      },
    },
    // Named once parsed, so an operation that then fails validation is named too.
    onParse({ context }) {
      const operations = scopes.get((context as { request?: Request }).request as Request)?.operations;
      if (!operations) return undefined;
      return ({ result }) => {
        if (!(result instanceof Error)) operations.push(operationNameOf(result, (context as { params?: { operationName?: string | null } }).params?.operationName));
      };
    },
    // Before Yoga's masking (its plugin comes after ours): the errors are still the originals.
    onExecute({ args }) {
      const requestId = args.contextValue?.requestId;
      return {
        onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, ({ result }) => logUnexpected(result.errors, requestId)),
      };
    },
    onSubscribe({ args }) {
      const requestId = args.contextValue?.requestId;
      return {
        // A method (kept as long as the subscription; see FeedSubscription in src/changes/delivery.ts).
        onSubscribeResult(payload) {
          return handleStreamOrSingleExecutionResult(payload, ({ result }) => logUnexpected(result.errors, requestId));
        },
        onSubscribeError({ error }) {
          logUnexpected([error], requestId);
        },
      };
    },
    onResponse({ request, response }) {
      const served = scopes.get(request);
      if (!served) return;
      response.headers.set(REQUEST_ID_HEADER, served.id);
      const path = new URL(request.url, 'http://localhost').pathname;
      const status = response.status;
      const line = {
        requestId: served.id,
        method: request.method,
        path: loggable(path),
        status,
        durationMs: Math.round((performance.now() - served.startedAt) * 10) / 10,
        ...(served.operations?.length ? { operationName: served.operations.map(loggable).join(',') } : {}),
        ...(served.traceIds ? { traceId: served.traceIds.join(',') } : {}),
      };
      const level = status >= 500 ? 'warn' : POLLED_PATHS.has(path) ? 'debug' : 'info';
      access[level](line, 'request');
    },
  };
}

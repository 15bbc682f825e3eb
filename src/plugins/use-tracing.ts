/**
 * A span per GraphQL operation (tracing on only: src/tracing/tracing.ts loads
 * this module, so nothing of OpenTelemetry is loaded while it is off).
 *
 * Named and described as the OpenTelemetry semantic conventions for GraphQL
 * say: `{type} {name}` (`query Me`), `graphql.operation.type`,
 * `graphql.operation.name`. On failure the status is ERROR, `error.type` is the
 * contract code of its first error and `graphql.error.codes` every code it
 * answered (an error Yoga masks counts as INTERNAL_SERVER_ERROR, as the caller
 * sees it). Never `graphql.document` (a literal argument in the text, an
 * attribute value, would be exported with it), never variables, never a
 * message, header or token. `request.id` is the id of the access line.
 *
 * Where each transport's span begins, so HTTP, SSE and graphql-ws are traced alike:
 * - HTTP and SSE: Yoga's `instrumentation.operation`, around the parsing,
 *   validation and execution of each operation of a request (a batch's each
 *   its own span), a child of the caller's W3C `traceparent` when it sent one;
 *   its trace id goes on the request's access line (use-request-log.ts).
 * - graphql-ws: its operations are enveloped by src/server/graphql-ws.ts,
 *   which parses and validates them itself, so their span begins at
 *   `instrumentation.execute` / `subscribe`; one that fails validation there
 *   has none.
 * A subscription's span lasts until its stream is set up, not for its life.
 * The span is the active one while its operation runs (AsyncLocalStorage), so
 * each Cognito call the resolvers make is a child of it (src/cognito/pipeline.ts).
 *
 * Why not @envelop/opentelemetry (9.x): it depends on the 1.x SDK
 * (`@opentelemetry/sdk-trace-base` ^1, a second SDK beside the 2.x one that
 * exports), names its attributes as before the semantic conventions
 * (`graphql.execute.operationName`), exports the document by default, records
 * no error code, and starts its span at `execute` only (no span for an HTTP
 * operation that fails validation). What we need is the ~100 lines below on
 * `@opentelemetry/api` alone.
 */
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context as OtelContext, type Span, type TextMapGetter, type Tracer } from '@opentelemetry/api';
import { getOperationAST, type DocumentNode } from 'graphql';
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';
import { scrub } from '../logging/safe-logger.js';
import { noteTraceId, requestIdOf } from './use-request-log.js';

/** The span name of an operation not (yet) parsed, as the conventions say. */
const UNPARSED = 'GraphQL Operation';
/** At most this many characters of an operation name go into a span. */
const MAX_NAME = 128;
/** The code of an error Yoga masks (what the caller is answered). */
const MASKED_CODE = 'INTERNAL_SERVER_ERROR';

/** The W3C `traceparent`/`tracestate` of a fetch Request's headers. */
const fromHeaders: TextMapGetter<Headers> = {
  get: (headers, key) => headers.get(key) ?? undefined,
  keys: (headers) => [...headers.keys()],
};

/** Names `span` for the operation `document` runs. */
function describe(span: Span, document: DocumentNode, operationName: string | null | undefined): void {
  const operation = getOperationAST(document, operationName);
  if (!operation) return;
  const name = operation.name ? scrub(operation.name.value.slice(0, MAX_NAME)) : undefined;
  span.setAttribute('graphql.operation.type', operation.operation);
  if (name) span.setAttribute('graphql.operation.name', name);
  span.updateName(name ? `${operation.operation} ${name}` : operation.operation);
}

/** Marks `span` failed with the contract codes of `errors`. */
function fail(span: Span, errors: readonly unknown[] | undefined): void {
  if (!errors?.length) return;
  const codes = [
    ...new Set(
      errors.map((error) => {
        const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
        return typeof code === 'string' ? code : MASKED_CODE;
      }),
    ),
  ];
  span.setAttributes({ 'error.type': codes[0]!, 'graphql.error.codes': codes });
  span.setStatus({ code: SpanStatusCode.ERROR, message: codes[0]! });
}

/** `run()` with `span` active, ending it once what `run` returns has settled. */
function within<T>(span: Span, parent: OtelContext, run: () => T): T {
  return context.with(trace.setSpan(parent, span), () => {
    let result: T;
    try {
      result = run();
    } catch (error) {
      fail(span, [error]);
      span.end();
      throw error;
    }
    if (result instanceof Promise) {
      return result.then(
        (value) => (span.end(), value),
        (error: unknown) => {
          fail(span, [error]);
          span.end();
          throw error;
        },
      ) as T;
    }
    span.end();
    return result;
  });
}

/** The plugin (right after the request log, so its span holds every other plugin's hooks). */
export function useTracing(tracer: Tracer): Plugin<{ requestId?: string | null }> {
  /** The operation spans this plugin began (the active span may be another's). */
  const ours = new WeakSet<Span>();
  const begin = (parent: OtelContext, requestId: string | null | undefined) => {
    const span = tracer.startSpan(UNPARSED, { kind: SpanKind.SERVER, ...(requestId ? { attributes: { 'request.id': requestId } } : {}) }, parent);
    ours.add(span);
    return span;
  };
  const current = () => {
    const span = trace.getSpan(context.active());
    return span && ours.has(span) ? span : undefined;
  };
  /** graphql-ws: the operation's span begins with its execution (HTTP's began with the operation). */
  const orBegin = (requestId: string | null | undefined, wrapped: () => unknown) => {
    if (current()) return wrapped();
    return within(begin(ROOT_CONTEXT, requestId), ROOT_CONTEXT, wrapped);
  };
  return {
    instrumentation: {
      operation({ request }, wrapped) {
        const parent = propagation.extract(ROOT_CONTEXT, request.headers, fromHeaders);
        const span = begin(parent, requestIdOf(request));
        noteTraceId(request, span.spanContext().traceId);
        return within(span, parent, wrapped);
      },
      execute: ({ context: graphqlContext }, wrapped) => orBegin(graphqlContext.requestId, wrapped) as void,
      subscribe: ({ context: graphqlContext }, wrapped) => orBegin(graphqlContext.requestId, wrapped) as void,
    },
    // Named once parsed, so an operation that then fails validation is named too.
    onParse({ context: graphqlContext }) {
      const span = current();
      if (!span) return undefined;
      return ({ result }) => {
        if (result instanceof Error) fail(span, [result]);
        else describe(span, result, (graphqlContext as { params?: { operationName?: string | null } }).params?.operationName);
      };
    },
    onValidate() {
      const span = current();
      return span ? ({ result }) => fail(span, result) : undefined;
    },
    onExecute({ args }) {
      const span = current();
      if (!span) return undefined;
      describe(span, args.document, args.operationName);
      return { onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, ({ result }) => fail(span, result.errors)) };
    },
    onSubscribe({ args }) {
      const span = current();
      if (!span) return undefined;
      describe(span, args.document, args.operationName);
      return {
        onSubscribeResult: (payload) => handleStreamOrSingleExecutionResult(payload, ({ result }) => fail(span, result.errors)),
        onSubscribeError: ({ error }) => fail(span, [error]),
      };
    },
  };
}

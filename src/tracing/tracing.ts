/**
 * OpenTelemetry tracing, on when an OTLP endpoint is set (src/config.ts,
 * `OTEL_EXPORTER_OTLP_ENDPOINT` and the other standard variables). src/app.ts
 * imports this module only then (`await import`), so while tracing is off no
 * OpenTelemetry package is loaded and nothing is spent on it.
 *
 * What it sets up:
 * - a TracerProvider with the configured sampler (the specification's default
 *   `parentbased_always_on`: a caller's `traceparent` decides, every other
 *   operation is sampled), the resource `service.name`, and a batch processor
 *   exporting by OTLP over HTTP (JSON); a test passes its own exporter
 *   (`AppDeps.spanExporter`), then each span is exported as it ends;
 * - AsyncLocalStorage as the context manager, registered globally, so a span
 *   made active stays the parent of what its operation does after an `await`
 *   (its cost on Node 20 is why it is not there while tracing is off: see
 *   src/plugins/use-request-log.ts), and the W3C trace-context propagator;
 * - the operation plugin (src/plugins/use-tracing.ts) and the Cognito calls'
 *   spans ({@link CallTracer}, installed by src/cognito/pipeline.ts).
 *
 * A Cognito call's span `cognito.<Command>` (kind CLIENT) is a child of the
 * operation that made it: `rpc.system` `aws-api`, `rpc.service`, `rpc.method`,
 * `cognito.command`, `cognito.quota.category` (src/cognito/quotas.ts),
 * `cognito.attempts`, `cognito.retries`, `cognito.throttled` (attempts answered
 * TooManyRequestsException), and on failure `error.type`: the contract code of
 * a call the service refused (LIMIT_EXCEEDED, UPSTREAM_UNAVAILABLE) or the
 * name of the error (e.g. `NotAuthorizedException`, `TimeoutError`). Never its
 * input or output. Calls made outside any operation (reconciliation, token
 * re-checks) are not traced: they would be root spans of their own, several a
 * second, that nobody asked for.
 */
import { context, propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { loggingErrorHandler, setGlobalErrorHandler, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  TracerProvider,
  type Sampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { CallSpan, CallTracer } from '../cognito/pipeline.js';
import { DEFAULT_SERVICE_NAME, type TraceSampler, type TracingSettings } from '../config.js';
import { useTracing } from '../plugins/use-tracing.js';

/** The tracer's instrumentation scope. */
const SCOPE = 'cognito-attributes-graphql';
/** The longest `stop()` waits for the last spans to be exported. */
const FLUSH_TIMEOUT_MS = 5_000; // 5 s

/** Tracing, running. */
export interface Tracing {
  /** The operation spans' plugin (src/plugins/use-tracing.ts). */
  readonly plugin: Plugin;
  /** The Cognito calls' spans, for src/cognito/pipeline.ts. */
  readonly calls: CallTracer;
  /** Exports what is left (at most {@link FLUSH_TIMEOUT_MS}) and unregisters what was registered. */
  shutdown(): Promise<void>;
}

function samplerOf(kind: TraceSampler, ratio: number): Sampler {
  switch (kind) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(ratio);
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) });
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

/** What a failed call's `error.type` says: the contract code the service gave it, else the error's name. */
function errorType(error: unknown): string {
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  if (typeof code === 'string') return code;
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' && /^[\w.]{1,64}$/.test(name) ? name : 'Error';
}

/** A call outside any operation: not traced. */
const UNTRACED: CallSpan = { attempt() {}, throttled() {}, end() {} };

/** Starts tracing: with `exporter` (tests), else by OTLP to `settings.url`. */
export function startTracing(settings: TracingSettings | undefined, options: { exporter?: SpanExporter; logger: Logger }): Tracing {
  const { logger } = options;
  const exporter = options.exporter ?? new OTLPTraceExporter({ url: settings!.url, headers: settings!.headers });
  const provider = new TracerProvider({
    sampler: samplerOf(settings?.sampler ?? 'parentbased_always_on', settings?.ratio ?? 1),
    resource: resourceFromAttributes({ 'service.name': settings?.serviceName ?? DEFAULT_SERVICE_NAME }),
    spanProcessors: [options.exporter ? new SimpleSpanProcessor({ exporter }) : new BatchSpanProcessor({ exporter })],
  });
  // A collector away costs a warning per failed export, never a request.
  setGlobalErrorHandler((error) => logger.warn({ err: { message: error instanceof Error ? error.message : String(error) } }, 'OpenTelemetry could not export spans'));
  const contextManager = new AsyncLocalStorageContextManager().enable();
  // Another registration in this process (a host's own SDK) keeps its place: its context manager propagates ours too.
  const registered = {
    context: context.setGlobalContextManager(contextManager),
    propagation: propagation.setGlobalPropagator(new W3CTraceContextPropagator()),
    trace: trace.setGlobalTracerProvider(provider),
  };
  if (!registered.context) contextManager.disable();
  const tracer = provider.getTracer(SCOPE);

  const calls: CallTracer = {
    start(command, category) {
      const parent = context.active();
      if (!trace.getSpan(parent)) return UNTRACED;
      const span: Span = tracer.startSpan(
        `cognito.${command}`,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            'rpc.system': 'aws-api',
            'rpc.service': 'CognitoIdentityProvider',
            'rpc.method': command,
            'cognito.command': command,
            ...(category ? { 'cognito.quota.category': category } : {}),
          },
        },
        parent,
      );
      let attempts = 0;
      let throttled = 0;
      return {
        attempt: () => void (attempts += 1),
        throttled: () => void (throttled += 1),
        end(error) {
          span.setAttributes({ 'cognito.attempts': attempts, 'cognito.retries': Math.max(0, attempts - 1), 'cognito.throttled': throttled });
          if (error !== undefined) {
            const type = errorType(error);
            span.setAttribute('error.type', type);
            span.setStatus({ code: SpanStatusCode.ERROR, message: type });
          }
          span.end();
        },
      };
    },
  };

  return {
    plugin: useTracing(tracer) as Plugin,
    calls,
    async shutdown() {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, FLUSH_TIMEOUT_MS)));
      try {
        await Promise.race([provider.shutdown(), late]);
      } catch (error) {
        logger.warn({ err: { message: (error as Error).message } }, 'OpenTelemetry could not export its last spans');
      } finally {
        clearTimeout(timer);
      }
      if (registered.trace) trace.disable();
      if (registered.propagation) propagation.disable();
      if (registered.context) context.disable();
      setGlobalErrorHandler(loggingErrorHandler());
    },
  };
}

/**
 * Prometheus metrics at `/metrics`, one fresh `prom-client` registry per app
 * (so several apps in one process never share or clash):
 *
 * - GraphQL, by operation (`@graphql-yoga/plugin-prometheus`):
 *   `graphql_envelop_request` (operations run), `graphql_envelop_error_result`
 *   (errors, by phase and contract code), `graphql_envelop_request_duration`
 *   (seconds, parse to result) and `graphql_yoga_http_duration` (seconds, by
 *   method and status too). Operation names are chosen by clients, so the
 *   label is bounded: the first {@link MAX_OPERATION_NAMES} distinct names
 *   keep theirs, later ones count as `other` (a client inventing names cannot
 *   grow the registry without end).
 * - Cognito: `cognito_calls_total` (calls sent, by command and quota
 *   category), `cognito_throttles_total` (by category; `by="service"` for a
 *   call the quota limiter refused with LIMIT_EXCEEDED before sending it,
 *   `by="cognito"` for each throttled answer from Cognito, retried or not),
 *   `cognito_circuit_breaker_state` (1 for the breaker's current state),
 *   `cognito_quota_limit_per_second` (each category's enforced limit, by
 *   category and `source`: `provisioned` from GetProvisionedLimit at start-up,
 *   `setting` from QUOTA_<CATEGORY>_PER_SECOND) and
 *   `cognito_quota_headroom` (calls each category has left in the current
 *   one-second window, for every instance, read at scrape time).
 * - `graphql_subscriptions_open` (by field), `change_feed_events_dropped_total`
 *   (by reason), and Node's process metrics.
 *
 * `/metrics` answers anyone who reaches the port unless `METRICS_TOKEN` is set
 * (then only `Authorization: Bearer <METRICS_TOKEN>`); `METRICS=false` serves
 * nothing. Either way it should not face the public internet.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createCounter, createHistogram, usePrometheus, type FillLabelsFnParams } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { bearerToken } from '../auth/tokens.js';
import type { BreakerState } from '../cognito/breaker.js';
import type { CallObserver } from '../cognito/pipeline.js';
import { CATEGORY_NAMES, categoryOf, type EnforcedLimit, type QuotaCategory } from '../cognito/quotas.js';
import type { MetricsSettings } from '../config.js';
import { ErrorCode } from '../errors.js';

/** Where the metrics are served. */
export const METRICS_ENDPOINT = '/metrics';

/** Distinct operation names given a label of their own; later ones are `other`. */
export const MAX_OPERATION_NAMES = 200;

/** The `category` of a command outside Cognito's quota categories (e.g. `InitiateAuth`). */
const NO_CATEGORY = 'none';

/** A GraphQL name of reasonable length: anything else is not worth a label. */
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/** The codes an error is labelled with: the contract's, and what graphql-yoga answers itself. */
const ERROR_CODES = new Set<string>([...Object.values(ErrorCode), 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST']);

const BREAKER_STATES: readonly BreakerState[] = ['closed', 'half-open', 'open'];

/** The service's metrics, and the hooks that feed them. */
export interface Metrics {
  readonly registry: Registry;
  /** The Yoga plugins that count operations and serve {@link METRICS_ENDPOINT} (none when `METRICS=false`). */
  readonly plugins: Plugin[];
  /** What the Cognito pipeline tells (src/cognito/pipeline.ts): calls sent, refused and throttled, the breaker's state. */
  readonly cognitoCalls: CallObserver;
  /** Counts one more subscription open in `graphql_subscriptions_open{field}`; call what it returns when it ends, however it ends (once). */
  subscriptionOpened(field: string): () => void;
  /** Counts one execution of a subscription's selection for an event (shared by the subscribers with the same document and role). */
  subscriptionExecuted(): void;
  /** Counts a change event from Redis that was dropped (not JSON, a bad signature, not a change of its topic). */
  changeEventDropped(reason: string): void;
  /** Counts a change lost because the outbox was full while Redis was away (MAX_OUTBOX_EVENTS). */
  changeLost(): void;
  /** Counts a re-read made to find outside changes: of a watched user, a pool page, or for a CloudTrail event. */
  reconcileRead(kind: 'user' | 'page' | 'event'): void;
  /** Counts an outside change found and published (EXTERNAL). */
  externalChange(): void;
  /** Reports each quota category's enforced limit and, at each scrape, its headroom (src/cognito/quotas.ts). */
  watchQuotas(quotas: QuotaView): void;
  /** Reports what reconciliation watches and the interval it achieves. */
  watchReconciler(reconciler: { readonly watchedUsers: number; readonly achievableIntervalMs: number }): void;
  /** Counts a client dropped because it stopped reading (its output passed MAX_BUFFERED_BYTES or stalled). */
  clientDropped(transport: 'ws' | 'sse'): void;
}

/** What the metrics read of the quota limiters. */
export interface QuotaView {
  readonly limits: Readonly<Record<QuotaCategory, EnforcedLimit>>;
  headroom(): Promise<Partial<Record<QuotaCategory, number>>>;
}

/** The label for an operation name; see {@link MAX_OPERATION_NAMES}. */
function operationNames(): (name: string | undefined) => string {
  const known = new Set<string>();
  return (name) => {
    if (!name) return 'Anonymous';
    if (known.has(name)) return name;
    if (known.size >= MAX_OPERATION_NAMES || !OPERATION_NAME.test(name)) return 'other';
    known.add(name);
    return name;
  };
}

/** The `code` label of an error in `phase`. */
function errorCodeOf(params: FillLabelsFnParams): string {
  const code = params.error?.extensions?.code;
  if (typeof code === 'string') return ERROR_CODES.has(code) ? code : 'other';
  if (params.errorPhase === 'parse') return 'GRAPHQL_PARSE_FAILED';
  if (params.errorPhase === 'validate') return 'GRAPHQL_VALIDATION_FAILED';
  // Anything without a code is masked as INTERNAL_SERVER_ERROR on its way out.
  return 'INTERNAL_SERVER_ERROR';
}

/** Answers {@link METRICS_ENDPOINT} with 401 unless the request carries `Authorization: Bearer <token>`. */
function useMetricsToken(token: string): Plugin {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  const expected = digest(token);
  return {
    onRequest({ url, request, fetchAPI, endResponse }) {
      if (url.pathname !== METRICS_ENDPOINT) return;
      const given = bearerToken(request.headers.get('authorization')) ?? '';
      // Compared in constant time: the answer's timing says nothing about the token.
      if (timingSafeEqual(digest(given), expected)) return;
      endResponse(new fetchAPI.Response('Unauthorized\n', { status: 401, headers: { 'content-type': 'text/plain', 'www-authenticate': 'Bearer realm="metrics"' } }));
    },
  };
}

/** Creates the registry, the metrics and the plugins. */
export function createMetrics(settings: MetricsSettings): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const operationName = operationNames();
  const operationLabels = (params: FillLabelsFnParams) => ({
    operationName: operationName(params.operationName),
    operationType: params.operationType ?? 'unknown',
  });

  const cognitoCalls = new Counter({
    name: 'cognito_calls_total',
    help: 'Cognito calls sent (once per call, however often the SDK retried it), by command and quota category',
    labelNames: ['command', 'category'] as const,
    registers: [registry],
  });
  const throttles = new Counter({
    name: 'cognito_throttles_total',
    help: 'Cognito calls throttled, by quota category: by="service" refused by the quota limiter before being sent (LIMIT_EXCEEDED), by="cognito" each throttled answer from Cognito',
    labelNames: ['category', 'by'] as const,
    registers: [registry],
  });
  let breakerState: BreakerState = 'closed';
  new Gauge({
    name: 'cognito_circuit_breaker_state',
    help: "1 for the state the circuit breaker in front of Cognito is in (closed: calls go through; open: they fail at once; half-open: one probe is through)",
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      for (const state of BREAKER_STATES) this.set({ state }, breakerState === state ? 1 : 0);
    },
  });
  let quotas: QuotaView | undefined;
  new Gauge({
    name: 'cognito_quota_limit_per_second',
    help: "Each quota category's enforced limit, in calls a second for every instance together, by source: provisioned (Cognito's GetProvisionedLimit answer at start-up) or setting (QUOTA_<CATEGORY>_PER_SECOND)",
    labelNames: ['category', 'source'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const category of CATEGORY_NAMES) {
        const limit = quotas?.limits[category];
        if (limit) this.set({ category, source: limit.source }, limit.perSecond);
      }
    },
  });
  new Gauge({
    name: 'cognito_quota_headroom',
    help: "Calls each quota category has left in the current one-second window, for every instance together (read from the limiter's counters at scrape time)",
    labelNames: ['category'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const left = (await quotas?.headroom()) ?? {};
      for (const category of CATEGORY_NAMES) {
        const value = left[category];
        if (value !== undefined) this.set({ category }, value);
      }
    },
  });
  const subscriptionExecutions = new Counter({
    name: 'graphql_subscription_executions_total',
    help: "Executions of a subscription's selection for an event: one per change and audience, shared by the subscribers with the same document, variables and role",
    registers: [registry],
  });
  const droppedEvents = new Counter({
    name: 'change_feed_events_dropped_total',
    help: 'Change events from Redis that were dropped, by reason: not-json, signature (REDIS_FEED_SECRET), shape (not a change event of its pool)',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  let reconciler: { readonly watchedUsers: number; readonly achievableIntervalMs: number } | undefined;
  const reconcileReads = new Counter({
    name: 'reconcile_reads_total',
    help: 'Re-reads made to find changes made outside the service, by kind: user (AdminGetUser of a watched user), page (ListUsers of a watched pool), event (a CloudTrail event)',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const externalChanges = new Counter({
    name: 'reconcile_external_changes_total',
    help: 'Changes made outside the service that were found and published (source EXTERNAL)',
    registers: [registry],
  });
  new Gauge({
    name: 'reconcile_watched_users',
    help: 'Users whose changes someone on this instance watches, re-read to find outside changes',
    registers: [registry],
    collect() {
      this.set(reconciler?.watchedUsers ?? 0);
    },
  });
  new Gauge({
    name: 'reconcile_interval_seconds',
    help: 'How often each watched user and pool is re-read at RECONCILE_READS_PER_SECOND, on this instance (never less than RECONCILE_INTERVAL_MS)',
    registers: [registry],
    collect() {
      const ms = reconciler?.achievableIntervalMs;
      this.set(ms === undefined || !Number.isFinite(ms) ? 0 : ms / 1_000);
    },
  });
  const lostChanges = new Counter({
    name: 'change_feed_changes_lost_total',
    help: 'Changes saved in Cognito that subscribers elsewhere will never hear of: Redis was away and the outbox was full (MAX_OUTBOX_EVENTS)',
    registers: [registry],
  });
  const slowClients = new Counter({
    name: 'slow_clients_dropped_total',
    help: 'Sockets and SSE streams dropped because their client stopped reading (MAX_BUFFERED_BYTES, STALLED_STREAM_MS), by transport',
    labelNames: ['transport'] as const,
    registers: [registry],
  });
  const subscriptions = new Gauge({
    name: 'graphql_subscriptions_open',
    help: 'Subscriptions open now, over WebSocket and SSE, by field',
    labelNames: ['field'] as const,
    registers: [registry],
  });

  const plugins: Plugin[] = !settings.enabled
    ? []
    : [
        ...(settings.token ? [useMetricsToken(settings.token)] : []),
        usePrometheus({
          registry,
          endpoint: METRICS_ENDPOINT,
          metrics: {
            graphql_envelop_request: createCounter({
              registry,
              counter: { name: 'graphql_envelop_request', help: 'GraphQL operations run, by operation', labelNames: ['operationName', 'operationType'] },
              fillLabelsFn: operationLabels,
            }),
            graphql_envelop_error_result: createCounter({
              registry,
              counter: {
                name: 'graphql_envelop_error_result',
                help: 'GraphQL errors, by operation, phase and contract code (extensions.code)',
                labelNames: ['operationName', 'operationType', 'phase', 'code'],
              },
              fillLabelsFn: (params) => ({ ...operationLabels(params), phase: params.errorPhase ?? 'execute', code: errorCodeOf(params) }),
            }),
            graphql_envelop_request_duration: createHistogram({
              registry,
              histogram: {
                name: 'graphql_envelop_request_duration',
                help: 'Time to run a GraphQL operation, parse to result (a subscription: its whole life), in seconds',
                labelNames: ['operationName', 'operationType'],
              },
              fillLabelsFn: operationLabels,
            }),
            graphql_yoga_http_duration: createHistogram({
              registry,
              histogram: {
                name: 'graphql_yoga_http_duration',
                help: 'Time to answer a GraphQL HTTP request, in seconds',
                labelNames: ['operationName', 'operationType', 'method', 'statusCode'],
              },
              fillLabelsFn: (params, { request, response }: { request: Request; response: Response }) => ({
                ...operationLabels(params),
                method: request.method,
                statusCode: response.status,
              }),
            }),
            // One histogram per phase and operation multiplies the series for little gain.
            graphql_envelop_request_time_summary: false,
            graphql_envelop_phase_parse: false,
            graphql_envelop_phase_validate: false,
            graphql_envelop_phase_context: false,
            graphql_envelop_phase_execute: false,
            graphql_envelop_phase_subscribe: false,
            graphql_envelop_deprecated_field: false,
            graphql_envelop_schema_change: false,
            graphql_envelop_execute_resolver: false,
          },
        }),
      ];

  const category = (command: string) => categoryOf(command) ?? NO_CATEGORY;
  return {
    registry,
    plugins,
    cognitoCalls: {
      sent: (command) => cognitoCalls.inc({ command, category: category(command) }),
      refused: (command) => throttles.inc({ category: category(command), by: 'service' }),
      throttled: (command) => throttles.inc({ category: category(command), by: 'cognito' }),
      breaker: (state) => void (breakerState = state),
    },
    subscriptionExecuted() {
      subscriptionExecutions.inc();
    },
    changeEventDropped(reason) {
      droppedEvents.inc({ reason });
    },
    changeLost() {
      lostChanges.inc();
    },
    reconcileRead(kind) {
      reconcileReads.inc({ kind });
    },
    externalChange() {
      externalChanges.inc();
    },
    watchQuotas(view) {
      quotas = view;
    },
    watchReconciler(watched) {
      reconciler = watched;
    },
    clientDropped(transport) {
      slowClients.inc({ transport });
    },
    subscriptionOpened(field) {
      subscriptions.inc({ field });
      let open = true;
      return () => {
        if (open) subscriptions.dec({ field });
        open = false;
      };
    },
  };
}

/**
 * The service's Yoga/Envelop plugins, in the one order they must run. Yoga
 * calls each hook of each plugin in this order; where it matters, why:
 *
 * 1. **Request log** (use-request-log.ts) first: its `instrumentation.request`
 *    wraps every other plugin's hooks, so each HTTP request has its id before
 *    anything logs, and its execute/subscribe hooks see errors before Yoga's
 *    own masking (which Yoga adds after every plugin given). With tracing on,
 *    **tracing** (use-tracing.ts) right after it: its operation span holds
 *    every later plugin's hooks, and its trace id reaches the access line.
 * 2. **Browser access** (use-browser-access.ts): CSRF refuses a simple
 *    cross-site request before it is parsed; `Vary: Origin` on every answer.
 * 3. **Trusted documents** (trusted-documents/use-trusted-documents.ts): turns
 *    a hash into its document in `onParams`, before Yoga's own check of the
 *    parameters; every later hook sees the document as if sent as text.
 * 4. **Query limits** (use-query-limits.ts): graphql-armor's validation rules,
 *    and introspection off in production; a trusted document is checked too.
 * 5. **Body limit** (use-body-limit.ts) after the plugins that replace the
 *    request parser, so it counts the body whichever parser reads it.
 * 6. **Input guard** (use-input-guard.ts) after the query limits and the body
 *    limit: it wraps the validation (armor's rules included) and the request
 *    parser, so what they choke on is answered BAD_USER_INPUT, not masked.
 * 7. **Shared subscription execution** (src/changes/delivery.ts): replaces
 *    the subscribe function, so each change runs once per audience.
 * 8. **Metrics** (use-metrics.ts): the token check, then Prometheus.
 * 9. **Readiness** (use-readiness.ts) at `/ready`.
 * 10. The pages of their own: the embedded demo's (`/demo`), and the CloudTrail
 *    endpoint (`/events/cloudtrail`, with `CLOUDTRAIL_SECRET`).
 */
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { useSharedSubscriptionExecution } from '../changes/delivery.js';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import { useBodyLimit } from './use-body-limit.js';
import { useBrowserAccess } from './use-browser-access.js';
import { useInputGuard } from './use-input-guard.js';
import type { Metrics } from './use-metrics.js';
import { useQueryLimits } from './use-query-limits.js';
import { useReadiness, type ReadinessDeps } from './use-readiness.js';
import { useRequestLog } from './use-request-log.js';
import { useTrustedDocuments } from './trusted-documents/use-trusted-documents.js';

/** What the plugins need. */
export interface ServicePluginOptions {
  config: Pick<Config, 'corsOrigins' | 'cognito' | 'requestLimits' | 'introspection' | 'trustedDocuments'>;
  logger: Logger;
  metrics: Metrics;
  readiness: ReadinessDeps;
  /** Tracing on: the operation spans' plugin (src/tracing/tracing.ts). */
  tracing?: Plugin;
  /** Plugins that answer pages of their own (the embedded demo's `/demo`, `/events/cloudtrail`), last. */
  pages?: Plugin[];
}

/** Every plugin of the service, in order; see the module's documentation. */
export function servicePlugins({ config, logger, metrics, readiness, tracing, pages = [] }: ServicePluginOptions): Plugin<Context>[] {
  return [
    useRequestLog(logger),
    ...(tracing ? [tracing] : []),
    ...useBrowserAccess(config),
    ...useTrustedDocuments(config.trustedDocuments),
    ...useQueryLimits(config.requestLimits, { introspection: config.introspection }),
    useBodyLimit(config.requestLimits.maxBodyBytes),
    useInputGuard(),
    useSharedSubscriptionExecution({ onExecute: metrics.subscriptionExecuted }),
    ...metrics.plugins,
    useReadiness(readiness),
    ...pages,
  ] as Plugin<Context>[];
}

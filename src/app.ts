/**
 * `buildApp()`: everything the service is, wired once, shared by `main.ts`
 * and the tests. It returns `{ start, stop }` and what tests need to look
 * inside (the Cognito client, the embedded emulator and its demo pool).
 */
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { setMaxListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, maskError, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import pino, { type Logger } from 'pino';
import { createTokenVerifier } from './auth/verifier.js';
import { corsPolicy, useBrowserAccess, withCsrfHeader } from './plugins/use-browser-access.js';
import { createChangeFeed } from './changes/feed.js';
import { CircuitBreaker, guardCognito } from './cognito/breaker.js';
import { ClientAttributes } from './cognito/app-clients.js';
import { createCognitoClient } from './cognito/sdk-client.js';
import { installQuotas, type Quotas } from './cognito/quotas.js';
import { useBodyLimit } from './plugins/use-body-limit.js';
import { ProfileCache } from './cognito/profile-cache.js';
import { TtlCache } from './cognito/ttl-cache.js';
import type { Config } from './config.js';
import { createContext, type Context, type Services } from './context.js';
import { useDemoPage } from './embedded/use-demo-page.js';
import { startEmulator, type Emulator } from './embedded/emulator.js';
import { createGraphiQLOptions, renderEmbeddedGraphiQL } from './embedded/graphiql.js';
import { removeRunning, writeRunning, type RunningEmbedded } from './embedded/running.js';
import { DEMO_ADMIN_GROUP, DemoTokens, seedDemo, type DemoPool } from './embedded/seed.js';
import { createMetrics, METRICS_ENDPOINT, type Metrics } from './plugins/use-metrics.js';
import { useQueryLimits } from './plugins/use-query-limits.js';
import { readiness } from './plugins/use-readiness.js';
import { requestIdOf, useRequestLog } from './plugins/use-request-log.js';
import { useSharedSubscriptionExecution } from './changes/delivery.js';
import { safeLogger, yogaLogger } from './logging/safe-logger.js';
import { schema } from './schema/index.js';
import { useInputGuard } from './plugins/use-input-guard.js';
import { attachGraphQLWs, type ServerContext } from './server/graphql-ws.js';

/** The running service. */
export interface App {
  /** `http://host:port` once started. */
  readonly url: string;
  readonly yoga: YogaServerInstance<ServerContext, Context>;
  readonly server: Server;
  readonly services: Services;
  readonly logger: Logger;
  /** The embedded emulator and its demo pool, when no Cognito was configured. */
  readonly embedded?: { emulator: Emulator; demo: DemoPool; tokens: DemoTokens };
  /** Listens on the configured host and port. */
  start(): Promise<void>;
  /**
   * Stops accepting, ends subscriptions (WebSockets close with 1001, SSE
   * streams complete), lets requests in flight finish, then closes Cognito,
   * Redis and the emulator.
   */
  stop(): Promise<void>;
}

/** What a test or `main` may pass in instead of what `buildApp` would make. */
export interface AppDeps {
  logger?: Logger;
  cognito?: CognitoIdentityProviderClient;
}

/** Hosts only this machine reaches. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/** How long `stop()` waits for requests in flight before closing their connections. */
const SHUTDOWN_GRACE_MS = 5_000;

/** Where Cognito is and what the service may do there, after the embedded default (if any) has started. */
interface CognitoTarget {
  cognito: CognitoIdentityProviderClient;
  endpoint?: string;
  region: string;
  defaultPoolId: string;
  poolIds: string[];
  adminGroup: string;
  /** Cognito's quotas, enforced on `cognito` before any call is sent. */
  quotas: Quotas;
  /** Fails calls at once while Cognito keeps failing (src/cognito/breaker.ts). */
  breaker: CircuitBreaker;
  embedded?: NonNullable<App['embedded']>;
}

async function connectCognito(config: Config, deps: AppDeps, logger: Logger, metrics: Metrics): Promise<CognitoTarget> {
  const client = (region: string, endpoint?: string) =>
    deps.cognito ?? createCognitoClient({ region, timeoutMs: config.cognitoTimeoutMs, ...(endpoint ? { endpoint } : {}) });
  // Installed before the quotas, so a call the breaker fails at once spends none.
  const guard = (cognito: CognitoIdentityProviderClient) => {
    const breaker = new CircuitBreaker({
      onStateChange(state, failures) {
        if (state === 'open') logger.warn({ failures }, 'Cognito keeps failing: calls fail at once (UPSTREAM_UNAVAILABLE) until a probe succeeds');
        if (state === 'closed') logger.info('Cognito answers again');
      },
    });
    guardCognito(cognito, breaker, config.cognitoTimeoutMs);
    return breaker;
  };
  const quotas = (cognito: CognitoIdentityProviderClient, region: string) =>
    installQuotas(cognito, config.quotas, {
      region,
      keyPrefix: config.quotas.keyPrefix,
      logger,
      onRefused: (command) => metrics.quotaRefused(command),
      ...(config.redisUrl ? { redisUrl: config.redisUrl } : {}),
    });
  if (config.cognito.mode === 'remote') {
    const { endpoint, region, defaultPoolId, poolIds } = config.cognito;
    const cognito = client(region, endpoint);
    const breaker = guard(cognito);
    return { cognito, region, defaultPoolId, poolIds, adminGroup: config.adminGroup, quotas: quotas(cognito, region), breaker, ...(endpoint ? { endpoint } : {}) };
  }
  const emulator = await startEmulator({ dataDir: config.cognito.dataDir, logger });
  const region = 'local';
  const cognito = client(region, emulator.endpoint);
  const breaker = guard(cognito);
  const demo = await seedDemo(cognito);
  return {
    cognito,
    endpoint: emulator.endpoint,
    region,
    defaultPoolId: demo.userPoolId,
    poolIds: [demo.userPoolId],
    adminGroup: DEMO_ADMIN_GROUP,
    // After seeding: the demo's own set-up spends no quota.
    quotas: quotas(cognito, region),
    breaker,
    embedded: { emulator, demo, tokens: new DemoTokens(cognito, demo) },
  };
}

/** Builds the service from validated settings. Starts the embedded emulator when no pool is configured. */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<App> {
  // Every line of the service, Yoga's and the emulator's included, goes through the redaction.
  const logger = safeLogger(deps.logger ?? pino({ level: config.logLevel }));
  const metrics = createMetrics(config.metrics);
  const target = await connectCognito(config, deps, logger, metrics);
  const { cognito, endpoint, embedded } = target;
  metrics.instrumentCognito(cognito);
  metrics.watchBreaker(target.breaker);
  if (config.metrics.enabled && !config.metrics.token && !LOOPBACK_HOSTS.has(config.host)) {
    logger.warn(`${METRICS_ENDPOINT} answers anyone who reaches ${config.host}:${config.port}: keep it off public networks, or set METRICS_TOKEN`);
  }
  const shutdown = new AbortController();
  // Every open subscription listens for the shutdown: many listeners, no leak.
  setMaxListeners(0, shutdown.signal);

  const services: Services = {
    cognito,
    verifier: createTokenVerifier({
      poolIds: target.poolIds,
      region: target.region,
      clientIds: config.clientIds,
      adminGroup: target.adminGroup,
      fetchTimeoutMs: config.cognitoTimeoutMs,
      ...(endpoint ? { endpoint } : {}),
    }),
    pools: { defaultPoolId: target.defaultPoolId, poolIds: target.poolIds },
    poolCache: new TtlCache(config.poolCacheTtlMs),
    profiles: new ProfileCache(config.meCacheTtlMs),
    clientAttributes: new ClientAttributes(cognito, config.poolCacheTtlMs),
    changes: createChangeFeed({ logger, ...(config.redisUrl ? { redisUrl: config.redisUrl } : {}) }),
    maxConcurrency: config.maxConcurrency,
    shutdown: shutdown.signal,
    metrics,
  };

  // Changes made on other instances reach this one's profile cache through the feed.
  const stopWatching = config.meCacheTtlMs > 0 ? services.changes.watch(target.poolIds, (event) => services.profiles.invalidate(event.userPoolId, event.sub)) : () => {};

  const yoga = createYoga<ServerContext, Context>({
    schema,
    context: ({ request, caller, requestId }) =>
      createContext(caller ? { caller } : { authorization: request.headers.get('authorization') }, services, requestId ?? requestIdOf(request) ?? null),
    graphiql: config.graphiql ? withCsrfHeader(embedded ? createGraphiQLOptions(embedded.tokens) : {}) : false,
    landingPage: config.graphiql,
    // GraphiQL's assets served from this package, not a CDN: it works offline.
    renderGraphiQL: embedded ? renderEmbeddedGraphiQL : renderGraphiQL,
    logging: yogaLogger(logger),
    cors: corsPolicy(config),
    batching: { limit: config.requestLimits.maxBatch },
    // MAX_BODY_BYTES is src/plugins/use-body-limit.ts's (413 from Content-Length, or while
    // reading a chunked body): the same answers as Yoga's, for a fraction of the CPU.
    maxRequestBodySize: false,
    maskedErrors: {
      // Never Yoga's development mode (the original message in the answer).
      // Yoga logs what it masks, through yogaLogger: no Cognito message, no token.
      maskError: (error, message) => maskError(error, message, false),
    },
    plugins: [
      // First: every other hook runs inside the request's id.
      useRequestLog(logger),
      ...useBrowserAccess(config),
      ...useQueryLimits(config.requestLimits, { introspection: config.introspection }),
      // After the limits and Yoga's request parsers: wraps them, so what they choke on is caught too.
      // Yoga's request parsers come before any plugin: this wraps them.
      useBodyLimit(config.requestLimits.maxBodyBytes),
      useInputGuard(),
      // Each change executed once per audience, not once per subscriber.
      useSharedSubscriptionExecution({ onExecute: () => metrics.subscriptionExecuted() }),
      ...metrics.plugins,
      useReadinessCheck({
        endpoint: '/ready',
        check: readiness({ cognito, breaker: target.breaker, defaultPoolId: target.defaultPoolId, changes: services.changes }),
      }),
      // The live profile page at /demo: embedded mode only (404 otherwise, like any unknown path).
      ...(embedded ? [useDemoPage({ emulator: embedded.emulator, demo: embedded.demo, verifier: services.verifier })] : []),
    ],
  });

  const server = createServer(yoga);
  const closeWebSockets = attachGraphQLWs(server, yoga, services.verifier, { maxPayloadBytes: config.requestLimits.maxBodyBytes, logger });
  let url = '';
  let running: RunningEmbedded | undefined;
  return {
    get url() {
      return url;
    },
    yoga,
    server,
    services,
    logger,
    ...(embedded ? { embedded } : {}),
    async start() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => resolve());
      });
      const { port } = server.address() as AddressInfo;
      url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
      if (embedded && config.cognito.mode === 'embedded') {
        // For `npm run token`: where the emulator and the demo pool are.
        const { userPoolId, clientId } = embedded.demo;
        running = { url, endpoint: embedded.emulator.endpoint, region: target.region, userPoolId, clientId, pid: process.pid };
        await writeRunning(config.cognito.dataDir, running);
      }
    },
    async stop() {
      shutdown.abort();
      await closeWebSockets();
      if (server.listening) {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const grace = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        await closed;
        clearTimeout(grace);
      }
      stopWatching();
      await services.changes.close();
      await target.quotas.close();
      if (running && config.cognito.mode === 'embedded') await removeRunning(config.cognito.dataDir, running);
      if (!deps.cognito) cognito.destroy();
      await embedded?.emulator.stop();
    },
  };
}

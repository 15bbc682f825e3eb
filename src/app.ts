/**
 * `buildApp()`: everything the service is, wired once, shared by `main.ts`
 * and the tests. It returns `{ start, stop }` and what tests need to look
 * inside (the Cognito client, the embedded emulator and its demo pool).
 */
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { SpanExporter } from '@opentelemetry/sdk-trace';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, maskError, type YogaServerInstance } from 'graphql-yoga';
import pino, { type Logger } from 'pino';
import { Authority, Rechecks } from './auth/authority.js';
import { createTokenVerifier, signsWithPublishedKey } from './auth/tokens.js';
import { createChangeFeed } from './changes/feed.js';
import { Reconciler } from './changes/reconcile.js';
import { useCloudTrail } from './plugins/use-cloudtrail.js';
import { memorySnapshots, redisSnapshots } from './changes/snapshots.js';
import { memoryPendingStore, metaPendingStore, redisPendingStore } from './changes/pending.js';
import { forgetProfilesChangedElsewhere } from './changes/publish.js';
import { ClientAttributes } from './cognito/app-clients.js';
import { ProfileCache, TtlCache } from './cognito/caches.js';
import { installPipeline, type CognitoPipeline } from './cognito/pipeline.js';
import { logEnforcedLimits, readProvisionedLimits } from './cognito/provisioned-limits.js';
import { createCognitoClient } from './cognito/sdk-client.js';
import { ConfigError, isLoopbackHost, isLoopbackHostHeader, type Config } from './config.js';
import { contextFactory, type Context, type ServerContext, type Services } from './context.js';
import { startEmulator, type Emulator } from './embedded/emulator.js';
import { createGraphiQLOptions, renderEmbeddedGraphiQL } from './embedded/graphiql.js';
import { removeRunning, writeRunning, type RunningEmbedded } from './embedded/running.js';
import { DEMO_ADMIN_GROUP, DEMO_KEEP_ORIGINAL, DemoTokens, seedDemo, type DemoPool } from './embedded/seed.js';
import { mailboxDeliveries } from './embedded/mailbox.js';
import { useDemoPage } from './embedded/use-demo-page.js';
import { safeLogger, yogaLogger } from './logging/safe-logger.js';
import { servicePlugins } from './plugins/service-plugins.js';
import { corsPolicy, originAllowed, withCsrfHeader } from './plugins/use-browser-access.js';
import { createMetrics, METRICS_ENDPOINT } from './plugins/use-metrics.js';
import { schema } from './schema/index.js';
import { PerUserCount } from './server/holds.js';
import { createBoundedServer } from './server/http-limits.js';
import { loopbackOnly } from './server/loopback-only.js';
import { drainHttpServer, Shutdown } from './server/shutdown.js';
import { attachGraphQLWs } from './server/graphql-ws.js';

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

/** How long start-up waits for the change feed to find where each pool's log ends (Redis); after it, early changes wait in the outbox. */
const FEED_START_WAIT_MS = 3_000;

/** What a test or `main` may pass in instead of what `buildApp` would make. */
export interface AppDeps {
  logger?: Logger;
  cognito?: CognitoIdentityProviderClient;
  /** Tests: traces go to this exporter (e.g. an InMemorySpanExporter), each span as it ends, whatever the settings say. */
  spanExporter?: SpanExporter;
}

/** The key under which the embedded store remembers the demo pool it was seeded with. */
const DEMO_POOL_KEY = 'demoPool';

/** Where Cognito is and what the service may do there, after the embedded default (if any) has started. */
interface CognitoTarget {
  cognito: CognitoIdentityProviderClient;
  endpoint?: string;
  region: string;
  defaultPoolId: string;
  poolIds: string[];
  adminPools: Record<string, string[]>;
  adminGroup: string;
  embedded?: NonNullable<App['embedded']>;
}

/**
 * With `COGNITO_ENDPOINT` at an emulator and a `HOST` other machines reach:
 * refuses to start when the emulator signs with cognito-local's published key
 * (anyone could mint an administrator's token), unless
 * ALLOW_PUBLISHED_EMULATOR_KEY says so.
 */
async function refusePublishedKey(config: Config): Promise<void> {
  if (config.cognito.mode !== 'remote' || !config.cognito.endpoint || isLoopbackHost(config.host) || config.allowPublishedEmulatorKey) return;
  const { endpoint, poolIds } = config.cognito;
  let published: boolean;
  try {
    published = await signsWithPublishedKey(endpoint, poolIds, config.cognitoTimeoutMs);
  } catch (error) {
    throw new ConfigError([
      `HOST=${config.host} with COGNITO_ENDPOINT=${endpoint}: its JWKS could not be read (${(error as Error).message}) to check that it does not sign with cognito-local's published key; start the emulator first, listen on loopback, or set ALLOW_PUBLISHED_EMULATOR_KEY=true`,
    ]);
  }
  if (published) {
    throw new ConfigError([
      `HOST=${config.host} with COGNITO_ENDPOINT=${endpoint}, which signs tokens with cognito-local's published key: anyone who reaches ${config.host}:${config.port} could mint an administrator's token. Listen on loopback, use a Cognito with keys of its own, or set ALLOW_PUBLISHED_EMULATOR_KEY=true if this is what you want`,
    ]);
  }
}

/** The configured Cognito, or the embedded emulator with its demo pool. */
async function connectCognito(config: Config, deps: AppDeps, logger: Logger): Promise<CognitoTarget> {
  const client = (region: string, endpoint?: string) =>
    deps.cognito ?? createCognitoClient({ region, timeoutMs: config.cognitoTimeoutMs, ...(endpoint ? { endpoint } : {}) });
  if (config.cognito.mode === 'remote') {
    await refusePublishedKey(config);
    const { endpoint, region, defaultPoolId, poolIds, adminPools } = config.cognito;
    return { cognito: client(region, endpoint), region, defaultPoolId, poolIds, adminPools, adminGroup: config.adminGroup, ...(endpoint ? { endpoint } : {}) };
  }
  // Browsers may sign in at the emulator from the origins that may call the service (the demo page's among them).
  const emulator = await startEmulator({ dataDir: config.cognito.dataDir, logger, allowOrigin: (origin) => originAllowed(config, origin) });
  const region = 'local';
  const cognito = client(region, emulator.endpoint);
  let demo: DemoPool;
  try {
    demo = await seedDemo(cognito, { remembered: emulator.meta.get(DEMO_POOL_KEY), storeFile: emulator.storeFile });
  } catch (error) {
    if (!deps.cognito) cognito.destroy();
    await emulator.stop();
    throw error;
  }
  emulator.meta.set(DEMO_POOL_KEY, demo.userPoolId);
  // A store seeded before the demo pool kept email changes waiting for their code gets the setting too.
  await emulator.keepOriginalUntilVerified(demo.userPoolId, DEMO_KEEP_ORIGINAL);
  return {
    cognito,
    endpoint: emulator.endpoint,
    region,
    defaultPoolId: demo.userPoolId,
    poolIds: [demo.userPoolId],
    adminPools: { [demo.userPoolId]: [demo.userPoolId] },
    adminGroup: DEMO_ADMIN_GROUP,
    embedded: { emulator, demo, tokens: new DemoTokens(cognito, demo) },
  };
}

/** Builds the service from validated settings. Starts the embedded emulator when no pool is configured. */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<App> {
  // Every line of the service, Yoga's and the emulator's included, goes through the redaction.
  const logger = safeLogger(deps.logger ?? pino({ level: config.logLevel }));
  const metrics = createMetrics(config.metrics);
  // Only with tracing on is anything of OpenTelemetry loaded (src/tracing/tracing.ts).
  const tracing =
    config.tracing || deps.spanExporter
      ? (await import('./tracing/tracing.js')).startTracing(config.tracing, { logger, ...(deps.spanExporter ? { exporter: deps.spanExporter } : {}) })
      : undefined;
  const target = await connectCognito(config, deps, logger);
  const { cognito, endpoint, embedded } = target;
  // What Cognito enforces per category, asked once before the pipeline exists (no quota, no breaker, no request waiting).
  const provisioned = config.quotas.readProvisionedLimits ? await readProvisionedLimits(cognito) : undefined;
  // After seeding: the demo's own set-up spends no quota.
  const pipeline: CognitoPipeline = installPipeline(cognito, {
    timeoutMs: config.cognitoTimeoutMs,
    quotas: config.quotas,
    region: target.region,
    logger,
    observer: metrics.cognitoCalls,
    ...(tracing ? { tracer: tracing.calls } : {}),
    ...(config.redisUrl ? { redisUrl: config.redisUrl } : {}),
    ...(provisioned ? { provisioned: provisioned.values } : {}),
  });
  if (provisioned) logEnforcedLimits(logger, pipeline.quotas.limits, provisioned, config.quotas.explicit);
  metrics.watchQuotas(pipeline.quotas);
  if (config.metrics.enabled && !config.metrics.token && !isLoopbackHost(config.host)) {
    logger.warn(`${METRICS_ENDPOINT} answers anyone who reaches ${config.host}:${config.port}: keep it off public networks, or set METRICS_TOKEN`);
  }
  const shutdown = new Shutdown();

  const authority = new Authority(cognito, target.adminGroup, config.authRecheckMs);
  const changes = createChangeFeed({
    logger,
    poolIds: target.poolIds,
    retention: config.feedRetention,
    maxOutbox: config.maxOutboxEvents,
    maxHeld: config.holdLimits.maxQueuedEvents,
    onDropped: metrics.changeEventDropped,
    onLost: metrics.changeLost,
    ...(config.redisUrl ? { redisUrl: config.redisUrl } : {}),
    ...(config.redisFeedSecret ? { secret: config.redisFeedSecret } : {}),
  });
  const profiles = new ProfileCache(config.meCacheTtlMs);
  const snapshots = config.redisUrl ? redisSnapshots(config.redisUrl, logger) : memorySnapshots();
  const reconciler = new Reconciler({
    cognito,
    changes,
    profiles,
    snapshots,
    readsPerSecond: config.reconcileReadsPerSecond,
    intervalMs: config.reconcileIntervalMs,
    takeRead: pipeline.budget('reconcile', Math.max(1, config.reconcileReadsPerSecond)),
    logger,
    onRead: metrics.reconcileRead,
    onExternal: metrics.externalChange,
  });
  metrics.watchReconciler(reconciler);
  // Shared with Redis; on disk beside the embedded emulator's users; else this process's.
  const pending = config.redisUrl ? redisPendingStore(config.redisUrl) : embedded ? metaPendingStore(embedded.emulator.meta) : memoryPendingStore();
  const services: Services = {
    cognito,
    reserve: (subject, commands) => pipeline.reserve(subject, commands),
    quotas: pipeline.quotas,
    verifier: createTokenVerifier({
      poolIds: target.poolIds,
      region: target.region,
      clientIds: config.clientIds,
      adminGroup: target.adminGroup,
      fetchTimeoutMs: config.cognitoTimeoutMs,
      ...(endpoint ? { endpoint } : {}),
    }),
    authority,
    rechecks: new Rechecks(authority, config.authRechecksPerSecond),
    pools: { defaultPoolId: target.defaultPoolId, poolIds: target.poolIds, adminPools: target.adminPools },
    poolCache: new TtlCache(config.poolCacheTtlMs),
    profiles,
    clientAttributes: new ClientAttributes(cognito, config.poolCacheTtlMs),
    changes,
    reconciler,
    maxConcurrency: config.maxConcurrency,
    shutdown,
    metrics,
    subscriptions: new PerUserCount(config.holdLimits.maxSubscriptionsPerUser),
    maxQueuedEvents: config.holdLimits.maxQueuedEvents,
    pending,
    ...(embedded ? { deliveries: mailboxDeliveries(embedded.emulator.mailbox) } : {}),
    logger,
  };
  const stopForgetting = config.meCacheTtlMs > 0 ? forgetProfilesChangedElsewhere(services.changes, services.profiles, target.poolIds) : () => {};

  const yoga = createYoga<ServerContext, Context>({
    schema,
    context: contextFactory(services),
    graphiql: config.graphiql ? withCsrfHeader(embedded ? createGraphiQLOptions(embedded.tokens) : {}) : false,
    landingPage: config.graphiql,
    // GraphiQL's assets served from this package, not a CDN: it works offline.
    renderGraphiQL: embedded ? renderEmbeddedGraphiQL : renderGraphiQL,
    logging: yogaLogger(logger),
    cors: corsPolicy(config),
    batching: { limit: config.requestLimits.maxBatch },
    // MAX_BODY_BYTES is src/plugins/use-body-limit.ts's: the same answers as Yoga's, for a fraction of the CPU.
    maxRequestBodySize: false,
    maskedErrors: {
      // Never Yoga's development mode (the original message in the answer).
      // Yoga logs what it masks, through yogaLogger: no Cognito message, no token.
      maskError: (error, message) => maskError(error, message, false),
    },
    plugins: servicePlugins({
      config,
      logger,
      metrics,
      ...(tracing ? { tracing: tracing.plugin } : {}),
      readiness: { cognito, breaker: pipeline.breaker, defaultPoolId: target.defaultPoolId, changes: services.changes },
      // The live profile page at /demo: embedded mode only (404 otherwise, like any unknown path).
      pages: [
        ...(embedded ? [useDemoPage({ emulator: embedded.emulator, demo: embedded.demo, verifier: services.verifier })] : []),
        // CloudTrail events from an EventBridge API destination: outside changes at once (CLOUDTRAIL_SECRET).
        ...(config.cloudTrailSecret ? [useCloudTrail({ secret: config.cloudTrailSecret, reconciler, poolIds: target.poolIds, logger })] : []),
      ],
    }),
  });

  // The embedded demo answers requests to loopback names only (DNS rebinding).
  const { server, stop: stopWatchdog } = createBoundedServer(embedded ? loopbackOnly(yoga) : yoga, config.holdLimits, logger, metrics.clientDropped);
  const closeWebSockets = attachGraphQLWs(server, yoga, services.verifier, {
    rechecks: services.rechecks,
    maxPayloadBytes: config.requestLimits.maxBodyBytes,
    logger,
    trustedDocuments: config.trustedDocuments,
    ...(embedded ? { acceptHost: isLoopbackHostHeader } : {}),
    limits: {
      sockets: new PerUserCount(config.holdLimits.maxSocketsPerUser),
      subscriptionsPerSocket: config.holdLimits.maxSubscriptionsPerSocket,
      maxBufferedBytes: config.holdLimits.maxBufferedBytes,
      onDropped: metrics.clientDropped,
    },
  });
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
      // The feed follows every pool before the first request can publish (with Redis away, not longer than FEED_START_WAIT_MS).
      await Promise.race([services.changes.ready(), new Promise((resolve) => setTimeout(resolve, FEED_START_WAIT_MS).unref())]);
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
      shutdown.stop();
      await closeWebSockets();
      await drainHttpServer(server);
      stopForgetting();
      stopWatchdog();
      services.rechecks.stop();
      reconciler.close();
      await services.changes.close();
      await snapshots.close();
      await pending.close();
      await pipeline.close();
      // The spans of the last requests, exported before the process ends.
      await tracing?.shutdown();
      if (running && config.cognito.mode === 'embedded') await removeRunning(config.cognito.dataDir, running);
      if (!deps.cognito) cognito.destroy();
      await embedded?.emulator.stop();
    },
  };
}

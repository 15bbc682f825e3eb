/**
 * `buildApp()`: everything the service is, wired once, shared by `main.ts`
 * and the tests. It returns `{ start, stop }` and what tests need to look
 * inside (the Cognito client, the embedded emulator and its demo pool).
 */
import { DescribeUserPoolCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { setMaxListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, maskError, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import pino, { type Logger } from 'pino';
import { createTokenVerifier } from './auth/verifier.js';
import { createChangeFeed } from './changes/feed.js';
import { ClientAttributes } from './cognito/clients.js';
import { createCognitoClient } from './cognito/client.js';
import { TtlCache } from './cognito/ttl-cache.js';
import type { Config } from './config.js';
import { createContext, type Context, type Services } from './context.js';
import { startEmulator, type Emulator } from './embedded/emulator.js';
import { createGraphiQLOptions } from './embedded/graphiql.js';
import { DEMO_ADMIN_GROUP, DemoTokens, seedDemo, type DemoPool } from './embedded/seed.js';
import { schema } from './schema/index.js';
import { attachGraphQLWs, type ServerContext } from './ws.js';

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

/** How often `/ready` may ask Cognito; answers in between are reused. */
const READY_CACHE_MS = 5_000;
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
  embedded?: NonNullable<App['embedded']>;
}

async function connectCognito(config: Config, deps: AppDeps, logger: Logger): Promise<CognitoTarget> {
  const client = (region: string, endpoint?: string) =>
    deps.cognito ?? createCognitoClient({ region, timeoutMs: config.cognitoTimeoutMs, ...(endpoint ? { endpoint } : {}) });
  if (config.cognito.mode === 'remote') {
    const { endpoint, region, defaultPoolId, poolIds } = config.cognito;
    return { cognito: client(region, endpoint), region, defaultPoolId, poolIds, adminGroup: config.adminGroup, ...(endpoint ? { endpoint } : {}) };
  }
  const emulator = await startEmulator({ dataDir: config.cognito.dataDir, logger });
  const region = 'local';
  const cognito = client(region, emulator.endpoint);
  const demo = await seedDemo(cognito);
  return {
    cognito,
    endpoint: emulator.endpoint,
    region,
    defaultPoolId: demo.userPoolId,
    poolIds: [demo.userPoolId],
    adminGroup: DEMO_ADMIN_GROUP,
    embedded: { emulator, demo, tokens: new DemoTokens(cognito, demo) },
  };
}

/** Builds the service from validated settings. Starts the embedded emulator when no pool is configured. */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<App> {
  const logger = deps.logger ?? pino({ level: config.logLevel });
  const target = await connectCognito(config, deps, logger);
  const { cognito, endpoint, embedded } = target;
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
    clientAttributes: new ClientAttributes(cognito, config.poolCacheTtlMs),
    changes: createChangeFeed({ logger, ...(config.redisUrl ? { redisUrl: config.redisUrl } : {}) }),
    maxConcurrency: config.maxConcurrency,
    shutdown: shutdown.signal,
  };

  let cognitoReady = { ok: false, at: 0 };
  const yoga = createYoga<ServerContext, Context>({
    schema,
    context: ({ request, caller }) =>
      createContext(caller ? { caller } : { authorization: request.headers.get('authorization') }, services),
    graphiql: embedded ? createGraphiQLOptions(embedded.tokens) : true,
    // GraphiQL's assets served from this package, not a CDN: it works offline.
    renderGraphiQL,
    logging: logger,
    maskedErrors: {
      maskError(error, message) {
        logger.error({ err: (error as { originalError?: unknown }).originalError ?? error }, 'unexpected error');
        return maskError(error, message, false);
      },
    },
    plugins: [
      useReadinessCheck({
        endpoint: '/ready',
        async check() {
          if (Date.now() - cognitoReady.at >= READY_CACHE_MS) {
            let ok = true;
            try {
              await cognito.send(new DescribeUserPoolCommand({ UserPoolId: target.defaultPoolId }));
            } catch {
              ok = false;
            }
            cognitoReady = { ok, at: Date.now() };
          }
          return cognitoReady.ok && services.changes.isHealthy();
        },
      }),
    ],
  });

  const server = createServer(yoga);
  const closeWebSockets = attachGraphQLWs(server, yoga, services.verifier);
  let url = '';
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
      await services.changes.close();
      if (!deps.cognito) cognito.destroy();
      await embedded?.emulator.stop();
    },
  };
}

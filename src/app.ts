/**
 * `buildApp()`: everything the service is, wired once, shared by `main.ts`
 * and the tests. It returns `{ start, stop }` and what tests need to look
 * inside (the Cognito client, the embedded emulator and its demo pool).
 */
import { DescribeUserPoolCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga, maskError, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import pino, { type Logger } from 'pino';
import { createTokenVerifier } from './auth/verifier.js';
import { createCognitoClient } from './cognito/client.js';
import { PoolCache } from './cognito/loaders.js';
import type { Config } from './config.js';
import { createContext, type Context, type Services } from './context.js';
import { startEmulator, type Emulator } from './embedded/emulator.js';
import { createGraphiQLOptions } from './embedded/graphiql.js';
import { DEMO_ADMIN_GROUP, DemoTokens, seedDemo, type DemoPool } from './embedded/seed.js';
import { schema } from './schema/index.js';

/** The running service. */
export interface App {
  /** `http://host:port` once started. */
  readonly url: string;
  readonly yoga: YogaServerInstance<Record<string, unknown>, Context>;
  readonly server: Server;
  readonly services: Services;
  readonly logger: Logger;
  /** The embedded emulator and its demo pool, when no Cognito was configured. */
  readonly embedded?: { emulator: Emulator; demo: DemoPool; tokens: DemoTokens };
  /** Listens on the configured host and port. */
  start(): Promise<void>;
  /** Stops listening, closes connections and the emulator. */
  stop(): Promise<void>;
}

/** What a test or `main` may pass in instead of what `buildApp` would make. */
export interface AppDeps {
  logger?: Logger;
  cognito?: CognitoIdentityProviderClient;
}

/** How often `/ready` may ask Cognito; answers in between are reused. */
const READY_CACHE_MS = 5_000;

/** Builds the service from validated settings. Starts the embedded emulator when no pool is configured. */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<App> {
  const logger = deps.logger ?? pino({ level: config.logLevel });

  let emulator: Emulator | undefined;
  let endpoint: string | undefined;
  let region: string;
  if (config.cognito.mode === 'embedded') {
    emulator = await startEmulator({ dataDir: config.cognito.dataDir, logger });
    ({ endpoint } = emulator);
    region = 'local';
  } else {
    ({ endpoint, region } = config.cognito);
  }
  const cognito = deps.cognito ?? createCognitoClient({ region, timeoutMs: config.cognitoTimeoutMs, ...(endpoint ? { endpoint } : {}) });

  let embedded: App['embedded'];
  let defaultPoolId: string;
  let poolIds: string[];
  let adminGroup = config.adminGroup;
  if (emulator) {
    const demo = await seedDemo(cognito);
    embedded = { emulator, demo, tokens: new DemoTokens(cognito, demo) };
    defaultPoolId = demo.userPoolId;
    poolIds = [demo.userPoolId];
    adminGroup = DEMO_ADMIN_GROUP;
  } else if (config.cognito.mode === 'remote') {
    ({ defaultPoolId, poolIds } = config.cognito);
  } else {
    throw new Error('unreachable');
  }

  const services: Services = {
    cognito,
    verifier: createTokenVerifier({
      poolIds,
      region,
      clientIds: config.clientIds,
      adminGroup,
      fetchTimeoutMs: config.cognitoTimeoutMs,
      ...(endpoint ? { endpoint } : {}),
    }),
    pools: { defaultPoolId, poolIds },
    poolCache: new PoolCache(config.poolCacheTtlMs),
    maxConcurrency: config.maxConcurrency,
  };

  let ready: { ok: boolean; at: number } = { ok: false, at: 0 };
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    context: ({ request }) => createContext(request.headers.get('authorization'), services),
    graphiql: embedded ? createGraphiQLOptions(embedded.tokens) : true,
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
          if (Date.now() - ready.at < READY_CACHE_MS) return ready.ok;
          let ok = true;
          try {
            await cognito.send(new DescribeUserPoolCommand({ UserPoolId: defaultPoolId }));
          } catch {
            ok = false;
          }
          ready = { ok, at: Date.now() };
          return ok;
        },
      }),
    ],
  });

  const server = createServer(yoga);
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
      if (server.listening) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      if (!deps.cognito) cognito.destroy();
      await embedded?.emulator.stop();
    },
  };
}

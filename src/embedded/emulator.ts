/**
 * The embedded default: `cognito-local` composed in-process from its own
 * services (deep imports; the version is pinned exactly in package.json), on
 * an ephemeral loopback port, with
 * - a lossless SQLite store instead of its JSON files ({@link SqliteDataStoreFactory}),
 * - a {@link Mailbox} instead of its console sender, so verification codes
 *   show in the service's log and tests can read them,
 * - three targets made to behave like Cognito for pending email and phone
 *   changes ({@link likeCognito}),
 * - no Lambda triggers (none are configured, so no AWS SDK v2 client is made),
 * - an HTTP server of our own around its express app: it answers only
 *   requests addressed to loopback (`Host`, against DNS rebinding), and CORS
 *   headers only for the origins `allowOrigin` accepts (cognito-local answers
 *   `Access-Control-Allow-Origin: *`, which let any web page drive the
 *   emulator's unauthenticated admin API from a visitor's browser).
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { loopbackOnly } from '../server/loopback-only.js';
import { likeCognito } from './like-cognito.js';
import { Mailbox } from './mailbox.js';
import { SqliteDataStoreFactory } from './sqlite-data-store.js';

export { StoreError } from './sqlite-data-store.js';

const require = createRequire(import.meta.url);
// cognito-local is CommonJS without an exports map; these are its own modules.
const { Router } = require('cognito-local/lib/server/Router.js');
const { createServer } = require('cognito-local/lib/server/server.js');
const { CognitoServiceImpl, USER_POOL_AWS_DEFAULTS } = require('cognito-local/lib/services/cognitoService.js');
const { UserPoolServiceFactoryImpl } = require('cognito-local/lib/services/userPoolService.js');
const { DateClock } = require('cognito-local/lib/services/clock.js');
const { TriggersService } = require('cognito-local/lib/services/triggers/triggers.js');
const { LambdaService } = require('cognito-local/lib/services/lambda.js');
const { MessagesService } = require('cognito-local/lib/services/messages.js');
const { MessageDeliveryService } = require('cognito-local/lib/services/messageDelivery/messageDelivery.js');
const { JwtTokenGenerator } = require('cognito-local/lib/services/tokenGenerator.js');
const { otp } = require('cognito-local/lib/services/otp.js');

/** The fact under which the store remembers the emulator's port: part of the issuer of every token it signed. */
const PORT_KEY = 'emulator-port';

/** Listens on `port`; rejects with the listen error (e.g. EADDRINUSE). */
function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}

/** The store id cognito-local uses for app clients (not a pool). */
const CLIENTS_STORE = 'clients';

/** A running embedded emulator. */
export interface Emulator {
  /** `http://127.0.0.1:<port>`: the SDK endpoint, and the issuer prefix of its tokens. */
  endpoint: string;
  /** Where verification codes arrive. */
  mailbox: Mailbox;
  /** The SQLite file the emulator keeps its data in. */
  storeFile: string;
  /** Facts the service keeps about the store itself (the demo pool it was seeded with). */
  meta: { get(key: string): string | undefined; set(key: string, value: string): void };
  /**
   * Turns on the pool's "keep original attribute value active when an update
   * is pending" for `names`, when it is not set: cognito-local's UpdateUserPool
   * ignores `UserAttributeUpdateSettings`, so a store seeded before the demo
   * pool had it gets it here. Resolves with whether it changed anything.
   */
  keepOriginalUntilVerified(userPoolId: string, names: readonly string[]): Promise<boolean>;
  /** Stops listening and closes the store. */
  stop(): Promise<void>;
}

/** Where and how to run the emulator. */
export interface EmulatorOptions {
  /** The directory of the SQLite file. */
  dataDir: string;
  logger: Logger;
  /** @default '127.0.0.1' */
  host?: string;
  /**
   * 0 picks a free port. Unset: the port of the last run on this store (so
   * its tokens' issuer, and a frontend's configured endpoint, stay valid
   * across restarts), or a free one the first time or when it is taken.
   */
  port?: number;
  /** The web origins that may call the emulator from a browser (the demo page signs in there). @default none */
  allowOrigin?: (origin: string) => boolean;
}

/**
 * `app` with CORS headers naming the caller's origin when `allowOrigin`
 * accepts it, and none at all when it does not (the browser then refuses the
 * answer); cognito-local's own answer is `Access-Control-Allow-Origin: *`.
 */
function corsFor(app: (req: IncomingMessage, res: ServerResponse) => void, allowOrigin: (origin: string) => boolean) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const origin = req.headers.origin;
    if (origin) {
      const allowed = allowOrigin(origin);
      const setHeader = res.setHeader.bind(res);
      res.setHeader = ((name: string, value: number | string | readonly string[]) => {
        if (!name.toLowerCase().startsWith('access-control-')) return setHeader(name, value);
        if (!allowed) return res;
        if (name.toLowerCase() === 'access-control-allow-origin') {
          setHeader('vary', 'Origin');
          return setHeader(name, origin);
        }
        return setHeader(name, value);
      }) as typeof res.setHeader;
    }
    app(req, res);
  };
}

/** Starts cognito-local on its pools in `dataDir` (none on first start). */
export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  // The emulator logs every exception it answers (an unknown user, say) as a
  // warning; the service maps those itself, so only its errors are worth a line.
  const quietest = options.logger.levels.values[options.logger.level] ?? 0;
  const logger = options.logger.child({ component: 'cognito-local' }, { level: quietest > 50 ? options.logger.level : 'error' });
  const ctx = { logger };
  const storeFile = join(options.dataDir, 'cognito-local.sqlite');
  const store = new SqliteDataStoreFactory(storeFile);
  const clock = new DateClock();
  const userPools = new UserPoolServiceFactoryImpl(clock, store);
  const clients = await store.create(ctx as never, CLIENTS_STORE, { Clients: {} });

  // cognito-local finds its pools by listing *.json files; ours are rows.
  const cognito = new CognitoServiceImpl(options.dataDir, clients, {}, userPools);
  cognito.userPools = await Promise.all(
    store
      .listStoreIds()
      .filter((id) => id !== CLIENTS_STORE)
      .map((id) => userPools.create(ctx, clients, { ...USER_POOL_AWS_DEFAULTS, Id: id })),
  );

  const mailbox = new Mailbox(options.logger);
  const tokenConfig = { IssuerDomain: '' };
  const triggers = new TriggersService(clock, cognito, new LambdaService({}, null), null);
  const config = { LambdaClient: {}, TriggerFunctions: {}, UserPoolDefaults: {}, TokenConfig: tokenConfig, ServerConfig: {} };
  const services = {
    clock,
    cognito,
    config,
    messages: new MessagesService(triggers, new MessageDeliveryService(mailbox)),
    otp,
    tokenGenerator: new JwtTokenGenerator(clock, triggers, tokenConfig),
    triggers,
  };
  const host = options.host ?? '127.0.0.1';
  const { application } = createServer(likeCognito(Router(services), services), logger, { port: options.port ?? 0, hostname: host }, services);
  const server: Server = createHttpServer(loopbackOnly(corsFor(application, options.allowOrigin ?? (() => false))));
  const remembered = Number(store.getMeta(PORT_KEY));
  const wanted = options.port ?? (Number.isInteger(remembered) && remembered > 0 && remembered < 65_536 ? remembered : 0);
  try {
    await listen(server, wanted, host);
  } catch (error) {
    if (options.port !== undefined || wanted === 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    await listen(server, 0, host);
    options.logger.warn(
      `embedded Cognito: port ${wanted}, where the last run's tokens were issued, is taken; listening on ${(server.address() as AddressInfo).port} instead. Tokens issued before are refused (sign in again), and a frontend configured with http://${host}:${wanted} must use the new address.`,
    );
  }
  const { port } = server.address() as AddressInfo;
  store.setMeta(PORT_KEY, String(port));
  const endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  // Tokens carry `iss = <endpoint>/<poolId>`, which the service verifies.
  tokenConfig.IssuerDomain = endpoint;

  return {
    endpoint,
    mailbox,
    storeFile,
    meta: { get: (key) => store.getMeta(key), set: (key, value) => store.setMeta(key, value) },
    async keepOriginalUntilVerified(userPoolId, names) {
      const pool = await cognito.getUserPool(ctx as never, userPoolId);
      if (pool.options.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate !== undefined) return false;
      await pool.updateOptions(ctx as never, { ...pool.options, UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: [...names] } });
      return true;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    },
  };
}

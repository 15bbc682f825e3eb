/**
 * Cognito going wrong, for real, on real sockets:
 *
 * - {@link FixedPortCognito}: the in-process emulator on a port of its own
 *   that it keeps across {@link FixedPortCognito.stop stop} and
 *   {@link FixedPortCognito.restart restart} (same data directory, so users
 *   and tokens survive), so a service pointed at it sees an outage and a
 *   return, not a new endpoint.
 * - {@link CognitoProxy}: an HTTP proxy in front of an emulator whose answers
 *   the test chooses per route, for Cognito's API (POST /) and for the JWKS
 *   (`/<pool>/.well-known/jwks.json`): pass, hang (accept and never answer),
 *   reset the connection, answer 503, or (JWKS only) serve an empty key set.
 *   Tokens for a service behind it carry the proxy's issuer: mint them with
 *   {@link proxyToken}.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createCognitoClient } from '../../src/cognito/sdk-client.js';
import { startEmulator, type Emulator } from '../../src/embedded/emulator.js';
import { DemoTokens, seedDemo, type DemoPool } from '../../src/embedded/seed.js';
import { claimsOf, mintToken, type AccessClaims } from './tokens.js';

/** A TCP port nobody listens on right now (bound, then released). */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The emulator on a fixed port, which a test may stop and start again. */
export class FixedPortCognito {
  /** An SDK client of the test's own; it fails like the service's while the emulator is down. */
  readonly sdk: CognitoIdentityProviderClient;
  readonly tokens: DemoTokens;
  #emulator: Emulator | undefined;

  private constructor(
    readonly port: number,
    readonly dataDir: string,
    readonly demo: DemoPool,
    emulator: Emulator,
    sdk: CognitoIdentityProviderClient,
  ) {
    this.#emulator = emulator;
    this.sdk = sdk;
    this.tokens = new DemoTokens(sdk, demo);
  }

  /** Starts the emulator on a free port and a fresh data directory, seeded with the demo pool. */
  static async start(): Promise<FixedPortCognito> {
    const dataDir = await mkdtemp(join(tmpdir(), 'cognito-faults-'));
    const port = await freePort();
    const emulator = await startEmulator({ dataDir, port, logger: pino({ level: 'silent' }) });
    const sdk = createCognitoClient({ region: 'local', endpoint: emulator.endpoint, timeoutMs: 5_000 });
    const demo = await seedDemo(sdk);
    return new FixedPortCognito(port, dataDir, demo, emulator, sdk);
  }

  /** `http://127.0.0.1:<port>`, the same across restarts. */
  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.#emulator !== undefined;
  }

  /** Stops listening (open connections are closed): callers get ECONNREFUSED. */
  async stop(): Promise<void> {
    const emulator = this.#emulator;
    this.#emulator = undefined;
    await emulator?.stop();
  }

  /** Starts again on the same port and data. */
  async restart(): Promise<void> {
    if (this.#emulator) return;
    this.#emulator = await startEmulator({ dataDir: this.dataDir, port: this.port, logger: pino({ level: 'silent' }) });
  }

  async dispose(): Promise<void> {
    this.sdk.destroy();
    await this.stop();
    await rm(this.dataDir, { recursive: true, force: true });
  }
}

/** How the proxy answers one route. */
export type ProxyMode =
  /** Forward to the emulator. */
  | 'pass'
  /** Accept the request and never answer (the connection stays open until the caller gives up). */
  | 'hang'
  /** Destroy the connection at once (ECONNRESET / "socket hang up"). */
  | 'reset'
  /** Answer 503 with an HTML body, as a load balancer in trouble would. */
  | 'unavailable'
  /** JWKS only: answer 200 with a key set that holds no key. */
  | 'empty';

/** What the proxy has seen on one route. */
export interface RouteStats {
  /** Requests received, whatever the mode. */
  requests: number;
  /** Requests now held open by `hang`. */
  hanging: number;
}

type Route = 'api' | 'jwks';

/** An HTTP proxy in front of an emulator, answering each route as the test says. */
export class CognitoProxy {
  /** How Cognito's API (every POST) is answered. */
  api: ProxyMode = 'pass';
  /** How `.../.well-known/jwks.json` is answered. */
  jwks: ProxyMode = 'pass';
  readonly stats: Record<Route, RouteStats> = { api: { requests: 0, hanging: 0 }, jwks: { requests: 0, hanging: 0 } };
  readonly #sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly upstream: URL,
  ) {
    server.on('connection', (socket: Socket) => {
      this.#sockets.add(socket);
      socket.once('close', () => this.#sockets.delete(socket));
    });
    server.on('request', (req: IncomingMessage, res: ServerResponse) => this.#handle(req, res));
  }

  /** Starts the proxy on a free port in front of `upstream` (the emulator's endpoint). */
  static async start(upstream: string): Promise<CognitoProxy> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new CognitoProxy(server, (server.address() as AddressInfo).port, new URL(upstream));
  }

  /** `http://127.0.0.1:<port>`: the service's COGNITO_ENDPOINT, and its tokens' issuer prefix. */
  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const route: Route = req.url?.endsWith('/.well-known/jwks.json') ? 'jwks' : 'api';
    const stats = this.stats[route];
    stats.requests += 1;
    const mode = this[route];
    if (mode === 'hang') {
      stats.hanging += 1;
      req.socket.once('close', () => (stats.hanging -= 1));
      req.resume();
      return;
    }
    if (mode === 'reset') {
      req.socket.destroy();
      return;
    }
    if (mode === 'unavailable') {
      res.writeHead(503, { 'content-type': 'text/html' }).end('<html><body>503 Service Unavailable</body></html>');
      return;
    }
    if (mode === 'empty' && route === 'jwks') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"keys":[]}');
      return;
    }
    const upstream = httpRequest(
      { host: this.upstream.hostname, port: this.upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: this.upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * A token for a service behind `proxy`: the claims of `token` (a real one
 * from the emulator), signed with the emulator's key, issued by the proxy's
 * endpoint (the emulator answers calls with it as with the original).
 */
export async function proxyToken(proxy: CognitoProxy, userPoolId: string, token: string): Promise<string> {
  return mintToken({ issuer: `${proxy.endpoint}/${userPoolId}`, claims: claimsOf(token) as unknown as AccessClaims });
}

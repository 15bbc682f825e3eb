/**
 * Cognito going wrong, for real, on real sockets: an HTTP proxy in front of
 * the emulator whose answers the test chooses, and which counts what reached it.
 *
 * - Per route, Cognito's API (every POST) and the JWKS
 *   (`/<pool>/.well-known/jwks.json`): pass, hang (accept and never answer),
 *   reset the connection, answer 503, or (JWKS only) serve an empty key set.
 * - Per operation (`x-amz-target`, e.g. `GetUser`): answer a Cognito
 *   exception of the test's choosing ({@link CognitoProxy.answers}, Cognito's
 *   JSON error shape `{ __type, message }`) instead of forwarding it, or
 *   forward it and change the emulator's answer ({@link CognitoProxy.rewrites}),
 *   to show what real Cognito answers and the emulator cannot.
 *
 * Two ways to put it in front of a service:
 * - as its `COGNITO_ENDPOINT`: every call and the JWKS go through it, and
 *   tokens must carry the proxy's issuer ({@link proxyToken});
 * - as its SDK client's endpoint only (`buildApp(config, { cognito:
 *   createCognitoClient({ endpoint: proxy.endpoint, … }) })`), while
 *   `COGNITO_ENDPOINT` stays the emulator's, so the emulator's tokens verify as they are.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CountingFront, operationOf, passBack } from './emulator-front.js';
import { claimsOf, mintToken, type AccessClaims } from './tokens.js';

/** How the proxy answers one route. */
export type ProxyMode =
  /** Forward to the emulator (or answer a scripted exception). */
  | 'pass'
  /** Accept the request and never answer (the connection stays open until the caller gives up). */
  | 'hang'
  /** Destroy the connection at once (ECONNRESET / "socket hang up"). */
  | 'reset'
  /** Answer 503 with an HTML body, as a load balancer in trouble would. */
  | 'unavailable'
  /** JWKS only: answer 200 with a key set that holds no key. */
  | 'empty';

/** What the proxy answers for one operation instead of forwarding it. */
export interface ScriptedAnswer {
  /** HTTP status, e.g. 400 for TooManyRequestsException, 500 for InternalErrorException. */
  status: number;
  /** Cognito's exception name, e.g. `TooManyRequestsException`. */
  type: string;
  message?: string;
}

/** What the proxy has seen on one route. */
export interface RouteStats {
  /** Requests received, whatever the mode. */
  requests: number;
  /** Requests now held open by `hang`. */
  hanging: number;
}

type Route = 'api' | 'jwks';

/** The AWS request id (`x-amzn-requestid`) of every scripted answer: Cognito's own, for AWS support, as the service logs it. */
export const SCRIPTED_REQUEST_ID = 'scripted-1';

/** The proxy; see the module's documentation. */
export class CognitoProxy extends CountingFront {
  /** How Cognito's API (every POST) is answered. */
  api: ProxyMode = 'pass';
  /** How `.../.well-known/jwks.json` is answered. */
  jwks: ProxyMode = 'pass';
  /** Operation (e.g. `GetUser`) → the exception answered instead of forwarding it. */
  readonly answers = new Map<string, ScriptedAnswer>();
  /** Operation → how the emulator's (successful) JSON answer is changed on its way back. */
  readonly rewrites = new Map<string, (answer: Record<string, unknown>) => Record<string, unknown>>();
  readonly stats: Record<Route, RouteStats> = { api: { requests: 0, hanging: 0 }, jwks: { requests: 0, hanging: 0 } };

  /** Starts the proxy on a free loopback port in front of `upstream` (the emulator's endpoint). */
  static async start(upstream: string): Promise<CognitoProxy> {
    return new CognitoProxy(upstream).listen();
  }

  protected override handle(req: IncomingMessage, res: ServerResponse): void {
    const route: Route = req.url?.endsWith('/.well-known/jwks.json') ? 'jwks' : 'api';
    const stats = this.stats[route];
    stats.requests += 1;
    const operation = operationOf(req);
    if (route === 'api' && operation) this.tally(operation);
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
    const answer = route === 'api' ? this.answers.get(operation) : undefined;
    if (answer) {
      req.resume();
      req.on('end', () => {
        res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': SCRIPTED_REQUEST_ID });
        res.end(JSON.stringify({ __type: answer.type, message: answer.message ?? 'scripted' }));
      });
      return;
    }
    const rewrite = route === 'api' ? this.rewrites.get(operation) : undefined;
    if (!rewrite) {
      this.forward(req, res);
      return;
    }
    this.forward(req, res, (upstream) => {
      // Only a success is Cognito's answer to rewrite; an error passes as the emulator said it.
      if (upstream.statusCode !== 200) {
        passBack(upstream, res);
        return;
      }
      const chunks: Buffer[] = [];
      upstream.on('data', (chunk: Buffer) => chunks.push(chunk));
      upstream.on('end', () => {
        const body = JSON.stringify(rewrite(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>));
        res.writeHead(200, { 'content-type': upstream.headers['content-type'] ?? 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      });
    });
  }
}

/**
 * A token for a service whose COGNITO_ENDPOINT is `proxy`: the claims of
 * `token` (a real one from the emulator), signed with the emulator's key,
 * issued by the proxy's endpoint (the emulator answers calls with it as with
 * the original).
 */
export async function proxyToken(proxy: CognitoProxy, userPoolId: string, token: string): Promise<string> {
  return mintToken({ issuer: `${proxy.endpoint}/${userPoolId}`, claims: claimsOf(token) as unknown as AccessClaims });
}

/**
 * A pass-through HTTP proxy in front of the emulator that answers chosen
 * Cognito operations itself, with the exception a test scripts (Cognito's
 * JSON error shape: `{ __type, message }`), and counts every request per
 * operation. Point the service's SDK client at it
 * (`buildApp(config, { cognito: createCognitoClient({ endpoint: proxy.url, … }) })`)
 * while `COGNITO_ENDPOINT` stays the emulator's, so tokens are still verified
 * against the emulator's issuer.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy answers for one operation instead of forwarding it. */
export interface ScriptedAnswer {
  /** HTTP status, e.g. 400 for TooManyRequestsException, 500 for InternalErrorException. */
  status: number;
  /** Cognito's exception name, e.g. `TooManyRequestsException`. */
  type: string;
  message?: string;
}

/** The proxy. */
export class ScriptedCognito {
  /** Operation name (e.g. `GetUser`) -> what to answer instead of forwarding. */
  readonly answers = new Map<string, ScriptedAnswer>();
  /** Operation name -> requests received (each SDK attempt counts), answered or forwarded. */
  readonly received = new Map<string, number>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /** Starts the proxy on a free loopback port in front of `upstream` (the emulator's endpoint). */
  static async start(upstream: string): Promise<ScriptedCognito> {
    let proxy: ScriptedCognito | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const operation = String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
        proxy!.received.set(operation, (proxy!.received.get(operation) ?? 0) + 1);
        const answer = proxy!.answers.get(operation);
        if (answer) {
          res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'scripted-1' });
          res.end(JSON.stringify({ __type: answer.type, message: answer.message ?? 'scripted' }));
          return;
        }
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name)),
        ) as Record<string, string>;
        fetch(`${upstream}${req.url ?? '/'}`, { method: req.method ?? 'POST', headers, body: req.method === 'GET' ? undefined : Buffer.concat(chunks) })
          .then(async (response) => {
            res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/json' });
            res.end(Buffer.from(await response.arrayBuffer()));
          })
          .catch(() => res.destroy());
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = new ScriptedCognito(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return proxy;
  }

  /** Requests received for `operation` so far. */
  count(operation: string): number {
    return this.received.get(operation) ?? 0;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

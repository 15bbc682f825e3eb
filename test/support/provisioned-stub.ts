/**
 * A stand-in for AWS's GetProvisionedLimit (this machine cannot reach AWS),
 * on a real socket in front of the emulator (which has no such operation):
 * it answers GetProvisionedLimit itself, per category as the test says (a
 * rate, an exception, or no answer at all), and forwards everything else
 * (every other operation, the JWKS) to the emulator, counting what it saw.
 * Point a service's COGNITO_ENDPOINT at it; tokens then carry its issuer.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** How one category's GetProvisionedLimit is answered. */
export type LimitAnswer =
  /** `Limit.ProvisionedLimitValue` (and `FreeLimitValue`, Cognito's default). */
  | { provisioned: number; free: number }
  /** A Cognito exception in its JSON shape. */
  | { status: number; type: string; message: string }
  /** Accept and never answer. */
  | 'hang';

/** The stand-in; see the module's documentation. */
export class ProvisionedStub {
  /** Category → answer; a category not here is refused with AccessDeniedException. */
  readonly limits = new Map<string, LimitAnswer>();
  /** The categories GetProvisionedLimit was asked for, in order. */
  readonly asked: string[] = [];
  /** Operation → requests received (each SDK attempt counts). */
  readonly received = new Map<string, number>();
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

  /** Starts it on a free loopback port in front of `upstream` (the emulator's endpoint). */
  static async start(upstream: string): Promise<ProvisionedStub> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new ProvisionedStub(server, (server.address() as AddressInfo).port, new URL(upstream));
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  count(operation: string): number {
    return this.received.get(operation) ?? 0;
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const operation = String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
    if (operation) this.received.set(operation, this.count(operation) + 1);
    if (operation !== 'GetProvisionedLimit') {
      const forward = httpRequest(
        { host: this.upstream.hostname, port: this.upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: this.upstream.host } },
        (upstream) => {
          res.writeHead(upstream.statusCode ?? 502, upstream.headers);
          upstream.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      req.pipe(forward);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { LimitDefinition?: { LimitClass?: string; Attributes?: Record<string, string> } };
      const category = body.LimitDefinition?.Attributes?.Category ?? '';
      this.asked.push(category);
      const answer = this.limits.get(category) ?? {
        status: 400,
        type: 'AccessDeniedException',
        message: `User: arn:aws:iam::123456789012:user/secret-operator is not authorized to perform: cognito-idp:GetProvisionedLimit`,
      };
      if (answer === 'hang') return;
      const json = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'stub-1' };
      if ('provisioned' in answer) {
        res.writeHead(200, json).end(
          JSON.stringify({
            Limit: { LimitDefinition: body.LimitDefinition, ProvisionedLimitValue: answer.provisioned, FreeLimitValue: answer.free },
          }),
        );
      } else {
        res.writeHead(answer.status, json).end(JSON.stringify({ __type: answer.type, message: answer.message }));
      }
    });
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

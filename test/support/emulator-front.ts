/**
 * What every test server that stands in front of the emulator shares
 * (`CognitoProxy`, `ProvisionedStub`, `PagingCognito`): a
 * real HTTP server on a free loopback port, a way to send a request on to the
 * emulator as it came, a stop that does not wait for anyone, and (for those
 * that count) a count of requests per operation.
 *
 * Each of them decides, per request, what to answer itself and what to
 * forward; only that decision lives in the subclass.
 */
import { createServer, request as httpRequest, type ClientRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** The Cognito operation a request calls (`x-amz-target`'s last part, e.g. `GetUser`); `''` when it names none (the JWKS). */
export function operationOf(req: IncomingMessage): string {
  return String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
}

/** Answers `res` with the emulator's answer `upstream` as it is: status, headers and body, streamed. */
export function passBack(upstream: IncomingMessage, res: ServerResponse): void {
  res.writeHead(upstream.statusCode ?? 502, upstream.headers);
  upstream.pipe(res);
}

/** A server in front of the emulator; subclasses say how each request is answered ({@link EmulatorFront.handle}). */
export abstract class EmulatorFront {
  readonly #server: Server = createServer();
  readonly #upstream: URL;
  // Tracked so that stop() can end them: a keep-alive or a `hang`ed connection would otherwise hold close() open.
  readonly #sockets = new Set<Socket>();
  #port = 0;

  /** `upstream` is the emulator's endpoint; nothing listens until {@link EmulatorFront.listen}. */
  protected constructor(upstream: string) {
    this.#upstream = new URL(upstream);
    this.#server.on('connection', (socket: Socket) => {
      this.#sockets.add(socket);
      socket.once('close', () => this.#sockets.delete(socket));
    });
    this.#server.on('request', (req: IncomingMessage, res: ServerResponse) => this.handle(req, res));
  }

  /** Answers one request: itself, or by {@link EmulatorFront.forward}ing it. */
  protected abstract handle(req: IncomingMessage, res: ServerResponse): void;

  /** Listens on a free loopback port (so parallel test files never collide); resolves with the server itself, for `start()`. */
  protected async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.#port = (this.#server.address() as AddressInfo).port;
    return this;
  }

  /** The loopback port it listens on (still known after {@link EmulatorFront.stop}). */
  get port(): number {
    return this.#port;
  }

  /** `http://127.0.0.1:<port>`: a COGNITO_ENDPOINT or an SDK client's endpoint (and then its tokens' issuer prefix). */
  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * Sends `req` on to the emulator (same method, path and headers, `host` the
   * emulator's), its body streamed as it arrives, and hands the emulator's
   * answer to `answered`, by default passed back on `res` as it is. When the
   * emulator cannot be reached, `res`'s connection is dropped, as a broken
   * network would.
   */
  protected forward(
    req: IncomingMessage,
    res: ServerResponse,
    answered: (upstream: IncomingMessage) => void = (upstream) => passBack(upstream, res),
  ): void {
    const forward = this.#send(req, {}, answered);
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  }

  /**
   * Sends `req` on to the emulator with `body` instead of its own (already
   * read, or changed); resolves with the emulator's answer, not yet read, and
   * rejects when the emulator cannot be reached.
   */
  protected request(req: IncomingMessage, body: Buffer): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const forward = this.#send(req, { 'content-length': String(body.length) }, resolve);
      forward.on('error', reject);
      forward.end(body);
    });
  }

  #send(req: IncomingMessage, headers: Record<string, string>, answered: (upstream: IncomingMessage) => void): ClientRequest {
    const upstream = this.#upstream;
    return httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host, ...headers } },
      answered,
    );
  }

  /** Ends every connection, held ones too, and closes the server. */
  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

/** A front that also counts the requests it received per operation, however it answered them. */
export abstract class CountingFront extends EmulatorFront {
  /** Operation → requests received for it (each SDK attempt counts). */
  readonly received = new Map<string, number>();

  /** Requests received for `operation` so far. */
  count(operation: string): number {
    return this.received.get(operation) ?? 0;
  }

  /** Counts one request for `operation`; each subclass says which of its requests count. */
  protected tally(operation: string): void {
    this.received.set(operation, this.count(operation) + 1);
  }
}

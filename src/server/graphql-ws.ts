/**
 * GraphQL over WebSocket (`graphql-transport-ws`, the graphql-ws library) on
 * the same port and path as HTTP. One pipeline for every transport: each
 * operation goes through `yoga.getEnveloped`, so context, auth, plugins and
 * error masking are Yoga's own. The token is verified once, in `onConnect`,
 * and the socket is closed with 4403 when it expires. An operation may carry
 * its own token (`extensions.headers.authorization`, as GraphiQL sends it).
 */
import type { IncomingMessage, Server } from 'node:http';
import { CloseCode, handleProtocols, makeServer, MessageType, type ServerOptions } from 'graphql-ws';
import type { ExecutionArgs } from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { onTokenExpiry } from '../auth/expiry.js';
import { authenticate, fromConnectionParams, fromOperationExtensions, signInRequired, type Caller, type TokenVerifier } from '../auth/tokens.js';
import type { Context, ServerContext } from '../context.js';
import { REQUEST_ID_HEADER, requestIdFrom } from '../plugins/use-request-log.js';

/** What graphql-ws keeps per socket (its `ctx.extra`). */
interface SocketState {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
  caller?: Caller;
  /** Cancels the socket's close at its token's expiry. */
  cancelExpiry?: () => void;
}

/** How often an idle socket is pinged; one that misses a pong by then is dropped. */
const KEEP_ALIVE_MS = 12_000;

/** One request id per socket, from its upgrade request; its operations' contexts carry it. */
const socketIds = new WeakMap<IncomingMessage, string>();

/** The id of the socket opened by the upgrade `request` (made on first use). */
function socketId(request: IncomingMessage): string {
  let id = socketIds.get(request);
  if (!id) {
    const incoming = request.headers[REQUEST_ID_HEADER];
    id = requestIdFrom(typeof incoming === 'string' ? incoming : undefined);
    socketIds.set(request, id);
  }
  return id;
}

/** Message types only a server sends. */
const SERVER_ONLY_TYPES = new Set<unknown>([MessageType.ConnectionAck, MessageType.Next, MessageType.Error]);

/**
 * graphql-ws parses a server's message types from a client too, then fails
 * on them as an internal error (4500, its own message as the reason, a stack
 * on stderr). Refused while parsing instead: 4400, like any other message
 * that is not the client's to send. (Found by test/fuzz.test.ts.)
 */
function refuseServerMessages(key: string, value: unknown): unknown {
  // The reviver sees the whole message last, under the key "".
  if (key === '' && typeof value === 'object' && value !== null && SERVER_ONLY_TYPES.has((value as { type?: unknown }).type)) {
    throw new Error('A message only a server sends');
  }
  return value;
}

/**
 * graphql-ws's `makeServer` on a `ws` server: its `use/ws` starter, with its
 * `console.error`s going to the service's log (no stack, no internal text) and
 * close reasons never carrying an internal message.
 */
function serve(wss: WebSocketServer, options: ServerOptions<Record<string, unknown>, SocketState>, logger: Logger): () => Promise<void> {
  const graphqlWs = makeServer(options);
  wss.options.handleProtocols = handleProtocols;
  wss.on('headers', (headers, request) => headers.push(`${REQUEST_ID_HEADER}: ${socketId(request)}`));
  wss.on('error', (error) => logger.error({ err: { message: error.message } }, 'WebSocket server error'));
  wss.on('connection', (socket, request) => {
    socket.once('error', (error) => {
      // ws reports frames over maxPayload this way, after closing with 1009.
      logger.warn({ err: { message: error.message } }, 'WebSocket error; socket closed');
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    });
    let pongWait: NodeJS.Timeout | undefined;
    const ping = () => {
      if (socket.readyState !== socket.OPEN) return;
      pongWait = setTimeout(() => socket.terminate(), KEEP_ALIVE_MS);
      socket.once('pong', () => clearTimeout(pongWait));
      socket.ping();
    };
    // Each socket's pings start at a random point of the period: sockets that
    // connected together (a deploy, a reconnect storm) are not all pinged in
    // the same instant, which stalled the event loop every period with 10,000.
    let pinging: NodeJS.Timeout = setTimeout(() => {
      ping();
      pinging = setInterval(ping, KEEP_ALIVE_MS);
    }, Math.random() * KEEP_ALIVE_MS);
    const closed = graphqlWs.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', async (data) => {
            try {
              await handle(String(data));
            } catch (error) {
              logger.error({ requestId: socketId(request), err: { message: (error as Error).message } }, 'WebSocket message handling failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            }
          }),
      },
      { socket, request },
    );
    socket.once('close', (code, reason) => {
      clearTimeout(pongWait);
      clearTimeout(pinging);
      clearInterval(pinging);
      void closed(code, String(reason));
    });
  });
  return async () => {
    for (const client of wss.clients) client.close(1001, 'Going away');
    wss.removeAllListeners();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  };
}

/**
 * Serves graphql-ws on `server` at Yoga's endpoint, frames up to
 * `options.maxPayloadBytes`. Returns a function that closes every socket
 * (1001, going away) and stops the WebSocket server.
 */
export function attachGraphQLWs(
  server: Server,
  yoga: YogaServerInstance<ServerContext, Context>,
  verifier: TokenVerifier,
  options: { maxPayloadBytes?: number; logger: Logger; acceptHost?: (host: string | undefined) => boolean },
): () => Promise<void> {
  const { acceptHost } = options;
  const wss = new WebSocketServer({
    server,
    path: yoga.graphqlEndpoint,
    // A bigger frame closes the socket with 1009 (message too big) before it is buffered whole.
    ...(options.maxPayloadBytes ? { maxPayload: options.maxPayloadBytes } : {}),
    // The upgrade answers 421 for a Host the HTTP side would refuse too (src/plugins/use-loopback-host.ts).
    ...(acceptHost ? { verifyClient: (info: { req: IncomingMessage }, done: (ok: boolean, code?: number) => void) => done(acceptHost(info.req.headers.host), 421) } : {}),
  });
  // The operation's own enveloped execute/subscribe travel beside its arguments (not as its rootValue, which resolvers would receive).
  type Args = ExecutionArgs & { enveloped: { execute: (a: ExecutionArgs) => unknown; subscribe: (a: ExecutionArgs) => unknown } };
  return serve(
    wss,
    {
      jsonMessageReviver: refuseServerMessages,
      async onConnect(ctx) {
        const { caller } = await authenticate(fromConnectionParams(ctx.connectionParams), verifier);
        if (!caller) return false; // graphql-ws closes with 4403 Forbidden
        ctx.extra.caller = caller;
        ctx.extra.cancelExpiry = onTokenExpiry(caller, () => ctx.extra.socket.close(CloseCode.Forbidden, 'Token expired'));
        return true;
      },
      onClose(ctx) {
        ctx.extra.cancelExpiry?.();
      },
      async onSubscribe(ctx, _id, params) {
        let caller = ctx.extra.caller;
        const own = fromOperationExtensions(params.extensions);
        if (own) {
          // Verified like any token; a bad one fails this operation only, not the socket.
          const verified = await authenticate(own, verifier);
          if (!verified.caller) return [verified.authError ?? signInRequired()];
          caller = verified.caller;
        }
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          caller,
          requestId: socketId(ctx.extra.request),
        });
        let document;
        try {
          document = parse(params.query);
        } catch (error) {
          return [error as never];
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        const args: Args = {
          schema,
          operationName: params.operationName ?? null,
          document,
          variableValues: params.variables ?? null,
          contextValue: await contextFactory(),
          enveloped: { execute, subscribe },
        };
        return args;
      },
      execute: (args) => (args as Args).enveloped.execute(args) as never,
      subscribe: (args) => (args as Args).enveloped.subscribe(args) as never,
    },
    options.logger,
  );
}

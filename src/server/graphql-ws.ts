/**
 * GraphQL over WebSocket (`graphql-transport-ws`, the graphql-ws library) on
 * the same port and path as HTTP. One pipeline for every transport: each
 * operation goes through `yoga.getEnveloped`, so context, auth, plugins and
 * error masking are Yoga's own. The token is verified once, in `onConnect`,
 * and the socket is closed with 4403 when it expires ('Token expired') or
 * when Cognito says its user was disabled, deleted or signed out ('Access
 * revoked', asked every AUTH_RECHECK_MS). An operation may carry
 * its own token (`extensions.headers.authorization`, as GraphiQL sends it).
 *
 * What one user can make a socket hold is bounded (src/config.ts, HoldLimits):
 * `MAX_SOCKETS_PER_USER` sockets (more close with {@link CLOSE_TOO_MANY_SOCKETS}),
 * `MAX_SUBSCRIPTIONS_PER_SOCKET` operations on one (more fail with
 * LIMIT_EXCEEDED), and `MAX_BUFFERED_BYTES` of output waiting for a client
 * that stopped reading (then it is dropped, {@link CLOSE_TOO_SLOW}). An event
 * shared by many subscribers is serialised once, not once per subscriber.
 */
import type { IncomingMessage, Server } from 'node:http';
import { CloseCode, handleProtocols, makeServer, MessageType, type ServerOptions } from 'graphql-ws';
import type { ExecutionArgs } from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Rechecks } from '../auth/authority.js';
import { onTokenExpiry } from '../auth/expiry.js';
import { authenticate, fromConnectionParams, fromOperationExtensions, signInRequired, type Caller, type TokenVerifier } from '../auth/tokens.js';
import type { TrustedDocumentSettings } from '../config.js';
import type { Context, ServerContext } from '../context.js';
import { contractError, ErrorCode } from '../errors.js';
import { trustedQuery } from '../plugins/trusted-documents/use-trusted-documents.js';
import { REQUEST_ID_HEADER, requestIdFrom } from '../plugins/use-request-log.js';
import type { PerUserCount } from './holds.js';

/**
 * What graphql-ws keeps per socket (its `ctx.extra`), for the socket's life:
 * not the upgrade request (an IncomingMessage with its headers and streams,
 * about 1.5 KiB a socket), only its id.
 */
class SocketState {
  caller: Caller | undefined = undefined;
  /** Cancels the socket's close at its token's expiry. */
  cancelExpiry: (() => void) | undefined = undefined;
  /** Stops the re-checks of its authority. */
  stopWatching: (() => void) | undefined = undefined;
  /** Gives back the socket's place among its user's MAX_SOCKETS_PER_USER. */
  releaseSocket: (() => void) | undefined = undefined;
  /**
   * Closes the socket (4408) when no `connection_init` came within
   * {@link CONNECTION_INIT_WAIT_MS}; cleared and let go once one came.
   * graphql-ws's own timer for it stayed referenced, cleared, with its
   * closure, for the socket's life.
   */
  initWait: NodeJS.Timeout | undefined = undefined;

  // A class: every field in the object from the start (an object literal given
  // fields later kept them in a property array of its own).
  constructor(
    readonly socket: WebSocket,
    /** The socket's request id ({@link socketId}). */
    readonly requestId: string,
  ) {}
}

/** What one user may make the socket server hold. */
export interface SocketLimits {
  /** Each user's open sockets, counted against MAX_SOCKETS_PER_USER. */
  sockets: PerUserCount;
  /** MAX_SUBSCRIPTIONS_PER_SOCKET. */
  subscriptionsPerSocket: number;
  /** MAX_BUFFERED_BYTES. */
  maxBufferedBytes: number;
  /** Told of each socket dropped for its client's slowness (metrics). */
  onDropped?: (transport: 'ws') => void;
}

/** How long a socket may take to send `connection_init` (graphql-ws's default `connectionInitWaitTimeout`). */
const CONNECTION_INIT_WAIT_MS = 3_000;

/** How often an idle socket is pinged; one that misses a pong by then is dropped. */
const KEEP_ALIVE_MS = 12_000;

/** Close code: the user holds MAX_SOCKETS_PER_USER sockets already. */
export const CLOSE_TOO_MANY_SOCKETS = 4290;
/** Close code: the client stopped reading and its output passed MAX_BUFFERED_BYTES. */
export const CLOSE_TOO_SLOW = 4291;
/** How long a socket being closed for its client's slowness may take before it is cut. */
const SLOW_CLOSE_GRACE_MS = 1_000;

/**
 * One serialisation per result, shared by every subscriber it goes to: the
 * shared execution (src/changes/delivery.ts) hands the same result object to
 * every subscriber with the same document and audience, and graphql-ws would
 * stringify it once per subscriber (400 KB each, all at once, for a wide
 * selection). `onNext` gives graphql-ws a stand-in whose JSON is a marker;
 * the socket's `send`, called right after, puts the payload's one JSON there.
 */
const payloads = new WeakMap<object, { toJSON(): string }>();
/** A marker no payload can contain by chance (a fresh random part per process). */
const MARKER = `\u0000payload:${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
/** The JSON of the stand-in stringified last, for the `send` that follows at once. */
let pendingPayload: string | undefined;

function sharedPayload(result: { errors?: readonly { toJSON?: () => unknown }[] } & Record<string, unknown>): { toJSON(): string } {
  let standIn = payloads.get(result);
  if (!standIn) {
    const { errors, ...rest } = result;
    const json = JSON.stringify({ ...rest, ...(errors ? { errors: errors.map((e) => (e.toJSON ? e.toJSON() : e)) } : {}) });
    standIn = {
      toJSON() {
        pendingPayload = json;
        return MARKER;
      },
    };
    payloads.set(result, standIn);
  }
  return standIn;
}

/** `data` with the marker of a shared payload replaced by its JSON (at the end, where graphql-ws puts `payload`). */
function withPayload(data: string): string {
  const json = pendingPayload;
  pendingPayload = undefined;
  const marker = `"payload":${JSON.stringify(MARKER)}}`;
  if (json === undefined || !data.endsWith(marker)) return data;
  return `${data.slice(0, data.length - marker.length)}"payload":${json}}`;
}

/** One request id per socket, from its upgrade request; its operations' contexts carry it. */
const socketIds = new WeakMap<IncomingMessage, string>();

/** The id of the socket opened by the upgrade `request` (made on first use). */
function socketId(request: IncomingMessage): string {
  let id = socketIds.get(request);
  if (!id) {
    const incoming = request.headers[REQUEST_ID_HEADER];
    // Flat: randomUUID's id is a rope of ten pieces (about 480 bytes), which the socket would keep for its life.
    id = Buffer.from(requestIdFrom(typeof incoming === 'string' ? incoming : undefined), 'latin1').toString('latin1');
    socketIds.set(request, id);
  }
  return id;
}

/** The parameters in the initial context of an operation that names none. */
const NO_PARAMS = Object.freeze({});

/** Message types only a server sends. */
const SERVER_ONLY_TYPES = new Set<unknown>([MessageType.ConnectionAck, MessageType.Next, MessageType.Error]);

/**
 * graphql-ws parses a server's message types from a client too, then fails
 * on them as an internal error (4500, its own message as the reason, a stack
 * on stderr). Refused while parsing instead: 4400, like any other message
 * that is not the client's to send. (Found by test/fuzz.test.ts.)
 */
function refuseServerMessages(key: string, value: unknown): unknown {
  if (key === 'query' && typeof value === 'string') return sharedQueryText(value);
  // The reviver sees the whole message last, under the key "".
  if (key === '' && typeof value === 'object' && value !== null && SERVER_ONLY_TYPES.has((value as { type?: unknown }).type)) {
    throw new Error('A message only a server sends');
  }
  return value;
}

/** Query texts received lately, each kept once, for {@link sharedQueryText}. */
const queryTexts = new Map<string, string>();
/** How many query texts {@link queryTexts} keeps (the oldest goes first), and the longest it keeps. */
const MAX_QUERY_TEXTS = 256;
const MAX_SHARED_QUERY_LENGTH = 16_384;

/**
 * The one copy of a query text received lately, or `text` itself. Every
 * subscriber's message brings its own copy of the same text (its frontend's
 * operation), and graphql-ws keeps the message's payload for the
 * subscription's life: with this, the copies go as soon as parsed.
 */
function sharedQueryText(text: string): string {
  const known = queryTexts.get(text);
  if (known !== undefined) return known;
  if (text.length <= MAX_SHARED_QUERY_LENGTH) {
    if (queryTexts.size >= MAX_QUERY_TEXTS) queryTexts.delete(queryTexts.keys().next().value!);
    queryTexts.set(text, text);
  }
  return text;
}

/**
 * The message parsed (with {@link refuseServerMessages}), for graphql-ws,
 * which takes a parsed message as well as its text: it keeps what it is
 * given as long as the operation runs, and the text (the query, the
 * variables, again) is dropped this way. Text that does not parse is given as
 * it is, for graphql-ws to refuse as before (4400).
 */
function parsed(text: string): string {
  let message: unknown;
  try {
    message = JSON.parse(text, refuseServerMessages);
  } catch {
    return text;
  }
  // A JSON string is no message; given as a string, graphql-ws would parse it once more.
  return typeof message === 'string' ? text : (message as string);
}

/** How many slots of {@link KEEP_ALIVE_MS} the sockets' pings are spread over (one tick of the keep-alive timer each). */
const KEEP_ALIVE_SLOTS = 48;

/** Sockets pinged whose pong has not come yet. */
const awaitingPong = new WeakSet<WebSocket>();

/** Every socket's 'pong' listener, one function for all (ws calls it on the socket). */
function ponged(this: WebSocket): void {
  awaitingPong.delete(this);
}

/**
 * The keep-alive of every socket of one server, on one timer and a flag per
 * socket (not two timers and their closures per socket): each socket is
 * pinged every {@link KEEP_ALIVE_MS}, and one whose pong to the last ping has
 * not come by the next is dropped. Each socket's pings fall in a slot of the
 * period chosen at random: sockets that connected together (a deploy, a
 * reconnect storm) are not all pinged in the same instant, which stalled the
 * event loop every period with 10,000.
 */
class KeepAlive {
  readonly #slots: Set<WebSocket>[] = Array.from({ length: KEEP_ALIVE_SLOTS }, () => new Set());
  #next = 0;
  #size = 0;
  #timer: NodeJS.Timeout | undefined;

  add(socket: WebSocket): void {
    this.#slots[Math.floor(Math.random() * KEEP_ALIVE_SLOTS)]!.add(socket);
    this.#size += 1;
    socket.on('pong', ponged);
    if (!this.#timer) {
      this.#timer = setInterval(() => this.#tick(), KEEP_ALIVE_MS / KEEP_ALIVE_SLOTS);
      this.#timer.unref();
    }
  }

  remove(socket: WebSocket): void {
    awaitingPong.delete(socket);
    if (!this.#slots.some((slot) => slot.delete(socket))) return;
    this.#size -= 1;
    if (this.#size === 0) this.stop();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #tick(): void {
    const slot = this.#slots[this.#next]!;
    this.#next = (this.#next + 1) % KEEP_ALIVE_SLOTS;
    for (const socket of slot) {
      if (socket.readyState !== socket.OPEN) continue;
      if (awaitingPong.has(socket)) {
        socket.terminate(); // its 'close' removes it
        continue;
      }
      awaitingPong.add(socket);
      socket.ping();
    }
  }
}

/**
 * graphql-ws's `makeServer` on a `ws` server: its `use/ws` starter, with its
 * `console.error`s going to the service's log (no stack, no internal text) and
 * close reasons never carrying an internal message.
 */
function serve(wss: WebSocketServer, options: ServerOptions<Record<string, unknown>, SocketState>, logger: Logger, limits: SocketLimits): () => Promise<void> {
  // The wait for `connection_init` is timed here (SocketState.initWait), not by graphql-ws.
  const graphqlWs = makeServer({ ...options, connectionInitWaitTimeout: 0 });
  const keepAlive = new KeepAlive();
  wss.options.handleProtocols = handleProtocols;
  wss.on('headers', (headers, request) => headers.push(`${REQUEST_ID_HEADER}: ${socketId(request)}`));
  wss.on('error', (error) => logger.error({ err: { message: error.message } }, 'WebSocket server error'));
  wss.on('connection', (socket, request) => {
    const requestId = socketId(request);
    // `on`, not `once`: a socket emits 'close' once anyway, and each `once`
    // kept a wrapper closure with a property dictionary (~300 bytes) for the socket's life.
    socket.on('error', (error) => {
      // ws reports frames over maxPayload this way, after closing with 1009.
      logger.warn({ err: { message: error.message } }, 'WebSocket error; socket closed');
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    });
    keepAlive.add(socket);
    const state = new SocketState(socket, requestId);
    state.initWait = setTimeout(() => socket.close(CloseCode.ConnectionInitialisationTimeout, 'Connection initialisation timeout'), CONNECTION_INIT_WAIT_MS);
    // Methods, not arrow-valued properties: under tsx (esbuild's keepNames)
    // each arrow-valued property is renamed with Object.defineProperty, which
    // gives every such closure of every socket its own 256-byte dictionary.
    const closed = graphqlWs.opened(
      {
        protocol: socket.protocol,
        send(data) {
          return new Promise<void>((resolve, reject) => {
            const message = withPayload(data);
            if (socket.readyState !== socket.OPEN) return resolve();
            if (socket.bufferedAmount + message.length > limits.maxBufferedBytes) {
              // The client stopped reading: dropped, never buffered without end.
              logger.warn({ requestId, bufferedBytes: socket.bufferedAmount }, 'a WebSocket whose client stopped reading was dropped');
              limits.onDropped?.('ws');
              socket.close(CLOSE_TOO_SLOW, 'Too slow: output waiting beyond MAX_BUFFERED_BYTES');
              setTimeout(() => socket.terminate(), SLOW_CLOSE_GRACE_MS).unref();
              return resolve();
            }
            socket.send(message, (error) => (error ? reject(error) : resolve()));
          });
        },
        close(code, reason) {
          socket.close(code, reason);
        },
        onMessage(handle) {
          // Not an async function awaiting `handle`: a subscribe message's
          // handling lasts as long as the subscription, and the suspended
          // function kept the message's Buffer (about 0.6 KiB) as long.
          socket.on('message', (data) => {
            handle(parsed(String(data))).catch((error: unknown) => {
              logger.error({ requestId, err: { message: (error as Error).message } }, 'WebSocket message handling failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          });
        },
      },
      state,
    );
    socket.on('close', (code, reason) => {
      clearTimeout(state.initWait);
      state.initWait = undefined;
      keepAlive.remove(socket);
      void closed(code, String(reason));
    });
  });
  return async () => {
    keepAlive.stop();
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
  options: {
    rechecks: Rechecks;
    maxPayloadBytes?: number;
    logger: Logger;
    acceptHost?: (host: string | undefined) => boolean;
    limits: SocketLimits;
    /** TRUSTED_DOCUMENTS: graphql-ws skips Yoga's `onParams`, where HTTP turns a hash into its document. */
    trustedDocuments?: TrustedDocumentSettings;
  },
): () => Promise<void> {
  const { limits, acceptHost } = options;
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
        // graphql-ws calls this as soon as `connection_init` is received.
        clearTimeout(ctx.extra.initWait);
        ctx.extra.initWait = undefined;
        const { caller } = await authenticate(fromConnectionParams(ctx.connectionParams), verifier);
        if (!caller) return false; // graphql-ws closes with 4403 Forbidden
        const release = limits.sockets.take(caller);
        if (!release) {
          ctx.extra.socket.close(CLOSE_TOO_MANY_SOCKETS, `Too many sockets for this user (MAX_SOCKETS_PER_USER=${limits.sockets.max})`);
          return false;
        }
        ctx.extra.releaseSocket = release;
        ctx.extra.caller = caller;
        ctx.extra.cancelExpiry = onTokenExpiry(caller, () => ctx.extra.socket.close(CloseCode.Forbidden, 'Token expired'));
        // A user disabled, deleted or signed out in Cognito loses the socket too, within AUTH_RECHECK_MS.
        ctx.extra.stopWatching = options.rechecks.watch(caller, false, () => ctx.extra.socket.close(CloseCode.Forbidden, 'Access revoked'));
        return true;
      },
      onClose(ctx) {
        ctx.extra.cancelExpiry?.();
        ctx.extra.stopWatching?.();
        ctx.extra.releaseSocket?.();
      },
      onNext: (_ctx, _id, _payload, _args, result) => sharedPayload(result as never) as never,
      async onSubscribe(ctx, _id, params) {
        // graphql-ws has entered this operation already: more than the cap means one too many.
        if (Object.keys(ctx.subscriptions).length > limits.subscriptionsPerSocket) {
          return [contractError(ErrorCode.LIMIT_EXCEEDED, `At most ${limits.subscriptionsPerSocket} operations at once on one socket (MAX_SUBSCRIPTIONS_PER_SOCKET).`)];
        }
        let caller = ctx.extra.caller;
        const own = fromOperationExtensions(params.extensions);
        if (own) {
          // Verified like any token; a bad one fails this operation only, not the socket.
          const verified = await authenticate(own, verifier);
          if (!verified.caller) return [verified.authError ?? signInRequired()];
          caller = verified.caller;
        }
        // The initial context, which the operation's context is made of and
        // keeps for its life: not graphql-ws's whole `ctx` nor the message's
        // parameters (the query text alone is a copy per subscriber), only
        // the operation name the plugins' onParse read (metrics, tracing).
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          params: typeof params.operationName === 'string' ? { operationName: params.operationName } : NO_PARAMS,
          caller,
          requestId: ctx.extra.requestId,
        });
        // A document by its hash (`query: ""`), or refused: what HTTP decides in onParams.
        const query = options.trustedDocuments ? trustedQuery(options.trustedDocuments, params) : params.query;
        if (typeof query !== 'string') return [query];
        let document;
        try {
          document = parse(query);
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
    limits,
  );
}

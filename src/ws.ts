/**
 * GraphQL over WebSocket (`graphql-transport-ws`, the graphql-ws library) on
 * the same port and path as HTTP. One pipeline for every transport: each
 * operation goes through `yoga.getEnveloped`, so context, auth, plugins and
 * error masking are Yoga's own. The token is verified once, in `onConnect`,
 * and the socket is closed with 4403 when it expires.
 */
import type { Server } from 'node:http';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { ExecutionArgs } from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { Caller, TokenVerifier } from './auth/verifier.js';
import { authenticate, type Context } from './context.js';

/** What Yoga's context factory receives besides the request. */
export interface ServerContext {
  /** The caller verified in `onConnect` (WebSocket only). */
  caller?: Caller;
}

interface SocketState extends Record<PropertyKey, unknown> {
  caller: Caller;
  expiry: NodeJS.Timeout;
}

/** The longest delay `setTimeout` takes (about 24.8 days). */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** The `authorization` a client put in `connectionParams`, in any of the usual spellings. */
function authorizationOf(params: Record<string, unknown> | undefined): unknown {
  const headers = (params?.headers ?? {}) as Record<string, unknown>;
  return params?.authorization ?? params?.Authorization ?? headers.authorization ?? headers.Authorization;
}

/**
 * Serves graphql-ws on `server` at Yoga's endpoint. Returns a function that
 * closes every socket (1001, going away) and stops the WebSocket server.
 */
export function attachGraphQLWs(
  server: Server,
  yoga: YogaServerInstance<ServerContext, Context>,
  verifier: TokenVerifier,
): () => Promise<void> {
  const wss = new WebSocketServer({ server, path: yoga.graphqlEndpoint });
  type Args = ExecutionArgs & { rootValue: { execute: (a: ExecutionArgs) => unknown; subscribe: (a: ExecutionArgs) => unknown } };
  const disposable = useServer<Record<string, unknown>, SocketState>(
    {
      async onConnect(ctx) {
        const authorization = authorizationOf(ctx.connectionParams);
        const { caller } = await authenticate(typeof authorization === 'string' ? authorization : undefined, verifier);
        if (!caller) return false; // graphql-ws closes with 4403 Forbidden
        ctx.extra.caller = caller;
        const ms = Math.min(Math.max(0, caller.expiresAt.getTime() - Date.now()), MAX_TIMEOUT_MS);
        ctx.extra.expiry = setTimeout(() => ctx.extra.socket.close(CloseCode.Forbidden, 'Token expired'), ms);
        return true;
      },
      onClose(ctx) {
        if (ctx.extra.expiry) clearTimeout(ctx.extra.expiry);
      },
      async onSubscribe(ctx, _id, params) {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          caller: ctx.extra.caller,
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
          rootValue: { execute, subscribe },
        };
        return args;
      },
      execute: (args) => (args as Args).rootValue.execute(args) as never,
      subscribe: (args) => (args as Args).rootValue.subscribe(args) as never,
    },
    wss,
  );
  return async () => {
    await disposable.dispose();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  };
}

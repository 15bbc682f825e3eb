/**
 * A typed GraphQL client in under a hundred lines, for a frontend that needs no
 * framework: queries and mutations are JSON POSTs (`fetch`), subscriptions
 * run over graphql-ws's browser client. The documents are the
 * `TypedDocumentNode`s codegen generates (`./operations.ts`), so
 * `client.request(ProfileMe)` is typed from the schema, variables included.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';

/** A GraphQL error as the service sends it: `extensions.code` is the contract's error code. */
export interface GraphQLErrorJson {
  message: string;
  extensions?: { code?: string };
}

/** The errors of a result, thrown by {@link GraphQLClient.request}. */
export class GraphQLRequestError extends Error {
  constructor(readonly errors: readonly GraphQLErrorJson[]) {
    super(errors.map((e) => (e.extensions?.code ? `${e.extensions.code}: ${e.message}` : e.message)).join('\n'));
    this.name = 'GraphQLRequestError';
  }
}

/** What the page needs from a GraphQL client. */
export interface GraphQLClient {
  /** Runs a query or mutation; resolves with its `data`, throws its errors. */
  request<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables): Promise<TData>;
  /** Starts a subscription; `onData` gets each event. Returns the function that stops it. */
  subscribe<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    handlers: { onData(data: TData): void; onError(error: Error): void },
  ): () => void;
  /** Closes the WebSocket. */
  close(): Promise<void>;
}

/** The WebSocket's close code when the token is refused or has expired (graphql-ws's Forbidden). */
const FORBIDDEN = 4403;

/**
 * A client for the service at `endpoint` (e.g. `/graphql`) acting as the
 * holder of `accessToken`. `onSocket` hears when the WebSocket connects and closes.
 */
export function createGraphQLClient(
  endpoint: string,
  accessToken: string,
  onSocket: (state: 'connected' | 'closed', code?: number) => void = () => {},
): GraphQLClient {
  const http = new URL(endpoint, location.href);
  const authorization = `Bearer ${accessToken}`;
  const ws: Client = createClient({
    url: http.href.replace(/^http/, 'ws'),
    // The same token as on HTTP, sent once when the socket opens.
    connectionParams: { authorization },
    // A refused or expired token will not get better by retrying: sign in again.
    shouldRetry: (event) => (event as CloseEvent | undefined)?.code !== FORBIDDEN,
    on: {
      connected: () => onSocket('connected'),
      closed: (event) => onSocket('closed', (event as CloseEvent | undefined)?.code),
    },
  });

  return {
    async request(document, variables) {
      // A JSON POST: no CSRF header needed, and same-origin, so no CORS either.
      const response = await fetch(http, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query: print(document), variables }),
      });
      const result = (await response.json()) as { data?: unknown; errors?: GraphQLErrorJson[] };
      if (result.errors?.length) throw new GraphQLRequestError(result.errors);
      return result.data as never;
    },
    subscribe(document, variables, { onData, onError }) {
      return ws.subscribe(
        { query: print(document), variables: variables as Record<string, unknown> },
        {
          next: (result) => (result.errors?.length ? onError(new GraphQLRequestError(result.errors)) : onData(result.data as never)),
          error: (error) => onError(Array.isArray(error) ? new GraphQLRequestError(error) : new Error('The live connection failed')),
          complete: () => {},
        },
      );
    },
    async close() {
      await ws.dispose();
    },
  };
}

/**
 * A typed GraphQL client in under a hundred lines, for a frontend that needs no
 * framework: queries and mutations are JSON POSTs (`fetch`), subscriptions
 * run over graphql-ws's browser client. The documents are the
 * `TypedDocumentNode`s codegen generates (`./operations.ts`), so
 * `client.request(ProfileMe)` is typed from the schema, variables included.
 *
 * Each document is sent by its hash, never as text: codegen embeds it
 * (`__meta__.hash`, persisted documents) and puts the text in the manifest
 * the service trusts, so the page works where only trusted documents run
 * (TRUSTED_DOCUMENTS=only), and each request carries a few bytes, not the document.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
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

/** The APQ shape of a document's hash (`sha256:<hex>` from codegen), understood on every transport. */
function byHash(document: object): { persistedQuery: { version: 1; sha256Hash: string } } {
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!hash?.startsWith('sha256:')) throw new Error('A document without its hash: run npm run codegen');
  return { persistedQuery: { version: 1, sha256Hash: hash.slice('sha256:'.length) } };
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
        body: JSON.stringify({ variables, extensions: byHash(document) }),
      });
      const result = (await response.json()) as { data?: unknown; errors?: GraphQLErrorJson[] };
      if (result.errors?.length) throw new GraphQLRequestError(result.errors);
      return result.data as never;
    },
    subscribe(document, variables, { onData, onError }) {
      return ws.subscribe(
        // graphql-ws wants a string `query`: empty, the hash says which document.
        { query: '', variables: variables as Record<string, unknown>, extensions: byHash(document) },
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

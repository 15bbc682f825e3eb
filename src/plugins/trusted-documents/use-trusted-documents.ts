/**
 * Trusted documents (`TRUSTED_DOCUMENTS`): a client sends a document's hash
 * instead of its text, and with `only` nothing else runs. Production
 * frontends pin their operations this way: what they do not send, nobody can.
 *
 * A hash is accepted in either of the two shapes clients send:
 *
 * - `extensions.persistedQuery = { version: 1, sha256Hash: "<hex>" }`
 *   (Apollo's automatic persisted queries), over HTTP (POST, GET's
 *   `extensions` parameter), SSE and graphql-ws (with `query: ""`, since
 *   graphql-ws requires a string);
 * - `documentId: "sha256:<hex>"` (the GraphQL-over-HTTP persisted documents
 *   appendix, and what codegen's client preset embeds as `__meta__.hash`), in
 *   a POST's body, a GET's query string or a graphql-ws `subscribe` payload.
 *
 * Only documents of the manifests (src/plugins/trusted-documents/manifest.ts)
 * are known; a hash is never learned from a request (no APQ registration: a
 * client must not be able to add to what is trusted). An unknown hash, and
 * with `only` any document sent as text, is refused with the contract's
 * PERSISTED_QUERY_NOT_FOUND, the code APQ clients already handle (in `allow`
 * they retry with the text, which then runs). The document a hash stands for
 * is then parsed, validated (request limits included) and run like any other.
 *
 * HTTP and SSE go through Yoga's `usePersistedOperations` (its `onParams`
 * hook); graphql-ws does not run `onParams`, so src/server/graphql-ws.ts asks
 * {@link trustedQuery} before it parses.
 */
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { GraphQLError } from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import type { TrustedDocumentSettings } from '../../config.js';
import { contractError, ErrorCode } from '../../errors.js';
import { sha256Of } from './manifest.js';

/** The setting a refusal names in `extensions.setting`. */
const SETTING = 'TRUSTED_DOCUMENTS';

const unknownHash = (): GraphQLError =>
  contractError(ErrorCode.PERSISTED_QUERY_NOT_FOUND, 'No trusted document has this hash: send one of the manifest\'s hashes, or the document\'s text where TRUSTED_DOCUMENTS=allow.', {
    setting: SETTING,
  });
const textRefused = (): GraphQLError =>
  contractError(ErrorCode.PERSISTED_QUERY_NOT_FOUND, "Only trusted documents run here (TRUSTED_DOCUMENTS=only): send the document's hash (documentId or extensions.persistedQuery), not its text.", {
    setting: SETTING,
  });
/** The operation as a transport received it; `documentId` is not one of Yoga's parameters. */
interface Received {
  query?: string | null | undefined;
  extensions?: Record<string, unknown> | null | undefined;
  documentId?: unknown;
}

/**
 * The lowercase hex sha256 a request names, from `documentId` or from
 * `extensions.persistedQuery` (version 1). `null` when it names none, `''`
 * when what it names is no sha256 (never a manifest key, so refused as unknown).
 */
export function hashOfRequest(params: Received, documentId?: string | null): string | null {
  const id = documentId ?? params.documentId;
  if (typeof id === 'string') return sha256Of(id) ?? '';
  const persisted = params.extensions?.persistedQuery as { version?: unknown; sha256Hash?: unknown } | undefined;
  if (persisted?.version === 1 && typeof persisted.sha256Hash === 'string') return sha256Of(persisted.sha256Hash) ?? '';
  return null;
}

/**
 * The text to run for a graphql-ws operation, or the error it fails with:
 * what the plugin decides for HTTP, for a transport that skips `onParams`.
 */
export function trustedQuery(settings: TrustedDocumentSettings, params: Received): string | GraphQLError {
  if (settings.mode === 'off') return params.query ?? '';
  if (params.query) return settings.mode === 'only' ? textRefused() : params.query;
  const hash = hashOfRequest(params);
  if (hash === null) return params.query ?? '';
  return settings.documents.get(hash) ?? unknownHash();
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The plugins of `settings.mode` (none when off). */
export function useTrustedDocuments(settings: TrustedDocumentSettings): Plugin[] {
  if (settings.mode === 'off') return [];
  const persisted = usePersistedOperations({
    allowArbitraryOperations: settings.mode === 'allow',
    extractPersistedOperationId: (params) => hashOfRequest(params),
    getPersistedOperation: (hash) => settings.documents.get(hash) ?? null,
    customErrors: { notFound: unknownHash, persistedQueryOnly: textRefused },
  });
  return [
    {
      ...persisted,
      onParams(payload) {
        const { params, request, setParams } = payload;
        // Not an operation at all (a batch's `null`): Yoga's own check answers.
        if (!isObject(params)) return;
        let received: GraphQLParams = params;
        // Yoga's parsers keep a POST body's documentId (and refuse it later as unknown) and drop a GET's: read here, sent on as the APQ shape.
        const fromQueryString = request.method === 'GET' ? new URL(request.url).searchParams.get('documentId') : null;
        const { documentId, ...rest } = params as GraphQLParams & { documentId?: unknown };
        if ((documentId !== undefined || fromQueryString !== null) && !params.query) {
          const persistedQuery = { version: 1, sha256Hash: hashOfRequest(params, fromQueryString) ?? '' };
          received = { ...rest, extensions: { ...(isObject(rest.extensions) ? rest.extensions : {}), persistedQuery } };
          setParams(received);
        }
        // Neither a text nor a hash: Yoga's own "Must provide query string." (400), as without this plugin.
        if (!received.query && hashOfRequest(received) === null) return;
        return persisted.onParams!({ ...payload, params: received });
      },
    },
  ];
}

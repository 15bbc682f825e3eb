/**
 * A caller's access token: where it arrives, and whether it is good.
 *
 * **Where.** Each transport gives an `Authorization` value, and nothing else
 * in the service looks for one:
 *
 * - an HTTP request's (and so an SSE stream's) `Authorization` header (src/context.ts);
 * - a graphql-ws socket's `connectionParams` ({@link fromConnectionParams});
 * - one operation's own `extensions.headers` on a shared socket
 *   ({@link fromOperationExtensions}), as GraphiQL sends each tab's headers.
 *
 * Only `Bearer <access token>` is accepted ({@link bearerToken}), and
 * {@link authenticate} answers a missing or bad one the same way everywhere.
 *
 * **Whether.** The service verifies every access token itself, before it is
 * used: signature against the pool's JWKS, `exp` (required), `iss`,
 * `token_use = access`, `client_id` (required) and an `iat` not in the future. Cognito would reject a bad token on its own, but the
 * emulator accepts anything (forged, expired, `alg: none`), and admin calls
 * never show Cognito the caller's token at all. What a token's expiry ends is
 * src/auth/expiry.ts.
 */
import { CognitoJwtVerifier, JwtRsaVerifier } from 'aws-jwt-verify';
import { validateCognitoJwtFields } from 'aws-jwt-verify/cognito-verifier';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { Fetcher } from 'aws-jwt-verify/https';
import type { CognitoAccessTokenPayload } from 'aws-jwt-verify/jwt-model';
import { createRequire } from 'node:module';
import type { GraphQLError } from 'graphql';
import { contractError, ErrorCode, isExpected } from '../errors.js';

/** The verified caller of a request. */
export interface Caller {
  username: string;
  sub: string;
  /** The pool that issued the token. */
  userPoolId: string;
  clientId: string;
  groups: string[];
  /** Member of the configured admin group. */
  isAdmin: boolean;
  /** The token's `scope` claim, as issued (space-separated). */
  scope: string;
  /** The verified token, passed on to Cognito for the user's own operations. */
  accessToken: string;
  /** When the token stops being valid. */
  expiresAt: Date;
}

/** Turns a bearer token into a {@link Caller}, or throws UNAUTHENTICATED. */
export interface TokenVerifier {
  verify(token: string): Promise<Caller>;
}

/** What the verifier trusts. */
export interface VerifierOptions {
  /** Pools whose tokens are accepted. */
  poolIds: string[];
  /** AWS region (for AWS issuers). */
  region: string;
  /** An emulator's URL; its issuers are `<endpoint>/<poolId>`. */
  endpoint?: string;
  /** `null` accepts any client of the accepted pools. */
  clientIds: string[] | null;
  adminGroup: string;
  /** Timeout for fetching a JWKS, in ms. */
  fetchTimeoutMs: number;
  /** How many verified tokens are remembered (0: verify every time). @default 10_000 */
  cacheSize?: number;
  /** How a JWKS is fetched (a test stands in for AWS's endpoint here). @default `fetch`, within `fetchTimeoutMs` */
  jwksFetcher?: Fetcher;
}

/** A verified token is re-verified at least this often, even when it lives longer. */
const CACHE_MAX_AGE_MS = 10 * 60_000;

/** How far in the future a token's `iat` may be (clocks differ a little), in seconds. */
export const MAX_CLOCK_SKEW_S = 60;

/**
 * The claims every access token must carry beyond what the library checks:
 * an `exp` (a token without one would never expire), a `client_id` (checked
 * against COGNITO_CLIENT_IDS when set; required even when not), a `sub`, and
 * an `iat` that is not in the future. Cognito always issues all four.
 */
function hasRequiredClaims(payload: CognitoAccessTokenPayload, nowS: number): boolean {
  const { exp, iat, client_id: clientId, sub } = payload as { exp?: unknown; iat?: unknown; client_id?: unknown; sub?: unknown };
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return false;
  if (typeof clientId !== 'string' || clientId === '' || typeof sub !== 'string' || sub === '') return false;
  return iat === undefined || (typeof iat === 'number' && iat <= nowS + MAX_CLOCK_SKEW_S);
}

/** A JWKS fetcher on the platform's `fetch`, which (unlike the library's default) allows http emulator URLs. */
function fetchFetcher(timeoutMs: number): Fetcher {
  return {
    async fetch(uri) {
      const response = await fetch(uri, { signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) throw new Error(`JWKS answered HTTP ${response.status}`);
      return response.arrayBuffer();
    },
  };
}

/** cognito-local's signing key, published inside its npm package (the version is pinned). */
const PUBLISHED_EMULATOR_KEY = (createRequire(import.meta.url)('cognito-local/lib/keys/cognitoLocal.public.json') as { jwk: { n: string } }).jwk.n;

/**
 * Whether the JWKS of any of `poolIds` at the emulator `endpoint` holds
 * cognito-local's published key: then anyone can sign tokens it accepts,
 * administrators' included. Throws when a JWKS cannot be read.
 */
export async function signsWithPublishedKey(endpoint: string, poolIds: readonly string[], timeoutMs: number): Promise<boolean> {
  const fetcher = fetchFetcher(timeoutMs);
  for (const poolId of poolIds) {
    const jwks = JSON.parse(new TextDecoder().decode(await fetcher.fetch(`${endpoint}/${poolId}/.well-known/jwks.json`))) as { keys?: { n?: unknown }[] };
    if ((jwks.keys ?? []).some((key) => key.n === PUBLISHED_EMULATOR_KEY)) return true;
  }
  return false;
}

/** Creates the verifier for AWS or, with `endpoint`, for an emulator. */
export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  const { clientIds } = options;
  const fetcher = options.jwksFetcher ?? fetchFetcher(options.fetchTimeoutMs);
  let verify: (token: string) => Promise<CognitoAccessTokenPayload>;
  if (options.endpoint) {
    const verifier = JwtRsaVerifier.create(
      options.poolIds.map((poolId) => ({
        issuer: `${options.endpoint}/${poolId}`,
        audience: null,
        jwksUri: `${options.endpoint}/${poolId}/.well-known/jwks.json`,
        customJwtCheck: ({ payload }: { payload: Parameters<typeof validateCognitoJwtFields>[0] }) =>
          validateCognitoJwtFields(payload, { tokenUse: 'access', clientId: clientIds }),
      })),
      { jwksCache: new SimpleJwksCache({ fetcher }) },
    );
    verify = async (token) => (await verifier.verify(token)) as unknown as CognitoAccessTokenPayload;
  } else {
    const verifier = CognitoJwtVerifier.create(
      options.poolIds.map((userPoolId) => ({ userPoolId, tokenUse: 'access' as const, clientId: clientIds })),
      { jwksCache: new SimpleJwksCache({ fetcher }) },
    );
    verify = async (token) => (await verifier.verify(token)) as CognitoAccessTokenPayload;
  }

  const toCaller = async (token: string): Promise<Caller> => {
    let payload: CognitoAccessTokenPayload;
    try {
      payload = await verify(token);
      if (!hasRequiredClaims(payload, Date.now() / 1000)) throw new Error('missing or future claims');
    } catch {
      // Why a token failed is for the log at most, never for the client.
      throw contractError(ErrorCode.UNAUTHENTICATED, 'The access token is missing, invalid, expired or revoked.');
    }
    const groups = Array.isArray(payload['cognito:groups']) ? payload['cognito:groups'].map(String) : [];
    return Object.freeze({
      username: String(payload.username ?? payload.sub),
      sub: String(payload.sub),
      userPoolId: String(payload.iss).split('/').pop() ?? '',
      clientId: String(payload.client_id),
      groups: Object.freeze(groups) as string[],
      isAdmin: groups.includes(options.adminGroup),
      scope: typeof payload.scope === 'string' ? payload.scope : '',
      accessToken: token,
      expiresAt: new Date(Number(payload.exp) * 1000),
    });
  };

  // A token verified once verifies the same way until it expires: its
  // signature, issuer and claims cannot change. Remembering it saves the RSA
  // check and the JSON parsing on every request of a signed-in frontend. Only
  // successes are kept, each until the token's `exp` (and at most
  // CACHE_MAX_AGE_MS, so a key withdrawn from the JWKS stops being trusted
  // soon); the oldest go first when the cache is full.
  const cacheSize = options.cacheSize ?? 10_000;
  const verified = new Map<string, { caller: Promise<Caller>; until: number }>();
  return {
    verify(token) {
      const now = Date.now();
      const hit = verified.get(token);
      if (hit) {
        if (hit.until > now) return hit.caller;
        verified.delete(token);
      }
      const caller = toCaller(token);
      if (cacheSize > 0) {
        caller.then(
          (c) => {
            const until = Math.min(c.expiresAt.getTime(), Date.now() + CACHE_MAX_AGE_MS);
            if (until <= Date.now()) return;
            if (verified.size >= cacheSize) verified.delete(verified.keys().next().value!);
            verified.set(token, { caller, until });
          },
          () => undefined,
        );
      }
      return caller;
    },
  };
}

/** What a caller without a token is told, wherever a field needs one. */
export const SIGN_IN_MESSAGE = 'Sign in: send "Authorization: Bearer <access token>".';

/** The UNAUTHENTICATED error of a caller who sent no token. */
export const signInRequired = (): GraphQLError => contractError(ErrorCode.UNAUTHENTICATED, SIGN_IN_MESSAGE);

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The token of a `Bearer <token>` value; `undefined` for anything else. */
export function bearerToken(authorization: string | null | undefined): string | undefined {
  return typeof authorization === 'string' ? BEARER.exec(authorization)?.[1] : undefined;
}

/** An `authorization` (or `Authorization`) entry, at the top of `params` or under its `headers`. */
function authorizationIn(params: Record<string, unknown> | null | undefined): unknown {
  const headers = (params?.headers ?? {}) as Record<string, unknown>;
  return params?.authorization ?? params?.Authorization ?? headers.authorization ?? headers.Authorization;
}

/** The `Authorization` value a graphql-ws client put in `connectionParams`, in any of the usual spellings. */
export function fromConnectionParams(params: Record<string, unknown> | undefined): string | undefined {
  const value = authorizationIn(params);
  return typeof value === 'string' ? value : undefined;
}

/**
 * The `Authorization` one operation carries itself, in its
 * `extensions.headers`: Yoga's GraphiQL sends its header editor's headers
 * this way, so each tab subscribes as its own user over the one socket all
 * tabs share. Blank or absent: `undefined` (the socket's caller).
 */
export function fromOperationExtensions(extensions: Record<string, unknown> | null | undefined): string | undefined {
  const headers = extensions?.headers;
  if (typeof headers !== 'object' || headers === null) return undefined;
  const value = authorizationIn({ headers });
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** Who a request turned out to be. */
export interface Authentication {
  /** The verified caller, or `null`. */
  caller: Caller | null;
  /** Why there is no caller when a token was sent but refused; `null` when none was sent. */
  authError: GraphQLError | null;
}

/**
 * Verifies an `Authorization` value: the caller, or why there is none.
 * Never throws for a bad token: fields that need a caller answer
 * UNAUTHENTICATED, so a public field would still work.
 */
export async function authenticate(authorization: string | null | undefined, verifier: TokenVerifier): Promise<Authentication> {
  const value = typeof authorization === 'string' ? authorization.trim() : '';
  if (!value) return { caller: null, authError: null };
  const token = bearerToken(value);
  if (!token) return { caller: null, authError: contractError(ErrorCode.UNAUTHENTICATED, 'The Authorization value must be "Bearer <access token>".') };
  try {
    return { caller: await verifier.verify(token), authError: null };
  } catch (error) {
    if (!isExpected(error)) throw error;
    return { caller: null, authError: error };
  }
}

/**
 * Verifies every access token itself, before it is used: signature against the
 * pool's JWKS, `exp`, `iss`, `token_use = access` and `client_id`. Cognito
 * would reject a bad token on its own, but the emulator accepts anything
 * (forged, expired, `alg: none`), and admin calls never show Cognito the
 * caller's token at all.
 */
import { CognitoJwtVerifier, JwtRsaVerifier } from 'aws-jwt-verify';
import { validateCognitoJwtFields } from 'aws-jwt-verify/cognito-verifier';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { Fetcher } from 'aws-jwt-verify/https';
import type { CognitoAccessTokenPayload } from 'aws-jwt-verify/jwt-model';
import { ErrorCode, contractError } from '../errors.js';

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
}

/** A verified token is re-verified at least this often, even when it lives longer. */
const CACHE_MAX_AGE_MS = 10 * 60_000;

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

/** Creates the verifier for AWS or, with `endpoint`, for an emulator. */
export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  const { clientIds } = options;
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
      { jwksCache: new SimpleJwksCache({ fetcher: fetchFetcher(options.fetchTimeoutMs) }) },
    );
    verify = async (token) => (await verifier.verify(token)) as unknown as CognitoAccessTokenPayload;
  } else {
    const verifier = CognitoJwtVerifier.create(
      options.poolIds.map((userPoolId) => ({ userPoolId, tokenUse: 'access' as const, clientId: clientIds })),
      { jwksCache: new SimpleJwksCache({ fetcher: fetchFetcher(options.fetchTimeoutMs) }) },
    );
    verify = async (token) => (await verifier.verify(token)) as CognitoAccessTokenPayload;
  }

  const toCaller = async (token: string): Promise<Caller> => {
    let payload: CognitoAccessTokenPayload;
    try {
      payload = await verify(token);
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

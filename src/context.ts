/**
 * The context of one request (or one subscription): who is calling, fresh
 * DataLoaders, and the process-wide services it may use.
 */
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { GraphQLError } from 'graphql';
import type { Caller, TokenVerifier } from './auth/verifier.js';
import type { ChangeFeed } from './changes/feed.js';
import type { ClientAttributes } from './cognito/app-clients.js';
import type { Metrics } from './plugins/use-metrics.js';
import { createLoaders, type Loaders, type PoolCache, type TokenKey } from './cognito/loaders.js';
import type { ProfileCache } from './cognito/profile-cache.js';
import { ErrorCode, contractError, isExpected } from './errors.js';

/** The pools this service may act on. */
export interface PoolPolicy {
  /** Used when an administrator names no pool. */
  defaultPoolId: string;
  /** Every pool administrators may act on. */
  poolIds: readonly string[];
}

/** What lives as long as the process and is shared by every request. */
export interface Services {
  cognito: CognitoIdentityProviderClient;
  verifier: TokenVerifier;
  pools: PoolPolicy;
  poolCache: PoolCache;
  /** Signed-in users' profiles (`me`), kept for ME_CACHE_TTL_MS; every change made through the service forgets its user. */
  profiles: ProfileCache;
  /** Which attributes each app client may read (for subscription events). */
  clientAttributes: ClientAttributes;
  /** Where attribute changes are published and subscribed to. */
  changes: ChangeFeed;
  maxConcurrency: number;
  /** Aborted when the service stops: open subscriptions complete. */
  shutdown: AbortSignal;
  /** Prometheus metrics (open subscriptions are counted by the schema). */
  metrics: Metrics;
}

/** The per-request context every resolver receives. */
export interface Context {
  /** The verified caller, or `null` when there is no valid token. */
  caller: Caller | null;
  /** Why there is no caller when a token was sent but failed verification. */
  authError: GraphQLError | null;
  /** The id of the HTTP request or WebSocket the operation came in (src/plugins/use-request-log.ts), for what it logs. */
  requestId: string | null;
  /** The operation came over a WebSocket, whose own timer closes it (4403) when the token expires. */
  viaSocket: boolean;
  loaders: Loaders;
  services: Services;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Who a request says it is: an `Authorization` value to verify, or a caller verified already (a WebSocket's `onConnect`). */
export type Credentials = { authorization: string | null | undefined } | { caller: Caller };

/**
 * Verifies an `Authorization` value: the caller, or why there is none.
 * Never throws for a bad token: fields that need a caller answer
 * UNAUTHENTICATED, so a public field would still work.
 */
export async function authenticate(
  authorization: string | null | undefined,
  verifier: TokenVerifier,
): Promise<{ caller: Caller | null; authError: GraphQLError | null }> {
  const value = typeof authorization === 'string' ? authorization.trim() : '';
  if (!value) return { caller: null, authError: null };
  const token = BEARER.exec(value)?.[1];
  if (!token) return { caller: null, authError: contractError(ErrorCode.UNAUTHENTICATED, 'The Authorization value must be "Bearer <access token>".') };
  try {
    return { caller: await verifier.verify(token), authError: null };
  } catch (error) {
    if (!isExpected(error)) throw error;
    return { caller: null, authError: error };
  }
}

/** Builds a fresh context (new DataLoaders) for one request or one subscription. */
export async function createContext(credentials: Credentials, services: Services, requestId: string | null = null): Promise<Context> {
  const { caller, authError } =
    'caller' in credentials ? { caller: credentials.caller, authError: null } : await authenticate(credentials.authorization, services.verifier);
  return { caller, authError, requestId, viaSocket: 'caller' in credentials, loaders: createLoaders(services), services };
}

/**
 * The pool an administrator's operation acts on: the one named, or the
 * default. Any pool outside the configured ones is FORBIDDEN, so the service
 * is never an open proxy to whatever its AWS credentials reach.
 */
export function allowedPool(context: Context, userPoolId: string | number | null | undefined): string {
  const { pools } = context.services;
  const id = userPoolId == null ? pools.defaultPoolId : String(userPoolId);
  if (!pools.poolIds.includes(id)) {
    throw contractError(ErrorCode.FORBIDDEN, `User pool "${id.slice(0, 64)}" is not one this service may act on.`);
  }
  return id;
}

/** The key of the signed-in caller in the `me` loader; only call where the field requires a caller. */
export function callerKey(context: Context): TokenKey {
  const { caller } = context;
  if (!caller) throw contractError(ErrorCode.UNAUTHENTICATED, 'Sign in: send "Authorization: Bearer <access token>".');
  const { accessToken, userPoolId, sub, clientId, scope } = caller;
  return { accessToken, userPoolId, sub, clientId, scope };
}

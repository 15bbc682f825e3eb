/**
 * The context of one request (or one subscription): who is calling, fresh
 * DataLoaders, and the process-wide services it may use.
 */
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { GraphQLError } from 'graphql';
import type { Caller, TokenVerifier } from './auth/verifier.js';
import { createLoaders, type Loaders, type PoolCache } from './cognito/loaders.js';
import { ErrorCode, fail, isExpected } from './errors.js';

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
  maxConcurrency: number;
}

/** The per-request context every resolver receives. */
export interface Context {
  /** The verified caller, or `null` when there is no valid token. */
  caller: Caller | null;
  /** Why there is no caller when a token was sent but failed verification. */
  authError: GraphQLError | null;
  loaders: Loaders;
  services: Services;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Verifies the `Authorization` value (if any) and builds a fresh context.
 * Never throws for a bad token: fields that need a caller answer
 * UNAUTHENTICATED, so a public field would still work.
 */
export async function createContext(authorization: string | null | undefined, services: Services): Promise<Context> {
  let caller: Caller | null = null;
  let authError: GraphQLError | null = null;
  const value = authorization?.trim();
  if (value) {
    const token = BEARER.exec(value)?.[1];
    if (!token) {
      authError = fail(ErrorCode.UNAUTHENTICATED, 'The Authorization header must be "Bearer <access token>".');
    } else {
      try {
        caller = await services.verifier.verify(token);
      } catch (error) {
        if (!isExpected(error)) throw error;
        authError = error;
      }
    }
  }
  return {
    caller,
    authError,
    loaders: createLoaders(services),
    services,
  };
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
    throw fail(ErrorCode.FORBIDDEN, `User pool "${id.slice(0, 64)}" is not one this service may act on.`);
  }
  return id;
}

/** The key of the signed-in caller in the `me` loader; only call where the field requires a caller. */
export function callerKey(context: Context): { accessToken: string; userPoolId: string } {
  const { caller } = context;
  if (!caller) throw fail(ErrorCode.UNAUTHENTICATED, 'Sign in: send "Authorization: Bearer <access token>".');
  return { accessToken: caller.accessToken, userPoolId: caller.userPoolId };
}

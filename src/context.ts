/**
 * The context of one request (or one subscription): who is calling, fresh
 * DataLoaders, and the process-wide services it may use. Yoga builds one per
 * HTTP request and per graphql-ws operation with {@link contextFactory}.
 */
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { GraphQLError } from 'graphql';
import type { YogaInitialContext } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Authority, Rechecks } from './auth/authority.js';
import { authenticate, signInRequired, type Caller, type TokenVerifier } from './auth/tokens.js';
import type { ChangeFeed } from './changes/feed.js';
import type { PendingStore } from './changes/pending.js';
import type { Reconciler } from './changes/reconcile.js';
import type { ClientAttributes } from './cognito/app-clients.js';
import type { ProfileCache } from './cognito/caches.js';
import { createLoaders, type Loaders, type PoolCache } from './cognito/loaders.js';
import type { CognitoPipeline, Reservation } from './cognito/pipeline.js';
import { contractError, ErrorCode } from './errors.js';
import { requestIdOf } from './plugins/use-request-log.js';
import type { Metrics } from './plugins/use-metrics.js';
import type { PerUserCount } from './server/holds.js';
import type { Shutdown } from './server/shutdown.js';

/** The pools this service may act on. */
export interface PoolPolicy {
  /** Used when an administrator names no pool. */
  defaultPoolId: string;
  /** Every pool administrators may act on. */
  poolIds: readonly string[];
  /** The pools an administrator of each pool may act on (each its own unless COGNITO_ADMIN_POOLS says more). */
  adminPools: Readonly<Record<string, readonly string[]>>;
}

/** What lives as long as the process and is shared by every request. */
export interface Services {
  /** The SDK client, with the pipeline of src/cognito/pipeline.ts installed. */
  cognito: CognitoIdentityProviderClient;
  /** Takes the quota points of calls to be sent soon (the reads that follow a write). */
  reserve: CognitoPipeline['reserve'];
  /** The quota limiters, read without spending (a user's verification-code budget, src/schema/code-budget.ts). */
  quotas: CognitoPipeline['quotas'];
  verifier: TokenVerifier;
  /** Whether callers still have what their tokens claim, asked of Cognito (AUTH_RECHECK_MS). */
  authority: Authority;
  /** Open subscriptions' and sockets' tokens, re-checked every AUTH_RECHECK_MS within AUTH_RECHECKS_PER_SECOND. */
  rechecks: Rechecks;
  pools: PoolPolicy;
  poolCache: PoolCache;
  /** Signed-in users' profiles (`me`), kept for ME_CACHE_TTL_MS; forgotten by src/changes/publish.ts. */
  profiles: ProfileCache;
  /** Which attributes each app client may read (for subscription events). */
  clientAttributes: ClientAttributes;
  /** Where attribute changes are published and subscribed to. */
  changes: ChangeFeed;
  /** Looks for changes made outside the service to watched users and pools. */
  reconciler: Reconciler;
  maxConcurrency: number;
  /** Stopped when the service stops: open subscriptions complete. */
  shutdown: Shutdown;
  /** Prometheus metrics (open subscriptions are counted by src/changes/delivery.ts). */
  metrics: Metrics;
  /** Each user's open subscriptions on this instance, against MAX_SUBSCRIPTIONS_PER_USER. */
  subscriptions: PerUserCount;
  /** Events one subscriber may have waiting, MAX_QUEUED_EVENTS. */
  maxQueuedEvents: number;
  /** Email and phone changes waiting for their code (src/changes/pending.ts). */
  pending: PendingStore;
  /**
   * Where the embedded emulator really sent a code (its mailbox), for the
   * deliveries it does not describe; unset on Cognito, which describes them.
   */
  deliveries?: CodeDeliveries;
  /** The service's logger, for what resolvers log (never a token, never a Cognito message). */
  logger: Logger;
}

/** Where codes went, as a mailbox knows it. */
export interface CodeDeliveries {
  /** The newest code sent to `username` at or after `since`. */
  sentTo(username: string, since: Date): { medium: 'EMAIL' | 'SMS'; destination: string } | undefined;
}

/** What Yoga's context factory receives besides the request, from a graphql-ws operation (src/server/graphql-ws.ts). */
export interface ServerContext {
  /** The caller verified in `onConnect`, or by the operation's own token. */
  caller?: Caller;
  /** The socket's id (an HTTP request's comes from src/logging/request-ids.ts). */
  requestId?: string;
}

/** The per-request context every resolver receives. */
export interface Context {
  /** The verified caller, or `null` when there is no valid token. */
  caller: Caller | null;
  /** Why there is no caller when a token was sent but failed verification. */
  authError: GraphQLError | null;
  /** The id of the HTTP request or WebSocket the operation came in, for what it logs. */
  requestId: string | null;
  /** The operation came over a WebSocket, whose own timer closes it (4403) when the token expires. */
  viaSocket: boolean;
  /**
   * Quota points taken for the reads now being made (after a write); the
   * loaders' calls spend them. A box: Yoga hands resolvers a copy of this
   * context, and the loaders must see what a resolver puts in it.
   */
  readonly prepaid: { reservation: Reservation | null };
  loaders: Loaders;
  services: Services;
}

/** Who a request says it is: an `Authorization` value to verify, or a caller verified already (a WebSocket's). */
export type Credentials = { authorization: string | null | undefined } | { caller: Caller };

/** Builds a fresh context (new DataLoaders) for one request or one subscription. */
export async function createContext(credentials: Credentials, services: Services, requestId: string | null = null): Promise<Context> {
  const { caller, authError } =
    'caller' in credentials ? { caller: credentials.caller, authError: null } : await authenticate(credentials.authorization, services.verifier);
  const prepaid: Context['prepaid'] = { reservation: null };
  return { caller, authError, requestId, viaSocket: 'caller' in credentials, prepaid, loaders: createLoaders(services, () => prepaid.reservation, caller), services };
}

/** Yoga's `context` option: an HTTP request authenticates with its `Authorization` header, a graphql-ws operation arrives verified. */
export function contextFactory(services: Services) {
  return ({ request, caller, requestId }: YogaInitialContext & ServerContext): Promise<Context> =>
    createContext(caller ? { caller } : { authorization: request.headers.get('authorization') }, services, requestId ?? requestIdOf(request) ?? null);
}

/**
 * The pool an administrator's operation acts on: the one named, or the
 * default. Any pool outside the configured ones is FORBIDDEN, so the service
 * is never an open proxy to whatever its AWS credentials reach; and so is a
 * configured pool the caller does not administer: an administrator's
 * authority is that of their own pool (the token's issuer), and of the pools
 * COGNITO_ADMIN_POOLS gives it.
 */
export function allowedPool(context: Context, userPoolId: string | number | null | undefined): string {
  const { pools } = context.services;
  const id = userPoolId == null ? pools.defaultPoolId : String(userPoolId);
  if (!pools.poolIds.includes(id)) {
    throw contractError(ErrorCode.FORBIDDEN, `User pool "${id.slice(0, 64)}" is not one this service may act on.`);
  }
  const own = context.caller?.userPoolId ?? '';
  if (!(pools.adminPools[own] ?? [own]).includes(id)) {
    throw contractError(ErrorCode.FORBIDDEN, `Administrators of user pool ${own} may not act on user pool ${id}.`);
  }
  return id;
}

/** The signed-in caller; only call where the field requires one (UNAUTHENTICATED otherwise). */
export function signedInCaller(context: Context): Caller {
  if (!context.caller) throw signInRequired();
  return context.caller;
}

/**
 * How the caller stands to `user`: `'owner'` (their own profile), `'admin'`
 * (an administrator, confirmed with Cognito), or `null` (anyone else). For
 * the fields only the owner and administrators may see.
 */
export async function standingTo(context: Context, user: { userPoolId: string; sub: string }): Promise<'owner' | 'admin' | null> {
  const { caller } = context;
  if (!caller) return null;
  if (caller.userPoolId === user.userPoolId && caller.sub === user.sub) return 'owner';
  if (caller.isAdmin && (await context.services.authority.isAdmin(caller).catch(() => false))) return 'admin';
  return null;
}

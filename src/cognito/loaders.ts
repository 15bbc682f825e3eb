/**
 * Per-request DataLoaders in front of Cognito. Cognito has no batch read, so a
 * batch fans out one call per distinct key with a concurrency cap; duplicate
 * keys in a request cost one call. Each batch function keeps DataLoader's
 * promise: one result or one Error per key, in key order.
 */
import {
  AdminGetUserCommand,
  DescribeUserPoolCommand,
  GetUserCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import DataLoader from 'dataloader';
import pMap from 'p-map';
import type { Caller } from '../auth/tokens.js';
import { fromCognito } from '../errors.js';
import { readableView, type ClientAttributes } from './app-clients.js';
import type { ProfileCache, TtlCache } from './caches.js';
import { byCaller, concerning, type Reservation } from './pipeline.js';
import type { CallerKey } from './quotas.js';
import { fromDescribeUserPool, type UserPoolRecord } from './pools.js';
import { fromAdminGetUser, fromGetUser, type UserRecord } from './users.js';

/** A user of a pool, as administrators name them. */
export interface UserKey {
  userPoolId: string;
  username: string;
}

/** The loaders of one request. */
export interface Loaders {
  /** AdminGetUser; `null` for a user that does not exist. */
  user: DataLoader<UserKey, UserRecord | null, string>;
  /** GetUser with the verified caller's access token, through the cross-request {@link ProfileCache}. */
  me: DataLoader<Caller, UserRecord, string>;
  /** DescribeUserPool, through the cross-request {@link PoolCache}. */
  pool: DataLoader<string, UserPoolRecord, string>;
}

/**
 * Pool schemas change rarely and are read by every write (for validation), so
 * they are kept across requests; `addCustomAttributes` invalidates its pool at once.
 */
export type PoolCache = TtlCache<UserPoolRecord>;

/** What the loaders need from outside the request. */
export interface LoaderDeps {
  cognito: CognitoIdentityProviderClient;
  poolCache: PoolCache;
  /** What each app client may read: `me` shows only that (the emulator's GetUser returns everything). */
  clientAttributes: ClientAttributes;
  /** The signed-in users' profiles, kept across requests. */
  profiles: ProfileCache;
  /** At most this many Cognito calls in flight for one batch. */
  maxConcurrency: number;
}

const settle = <K, V>(keys: readonly K[], concurrency: number, load: (key: K) => Promise<V>): Promise<(V | Error)[]> => {
  const settled = (key: K) => load(key).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  // Within the cap (one key: every `me`) there is nothing to queue.
  if (keys.length <= concurrency) return Promise.all(keys.map(settled));
  return pMap(keys, settled, { concurrency });
};

/** The reservation of a request that has none. */
const noReservation = (): Reservation | null => null;

/** DataLoader's cache key of a user. */
const userCacheKey = ({ userPoolId, username }: UserKey) => `${userPoolId}\u0000${username}`;
/** DataLoader's cache key of a caller's profile. */
const meCacheKey = ({ accessToken }: Caller) => accessToken;

/**
 * Creates a fresh set of loaders: call once per request, never share between
 * callers. `reservation` is the request's current one, if any: a read it
 * covers was paid for before a write (src/cognito/pipeline.ts).
 *
 * Each loader is made on first use: a subscription keeps its context (and so
 * its loaders) as long as it is open, and most never load anything.
 */
export function createLoaders(deps: LoaderDeps, reservation: () => Reservation | null = noReservation, caller: CallerKey | null = null): Loaders {
  return new RequestLoaders(deps, reservation, caller);
}

class RequestLoaders implements Loaders {
  #user?: Loaders['user'];
  #me?: Loaders['me'];
  #pool?: Loaders['pool'];

  constructor(
    private readonly deps: LoaderDeps,
    private readonly reservation: () => Reservation | null,
    private readonly caller: CallerKey | null,
  ) {}

  /** `command`, covered by the request's reservation if it has one for `name`. */
  private covered<C extends { input: object }>(name: string, command: C): C {
    return this.reservation()?.cover(name, command) ?? command;
  }

  get user(): Loaders['user'] {
    if (this.#user) return this.#user;
    const { cognito, maxConcurrency } = this.deps;
    const { caller } = this;
    this.#user = new DataLoader<UserKey, UserRecord | null, string>(
      (keys) =>
        settle(keys, maxConcurrency, async ({ userPoolId, username }) => {
          try {
            const output = await cognito.send(this.covered('AdminGetUser', byCaller(caller, new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }))));
            return fromAdminGetUser(output, userPoolId);
          } catch (error) {
            if (error instanceof Error && error.name === 'UserNotFoundException') return null;
            throw fromCognito(error, 'admin');
          }
        }),
      { cacheKeyFn: userCacheKey },
    );
    return this.#user;
  }

  get me(): Loaders['me'] {
    if (this.#me) return this.#me;
    const { cognito, profiles, clientAttributes, maxConcurrency } = this.deps;
    this.#me = new DataLoader<Caller, UserRecord, string>(
      (callers) =>
        settle(callers, maxConcurrency, (caller) =>
          profiles.get(caller, async () => {
            const permissions = clientAttributes.permissions(caller.userPoolId, caller.clientId);
            let user: UserRecord;
            try {
              user = fromGetUser(await cognito.send(this.covered('GetUser', concerning(caller, new GetUserCommand({ AccessToken: caller.accessToken })))), caller.userPoolId);
            } catch (error) {
              permissions.catch(() => undefined);
              throw fromCognito(error, 'user');
            }
            return readableView(user, (await permissions).readable);
          }),
        ),
      { cacheKeyFn: meCacheKey },
    );
    return this.#me;
  }

  get pool(): Loaders['pool'] {
    if (this.#pool) return this.#pool;
    const { cognito, poolCache, maxConcurrency } = this.deps;
    const { caller } = this;
    this.#pool = new DataLoader<string, UserPoolRecord, string>((ids) =>
      settle(ids, maxConcurrency, (id) =>
        poolCache.get(id, async () => {
          try {
            return fromDescribeUserPool(await cognito.send(byCaller(caller, new DescribeUserPoolCommand({ UserPoolId: id }))), id);
          } catch (error) {
            throw fromCognito(error, 'admin');
          }
        }),
      ),
    );
    return this.#pool;
  }
}

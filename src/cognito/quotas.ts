/**
 * Cognito's quotas, enforced before a call leaves the process: the pipeline
 * (src/cognito/pipeline.ts) takes one point from the limiter of the call's
 * quota category (per account and region, shared by every instance through
 * Redis when there is one) and from the per-user limiters of the user the
 * call concerns, as the call names them. A call over budget waits up to
 * `maxWaitMs` for the next window, then fails with LIMIT_EXCEEDED and
 * `extensions.retryAfter` (seconds, rounded up): it never reaches Cognito.
 *
 * One caller (a signed-in user, or an administrator) may spend at most
 * `callerSharePercent` of each category's budget per second, whatever users
 * their calls concern: three users looping on wrong verification codes used to
 * take the whole 25/s UserUpdate budget, and one administrator's aliased
 * `users` query thousands of UserRead calls, from everyone else.
 *
 * Each category's limit is its setting (QUOTA_<CATEGORY>_PER_SECOND), or the
 * rate Cognito says it enforces for the account when it was asked at start-up
 * (GetProvisionedLimit, src/cognito/provisioned-limits.ts): see
 * {@link enforcedLimits} for which wins.
 *
 * Limits are fixed windows (rate-limiter-flexible). With Redis, each limiter
 * has an in-memory insurance limiter with the same limits, so a Redis outage
 * costs the sharing between instances, never a Cognito call.
 */
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { CategorySetting, QuotaSettings } from '../config.js';
import { ErrorCode, contractError } from '../errors.js';

/**
 * Cognito's quota categories, and the commands of this service in each, as
 * Cognito files them: "Quotas in Amazon Cognito" (developer guide), section
 * "Amazon Cognito user pools API operation categories and request rate
 * quotas", https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html#category_operations.
 * Its category descriptions (also in the archived copy,
 * awsdocs/amazon-cognito-developer-guide doc_source/limits.md): UserPoolRead
 * "operations that read your user pools", UserPoolClientRead "operations
 * that list your user pool clients" (DescribeUserPoolClient, which used to be
 * counted under UserPoolRead here), UserPoolUpdate "operations that create,
 * update, and delete your user pools" (AddCustomAttributes, which used to be a
 * category of its own here), UserResourceRead "user resource information
 * ... such as device or group" (AdminListGroupsForUser), UserUpdate "manage
 * users and user attributes" (VerifyUserAttribute sets `*_verified`).
 * GetUserAttributeVerificationCode stays under UserResourceRead, as before:
 * the per-operation rows could not be read in the stored copies of the page,
 * so that one is not confirmed against the current table.
 */
export const QUOTA_CATEGORIES = {
  UserRead: ['GetUser', 'AdminGetUser'],
  UserUpdate: [
    'UpdateUserAttributes',
    'AdminUpdateUserAttributes',
    'DeleteUserAttributes',
    'AdminDeleteUserAttributes',
    'VerifyUserAttribute',
  ],
  UserResourceRead: ['GetUserAttributeVerificationCode', 'AdminListGroupsForUser'],
  UserPoolRead: ['DescribeUserPool'],
  UserPoolClientRead: ['DescribeUserPoolClient'],
  UserPoolUpdate: ['AddCustomAttributes'],
  UserList: ['ListUsers'],
} as const;
/** One of Cognito's quota categories, e.g. `UserUpdate`. */
export type QuotaCategory = keyof typeof QUOTA_CATEGORIES;

/** Every quota category, in {@link QUOTA_CATEGORIES}' order. */
export const CATEGORY_NAMES = Object.keys(QUOTA_CATEGORIES) as QuotaCategory[];

/** The setting of each category's limit. */
export const CATEGORY_SETTINGS: Readonly<Record<QuotaCategory, CategorySetting>> = {
  UserRead: 'userRead',
  UserUpdate: 'userUpdate',
  UserResourceRead: 'userResourceRead',
  UserPoolRead: 'userPoolRead',
  UserPoolClientRead: 'userPoolClientRead',
  UserPoolUpdate: 'userPoolUpdate',
  UserList: 'userList',
};

/** A category's limit as enforced, and where it comes from. */
export interface EnforcedLimit {
  /** Calls a second, for every instance together. */
  perSecond: number;
  /** `provisioned`: Cognito's answer to GetProvisionedLimit; `setting`: QUOTA_<CATEGORY>_PER_SECOND (or its default). */
  source: 'provisioned' | 'setting';
}

/**
 * Each category's limit. Where Cognito said what it enforces (`provisioned`,
 * from GetProvisionedLimit), that is the limit: a higher setting would only
 * send calls Cognito throttles, and a default lower than capacity the account
 * pays for would waste it. The one exception is a setting the operator set
 * explicitly lower than Cognito's answer: that is a deliberate cap (this
 * service's share of an account other systems also spend) and wins.
 */
export function enforcedLimits(settings: QuotaSettings, provisioned: Partial<Record<QuotaCategory, number>> = {}): Record<QuotaCategory, EnforcedLimit> {
  const limits = {} as Record<QuotaCategory, EnforcedLimit>;
  for (const category of CATEGORY_NAMES) {
    const key = CATEGORY_SETTINGS[category];
    const setting = settings[key];
    const answer = provisioned[category];
    const capped = settings.explicit.includes(key) && answer !== undefined && setting < answer;
    limits[category] = answer === undefined || capped ? { perSecond: setting, source: 'setting' } : { perSecond: answer, source: 'provisioned' };
  }
  return limits;
}

/** The quota category of a command (e.g. `GetUser` -> `UserRead`), `undefined` for one outside them (e.g. `InitiateAuth`). */
export function categoryOf(command: string): QuotaCategory | undefined {
  return (Object.keys(QUOTA_CATEGORIES) as QuotaCategory[]).find((category) => (QUOTA_CATEGORIES[category] as readonly string[]).includes(command));
}

/**
 * Cognito's per-user limits, and the commands each counts; a command may
 * count against several (VerifyUserAttribute: a write, and one of the 15
 * attempts a user has an hour), the hourly ones first.
 */
const PER_USER: Record<string, readonly PerUserLimit[]> = {
  GetUser: ['perUserRead'],
  AdminGetUser: ['perUserRead'],
  AdminListGroupsForUser: ['perUserRead'],
  UpdateUserAttributes: ['perUserWrite'],
  AdminUpdateUserAttributes: ['perUserWrite'],
  DeleteUserAttributes: ['perUserWrite'],
  AdminDeleteUserAttributes: ['perUserWrite'],
  VerifyUserAttribute: ['verifyAttemptsPerUserPerHour', 'perUserWrite'],
  GetUserAttributeVerificationCode: ['codesPerUserPerHour'],
};
/** A per-user limit counted over an hour: what {@link Quotas.remaining} reads. */
export type HourlyLimit = 'codesPerUserPerHour' | 'verifyAttemptsPerUserPerHour';
type PerUserLimit = 'perUserRead' | 'perUserWrite' | HourlyLimit;

/** What is left of one user's hourly budget. */
export interface UserBudget {
  /** Points left in the current window. */
  remaining: number;
  /** When the window ends and `remaining` is whole again; null when nothing is spent. */
  resetsAt: Date | null;
}

const SECOND = 1; // s
const HOUR = 3_600; // s
/** A Redis command slower than this counts as an outage: the insurance limiter answers. */
const REDIS_COMMAND_TIMEOUT_MS = 500;
/** At most this many characters of a username go into a limiter key. */
const MAX_KEY_USERNAME = 128;

/** Where the limiters keep their counters. */
export interface QuotaOptions {
  /** Shared counters for every instance; unset keeps them in this process. */
  redisUrl?: string;
  /** Prefix of the Redis keys (and of the in-memory ones). */
  keyPrefix: string;
  /** What Cognito said it enforces per category (GetProvisionedLimit at start-up); see {@link enforcedLimits}. */
  provisioned?: Partial<Record<QuotaCategory, number>>;
  /** Cognito's quotas are per account and region: the region scopes the shared counters. */
  region: string;
  logger: Logger;
}

/** The limiters. */
export interface Quotas {
  /**
   * Takes the points `command` costs (the per-user ones from `subject`'s
   * budget), waiting up to `maxWaitMs` for them; throws LIMIT_EXCEEDED with
   * `retryAfter` when they do not come in time. Commands outside every
   * category and per-user limit pass at once.
   */
  acquire(command: string, subject: CallSubject | undefined, caller?: CallerKey): Promise<void>;
  /** Gives back the points {@link Quotas.acquire} took for a call that was not made. */
  release(command: string, subject: CallSubject | undefined, caller?: CallerKey): Promise<void>;
  /** Whether `command` counts against a per-user limit (and so must name whom it concerns). */
  perUser(command: string): boolean;
  /**
   * What is left of `subject`'s hourly `limit`, read without spending any of
   * it (from Redis when the limiters are there, else this process's counters).
   */
  remaining(limit: HourlyLimit, subject: CallSubject): Promise<UserBudget>;
  /** Each category's limit as enforced, and its source. */
  readonly limits: Readonly<Record<QuotaCategory, EnforcedLimit>>;
  /** The calls each category still has in the current one-second window (for every instance); a category whose counter could not be read is left out. */
  headroom(): Promise<Partial<Record<QuotaCategory, number>>>;
  /** Remembers that `username` of `userPoolId` is the user `sub` (from Cognito's answers), for the per-user keys. */
  learn(userPoolId: string, username: string, sub: string): void;
  /**
   * A budget of `perSecond` points, shared by every instance (in Redis when
   * the limiters are): each call takes one point and says whether it got it.
   */
  budget(name: string, perSecond: number): () => Promise<boolean>;
  /** Closes the Redis connection. */
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Whom a call concerns, for the per-user limits: the signed-in caller, or the user an administrator names. */
export interface CallSubject {
  userPoolId: string;
  username: string;
  /** The user's `sub`, when known (a caller's token says it). */
  sub?: string;
}

/** Who makes a call (for the caller's share of each category): the signed-in user or administrator. */
export interface CallerKey {
  userPoolId: string;
  sub: string;
}

/** Usernames whose `sub` the service has seen (from tokens and Cognito's answers), at most this many. */
const MAX_KNOWN_USERS = 50_000;

/** One limit: its limiter and the key a call is counted under. */
interface Step {
  limiter: RateLimiterAbstract;
  key: string;
  /** Whose budget: the user the call concerns, the caller's share, or everyone's. */
  scope: 'user' | 'caller' | 'category';
}

/** Creates the limiters from `quotas`, in Redis when `options.redisUrl` is set. */
export function createQuotas(quotas: QuotaSettings, options: QuotaOptions): Quotas {
  const logger = options.logger.child({ component: 'quotas' });
  const redis = options.redisUrl ? connectRedis(options.redisUrl, logger) : undefined;
  const limiter = (name: string, points: number, duration: number): RateLimiterAbstract => {
    const keyPrefix = `${options.keyPrefix}:${name}`;
    const memory = new RateLimiterMemory({ keyPrefix, points, duration });
    if (!redis) return memory;
    return new RateLimiterRedis({
      storeClient: redis,
      keyPrefix,
      points,
      duration,
      insuranceLimiter: memory,
      // Not connected: ask the insurance at once instead of queueing for Redis.
      rejectIfRedisNotReady: true,
      // Once a window is spent, this instance answers from memory until it ends.
      inMemoryBlockOnConsumed: points + 1,
    });
  };

  /**
   * Per-user budgets are keyed by `sub`: a username is not an identity (in a
   * case-sensitive pool `BOB` and `bob` are two users, and one used to spend
   * the other's budget), a `sub` is. An administrator's call names a
   * username, so the `sub` behind each username seen is remembered; one never
   * seen is keyed by its exact username until it is.
   */
  const subs = new Map<string, string>();
  const learn = (userPoolId: string, username: string, sub: string) => {
    const key = `${userPoolId}\u0000${username}`;
    if (subs.get(key) === sub) return;
    if (subs.size >= MAX_KNOWN_USERS) subs.delete(subs.keys().next().value!);
    subs.set(key, sub);
  };
  const userKeyOf = ({ userPoolId, username, sub }: CallSubject): string => {
    if (sub) learn(userPoolId, username, sub);
    const known = sub ?? subs.get(`${userPoolId}\u0000${username}`);
    return known ? `${userPoolId}:sub:${known}` : `${userPoolId}:username:${username.slice(0, MAX_KEY_USERNAME)}`;
  };

  const limits = enforcedLimits(quotas, options.provisioned);
  const byCommand = new Map<string, RateLimiterAbstract>();
  const byCategory = new Map<QuotaCategory, RateLimiterAbstract>();
  const callerShare = new Map<string, RateLimiterAbstract>();
  for (const category of CATEGORY_NAMES) {
    const { perSecond } = limits[category];
    const categoryLimiter = limiter(category, perSecond, SECOND);
    byCategory.set(category, categoryLimiter);
    // 100 %: a caller may spend the whole category, which the category's own limit says already.
    const shareLimiter =
      quotas.callerSharePercent < 100 ? limiter(`${category}:perCaller`, Math.max(1, Math.floor((perSecond * quotas.callerSharePercent) / 100)), SECOND) : undefined;
    for (const command of QUOTA_CATEGORIES[category]) {
      byCommand.set(command, categoryLimiter);
      if (shareLimiter) callerShare.set(command, shareLimiter);
    }
  }
  const perUser: Record<PerUserLimit, RateLimiterAbstract> = {
    perUserRead: limiter('perUserRead', quotas.perUserRead, SECOND),
    perUserWrite: limiter('perUserWrite', quotas.perUserWrite, SECOND),
    codesPerUserPerHour: limiter('codesPerUserPerHour', quotas.codesPerUserPerHour, HOUR),
    verifyAttemptsPerUserPerHour: limiter('verifyAttemptsPerUserPerHour', quotas.verifyAttemptsPerUserPerHour, HOUR),
  };
  const hourlyPoints: Record<HourlyLimit, number> = {
    codesPerUserPerHour: quotas.codesPerUserPerHour,
    verifyAttemptsPerUserPerHour: quotas.verifyAttemptsPerUserPerHour,
  };

  /** Takes one point, waiting until `deadline`; the milliseconds still to wait when it could not. */
  const take = async ({ limiter, key }: Step, deadline: number): Promise<number | undefined> => {
    for (;;) {
      try {
        await limiter.consume(key);
        return undefined;
      } catch (rejection) {
        // Only a store failure with no insurance left gets here: let the call go.
        if (!(rejection instanceof RateLimiterRes)) {
          logger.warn({ err: { message: (rejection as Error)?.message } }, 'quota limiter failed; call not limited');
          return undefined;
        }
        const wait = Math.max(rejection.msBeforeNext, 1);
        if (Date.now() + wait > deadline) return wait;
        await sleep(wait);
      }
    }
  };

  /** The limits `command` counts against, the narrowest first: a user over their own budget spends nobody else's. */
  const stepsOf = (command: string, subject: CallSubject | undefined, caller: CallerKey | undefined): Step[] => {
    const steps: Step[] = [];
    if (subject) for (const limit of PER_USER[command] ?? []) steps.push({ limiter: perUser[limit], key: userKeyOf(subject), scope: 'user' });
    const shareLimiter = callerShare.get(command);
    if (shareLimiter && caller) steps.push({ limiter: shareLimiter, key: `${caller.userPoolId}:${caller.sub}`, scope: 'caller' });
    const categoryLimiter = byCommand.get(command);
    if (categoryLimiter) steps.push({ limiter: categoryLimiter, key: options.region, scope: 'category' });
    return steps;
  };

  return {
    async acquire(command, subject, caller) {
      const steps = stepsOf(command, subject, caller);

      const deadline = Date.now() + quotas.maxWaitMs;
      for (const [index, step] of steps.entries()) {
        const wait = await take(step, deadline);
        if (wait === undefined) continue;
        // Points already taken for a call that will not be made go back.
        for (const taken of steps.slice(0, index)) await taken.limiter.reward(taken.key).catch(() => undefined);
        const retryAfter = Math.ceil(wait / 1_000);
        const whose = { user: 'for this user', caller: 'from this caller', category: 'to Cognito' }[step.scope];
        throw contractError(ErrorCode.LIMIT_EXCEEDED, `Too many requests ${whose}; retry after ${retryAfter} s.`, { retryAfter });
      }
    },
    async release(command, subject, caller) {
      for (const { limiter, key } of stepsOf(command, subject, caller)) await limiter.reward(key).catch(() => undefined);
    },
    perUser: (command) => PER_USER[command] !== undefined,
    async remaining(limit, subject) {
      const points = hourlyPoints[limit];
      const spent = await perUser[limit].get(userKeyOf(subject));
      if (!spent || spent.consumedPoints <= 0) return { remaining: points, resetsAt: null };
      return {
        remaining: Math.max(0, points - spent.consumedPoints),
        resetsAt: spent.msBeforeNext > 0 ? new Date(Date.now() + spent.msBeforeNext) : null,
      };
    },
    limits,
    async headroom() {
      const left: Partial<Record<QuotaCategory, number>> = {};
      await Promise.all(
        CATEGORY_NAMES.map(async (category) => {
          try {
            const spent = await byCategory.get(category)!.get(options.region);
            left[category] = spent ? Math.max(0, limits[category].perSecond - spent.consumedPoints) : limits[category].perSecond;
          } catch {
            // Neither Redis nor the insurance answered: no value this scrape.
          }
        }),
      );
      return left;
    },
    learn,
    budget(name, perSecond) {
      const shared = limiter(`budget:${name}`, perSecond, SECOND);
      return () =>
        shared.consume(options.region).then(
          () => true,
          // Refused, or a store failure with no insurance left: not now.
          () => false,
        );
    },
    async close() {
      if (redis) await (redis.status === 'ready' ? redis.quit().then(() => undefined, () => redis.disconnect()) : redis.disconnect());
    },
  };
}

/**
 * The limiters' own Redis connection: commands fail at once while it is down
 * (no offline queue) or slow, so the insurance limiter answers instead of a
 * call waiting for Redis. Logs when the shared counters go away and come back.
 */
function connectRedis(redisUrl: string, logger: Logger): Redis {
  const redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: REDIS_COMMAND_TIMEOUT_MS });
  let shared: boolean | undefined;
  redis.on('ready', () => {
    if (shared !== true) logger.info('quota counters shared through Redis');
    shared = true;
  });
  redis.on('error', (error: Error) => {
    if (shared !== false) logger.warn({ err: { message: error.message } }, 'Redis unreachable: quotas counted in this process until it is back');
    shared = false;
  });
  return redis;
}

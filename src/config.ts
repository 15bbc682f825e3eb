/**
 * The service's settings, read once from the environment at start-up and
 * validated there, so a bad value stops the process with a clear message
 * instead of failing a request later. The names are those of the contract's
 * API.md ("Running it"); the ones after `PORT` are this service's additions.
 */

import { DEMO_MANIFEST, readManifest } from './plugins/trusted-documents/manifest.js';

/** Cognito's pattern for a user pool id, e.g. `eu-west-1_AbC123`. */
const POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;
/** Cognito's pattern for an app client id. */
const CLIENT_ID = /^[\w+]+$/;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Whether `host` (a `HOST` value) is reachable from this machine only. */
export const isLoopbackHost = (host: string): boolean => LOOPBACK_HOSTS.has(host);

/**
 * Whether a request's `Host` header (`name[:port]`) names this machine's
 * loopback. A page that rebinds its own DNS name to 127.0.0.1 sends its own
 * name here, so answering only loopback names keeps it out.
 */
export function isLoopbackHostHeader(header: string | undefined): boolean {
  if (!header) return false;
  try {
    return LOOPBACK_HOSTS.has(new URL(`http://${header}`).hostname);
  } catch {
    return false;
  }
}
/** A Redis key prefix for the quota counters. */
const QUOTA_KEY_PREFIX = /^[\w.:-]{1,64}$/;
/** A secret setting (`METRICS_TOKEN`, `REDIS_FEED_SECRET`): 16 to 256 printable ASCII characters, no spaces, too long to guess. */
const SECRET = /^[\x21-\x7e]{16,256}$/;

/** Where Cognito lives and what the service may do there. */
export type CognitoSettings =
  | {
      /** No `COGNITO_USER_POOL_ID`: the embedded emulator, seeded with a demo pool. */
      mode: 'embedded';
      /** Where the emulator keeps its data. @default '.data' */
      dataDir: string;
    }
  | {
      mode: 'remote';
      /** The default pool (`COGNITO_USER_POOL_ID`). */
      defaultPoolId: string;
      /** Every pool administrators may act on; the default pool first. */
      poolIds: string[];
      /** `COGNITO_ADMIN_POOLS`: the pools an administrator of each pool may act on. @default each pool its own */
      adminPools: Record<string, string[]>;
      /** `COGNITO_ENDPOINT`: an emulator instead of AWS. */
      endpoint?: string;
      /** `AWS_REGION`, else the region part of the pool id. */
      region: string;
    };

/** Every setting of the service. */
export interface Config {
  cognito: CognitoSettings;
  /** App clients whose tokens are accepted; `null` accepts every client of the pool. */
  clientIds: string[] | null;
  /** @default 'admin' */
  adminGroup: string;
  /** Unset: one process, in-memory pubsub. */
  redisUrl?: string;
  /** `REDIS_FEED_SECRET`: sign change events on Redis and drop those without a valid signature. Needs `redisUrl`. */
  redisFeedSecret?: string;
  /** `FEED_RETENTION`: what each pool's change log keeps for `after:`, an age and a count (e.g. `24h`, `100000`, `24h,100000`). @default 24 h, 10,000 changes */
  feedRetention: Retention;
  /** `MAX_OUTBOX_EVENTS`: with Redis, changes an instance keeps while Redis is away, before it loses (and logs) any. @default 10_000 */
  maxOutboxEvents: number;
  /** @default '127.0.0.1' */
  host: string;
  /** 0 picks a free port. @default 4000 */
  port: number;
  /** At most this many Cognito calls in flight for one batch of a DataLoader. @default 10 */
  maxConcurrency: number;
  /** How long one Cognito call may take before it fails as UPSTREAM_UNAVAILABLE, in ms. @default 5_000 */
  cognitoTimeoutMs: number;
  /** How long a pool's attribute schema is reused across requests, in ms; 0 disables. @default 30_000 */
  poolCacheTtlMs: number;
  /** How long a signed-in user's profile (`me`) is reused across requests, in ms; 0 disables. @default 5_000 */
  meCacheTtlMs: number;
  /** `AUTH_RECHECK_MS`: how often Cognito is asked whether a token's user, token and admin group still stand (src/auth/authority.ts), in ms. @default 30_000 */
  authRecheckMs: number;
  /** `AUTH_RECHECKS_PER_SECOND`: open tokens re-checked with Cognito per second at most (two or three calls each): the re-checks' share of the read budget. @default 15 */
  authRechecksPerSecond: number;
  /** `RECONCILE_READS_PER_SECOND`: re-reads of watched users and pools (outside changes), shared by every instance; 0 turns them off. @default 20, embedded 10 */
  reconcileReadsPerSecond: number;
  /** `RECONCILE_INTERVAL_MS`: how often each watched user (and pool) is re-read when the budget allows. @default 60_000, embedded 3_000 */
  reconcileIntervalMs: number;
  /** `CLOUDTRAIL_SECRET`: the shared secret an EventBridge API destination sends to `/events/cloudtrail`; unset: the endpoint is off. */
  cloudTrailSecret?: string;
  /** pino's level. @default 'info' */
  logLevel: string;
  /** Cognito's quotas and the per-user limits, enforced before a call reaches Cognito. */
  quotas: QuotaSettings;
  /** Limits on what one HTTP request or GraphQL document may ask. */
  requestLimits: RequestLimits;
  /** What one client or user may make the service hold open. */
  holdLimits: HoldLimits;
  /** Origins allowed by CORS; `null` allows none but the service's own (no CORS headers). */
  corsOrigins: string[] | null;
  /** Introspection queries allowed. @default true, false when NODE_ENV=production */
  introspection: boolean;
  /** GraphiQL served at the GraphQL endpoint. @default true, false when NODE_ENV=production */
  graphiql: boolean;
  /**
   * `ALLOW_PUBLISHED_EMULATOR_KEY`: listen beyond loopback although
   * `COGNITO_ENDPOINT` signs with cognito-local's published key (anyone can
   * mint its tokens). @default false
   */
  allowPublishedEmulatorKey: boolean;
  /** Prometheus metrics at `/metrics` (src/plugins/use-metrics.ts). */
  metrics: MetricsSettings;
  /** Documents sent by hash, and whether only those run (src/plugins/trusted-documents/). */
  trustedDocuments: TrustedDocumentSettings;
  /** OpenTelemetry traces exported by OTLP (src/tracing/tracing.ts); unset (no OTLP endpoint): off, nothing of OpenTelemetry loaded. */
  tracing?: TracingSettings;
}

/** The samplers of the OpenTelemetry specification's `OTEL_TRACES_SAMPLER`. */
export const TRACE_SAMPLERS = ['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'] as const;
export type TraceSampler = (typeof TRACE_SAMPLERS)[number];

/** Where and what the service traces, from the standard OpenTelemetry variables. */
export interface TracingSettings {
  /** `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` as is, else `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces` (OTLP/HTTP with JSON). */
  url: string;
  /** `OTEL_EXPORTER_OTLP_TRACES_HEADERS`, else `OTEL_EXPORTER_OTLP_HEADERS` (`key=value,…`, values URL-encoded). @default {} */
  headers: Record<string, string>;
  /** `OTEL_SERVICE_NAME`. @default 'cognito-attributes-graphql' */
  serviceName: string;
  /** `OTEL_TRACES_SAMPLER`. @default 'parentbased_always_on' (the specification's) */
  sampler: TraceSampler;
  /** `OTEL_TRACES_SAMPLER_ARG`: the ratio of the `traceidratio` samplers, 0 to 1. @default 1 */
  ratio: number;
}

/**
 * `TRUSTED_DOCUMENTS`: `off` (no document by hash), `allow` (a trusted
 * document by hash, or any document by text), `only` (a trusted document by
 * hash, nothing else).
 */
export type TrustedDocumentsMode = 'off' | 'allow' | 'only';

/** Which documents a client may send by hash, and whether it may send any other. */
export interface TrustedDocumentSettings {
  /** `TRUSTED_DOCUMENTS`. @default 'allow' (in production too: clients that send their documents' text keep working until the operator pins them) */
  mode: TrustedDocumentsMode;
  /** `TRUSTED_DOCUMENTS_FILE`: manifests of the operator's own (comma-separated paths), each a JSON object hash → text like codegen's persisted-documents.json. @default [] */
  files: string[];
  /** Every trusted document by the lowercase hex of its sha256: the demo page's (src/demo/gql/persisted-documents.json) and those of `files`; empty when `off`. */
  documents: ReadonlyMap<string, string>;
}

/** Whether and for whom `/metrics` is served. */
export interface MetricsSettings {
  /** `METRICS`. @default true */
  enabled: boolean;
  /** `METRICS_TOKEN`: when set, `/metrics` answers only `Authorization: Bearer <token>`; unset, anyone who reaches the port. @default null */
  token: string | null;
}

/** The settings of the quota categories, each `QUOTA_<CATEGORY>_PER_SECOND`. */
export type CategorySetting = 'userRead' | 'userUpdate' | 'userResourceRead' | 'userPoolRead' | 'userPoolClientRead' | 'userPoolUpdate' | 'userList';

/** Each category setting's variable. */
export const CATEGORY_VARIABLES: Readonly<Record<CategorySetting, string>> = {
  userRead: 'QUOTA_USER_READ_PER_SECOND',
  userUpdate: 'QUOTA_USER_UPDATE_PER_SECOND',
  userResourceRead: 'QUOTA_USER_RESOURCE_READ_PER_SECOND',
  userPoolRead: 'QUOTA_USER_POOL_READ_PER_SECOND',
  userPoolClientRead: 'QUOTA_USER_POOL_CLIENT_READ_PER_SECOND',
  userPoolUpdate: 'QUOTA_USER_POOL_UPDATE_PER_SECOND',
  userList: 'QUOTA_USER_LIST_PER_SECOND',
};

/** `QUOTA_USER_POOL_UPDATE_PER_SECOND`'s former name. */
const DEPRECATED_USER_POOL_UPDATE = 'QUOTA_ADD_CUSTOM_ATTRIBUTES_PER_SECOND';

/**
 * Cognito's default quotas (per account and region, all pools) and its
 * per-user limits, as requests per second unless said otherwise.
 */
export interface QuotaSettings {
  /** `QUOTA_USER_READ_PER_SECOND`: GetUser, AdminGetUser. @default 120 */
  userRead: number;
  /** `QUOTA_USER_UPDATE_PER_SECOND`: the four attribute writes and VerifyUserAttribute. @default 25 */
  userUpdate: number;
  /** `QUOTA_USER_RESOURCE_READ_PER_SECOND`: GetUserAttributeVerificationCode, AdminListGroupsForUser. @default 50 */
  userResourceRead: number;
  /** `QUOTA_USER_POOL_READ_PER_SECOND`: DescribeUserPool. @default 15 */
  userPoolRead: number;
  /** `QUOTA_USER_POOL_CLIENT_READ_PER_SECOND`: DescribeUserPoolClient (what an app client may read). @default 15 */
  userPoolClientRead: number;
  /**
   * `QUOTA_USER_POOL_UPDATE_PER_SECOND`: AddCustomAttributes. Deprecated
   * alias: `QUOTA_ADD_CUSTOM_ATTRIBUTES_PER_SECOND` (from when it was a
   * category of its own), still read when the new name is unset; both set to
   * different values is a configuration error. @default 15
   */
  userPoolUpdate: number;
  /** `QUOTA_USER_LIST_PER_SECOND`: ListUsers (reconciling pools). @default 30 */
  userList: number;
  /**
   * The category settings above that the operator set, not defaulted: with
   * {@link QuotaSettings.readProvisionedLimits}, a setting set explicitly
   * lower than the rate Cognito enforces is a deliberate cap and wins
   * (src/cognito/provisioned-limits.ts); any other yields to Cognito's answer.
   */
  explicit: readonly CategorySetting[];
  /**
   * `QUOTA_READ_PROVISIONED_LIMITS`: at start-up, ask Cognito
   * (GetProvisionedLimit) the rate it enforces in each category (capacity
   * bought beyond the defaults) and size the limiters from it; a category
   * whose answer does not come keeps its setting.
   * @default true against AWS (no `COGNITO_ENDPOINT`), false for an emulator or the embedded default
   */
  readProvisionedLimits: boolean;
  /** `QUOTA_PER_USER_READS_PER_SECOND`: reads concerning one user. @default 10 */
  perUserRead: number;
  /** `QUOTA_PER_USER_WRITES_PER_SECOND`: writes concerning one user. @default 10 */
  perUserWrite: number;
  /** `QUOTA_CODES_PER_USER_PER_HOUR`: verification codes sent to one user per hour (GetUserAttributeVerificationCode). @default 5 */
  codesPerUserPerHour: number;
  /** `QUOTA_VERIFY_ATTEMPTS_PER_USER_PER_HOUR`: VerifyUserAttribute attempts of one user per hour, right or wrong code (besides the per-user writes). @default 15 */
  verifyAttemptsPerUserPerHour: number;
  /** How long a call over budget may wait for one before LIMIT_EXCEEDED, in ms. @default 250 */
  maxWaitMs: number;
  /** The share of each category's budget one caller (user or administrator) may spend, in percent (100: no share of their own). @default 25 */
  callerSharePercent: number;
  /** Prefix of the counters' keys in Redis; instances spending one AWS account's quotas share it. @default 'cognito-quotas' */
  keyPrefix: string;
}

/** Bounds on one request. */
/**
 * What one client or one signed-in user may make the service hold: defaults far
 * above what a frontend does, far below what hurts.
 */
export interface HoldLimits {
  /** `MAX_CONNECTIONS`: TCP connections the server holds at once; more are dropped. Twice the 10,000 subscribers one instance is built for (bench/). @default 20_000 */
  maxConnections: number;
  /** `MAX_CONNECTIONS_PER_CLIENT`: TCP connections from one IP address (0: no limit; behind a proxy, the proxy's). @default 1_000 */
  maxConnectionsPerClient: number;
  /** `HEADERS_TIMEOUT_MS`: how long a request's headers may take to arrive. @default 10_000 */
  headersTimeoutMs: number;
  /** `REQUEST_TIMEOUT_MS`: how long a whole request (headers and body) may take to arrive. @default 30_000 */
  requestTimeoutMs: number;
  /** `MAX_SOCKETS_PER_USER`: graphql-ws sockets one user holds open on an instance. @default 20 */
  maxSocketsPerUser: number;
  /** `MAX_SUBSCRIPTIONS_PER_SOCKET`: operations running at once on one graphql-ws socket. @default 100 */
  maxSubscriptionsPerSocket: number;
  /** `MAX_SUBSCRIPTIONS_PER_USER`: subscriptions one user holds open on an instance, over WebSocket and SSE. @default 500 */
  maxSubscriptionsPerUser: number;
  /** `MAX_BUFFERED_BYTES`: output a socket or SSE stream may have waiting for a slow client before it is dropped. @default 4_194_304 */
  maxBufferedBytes: number;
  /** `STALLED_STREAM_MS`: how long an SSE stream's output may wait for its client to read before the stream is ended. @default 30_000 */
  stalledStreamMs: number;
  /** `MAX_QUEUED_EVENTS`: events waiting for one subscriber that has not taken them yet, before its subscription ends (LIMIT_EXCEEDED). @default 100 */
  maxQueuedEvents: number;
}

export interface RequestLimits {
  /** Bytes of a request body. @default 102_400 */
  maxBodyBytes: number;
  /** Operations in one batched request. @default 10 */
  maxBatch: number;
  /** Depth of a selection. @default 10 */
  maxDepth: number;
  /** Aliases in a document. @default 15 */
  maxAliases: number;
  /** Tokens in a document. @default 2_000 */
  maxTokens: number;
  /** Directives in a document. @default 20 */
  maxDirectives: number;
  /** The document's cost (graphql-armor's cost limit). @default 5_000 */
  maxCost: number;
}

/** A setting that cannot be used; the message names the variable and what is wrong. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** `FEED_RETENTION`: what each pool's change log keeps for `after:`. */
export interface Retention {
  /** Entries older than this are dropped. */
  ageMs: number;
  /** At most this many entries per pool (the oldest go first). */
  count: number;
}

/** `FEED_RETENTION`'s default: a day, and at most 10,000 changes per pool (about 2 KB each, in memory or in Redis). */
export const DEFAULT_RETENTION: Retention = { ageMs: 24 * 3_600_000, count: 10_000 };

const DURATION = /^(\d{1,9})(ms|s|m|h|d)$/;
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Reads `FEED_RETENTION`: a duration (`90s`, `30m`, `24h`, `7d`), a count, or both separated by a comma; what is not given keeps its default. */
function retention(raw: string | undefined, problems: string[]): Retention {
  const text = raw?.trim();
  if (!text) return DEFAULT_RETENTION;
  const result = { ...DEFAULT_RETENTION };
  for (const part of text.split(',').map((p) => p.trim())) {
    const duration = DURATION.exec(part);
    if (duration) {
      const ms = Number(duration[1]) * UNIT_MS[duration[2] as keyof typeof UNIT_MS];
      if (ms >= 1_000 && ms <= 30 * 86_400_000) {
        result.ageMs = ms;
        continue;
      }
    } else if (/^\d{1,9}$/.test(part) && Number(part) >= 1 && Number(part) <= 10_000_000) {
      result.count = Number(part);
      continue;
    }
    problems.push(`FEED_RETENTION=${JSON.stringify(text)} must be a duration from 1s to 30d (e.g. 24h), a count from 1 to 10,000,000, or both separated by a comma`);
    return DEFAULT_RETENTION;
  }
  return result;
}

/** The service's name in its traces when `OTEL_SERVICE_NAME` says none. */
export const DEFAULT_SERVICE_NAME = 'cognito-attributes-graphql';

/**
 * The tracing settings of the standard OpenTelemetry variables: `undefined`
 * (off) without an OTLP endpoint, with `OTEL_SDK_DISABLED=true` or with
 * `OTEL_TRACES_EXPORTER=none`. Only what this service does is accepted (OTLP
 * over HTTP with JSON), so a setting it would ignore stops it instead.
 */
function tracing(env: NodeJS.ProcessEnv, problems: string[]): TracingSettings | undefined {
  const value = (name: string) => env[name]?.trim() || undefined;
  const base = value('OTEL_EXPORTER_OTLP_ENDPOINT');
  const traces = value('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  if (!base && !traces) return undefined;
  if (value('OTEL_SDK_DISABLED')?.toLowerCase() === 'true') return undefined;
  const exporter = value('OTEL_TRACES_EXPORTER')?.toLowerCase();
  if (exporter === 'none') return undefined;
  if (exporter && exporter !== 'otlp') problems.push(`OTEL_TRACES_EXPORTER=${JSON.stringify(exporter)}: this service exports traces by OTLP only (otlp, or none)`);
  const protocol = value('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') ?? value('OTEL_EXPORTER_OTLP_PROTOCOL');
  if (protocol && protocol !== 'http/json') {
    problems.push(`OTEL_EXPORTER_OTLP_PROTOCOL=${JSON.stringify(protocol)}: this service sends OTLP over HTTP with JSON (http/json), which a collector's OTLP/HTTP receiver (port 4318) accepts`);
  }
  // The specification's rule: the signal's own endpoint is used as is, the shared one gets the signal's path.
  const url = traces ?? `${base!.replace(/\/+$/, '')}/v1/traces`;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
  } catch {
    problems.push(`${traces ? 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' : 'OTEL_EXPORTER_OTLP_ENDPOINT'}=${JSON.stringify(traces ?? base)} is not an http(s) URL`);
  }
  const headersName = value('OTEL_EXPORTER_OTLP_TRACES_HEADERS') ? 'OTEL_EXPORTER_OTLP_TRACES_HEADERS' : 'OTEL_EXPORTER_OTLP_HEADERS';
  const headers: Record<string, string> = {};
  for (const pair of list(env[headersName])) {
    const at = pair.indexOf('=');
    const key = at > 0 ? pair.slice(0, at).trim() : '';
    let decoded: string | undefined;
    try {
      decoded = at > 0 ? decodeURIComponent(pair.slice(at + 1).trim()) : undefined;
    } catch {
      decoded = undefined;
    }
    // Never the value in the message: it is often a collector's API key.
    if (!/^[\w.-]+$/.test(key) || decoded === undefined) problems.push(`${headersName}: an entry is not key=value (values URL-encoded)`);
    else headers[key.toLowerCase()] = decoded;
  }
  const sampler = (value('OTEL_TRACES_SAMPLER')?.toLowerCase() ?? 'parentbased_always_on') as TraceSampler;
  if (!TRACE_SAMPLERS.includes(sampler)) problems.push(`OTEL_TRACES_SAMPLER=${JSON.stringify(sampler)} must be one of ${TRACE_SAMPLERS.join(', ')}`);
  const arg = value('OTEL_TRACES_SAMPLER_ARG');
  let ratio = 1;
  if (arg !== undefined) {
    ratio = Number(arg);
    if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
      problems.push(`OTEL_TRACES_SAMPLER_ARG=${JSON.stringify(arg)} must be a number from 0 to 1`);
      ratio = 1;
    } else if (!sampler.endsWith('traceidratio')) {
      problems.push(`OTEL_TRACES_SAMPLER_ARG=${JSON.stringify(arg)} is a ratio: it needs OTEL_TRACES_SAMPLER=traceidratio or parentbased_traceidratio`);
    }
  }
  return { url, headers, serviceName: value('OTEL_SERVICE_NAME') ?? DEFAULT_SERVICE_NAME, sampler, ratio };
}

/**
 * Reads and validates every setting. Throws one {@link ConfigError} listing
 * every bad value, not just the first.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name}=${JSON.stringify(raw)} must be an integer from ${min} to ${max}`);
      return fallback;
    }
    return n;
  };

  const host = env.HOST?.trim() || '127.0.0.1';
  const port = int('PORT', 4000, 0, 65_535);
  const defaultPoolId = env.COGNITO_USER_POOL_ID?.trim();
  let cognito: CognitoSettings;
  if (!defaultPoolId) {
    if (env.COGNITO_USER_POOL_IDS?.trim()) {
      problems.push('COGNITO_USER_POOL_IDS needs COGNITO_USER_POOL_ID (the default pool) as well');
    }
    if (env.COGNITO_ENDPOINT?.trim()) {
      problems.push('COGNITO_ENDPOINT needs COGNITO_USER_POOL_ID: without it the service runs its own embedded emulator');
    }
    if (env.COGNITO_ADMIN_POOLS?.trim()) {
      problems.push('COGNITO_ADMIN_POOLS needs COGNITO_USER_POOL_ID: the embedded emulator has one pool');
    }
    // The emulator's signing key ships inside its npm package: anyone can mint
    // tokens it accepts, so the embedded default must never face a network.
    if (!isLoopbackHost(host)) {
      problems.push(
        `HOST=${host} is not a loopback address: the embedded emulator's signing key is public, so it only listens on 127.0.0.1, localhost or ::1 (set COGNITO_USER_POOL_ID to use a real Cognito)`,
      );
    }
    cognito = { mode: 'embedded', dataDir: env.DATA_DIR?.trim() || '.data' };
  } else {
    if (!POOL_ID.test(defaultPoolId)) {
      problems.push(`COGNITO_USER_POOL_ID=${JSON.stringify(defaultPoolId)} is not a user pool id (like eu-west-1_AbC123)`);
    }
    const others = list(env.COGNITO_USER_POOL_IDS);
    for (const id of others) {
      if (!POOL_ID.test(id)) problems.push(`COGNITO_USER_POOL_IDS: ${JSON.stringify(id)} is not a user pool id`);
    }
    const poolIds = [defaultPoolId, ...others.filter((id) => id !== defaultPoolId)];
    const adminPools = Object.fromEntries(poolIds.map((id) => [id, [id]]));
    for (const entry of list(env.COGNITO_ADMIN_POOLS)) {
      const [from = '', targets = '', ...extra] = entry.split(':');
      const to = targets.split('+').map((id) => id.trim()).filter(Boolean);
      const bad = [from.trim(), ...to].filter((id) => !poolIds.includes(id));
      if (extra.length > 0 || to.length === 0) {
        problems.push(`COGNITO_ADMIN_POOLS: ${JSON.stringify(entry)} is not <pool>:<pool>+<pool>… (e.g. eu-west-1_A:eu-west-1_A+eu-west-1_B)`);
      } else if (bad.length > 0) {
        problems.push(`COGNITO_ADMIN_POOLS: ${bad.map((id) => JSON.stringify(id)).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not among COGNITO_USER_POOL_ID and COGNITO_USER_POOL_IDS`);
      } else {
        adminPools[from.trim()] = [...new Set(to)];
      }
    }
    const endpoint = env.COGNITO_ENDPOINT?.trim().replace(/\/+$/, '');
    if (endpoint) {
      try {
        const url = new URL(endpoint);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
      } catch {
        problems.push(`COGNITO_ENDPOINT=${JSON.stringify(endpoint)} is not an http(s) URL`);
      }
    }
    const region = env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || defaultPoolId.split('_')[0] || '';
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region) && !endpoint) {
      problems.push(`AWS_REGION=${JSON.stringify(region)} is not an AWS region (like eu-west-1)`);
    }
    cognito = { mode: 'remote', defaultPoolId, poolIds, adminPools, region: region || 'us-east-1', ...(endpoint ? { endpoint } : {}) };
  }

  const clientIds = list(env.COGNITO_CLIENT_IDS);
  for (const id of clientIds) {
    if (!CLIENT_ID.test(id)) problems.push(`COGNITO_CLIENT_IDS: ${JSON.stringify(id)} is not an app client id`);
  }
  const adminGroup = env.COGNITO_ADMIN_GROUP?.trim() || 'admin';
  const redisUrl = env.REDIS_URL?.trim();
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    problems.push(`REDIS_URL=${JSON.stringify(redisUrl)} must start with redis:// or rediss://`);
  }
  const cloudTrailSecret = env.CLOUDTRAIL_SECRET?.trim() || undefined;
  if (cloudTrailSecret !== undefined && !SECRET.test(cloudTrailSecret)) {
    problems.push('CLOUDTRAIL_SECRET must be 16 to 256 printable characters without spaces (e.g. `openssl rand -hex 32`)');
  }
  const redisFeedSecret = env.REDIS_FEED_SECRET?.trim() || undefined;
  if (redisFeedSecret !== undefined) {
    if (!SECRET.test(redisFeedSecret)) problems.push('REDIS_FEED_SECRET must be 16 to 256 printable characters without spaces (e.g. `openssl rand -hex 32`)');
    if (!redisUrl) problems.push('REDIS_FEED_SECRET needs REDIS_URL: without Redis no event leaves the process');
  }
  const production = env.NODE_ENV?.trim() === 'production';
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.trim().toLowerCase();
    if (!raw) return fallback;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    problems.push(`${name}=${JSON.stringify(raw)} must be true or false`);
    return fallback;
  };
  const origins = list(env.CORS_ORIGINS);
  for (const origin of origins) {
    if (origin === '*') continue;
    try {
      const url = new URL(origin);
      if (url.origin !== origin) throw new Error('not an origin');
    } catch {
      problems.push(`CORS_ORIGINS: ${JSON.stringify(origin)} is not an origin like https://app.example.com (or *)`);
    }
  }
  const corsOrigins = origins.length > 0 ? origins : null;
  // The deprecated name still counts, unless the new one says otherwise.
  const [current, deprecated] = [env.QUOTA_USER_POOL_UPDATE_PER_SECOND?.trim(), env[DEPRECATED_USER_POOL_UPDATE]?.trim()];
  const userPoolUpdateVariable = !current && deprecated ? DEPRECATED_USER_POOL_UPDATE : CATEGORY_VARIABLES.userPoolUpdate;
  if (current && deprecated && Number(current) !== Number(deprecated)) {
    problems.push(`QUOTA_USER_POOL_UPDATE_PER_SECOND=${JSON.stringify(current)} and its deprecated name ${DEPRECATED_USER_POOL_UPDATE}=${JSON.stringify(deprecated)} differ: set only QUOTA_USER_POOL_UPDATE_PER_SECOND`);
  }
  const categorySetting = (setting: CategorySetting, fallback: number): number =>
    int(setting === 'userPoolUpdate' ? userPoolUpdateVariable : CATEGORY_VARIABLES[setting], fallback, 1, 100_000);
  const explicitCategories = (Object.keys(CATEGORY_VARIABLES) as CategorySetting[]).filter((setting) =>
    setting === 'userPoolUpdate' ? Boolean(current || deprecated) : Boolean(env[CATEGORY_VARIABLES[setting]]?.trim()),
  );
  const quotaKeyPrefix = env.QUOTA_KEY_PREFIX?.trim() || 'cognito-quotas';
  if (!QUOTA_KEY_PREFIX.test(quotaKeyPrefix)) {
    problems.push(`QUOTA_KEY_PREFIX=${JSON.stringify(quotaKeyPrefix)} must be 1 to 64 letters, digits, "_", "-", "." or ":"`);
  }
  const metricsToken = env.METRICS_TOKEN?.trim() || null;
  if (metricsToken !== null && !SECRET.test(metricsToken)) {
    problems.push(`METRICS_TOKEN must be 16 to 256 printable characters without spaces (e.g. \`openssl rand -hex 32\`)`);
  }
  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push(`LOG_LEVEL=${JSON.stringify(logLevel)} must be one of fatal, error, warn, info, debug, trace, silent`);
  }

  const trustedMode = (env.TRUSTED_DOCUMENTS?.trim().toLowerCase() || 'allow') as TrustedDocumentsMode;
  if (!['off', 'allow', 'only'].includes(trustedMode)) {
    problems.push(`TRUSTED_DOCUMENTS=${JSON.stringify(env.TRUSTED_DOCUMENTS?.trim())} must be off, allow or only`);
  }
  const trustedFiles = list(env.TRUSTED_DOCUMENTS_FILE);
  const trustedDocuments = new Map<string, string>();
  if (trustedMode === 'off') {
    if (trustedFiles.length > 0) problems.push('TRUSTED_DOCUMENTS_FILE needs TRUSTED_DOCUMENTS=allow or only: with off no document is sent by hash');
  } else {
    for (const file of [DEMO_MANIFEST, ...trustedFiles]) readManifest(file, file === DEMO_MANIFEST ? 'the demo page\'s manifest' : 'TRUSTED_DOCUMENTS_FILE', trustedDocuments, problems);
  }
  // The built-in manifest holds the embedded demo page's operations only: pinned to it, every other client would be refused.
  if (trustedMode === 'only' && cognito.mode === 'remote' && trustedFiles.length === 0) {
    problems.push('TRUSTED_DOCUMENTS=only needs TRUSTED_DOCUMENTS_FILE (your frontends\' persisted-documents.json) with COGNITO_USER_POOL_ID: the built-in manifest holds only the embedded demo page\'s operations');
  }

  const config: Config = {
    cognito,
    clientIds: clientIds.length > 0 ? clientIds : null,
    adminGroup,
    host,
    port,
    maxConcurrency: int('COGNITO_MAX_CONCURRENCY', 10, 1, 1_000),
    cognitoTimeoutMs: int('COGNITO_TIMEOUT_MS', 5_000, 100, 120_000),
    poolCacheTtlMs: int('POOL_CACHE_TTL_MS', 30_000, 0, 86_400_000),
    meCacheTtlMs: int('ME_CACHE_TTL_MS', 5_000, 0, 3_600_000),
    authRecheckMs: int('AUTH_RECHECK_MS', 30_000, 1_000, 3_600_000),
    authRechecksPerSecond: int('AUTH_RECHECKS_PER_SECOND', 15, 1, 100_000),
    reconcileReadsPerSecond: int('RECONCILE_READS_PER_SECOND', cognito.mode === 'embedded' ? 10 : 20, 0, 10_000),
    reconcileIntervalMs: int('RECONCILE_INTERVAL_MS', cognito.mode === 'embedded' ? 3_000 : 60_000, 100, 86_400_000),
    ...(cloudTrailSecret ? { cloudTrailSecret } : {}),
    logLevel,
    quotas: {
      userRead: categorySetting('userRead', 120),
      userUpdate: categorySetting('userUpdate', 25),
      userResourceRead: categorySetting('userResourceRead', 50),
      userPoolRead: categorySetting('userPoolRead', 15),
      userPoolClientRead: categorySetting('userPoolClientRead', 15),
      userPoolUpdate: categorySetting('userPoolUpdate', 15),
      userList: categorySetting('userList', 30),
      explicit: explicitCategories,
      readProvisionedLimits: bool('QUOTA_READ_PROVISIONED_LIMITS', cognito.mode === 'remote' && cognito.endpoint === undefined),
      perUserRead: int('QUOTA_PER_USER_READS_PER_SECOND', 10, 1, 100_000),
      perUserWrite: int('QUOTA_PER_USER_WRITES_PER_SECOND', 10, 1, 100_000),
      codesPerUserPerHour: int('QUOTA_CODES_PER_USER_PER_HOUR', 5, 1, 100_000),
      verifyAttemptsPerUserPerHour: int('QUOTA_VERIFY_ATTEMPTS_PER_USER_PER_HOUR', 15, 1, 100_000),
      maxWaitMs: int('QUOTA_MAX_WAIT_MS', 250, 0, 60_000),
      callerSharePercent: int('QUOTA_CALLER_SHARE_PERCENT', 25, 1, 100),
      keyPrefix: quotaKeyPrefix,
    },
    requestLimits: {
      maxBodyBytes: int('MAX_BODY_BYTES', 102_400, 1_024, 104_857_600),
      maxBatch: int('MAX_BATCH', 10, 1, 1_000),
      maxDepth: int('MAX_DEPTH', 10, 2, 100),
      maxAliases: int('MAX_ALIASES', 15, 0, 1_000),
      maxTokens: int('MAX_TOKENS', 2_000, 100, 100_000),
      maxDirectives: int('MAX_DIRECTIVES', 20, 0, 1_000),
      maxCost: int('MAX_COST', 5_000, 10, 1_000_000),
    },
    holdLimits: {
      maxConnections: int('MAX_CONNECTIONS', 20_000, 1, 1_000_000),
      maxConnectionsPerClient: int('MAX_CONNECTIONS_PER_CLIENT', 1_000, 0, 1_000_000),
      headersTimeoutMs: int('HEADERS_TIMEOUT_MS', 10_000, 1_000, 300_000),
      requestTimeoutMs: int('REQUEST_TIMEOUT_MS', 30_000, 1_000, 3_600_000),
      maxSocketsPerUser: int('MAX_SOCKETS_PER_USER', 20, 1, 100_000),
      maxSubscriptionsPerSocket: int('MAX_SUBSCRIPTIONS_PER_SOCKET', 100, 1, 100_000),
      maxSubscriptionsPerUser: int('MAX_SUBSCRIPTIONS_PER_USER', 500, 1, 1_000_000),
      maxBufferedBytes: int('MAX_BUFFERED_BYTES', 4_194_304, 65_536, 1_073_741_824),
      stalledStreamMs: int('STALLED_STREAM_MS', 30_000, 1_000, 3_600_000),
      maxQueuedEvents: int('MAX_QUEUED_EVENTS', 100, 1, 1_024),
    },
    corsOrigins,
    introspection: bool('GRAPHQL_INTROSPECTION', !production),
    graphiql: bool('GRAPHIQL', !production),
    allowPublishedEmulatorKey: bool('ALLOW_PUBLISHED_EMULATOR_KEY', false),
    metrics: { enabled: bool('METRICS', true), token: metricsToken },
    trustedDocuments: { mode: trustedMode, files: trustedFiles, documents: trustedDocuments },
    ...(redisUrl ? { redisUrl } : {}),
    ...(redisFeedSecret ? { redisFeedSecret } : {}),
    feedRetention: retention(env.FEED_RETENTION, problems),
    maxOutboxEvents: int('MAX_OUTBOX_EVENTS', 10_000, 1, 1_000_000),
  };
  const traced = tracing(env, problems);
  if (traced) config.tracing = traced;
  if (config.holdLimits.headersTimeoutMs > config.holdLimits.requestTimeoutMs) {
    problems.push(`HEADERS_TIMEOUT_MS=${config.holdLimits.headersTimeoutMs} must not be more than REQUEST_TIMEOUT_MS=${config.holdLimits.requestTimeoutMs}`);
  }
  // A call waits for its quota inside its Cognito deadline: a wait as long
  // would turn every call over budget into a timeout.
  if (config.quotas.maxWaitMs >= config.cognitoTimeoutMs) {
    problems.push(`QUOTA_MAX_WAIT_MS=${config.quotas.maxWaitMs} must be less than COGNITO_TIMEOUT_MS=${config.cognitoTimeoutMs}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

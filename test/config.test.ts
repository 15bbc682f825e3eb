/**
 * The settings of API.md ("Running it"), read by `loadConfig(env)`: the
 * defaults, one ConfigError naming every bad variable, the embedded default
 * refusing a non-loopback HOST (its signing key is public), and `npm start`
 * stopping with exit code 2 on a bad setting, before anything starts.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const POOL = 'eu-west-1_AbC123';

/** The problems `loadConfig(env)` reports; fails the test when it accepts `env`. */
function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    // The message lists every problem, so an operator sees all of them at once.
    for (const problem of problems) expect((error as ConfigError).message).toContain(problem);
    return problems;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig defaults', () => {
  it('should run the embedded emulator on 127.0.0.1:4000 with admin group "admin" and every app client accepted when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      cognito: { mode: 'embedded', dataDir: '.data' },
      clientIds: null,
      adminGroup: 'admin',
      host: '127.0.0.1',
      port: 4000,
      maxConcurrency: 10,
      cognitoTimeoutMs: 5_000,
      poolCacheTtlMs: 30_000,
      meCacheTtlMs: 5_000,
      authRecheckMs: 30_000,
      authRechecksPerSecond: 15,
      reconcileReadsPerSecond: 10,
      reconcileIntervalMs: 3_000,
      feedRetention: { ageMs: 86_400_000, count: 10_000 },
      maxOutboxEvents: 10_000,
      logLevel: 'info',
      quotas: {
        userRead: 120,
        userUpdate: 25,
        userResourceRead: 50,
        userPoolRead: 15,
        userPoolClientRead: 15,
        userPoolUpdate: 15,
        userList: 30,
        explicit: [],
        readProvisionedLimits: false,
        perUserRead: 10,
        perUserWrite: 10,
        codesPerUserPerHour: 5,
        verifyAttemptsPerUserPerHour: 15,
        maxWaitMs: 250,
        callerSharePercent: 25,
        keyPrefix: 'cognito-quotas',
      },
      requestLimits: { maxBodyBytes: 102_400, maxBatch: 10, maxDepth: 10, maxAliases: 15, maxTokens: 2_000, maxDirectives: 20, maxCost: 5_000 },
      holdLimits: {
        maxConnections: 20_000,
        maxConnectionsPerClient: 1_000,
        headersTimeoutMs: 10_000,
        requestTimeoutMs: 30_000,
        maxSocketsPerUser: 20,
        maxSubscriptionsPerSocket: 100,
        maxSubscriptionsPerUser: 500,
        maxBufferedBytes: 4_194_304,
        stalledStreamMs: 30_000,
        maxQueuedEvents: 100,
      },
      corsOrigins: null,
      introspection: true,
      graphiql: true,
      allowPublishedEmulatorKey: false,
      metrics: { enabled: true, token: null },
      // The demo page's manifest (test/trusted-documents.test.ts tests the setting).
      trustedDocuments: { mode: 'allow', files: [], documents: expect.any(Map) },
    });
    expect(config.redisUrl).toBeUndefined();
  });

  it('should keep the embedded data under DATA_DIR and accept PORT=0 (a free port)', () => {
    const config = loadConfig({ DATA_DIR: '/tmp/somewhere', PORT: '0' });
    expect(config.cognito).toEqual({ mode: 'embedded', dataDir: '/tmp/somewhere' });
    expect(config.port).toBe(0);
  });

  it('should read the remote settings: pools, clients, admin group, Redis, limits', () => {
    const config = loadConfig({
      COGNITO_USER_POOL_ID: POOL,
      COGNITO_CLIENT_IDS: 'client1, client2',
      COGNITO_ADMIN_GROUP: 'operators',
      REDIS_URL: 'redis://cache:6379',
      HOST: '0.0.0.0',
      PORT: '8080',
      COGNITO_MAX_CONCURRENCY: '4',
      COGNITO_TIMEOUT_MS: '2000',
      POOL_CACHE_TTL_MS: '0',
      ME_CACHE_TTL_MS: '250',
      AUTH_RECHECK_MS: '5000',
      LOG_LEVEL: 'warn',
    });
    expect(config.authRecheckMs).toBe(5_000);
    expect(config).toMatchObject({
      cognito: { mode: 'remote', defaultPoolId: POOL, poolIds: [POOL], region: 'eu-west-1' },
      clientIds: ['client1', 'client2'],
      adminGroup: 'operators',
      redisUrl: 'redis://cache:6379',
      host: '0.0.0.0',
      port: 8080,
      maxConcurrency: 4,
      cognitoTimeoutMs: 2_000,
      poolCacheTtlMs: 0,
      meCacheTtlMs: 250,
      logLevel: 'warn',
    });
  });

  it('should turn introspection and GraphiQL off when NODE_ENV=production, unless explicitly enabled', () => {
    expect(loadConfig({ NODE_ENV: 'production', COGNITO_USER_POOL_ID: POOL })).toMatchObject({ introspection: false, graphiql: false });
    expect(loadConfig({ NODE_ENV: 'production', COGNITO_USER_POOL_ID: POOL, GRAPHQL_INTROSPECTION: 'true', GRAPHIQL: '1' })).toMatchObject({
      introspection: true,
      graphiql: true,
    });
    expect(() => loadConfig({ GRAPHIQL: 'maybe' })).toThrow(/GRAPHIQL="maybe" must be true or false/);
  });

  it('should accept CORS_ORIGINS as exact origins (or *) and refuse anything else', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' }).corsOrigins).toEqual([
      'https://app.example.com',
      'http://localhost:5173',
    ]);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://app.example.com/path' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ CORS_ORIGINS: 'app.example.com' })).toThrow(/CORS_ORIGINS/);
  });

  it('should derive the region from the pool id when AWS_REGION is unset, and prefer AWS_REGION when set', () => {
    const derived = loadConfig({ COGNITO_USER_POOL_ID: 'ap-southeast-2_Xyz789' });
    expect(derived.cognito).toMatchObject({ mode: 'remote', region: 'ap-southeast-2' });
    const explicit = loadConfig({ COGNITO_USER_POOL_ID: 'ap-southeast-2_Xyz789', AWS_REGION: 'us-west-2' });
    expect(explicit.cognito).toMatchObject({ mode: 'remote', region: 'us-west-2' });
  });

  it('should list the default pool first in COGNITO_USER_POOL_IDS, once', () => {
    const config = loadConfig({ COGNITO_USER_POOL_ID: POOL, COGNITO_USER_POOL_IDS: 'eu-west-1_Other1, eu-west-1_AbC123,eu-west-1_Other2' });
    expect(config.cognito).toMatchObject({ mode: 'remote', defaultPoolId: POOL, poolIds: [POOL, 'eu-west-1_Other1', 'eu-west-1_Other2'] });
    const alone = loadConfig({ COGNITO_USER_POOL_ID: POOL, COGNITO_USER_POOL_IDS: 'eu-west-1_Other1' });
    expect(alone.cognito).toMatchObject({ poolIds: [POOL, 'eu-west-1_Other1'] });
  });

  it('should use COGNITO_ENDPOINT without a trailing slash, for an emulator', () => {
    const config = loadConfig({ COGNITO_USER_POOL_ID: 'local_AbC123', COGNITO_ENDPOINT: 'http://127.0.0.1:9229/', AWS_REGION: 'us-east-1' });
    expect(config.cognito).toEqual({
      mode: 'remote',
      defaultPoolId: 'local_AbC123',
      poolIds: ['local_AbC123'],
      adminPools: { local_AbC123: ['local_AbC123'] },
      endpoint: 'http://127.0.0.1:9229',
      region: 'us-east-1',
    });
  });
});

describe('the change feed settings', () => {
  it('should read FEED_RETENTION as an age, a count or both, keeping the default of what is not given', () => {
    expect(loadConfig({ FEED_RETENTION: '30m' }).feedRetention).toEqual({ ageMs: 1_800_000, count: 10_000 });
    expect(loadConfig({ FEED_RETENTION: '5000' }).feedRetention).toEqual({ ageMs: 86_400_000, count: 5_000 });
    expect(loadConfig({ FEED_RETENTION: '7d, 250000' }).feedRetention).toEqual({ ageMs: 604_800_000, count: 250_000 });
  });

  it('should re-read every minute at 20 reads a second against a real Cognito, every 3 s at 10 in the embedded default', () => {
    const remote = loadConfig({ COGNITO_USER_POOL_ID: POOL });
    expect([remote.reconcileIntervalMs, remote.reconcileReadsPerSecond, remote.cloudTrailSecret]).toEqual([60_000, 20, undefined]);
    expect(loadConfig({ COGNITO_USER_POOL_ID: POOL, CLOUDTRAIL_SECRET: 'a-secret-long-enough-0123' }).cloudTrailSecret).toBe('a-secret-long-enough-0123');
  });
});

describe('loadConfig refusals', () => {
  it.each([
    ['PORT', { PORT: 'http' }],
    ['PORT', { PORT: '65536' }],
    ['PORT', { PORT: '-1' }],
    ['PORT', { PORT: '80.5' }],
    ['COGNITO_USER_POOL_ID', { COGNITO_USER_POOL_ID: 'eu-west-1_Bad!' }],
    ['COGNITO_USER_POOL_IDS', { COGNITO_USER_POOL_ID: POOL, COGNITO_USER_POOL_IDS: 'eu-west-1_Fine1,bad pool' }],
    ['COGNITO_USER_POOL_IDS', { COGNITO_USER_POOL_IDS: POOL }],
    ['COGNITO_ENDPOINT', { COGNITO_USER_POOL_ID: POOL, COGNITO_ENDPOINT: 'ftp://127.0.0.1:9229' }],
    ['COGNITO_ENDPOINT', { COGNITO_USER_POOL_ID: POOL, COGNITO_ENDPOINT: 'not a url' }],
    ['COGNITO_ENDPOINT', { COGNITO_ENDPOINT: 'http://127.0.0.1:9229' }],
    ['COGNITO_CLIENT_IDS', { COGNITO_CLIENT_IDS: 'good1,not/a/client' }],
    ['REDIS_URL', { REDIS_URL: 'http://cache:6379' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['COGNITO_MAX_CONCURRENCY', { COGNITO_MAX_CONCURRENCY: '0' }],
    ['COGNITO_TIMEOUT_MS', { COGNITO_TIMEOUT_MS: 'soon' }],
    ['POOL_CACHE_TTL_MS', { POOL_CACHE_TTL_MS: '-5' }],
    ['AWS_REGION', { COGNITO_USER_POOL_ID: POOL, AWS_REGION: 'Mars' }],
    ['FEED_RETENTION', { FEED_RETENTION: 'forever' }],
    ['FEED_RETENTION', { FEED_RETENTION: '0' }],
    ['FEED_RETENTION', { FEED_RETENTION: '90d' }],
    ['FEED_RETENTION', { FEED_RETENTION: '24h,lots' }],
    ['MAX_OUTBOX_EVENTS', { MAX_OUTBOX_EVENTS: '0' }],
    ['RECONCILE_READS_PER_SECOND', { RECONCILE_READS_PER_SECOND: '-1' }],
    ['RECONCILE_INTERVAL_MS', { RECONCILE_INTERVAL_MS: '10' }],
    ['CLOUDTRAIL_SECRET', { CLOUDTRAIL_SECRET: 'short' }],
  ] satisfies [string, NodeJS.ProcessEnv][])('should refuse a bad %s with a ConfigError naming it: %j', (variable, env) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(variable);
  });

  it('should list every bad value in one error, not just the first', () => {
    const problems = problemsOf({
      PORT: 'x',
      COGNITO_USER_POOL_ID: 'eu-west-1_Bad!',
      COGNITO_ENDPOINT: 'nope',
      REDIS_URL: 'memcached://x',
      LOG_LEVEL: 'chatty',
      COGNITO_MAX_CONCURRENCY: '0',
    });
    for (const variable of ['PORT', 'COGNITO_USER_POOL_ID', 'COGNITO_ENDPOINT', 'REDIS_URL', 'LOG_LEVEL', 'COGNITO_MAX_CONCURRENCY']) {
      expect(problems.some((p) => p.startsWith(variable)), `${variable} in ${JSON.stringify(problems)}`).toBe(true);
    }
    expect(problems).toHaveLength(6);
  });

  it('should refuse the embedded emulator on a non-loopback HOST, because its signing key is public', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.com']) {
      const problems = problemsOf({ HOST: host });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain(`HOST=${host}`);
      expect(problems[0]).toMatch(/signing key is public/);
    }
  });

  it('should let the embedded emulator listen on each loopback address', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1']) {
      expect(loadConfig({ HOST: host }).host).toBe(host);
    }
  });

  it('should accept HOST=0.0.0.0 with a COGNITO_USER_POOL_ID (a real Cognito)', () => {
    const config = loadConfig({ HOST: '0.0.0.0', COGNITO_USER_POOL_ID: POOL });
    expect(config.host).toBe('0.0.0.0');
    expect(config.cognito.mode).toBe('remote');
  });
});

describe('npm start', () => {
  it('should exit with code 2 and name HOST on stderr when the embedded default is asked to listen on 0.0.0.0, before starting anything', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'config-start-'));
    try {
      // Only what node needs from the parent's environment: no Cognito settings leak in.
      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '0.0.0.0', DATA_DIR: dataDir, PORT: '0' };
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: join(import.meta.dirname, '..'), env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const code = await new Promise<number | null>((resolve, reject) => {
        child.once('error', reject);
        child.once('close', (exitCode) => resolve(exitCode));
      });
      clearTimeout(killer);
      expect(code, `stdout: ${stdout}\nstderr: ${stderr}`).toBe(2);
      expect(stderr).toContain('Invalid configuration');
      expect(stderr).toContain('HOST=0.0.0.0');
      expect(stdout).not.toContain('GraphiQL');
      // The emulator never started: it wrote nothing to the data directory.
      expect(await readdir(dataDir)).toEqual([]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

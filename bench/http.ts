/**
 * The HTTP benchmarks (issue 5): what the facade costs on top of its two
 * limits, measured in the same run on the same machine.
 *
 * Baselines:
 * 1. the stack's limit — a bare graphql-yoga server answering `{ hello }`
 *    (bench/baseline-yoga.ts);
 * 2. the upstream's limit — the AWS SDK calling the Cognito stub directly,
 *    GetUser, no GraphQL (bench/baseline-sdk.ts; that process is its own
 *    load generator).
 *
 * The facade's ideal for `me` is their composition, 1 / (1/yoga + 1/SDK)
 * requests per second at the same concurrency: what a server would do if a
 * request cost exactly one yoga request plus one SDK call of CPU (or, at
 * concurrency 1, of time).
 *
 * Scenarios, each at the upstream delays of the plan (0 and 20 ms; the
 * Cognito stub runs as a child process, bench/stub-cognito-server.ts, and
 * its delay is changed between phases):
 * - `me` without caching (ME_CACHE_TTL_MS=0), tokens of many users
 *   round-robin: req/s ÷ composition, latency ÷ the SDK's, GetUser calls
 *   per request (must be 1);
 * - `me` with the per-user cache (ME_CACHE_TTL_MS=60000), a small set of
 *   users repeating: req/s ÷ yoga's, Cognito calls per 100 requests;
 * - added latency at concurrency 1: the facade's p50 − the SDK's p50;
 * - `users` with 100 names, 50 distinct, as an administrator: AdminGetUser
 *   calls per request (must be 50) and the median wall time against
 *   ceil(50 / COGNITO_MAX_CONCURRENCY) × delay;
 * - `updateMyAttributes`: req/s, latency, Cognito calls per request by
 *   operation;
 * - `me` sent by its hash (TRUSTED_DOCUMENTS, `extensions.persistedQuery`)
 *   between two runs of the same `me` as text, on the same service: req/s
 *   and latency ÷ the mean of the text's (the effect of trusted documents).
 *
 * Load: autocannon in this process at concurrency > 1 (bench/lib/http-load.ts),
 * one request at a time over a keep-alive socket at concurrency 1. Every
 * answer is checked; a run with failures is reported as such and meets no
 * target.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { closedLoop, sequential, type LoadResult, type RequestFor } from './lib/http-load.js';
import { Child, cpuSeconds, freePort, machineCpuSeconds, NO_QUOTAS, ROOT, rssBytes, sleep, startService } from './lib/processes.js';
import type { BenchRow, GroupResult, TargetResult } from './lib/report.js';
import { ratio, repeated, runsCell, runUntilAgreed, summarize, type Percentiles } from './lib/stats.js';

/** How much and how long. */
export interface HttpBenchOptions {
  /** Concurrencies (connections) of the `me` scenarios and the baselines; 1 is a sequential loop. */
  connections: number[];
  /** Concurrencies of `me` with the cache. */
  cachedConnections: number[];
  /** Concurrencies of `updateMyAttributes`; empty skips it. */
  updateConnections: number[];
  /** Concurrencies of the bare yoga baseline (the composition needs it at each `me` concurrency). */
  yogaConnections: number[];
  /** Upstream delays (ms) of the throughput scenarios. */
  delays: number[];
  /** Upstream delays (ms) of the `users` check. */
  usersDelays: number[];
  /** Measured seconds per phase. */
  durationS: number;
  /** Measured seconds per phase at concurrency 1. */
  sequentialDurationS: number;
  /** Unmeasured seconds before the first phase of a server and scenario (JIT warm-up). */
  warmupS: number;
  /** Unmeasured seconds before each later phase (new connections, another concurrency). */
  settleS: number;
  /** Measured `users` requests per delay. */
  usersRequests: number;
  /** Unmeasured `users` requests before them. */
  usersWarmup: number;
  /** Distinct users of `me` without cache (tokens round-robin). */
  meUsers: number;
  /** Distinct users of `me` with the cache, per phase (a fresh set each phase, so each starts cold). */
  cachedUsers: number;
  /** Runs of each target's `me` phase at most (the two around `me` by hash count), until two agree within 10 %. */
  repeats: number;
  /** Extra environment of the service, e.g. COGNITO_MAX_CONCURRENCY. */
  serviceEnv: Record<string, string>;
  cpuProfDir?: string;
  serviceRoot?: string;
  log: (message: string) => void;
}

const HELLO = /* GraphQL */ `query BenchHello { hello }`;
const ME = /* GraphQL */ `query BenchMe { me { username attributes { name value } } }`;
const UPDATE = /* GraphQL */ `mutation BenchUpdate($value: String!) {
  updateMyAttributes(input: { attributes: [{ name: "custom:plan", value: $value }] }) { user { username attributes { name value } } }
}`;
const HELLO_BODY = JSON.stringify({ query: HELLO });
const ME_BODY = JSON.stringify({ query: ME });
/** The same `me` by its hash, from a manifest of the benchmark's own (TRUSTED_DOCUMENTS_FILE). */
const ME_HASH = createHash('sha256').update(ME).digest('hex');
const ME_BY_HASH_BODY = JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: ME_HASH } } });
const USERS = /* GraphQL */ `query BenchUsers($usernames: [String!]!) { users(usernames: $usernames) { username attributes { name value } } }`;

const TARGET_ME_VS_COMPOSITION = 0.8;
const TARGET_CACHED_VS_YOGA = 0.8;
const TARGET_CACHED_CALLS_PER_100 = 1;
const TARGET_ADDED_LATENCY_MS = 1;
const TARGET_USERS_SLACK = 1.3;
const USERS_NAMES = 100;
const USERS_DISTINCT = 50;

/** CPU and memory over one measured phase. */
interface PhaseStats {
  wallS: number;
  /** % of one core. */
  cpu: { server: number; stub: number; gen: number; other: number; steal: number };
  /** Peak RSS of the server measured (sampled every 100 ms), MiB. */
  peakRssMiB: number;
  /** The busiest other processes during the phase (≥ 5 % of a core), with their command line. */
  otherTop: { command: string; percent: number }[];
}

/** One measured phase against a server. */
interface Measured {
  load: LoadResult;
  phase: PhaseStats;
  /** Cognito calls during the phase, by operation. */
  calls: Record<string, number>;
  /** … per answered request. */
  perRequest: Record<string, number>;
  /** Different access tokens GetUser saw in the phase. */
  distinctTokens?: number;
  /** Cognito calls during the unmeasured warm-up (e.g. the cache filling). */
  warmupCalls?: Record<string, number>;
}

/** What bench/baseline-sdk.ts prints. */
type SdkEvent =
  | { event: 'ready' | 'done' | 'measure' }
  | { event: 'failed'; error: string }
  | { event: 'result'; concurrency: number; requests: number; errors: number; errorSamples: string[]; wallS: number; rps: number; latency: Percentiles };

/** One `users` check. */
interface UsersMeasured {
  delayMs: number;
  cap: number;
  idealMs: number;
  wall: Percentiles;
  wallMs: number[];
  /** AdminGetUser calls of each measured request. */
  adminGetUserCalls: number[];
  otherCalls: Record<string, number>;
  failures: string[];
}

const MiB = 2 ** 20;
const key = (delay: number, c: number) => `${delay}/${c}`;
const diffCalls = (after: Record<string, number>, before: Record<string, number>) =>
  Object.fromEntries(Object.entries(after).map(([op, n]) => [op, n - (before[op] ?? 0)]).filter(([, n]) => (n as number) > 0)) as Record<string, number>;
const perRequest = (calls: Record<string, number>, requests: number) =>
  Object.fromEntries(Object.entries(calls).map(([op, n]) => [op, requests > 0 ? n / requests : Number.NaN]));
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
/** Every env a child needs and nothing of the benchmark's own environment. */
/** CPU seconds so far and the command line of every process (/proc). */
function processCpu(): Map<number, { cpu: number; command: string }> {
  const out = new Map<number, { cpu: number; command: string }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ').slice(0, 120);
      out.set(pid, { cpu: cpuSeconds(pid), command });
    } catch {
      // gone
    }
  }
  return out;
}
const baseEnv = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production' });

/** Runs the HTTP benchmarks; see the module's documentation. */
export async function runHttpBenchmarks(options: HttpBenchOptions): Promise<GroupResult> {
  const { log } = options;
  const cap = Number(options.serviceEnv.COGNITO_MAX_CONCURRENCY ?? 10);
  const cachedSets = options.delays.length * options.cachedConnections.length;
  const stubUsers = Math.max(options.meUsers, USERS_DISTINCT) + cachedSets * options.cachedUsers;
  const rows: BenchRow[] = [];
  const targets: TargetResult[] = [];
  const notes: string[] = [];
  const children: Child[] = [];
  const tokensFile = join(tmpdir(), `bench-http-tokens-${process.pid}.json`);
  const documentsFile = join(tmpdir(), `bench-http-documents-${process.pid}.json`);
  writeFileSync(documentsFile, JSON.stringify({ [`sha256:${ME_HASH}`]: ME }));

  // --- processes -----------------------------------------------------------
  // The stub's ports and pool id are chosen here, so the services (the slowest to boot) start at the same time as the stub.
  const [stubPort, controlPort] = [await freePort(), await freePort()];
  const stub = { url: `http://127.0.0.1:${stubPort}`, poolId: `us-east-1_BenchH${randomBytes(3).toString('hex')}` };
  const control = `http://127.0.0.1:${controlPort}`;
  const serviceFor = (name: string, meCacheTtlMs: number, env: Record<string, string> = {}) =>
    startService({
      name,
      cognitoUrl: stub.url,
      poolId: stub.poolId,
      env: { ...NO_QUOTAS, ME_CACHE_TTL_MS: String(meCacheTtlMs), ...env, ...options.serviceEnv },
      ...(options.cpuProfDir ? { cpuProfDir: options.cpuProfDir } : {}),
      ...(options.serviceRoot ? { root: options.serviceRoot } : {}),
    });
  log(`HTTP: starting the Cognito stub (${stubUsers} users), the two baselines, the service twice (ME_CACHE_TTL_MS=0 and 60000); minting tokens`);
  const stubStarted = spawnChild('cognito stub', 'bench/stub-cognito-server.ts', control, {
    PORT: String(stubPort),
    CONTROL_PORT: String(controlPort),
    STUB_POOL_ID: stub.poolId,
    STUB_USERS: String(stubUsers),
    STUB_ADMINS: '1',
  });
  const cachedStart = Math.max(options.meUsers, USERS_DISTINCT);
  const tokensMinted = stubStarted.then(() =>
    Promise.all([
      mint(Array.from({ length: options.meUsers }, (_, i) => username(i))),
      mint(Array.from({ length: cachedSets * options.cachedUsers }, (_, i) => username(cachedStart + i))),
      mint(['a00000']),
    ]),
  );
  const yogaPort = await freePort();
  let onSdkEvent: ((event: SdkEvent) => void) | undefined;
  const [stubChild, sdkChild, yoga, plain, cached, [meTokens, cachedTokens, [adminToken]]] = await Promise.all([
    stubStarted,
    startSdkBaseline(),
    spawnChild('yoga baseline', 'bench/baseline-yoga.ts', `http://127.0.0.1:${yogaPort}`, { PORT: String(yogaPort) }),
    serviceFor('service (no me cache)', 0, { TRUSTED_DOCUMENTS_FILE: documentsFile }),
    serviceFor('service (me cache 60 s)', 60_000),
    tokensMinted,
  ]);
  children.push(stubChild, sdkChild, yoga, plain, cached);
  writeFileSync(tokensFile, JSON.stringify(meTokens));

  const yogaRuns = new Map<number, Measured>();
  const sdkRuns = new Map<string, Measured>();
  const meRuns = new Map<string, Measured>();
  const meByHashRuns = new Map<string, Measured>();
  /** `me` as text again right after each `me` by hash. */
  const meAgainRuns = new Map<string, Measured>();
  /** Every run of `me` without cache where a target is read (upstream 0 ms; c = the highest and 1), until two agree. */
  const meTargetRuns = new Map<string, Measured[]>();
  /** A service of an older tree (--service-root) may not take documents by hash: then the scenario is left out. */
  let byHash = false;
  const cachedRuns = new Map<string, Measured>();
  const updateRuns = new Map<string, Measured>();
  const usersRuns = new Map<number, UsersMeasured>();
  /** Server/scenario pairs already warmed up: later phases only settle. */
  const warmed = new Set<string>();
  let cachedSet = 0;
  let currentDelay = 0;

  try {
    const probe = await fetch(`${plain.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${meTokens[0]}` },
      body: ME_BY_HASH_BODY,
    });
    byHash = verifyMe(await probe.text());
    if (!byHash) notes.push('HTTP: the service measured does not run `me` by its hash (TRUSTED_DOCUMENTS): that scenario was left out.');
    const runUsers = async (delay: number) => {
      await setDelay(delay);
      log(`HTTP: users(${USERS_NAMES} names, ${USERS_DISTINCT} distinct), upstream ${delay} ms`);
      usersRuns.set(delay, await usersCheck(delay));
    };
    for (const delay of options.delays) {
      await setDelay(delay);
      log(`HTTP: upstream delay ${delay} ms: SDK direct at c=${options.connections.join(',')}`);
      for (const [c, run] of await sdkBaseline(options.connections)) sdkRuns.set(key(delay, c), run);
      for (const c of options.connections) {
        if (options.yogaConnections.includes(c) && !yogaRuns.has(c)) {
          yogaRuns.set(c, await measure('yoga', yoga, c, { body: () => HELLO_BODY, verify: (b) => b === '{"data":{"hello":"world"}}' }));
        }
        const meRequest = { body: () => ME_BODY, verify: verifyMe, tokens: meTokens };
        meRuns.set(key(delay, c), await measure('me', plain, c, meRequest, { distinct: true }));
        if (byHash) {
          // Text, hash, text again: the hash is compared with the mean of the text runs on either side, so neither gains from the process warming up.
          meByHashRuns.set(key(delay, c), await measure('me by hash', plain, c, { ...meRequest, body: () => ME_BY_HASH_BODY }, { distinct: true }));
          meAgainRuns.set(key(delay, c), await measure('me', plain, c, meRequest, { distinct: true }));
        }
        if (delay === 0 && (c === Math.max(...options.connections) || c === 1)) {
          // The target's figure: req/s at the highest c, p50 at c=1 (the added latency).
          const metric = c === 1 ? (r: Measured) => r.load.latency.p50 : (r: Measured) => r.load.rps;
          const first = [meRuns.get(key(delay, c))!, ...(meAgainRuns.has(key(delay, c)) ? [meAgainRuns.get(key(delay, c))!] : [])];
          meTargetRuns.set(key(delay, c), await runUntilAgreed(() => measure('me', plain, c, meRequest, { distinct: true }), [metric], { max: Math.max(options.repeats, first.length), first }));
        }
        if (options.cachedConnections.includes(c)) {
          const set = cachedTokens.slice(cachedSet * options.cachedUsers, ++cachedSet * options.cachedUsers);
          cachedRuns.set(key(delay, c), await measure('me cached', cached, c, { ...meRequest, tokens: set }, { countWarmup: true, fullWarmup: true, touchAll: true }));
        }
      }
      for (const c of options.updateConnections) {
        updateRuns.set(
          key(delay, c),
          await measure('update', plain, c, {
            body: (i) => JSON.stringify({ query: UPDATE, variables: { value: `plan-${i % 10}` } }),
            verify: (b) => b.startsWith('{"data":{"updateMyAttributes":{"user":{"username":') && !b.includes('"errors"'),
            tokens: meTokens,
          }),
        );
      }
      if (options.usersDelays.includes(delay)) await runUsers(delay);
    }
    for (const delay of options.usersDelays) if (!usersRuns.has(delay)) await runUsers(delay);
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    rmSync(tokensFile, { force: true });
    rmSync(documentsFile, { force: true });
    for (const child of [plain, cached]) {
      const problems = child.output.filter((line) => /"level":(4|5|6)0/.test(line) || /error/i.test(line));
      if (problems.length > 0) {
        log(`${child.name} logged ${problems.length} warnings/errors, e.g. ${problems[0]!.slice(0, 300)}`);
        notes.push(`${child.name} logged ${problems.length} warnings/errors, e.g. \`${problems[0]!.slice(0, 200)}\``);
      }
    }
  }

  // --- rows and targets ----------------------------------------------------
  const maxC = Math.max(...options.connections);
  const failedRuns: string[] = [];
  const errorsOf = (name: string, m: Measured | undefined) => {
    if (!m) return 0;
    if (m.load.failed > 0) failedRuns.push(`${name}: ${m.load.failed} failed of ${m.load.ok + m.load.failed}, e.g. ${m.load.failureSamples[0] ?? '?'}`);
    return m.load.failed;
  };
  const composition = (c: number, delay: number, calls = 1) => {
    const y = yogaRuns.get(c)?.load.rps;
    const s = sdkRuns.get(key(delay, c))?.load.rps;
    return y && s ? 1 / (1 / y + calls / s) : undefined;
  };
  /** CPU ms of the server measured per answered request (the SDK baseline: per call, its own generator included). */
  const cpuPerRequest = (m: Measured | undefined) => (m && m.load.rps > 0 ? (m.phase.cpu.server * 10) / m.load.rps : Number.NaN);
  /** The composition's CPU per request: one yoga request plus `calls` direct SDK calls. */
  const compositionCpu = (c: number, delay: number, calls = 1) => cpuPerRequest(yogaRuns.get(c)) + calls * cpuPerRequest(sdkRuns.get(key(delay, c)));
  const common = (m: Measured) => ({
    rps: m.load.rps,
    p50: m.load.latency.p50,
    p99: m.load.latency.p99,
    cpu: m.phase.cpu,
    peakRssMiB: m.phase.peakRssMiB,
  });
  /** The CPU columns of a row: `value` ms per request (one run's, or over a target's runs) against `base`. */
  const cpuAgainst = (value: number, base: number) => ({
    cpuPer: { value, ...(Number.isFinite(base) ? { base } : {}), unit: 'request' },
    ...(Number.isFinite(base) ? { ratioCpu: ratio(value, base) } : {}),
  });
  const variant = (delay: number) => `upstream ${delay} ms`;

  for (const c of options.connections) {
    const y = yogaRuns.get(c);
    if (!y) continue;
    rows.push({ scenario: 'yoga `{ hello }` (baseline 1)', variant: 'no upstream', n: `c=${c}`, ...common(y), cpuPer: { value: cpuPerRequest(y), unit: 'request' }, errors: errorsOf(`yoga c=${c}`, y) });
  }
  for (const delay of options.delays) {
    for (const c of options.connections) {
      const s = sdkRuns.get(key(delay, c));
      if (!s) continue;
      rows.push({ scenario: 'SDK GetUser direct (baseline 2)', variant: variant(delay), n: `c=${c}`, ...common(s), cpuPer: { value: cpuPerRequest(s), unit: 'call' }, errors: errorsOf(`SDK c=${c} ${delay} ms`, s) });
    }
  }
  for (const delay of options.delays) {
    for (const c of options.connections) {
      const m = meRuns.get(key(delay, c));
      if (!m) continue;
      const s = sdkRuns.get(key(delay, c));
      const comp = composition(c, delay);
      const targetRuns = meTargetRuns.get(key(delay, c));
      let errors = errorsOf(`me c=${c} ${delay} ms`, m);
      for (const extra of targetRuns?.slice(1) ?? []) if (extra !== meAgainRuns.get(key(delay, c))) errors += errorsOf(`me again c=${c} ${delay} ms`, extra);
      // Where a target is read, its figure over the runs (the agreeing pair's mean, else the median).
      const rpsRuns = targetRuns && repeated(targetRuns.map((r) => r.load.rps));
      const p50Runs = targetRuns && repeated(targetRuns.map((r) => r.load.latency.p50));
      const rps = c === 1 || !rpsRuns ? m.load.rps : rpsRuns.value;
      const p50 = c === 1 && p50Runs ? p50Runs.value : m.load.latency.p50;
      const row: BenchRow = {
        scenario: '`me`, no cache',
        variant: variant(delay),
        n: `c=${c}`,
        ...common(m),
        rps,
        p50,
        errors,
        ...(comp ? { baseline: 'composition', baselineRps: comp, ratioRps: ratio(rps, comp) } : { baseline: 'SDK (latency)' }),
        ...(s ? { baselineP50: s.load.latency.p50, baselineP99: s.load.latency.p99, ratioP50: ratio(p50, s.load.latency.p50), ratioP99: ratio(m.load.latency.p99, s.load.latency.p99) } : {}),
        // Where a target is read, the CPU per request over its runs, as the req/s and p50 are.
        ...cpuAgainst(targetRuns ? repeated(targetRuns.map(cpuPerRequest)).value : cpuPerRequest(m), compositionCpu(c, delay)),
        ...(targetRuns ? { runs: runsCell(c === 1 ? p50Runs : rpsRuns) } : {}),
        callsPerRequest: m.perRequest,
        ...basePeak(c),
      };
      if (targetRuns && targetRuns.length > 1) {
        notes.push(
          c === 1
            ? `HTTP: \`me\` no cache at c=1, upstream 0 ms: ${targetRuns.length} runs, p50 ${targetRuns.map((r) => r.load.latency.p50.toFixed(3)).join(', ')} ms (the added latency uses ${p50.toFixed(3)}).`
            : `HTTP: \`me\` no cache at c=${c}, upstream 0 ms: ${targetRuns.length} runs, ${targetRuns.map((r) => r.load.rps.toFixed(0)).join(', ')} req/s (the ratio uses ${rps.toFixed(0)}); CPU per request ${targetRuns.map((r) => (cpuPerRequest(r) * 1000).toFixed(0)).join(', ')} µs against the composition's ${(compositionCpu(c, delay) * 1000).toFixed(0)} µs.`,
        );
      }
      const getUser = m.perRequest.GetUser ?? 0;
      if (delay === 0 && c === maxC && comp) {
        const r = rps / comp;
        const met = r >= TARGET_ME_VS_COMPOSITION && errors === 0;
        row.target = `≥ ${TARGET_ME_VS_COMPOSITION}× composition, 1 GetUser/req`;
        row.met = met && Math.abs(getUser - 1) < 0.01;
        targets.push({ name: `HTTP: me without cache, c=${c}, upstream 0 ms: req/s ÷ composition of yoga and SDK`, measured: round(r), target: `≥ ${TARGET_ME_VS_COMPOSITION}`, unit: '×', met });
        targets.push({ name: 'HTTP: me without cache: GetUser calls per request', measured: round(getUser, 3), target: '= 1', unit: 'calls', met: Math.abs(getUser - 1) < 0.01 && errors === 0 });
      }
      if (delay === 0 && c === 1 && s) {
        const added = p50 - s.load.latency.p50;
        const met = added < TARGET_ADDED_LATENCY_MS && errors === 0 && s.load.failed === 0;
        row.target = `p50 − SDK p50 < ${TARGET_ADDED_LATENCY_MS} ms (${added.toFixed(2)})`;
        row.met = met;
        targets.push({ name: 'HTTP: added latency at c=1, upstream 0 ms (facade me p50 − SDK GetUser p50)', measured: round(added, 3), target: `< ${TARGET_ADDED_LATENCY_MS}`, unit: 'ms', met });
      }
      rows.push(row);
      const h = meByHashRuns.get(key(delay, c));
      const again = meAgainRuns.get(key(delay, c));
      if (h && again) {
        const text = { rps: (m.load.rps + again.load.rps) / 2, p50: (m.load.latency.p50 + again.load.latency.p50) / 2, p99: (m.load.latency.p99 + again.load.latency.p99) / 2 };
        rows.push({
          scenario: '`me` by hash, no cache',
          variant: variant(delay),
          n: `c=${c}`,
          ...common(h),
          errors: errorsOf(`me by hash c=${c} ${delay} ms`, h) + errorsOf(`me again c=${c} ${delay} ms`, again),
          baseline: '`me` as text (mean of the runs before and after)',
          baselineRps: text.rps,
          ratioRps: ratio(h.load.rps, text.rps),
          baselineP50: text.p50,
          baselineP99: text.p99,
          ratioP50: ratio(h.load.latency.p50, text.p50),
          ratioP99: ratio(h.load.latency.p99, text.p99),
          callsPerRequest: h.perRequest,
        });
      }
    }
  }
  for (const delay of options.delays) {
    for (const c of options.cachedConnections) {
      const m = cachedRuns.get(key(delay, c));
      if (!m) continue;
      const y = yogaRuns.get(c);
      const errors = errorsOf(`me cached c=${c} ${delay} ms`, m);
      const calls = Object.values(m.calls).reduce((a, b) => a + b, 0);
      const per100 = (calls / Math.max(1, m.load.ok + m.load.failed)) * 100;
      const row: BenchRow = {
        scenario: `\`me\`, cache on (${options.cachedUsers} users)`,
        variant: variant(delay),
        n: `c=${c}`,
        ...common(m),
        errors,
        ...(y
          ? {
              baseline: 'yoga',
              baselineRps: y.load.rps,
              ratioRps: ratio(m.load.rps, y.load.rps),
              baselineP50: y.load.latency.p50,
              baselineP99: y.load.latency.p99,
              ratioP50: ratio(m.load.latency.p50, y.load.latency.p50),
              ratioP99: ratio(m.load.latency.p99, y.load.latency.p99),
            }
          : {}),
        ...cpuAgainst(cpuPerRequest(m), cpuPerRequest(y)),
        callsPerRequest: m.perRequest,
        ...basePeak(c),
      };
      if (delay === 0 && c === maxC && y) {
        const r = m.load.rps / y.load.rps;
        row.target = `≥ ${TARGET_CACHED_VS_YOGA}× yoga, < ${TARGET_CACHED_CALLS_PER_100} call/100 req`;
        row.met = r >= TARGET_CACHED_VS_YOGA && per100 < TARGET_CACHED_CALLS_PER_100 && errors === 0;
        targets.push({ name: `HTTP: me with the per-user cache, c=${c}, upstream 0 ms: req/s ÷ bare yoga`, measured: round(r), target: `≥ ${TARGET_CACHED_VS_YOGA}`, unit: '×', met: r >= TARGET_CACHED_VS_YOGA && errors === 0 });
        targets.push({ name: 'HTTP: me with the per-user cache: Cognito calls per 100 requests', measured: round(per100, 3), target: `< ${TARGET_CACHED_CALLS_PER_100}`, unit: 'calls', met: per100 < TARGET_CACHED_CALLS_PER_100 && errors === 0 });
      }
      rows.push(row);
    }
  }
  for (const delay of options.delays) {
    for (const c of options.updateConnections) {
      const m = updateRuns.get(key(delay, c));
      if (!m) continue;
      const calls = Object.values(m.perRequest).reduce((a, b) => a + b, 0);
      const comp = composition(c, delay, calls);
      rows.push({
        scenario: '`updateMyAttributes`',
        variant: variant(delay),
        n: `c=${c}`,
        ...common(m),
        errors: errorsOf(`update c=${c} ${delay} ms`, m),
        ...(comp ? { baseline: `composition, ${calls.toFixed(1)} calls`, baselineRps: comp, ratioRps: ratio(m.load.rps, comp) } : {}),
        ...cpuAgainst(cpuPerRequest(m), compositionCpu(c, delay, calls)),
        callsPerRequest: m.perRequest,
        ...basePeak(c),
      });
    }
  }
  for (const [delay, u] of usersRuns) {
    const exact = u.adminGetUserCalls.length > 0 && u.adminGetUserCalls.every((n) => n === USERS_DISTINCT);
    const median = u.wall.p50;
    const row: BenchRow = {
      scenario: `\`users\` (${USERS_NAMES} names, ${USERS_DISTINCT} distinct), ${u.wallMs.length} sequential`,
      variant: variant(delay),
      n: `cap ${u.cap}`,
      p50: median,
      p99: u.wall.max,
      errors: u.failures.length,
      callsPerRequest: { AdminGetUser: summarize(u.adminGetUserCalls).mean, ...perRequest(u.otherCalls, u.wallMs.length) },
    };
    if (delay > 0) {
      Object.assign(row, { baseline: `⌈${USERS_DISTINCT}/${u.cap}⌉ × ${delay} ms`, baselineP50: u.idealMs, ratioP50: ratio(median, u.idealMs) });
    }
    // The count furthest from the expected one (all equal when the target is met).
    const worstCalls = u.adminGetUserCalls.reduce((worst, n) => (Math.abs(n - USERS_DISTINCT) > Math.abs(worst - USERS_DISTINCT) ? n : worst), USERS_DISTINCT);
    if (delay > 0 && delay === Math.max(...options.usersDelays)) {
      const limit = TARGET_USERS_SLACK * u.idealMs;
      row.target = `${USERS_DISTINCT} calls, median ≤ ${limit.toFixed(0)} ms`;
      row.met = exact && median <= limit && u.failures.length === 0;
      targets.push({
        name: `HTTP: users(${USERS_NAMES} names, ${USERS_DISTINCT} distinct): AdminGetUser calls per request (the one furthest from ${USERS_DISTINCT})`,
        measured: u.adminGetUserCalls.length > 0 ? worstCalls : 0,
        target: `= ${USERS_DISTINCT}`,
        unit: 'calls',
        met: exact && u.failures.length === 0,
      });
      targets.push({
        name: `HTTP: users(${USERS_NAMES} names, ${USERS_DISTINCT} distinct) at ${delay} ms upstream, cap ${u.cap}: median wall time`,
        measured: round(median),
        target: `≤ ${limit.toFixed(0)} (${TARGET_USERS_SLACK} × ${u.idealMs})`,
        unit: 'ms',
        met: median <= limit && u.failures.length === 0,
      });
    }
    if (u.failures.length > 0) failedRuns.push(`users ${delay} ms: ${u.failures.length} failed, e.g. ${u.failures[0]}`);
    rows.push(row);
  }

  // --- notes ---------------------------------------------------------------
  const noisy = [...yogaRuns.values(), ...sdkRuns.values(), ...meRuns.values(), ...meByHashRuns.values(), ...meAgainRuns.values(), ...cachedRuns.values(), ...updateRuns.values()].filter(
    (m) => m.phase.cpu.other > 20 || m.phase.cpu.steal > 10,
  );
  if (noisy.length > 0) {
    const busiest = new Map<string, number>();
    for (const m of noisy) for (const p of m.phase.otherTop) busiest.set(p.command, Math.max(busiest.get(p.command) ?? 0, p.percent));
    notes.unshift(
      `HTTP: the machine was not quiet during ${noisy.length} of ${rows.filter((r) => r.cpu).length} phases: other work took up to ${Math.round(Math.max(...noisy.map((m) => m.phase.cpu.other)))} % of a core (the hypervisor up to ${Math.round(Math.max(...noisy.map((m) => m.phase.cpu.steal)))} %; each phase's figures in the CPU column)${busiest.size > 0 ? `, the busiest: ${[...busiest].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([command, percent]) => `\`${command}\` (up to ${percent} %)`).join(', ')}` : ''}. Ratios of phases measured at different moments suffer most.`,
    );
  }
  if (failedRuns.length > 0) {
    notes.unshift(`**FAILED REQUESTS** — these runs are not results: ${failedRuns.join('; ')}.`);
    for (const f of failedRuns) log(`HTTP: FAILED REQUESTS: ${f}`);
  }
  for (const [k, m] of meRuns) {
    const expected = Math.min(options.meUsers, m.load.ok);
    if (m.distinctTokens !== undefined && m.distinctTokens < 0.9 * expected) {
      notes.push(`\`me\` ${k.replace('/', ' ms, c=')}: GetUser saw only ${m.distinctTokens} different tokens for ${m.load.ok} requests over ${options.meUsers} users.`);
    }
  }
  const coldCalls = [...cachedRuns.values()].map((m) => Object.values(m.warmupCalls ?? {}).reduce((a, b) => a + b, 0));
  notes.push(
    `HTTP: req/s counts verified answers only (2xx, the expected \`data\`, no \`errors\`). Latency in ms, from the load generator: autocannon's per-response times at c > 1, one keep-alive request at a time at c=1 (the SDK baseline times \`client.send()\` in its own process). Peak RSS: the server measured (the SDK process for baseline 2), ×base = ÷ yoga's at the same c.`,
    `HTTP: composition = 1 / (1/yoga req/s + k/SDK req/s) at the same c and upstream delay (k = Cognito calls per request: 1 for \`me\`, measured for \`updateMyAttributes\`); \`me\` no cache: ×p50/×p99 against the SDK's. Cached \`me\`: a fresh set of ${options.cachedUsers} users per phase, warmed up before measuring (Cognito calls while warming: ${coldCalls.join(', ')}); calls/req counts the measured phase only.`,
    `HTTP: \`me\` by hash: the same document as \`me\` as text, sent as \`extensions.persistedQuery\` (${ME_BY_HASH_BODY.length} bytes of body instead of ${ME_BODY.length}) to the same service (TRUSTED_DOCUMENTS=allow, a manifest of the benchmark's own), measured between two runs of \`me\` as text at each c and delay; ×base = by hash ÷ the mean of those two.`,
    `HTTP: four processes share the ${cpus().length} cores during a facade phase: the load generator (this process), the service, the Cognito stub (child process) and the idle others; a yoga phase has no stub work; the SDK baseline process is its own generator. COGNITO_MAX_CONCURRENCY=${cap}; every quota lifted.`,
  );

  const details = {
    poolId: stub.poolId,
    options: { ...options, log: undefined },
    yoga: Object.fromEntries(yogaRuns),
    sdk: Object.fromEntries(sdkRuns),
    me: Object.fromEntries(meRuns),
    meByHash: Object.fromEntries(meByHashRuns),
    meAgain: Object.fromEntries(meAgainRuns),
    meTargetRuns: Object.fromEntries([...meTargetRuns].map(([k, runs]) => [k, runs.map((r) => ({ rps: r.load.rps, p50: r.load.latency.p50, p99: r.load.latency.p99, cpuMsPerRequest: cpuPerRequest(r) }))])),
    meCached: Object.fromEntries(cachedRuns),
    update: Object.fromEntries(updateRuns),
    users: Object.fromEntries(usersRuns),
  };
  return { group: 'http', title: 'HTTP: the cost of the facade', rows, targets, notes, details };

  // --- helpers (hoisted) ---------------------------------------------------

  function username(i: number): string {
    return `u${String(i).padStart(5, '0')}`;
  }


  function basePeak(c: number): Pick<BenchRow, 'baselinePeakRssMiB'> {
    const y = yogaRuns.get(c) ?? [...yogaRuns.values()][0];
    return y ? { baselinePeakRssMiB: y.phase.peakRssMiB } : {};
  }

  /** Spawns `node --import tsx <script>` and waits until `<url>/ready` answers. */
  async function spawnChild(name: string, script: string, url: string, env: Record<string, string>): Promise<Child> {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...baseEnv(), ...env } });
    const started = new Child(name, child, url);
    await started.waitReady('/ready');
    return started;
  }

  async function mint(usernames: string[]): Promise<string[]> {
    const response = await fetch(`${control}/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ usernames }) });
    if (!response.ok) throw new Error(`minting tokens: HTTP ${response.status} ${await response.text()}`);
    return ((await response.json()) as { tokens: string[] }).tokens;
  }

  async function setDelay(ms: number): Promise<void> {
    currentDelay = ms;
    const response = await fetch(`${control}/delay`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ms }) });
    if (!response.ok) throw new Error(`setting the stub's delay: HTTP ${response.status}`);
  }

  async function stubCalls(): Promise<{ calls: Record<string, number>; distinct: { GetUser: number; AdminGetUser: number } }> {
    return (await (await fetch(`${control}/calls`)).json()) as { calls: Record<string, number>; distinct: { GetUser: number; AdminGetUser: number } };
  }

  /** The stub's counters once they stop moving (no call for 50 ms + twice the delay): the server has finished what it was sent. */
  async function drained(): Promise<Awaited<ReturnType<typeof stubCalls>>> {
    let last = await stubCalls();
    for (let i = 0; i < 100; i++) {
      await sleep(50 + 2 * currentDelay);
      const now = await stubCalls();
      if (JSON.stringify(now.calls) === JSON.stringify(last.calls)) return now;
      last = now;
    }
    return last;
  }

  function verifyMe(body: string): boolean {
    return body.startsWith('{"data":{"me":{"username":"') && !body.includes('"errors"');
  }

  /** CPU of the server, the stub, this process and the machine, and the server's peak RSS, around `run`. */
  async function phase<T>(server: number, run: () => Promise<T>): Promise<[T, PhaseStats]> {
    let peak = rssBytes(server);
    const sampler = setInterval(() => {
      try {
        peak = Math.max(peak, rssBytes(server));
      } catch {
        // exited
      }
    }, 100);
    const stubPid = stubChild.pid;
    const all0 = processCpu();
    const server0 = cpuSeconds(server);
    const stub0 = cpuSeconds(stubPid);
    const gen0 = process.cpuUsage();
    const machine0 = machineCpuSeconds();
    const t0 = performance.now();
    try {
      const value = await run();
      const wallS = (performance.now() - t0) / 1000;
      const serverCpu = cpuSeconds(server) - server0;
      const stubCpu = cpuSeconds(stubPid) - stub0;
      const gen = process.cpuUsage(gen0);
      const genCpu = (gen.user + gen.system) / 1e6;
      const machine1 = machineCpuSeconds();
      const pct = (s: number) => (s / wallS) * 100;
      peak = Math.max(peak, rssBytes(server));
      // Who the "other" CPU was: the busiest processes besides the three measured.
      const all1 = processCpu();
      const otherTop = [...all1]
        .filter(([pid]) => pid !== server && pid !== stubPid && pid !== process.pid)
        .map(([pid, now]) => {
          const mine = children.find((c) => c.process.pid === pid);
          return { command: mine ? `${mine.name} (this run, idle)` : now.command, percent: pct(now.cpu - (all0.get(pid)?.cpu ?? 0)) };
        })
        .filter((p) => p.percent >= 5)
        .sort((a, b) => b.percent - a.percent)
        .slice(0, 3)
        .map((p) => ({ ...p, percent: Math.round(p.percent) }));
      return [
        value,
        {
          wallS,
          cpu: {
            server: pct(serverCpu),
            stub: pct(stubCpu),
            gen: pct(genCpu),
            other: pct(machine1.busy - machine0.busy - serverCpu - stubCpu - genCpu),
            steal: pct(machine1.steal - machine0.steal),
          },
          peakRssMiB: peak / MiB,
          otherTop,
        },
      ];
    } finally {
      clearInterval(sampler);
    }
  }

  /**
   * One scenario on one server at concurrency `c`: unmeasured warm-up (the
   * full one the first time this server runs this scenario, a short settle
   * after), then the measured phase, with the stub's call counters around it.
   */
  async function measure(
    scenario: string,
    server: Child,
    c: number,
    /** `body(i)`: the JSON body of the i-th request. */
    request: { body: (i: number) => string; verify: (body: string) => boolean; tokens?: string[] },
    how: { distinct?: boolean; countWarmup?: boolean; fullWarmup?: boolean; touchAll?: boolean } = {},
  ): Promise<Measured> {
    const tokens = request.tokens ?? meTokens;
    const url = `${server.url}/graphql`;
    // Same headers for every server (yoga ignores the token): same request size, same generator work.
    let offset = 0;
    const requestFor: RequestFor = (i) => ({
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[(offset + i) % tokens.length]}` },
      body: request.body(i),
    });
    const load = (seconds: number) =>
      c === 1
        ? sequential({ url, durationS: seconds, requestFor, verify: request.verify })
        : closedLoop({ url, connections: c, durationS: seconds, requestFor, verify: request.verify });
    const warmKey = `${server.name}/${scenario}`;
    const warmS = !warmed.has(warmKey) || how.fullWarmup ? options.warmupS : options.settleS;
    warmed.add(warmKey);
    const durationS = c === 1 ? options.sequentialDurationS : options.durationS;
    log(`HTTP: ${scenario} on ${server.name}, c=${c}: ${warmS} s warm-up, ${durationS} s measured`);
    const beforeWarmup = await stubCalls();
    const warm = await load(warmS);
    if (warm.ok === 0) throw new Error(`${scenario} on ${server.name}: no request succeeded while warming up: ${warm.failureSamples.join(' | ')}`);
    offset += warm.sent;
    // Round-robin: once as many requests as tokens were sent, every user has been seen (the cache is full).
    for (let sent = warm.sent; how.touchAll && sent < tokens.length; ) {
      const more = await load(options.settleS);
      sent += more.sent;
      offset += more.sent;
    }
    // The requests autocannon gave up on at the end of the warm-up still reach Cognito: counted before the phase, not in it.
    const before = await drained();
    if (how.distinct) await fetch(`${control}/distinct/reset`, { method: 'POST' }).then((r) => r.arrayBuffer());
    const [result, stats] = await phase(server.pid, () => load(durationS));
    // … and those of the phase's end are the phase's: Cognito calls per request sent.
    const after = await drained();
    const calls = diffCalls(after.calls, before.calls);
    const measured: Measured = {
      load: result,
      phase: stats,
      calls,
      perRequest: perRequest(calls, result.sent),
      ...(how.distinct ? { distinctTokens: after.distinct.GetUser } : {}),
      ...(how.countWarmup ? { warmupCalls: diffCalls(before.calls, beforeWarmup.calls) } : {}),
    };
    log(
      `  ${result.rps.toFixed(0)} req/s, p50 ${result.latency.p50.toFixed(2)} p99 ${result.latency.p99.toFixed(2)} ms, ${result.failed} failed, calls/req ${JSON.stringify(Object.fromEntries(Object.entries(measured.perRequest).map(([k, v]) => [k, round(v, 4)])))}${how.distinct ? `, ${after.distinct.GetUser} distinct tokens` : ''}, CPU server ${stats.cpu.server.toFixed(0)}% stub ${stats.cpu.stub.toFixed(0)}% gen ${stats.cpu.gen.toFixed(0)}% other ${stats.cpu.other.toFixed(0)}% steal ${stats.cpu.steal.toFixed(0)}%, peak RSS ${stats.peakRssMiB.toFixed(0)} MiB`,
    );
    return measured;
  }

  /** Starts bench/baseline-sdk.ts (early: it loads the SDK while the others start) and waits until it is ready for plans. */
  async function startSdkBaseline(): Promise<Child> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/baseline-sdk.ts'], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: {
        ...baseEnv(),
        COGNITO_ENDPOINT: stub.url,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'x',
        AWS_SECRET_ACCESS_KEY: 'x',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
    });
    const started = new Child('SDK baseline', child, stub.url);
    let pending = '';
    let ready: () => void = () => {};
    const isReady = new Promise<void>((resolve) => (ready = resolve));
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      for (let newline = pending.indexOf('\n'); newline >= 0; newline = pending.indexOf('\n')) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        if (!line.startsWith('{')) continue;
        const event = JSON.parse(line) as SdkEvent;
        if (event.event === 'ready') ready();
        else onSdkEvent?.(event);
      }
    });
    const exited = await Promise.race([isReady.then(() => false), started.exited.then(() => true)]);
    if (exited) throw new Error(`SDK baseline exited before it was ready:\n${started.output.slice(-20).join('\n')}`);
    return started;
  }

  /** Baseline 2 at each concurrency: one plan for bench/baseline-sdk.ts, which is its own load generator. */
  function sdkBaseline(concurrencies: number[]): Promise<Map<number, Measured>> {
    return new Promise((resolve, reject) => {
      const out = new Map<number, Measured>();
      const results: Promise<void>[] = [];
      let current: { stop: () => void; done: Promise<PhaseStats>; before: Promise<Record<string, number>> } | undefined;
      const fail = (error: Error) => {
        onSdkEvent = undefined;
        reject(error);
      };
      void sdkChild.exited.then((code) => fail(new Error(`SDK baseline exited (${code}):\n${sdkChild.output.slice(-20).join('\n')}`)));
      onSdkEvent = (event) => {
        if (event.event === 'measure') {
          let stop = () => {};
          const stopped = new Promise<void>((resolved) => (stop = resolved));
          current = { stop, done: phase(sdkChild.pid, () => stopped).then(([, stats]) => stats), before: stubCalls().then((c) => c.calls) };
        } else if (event.event === 'result' && current) {
          const { stop, done, before } = current;
          current = undefined;
          stop();
          const r = event;
          results.push(
            (async () => {
              const stats = await done;
              const calls = diffCalls((await stubCalls()).calls, await before);
              const answered = r.requests + r.errors;
              const load: LoadResult = { ok: r.requests, sent: answered, failed: r.errors, non2xx: 0, failureSamples: r.errorSamples, rps: r.rps, latency: r.latency, wallS: r.wallS };
              out.set(r.concurrency, { load, phase: stats, calls, perRequest: perRequest(calls, answered) });
              log(
                `  SDK c=${r.concurrency}: ${r.rps.toFixed(0)} req/s, p50 ${r.latency.p50.toFixed(2)} p99 ${r.latency.p99.toFixed(2)} ms, ${r.errors} failed, CPU SDK process ${stats.cpu.server.toFixed(0)}% stub ${stats.cpu.stub.toFixed(0)}% other ${stats.cpu.other.toFixed(0)}%, peak RSS ${stats.peakRssMiB.toFixed(0)} MiB`,
              );
            })(),
          );
        } else if (event.event === 'done') {
          onSdkEvent = undefined;
          Promise.all(results).then(() => resolve(out), reject);
        } else if (event.event === 'failed') {
          fail(new Error(`SDK baseline failed: ${event.error}`));
        }
      };
      const plan = {
        tokensFile,
        concurrencies,
        durationS: options.durationS,
        sequentialDurationS: options.sequentialDurationS,
        warmupS: options.warmupS,
        settleS: options.settleS,
      };
      sdkChild.process.stdin!.write(`${JSON.stringify(plan)}\n`);
    });
  }

  /** `users` with 100 names (50 distinct, each twice) as an administrator, one request at a time. */
  async function usersCheck(delay: number): Promise<UsersMeasured> {
    const warmup = options.usersWarmup;
    const wallMs: number[] = [];
    const adminGetUserCalls: number[] = [];
    const otherCalls: Record<string, number> = {};
    const failures: string[] = [];
    for (let i = 0; i < warmup + options.usersRequests; i++) {
      const from = (i * USERS_DISTINCT) % (options.meUsers - USERS_DISTINCT + 1);
      const distinct = Array.from({ length: USERS_DISTINCT }, (_, k) => username(from + k));
      const usernames = Array.from({ length: USERS_NAMES }, (_, k) => distinct[k % USERS_DISTINCT]!);
      const before = await stubCalls();
      const t0 = performance.now();
      const response = await fetch(`${plain.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({ query: USERS, variables: { usernames } }),
      });
      const text = await response.text();
      const ms = performance.now() - t0;
      await sleep(5);
      const calls = diffCalls((await stubCalls()).calls, before.calls);
      let ok = response.ok && !text.includes('"errors"');
      if (ok) {
        const list = (JSON.parse(text) as { data?: { users?: ({ username: string } | null)[] } }).data?.users;
        ok = Array.isArray(list) && list.length === USERS_NAMES && list.every((u, k) => u?.username === usernames[k]);
      }
      if (i < warmup) continue;
      if (!ok) failures.push(`HTTP ${response.status} ${text.slice(0, 200)}`);
      wallMs.push(ms);
      adminGetUserCalls.push(calls.AdminGetUser ?? 0);
      for (const [op, n] of Object.entries(calls)) if (op !== 'AdminGetUser') otherCalls[op] = (otherCalls[op] ?? 0) + n;
    }
    const wall = summarize(wallMs);
    const idealMs = Math.ceil(USERS_DISTINCT / cap) * delay;
    log(`  users: median ${wall.p50.toFixed(1)} ms (ideal ${idealMs} ms), AdminGetUser calls ${[...new Set(adminGetUserCalls)].join('/')}, ${failures.length} failed`);
    return { delayMs: delay, cap, idealMs, wall, wallMs: wallMs.map((v) => round(v)), adminGetUserCalls, otherCalls, failures };
  }
}

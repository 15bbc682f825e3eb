/**
 * The subscription benchmarks of the issue, each on one service instance and
 * on two instances sharing Redis, each next to a baseline measured in the
 * same run (bench/baseline-ws.ts: a bare `ws` server driven the same way):
 *
 * 1. Steady state: `users` graphql-ws connections, each a different user on
 *    `myAttributesChanged`, plus `admins` administrators on
 *    `userPoolAttributesChanged`; `rate` admin changes per second
 *    (`adminUpdateUserAttributes` of `custom:plan` = `seq-<n>`, over HTTP
 *    keep-alive) for `durationS`, spread over the users. Each change must
 *    reach its user's subscriber and every administrator, exactly once.
 * 2. Broadcast: one change to N subscribers of the same feed
 *    (`userPoolAttributesChanged`), N growing on the same process; `rounds`
 *    changes per N, one at a time, each waited for until every subscriber
 *    has it.
 * 3. Reconnect storm: `stormN` subscribers of the pool feed hold the cursor
 *    of one change, are disconnected together, `stormChanges` changes are
 *    made during the gap, and all reconnect at once with `after:`: the time
 *    until every subscriber has every change it missed (and how many were
 *    lost, duplicated or out of order), against the time the bare `ws`
 *    baseline needs to reconnect the same sockets.
 *
 * Latency = time the event reached the load generator − time the mutation
 * was sent, both on this process' clock. The service runs as child processes
 * (`node --import tsx src/main.ts`) against the Cognito stub
 * (bench/stub-cognito.ts) in this process.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { busyUntil, Child, cpuSeconds, cpuSpeed, NO_QUOTAS, machineCpuSeconds, readProbe, rssBytes, sleep, stallsIn, startBaseline, startService, waitIdle, type ProbeData } from './lib/processes.js';
import type { BenchRow, GroupResult, TargetResult } from './lib/report.js';
import { gcd, ratio, repeated, runsCell, runUntilAgreed, summarize, type Percentiles, type Repeated } from './lib/stats.js';
import { seqOf, Subscribers, type Received, type SubscriberSpec } from './lib/subscribers.js';
import { startStubCognito } from './stub-cognito.js';

/** How big and how long. */
export interface SubscriptionBenchOptions {
  /** Steady state: subscribers on `myAttributesChanged`, one user each. */
  users: number;
  /** Steady state: administrators on `userPoolAttributesChanged`. */
  admins: number;
  /** Steady state: changes per second. */
  rate: number;
  /** Steady state: seconds of changes. */
  durationS: number;
  /** Steady state: seconds of unmeasured changes first, at the same rate (JIT warm-up). */
  warmupS: number;
  /** Broadcast: subscriber counts, ascending. */
  broadcastNs: number[];
  /** Broadcast: measured changes per N. */
  rounds: number;
  /** Broadcast: unmeasured changes per N first (every subscriber must receive them). */
  warmupRounds: number;
  /** How long the target's CPU must stay low to count as idle (ms). */
  quietMs: number;
  /** Run all scenarios on the same processes (quicker; memory readings of later scenarios start from a used process). */
  shareProcesses: boolean;
  /** Reconnect storm: subscribers, and changes made while they are away. */
  stormN: number;
  stormChanges: number;
  /** Which scenarios and variants to run. */
  scenarios: ('steady' | 'broadcast' | 'storm')[];
  instances: (1 | 2)[];
  /** Skip the baseline runs. */
  noBaseline: boolean;
  /** Runs of each target's measured phase at most, until two agree within 10 % (bench/lib/stats.ts `runUntilAgreed`). */
  repeats: number;
  /** Delay of every Cognito stub answer, ms. */
  cognitoDelayMs: number;
  redisUrl: string;
  /** Extra environment for the service, e.g. `COGNITO_MAX_CONCURRENCY`. */
  serviceEnv: Record<string, string>;
  /** Write the service processes' CPU profiles here. */
  cpuProfDir?: string;
  /** Run the service from another checkout (compare a change against this one). */
  serviceRoot?: string;
  log: (message: string) => void;
}

const MY_CHANGES = /* GraphQL */ `subscription BenchMyChanges {
  myAttributesChanged { user { username sub attributes { name value } } updated { name value } deleted source occurredAt }
}`;
const POOL_CHANGES = /* GraphQL */ `subscription BenchPoolChanges {
  userPoolAttributesChanged {
    user { username sub userPoolId attributes { name value } status enabled updatedAt }
    updated { name value } deleted source occurredAt
  }
}`;
const STORM_CHANGES = /* GraphQL */ `subscription BenchStorm($after: String) {
  userPoolAttributesChanged(after: $after) {
    user { username sub userPoolId attributes { name value } status enabled updatedAt }
    updated { name value } deleted source occurredAt cursor
  }
}`;
const CHANGE = /* GraphQL */ `mutation BenchChange($input: AdminUpdateUserAttributesInput!) {
  adminUpdateUserAttributes(input: $input) { user { username } }
}`;

const TARGET_STEADY_P99_MS = 100;
const TARGET_BROADCAST_1K_P99_MS = 250;
/** The storm: every subscriber caught up within this many times the baseline's reconnect. */
const TARGET_STORM_RATIO = 3;
/** Subscribing N (fresh service, fresh tokens): within this many times the bare baseline's time. */
const TARGET_SUBSCRIBE_RATIO = 3;
/** Steady state: the service's CPU per change, ms (every instance summed, background work included). */
const TARGET_STEADY_CPU_MS_PER_CHANGE = 2;
/** Broadcast to the largest N: p99 within this many times the baseline's. */
const TARGET_BROADCAST_P99_RATIO = 2;
/** Memory per connection (steady state, fresh processes): within this many times the baseline's. */
const TARGET_MEM_RATIO = 2;

/** A server under load: the service or the baseline, on one or two processes. */
interface Target {
  kind: 'service' | 'baseline';
  children: Child[];
  /** Where each service process' probe (bench/lib/service-probe.ts) writes at exit. */
  probeFiles: string[];
  /** Sends change `seq` of `username` through instance `instance`; resolves when answered. */
  change(seq: number, username: string, instance: number): Promise<{ ok: boolean; error?: string }>;
}

/** Messages the baseline replays (captured from the service, so payloads are the same size). */
interface Templates {
  user?: string;
  pool?: string;
}

/** What one measured phase produced. */
interface PhaseResult {
  latency: Percentiles;
  /** Per change: time until the last expected subscriber had it, ms. */
  untilLast: Percentiles;
  expected: number;
  delivered: number;
  lost: number;
  dup: number;
  /** Events that reached a subscriber that should not have them. */
  unexpected: number;
  /** Non-`next` messages (errors, completes), first few. */
  otherMessages: string[];
  otherCount: number;
  changes: number;
  changeErrors: number;
  changeErrorSamples: string[];
  /** HTTP round trip of the changes, ms. */
  changeLatency: Percentiles;
  wallS: number;
  /** CPU of the target's processes over the phase, % of one core (summed). */
  cpuPercent: number;
  /** CPU milliseconds of the target per change. */
  cpuMsPerChange: number;
  genCpuPercent: number;
  genEventLoopUtilization: number;
  /** The load generator's worst event-loop delay in the phase, ms (a stalled generator would inflate latencies). */
  genLoopDelayMaxMs: number;
  /**
   * CPU used on the machine by everything else (not the target, not this
   * process), % of one core: other work on a shared machine disturbs the
   * measurement (with two instances it includes Redis).
   */
  otherCpuPercent: number;
  /** CPU time the hypervisor took from this VM during the phase, % of one core (the machine ran slower). */
  stealPercent: number;
  /** {@link cpuSpeed} just before and just after the phase (SHA-256 of 16 KiB per ms; higher is faster). */
  cpuSpeed: [number, number];
  unexpectedCloses: number;
  /** The phase on the monotonic clock (µs, as `process.hrtime`), to cut CPU profiles to it. */
  monotonicWindowUs: [number, number];
  /** TCP connections the service opened to the Cognito stub during the phase, ms from its start (a new one means a retry or a closed keep-alive socket). */
  cognitoConnectionsAtMs: number[];
  /** SDK retries the Cognito stub saw during the phase, ms from its start. */
  cognitoRetriesAtMs: number[];
  /** Per second of the phase: changes sent, their HTTP round trip p50/p99 and their slowest delivery, ms. */
  timeline: { second: number; changes: number; changeP50: number; changeP99: number; toCognitoP50: number; toCognitoMax: number; untilLastMax: number }[];
}

/** One change sent: when, and which subscribers must receive it. */
interface Sent {
  at: number;
  answeredAt?: number;
  /** When the Cognito stub got the change's AdminUpdateUserAttributes. */
  cognitoAt?: number;
  /** Expected subscriber indexes: explicit list or [from, to) range (or both). */
  conns: number[];
  range?: [number, number];
}

const pairKey = (conn: number, seq: number) => conn * 2 ** 24 + seq;

function expects(sent: Sent, conn: number): boolean {
  if (sent.range && conn >= sent.range[0] && conn < sent.range[1]) return true;
  return sent.conns.includes(conn);
}

function expectedCount(sent: Sent): number {
  return sent.conns.length + (sent.range ? sent.range[1] - sent.range[0] : 0);
}

/** Matches received events to the changes sent. */
function analyze(received: readonly Received[], sent: ReadonlyMap<number, Sent>) {
  const seen = new Set<number>();
  const latencies: number[] = [];
  const last = new Map<number, number>();
  let dup = 0;
  let unexpected = 0;
  let otherCount = 0;
  const otherMessages: string[] = [];
  for (const { at, conn, data } of received) {
    const seq = data.includes('"type":"next"') ? seqOf(data) : null;
    const change = seq === null ? undefined : sent.get(seq);
    if (seq === null || !change) {
      if (seq === null) {
        otherCount++;
        if (otherMessages.length < 5) otherMessages.push(data.slice(0, 300));
      }
      continue;
    }
    if (!expects(change, conn)) {
      unexpected++;
      continue;
    }
    const key = pairKey(conn, seq);
    if (seen.has(key)) {
      dup++;
      continue;
    }
    seen.add(key);
    const latency = at - change.at;
    latencies.push(latency);
    last.set(seq, Math.max(last.get(seq) ?? 0, latency));
  }
  let expected = 0;
  for (const change of sent.values()) expected += expectedCount(change);
  return { latencies, last, untilLast: [...last.values()], expected, delivered: seen.size, lost: expected - seen.size, dup, unexpected, otherCount, otherMessages };
}

/**
 * What repeated runs of one phase add up to: every run's deliveries count
 * (none may be lost, doubled or misdelivered in any), and p99 and CPU per
 * change over the runs ({@link repeated}).
 */
function overRuns(runs: readonly PhaseResult[]): Pick<PhaseResult, 'lost' | 'dup' | 'unexpected' | 'changeErrors'> & { p99Runs: Repeated; cpuRuns: Repeated } {
  const sum = (of: (r: PhaseResult) => number) => runs.reduce((total, r) => total + of(r), 0);
  return {
    lost: sum((r) => r.lost),
    dup: sum((r) => r.dup),
    unexpected: sum((r) => r.unexpected),
    changeErrors: sum((r) => r.changeErrors),
    p99Runs: repeated(runs.map((r) => r.latency.p99)),
    cpuRuns: repeated(runs.map((r) => r.cpuMsPerChange)),
  };
}

/** Runs `count` calls of `fn` at `rate` per second (open loop: a slow answer does not delay the next call). */
async function atRate(count: number, rate: number, fn: (i: number) => Promise<void>): Promise<void> {
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 1) await sleep(wait);
    pending.push(fn(i));
  }
  await Promise.all(pending);
}

/** A stride through the users coprime with their count, so consecutive changes hit users far apart and all users evenly. */
function strideFor(users: number): number {
  let stride = Math.max(1, Math.floor(users * 0.618));
  while (gcd(stride, users) !== 1) stride++;
  return stride;
}

const wsUrl = (child: Child) => `${child.url.replace(/^http/, 'ws')}/graphql`;
const pids = (target: Target) => target.children.map((c) => c.pid);
const totalRss = (target: Target) => target.children.reduce((sum, c) => sum + rssBytes(c.pid), 0);
const totalCpu = (target: Target) => target.children.reduce((sum, c) => sum + cpuSeconds(c.pid), 0);

/** Runs the subscription benchmarks; see the module's documentation. */
export async function runSubscriptionBenchmarks(options: SubscriptionBenchOptions): Promise<GroupResult> {
  const { log } = options;
  const maxN = Math.max(0, ...(options.scenarios.includes('broadcast') ? options.broadcastNs : []), options.scenarios.includes('storm') ? options.stormN : 0);
  const stub = await startStubCognito({
    users: options.users,
    admins: Math.max(options.admins, maxN),
    delayMs: options.cognitoDelayMs,
  });
  log(`Cognito stub at ${stub.url}, pool ${stub.poolId}; minting ${options.users + Math.max(options.admins, maxN)} access tokens`);
  const mintStart = performance.now();
  const userTokens = await stub.accessTokens(Array.from({ length: options.users }, (_, i) => stub.username(i)));
  const adminTokens = await stub.accessTokens(Array.from({ length: Math.max(options.admins, maxN) }, (_, i) => stub.adminName(i)));
  log(`tokens minted in ${((performance.now() - mintStart) / 1000).toFixed(1)} s`);

  const templates: Templates = {};
  const rows: BenchRow[] = [];
  const targets: TargetResult[] = [];
  const notes: string[] = [];
  const details: Record<string, unknown> = {
    poolId: stub.poolId,
    cognitoDelayMs: options.cognitoDelayMs,
    options: { ...options, log: undefined },
  };
  let channelCounter = 0;
  // A profiled process samples itself all the time: it never looks as idle as an unprofiled one.
  const idleThreshold = options.cpuProfDir ? 0.2 : 0.05;

  /** Starts the service or the baseline on `instances` processes. */
  async function startTarget(kind: Target['kind'], instances: 1 | 2, label: string): Promise<Target> {
    const redisUrl = instances > 1 ? options.redisUrl : undefined;
    if (kind === 'service') {
      const probeFiles = Array.from({ length: instances }, (_, i) => join(tmpdir(), `bench-probe-${process.pid}-${channelCounter++}-${i}.json`));
      const children = await Promise.all(
        Array.from({ length: instances }, (_, i) =>
          startService({
            probeFile: probeFiles[i]!,
            ...(options.serviceRoot ? { root: options.serviceRoot } : {}),
            name: `service ${label} #${i}`,
            cognitoUrl: stub.url,
            poolId: stub.poolId,
            ...(redisUrl ? { redisUrl } : {}),
            env: {
              // Every quota lifted, so the subscription path is what is measured; counters under a key prefix of this run.
              ...NO_QUOTAS,
              QUOTA_KEY_PREFIX: `bench-${stub.poolId}`,
              // Every subscriber connects from this one address, as behind a reverse proxy.
              MAX_CONNECTIONS_PER_CLIENT: '0',
              ...options.serviceEnv,
            },
            ...(options.cpuProfDir ? { cpuProfDir: options.cpuProfDir } : {}),
          }),
        ),
      );
      let nextAdmin = 0;
      return {
        kind,
        children,
        probeFiles,
        async change(seq, username, instance) {
          const token = adminTokens[nextAdmin++ % options.admins]!;
          try {
            const response = await fetch(`${children[instance % children.length]!.url}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify({ query: CHANGE, variables: { input: { username, attributes: [{ name: 'custom:plan', value: `seq-${seq}` }] } } }),
            });
            const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
            if (!response.ok || body.errors) return { ok: false, error: `HTTP ${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 200)}` };
            return { ok: true };
          } catch (error) {
            return { ok: false, error: String(error) };
          }
        },
      };
    }
    const channel = `bench:${stub.poolId}:baseline:${channelCounter++}`;
    const children = await Promise.all(
      Array.from({ length: instances }, (_, i) => startBaseline({ name: `baseline ${label} #${i}`, channel, ...(redisUrl ? { redisUrl } : {}) })),
    );
    await Promise.all(
      children.map((c) =>
        fetch(`${c.url}/templates`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(templates) }).then((r) => r.arrayBuffer()),
      ),
    );
    return {
      kind,
      children,
      probeFiles: [],
      async change(seq, username, instance) {
        try {
          const response = await fetch(`${children[instance % children.length]!.url}/publish`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ user: username, seq: `seq-${seq}` }),
          });
          await response.arrayBuffer();
          return response.ok ? { ok: true } : { ok: false, error: `HTTP ${response.status}` };
        } catch (error) {
          return { ok: false, error: String(error) };
        }
      },
    };
  }

  /** Stops the target's processes; returns what their probes recorded. */
  async function stopTarget(target: Target): Promise<(ProbeData | undefined)[]> {
    await Promise.all(target.children.map((c) => c.stop()));
    const probes = target.probeFiles.map((file) => {
      const data = readProbe(file);
      rmSync(file, { force: true });
      return data;
    });
    for (const child of target.children) {
      // The readiness polls before Redis is connected answer 503, and are logged: expected.
      const problems = child.output.filter((line) => (/"level":(4|5|6)0/.test(line) || /error/i.test(line)) && !/"path":"\/ready"/.test(line));
      if (problems.length > 0) {
        log(`${child.name} logged ${problems.length} warnings/errors, e.g. ${problems[0]!.slice(0, 300)}`);
        notes.push(`${child.name} logged ${problems.length} warnings/errors, e.g. \`${problems[0]!.slice(0, 200)}\``);
      }
    }
    return probes;
  }

  /** GC pauses and event-loop stalls of the target's processes in a phase (summed; max of maxima). */
  function stallsOf(probes: (ProbeData | undefined)[], window: [number, number]) {
    const each = probes.map((p) => stallsIn(p, window)).filter((s) => s !== undefined);
    if (each.length === 0) return undefined;
    const total = { ...each[0]! };
    for (const s of each.slice(1)) {
      for (const key of Object.keys(total) as (keyof typeof total)[]) {
        total[key] = key.endsWith('MaxMs') ? Math.max(total[key], s[key]) : total[key] + s[key];
      }
    }
    return total;
  }

  /**
   * Opens `specs` on `subs` and waits until the target has done their work
   * (its CPU quiet again): graphql-ws acknowledges no subscription, so a
   * subscription is taken as accepted once the server has nothing left to do.
   */
  async function subscribeTimed(
    target: Target,
    subs: Subscribers,
    specs: SubscriberSpec[],
  ): Promise<{ seconds: number; cpuS: number; idle: boolean; monotonicWindowUs: [number, number]; addedAfterMs: number; usage: [number, number][] }> {
    const cpu0 = totalCpu(target);
    const t0 = performance.now();
    const mono0 = Number(process.hrtime.bigint() / 1000n);
    await subs.add(specs);
    const added = performance.now();
    // Subscribing keeps a server near a full core; its periodic work afterwards (keep-alive pings,
    // re-checks, re-reads: a few % of a core with 10,000 sockets) stays well under half of one, and
    // is not the subscribers' cost: the CPU counted ends where the subscribing did.
    const { idle, lastBusyAt, cpuAtLastBusy, samples } = await busyUntil(pids(target), {
      quietMs: options.quietMs,
      threshold: Math.max(idleThreshold, 0.1),
      timeoutMs: 30_000,
      stepMs: 250,
      busyThreshold: 0.5,
    });
    const seconds = (Math.max(added, lastBusyAt) - t0) / 1000;
    const cpuS = (lastBusyAt > added ? cpuAtLastBusy : totalCpu(target)) - cpu0;
    // When the last handshake was answered, and the servers' CPU (share of one core, summed) every 250 ms after it.
    return { seconds, cpuS, idle, monotonicWindowUs: [mono0, mono0 + Math.round(seconds * 1e6)], addedAfterMs: Math.round(added - t0), usage: samples };
  }

  let seqCounter = 1;
  const label = (instances: 1 | 2) => (instances === 1 ? '1 instance' : '2 instances + Redis');

  /**
   * Sends one change and waits until `expected` more messages have arrived;
   * retried (after the target goes idle) while subscriptions are still being
   * set up. Returns the messages of the last try.
   */
  async function probe(target: Target, subs: Subscribers, username: string, expected: number): Promise<Received[]> {
    for (let attempt = 1; ; attempt++) {
      subs.reset();
      const seq = seqCounter++;
      const result = await target.change(seq, username, attempt);
      if (!result.ok) throw new Error(`probe change failed on ${target.kind}: ${result.error}`);
      const complete = await subs.waitForCount(expected, 15_000);
      await sleep(50);
      const received = subs.take().filter((r) => seqOf(r.data) === seq);
      if (complete && received.length >= expected) return received;
      log(`  probe ${attempt}: ${received.length}/${expected} subscribers had it; waiting for the server to settle`);
      if (attempt >= 5) throw new Error(`${target.kind}: only ${received.length} of ${expected} subscribers receive changes`);
      await waitIdle(pids(target), { timeoutMs: 30_000, threshold: idleThreshold });
    }
  }

  /** Measures the target's and this process' CPU around `run`. */
  async function measured(target: Target, subs: Subscribers, run: (sent: Map<number, Sent>) => Promise<{ changeErrors: string[]; changes: number }>): Promise<PhaseResult> {
    const speedBefore = cpuSpeed();
    subs.reset();
    const closesBefore = subs.unexpectedCloses.length;
    const sent = new Map<number, Sent>();
    stub.onCall = (operation, input) => {
      if (operation !== 'AdminUpdateUserAttributes') return;
      const value = (input.UserAttributes as { Value?: string }[] | undefined)?.[0]?.Value;
      const seq = value ? seqOf(JSON.stringify(value)) : null;
      const change = seq === null ? undefined : sent.get(seq);
      if (change && change.cognitoAt === undefined) change.cognitoAt = performance.now();
    };
    const cpu0 = totalCpu(target);
    const gen0 = process.cpuUsage();
    const machine0 = machineCpuSeconds();
    const elu0 = performance.eventLoopUtilization();
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    const t0 = performance.now();
    const mono0 = Number(process.hrtime.bigint() / 1000n);
    const { changeErrors, changes } = await run(sent);
    stub.onCall = undefined;
    const speedAfter = cpuSpeed();
    const mono1 = Number(process.hrtime.bigint() / 1000n);
    const wallS = (performance.now() - t0) / 1000;
    const cpu = totalCpu(target) - cpu0;
    const gen = process.cpuUsage(gen0);
    const machine1 = machineCpuSeconds();
    const machineBusy = machine1.busy - machine0.busy;
    const elu = performance.eventLoopUtilization(elu0);
    loopDelay.disable();
    const result = analyze(subs.take(), sent);
    const changeLatencies = [...sent.values()].filter((s) => s.answeredAt !== undefined).map((s) => s.answeredAt! - s.at);
    const seconds = new Map<number, { change: number[]; toCognito: number[]; last: number[] }>();
    for (const [seq, s] of sent) {
      const second = Math.floor((s.at - t0) / 1000);
      let bucket = seconds.get(second);
      if (!bucket) seconds.set(second, (bucket = { change: [], toCognito: [], last: [] }));
      if (s.answeredAt !== undefined) bucket.change.push(s.answeredAt - s.at);
      if (s.cognitoAt !== undefined) bucket.toCognito.push(s.cognitoAt - s.at);
      bucket.last.push(result.last.get(seq) ?? Number.NaN);
    }
    const timeline = [...seconds].sort((a, b) => a[0] - b[0]).map(([second, b]) => {
      const change = summarize(b.change);
      const toCognito = summarize(b.toCognito);
      return {
        second,
        changes: b.change.length,
        changeP50: round(change.p50),
        changeP99: round(change.p99),
        toCognitoP50: round(toCognito.p50),
        toCognitoMax: round(toCognito.max),
        untilLastMax: round(Math.max(...b.last)),
      };
    });
    return {
      latency: summarize(result.latencies),
      untilLast: summarize(result.untilLast),
      expected: result.expected,
      delivered: result.delivered,
      lost: result.lost,
      dup: result.dup,
      unexpected: result.unexpected,
      otherMessages: result.otherMessages,
      otherCount: result.otherCount,
      changes,
      changeErrors: changeErrors.length,
      changeErrorSamples: changeErrors.slice(0, 3),
      changeLatency: summarize(changeLatencies),
      wallS,
      cpuPercent: (cpu / wallS) * 100,
      cpuMsPerChange: (cpu * 1000) / Math.max(1, changes),
      genCpuPercent: ((gen.user + gen.system) / 1e6 / wallS) * 100,
      genEventLoopUtilization: elu.utilization,
      genLoopDelayMaxMs: loopDelay.max / 1e6,
      otherCpuPercent: ((machineBusy - cpu - (gen.user + gen.system) / 1e6) / wallS) * 100,
      stealPercent: ((machine1.steal - machine0.steal) / wallS) * 100,
      cpuSpeed: [round(speedBefore), round(speedAfter)],
      unexpectedCloses: subs.unexpectedCloses.length - closesBefore,
      monotonicWindowUs: [mono0, mono1],
      cognitoConnectionsAtMs: stub.connectionTimes.filter((at) => at >= t0).map((at) => Math.round(at - t0)),
      cognitoRetriesAtMs: stub.retries.filter((r) => r.at >= t0).map((r) => Math.round(r.at - t0)),
      timeline,
    };
  }

  /** Sends one change and records it in `sent`. */
  async function sendChange(target: Target, sent: Map<number, Sent>, errors: string[], username: string, instance: number, expected: Omit<Sent, 'at'>): Promise<number> {
    const seq = seqCounter++;
    const record: Sent = { at: performance.now(), ...expected };
    sent.set(seq, record);
    const result = await target.change(seq, username, instance);
    record.answeredAt = performance.now();
    if (!result.ok) errors.push(result.error ?? 'failed');
    return seq;
  }

  /** Sends 20 changes one by one (code loaded and compiled before any memory reading), then waits for quiet. */
  async function warm(target: Target): Promise<void> {
    const errors: string[] = [];
    for (let i = 0; i < 20; i++) await sendChange(target, new Map(), errors, stub.username(i % options.users), i, { conns: [] });
    if (errors.length > 0) throw new Error(`${target.kind}: warm-up changes failed: ${errors[0]}`);
    await waitIdle(pids(target), { quietMs: options.quietMs, threshold: idleThreshold });
  }

  type SteadyResult = Awaited<ReturnType<typeof steady>> & { stalls?: ReturnType<typeof stallsOf> };
  type BroadcastResult = Awaited<ReturnType<typeof broadcast>>[number] & { stalls?: ReturnType<typeof stallsOf> };

  /** Steady state on a started target. */
  async function steady(target: Target, instances: 1 | 2) {
    const { users, admins } = options;
    const { kind } = target;
    const subs = new Subscribers();
    try {
      const rssBefore = totalRss(target);
      const specs: SubscriberSpec[] = [];
      for (let i = 0; i < users; i++) {
        specs.push({ url: wsUrl(target.children[i % instances]!), token: userTokens[i]!, query: MY_CHANGES, feed: `user:${stub.username(i)}` });
      }
      for (let j = 0; j < admins; j++) {
        specs.push({ url: wsUrl(target.children[j % instances]!), token: adminTokens[j]!, query: POOL_CHANGES, feed: 'pool' });
      }
      const subscribed = await subscribeTimed(target, subs, specs);
      const connectS = subscribed.seconds;
      const rssAfter = totalRss(target);
      const memPerConnKiB = (rssAfter - rssBefore) / specs.length / 1024;
      log(
        `  steady: ${specs.length} subscribed in ${connectS.toFixed(1)} s, CPU ${subscribed.cpuS.toFixed(1)} s${subscribed.idle ? '' : ' (server never went idle)'}; RSS ${(rssBefore / 2 ** 20).toFixed(0)} → ${(rssAfter / 2 ** 20).toFixed(0)} MiB`,
      );

      // Every admin and the probed user must receive a change before measuring.
      const probed = await probe(target, subs, stub.username(users - 1), admins + 1);
      if (kind === 'service') {
        const toTemplate = (data: string) => data.replace(/seq-\d+/g, '__SEQ__');
        const userMessage = probed.find((r) => r.conn === users - 1);
        const poolMessage = probed.find((r) => r.conn >= users);
        if (userMessage) templates.user = toTemplate(userMessage.data);
        if (poolMessage) templates.pool = toTemplate(poolMessage.data);
      }

      const total = Math.round(options.rate * options.durationS);
      const stride = strideFor(users);
      const adminConns = Array.from({ length: admins }, (_, j) => users + j);
      // Unmeasured changes at the same rate first: until V8 has optimised the hot paths, a change costs about twice as much.
      const warmup = Math.round(options.rate * options.warmupS);
      if (warmup > 0) {
        log(`  steady: warming up, ${warmup} changes at ${options.rate}/s`);
        const warmErrors: string[] = [];
        await atRate(warmup, options.rate, async (i) => {
          await sendChange(target, new Map(), warmErrors, stub.username((i * stride + 2) % users), i, { conns: [] });
        });
        if (warmErrors.length > 0) throw new Error(`${kind}: warm-up changes failed: ${warmErrors[0]}`);
        await sleep(300);
      }
      // The service's phase again until two runs agree on p99 and on CPU per change (the baseline's once).
      const runs = await runUntilAgreed(
        async (run) => {
          log(`  steady: measuring${run > 1 ? ` again (run ${run})` : ''}, ${total} changes at ${options.rate}/s`);
          const phase = await measured(target, subs, async (sent) => {
            const errors: string[] = [];
            await atRate(total, options.rate, async (i) => {
              const user = (i * stride + 1) % users;
              await sendChange(target, sent, errors, stub.username(user), i, { conns: [user, ...adminConns] });
            });
            await subs.waitForCount(total * (admins + 1), 10_000);
            return { changeErrors: errors, changes: total };
          });
          log(
            `  steady: p50 ${phase.latency.p50.toFixed(1)} p99 ${phase.latency.p99.toFixed(1)} ms, lost ${phase.lost}, dup ${phase.dup}, CPU ${phase.cpuPercent.toFixed(0)}% (${phase.cpuMsPerChange.toFixed(2)} ms per change), gen CPU ${phase.genCpuPercent.toFixed(0)}% (worst loop delay ${phase.genLoopDelayMaxMs.toFixed(0)} ms), other CPU ${phase.otherCpuPercent.toFixed(0)}%, steal ${phase.stealPercent.toFixed(0)}%, CPU speed ${phase.cpuSpeed.join(' → ')}`,
          );
          return phase;
        },
        [(p) => p.latency.p99, (p) => p.cpuMsPerChange],
        { max: kind === 'service' ? options.repeats : 1 },
      );
      const phase = runs[runs.length - 1]!;
      return {
        ...phase,
        ...overRuns(runs),
        runs: runs.map(({ timeline: _t, cognitoConnectionsAtMs: _c, cognitoRetriesAtMs: _r, ...rest }) => rest),
        memPerConnKiB,
        rssBefore,
        rssAfter,
        connectS,
        connectCpuS: subscribed.cpuS,
        connectWindowUs: subscribed.monotonicWindowUs,
        connectAddedAfterMs: subscribed.addedAfterMs,
        connectUsage: subscribed.usage,
        connections: specs.length,
      };
    } finally {
      await subs.closeAll();
    }
  }

  /** Broadcast on a started target: N subscribers of the pool feed, N growing. */
  async function broadcast(target: Target, instances: 1 | 2, fresh: boolean) {
    const { kind } = target;
    const subs = new Subscribers();
    const results: (PhaseResult & { n: number; memPerConnKiB: number; connectS: number; connectCpuS: number; p99Runs: Repeated; cpuRuns: Repeated })[] = [];
    try {
      const rssBefore = totalRss(target);
      for (const n of options.broadcastNs) {
        const from = subs.size;
        const specs: SubscriberSpec[] = [];
        for (let k = from; k < n; k++) {
          specs.push({ url: wsUrl(target.children[k % instances]!), token: adminTokens[k]!, query: POOL_CHANGES, feed: 'pool' });
        }
        const subscribed = await subscribeTimed(target, subs, specs);
        const connectS = subscribed.seconds;
        // After another scenario on the same process, freed memory is reused: no reading.
        const memPerConnKiB = fresh ? (totalRss(target) - rssBefore) / n / 1024 : Number.NaN;
        log(`  broadcast N=${n}: ${specs.length} more subscribed in ${connectS.toFixed(1)} s, CPU ${subscribed.cpuS.toFixed(1)} s`);
        // Unmeasured rounds first (JIT warm-up): every subscriber must receive them.
        for (let w = 0; w < options.warmupRounds; w++) {
          const probed = await probe(target, subs, stub.username(w), n);
          if (kind === 'service' && !templates.pool) templates.pool = probed[0]!.data.replace(/seq-\d+/g, '__SEQ__');
        }
        await sleep(200);
        // The service's rounds again until two runs agree on p99 and on CPU per delivery (the baseline's once).
        const runs = await runUntilAgreed(
          async () => {
            const phase = await measured(target, subs, async (sent) => {
              const errors: string[] = [];
              for (let r = 0; r < options.rounds; r++) {
                await sendChange(target, sent, errors, stub.username(r % options.users), r, { conns: [], range: [0, n] });
                await subs.waitForCount((r + 1) * n, 15_000);
                await sleep(100);
              }
              return { changeErrors: errors, changes: options.rounds };
            });
            log(
              `  broadcast N=${n}: p50 ${phase.latency.p50.toFixed(1)} p99 ${phase.latency.p99.toFixed(1)} last ${phase.untilLast.max.toFixed(1)} ms, lost ${phase.lost}, dup ${phase.dup}, CPU ${phase.cpuPercent.toFixed(0)}% (${((phase.cpuMsPerChange / n) * 1000).toFixed(1)} µs per delivery), gen CPU ${phase.genCpuPercent.toFixed(0)}% (worst loop delay ${phase.genLoopDelayMaxMs.toFixed(0)} ms), other CPU ${phase.otherCpuPercent.toFixed(0)}%, steal ${phase.stealPercent.toFixed(0)}%, CPU speed ${phase.cpuSpeed.join(' → ')}`,
            );
            return phase;
          },
          [(p) => p.latency.p99, (p) => p.cpuMsPerChange],
          { max: kind === 'service' ? options.repeats : 1 },
        );
        const phase = runs[runs.length - 1]!;
        results.push({
          ...phase,
          ...overRuns(runs),
          n,
          memPerConnKiB,
          connectS,
          connectCpuS: subscribed.cpuS,
        });
      }
      return results;
    } finally {
      await subs.closeAll();
    }
  }

  /** The reconnect storm on a started target; see the module's documentation. */
  async function storm(target: Target, instances: 1 | 2) {
    const n = options.stormN;
    const specs = (after?: string): SubscriberSpec[] =>
      Array.from({ length: n }, (_, k) => ({ url: wsUrl(target.children[k % instances]!), token: adminTokens[k]!, query: STORM_CHANGES, feed: 'pool', ...(after ? { variables: { after } } : {}) }));
    const first = new Subscribers();
    let cursor: string | undefined;
    let freshMs = Number.NaN;
    let freshCpuS = Number.NaN;
    try {
      const fresh = await subscribeTimed(target, first, specs());
      freshMs = fresh.seconds * 1000;
      freshCpuS = fresh.cpuS;
      const probed = await probe(target, first, stub.username(0), n);
      if (target.kind === 'service') {
        const message = JSON.parse(probed[0]!.data) as { payload?: { data?: { userPoolAttributesChanged?: { cursor?: string } } } };
        cursor = message.payload?.data?.userPoolAttributesChanged?.cursor;
        if (!cursor) throw new Error(`storm: no cursor in ${probed[0]!.data.slice(0, 200)}`);
      }
    } finally {
      await first.closeAll();
    }
    await waitIdle(pids(target), { quietMs: options.quietMs, threshold: idleThreshold });
    // The gap: changes nobody is connected to hear.
    const sent = new Map<number, Sent>();
    const errors: string[] = [];
    for (let c = 0; c < options.stormChanges; c++) await sendChange(target, sent, errors, stub.username(c % options.users), c, { conns: [], range: [0, n] });
    if (errors.length > 0) throw new Error(`storm: changes failed: ${errors[0]}`);
    await sleep(200);
    const again = new Subscribers();
    try {
      const cpu0 = totalCpu(target);
      const t0 = performance.now();
      await again.add(specs(cursor));
      const reconnectedMs = performance.now() - t0;
      const expected = target.kind === 'service' ? n * options.stormChanges : 0;
      const complete = expected === 0 || (await again.waitForCount(expected, 180_000));
      const caughtUpMs = performance.now() - t0;
      const cpuS = totalCpu(target) - cpu0;
      await sleep(500);
      const received = again.take();
      const result = analyze(received, sent);
      // Each subscriber's changes must come in the order they were made.
      const lastSeq = new Map<number, number>();
      let outOfOrder = 0;
      for (const { conn, data } of received) {
        const seq = seqOf(data);
        if (seq === null) continue;
        if ((lastSeq.get(conn) ?? -1) > seq) outOfOrder++;
        lastSeq.set(conn, seq);
      }
      log(
        `  storm N=${n}: first subscribed in ${(freshMs / 1000).toFixed(1)} s (CPU ${freshCpuS.toFixed(1)} s), reconnected in ${(reconnectedMs / 1000).toFixed(1)} s, ${target.kind === 'service' ? `caught up in ${(caughtUpMs / 1000).toFixed(1)} s${complete ? '' : ' (NOT all)'}, lost ${result.lost}, dup ${result.dup}, out of order ${outOfOrder}, ` : ''}CPU ${cpuS.toFixed(1)} s`,
      );
      return { n, changes: options.stormChanges, freshMs, freshCpuS, reconnectedMs, caughtUpMs, lost: target.kind === 'service' ? result.lost : 0, dup: result.dup, outOfOrder, otherCount: result.otherCount, otherMessages: result.otherMessages, cpuS };
    } finally {
      await again.closeAll();
    }
  }

  /**
   * Runs the scenarios on the service or the baseline: on fresh processes
   * each, or (`shareProcesses`, for --short) one after the other on the same.
   */
  async function runOn(kind: Target['kind'], instances: 1 | 2): Promise<{ steady?: SteadyResult; broadcast?: BroadcastResult[]; storm?: Awaited<ReturnType<typeof storm>> }> {
    const out: { steady?: SteadyResult; broadcast?: BroadcastResult[]; storm?: Awaited<ReturnType<typeof storm>> } = {};
    const groups = options.shareProcesses ? [options.scenarios] : options.scenarios.map((s) => [s]);
    for (const scenarios of groups) {
      log(`${scenarios.join(' + ')} / ${label(instances)} / ${kind}: starting`);
      const target = await startTarget(kind, instances, label(instances));
      let probes: (ProbeData | undefined)[] = [];
      try {
        await warm(target);
        if (scenarios.includes('steady')) out.steady = await steady(target, instances);
        if (scenarios.includes('broadcast')) out.broadcast = await broadcast(target, instances, !scenarios.includes('steady'));
        if (scenarios.includes('storm')) out.storm = await storm(target, instances);
      } finally {
        probes = await stopTarget(target);
      }
      if (scenarios.includes('steady') && out.steady) {
        out.steady.stalls = stallsOf(probes, out.steady.monotonicWindowUs);
        if (out.steady.stalls) log(`  steady: service stalls ${JSON.stringify(out.steady.stalls)}`);
      }
      if (scenarios.includes('broadcast') && out.broadcast) {
        for (const r of out.broadcast) r.stalls = stallsOf(probes, r.monotonicWindowUs);
      }
    }
    return out;
  }


  try {
    for (const instances of options.instances) {
      const onService = await runOn('service', instances);
      const onBaseline = options.noBaseline ? undefined : await runOn('baseline', instances);
      if (onService.steady) {
        const service = onService.steady;
        const base = onBaseline?.steady;
        const p99 = service.p99Runs.value;
        const cpuPerChange = service.cpuRuns.value;
        const met = p99 < TARGET_STEADY_P99_MS && service.lost === 0 && service.dup === 0 && service.unexpected === 0 && service.changeErrors === 0;
        const memRatio = base ? ratio(service.memPerConnKiB, base.memPerConnKiB) : Number.NaN;
        const name = `subscriptions: steady state, ${label(instances)}`;
        // Subscribing the steady state's users: a fresh service, fresh tokens (a deploy, a token-expiry wave).
        const subscribeRatio = base ? ratio(service.connectS, base.connectS) : Number.NaN;
        rows.push({
          scenario: 'subscribe (fresh service and tokens)',
          variant: label(instances),
          n: `${options.users}+${options.admins}`,
          seconds: service.connectS,
          ...(base
            ? {
                baselineSeconds: base.connectS,
                ratioSeconds: subscribeRatio,
                ratioCpu: ratio(service.connectCpuS, base.connectCpuS),
              }
            : {}),
          cpuPer: { value: (service.connectCpuS * 1000) / service.connections, ...(base ? { base: (base.connectCpuS * 1000) / base.connections } : {}), unit: 'subscriber' },
          memPerConnKiB: service.memPerConnKiB,
          ...(base ? { baselineMemPerConnKiB: base.memPerConnKiB } : {}),
          target: `time ≤ ${TARGET_SUBSCRIBE_RATIO}× base; mem/conn ≤ ${TARGET_MEM_RATIO}× base`,
          met: subscribeRatio <= TARGET_SUBSCRIBE_RATIO && memRatio <= TARGET_MEM_RATIO,
        });
        if (base) {
          targets.push({ name: `${name}: subscribing ${service.connections} ÷ bare ws baseline`, measured: round(subscribeRatio), target: `≤ ${TARGET_SUBSCRIBE_RATIO}`, unit: '×', met: subscribeRatio <= TARGET_SUBSCRIBE_RATIO });
          targets.push({ name: `${name}: memory per connection ÷ bare ws baseline`, measured: round(memRatio), target: `≤ ${TARGET_MEM_RATIO}`, unit: '×', met: memRatio <= TARGET_MEM_RATIO });
        }
        rows.push({
          scenario: `steady ${options.rate}/s × ${options.durationS} s`,
          variant: label(instances),
          n: `${options.users}+${options.admins}`,
          p50: service.latency.p50,
          p95: service.latency.p95,
          p99,
          max: service.latency.max,
          ...(base
            ? {
                baselineP50: base.latency.p50,
                baselineP99: base.latency.p99,
                ratioP50: ratio(service.latency.p50, base.latency.p50),
                ratioP99: ratio(p99, base.latency.p99),
                baselineCpuPercent: base.cpuPercent,
                ratioCpu: ratio(cpuPerChange, base.cpuMsPerChange),
              }
            : {}),
          cpuPer: { value: cpuPerChange, ...(base ? { base: base.cpuMsPerChange } : {}), unit: 'change' },
          runs: runsCell(service.p99Runs),
          lost: service.lost,
          dup: service.dup,
          cpuPercent: service.cpuPercent,
          genCpuPercent: service.genCpuPercent,
          otherCpuPercent: service.otherCpuPercent,
          stealPercent: service.stealPercent,
          target: `p99 < ${TARGET_STEADY_P99_MS} ms, ≤ ${TARGET_STEADY_CPU_MS_PER_CHANGE} CPU ms/change, 0 lost${instances > 1 ? ', 0 dup' : ''}`,
          met: met && cpuPerChange <= TARGET_STEADY_CPU_MS_PER_CHANGE,
        });
        targets.push({ name: `${name}: delivery p99`, measured: round(p99), target: `< ${TARGET_STEADY_P99_MS}`, unit: 'ms', met: p99 < TARGET_STEADY_P99_MS });
        targets.push({ name: `${name}: service CPU per change`, measured: round(cpuPerChange), target: `≤ ${TARGET_STEADY_CPU_MS_PER_CHANGE}`, unit: 'ms', met: cpuPerChange <= TARGET_STEADY_CPU_MS_PER_CHANGE });
        targets.push({ name: `${name}: events lost`, measured: service.lost, target: '= 0', unit: 'events', met: service.lost === 0 });
        targets.push({ name: `${name}: duplicate events`, measured: service.dup, target: '= 0', unit: 'events', met: service.dup === 0 });
        notes.push(
          `Steady state, ${label(instances)}: ${service.runs.length} measured run(s) of ${options.durationS} s (repeated until two agree within 10 % on p99 and on CPU per change, at most ${options.repeats}): p99 ${service.p99Runs.values.map((v) => v.toFixed(1)).join(', ')} ms; CPU per change ${service.cpuRuns.values.map((v) => v.toFixed(2)).join(', ')} ms${service.cpuRuns.agreed || service.runs.length < 2 ? '' : ' (no two agreed: the median is shown)'}. The table shows the agreeing pair's mean (else the median); p50/p95/max are the last run's.`,
        );
        if (service.unexpected > 0) notes.push(`${name}: ${service.unexpected} events reached a subscriber they were not for.`);
        if (service.changeErrors > 0) notes.push(`${name}: ${service.changeErrors} changes failed, e.g. ${service.changeErrorSamples[0]}`);
        if (service.otherCount > 0) notes.push(`${name}: ${service.otherCount} non-event messages, e.g. ${service.otherMessages[0]}`);
        if (service.unexpectedCloses > 0) notes.push(`${name}: ${service.unexpectedCloses} sockets closed during the run.`);
        details[`steady/${instances}`] = { service, baseline: base };
      }
      if (onService.broadcast) {
        const service = onService.broadcast;
        const base = onBaseline?.broadcast;
        for (const [i, s] of service.entries()) {
          const b = base?.[i];
          const hasTarget = s.n === 1000;
          const largest = s.n === Math.max(...options.broadcastNs) && s.n > 1000;
          const p99 = s.p99Runs.value;
          const p99Ratio = b ? ratio(p99, b.latency.p99) : Number.NaN;
          const perDelivery = s.cpuRuns.value / s.n;
          const met = hasTarget ? p99 < TARGET_BROADCAST_1K_P99_MS && s.lost === 0 && s.dup === 0 : p99Ratio <= TARGET_BROADCAST_P99_RATIO && s.lost === 0 && s.dup === 0;
          rows.push({
            scenario: `broadcast (${options.rounds} changes)`,
            variant: label(instances),
            n: String(s.n),
            p50: s.latency.p50,
            p95: s.latency.p95,
            p99,
            max: s.untilLast.max,
            ...(b
              ? {
                  baselineP50: b.latency.p50,
                  baselineP99: b.latency.p99,
                  ratioP50: ratio(s.latency.p50, b.latency.p50),
                  ratioP99: p99Ratio,
                  baselineMemPerConnKiB: b.memPerConnKiB,
                  baselineCpuPercent: b.cpuPercent,
                  ratioCpu: ratio(perDelivery, b.cpuMsPerChange / b.n),
                }
              : {}),
            cpuPer: { value: perDelivery, ...(b ? { base: b.cpuMsPerChange / b.n } : {}), unit: 'delivery' },
            runs: runsCell(s.p99Runs),
            lost: s.lost,
            dup: s.dup,
            memPerConnKiB: s.memPerConnKiB,
            cpuPercent: s.cpuPercent,
            genCpuPercent: s.genCpuPercent,
            otherCpuPercent: s.otherCpuPercent,
            stealPercent: s.stealPercent,
            ...(hasTarget ? { target: `p99 < ${TARGET_BROADCAST_1K_P99_MS} ms`, met } : largest && b ? { target: `p99 ≤ ${TARGET_BROADCAST_P99_RATIO}× base`, met } : {}),
          });
          if (hasTarget) {
            targets.push({
              name: `subscriptions: broadcast to 1k, ${label(instances)}: delivery p99`,
              measured: round(p99),
              target: `< ${TARGET_BROADCAST_1K_P99_MS}`,
              unit: 'ms',
              met: p99 < TARGET_BROADCAST_1K_P99_MS,
            });
          }
          if (largest && b) {
            targets.push({
              name: `subscriptions: broadcast to ${s.n}, ${label(instances)}: delivery p99 ÷ bare ws baseline`,
              measured: round(p99Ratio),
              target: `≤ ${TARGET_BROADCAST_P99_RATIO}`,
              unit: '×',
              met: p99Ratio <= TARGET_BROADCAST_P99_RATIO,
            });
            notes.push(
              `Broadcast to ${s.n}, ${label(instances)}: ${s.p99Runs.values.length} measured run(s) of ${options.rounds} changes: p99 ${s.p99Runs.values.map((v) => v.toFixed(0)).join(', ')} ms, CPU per delivery ${s.cpuRuns.values.map((v) => ((v / s.n) * 1000).toFixed(1)).join(', ')} µs (baseline: p99 ${b.latency.p99.toFixed(0)} ms, ${((b.cpuMsPerChange / b.n) * 1000).toFixed(1)} µs).`,
            );
          }
          if (s.lost > 0 || s.dup > 0) notes.push(`broadcast N=${s.n}, ${label(instances)}: ${s.lost} lost, ${s.dup} duplicated.`);
        }
        details[`broadcast/${instances}`] = { service, baseline: base };
      }
      if (onService.storm) {
        const service = onService.storm;
        const base = onBaseline?.storm;
        const times = base ? ratio(service.caughtUpMs, base.reconnectedMs) : Number.NaN;
        const met = service.lost === 0 && service.dup === 0 && service.outOfOrder === 0 && (!base || times <= TARGET_STORM_RATIO);
        rows.push({
          scenario: `reconnect storm (${service.changes} changes missed)`,
          variant: label(instances),
          n: String(service.n),
          p50: Number.NaN,
          p95: Number.NaN,
          p99: service.caughtUpMs,
          max: service.caughtUpMs,
          ...(base ? { baselineP99: base.reconnectedMs, ratioP99: times, ratioCpu: ratio(service.cpuS, base.cpuS) } : {}),
          cpuPer: { value: (service.cpuS * 1000) / service.n, ...(base ? { base: (base.cpuS * 1000) / base.n } : {}), unit: 'subscriber' },
          lost: service.lost,
          dup: service.dup,
          target: `all caught up ≤ ${TARGET_STORM_RATIO}× the baseline's reconnect, 0 lost, 0 dup, in order`,
          met,
        });
        const name = `subscriptions: reconnect storm of ${service.n}, ${label(instances)}`;
        // The same subscribers' first subscribe: administrators on the pool feed, every token new to the service.
        const freshRatio = base ? ratio(service.freshMs, base.freshMs) : Number.NaN;
        rows.push({
          scenario: 'subscribe, administrators (fresh tokens)',
          variant: label(instances),
          n: String(service.n),
          seconds: service.freshMs / 1000,
          ...(base ? { baselineSeconds: base.freshMs / 1000, ratioSeconds: freshRatio, ratioCpu: ratio(service.freshCpuS, base.freshCpuS) } : {}),
          cpuPer: { value: (service.freshCpuS * 1000) / service.n, ...(base ? { base: (base.freshCpuS * 1000) / base.n } : {}), unit: 'subscriber' },
        });
        // No target: each new administrator's token is confirmed with Cognito (3 calls, at most
        // COGNITO_MAX_CONCURRENCY in flight, within the UserRead quota), which no bare server does.
        notes.push(
          `Subscribe, administrators, ${label(instances)}: ${service.n} new administrator tokens on the pool feed took ${(service.freshMs / 1000).toFixed(1)} s and ${service.freshCpuS.toFixed(1)} CPU s${base ? ` (bare ws: ${(base.freshMs / 1000).toFixed(1)} s)` : ''}: each token's standing is confirmed with Cognito first (AdminGetUser, AdminListGroupsForUser, GetUser; at most COGNITO_MAX_CONCURRENCY in flight), so it is bound by Cognito's latency and quota, not by the service's CPU. No target: the subscribing target is the steady state's users.`,
        );
        if (base) targets.push({ name: `${name}: caught up ÷ baseline reconnect`, measured: round(times), target: `≤ ${TARGET_STORM_RATIO}`, unit: '×', met: times <= TARGET_STORM_RATIO });
        targets.push({ name: `${name}: events lost, duplicated or out of order`, measured: service.lost + service.dup + service.outOfOrder, target: '= 0', unit: 'events', met: service.lost + service.dup + service.outOfOrder === 0 });
        notes.push(
          `Reconnect storm, ${label(instances)}: ${service.n} subscribers resumed with \`after:\` and had all ${service.changes} changes they missed ${(service.caughtUpMs / 1000).toFixed(1)} s after reconnecting began (reconnected in ${(service.reconnectedMs / 1000).toFixed(1)} s; service CPU ${service.cpuS.toFixed(1)} s; the same subscribers' first subscribe, without \`after:\`, took ${(service.freshMs / 1000).toFixed(1)} s and ${service.freshCpuS.toFixed(1)} CPU s); ${service.lost} lost, ${service.dup} duplicated, ${service.outOfOrder} out of order.${base ? ` The bare \`ws\` baseline reconnected the same ${base.n} sockets in ${(base.reconnectedMs / 1000).toFixed(1)} s.` : ''}`,
        );
        if (service.otherCount > 0) notes.push(`${name}: ${service.otherCount} non-event messages, e.g. ${service.otherMessages[0]}`);
        details[`storm/${instances}`] = { service, baseline: base };
      }
    }
  } finally {
    details.cognitoCalls = stub.calls;
    await stub.stop();
  }
  const noisy = rows.filter((r) => (r.otherCpuPercent ?? 0) > 20 || (r.stealPercent ?? 0) > 10);
  if (noisy.length > 0) {
    notes.unshift(
      `The machine was not quiet during ${noisy.length} of the ${rows.length} service phases: other processes used ${noisy.map((r) => `${Math.round(Math.max(0, r.otherCpuPercent ?? 0))} %`).join(', ')} of a core (with two instances Redis is part of it), the hypervisor took ${noisy.map((r) => `${Math.round(r.stealPercent ?? 0)} %`).join(', ')}. Latency tails are sensitive to it: compare with the baseline, measured in the same run.`,
    );
  }
  const speeds = Object.values(details)
    .flatMap((d) => {
      const entry = d as { service?: PhaseResult | PhaseResult[] } | undefined;
      return entry?.service ? (Array.isArray(entry.service) ? entry.service : [entry.service]) : [];
    })
    .flatMap((p) => p.cpuSpeed ?? []);
  if (speeds.length > 0) {
    notes.push(
      `CPU speed of the VM during the service phases (SHA-256 of 16 KiB per ms, measured around each phase): ${Math.min(...speeds).toFixed(1)} to ${Math.max(...speeds).toFixed(1)}. On a shared host it drops while neighbours are busy, and the service's CPU per change rises with it.`,
    );
  }
  notes.push(
    'Latency: mutation sent → event received by the load generator (same process clock). Broadcast: p50/p95/p99 over every (change, subscriber) delivery; max = worst time until the last subscriber had a change.',
    `Baseline: bare \`ws\` server (bench/baseline-ws.ts) sending the service's own messages (same size) to the same connections, driven the same way${options.instances.includes(2) ? '; two instances relay through Redis pub/sub' : ''}. ×p50/×p99 = service ÷ baseline.`,
    `Cognito: in-process stub (bench/stub-cognito.ts), ${options.cognitoDelayMs} ms added per call. CPU % = CPU seconds of the service process(es) ÷ wall seconds of the measured phase (100 % = one core); gen = the load generator (this process).`,
  );
  return { group: 'subscriptions', rows, targets, notes, details };
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * What tracing costs (issue 14): `me` (no cache, 1,000 users' tokens
 * round-robin) on two services started side by side in the same run against
 * the same Cognito stub — tracing off (no OTEL_* variable: nothing of
 * OpenTelemetry loaded) and on (OTEL_EXPORTER_OTLP_ENDPOINT at a dummy OTLP
 * collector, the default sampler `parentbased_always_on`: every request
 * traced, two spans each, exported in batches) — in alternating rounds
 * (off, on, off, on…) so a neighbour's burst does not land on one side only.
 *
 * Reported: verified req/s, p50/p99, the service's CPU per request (µs: CPU
 * seconds of the service process over the phase ÷ answers), and on ÷ off.
 * The collector runs in this process (the load generator's): it answers 200
 * and counts the spans and bytes it received, so a run shows the spans really
 * left. It is the same for both sides except that only one sends to it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closedLoop, type LoadResult } from './lib/http-load.js';
import { cpuSeconds, NO_QUOTAS, sleep, startService, startStubServer, type StubServer } from './lib/processes.js';
import type { BenchRow, GroupResult, TargetResult } from './lib/report.js';
import { fmt, ratio } from './lib/stats.js';

export interface TracingBenchOptions {
  /** Connections of the closed loop. */
  connections: number;
  /** Measured seconds per phase. */
  durationS: number;
  /** Unmeasured seconds before each side's first phase. */
  warmupS: number;
  /** Off/on pairs. */
  rounds: number;
  serviceEnv: Record<string, string>;
  serviceRoot?: string;
  log: (message: string) => void;
}

const ME = /* GraphQL */ `query BenchMe { me { username attributes { name value } } }`;
const ME_BODY = JSON.stringify({ query: ME });
const USERS = 1_000;

/** A dummy OTLP/HTTP collector: 200 to every POST, spans counted (by their `"spanId"` keys). */
async function startCollector(): Promise<{ url: string; spans: () => number; bytes: () => number; server: Server }> {
  let spans = 0;
  let bytes = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      bytes += body.length;
      spans += body.split('"spanId"').length - 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans: () => spans, bytes: () => bytes, server };
}

interface Side {
  runs: { load: LoadResult; cpuS: number }[];
}

export async function runTracingBenchmarks(options: TracingBenchOptions): Promise<GroupResult> {
  const { log, connections: c } = options;
  const collector = await startCollector();
  log(`tracing: starting the Cognito stub (${USERS} users), the service with tracing off and with tracing on (OTLP to ${collector.url})`);
  const stub: StubServer = await startStubServer({ users: USERS, admins: 0 });
  const service = (name: string, env: Record<string, string>) =>
    startService({
      name,
      cognitoUrl: stub.url,
      poolId: stub.poolId,
      env: { ...NO_QUOTAS, ME_CACHE_TTL_MS: '0', RECONCILE_READS_PER_SECOND: '0', ...options.serviceEnv, ...env },
      ...(options.serviceRoot ? { root: options.serviceRoot } : {}),
    });
  const [off, on, tokens] = await Promise.all([
    service('service (tracing off)', {}),
    service('service (tracing on)', { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url }),
    stub.tokens(Array.from({ length: USERS }, (_, i) => `u${String(i).padStart(5, '0')}`)),
  ]);
  const verify = (body: string) => body.startsWith('{"data":{"me":{"username":"') && !body.includes('"errors"');
  const sides: Record<'off' | 'on', Side> = { off: { runs: [] }, on: { runs: [] } };
  let offset = 0;
  const load = (url: string, seconds: number) => {
    const start = offset;
    offset += 100_000;
    return closedLoop({
      url: `${url}/graphql`,
      connections: c,
      durationS: seconds,
      requestFor: (i) => ({ headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[(start + i) % tokens.length]}` }, body: ME_BODY }),
      verify,
    });
  };
  try {
    for (const [side, server] of [['off', off], ['on', on]] as const) {
      log(`tracing: warm-up of ${side}, ${options.warmupS} s`);
      await load(server.url, options.warmupS);
    }
    const spans0 = collector.spans();
    for (let round = 1; round <= options.rounds; round += 1) {
      for (const [side, server] of [['off', off], ['on', on]] as const) {
        await sleep(300);
        log(`tracing: round ${round}, ${side}, c=${c}, ${options.durationS} s`);
        const cpu0 = cpuSeconds(server.process.pid!);
        const result = await load(server.url, options.durationS);
        sides[side].runs.push({ load: result, cpuS: cpuSeconds(server.process.pid!) - cpu0 });
      }
    }
    // The batch processor exports every 5 s or 512 spans: the last ones arrive after the run.
    await sleep(6_000);
    const exported = collector.spans() - spans0;

    const summary = (side: Side) => {
      const ok = side.runs.reduce((n, r) => n + r.load.ok, 0);
      const failed = side.runs.reduce((n, r) => n + r.load.failed, 0);
      const wall = side.runs.reduce((n, r) => n + r.load.wallS, 0);
      const cpu = side.runs.reduce((n, r) => n + r.cpuS, 0);
      const p50 = side.runs.map((r) => r.load.latency.p50).sort((a, b) => a - b)[Math.floor(side.runs.length / 2)]!;
      const p99 = Math.max(...side.runs.map((r) => r.load.latency.p99));
      return { ok, failed, rps: ok / wall, cpuUsPerRequest: (cpu / Math.max(1, ok)) * 1e6, cpuPercent: (cpu / wall) * 100, p50, p99 };
    };
    const [a, b] = [summary(sides.off), summary(sides.on)];
    const rows: BenchRow[] = [
      { scenario: '`me`, no cache, tracing off', variant: 'no OTEL_* set', n: `c=${c}`, rps: a.rps, p50: a.p50, p99: a.p99, errors: a.failed, cpuPercent: a.cpuPercent },
      {
        scenario: '`me`, no cache, tracing on',
        variant: 'OTLP to a local collector, parentbased_always_on',
        n: `c=${c}`,
        rps: b.rps,
        p50: b.p50,
        p99: b.p99,
        errors: b.failed,
        cpuPercent: b.cpuPercent,
        baseline: 'tracing off',
        baselineRps: a.rps,
        ratioRps: ratio(b.rps, a.rps),
        baselineP50: a.p50,
        baselineP99: a.p99,
        ratioP50: ratio(b.p50, a.p50),
        ratioP99: ratio(b.p99, a.p99),
      },
    ];
    const notes = [
      `tracing: service CPU per request ${fmt(a.cpuUsPerRequest, 0)} µs off, ${fmt(b.cpuUsPerRequest, 0)} µs on (×${fmt(ratio(b.cpuUsPerRequest, a.cpuUsPerRequest), 2)}); req/s on ÷ off ×${fmt(ratio(b.rps, a.rps), 2)}.`,
      `tracing: ${options.rounds} alternating rounds of ${options.durationS} s per side after ${options.warmupS} s of warm-up each; c=${c}; the collector received ${exported} spans for ${b.ok} traced answers (${fmt(exported / Math.max(1, b.ok), 2)} per answer; requests abandoned in flight at the end of a phase are traced too).`,
    ];
    const targets: TargetResult[] = [];
    const details = { off: { ...a, runs: sides.off.runs }, on: { ...b, runs: sides.on.runs }, exportedSpans: exported, collectorBytes: collector.bytes() };
    return { group: 'tracing', title: 'Tracing: `me` with OpenTelemetry off and on', rows, targets, notes, details };
  } finally {
    await Promise.all([off.stop(), on.stop(), stub.child.stop()]);
    await new Promise((resolve) => collector.server.close(resolve));
  }
}

/**
 * `npm run bench`: runs the benchmark scenario groups, prints one markdown
 * table (with the machine it ran on) and writes bench/results.json, where each
 * target of the issues is an entry `{ name, measured, target, met }`.
 *
 * Flags (after `npm run bench --`):
 *   --short                 small and quick (two to three minutes): HTTP at c=50 (1 s) and c=1 (0.5 s) after 0.5 s of warm-up,
 *                           upstream 0 ms, no updateMyAttributes (users at 20 ms);
 *                           subscriptions with 500 users, 3 s steady, broadcast to 1,000, shared processes;
 *                           abuse phases of 3 s after 1 s of warm-up (the stalled one until its readers are dropped, ~25 s)
 *   --only=http,steady,broadcast,storm,abuse,tracing   groups / scenarios to run (default all; HTTP first, abuse, then tracing last)
 *   --tracing-duration=S    tracing: measured seconds per side and round (default 10, --short 2); --tracing-rounds=N (default 3, --short 2)
 *   --http-duration=S       HTTP: measured seconds per phase (default 10; --short 1, and 0.5 at c=1)
 *   --http-connections=1,10,50     HTTP: concurrencies (default 1,10,50, --short 1,50)
 *   --instances=1,2         variants: one instance, two instances through Redis
 *   --users=N --admins=N --rate=N --duration=S --warmup=S   steady state
 *   --n=1000,5000,10000 --rounds=N               broadcast
 *   --storm-n=N --storm-changes=N                reconnect storm: subscribers resuming together (default 10,000;
 *                                                --short 1,000) and changes they missed (default 10; --short 5)
 *   --abuse-phase=S         abuse: seconds per phase (default 10, --short 3; the stalled phase may go on
 *                           up to max(40 s, 3× that) until every stalled reader is dropped)
 *   --storm-loops=N         abuse: concurrent connect/close loops of the reconnect storm (default 32)
 *   --no-baseline           skip the baseline runs
 *   --repeats=N             runs of each target's measured phase at most, until two agree within 10 % (default 3; --short 1)
 *   --cognito-delay-ms=N    delay of every Cognito stub answer (subscriptions; HTTP always runs 0 and 20 ms)
 *   --redis-url=URL         (default redis://127.0.0.1:6379/15)
 *   --max-concurrency=N     the service's COGNITO_MAX_CONCURRENCY
 *   --reconcile-reads=N     the service's RECONCILE_READS_PER_SECOND (0: no re-reading for outside changes)
 *   --node-options="…"      NODE_OPTIONS of the service processes (e.g. --max-semi-space-size=64)
 *   --service-env=A=1,B=2   any other settings of the service processes (an ablation: one piece turned off)
 *   --cpu-prof[=DIR]        write the service processes' V8 CPU profiles (default bench/profiles)
 *   --service-root=DIR      run the service of another checkout (its src/main.ts and node_modules)
 *   --out=FILE              results file (default bench/results.json)
 *   --write-readme          also put the table into bench/README.md (between its results markers)
 *
 * The process needs a file descriptor per subscriber: the npm script raises
 * `ulimit -n` to the hard limit first.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { killChildren } from './lib/processes.js';
import { machine, machineLine, markdownTable, type GroupResult } from './lib/report.js';
import { runAbuseBenchmarks } from './abuse.js';
import { runHttpBenchmarks } from './http.js';
import { runSubscriptionBenchmarks } from './subscriptions.js';
import { runTracingBenchmarks } from './tracing.js';

const args = new Map<string, string>();
for (const arg of process.argv.slice(2)) {
  const match = /^--([\w-]+)(?:=(.*))?$/.exec(arg);
  if (!match) {
    console.error(`Unknown argument ${arg}`);
    process.exit(2);
  }
  args.set(match[1]!, match[2] ?? 'true');
}
const short = args.has('short');
const num = (name: string, fallback: number) => (args.has(name) ? Number(args.get(name)) : fallback);
const list = (name: string, fallback: number[]) => (args.has(name) ? args.get(name)!.split(',').map(Number) : fallback);

// Interrupted or failed: no service or baseline process may outlive the run.
process.on('exit', killChildren);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killChildren();
    process.exit(130);
  });
}

const started = performance.now();
const log = (message: string) => console.error(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);

const info = machine();
log(machineLine(info));
/** The code measured: commit, and whether src/ had uncommitted changes. */
let revision = 'unknown';
try {
  const { execFileSync } = await import('node:child_process');
  const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { encoding: 'utf8' }).trim();
  revision = `${head}${dirty ? ' + uncommitted changes in src/' : ''}`;
} catch {
  // not a git checkout
}
if (args.has('service-root')) revision = `the service in ${args.get('service-root')}`;

const cpuProfDir = args.has('cpu-prof')
  ? args.get('cpu-prof') === 'true'
    ? fileURLToPath(new URL('./profiles', import.meta.url))
    : args.get('cpu-prof')!
  : undefined;
if (cpuProfDir) mkdirSync(cpuProfDir, { recursive: true });

const GROUPS = ['http', 'steady', 'broadcast', 'storm', 'abuse', 'tracing'];
const only = args.get('only')?.split(',') ?? GROUPS;
for (const name of only) {
  if (!GROUPS.includes(name)) {
    console.error(`Unknown --only=${name}: one or more of ${GROUPS.join(', ')}`);
    process.exit(2);
  }
}
const serviceEnv = {
  ...(args.has('max-concurrency') ? { COGNITO_MAX_CONCURRENCY: args.get('max-concurrency')! } : {}),
  ...(args.has('reconcile-reads') ? { RECONCILE_READS_PER_SECOND: args.get('reconcile-reads')! } : {}),
  ...(args.has('node-options') ? { NODE_OPTIONS: args.get('node-options')! } : {}),
  // Any other setting of the service, for an ablation: --service-env=AUTH_RECHECKS_PER_SECOND=1,ME_CACHE_TTL_MS=0
  ...Object.fromEntries(
    (args.get('service-env') ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  ),
};

const groups: GroupResult[] = [];
if (only.includes('http')) {
  // Highest concurrency first: its warm-up is the JIT's.
  const connections = [...new Set(list('http-connections', short ? [1, 50] : [1, 10, 50]))].sort((a, b) => b - a);
  const maxC = connections[0]!;
  const minC = connections[connections.length - 1]!;
  groups.push(
    await runHttpBenchmarks({
      connections,
      cachedConnections: short ? [maxC] : connections,
      updateConnections: short ? [] : [...new Set([maxC, minC])],
      yogaConnections: short ? [maxC] : connections,
      delays: short ? [0] : [0, 20],
      usersDelays: short ? [20] : [0, 20],
      durationS: num('http-duration', short ? 1 : 10),
      sequentialDurationS: num('http-duration', short ? 0.5 : 10),
      warmupS: short ? 0.5 : 3,
      settleS: short ? 0.2 : 1,
      usersRequests: short ? 5 : 10,
      usersWarmup: short ? 1 : 3,
      meUsers: 1_000,
      cachedUsers: 100,
      repeats: num('repeats', short ? 1 : 3),
      serviceEnv,
      ...(cpuProfDir ? { cpuProfDir } : {}),
      ...(args.has('service-root') ? { serviceRoot: args.get('service-root')! } : {}),
      log,
    }),
  );
}
const subscriptionScenarios = only.filter((s): s is 'steady' | 'broadcast' | 'storm' => s === 'steady' || s === 'broadcast' || s === 'storm');
if (subscriptionScenarios.length > 0) {
  groups.push(
    await runSubscriptionBenchmarks({
      users: num('users', short ? 500 : 10_000),
      admins: num('admins', 10),
      rate: num('rate', 100),
      durationS: num('duration', short ? 3 : 60),
      warmupS: num('warmup', short ? 1 : 10),
      quietMs: short ? 300 : 1_000,
      warmupRounds: short ? 2 : 3,
      shareProcesses: short,
      broadcastNs: list('n', short ? [1_000] : [1_000, 5_000, 10_000]),
      rounds: num('rounds', short ? 5 : 10),
      stormN: num('storm-n', short ? 1_000 : 10_000),
      stormChanges: num('storm-changes', short ? 5 : 10),
      scenarios: subscriptionScenarios,
      instances: list('instances', [1, 2]) as (1 | 2)[],
      noBaseline: args.has('no-baseline'),
      repeats: num('repeats', short ? 1 : 3),
      cognitoDelayMs: num('cognito-delay-ms', 0),
      redisUrl: args.get('redis-url') ?? 'redis://127.0.0.1:6379/15',
      serviceEnv,
      ...(cpuProfDir ? { cpuProfDir } : {}),
      ...(args.has('service-root') ? { serviceRoot: args.get('service-root')! } : {}),
      log,
    }),
  );
}
if (only.includes('abuse')) {
  const phaseS = num('abuse-phase', short ? 3 : 10);
  groups.push(
    await runAbuseBenchmarks({
      phaseS,
      warmupS: short ? 1 : 2,
      stalledMaxS: Math.max(40, 3 * phaseS),
      changeIntervalMs: 1_000,
      stalledChangeIntervalMs: 250,
      aliases: 12,
      sseStreams: 4,
      stormLoops: num('storm-loops', 32),
      stormUsers: 2,
      probeIntervalMs: 50,
      serviceEnv,
      ...(cpuProfDir ? { cpuProfDir } : {}),
      ...(args.has('service-root') ? { serviceRoot: args.get('service-root')! } : {}),
      log,
    }),
  );
}
if (only.includes('tracing')) {
  groups.push(
    await runTracingBenchmarks({
      connections: 50,
      durationS: num('tracing-duration', short ? 2 : 10),
      warmupS: short ? 1 : 3,
      rounds: num('tracing-rounds', short ? 2 : 3),
      serviceEnv,
      ...(args.has('service-root') ? { serviceRoot: args.get('service-root')! } : {}),
      log,
    }),
  );
}

/** Headings of the groups that bring none. */
const TITLES: Record<string, string> = { subscriptions: 'Subscriptions: steady state, broadcast fan-out and the reconnect storm' };
const rows = groups.flatMap((g) => g.rows);
const targets = groups.flatMap((g) => g.targets);
const output = [
  '',
  machineLine(info),
  `Run: ${new Date().toISOString()}${short ? ' (--short)' : ''}, ${((performance.now() - started) / 1000).toFixed(0)} s, code at ${revision}.`,
  ...groups.flatMap((g) => ['', `**${g.title ?? TITLES[g.group] ?? g.group}**`, '', markdownTable(g.rows), '', ...g.notes.map((n) => `- ${n}`)]),
  '',
  `Targets met: ${targets.filter((t) => t.met).length}/${targets.length}.`,
  ...targets.map((t) => `- ${t.met ? 'met' : '**NOT MET**'}: ${t.name}: ${t.measured}${t.unit ? ` ${t.unit}` : ''} (target ${t.target})`),
];
console.log(output.join('\n'));

if (args.has('write-readme')) {
  const readme = fileURLToPath(new URL('./README.md', import.meta.url));
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- results:start -->';
  const end = '<!-- results:end -->';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) {
    log(`${readme} has no ${start} … ${end} markers; not written`);
  } else {
    writeFileSync(readme, `${text.slice(0, from + start.length)}\n${output.join('\n').trim()}\n${text.slice(to)}`);
    log(`wrote the table into ${readme}`);
  }
}

const out = args.get('out') ?? fileURLToPath(new URL('./results.json', import.meta.url));
writeFileSync(
  out,
  `${JSON.stringify({ machine: info, revision, short, ranAt: new Date().toISOString(), targets, rows, groups: groups.map((g) => ({ group: g.group, title: g.title, rows: g.rows, notes: g.notes, details: g.details })) }, null, 2)}\n`,
);
log(`wrote ${out}`);
process.exit(0);

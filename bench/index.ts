/**
 * `npm run bench`: runs the benchmark scenario groups, prints one markdown
 * table (with the machine it ran on) and writes bench/results.json, where each
 * target of the issues is an entry `{ name, measured, target, met }`.
 *
 * Flags (after `npm run bench --`):
 *   --short                 small and quick (under a minute): 500 users, 3 s steady, broadcast to 1,000, shared processes
 *   --only=steady,broadcast scenarios to run
 *   --instances=1,2         variants: one instance, two instances through Redis
 *   --users=N --admins=N --rate=N --duration=S --warmup=S   steady state
 *   --n=1000,5000,10000 --rounds=N               broadcast
 *   --no-baseline           skip the baseline runs
 *   --cognito-delay-ms=N    delay of every Cognito stub answer
 *   --redis-url=URL         (default redis://127.0.0.1:6379/15)
 *   --max-concurrency=N     the service's COGNITO_MAX_CONCURRENCY
 *   --node-options="…"      NODE_OPTIONS of the service processes (e.g. --max-semi-space-size=64)
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
import { runSubscriptionBenchmarks } from './subscriptions.js';

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

const groups: GroupResult[] = [];
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
    scenarios: (args.get('only')?.split(',') ?? ['steady', 'broadcast']) as ('steady' | 'broadcast')[],
    instances: list('instances', [1, 2]) as (1 | 2)[],
    noBaseline: args.has('no-baseline'),
    cognitoDelayMs: num('cognito-delay-ms', 0),
    redisUrl: args.get('redis-url') ?? 'redis://127.0.0.1:6379/15',
    serviceEnv: {
      ...(args.has('max-concurrency') ? { COGNITO_MAX_CONCURRENCY: args.get('max-concurrency')! } : {}),
      ...(args.has('node-options') ? { NODE_OPTIONS: args.get('node-options')! } : {}),
    },
    ...(cpuProfDir ? { cpuProfDir } : {}),
    ...(args.has('service-root') ? { serviceRoot: args.get('service-root')! } : {}),
    log,
  }),
);

const rows = groups.flatMap((g) => g.rows);
const targets = groups.flatMap((g) => g.targets);
const output = [
  '',
  machineLine(info),
  `Run: ${new Date().toISOString()}${short ? ' (--short)' : ''}, ${((performance.now() - started) / 1000).toFixed(0)} s, code at ${revision}.`,
  '',
  markdownTable(rows),
  '',
  ...groups.flatMap((g) => g.notes.map((n) => `- ${n}`)),
  '',
  `Targets met: ${targets.filter((t) => t.met).length}/${targets.length}.`,
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
  `${JSON.stringify({ machine: info, revision, short, ranAt: new Date().toISOString(), targets, rows, groups: groups.map((g) => ({ group: g.group, notes: g.notes, details: g.details })) }, null, 2)}\n`,
);
log(`wrote ${out}`);
process.exit(0);

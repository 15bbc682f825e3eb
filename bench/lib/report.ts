/**
 * What every scenario group returns, the machine description, and the one
 * markdown table `npm run bench` prints. A group fills the columns that apply
 * to it; columns no row uses are left out.
 */
import { cpus, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { fmt } from './stats.js';

/** One row of the table: one scenario on one variant. Times in ms. */
export interface BenchRow {
  /** E.g. `steady 100 changes/s`, `broadcast`. */
  scenario: string;
  /** E.g. `1 instance`, `2 instances + Redis`. */
  variant: string;
  /** Subscribers / connections. */
  n?: string;
  p50?: number;
  p95?: number;
  p99?: number;
  max?: number;
  baselineP50?: number;
  baselineP99?: number;
  /** Service p50 / baseline p50. */
  ratioP50?: number;
  ratioP99?: number;
  lost?: number;
  dup?: number;
  memPerConnKiB?: number;
  baselineMemPerConnKiB?: number;
  /** Service CPU over the measured phase, % of one core (summed over instances). */
  cpuPercent?: number;
  baselineCpuPercent?: number;
  /** The load generator's (benchmark process') CPU over the measured phase, % of one core. */
  genCpuPercent?: number;
  /** CPU of everything else on the machine over the measured phase, % of one core (Redis included). */
  otherCpuPercent?: number;
  /** CPU the hypervisor took from this VM over the measured phase, % of one core. */
  stealPercent?: number;
  /** HTTP: verified answers per second. */
  rps?: number;
  /** HTTP: what the row is compared with, e.g. `composition`, `yoga`. */
  baseline?: string;
  /** HTTP: the baseline's requests per second. */
  baselineRps?: number;
  /** HTTP: rps / baseline rps. */
  ratioRps?: number;
  /** HTTP: failed requests (non-2xx, GraphQL errors, connection errors, timeouts); a row with any is not a result. */
  errors?: number;
  /** HTTP: Cognito calls per request, by operation (from the stub's counters). */
  callsPerRequest?: Record<string, number>;
  /** HTTP: the server's peak resident memory during the phase, MiB. */
  peakRssMiB?: number;
  baselinePeakRssMiB?: number;
  /** HTTP: CPU over the measured phase, % of one core: the server measured, the Cognito stub, the load generator (this process), everything else, steal. */
  cpu?: { server: number; stub: number; gen: number; other: number; steal: number };
  /** A phase timed as a whole (e.g. subscribing N), seconds; against the baseline's. */
  seconds?: number;
  baselineSeconds?: number;
  ratioSeconds?: number;
  /** The target's CPU time per unit of work (`unit`: change, delivery, request, subscriber), ms, and the baseline's. */
  cpuPer?: { value: number; base?: number; unit: string };
  /** cpuPer ÷ its baseline: the CPU-time ratio beside the latency ratios. */
  ratioCpu?: number;
  /** How many runs the row's target metric took, and whether two agreed (bench/lib/stats.ts `runsCell`). */
  runs?: string;
  target?: string;
  met?: boolean;
}

/** One target of the issue, as written to results.json. */
export interface TargetResult {
  name: string;
  measured: number;
  target: string;
  met: boolean;
  unit?: string;
}

/** What one scenario group (a module like bench/subscriptions.ts) returns. */
export interface GroupResult {
  group: string;
  rows: BenchRow[];
  targets: TargetResult[];
  /** Printed under the table. */
  notes: string[];
  /** Everything else measured, for results.json. */
  details: unknown;
  /** Printed above the group's table. */
  title?: string;
}

/** The machine the benchmark ran on. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
}

export function machine(): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux
  }
  let os = `${process.platform} ${process.arch}`;
  try {
    os = readFileSync('/proc/version', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    // not Linux
  }
  return { cpu, cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, os };
}

const COLUMNS: { key: keyof BenchRow; title: string; format: (row: BenchRow) => string }[] = [
  { key: 'scenario', title: 'scenario', format: (r) => r.scenario },
  { key: 'variant', title: 'variant', format: (r) => r.variant },
  { key: 'n', title: 'N', format: (r) => r.n ?? '' },
  { key: 'rps', title: 'req/s', format: (r) => fmt(r.rps, 0) },
  { key: 'p50', title: 'p50 ms', format: (r) => fmt(r.p50) },
  { key: 'p95', title: 'p95 ms', format: (r) => fmt(r.p95) },
  { key: 'p99', title: 'p99 ms', format: (r) => fmt(r.p99) },
  { key: 'max', title: 'max ms', format: (r) => fmt(r.max) },
  { key: 'errors', title: 'errors', format: (r) => (r.errors === undefined ? '' : r.errors > 0 ? `**${r.errors}**` : '0') },
  { key: 'baseline', title: 'baseline', format: (r) => r.baseline ?? '' },
  { key: 'baselineRps', title: 'base req/s', format: (r) => fmt(r.baselineRps, 0) },
  { key: 'ratioRps', title: '×req/s', format: (r) => fmt(r.ratioRps, 2) },
  { key: 'baselineP50', title: 'base p50', format: (r) => fmt(r.baselineP50) },
  { key: 'baselineP99', title: 'base p99', format: (r) => fmt(r.baselineP99) },
  { key: 'ratioP50', title: '×p50', format: (r) => fmt(r.ratioP50, 1) },
  { key: 'ratioP99', title: '×p99', format: (r) => fmt(r.ratioP99, 1) },
  { key: 'seconds', title: 'time s', format: (r) => fmt(r.seconds) },
  { key: 'baselineSeconds', title: 'base s', format: (r) => fmt(r.baselineSeconds) },
  { key: 'ratioSeconds', title: '×time', format: (r) => fmt(r.ratioSeconds, 1) },
  {
    key: 'cpuPer',
    title: 'CPU ms per unit (base)',
    format: ({ cpuPer: c }) => (c ? `${fmt(c.value, c.value < 0.1 ? 3 : undefined)}${c.base === undefined ? '' : ` (${fmt(c.base, c.base < 0.1 ? 3 : undefined)})`} /${c.unit}` : ''),
  },
  { key: 'ratioCpu', title: '×CPU', format: (r) => fmt(r.ratioCpu, 1) },
  { key: 'runs', title: 'runs', format: (r) => r.runs ?? '' },
  { key: 'callsPerRequest', title: 'Cognito calls/req', format: (r) => formatCalls(r.callsPerRequest) },
  {
    key: 'peakRssMiB',
    title: 'peak RSS MiB (×base)',
    format: (r) => (r.baselinePeakRssMiB ? `${fmt(r.peakRssMiB, 0)} (×${fmt(r.peakRssMiB! / r.baselinePeakRssMiB, 2)})` : fmt(r.peakRssMiB, 0)),
  },
  {
    key: 'cpu',
    title: 'CPU % server / stub / gen / other / steal',
    format: ({ cpu: c }) => (c ? [c.server, c.stub, c.gen, Math.max(0, c.other), c.steal].map((v) => fmt(v, 0)).join(' / ') : ''),
  },
  { key: 'lost', title: 'lost', format: (r) => (r.lost === undefined ? '' : String(r.lost)) },
  { key: 'dup', title: 'dup', format: (r) => (r.dup === undefined ? '' : String(r.dup)) },
  { key: 'memPerConnKiB', title: 'mem/conn KiB (base)', format: (r) => `${fmt(r.memPerConnKiB, 1)} (${fmt(r.baselineMemPerConnKiB, 1)})` },
  { key: 'cpuPercent', title: 'CPU % (base)', format: (r) => `${fmt(r.cpuPercent, 0)} (${fmt(r.baselineCpuPercent, 0)})` },
  {
    key: 'genCpuPercent',
    title: 'gen / other / steal CPU %',
    format: (r) => `${fmt(r.genCpuPercent, 0)} / ${fmt(Math.max(0, r.otherCpuPercent ?? Number.NaN), 0)} / ${fmt(r.stealPercent, 0)}`,
  },
  { key: 'target', title: 'target', format: (r) => r.target ?? '' },
  { key: 'met', title: 'met', format: (r) => (r.met === undefined ? '' : r.met ? 'yes' : '**NO**') },
];

/** `GetUser 1.00, AdminGetUser 0.0030`: small rates keep their digits. */
function formatCalls(calls: Record<string, number> | undefined): string {
  if (!calls) return '';
  const entries = Object.entries(calls).filter(([, n]) => n > 0);
  if (entries.length === 0) return '0';
  return entries.map(([operation, n]) => `${operation} ${n >= 0.1 ? n.toFixed(2) : n.toPrecision(2)}`).join(', ');
}

/** The rows as one markdown table; columns no row fills are left out. */
export function markdownTable(rows: readonly BenchRow[]): string {
  const columns = COLUMNS.filter((c) => rows.some((r) => r[c.key] !== undefined));
  const lines = [`| ${columns.map((c) => c.title).join(' | ')} |`, `|${columns.map((c, i) => (i < 3 ? ':--' : '--:')).join('|')}|`];
  for (const row of rows) lines.push(`| ${columns.map((c) => c.format(row)).join(' | ')} |`);
  return lines.join('\n');
}

/** The machine as one markdown line. */
export function machineLine(m: Machine): string {
  return `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.os}, Node ${m.node}.`;
}

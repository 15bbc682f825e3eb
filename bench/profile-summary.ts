/**
 * Summarises a V8 CPU profile written by `npm run bench -- --cpu-prof`: self
 * time by package and by function, optionally inclusive time, optionally cut
 * to one measured phase (results.json has each phase's `monotonicWindowUs`,
 * on the same clock as the profile's timestamps).
 *
 *   node --import tsx bench/profile-summary.ts bench/profiles/CPU.…cpuprofile [--window=FROM,TO] [--top=30] [--inclusive]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const [file, ...flags] = process.argv.slice(2);
if (!file) {
  console.error('usage: bench/profile-summary.ts <file.cpuprofile> [--window=FROM,TO] [--top=N] [--inclusive]');
  process.exit(2);
}
const flag = (name: string) => flags.find((f) => f.startsWith(`--${name}`))?.split('=')[1];
const window = flag('window')?.split(',').map(Number);
const top = Number(flag('top') ?? 30);
const inclusive = flags.includes('--inclusive');

const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

/** Time (µs) per sampled node, within the window. */
const selfTime = new Map<number, number>();
let at = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  const delta = profile.timeDeltas[i] ?? 0;
  at += delta;
  if (window && (at < window[0]! || at > window[1]!)) continue;
  selfTime.set(profile.samples[i]!, (selfTime.get(profile.samples[i]!) ?? 0) + delta);
}
const total = [...selfTime.values()].reduce((a, b) => a + b, 0);

const where = (url: string) => {
  if (!url) return '(native)';
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.includes('/src/')) return `src/${url.split('/src/')[1]}`;
  return url.replace(/^file:\/\//, '');
};
const label = (node: ProfileNode) => `${node.callFrame.functionName || '(anonymous)'} ${where(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;

const byPackage = new Map<string, number>();
const byFunction = new Map<string, number>();
const byFunctionInclusive = new Map<string, number>();
for (const [id, time] of selfTime) {
  const node = byId.get(id)!;
  const pkg = node.callFrame.url ? where(node.callFrame.url) : node.callFrame.functionName;
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + time);
  byFunction.set(label(node), (byFunction.get(label(node)) ?? 0) + time);
  if (inclusive) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const key = label(byId.get(cur)!);
      if (seen.has(key)) continue;
      seen.add(key);
      byFunctionInclusive.set(key, (byFunctionInclusive.get(key) ?? 0) + time);
    }
  }
}

const print = (map: Map<string, number>, title: string) => {
  console.log(`\n== ${title} (${(total / 1e6).toFixed(2)} s sampled)`);
  for (const [key, time] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((time / total) * 100).toFixed(1).padStart(5)}%  ${(time / 1e3).toFixed(0).padStart(7)} ms  ${key}`);
  }
};
print(byPackage, 'self time by package');
print(byFunction, 'self time by function');
if (inclusive) print(byFunctionInclusive, 'inclusive time by function');

/**
 * Child processes of the benchmark (the service under test, the baseline
 * server) and what the benchmark reads about them from /proc: resident
 * memory and CPU time.
 */
import { spawn, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root (the service's working directory). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ; 100 on Linux everywhere that matters). */
const CLK_TCK = 100;

/** Resident memory of a process, in bytes (VmRSS of /proc/<pid>/status). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (!kib) throw new Error(`No VmRSS for ${pid}`);
  return Number(kib) * 1024;
}

/** CPU seconds (user + system) a process has used so far (/proc/<pid>/stat utime + stime). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

/**
 * CPU seconds the whole machine has spent so far (all cores; /proc/stat):
 * `busy` (everything but idle, iowait and steal) and `steal` (time the
 * hypervisor gave this VM's virtual CPUs to others: the machine was slower).
 */
export function machineCpuSeconds(): { busy: number; steal: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
  return { busy: (user + nice + system + irq + softirq) / CLK_TCK, steal: steal / CLK_TCK };
}

/**
 * How fast this VM's CPU is right now: SHA-256 digests of 16 KiB per
 * millisecond, over `ms`. On a shared host the same code runs up to twice as
 * slow while neighbours are busy (not always visible as steal time), so each
 * phase records it: compare runs by it.
 */
export function cpuSpeed(ms = 100): number {
  const buffer = Buffer.alloc(16 * 1024, 7);
  const start = performance.now();
  let count = 0;
  while (performance.now() - start < ms) {
    for (let i = 0; i < 10; i++) createHash('sha256').update(buffer).digest();
    count += 10;
  }
  return count / (performance.now() - start);
}

/** A free TCP port on 127.0.0.1 (bound and released; the child binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Every child still running, so an interrupted benchmark leaves none behind. */
const running = new Set<Child>();

/** Kills every child process still running (SIGKILL): for an interrupted or failed run. */
export function killChildren(): void {
  for (const child of running) child.process.kill('SIGKILL');
}

/** A child process with its output kept (the last lines) for error reports. */
export class Child {
  readonly output: string[] = [];
  readonly exited: Promise<number | null>;
  #exitCode: number | null | undefined;

  constructor(
    readonly name: string,
    readonly process: ChildProcess,
    readonly url: string,
  ) {
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.output.push(line);
      if (this.output.length > 200) this.output.splice(0, this.output.length - 200);
    };
    process.stdout?.on('data', keep);
    process.stderr?.on('data', keep);
    running.add(this);
    this.exited = new Promise((resolve) =>
      process.once('exit', (code) => {
        this.#exitCode = code;
        running.delete(this);
        resolve(code);
      }),
    );
  }

  get pid(): number {
    if (this.process.pid === undefined) throw new Error(`${this.name} has no pid`);
    return this.process.pid;
  }

  get running(): boolean {
    return this.#exitCode === undefined;
  }

  /** Waits until `GET <url><path>` answers 200, or fails with the child's output. */
  async waitReady(path: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`${this.name} exited (${this.#exitCode}):\n${this.output.slice(-30).join('\n')}`);
      try {
        const response = await fetch(`${this.url}${path}`, { signal: AbortSignal.timeout(2_000) });
        await response.arrayBuffer();
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`${this.name} not ready after ${timeoutMs} ms:\n${this.output.slice(-30).join('\n')}`);
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** What one service process is started with. */
export interface ServiceOptions {
  name: string;
  cognitoUrl: string;
  poolId: string;
  redisUrl?: string;
  /** Extra environment, e.g. COGNITO_MAX_CONCURRENCY. */
  env?: Record<string, string>;
  /** Write a V8 CPU profile (`--cpu-prof`) into this directory when the process exits. */
  cpuProfDir?: string;
  /** Load bench/lib/service-probe.ts into the process; it writes GC pauses and event-loop delays here at exit. */
  probeFile?: string;
  /** Another checkout of the service to run (its `src/main.ts`, its `node_modules`), e.g. to compare a change. @default the repository */
  root?: string;
}

/**
 * Every Cognito quota and per-user limit of the service, lifted: a benchmark
 * measures the path, not the limiter's refusals (Cognito's default 25 attribute
 * writes a second would refuse the steady state's 100 changes/s before the stub).
 */
export const NO_QUOTAS: Readonly<Record<string, string>> = {
  QUOTA_USER_READ_PER_SECOND: '100000',
  QUOTA_USER_UPDATE_PER_SECOND: '100000',
  QUOTA_USER_RESOURCE_READ_PER_SECOND: '100000',
  QUOTA_USER_POOL_READ_PER_SECOND: '100000',
  QUOTA_PER_USER_READS_PER_SECOND: '100000',
  QUOTA_PER_USER_WRITES_PER_SECOND: '100000',
};

/** Starts `node --import tsx src/main.ts` on a free port and waits for `/ready`. */
export async function startService(options: ServiceOptions): Promise<Child> {
  const port = await freePort();
  const args = [
    '--import',
    'tsx',
    ...(options.probeFile ? ['--import', pathToFileURL(join(ROOT, 'bench/lib/service-probe.ts')).href] : []),
    ...(options.cpuProfDir ? ['--cpu-prof', '--cpu-prof-interval=2000', `--cpu-prof-dir=${options.cpuProfDir}`] : []),
    'src/main.ts',
  ];
  const child = spawn(process.execPath, args, {
    cwd: options.root ?? ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'production',
      COGNITO_USER_POOL_ID: options.poolId,
      COGNITO_ENDPOINT: options.cognitoUrl,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'x',
      AWS_SECRET_ACCESS_KEY: 'x',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
      ...(options.probeFile ? { BENCH_PROBE_FILE: options.probeFile } : {}),
      ...options.env,
    },
  });
  const service = new Child(options.name, child, `http://127.0.0.1:${port}`);
  await service.waitReady('/ready');
  return service;
}

/**
 * `node --import tsx <script>` from the repository, in production mode, with
 * nothing of this process's environment but PATH and HOME, plus `env`.
 */
export function spawnScript(script: string, env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', ...env },
  });
}

/** Starts the bare `ws` baseline server (bench/baseline-ws.ts) on a free port. */
export async function startBaseline(options: { name: string; redisUrl?: string; channel: string }): Promise<Child> {
  const port = await freePort();
  const child = spawnScript('bench/baseline-ws.ts', {
    PORT: String(port),
    CHANNEL: options.channel,
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
  });
  const baseline = new Child(options.name, child, `http://127.0.0.1:${port}`);
  await baseline.waitReady('/ready');
  return baseline;
}

/**
 * Waits until the processes are idle: their combined CPU use stays below
 * `threshold` (fraction of one core) for `quietMs`. Subscriptions are set up
 * asynchronously after the client's `subscribe` message (graphql-ws sends no
 * acknowledgement), so this is how the benchmark knows the server is done.
 * Returns false on timeout.
 */
export async function waitIdle(pids: number[], options: { threshold?: number; quietMs?: number; timeoutMs?: number; stepMs?: number } = {}): Promise<boolean> {
  return (await busyUntil(pids, options)).idle;
}

/**
 * Waits like {@link waitIdle}; also says when the processes were last busy
 * (`performance.now()` of the end of the last sample over the threshold, or
 * of the start when none was): the moment their work was done, to time a
 * phase that ends in no answer (graphql-ws acknowledges no subscription).
 * `busyThreshold` (a share of one core, default `threshold`) tells that work
 * from a server's periodic background, which may pass the idle threshold:
 * the work ends at the first step under it (a later burst, such as a major
 * GC, is not the work's). `cpuAtLastBusy` is the processes' CPU seconds at
 * that moment; `samples` every step's share of one core.
 */
export async function busyUntil(
  pids: number[],
  { threshold = 0.05, quietMs = 1_000, timeoutMs = 60_000, stepMs = 250, busyThreshold }: { threshold?: number; quietMs?: number; timeoutMs?: number; stepMs?: number; busyThreshold?: number } = {},
): Promise<{ idle: boolean; lastBusyAt: number; cpuAtLastBusy: number; samples: [number, number][] }> {
  const deadline = Date.now() + timeoutMs;
  let quietSince = Date.now();
  let last = pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  let lastAt = performance.now();
  let lastBusyAt = lastAt;
  let cpuAtLastBusy = last;
  // [ms since the wait began, share of one core] per step: what the servers did while they were waited for.
  const samples: [number, number][] = [];
  const began = lastAt;
  let quietOnce = false;
  while (Date.now() < deadline) {
    await sleep(stepMs);
    const now = pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    const at = performance.now();
    const usage = (now - last) / ((at - lastAt) / 1000);
    last = now;
    lastAt = at;
    samples.push([Math.round(at - began), Math.round(usage * 100) / 100]);
    // The work waited for ends at its first quiet step: a later burst (a major GC, the first
    // re-checks) is the servers' own, not that work's.
    if (usage > (busyThreshold ?? threshold)) {
      if (!quietOnce) {
        lastBusyAt = at;
        cpuAtLastBusy = now;
      }
    } else quietOnce = true;
    if (usage > threshold) {
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= quietMs) return { idle: true, lastBusyAt, cpuAtLastBusy, samples };
  }
  return { idle: false, lastBusyAt, cpuAtLastBusy, samples };
}

/** What bench/lib/service-probe.ts wrote. */
export interface ProbeData {
  /** [start µs, duration ms, kind] */
  gc: [number, number, string][];
  /** [end of 100 ms window µs, max event-loop delay ms] */
  delays: [number, number][];
}

/** GC pauses and event-loop stalls of one process within a window of the monotonic clock (µs). */
export function stallsIn(data: ProbeData | undefined, [from, to]: [number, number]) {
  if (!data) return undefined;
  const gc = data.gc.filter(([start]) => start >= from && start <= to);
  const major = gc.filter(([, , kind]) => kind === 'major');
  const delays = data.delays.filter(([end]) => end >= from && end <= to + 100_000).map(([, ms]) => ms);
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  return {
    gcPauses: gc.length,
    gcTotalMs: Math.round(sum(gc.map(([, ms]) => ms))),
    gcMaxMs: Math.round(Math.max(0, ...gc.map(([, ms]) => ms))),
    majorGcs: major.length,
    majorGcTotalMs: Math.round(sum(major.map(([, ms]) => ms))),
    majorGcMaxMs: Math.round(Math.max(0, ...major.map(([, ms]) => ms))),
    /** Worst event-loop delay, ms. */
    loopDelayMaxMs: Math.round(Math.max(0, ...delays)),
    /** 100 ms windows in which the loop was blocked for more than 50 ms. */
    windowsBlockedOver50Ms: delays.filter((ms) => ms > 50).length,
  };
}

/** Reads a probe file, if the process wrote one. */
export function readProbe(file: string): ProbeData | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ProbeData;
  } catch {
    return undefined;
  }
}

/** The Cognito stub running as a child process (bench/stub-cognito-server.ts), and its control server. */
export interface StubServer {
  child: Child;
  /** The service's `COGNITO_ENDPOINT`. */
  url: string;
  poolId: string;
  /** The control server's URL (never seen by the service). */
  control: string;
  /** Access tokens for `usernames`, as the service accepts them. */
  tokens(usernames: readonly string[]): Promise<string[]>;
  /** Calls answered so far, by operation. */
  calls(): Promise<Record<string, number>>;
}

/**
 * Starts bench/stub-cognito-server.ts (`users` users u00000…, `admins`
 * administrators a00000…) on free ports. The pool id is chosen here, so a
 * service may be started with it while the stub comes up (`poolId`).
 */
export async function startStubServer(options: { users: number; admins: number; delayMs?: number; poolId?: string }): Promise<StubServer> {
  const [port, controlPort] = [await freePort(), await freePort()];
  const poolId = options.poolId ?? `us-east-1_Bench${createHash('sha1').update(`${process.pid}:${port}`).digest('hex').slice(0, 6)}`;
  const child = spawnScript('bench/stub-cognito-server.ts', {
    PORT: String(port),
    CONTROL_PORT: String(controlPort),
    STUB_POOL_ID: poolId,
    STUB_USERS: String(options.users),
    STUB_ADMINS: String(options.admins),
    STUB_DELAY_MS: String(options.delayMs ?? 0),
  });
  const control = `http://127.0.0.1:${controlPort}`;
  const stub = new Child('cognito stub', child, control);
  await stub.waitReady('/ready');
  return {
    child: stub,
    url: `http://127.0.0.1:${port}`,
    poolId,
    control,
    async tokens(usernames) {
      const response = await fetch(`${control}/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ usernames }) });
      if (!response.ok) throw new Error(`minting tokens: HTTP ${response.status} ${await response.text()}`);
      return ((await response.json()) as { tokens: string[] }).tokens;
    },
    async calls() {
      return ((await (await fetch(`${control}/calls`)).json()) as { calls: Record<string, number> }).calls;
    },
  };
}

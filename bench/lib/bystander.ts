/**
 * The other user of bench/abuse.ts: a well-behaved client in a process of
 * its own, so that the abuser's load (which saturates the benchmark process'
 * event loop in the reconnect storm) does not show up as this client's
 * latency. What is measured is what the service does to it, plus what the
 * two cores being shared does: its own worst event-loop delay is recorded
 * so the two can be told apart.
 *
 * Run as `node --import tsx bench/lib/bystander.ts` with
 *
 * - `SERVICE_URL`: `http://127.0.0.1:<port>`;
 * - `SERVICE_PID`: the service's pid (its RSS is read from /proc);
 * - `TOKEN`: this user's access token;
 * - `USERNAME`: this user's name (the `me` answer is checked against it);
 * - `INTERVAL_MS` (default 50), `RSS_INTERVAL_MS` (default 250).
 *
 * Two sequential loops, each over one keep-alive socket of its own, one
 * request every `INTERVAL_MS` (the next one at once when an answer took
 * longer): `GET /health` and `query { me { username } }` with the token.
 * Every answer is checked. The service's RSS is sampled every
 * `RSS_INTERVAL_MS`.
 *
 * Protocol: one JSON line per command on stdin, one per answer on stdout.
 * `{"start":"<phase>"}` starts measuring (answers `{"started":"<phase>"}`);
 * `{"stop":true}` stops, waits for the requests in flight and answers a
 * {@link BystanderResult}. `{"exit":true}` exits.
 */
import { Agent } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { sendOver } from './http-load.js';
import { rssBytes, sleep } from './processes.js';

/** What one measured phase recorded. */
export interface BystanderResult {
  phase: string;
  wallS: number;
  /** Latencies of every answer, ms (failures included). */
  health: number[];
  me: number[];
  /** When each request was sent: epoch ms (`performance.timeOrigin + performance.now()`, comparable across processes). */
  healthAt: number[];
  meAt: number[];
  healthFailures: number;
  meFailures: number;
  failureSamples: string[];
  /** Highest RSS of the service sampled, bytes; and how many samples. */
  rssMaxBytes: number;
  rssSamples: number;
  /** False when the service's /proc entry vanished during the phase. */
  serviceSeen: boolean;
  /** This process' worst event-loop delay in the phase, ms (a stalled bystander would inflate its own latencies). */
  loopDelayMaxMs: number;
}

const url = new URL(process.env.SERVICE_URL ?? 'http://127.0.0.1:4000');
const pid = Number(process.env.SERVICE_PID);
const token = process.env.TOKEN ?? '';
const username = process.env.USERNAME ?? '';
const intervalMs = Number(process.env.INTERVAL_MS ?? 50);
const rssIntervalMs = Number(process.env.RSS_INTERVAL_MS ?? 250);
const ME_BODY = JSON.stringify({ query: 'query BystanderMe { me { username } }' });
const ME_ANSWER = JSON.stringify({ data: { me: { username } } });
const MAX_SAMPLES = 5;

/** One request over `agent` to the service. */
const send = (agent: Agent, method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: string) => sendOver(agent, url, method, path, headers, body);

/** A sequential loop of `request` every `intervalMs` until `running()` is false; latencies into `out`. */
async function loop(
  running: () => boolean,
  request: () => Promise<{ status: number; body: string }>,
  ok: (answer: { status: number; body: string }) => boolean,
  out: number[],
  at: number[],
  fail: (sample: string) => void,
): Promise<void> {
  const start = performance.now();
  for (let i = 0; running(); i++) {
    const wait = start + i * intervalMs - performance.now();
    if (wait > 0) await sleep(wait);
    if (!running()) break;
    const t0 = performance.now();
    at.push(Math.round(performance.timeOrigin + t0));
    try {
      const answer = await request();
      out.push(performance.now() - t0);
      if (!ok(answer)) fail(`HTTP ${answer.status} ${answer.body.slice(0, 200)}`);
    } catch (error) {
      out.push(performance.now() - t0);
      fail(String(error).slice(0, 200));
    }
  }
}

/** Measures until `stopped` resolves. */
async function measure(phase: string, stopped: Promise<void>): Promise<BystanderResult> {
  const healthAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  const meAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  const result: BystanderResult = { phase, wallS: 0, health: [], me: [], healthAt: [], meAt: [], healthFailures: 0, meFailures: 0, failureSamples: [], rssMaxBytes: 0, rssSamples: 0, serviceSeen: true, loopDelayMaxMs: 0 };
  let running = true;
  void stopped.then(() => (running = false));
  const sample = () => {
    try {
      result.rssMaxBytes = Math.max(result.rssMaxBytes, rssBytes(pid));
      result.rssSamples++;
    } catch {
      result.serviceSeen = false;
    }
  };
  sample();
  const sampler = setInterval(sample, rssIntervalMs);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const failure = (counter: 'healthFailures' | 'meFailures') => (text: string) => {
    result[counter]++;
    if (result.failureSamples.length < MAX_SAMPLES) result.failureSamples.push(`${counter === 'meFailures' ? 'me' : '/health'}: ${text}`);
  };
  const t0 = performance.now();
  await Promise.all([
    loop(() => running, () => send(healthAgent, 'GET', '/health', {}), (a) => a.status === 200, result.health, result.healthAt, failure('healthFailures')),
    loop(
      () => running,
      () => send(meAgent, 'POST', '/graphql', { 'content-type': 'application/json', authorization: `Bearer ${token}` }, ME_BODY),
      (a) => a.status === 200 && a.body === ME_ANSWER,
      result.me,
      result.meAt,
      failure('meFailures'),
    ),
  ]);
  result.wallS = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  sample();
  delay.disable();
  result.loopDelayMaxMs = delay.max / 1e6;
  healthAgent.destroy();
  meAgent.destroy();
  return result;
}

const reply = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
let current: { stop: () => void; done: Promise<BystanderResult> } | undefined;
for await (const line of createInterface({ input: process.stdin })) {
  const command = JSON.parse(line) as { start?: string; stop?: boolean; exit?: boolean };
  if (command.start !== undefined && !current) {
    let stop = () => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    current = { stop, done: measure(command.start, stopped) };
    reply({ started: command.start });
  } else if (command.stop && current) {
    const { stop, done } = current;
    current = undefined;
    stop();
    reply(await done);
  } else if (command.exit) {
    break;
  }
}
process.exit(0);

/**
 * The abuse benchmark: what one abusive user can do to everyone else, each
 * phase measured next to an idle baseline of the same run, on one service
 * process (`node --import tsx src/main.ts`, NODE_ENV=production, the
 * service's default hold limits and quotas) against the Cognito stub as a
 * child process (bench/stub-cognito-server.ts, 0 ms).
 *
 * Why: the hold limits of src/config.ts (MAX_SOCKETS_PER_USER,
 * MAX_SUBSCRIPTIONS_PER_USER, MAX_BUFFERED_BYTES, STALLED_STREAM_MS) say what
 * one user may make the service hold; the tests (test/abuse.test.ts) check
 * that each is enforced, with small settings. This measures what the
 * defaults leave: whether another user still gets quick answers, and whether
 * the process' memory stays within what the caps allow, while one user sits
 * at every cap, stops reading, or reconnects as fast as it can.
 *
 * Phases (each `phaseS`; the stalled one may go on up to `stalledMaxS` until
 * every stalled reader is dropped; each abuse phase's set-up is inside it):
 *
 * 1. **idle** — nothing but the bystander.
 * 2. **one user at every cap** — user u00001 opens MAX_SOCKETS_PER_USER
 *    graphql-ws sockets and fills them to MAX_SUBSCRIPTIONS_PER_USER with a
 *    wide `myAttributesChanged` (`aliases` copies of `user { attributes }`;
 *    its `name` and `email` set to 2,048 characters first, so each event is
 *    tens of KB), tries one socket more (must close 4290) and one
 *    subscription more (must fail LIMIT_EXCEEDED), then changes its own
 *    `custom:plan` through `updateMyAttributes` every `changeIntervalMs`
 *    while reading everything.
 * 3. **stalled reader** — the same user swaps `sseStreams` of its
 *    subscriptions for SSE streams, then stops reading every socket and
 *    stream (the TCP socket paused) while its changes go on, faster
 *    (`stalledChangeIntervalMs`, within its quotas): the service must end
 *    them all (4291 or the keep-alive for a socket, the stall watchdog for a
 *    stream: slow_clients_dropped_total, graphql_subscriptions_open) and its
 *    RSS stay bounded. The phase goes on until they are all gone.
 * 4. **reconnect storm** — `stormLoops` loops (over `stormUsers` users, each
 *    under the socket cap) open a graphql-ws socket, connection_init with the
 *    token, wait for the ack, close, and again, as fast as they can.
 *
 * The bystander (another user, u00000, in a process of its own:
 * bench/lib/bystander.ts) measures in every phase: `/health` and
 * `query { me { username } }` latency (sequential, keep-alive, one request
 * every 50 ms each), the service's RSS every 250 ms; after each phase the
 * benchmark checks the service process is alive and `/health` answers.
 * What the abuser held, was refused and lost comes from its own sockets and
 * from the service's `/metrics`.
 */
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { loadConfig, type HoldLimits, type RequestLimits } from '../src/config.js';
import { CLOSE_TOO_MANY_SOCKETS, CLOSE_TOO_SLOW } from '../src/server/graphql-ws.js';
import type { BystanderResult } from './lib/bystander.js';
import { Child, cpuSeconds, machineCpuSeconds, rssBytes, sleep, spawnScript, startService, startStubServer, type StubServer } from './lib/processes.js';
import type { BenchRow, GroupResult, TargetResult } from './lib/report.js';
import { fmt, summarize, type Percentiles } from './lib/stats.js';

/** How long and how hard. */
export interface AbuseBenchOptions {
  /** Seconds per phase. */
  phaseS: number;
  /** Unmeasured seconds of bystander requests first (JIT warm-up). */
  warmupS: number;
  /** How long the stalled phase may go on waiting for every stalled reader to be dropped, seconds. */
  stalledMaxS: number;
  /** The abuser's attribute changes, one every … ms (phase 2). */
  changeIntervalMs: number;
  /** … in the stalled phase: faster, within the abuser's own quotas, so stalled output reaches its bounds within the phase. */
  stalledChangeIntervalMs: number;
  /** Aliased copies of `user { attributes { name value } }` in the abuser's subscription. */
  aliases: number;
  /** SSE streams the abuser stalls besides its sockets. */
  sseStreams: number;
  /** Concurrent connect/close loops of the reconnect storm. */
  stormLoops: number;
  /** Users the storm's loops are spread over (each must stay under MAX_SOCKETS_PER_USER). */
  stormUsers: number;
  /** The bystander's request interval, ms. */
  probeIntervalMs: number;
  /** Extra environment of the service (e.g. NODE_OPTIONS). */
  serviceEnv: Record<string, string>;
  cpuProfDir?: string;
  serviceRoot?: string;
  log: (message: string) => void;
}

/** Another user's /health p99 must stay under this in every abuse phase. */
const TARGET_HEALTH_P99_MS = 100;
/** Another user's `me` p99 must stay under this × max(idle p99, {@link ME_BASE_FLOOR_MS}). */
const TARGET_ME_RATIO = 3;
/** The floor of the idle `me` p99 the ratio is taken against: a ratio to a ~0.5 ms figure is noise. */
const ME_BASE_FLOOR_MS = 1;
/** What the RSS bound allows beyond idle RSS and the sockets' output buffers; see {@link rssBound}. */
const RSS_ALLOWANCE_BYTES = 128 * 2 ** 20;
/** Characters of the abuser's `name` and `email` (the contract's longest attribute value). */
const LONG_VALUE = 2_048;
/** How often the stalled phase reads /metrics for the drops. */
const DROP_POLL_MS = 500;
/** A bystander request sent this long after one of the abuser's changes counts as "during its fan-out" in the notes, ms. */
const CHANGE_WINDOW_MS = 300;
/** The figures of {@link followed} that are gauges (read at a phase's end), not counters (differences over it). */
const GAUGES = new Set(['subscriptionsOpen', 'heapUsedBytes', 'eventLoopLagMaxS', 'eventLoopLagP99S']);
/** The service's STALLED_STREAM_MS in this benchmark (default 30,000); see the note in the report. */
const STALLED_STREAM_MS = 3_000;
const PHASES = ['idle', 'one user at every cap', 'stalled reader', 'reconnect storm'] as const;
const ABUSER = 'u00001';
const BYSTANDER = 'u00000';
const MiB = 2 ** 20;

const CHANGE = /* GraphQL */ `mutation AbuseChange($attributes: [AttributeInput!]!) {
  updateMyAttributes(input: { attributes: $attributes }) { user { username } }
}`;

/** The abuser's subscription: `aliases` copies of its attributes in every event. */
const wideSubscription = (aliases: number) =>
  `subscription AbuseWide { myAttributesChanged { ${Array.from({ length: aliases }, (_, i) => `u${i}: user { attributes { name value } }`).join(' ')} } }`;

/** A phase's CPU, % of one core: the service, the stub, the load generators (this process and the bystander), everything else, steal. */
type PhaseCpu = { server: number; stub: number; gen: number; other: number; steal: number };

/** What one measured phase recorded. */
interface PhaseResult {
  phase: string;
  wallS: number;
  health: Percentiles;
  me: Percentiles;
  bystander: Omit<BystanderResult, 'health' | 'me' | 'healthAt' | 'meAt'>;
  /** The bystander's slowest requests: which, when (ms from the phase's start), how long (ms). */
  slowest: { probe: '/health' | 'me'; atMs: number; ms: number }[];
  /** When the abuser sent its changes, ms from the phase's start. */
  changesAtMs: number[];
  /** The phase on the monotonic clock (µs, as `process.hrtime`), to cut a service CPU profile (`--cpu-prof`) to it. */
  monotonicWindowUs: [number, number];
  cpu: PhaseCpu;
  /** The benchmark process' own worst event-loop delay, ms. */
  genLoopDelayMaxMs: number;
  /** The service's worst event-loop delay over the phase, from its /metrics (nodejs_eventloop_lag_max_seconds), ms. */
  serviceLoopDelayMaxMs: number;
  /** The service's own mean time for the bystander's `me` (graphql_yoga_http_duration), ms. */
  serviceMeMeanMs: number;
  alive: boolean;
  healthAfter: string;
  /** Counters of the service's /metrics over the phase (deltas) and gauges at its end. */
  metrics: Record<string, number>;
  /** What the abuser did and saw. */
  abuser: Record<string, unknown>;
}

// --- the abuser's clients ----------------------------------------------------

/**
 * One graphql-ws socket of the abuser, as cheap as a client can be: events
 * (large `next` messages) are only counted, small messages are parsed for
 * the ack and for refusals.
 */
class AbuserSocket {
  readonly ws: WebSocket;
  events = 0;
  bytes = 0;
  /** Operations that failed: id → the message (an `error`, or a `next` with errors). */
  readonly refusals = new Map<string, string>();
  readonly acked: Promise<boolean>;
  readonly closed: Promise<{ code: number; reason: string }>;

  constructor(url: string, token: string) {
    this.ws = new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false });
    let ack: (ok: boolean) => void = () => {};
    this.acked = new Promise((resolve) => (ack = resolve));
    this.closed = new Promise((resolve) =>
      this.ws.on('close', (code, reason) => {
        ack(false);
        resolve({ code, reason: String(reason) });
      }),
    );
    this.ws.on('error', () => ack(false));
    this.ws.once('open', () => this.ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    this.ws.on('message', (data: Buffer) => {
      if (data.length > 2_048) {
        this.events++;
        this.bytes += data.length;
        return;
      }
      const message = JSON.parse(String(data)) as { id?: string; type?: string; payload?: { errors?: unknown[] } | unknown[] };
      if (message.type === 'connection_ack') ack(true);
      else if (message.type === 'error' || (message.type === 'next' && !Array.isArray(message.payload) && message.payload?.errors)) {
        this.refusals.set(message.id ?? '', String(data));
      } else if (message.type === 'next') {
        this.events++;
        this.bytes += data.length;
      }
    });
  }

  subscribe(id: string, query: string): void {
    this.ws.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
  }

  complete(id: string): void {
    this.ws.send(JSON.stringify({ id, type: 'complete' }));
  }

  /** Stops (or restarts) reading: the TCP socket is paused, the server's output piles up in the kernel, then in its own buffers. */
  setReading(reading: boolean): void {
    const socket = (this.ws as unknown as { _socket?: Socket })._socket;
    if (reading) socket?.resume();
    else socket?.pause();
  }

  /** Closes normally; terminates after `timeoutMs`. */
  async close(timeoutMs = 3_000): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    const timer = setTimeout(() => this.ws.terminate(), timeoutMs);
    if (this.ws.readyState === WebSocket.OPEN) this.ws.close(1000);
    else this.ws.terminate();
    await this.closed;
    clearTimeout(timer);
  }
}

/** An SSE stream (POST /graphql, `accept: text/event-stream`) that can stop reading. */
interface StalledStream {
  request: ClientRequest;
  response: IncomingMessage;
  bytes: number;
  ended: boolean;
}

function openStream(serviceUrl: string, token: string, query: string): Promise<StalledStream> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${serviceUrl}/graphql`);
    const body = JSON.stringify({ query });
    const request = httpRequest(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}`, 'content-length': String(Buffer.byteLength(body)) } },
      (response) => {
        if (response.statusCode !== 200 || !String(response.headers['content-type']).startsWith('text/event-stream')) {
          reject(new Error(`SSE: HTTP ${response.statusCode} ${response.headers['content-type']}`));
          response.resume();
          return;
        }
        const stream: StalledStream = { request, response, bytes: 0, ended: false };
        response.on('data', (chunk: Buffer) => (stream.bytes += chunk.length));
        const end = () => (stream.ended = true);
        response.on('end', end);
        response.on('error', end);
        response.on('close', end);
        resolve(stream);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** One connect → connection_init → ack → close; what came of it. */
async function connectOnce(url: string, token: string): Promise<string> {
  const socket = new AbuserSocket(url, token);
  const timer = setTimeout(() => socket.ws.terminate(), 10_000);
  const acked = await socket.acked;
  if (acked) socket.ws.close(1000);
  const { code } = await socket.closed;
  clearTimeout(timer);
  if (acked) return 'acked';
  return code === CLOSE_TOO_MANY_SOCKETS ? 'refused (4290)' : `closed ${code}`;
}

// --- the service's /metrics ----------------------------------------------------

/** `name{labels}` → value of every sample of a Prometheus text exposition. */
function parseMetrics(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    out.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return out;
}

/** The sum of the samples of `name` whose labels contain every `labels` pair. */
function metric(samples: Map<string, number>, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const [key, value] of samples) {
    const brace = key.indexOf('{');
    if ((brace < 0 ? key : key.slice(0, brace)) !== name) continue;
    if (Object.entries(labels).every(([k, v]) => key.includes(`${k}="${v}"`))) sum += value;
  }
  return sum;
}

/** The figures of /metrics this benchmark follows. */
function followed(samples: Map<string, number>) {
  return {
    slowWsDropped: metric(samples, 'slow_clients_dropped_total', { transport: 'ws' }),
    slowSseDropped: metric(samples, 'slow_clients_dropped_total', { transport: 'sse' }),
    subscriptionsOpen: metric(samples, 'graphql_subscriptions_open', { field: 'myAttributesChanged' }),
    limitExceededErrors: metric(samples, 'graphql_envelop_error_result', { code: 'LIMIT_EXCEEDED' }),
    cognitoCalls: metric(samples, 'cognito_calls_total'),
    cognitoRefusedByQuota: metric(samples, 'cognito_throttles_total', { by: 'service' }),
    eventLoopLagMaxS: metric(samples, 'nodejs_eventloop_lag_max_seconds'),
    eventLoopLagP99S: metric(samples, 'nodejs_eventloop_lag_p99_seconds'),
    /** The bystander's `me` as the service timed it (graphql_yoga_http_duration), to tell its own time from waiting. */
    bystanderMeSeconds: metric(samples, 'graphql_yoga_http_duration_sum', { operationName: 'BystanderMe' }),
    bystanderMeCount: metric(samples, 'graphql_yoga_http_duration_count', { operationName: 'BystanderMe' }),
    heapUsedBytes: metric(samples, 'nodejs_heap_size_used_bytes'),
  };
}

/** The RSS bound: idle RSS + every socket of one user full to MAX_BUFFERED_BYTES + {@link RSS_ALLOWANCE_BYTES}. */
function rssBound(idleRss: number, limits: HoldLimits): number {
  return idleRss + limits.maxSocketsPerUser * limits.maxBufferedBytes + RSS_ALLOWANCE_BYTES;
}

/** Runs the abuse benchmark; see the module's documentation. */
export async function runAbuseBenchmarks(options: AbuseBenchOptions): Promise<GroupResult> {
  const { log } = options;
  const stub: StubServer = await startStubServer({ users: 10, admins: 1 });
  // The service's limits as it will read them: its defaults, and whatever the environment changes.
  const serviceEnv: Record<string, string> = {
    // The SSE watchdog's wait, lowered so a stalled stream is ended within the phase (see the note).
    STALLED_STREAM_MS: String(STALLED_STREAM_MS),
    ...options.serviceEnv,
  };
  const config = loadConfig({ NODE_ENV: 'production', COGNITO_USER_POOL_ID: stub.poolId, COGNITO_ENDPOINT: stub.url, AWS_REGION: 'us-east-1', ...serviceEnv });
  const limits: HoldLimits = config.holdLimits;
  const docLimits: RequestLimits = config.requestLimits;
  if (options.aliases > docLimits.maxAliases) throw new Error(`--aliases ${options.aliases} is over the service's MAX_ALIASES=${docLimits.maxAliases}`);
  const perSocket = Math.ceil(limits.maxSubscriptionsPerUser / limits.maxSocketsPerUser);
  if (perSocket > limits.maxSubscriptionsPerSocket) throw new Error(`${limits.maxSubscriptionsPerUser} subscriptions do not fit on ${limits.maxSocketsPerUser} sockets of ${limits.maxSubscriptionsPerSocket}`);
  if (Math.ceil(options.stormLoops / options.stormUsers) >= limits.maxSocketsPerUser) throw new Error('the storm must stay under MAX_SOCKETS_PER_USER per user');
  const wide = wideSubscription(options.aliases);

  log(`abuse: starting the service (hold limits ${JSON.stringify(limits)}); Cognito stub at ${stub.url}`);
  const service = await startService({
    name: 'service (abuse)',
    cognitoUrl: stub.url,
    poolId: stub.poolId,
    env: serviceEnv,
    ...(options.cpuProfDir ? { cpuProfDir: options.cpuProfDir } : {}),
    ...(options.serviceRoot ? { root: options.serviceRoot } : {}),
  });
  const wsUrl = `${service.url.replace(/^http/, 'ws')}/graphql`;
  const stormNames = Array.from({ length: options.stormUsers }, (_, i) => `u${String(i + 1).padStart(5, '0')}`);
  const [bystanderToken, abuserToken, ...others] = await stub.tokens([BYSTANDER, ABUSER, ...stormNames.slice(1)]);
  const stormTokens = [abuserToken!, ...others];
  const bystander = await startBystander(service, bystanderToken!, options.probeIntervalMs);

  const phases: PhaseResult[] = [];
  const notes: string[] = [];
  const details: Record<string, unknown> = { options: { ...options, log: undefined }, limits, requestLimits: docLimits, serviceEnv };
  const sockets: AbuserSocket[] = [];
  const streams: StalledStream[] = [];
  let changeSeq = 0;
  const changeLatencies: number[] = [];
  /** Epoch ms (`performance.timeOrigin + performance.now()`, as the bystander's) of every change sent. */
  const changeTimes: number[] = [];
  const changeFailures: string[] = [];
  /** The worst event-loop delay of the service seen by the scrapes of the current phase, s (prom-client resets it at each scrape). */
  let lagMax = 0;

  try {
    log(`abuse: bystander warm-up, ${options.warmupS} s`);
    await bystander.start('warm-up');
    await sleep(options.warmupS * 1000);
    await bystander.stop();

    phases.push(await phase('idle', async (until) => sleep(until - performance.now()).then(() => ({}))));
    const survived = () => service.running;

    // Unmeasured: the abuser's attributes made long, so each event of the wide selection is large.
    await change([
      { name: 'name', value: 'n'.repeat(LONG_VALUE) },
      { name: 'email', value: `${'e'.repeat(LONG_VALUE - '@bench.example'.length)}@bench.example` },
    ]);
    if (changeFailures.length > 0) throw new Error(`the abuser's first change failed: ${changeFailures[0]}`);

    for (const [name, run] of [['one user at every cap', atTheCaps], ['stalled reader', stalled], ['reconnect storm', storm]] as const) {
      if (!survived()) break;
      if (name === 'reconnect storm') await releaseAbuser();
      phases.push(await phase(name, run));
    }
  } finally {
    await releaseAbuser().catch(() => undefined);
    await bystander.exit();
    await Promise.all([service.stop(), stub.child.stop()]);
    const warnings = service.output.filter((line) => /"level":(4|5|6)0/.test(line) || /error/i.test(line));
    const slowDrops = warnings.filter((line) => /stopped reading/.test(line));
    const otherWarnings = warnings.filter((line) => !/stopped reading/.test(line));
    details.serviceWarnings = { slowClientDrops: slowDrops.length, slowClientDropSamples: slowDrops.slice(0, 30).map((l) => l.slice(0, 300)), other: otherWarnings.length, samples: otherWarnings.slice(0, 5).map((l) => l.slice(0, 300)) };
    if (otherWarnings.length > 0) {
      log(`${service.name} logged ${otherWarnings.length} other warnings/errors, e.g. ${otherWarnings[0]!.slice(0, 300)}`);
      notes.push(`The service logged ${otherWarnings.length} warnings/errors besides the slow-client drops, e.g. \`${otherWarnings[0]!.slice(0, 200)}\`.`);
    }
  }

  return report();

  // --- phases (hoisted) ------------------------------------------------------

  /** Phase 2: every socket, every subscription, one of each refused, then changes while reading. */
  async function atTheCaps(until: number): Promise<Record<string, unknown>> {
    const opened = performance.now();
    for (let i = 0; i < limits.maxSocketsPerUser; i++) sockets.push(new AbuserSocket(wsUrl, abuserToken!));
    const acks = await Promise.all(sockets.map((s) => s.acked));
    if (acks.some((ok) => !ok)) throw new Error(`only ${acks.filter(Boolean).length} of ${limits.maxSocketsPerUser} sockets were acknowledged`);
    const extraSocket = new AbuserSocket(wsUrl, abuserToken!);
    const extraClose = await Promise.race([extraSocket.closed, sleep(5_000).then(() => ({ code: -1, reason: 'still open after 5 s' }))]);
    await extraSocket.close();
    let subscribed = 0;
    for (const [i, socket] of sockets.entries()) {
      for (let k = 0; k < perSocket && subscribed < limits.maxSubscriptionsPerUser; k++, subscribed++) socket.subscribe(`s${i}-${k}`, wide);
    }
    const held = await untilMetric('subscriptionsOpen', (n) => n >= limits.maxSubscriptionsPerUser, 20_000);
    const filledMs = performance.now() - opened;
    sockets[0]!.subscribe('extra', wide);
    const refusal = await waitFor(() => sockets[0]!.refusals.get('extra'), 5_000);
    const heldAfter = (await scrape()).subscriptionsOpen;
    log(
      `  ${sockets.length} sockets, ${held} subscriptions open in ${filledMs.toFixed(0)} ms; extra socket: ${extraClose.code} ${extraClose.reason}; extra subscription: ${refusal ? refusal.slice(0, 160) : 'not refused within 5 s'}`,
    );
    const eventsBefore = totalEvents();
    const changes = await changeUntil(until);
    await sleep(500);
    const eventsAfter = totalEvents();
    const events = { count: eventsAfter.count - eventsBefore.count, bytes: eventsAfter.bytes - eventsBefore.bytes };
    const expected = changes.sent * limits.maxSubscriptionsPerUser;
    log(`  ${changes.sent} changes (${changes.failed} failed): ${events.count} of ${expected} events received, ${(events.bytes / MiB).toFixed(1)} MiB, ${fmt(events.bytes / Math.max(1, events.count) / 1024)} KiB each`);
    return {
      socketsHeld: acks.filter(Boolean).length,
      extraSocketClose: extraClose,
      extraSocketRefused: extraClose.code === CLOSE_TOO_MANY_SOCKETS,
      subscriptionsHeld: held,
      subscriptionsOpenAfterExtra: heldAfter,
      filledMs: Math.round(filledMs),
      extraSubscription: refusal ?? null,
      extraSubscriptionRefused: refusal?.includes('LIMIT_EXCEEDED') === true,
      changes,
      eventsReceived: events.count,
      eventsExpected: expected,
      eventBytes: Math.round(events.bytes / Math.max(1, events.count)),
      bytesReceived: events.bytes,
    };
  }

  /**
   * Phase 3: SSE streams in place of a few subscriptions, then nothing read
   * while the changes go on, until the service has ended every stalled
   * subscription (or `stalledMaxS`). Each socket's subscriptions end together
   * when the service closes it; how it closed them is told by
   * slow_clients_dropped_total (too slow) and, once the sockets read again,
   * by their close codes.
   */
  async function stalled(until: number, started: number): Promise<Record<string, unknown>> {
    const last = sockets[sockets.length - 1]!;
    const lastIndex = sockets.length - 1;
    for (let k = perSocket - options.sseStreams; k < perSocket; k++) last.complete(`s${lastIndex}-${k}`);
    await untilMetric('subscriptionsOpen', (n) => n <= limits.maxSubscriptionsPerUser - options.sseStreams, 5_000);
    for (let i = 0; i < options.sseStreams; i++) streams.push(await openStream(service.url, abuserToken!, wide));
    const held = await untilMetric('subscriptionsOpen', (n) => n >= limits.maxSubscriptionsPerUser, 5_000);
    const before = await scrape();
    for (const socket of sockets) socket.setReading(false);
    for (const stream of streams) {
      stream.response.pause();
      stream.response.socket.pause();
    }
    const stalledAt = performance.now();
    log(`  ${sockets.length} sockets and ${streams.length} SSE streams (${held} subscriptions) stopped reading; a change every ${options.stalledChangeIntervalMs} ms`);
    /** [ms since the stall, subscriptions open, dropped too slow: ws, sse, the service's RSS MiB] every {@link DROP_POLL_MS}. */
    const timeline: [number, number, number, number, number][] = [];
    let open = held;
    const deadline = started + options.stalledMaxS * 1000;
    const keepGoing = () => performance.now() < deadline && (performance.now() < until || open > 0);
    const watching = (async () => {
      while (keepGoing()) {
        await sleep(DROP_POLL_MS);
        const now = await scrape();
        open = now.subscriptionsOpen;
        timeline.push([
          Math.round(performance.now() - stalledAt),
          open,
          now.slowWsDropped - before.slowWsDropped,
          now.slowSseDropped - before.slowSseDropped,
          service.running ? Math.round(rssBytes(service.pid) / MiB) : 0,
        ]);
      }
    })();
    const changes = await changeUntil(keepGoing, options.stalledChangeIntervalMs);
    await watching;
    const after = await scrape();
    const wsDropped = after.slowWsDropped - before.slowWsDropped;
    const sseDropped = after.slowSseDropped - before.slowSseDropped;
    /** When the open subscriptions fell to 0 (all dropped), ms since the stall. */
    const allGoneAtMs = timeline.find(([, n]) => n === 0)?.[0] ?? null;
    const firstDropAtMs = timeline.find(([, n]) => n < held)?.[0] ?? null;
    log(
      `  ${changes.sent} changes (${changes.failed} failed); ${after.subscriptionsOpen} of ${held} subscriptions still open after ${fmt((performance.now() - stalledAt) / 1000)} s (first ended at ${firstDropAtMs ?? '–'} ms, all at ${allGoneAtMs ?? '–'} ms); dropped as too slow: ${wsDropped}/${sockets.length} sockets, ${sseDropped}/${streams.length} SSE streams`,
    );
    return {
      socketsStalled: sockets.length,
      streamsStalled: streams.length,
      subscriptionsHeld: held,
      changes,
      subscriptionsOpenAtEnd: after.subscriptionsOpen,
      firstDropAtMs,
      allGoneAtMs,
      wsDroppedTooSlow: wsDropped,
      sseDroppedTooSlow: sseDropped,
      timeline,
      stalledForMs: Math.round(performance.now() - stalledAt),
      sseBytesReadBeforeStall: streams.map((s) => s.bytes),
    };
  }

  /** Phase 4: connect, connection_init, ack, close, as fast as `stormLoops` loops can. */
  async function storm(until: number): Promise<Record<string, unknown>> {
    const outcomes: Record<string, number> = {};
    const latencies: number[] = [];
    await Promise.all(
      Array.from({ length: options.stormLoops }, async (_, i) => {
        const token = stormTokens[i % stormTokens.length]!;
        while (performance.now() < until) {
          const t0 = performance.now();
          const outcome = await connectOnce(wsUrl, token);
          latencies.push(performance.now() - t0);
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        }
      }),
    );
    const connections = Object.values(outcomes).reduce((a, b) => a + b, 0);
    const rate = connections / options.phaseS;
    const cycle = summarize(latencies);
    log(`  ${connections} connections (${rate.toFixed(0)}/s): ${JSON.stringify(outcomes)}; connect→ack→close p50 ${fmt(cycle.p50)} p99 ${fmt(cycle.p99)} ms`);
    return { loops: options.stormLoops, users: stormTokens.length, connections, perSecond: Math.round(rate), outcomes, cycleMs: cycle };
  }

  // --- helpers (hoisted) -----------------------------------------------------

  /**
   * One measured phase: the bystander measures while `run` abuses (until
   * `until`, a `performance.now()` deadline); then the service must be alive
   * and answer /health.
   */
  async function phase(name: string, run: (until: number, started: number) => Promise<Record<string, unknown>>): Promise<PhaseResult> {
    log(`abuse: ${name}, ${options.phaseS} s`);
    const metrics0 = await scrape();
    lagMax = 0;
    const cpu0 = cpuNow();
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    await bystander.start(name);
    const started = performance.now();
    const startedAt = performance.timeOrigin + started;
    const mono0 = Number(process.hrtime.bigint() / 1000n);
    const changesBefore = changeTimes.length;
    let abuser: Record<string, unknown>;
    try {
      abuser = await run(started + options.phaseS * 1000, started);
    } catch (error) {
      // The service gone (or a step that could not be done): the phase is reported with what was measured.
      log(`  ${name} failed: ${String(error).slice(0, 300)}`);
      abuser = { failed: String(error).slice(0, 500) };
    }
    const result = await bystander.stop();
    const mono1 = Number(process.hrtime.bigint() / 1000n);
    const cpu = cpuSince(cpu0);
    loopDelay.disable();
    const alive = service.running;
    const healthAfter = await fetch(`${service.url}/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.text().then((text) => `HTTP ${r.status} ${text.slice(0, 40)}`),
      (error: unknown) => String(error),
    );
    const metrics1 = alive ? await scrape() : metrics0;
    if (!alive) {
      abuser.serviceExit = { running: service.running, code: service.process.exitCode, signal: service.process.signalCode, lastOutput: service.output.slice(-20) };
    }
    const counters = Object.fromEntries(
      Object.entries(metrics1).map(([key, value]) => [key, GAUGES.has(key) ? value : value - (metrics0[key as keyof typeof metrics0] ?? 0)]),
    );
    const served = counters.bystanderMeCount ? (counters.bystanderMeSeconds! / counters.bystanderMeCount) * 1000 : Number.NaN;
    const { health, me, healthAt, meAt, ...rest } = result;
    const slowest = [
      ...health.map((ms, i) => ({ probe: '/health' as const, atMs: Math.round(healthAt[i]! - startedAt), ms: Math.round(ms * 10) / 10 })),
      ...me.map((ms, i) => ({ probe: 'me' as const, atMs: Math.round(meAt[i]! - startedAt), ms: Math.round(ms * 10) / 10 })),
    ]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10);
    const out: PhaseResult = {
      phase: name,
      wallS: result.wallS,
      health: summarize(health),
      me: summarize(me),
      bystander: rest,
      slowest,
      changesAtMs: changeTimes.slice(changesBefore).map((at) => Math.round(at - startedAt)),
      monotonicWindowUs: [mono0, mono1],
      cpu,
      genLoopDelayMaxMs: loopDelay.max / 1e6,
      serviceLoopDelayMaxMs: Math.max(lagMax, metrics1.eventLoopLagMaxS) * 1000,
      serviceMeMeanMs: served,
      alive: alive && healthAfter.startsWith('HTTP 200'),
      healthAfter,
      metrics: counters,
      abuser,
    };
    log(
      `  /health p50 ${fmt(out.health.p50)} p99 ${fmt(out.health.p99)} ms, me p50 ${fmt(out.me.p50)} p99 ${fmt(out.me.p99)} ms (${out.health.count}+${out.me.count} requests, ${rest.healthFailures + rest.meFailures} failed), RSS max ${(rest.rssMaxBytes / MiB).toFixed(0)} MiB, CPU server ${cpu.server.toFixed(0)}% gen ${cpu.gen.toFixed(0)}% other ${cpu.other.toFixed(0)}%, service loop delay max ${out.serviceLoopDelayMaxMs.toFixed(0)} ms (its own time for me: mean ${fmt(served)} ms), bystander's ${rest.loopDelayMaxMs.toFixed(0)} ms, alive ${out.alive} (${healthAfter})`,
    );
    return out;
  }

  async function scrape(): Promise<ReturnType<typeof followed>> {
    const text = await (await fetch(`${service.url}/metrics`, { signal: AbortSignal.timeout(5_000) })).text();
    const figures = followed(parseMetrics(text));
    lagMax = Math.max(lagMax, figures.eventLoopLagMaxS);
    return figures;
  }

  /** Polls /metrics until `test(figure)`; returns the last value (whether or not it passed). */
  async function untilMetric(key: keyof ReturnType<typeof followed>, test: (value: number) => boolean, timeoutMs: number): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const value = (await scrape())[key];
      if (test(value) || performance.now() > deadline) return value;
      await sleep(50);
    }
  }

  async function waitFor<T>(get: () => T | undefined, timeoutMs: number): Promise<T | undefined> {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      const value = get();
      if (value !== undefined) return value;
      await sleep(20);
    }
    return get();
  }

  function totalEvents(): { count: number; bytes: number } {
    return sockets.reduce((sum, s) => ({ count: sum.count + s.events, bytes: sum.bytes + s.bytes }), { count: 0, bytes: 0 });
  }

  /** One `updateMyAttributes` of the abuser's. */
  async function change(attributes: { name: string; value: string }[]): Promise<void> {
    const t0 = performance.now();
    changeTimes.push(performance.timeOrigin + t0);
    try {
      const response = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${abuserToken}` },
        body: JSON.stringify({ query: CHANGE, variables: { attributes } }),
      });
      const text = await response.text();
      if (!response.ok || text.includes('"errors"')) changeFailures.push(`HTTP ${response.status} ${text.slice(0, 200)}`);
    } catch (error) {
      changeFailures.push(String(error));
    }
    changeLatencies.push(performance.now() - t0);
  }

  /** The abuser's `custom:plan`, changed every `changeIntervalMs` while `until` (a deadline or a test). */
  async function changeUntil(until: number | (() => boolean), intervalMs = options.changeIntervalMs): Promise<{ sent: number; failed: number; failures: string[]; latency: Percentiles }> {
    const going = typeof until === 'number' ? () => performance.now() < until : until;
    const from = changeLatencies.length;
    const failedBefore = changeFailures.length;
    const start = performance.now();
    const pending: Promise<void>[] = [];
    for (let i = 0; going(); i++) {
      pending.push(change([{ name: 'custom:plan', value: `abuse-${++changeSeq}` }]));
      const next = start + (i + 1) * intervalMs;
      while (going() && performance.now() < next) await sleep(Math.min(50, Math.max(1, next - performance.now())));
    }
    await Promise.all(pending);
    return {
      sent: changeLatencies.length - from,
      failed: changeFailures.length - failedBefore,
      failures: changeFailures.slice(failedBefore, failedBefore + 3),
      latency: summarize(changeLatencies.slice(from)),
    };
  }

  /** Everything the abuser holds, closed: sockets resumed (their close codes recorded) and SSE streams destroyed. */
  async function releaseAbuser(): Promise<void> {
    if (sockets.length === 0 && streams.length === 0) return;
    for (const socket of sockets) socket.setReading(true);
    const codes: Record<string, number> = {};
    await Promise.all(
      sockets.map(async (socket) => {
        const closed = await Promise.race([socket.closed, sleep(2_000).then(() => undefined)]);
        const code = closed ? String(closed.code) : 'open';
        codes[code] = (codes[code] ?? 0) + 1;
        if (!closed) await socket.close();
      }),
    );
    const ended = streams.filter((s) => s.ended).length;
    for (const stream of streams) stream.request.destroy();
    details.abuserClosesSeen = { wsCloseCodes: codes, sseEndedBeforeResume: ended, sseStreams: streams.length };
    log(`  abuser released: socket close codes once reading again ${JSON.stringify(codes)} (${CLOSE_TOO_SLOW} = too slow); ${ended}/${streams.length} SSE streams had ended`);
    sockets.length = 0;
    streams.length = 0;
    if (service.running) await untilMetric('subscriptionsOpen', (n) => n === 0, 10_000);
  }

  type CpuMark = { server: number; stub: number; bystander: number; gen: NodeJS.CpuUsage; machine: { busy: number; steal: number }; at: number };

  function cpuNow(): CpuMark {
    return { server: cpuSeconds(service.pid), stub: cpuSeconds(stub.child.pid), bystander: cpuSeconds(bystander.child.pid), gen: process.cpuUsage(), machine: machineCpuSeconds(), at: performance.now() };
  }

  function cpuSince(mark: CpuMark): PhaseCpu {
    const wallS = (performance.now() - mark.at) / 1000;
    const pct = (s: number) => (s / wallS) * 100;
    const server = service.running ? cpuSeconds(service.pid) - mark.server : 0;
    const stubCpu = cpuSeconds(stub.child.pid) - mark.stub;
    const gen = process.cpuUsage(mark.gen);
    const genCpu = (gen.user + gen.system) / 1e6 + (cpuSeconds(bystander.child.pid) - mark.bystander);
    const machine = machineCpuSeconds();
    return {
      server: pct(server),
      stub: pct(stubCpu),
      gen: pct(genCpu),
      other: pct(machine.busy - mark.machine.busy - server - stubCpu - genCpu),
      steal: pct(machine.steal - mark.machine.steal),
    };
  }

  /** Rows, targets and notes. */
  function report(): GroupResult {
    const rows: BenchRow[] = [];
    const targets: TargetResult[] = [];
    const idle = phases.find((p) => p.phase === 'idle');
    if (!idle) throw new Error('abuse: the idle phase did not run');
    const meBase = Math.max(idle.me.p99, ME_BASE_FLOOR_MS);
    const bound = rssBound(idle.bystander.rssMaxBytes, limits);
    const boundMiB = bound / MiB;
    const r2 = (v: number) => Math.round(v * 100) / 100;
    for (const p of phases) {
      const abuse = p !== idle;
      const failures = p.bystander.healthFailures + p.bystander.meFailures;
      const rssMiB = p.bystander.rssMaxBytes / MiB;
      const meRatio = p.me.p99 / meBase;
      const checks = {
        alive: p.alive,
        health: p.health.p99 < TARGET_HEALTH_P99_MS && p.bystander.healthFailures === 0,
        me: meRatio < TARGET_ME_RATIO && p.bystander.meFailures === 0,
        rss: rssMiB < boundMiB,
      };
      const met = abuse ? Object.values(checks).every(Boolean) : checks.alive && failures === 0;
      rows.push({
        scenario: p.phase,
        variant: '1 instance',
        n: '`me`',
        p50: p.me.p50,
        p95: p.me.p95,
        p99: p.me.p99,
        max: p.me.max,
        errors: p.bystander.meFailures,
        ...(abuse ? { baselineP50: idle.me.p50, baselineP99: meBase, ratioP50: p.me.p50 / idle.me.p50, ratioP99: meRatio } : {}),
        peakRssMiB: rssMiB,
        ...(abuse ? { baselinePeakRssMiB: idle.bystander.rssMaxBytes / MiB } : {}),
        cpu: p.cpu,
        target: abuse ? `alive; p99 < ${TARGET_ME_RATIO}× base; /health p99 < ${TARGET_HEALTH_P99_MS} ms; RSS < ${boundMiB.toFixed(0)} MiB` : 'alive',
        met,
      });
      rows.push({
        scenario: p.phase,
        variant: '1 instance',
        n: '/health',
        p50: p.health.p50,
        p95: p.health.p95,
        p99: p.health.p99,
        max: p.health.max,
        errors: p.bystander.healthFailures,
        ...(abuse ? { baselineP50: idle.health.p50, baselineP99: idle.health.p99, ratioP50: p.health.p50 / idle.health.p50, ratioP99: p.health.p99 / idle.health.p99 } : {}),
      });
      const name = `abuse: ${p.phase}`;
      targets.push({ name: `${name}: the service process is alive and /health answers 200 after the phase`, measured: p.alive ? 1 : 0, target: '= 1', met: p.alive });
      if (!abuse) continue;
      targets.push({ name: `${name}: another user's /health p99 (no failed answer)`, measured: r2(p.health.p99), target: `< ${TARGET_HEALTH_P99_MS}`, unit: 'ms', met: checks.health });
      targets.push({
        name: `${name}: another user's \`me\` p99 ÷ max(idle p99, ${ME_BASE_FLOOR_MS} ms) (no failed answer)`,
        measured: r2(meRatio),
        target: `< ${TARGET_ME_RATIO}`,
        unit: '×',
        met: checks.me,
      });
      targets.push({ name: `${name}: the service's peak RSS`, measured: Math.round(rssMiB), target: `< ${boundMiB.toFixed(0)}`, unit: 'MiB', met: checks.rss });
    }
    for (const missing of PHASES.filter((name) => !phases.some((p) => p.phase === name))) {
      targets.push({ name: `abuse: ${missing}: not run, the service had exited`, measured: 0, target: '= 1', met: false });
    }
    const caps = phases.find((p) => p.phase === 'one user at every cap')?.abuser as Record<string, unknown> | undefined;
    const stall = phases.find((p) => p.phase === 'stalled reader')?.abuser as Record<string, unknown> | undefined;
    const stormed = phases.find((p) => p.phase === 'reconnect storm')?.abuser as Record<string, unknown> | undefined;
    if (caps) {
      targets.push({
        name: `abuse: the socket beyond MAX_SOCKETS_PER_USER=${limits.maxSocketsPerUser} closed with ${CLOSE_TOO_MANY_SOCKETS}`,
        measured: caps.extraSocketRefused ? 1 : 0,
        target: '= 1',
        met: caps.extraSocketRefused === true,
      });
      targets.push({
        name: `abuse: the subscription beyond MAX_SUBSCRIPTIONS_PER_USER=${limits.maxSubscriptionsPerUser} refused with LIMIT_EXCEEDED`,
        measured: caps.extraSubscriptionRefused ? 1 : 0,
        target: '= 1',
        met: caps.extraSubscriptionRefused === true,
      });
    }
    if (stall) {
      targets.push({
        name: `abuse: stalled reader: subscriptions of the stalled sockets and SSE streams (${stall.subscriptionsHeld}) still open ${fmt(Number(stall.stalledForMs) / 1000)} s after they stopped reading (at most ${options.stalledMaxS} s)`,
        measured: Number(stall.subscriptionsOpenAtEnd),
        target: '= 0',
        unit: 'subscriptions',
        met: stall.subscriptionsOpenAtEnd === 0,
      });
    }

    for (const p of phases) {
      const a = p.abuser as Record<string, any>;
      const what =
        p.phase === 'idle'
          ? 'nothing but the bystander'
          : p.phase === 'one user at every cap'
            ? `${a.socketsHeld} sockets and ${a.subscriptionsHeld} subscriptions held (filled in ${a.filledMs} ms); the extra socket ${a.extraSocketRefused ? `closed ${CLOSE_TOO_MANY_SOCKETS}` : `**not refused** (${JSON.stringify(a.extraSocketClose)})`}, the extra subscription ${a.extraSubscriptionRefused ? 'refused LIMIT_EXCEEDED' : '**not refused**'}; ${a.changes.sent} changes (${a.changes.failed} failed, p50 ${fmt(a.changes.latency.p50)} ms), ${a.eventsReceived} of ${a.eventsExpected} events received (${fmt(a.eventBytes / 1024)} KiB each, ${fmt(a.bytesReceived / MiB)} MiB in all)`
            : p.phase === 'stalled reader'
              ? `${a.socketsStalled} sockets and ${a.streamsStalled} SSE streams (${a.subscriptionsHeld} subscriptions) stopped reading for ${fmt(a.stalledForMs / 1000)} s, ${a.changes.sent} changes (one every ${options.stalledChangeIntervalMs} ms, ${a.changes.failed} failed); the service ended the first of their subscriptions after ${a.firstDropAtMs === null ? '–' : fmt(a.firstDropAtMs / 1000)} s, the last after ${a.allGoneAtMs === null ? '**never within the phase**' : `${fmt(a.allGoneAtMs / 1000)} s`} (${a.subscriptionsOpenAtEnd} open at the end); dropped as too slow (slow_clients_dropped_total): ${a.wsDroppedTooSlow}/${a.socketsStalled} sockets, ${a.sseDroppedTooSlow}/${a.streamsStalled} SSE streams; close codes the sockets saw once reading again: ${JSON.stringify((details.abuserClosesSeen as { wsCloseCodes?: unknown } | undefined)?.wsCloseCodes ?? {})}`
              : `${a.loops} loops over ${a.users} users: ${a.connections} connections (${a.perSecond}/s) ${JSON.stringify(a.outcomes)}, connect→ack→close p50 ${fmt(a.cycleMs.p50)} ms`;
      const nearChange = p.slowest.filter((r) => p.changesAtMs.some((at) => r.atMs >= at - 100 && r.atMs <= at + CHANGE_WINDOW_MS)).length;
      const correlation = p.changesAtMs.length > 0 ? ` ${nearChange} of its ${p.slowest.length} slowest requests were sent within ${CHANGE_WINDOW_MS} ms after one of the abuser's changes.` : '';
      notes.push(
        `**${p.phase}**${a.failed ? ` (**failed**: ${a.failed})` : ''}: ${what}. Bystander: /health p99 ${fmt(p.health.p99)} ms, \`me\` p99 ${fmt(p.me.p99)} ms (${p.health.count} + ${p.me.count} requests, ${p.bystander.healthFailures + p.bystander.meFailures} failed${p.bystander.failureSamples.length ? `, e.g. ${p.bystander.failureSamples[0]}` : ''}); service RSS max ${fmt(p.bystander.rssMaxBytes / MiB, 0)} MiB (heap used at the end ${fmt(Number(p.metrics.heapUsedBytes) / MiB, 0)} MiB), alive ${p.alive ? 'yes' : '**NO**'}; the service's own time for the \`me\` requests: mean ${fmt(p.serviceMeMeanMs)} ms; worst event-loop delay: service ${fmt(p.serviceLoopDelayMaxMs, 0)} ms, bystander ${fmt(p.bystander.loopDelayMaxMs, 0)} ms, generator ${fmt(p.genLoopDelayMaxMs, 0)} ms.${correlation}`,
      );
    }
    notes.push(
      `RSS bound = idle peak RSS (${fmt(idle.bystander.rssMaxBytes / MiB, 0)} MiB) + MAX_SOCKETS_PER_USER × MAX_BUFFERED_BYTES (${limits.maxSocketsPerUser} × ${fmt(limits.maxBufferedBytes / MiB)} MiB = ${fmt((limits.maxSocketsPerUser * limits.maxBufferedBytes) / MiB, 0)} MiB: every socket of the one user full before it is dropped) + a fixed ${RSS_ALLOWANCE_BYTES / MiB} MiB (${limits.maxSubscriptionsPerUser} subscriptions' state, one change's fan-out in flight — ${limits.maxSubscriptionsPerUser} messages of ~${caps ? fmt(Number(caps.eventBytes) / 1024, 0) : '?'} KiB as strings and frames — and heap growth) = **${boundMiB.toFixed(0)} MiB**. SSE streams add nothing beyond it: Yoga waits for \`drain\`, so a stalled stream's output stops at the socket's buffer.`,
      `\`me\` ×p99 = p99 ÷ max(idle p99, ${ME_BASE_FLOOR_MS} ms) (base p99 column): a ratio to a sub-millisecond idle p99 would be noise${idle.me.p99 < ME_BASE_FLOOR_MS ? ` (the idle p99 was ${fmt(idle.me.p99)} ms: the floor applied)` : ` (the idle p99 was ${fmt(idle.me.p99)} ms: the floor did not apply)`}. /health rows: ×p50/×p99 against the idle phase, for reading only. Peak RSS is resident memory: V8 gives little of a grown heap back, so a later phase's peak includes what the earlier ones grew (the heap used at each phase's end is in its note).`,
      `The bystander (user ${BYSTANDER}) runs in a process of its own (bench/lib/bystander.ts): GET /health and \`query { me { username } }\` every ${options.probeIntervalMs} ms each, sequential, keep-alive; the service's RSS every 250 ms. Its latency includes sharing the 2 cores with the abuser (this process), the service and the stub: "gen" CPU is the two load generators together. Service defaults (hold limits, quotas, ME_CACHE_TTL_MS) except STALLED_STREAM_MS=${serviceEnv.STALLED_STREAM_MS} (default 30,000): Yoga writes an SSE stream only as its client reads (it waits for \`drain\`), so a stalled stream's output in the process never grows past one event and only the stall timer ends it — and that timer starts only once the kernel's socket buffers are full (about 4 MB of events on this machine); lowered so a stream is ended within the phase.`,
      `Abuser: user ${ABUSER}, its \`name\` and \`email\` set to ${LONG_VALUE} characters first; its subscription has ${options.aliases} aliases of \`user { attributes { name value } }\` (MAX_ALIASES=${docLimits.maxAliases}, MAX_COST=${docLimits.maxCost}); one \`updateMyAttributes\` of \`custom:plan\` every ${options.changeIntervalMs} ms in phase 2 and every ${options.stalledChangeIntervalMs} ms in phase 3 (within its quotas: ${config.quotas.perUserWrite} writes/s per user, ${config.quotas.callerSharePercent} % of ${config.quotas.userUpdate} UserUpdate/s per caller), so that stalled output reaches its bounds within the phase. The storm's loops wait for each ack and close (1000) before the next connect. Cognito: stub child process, 0 ms.`,
    );
    if (stall && Number(stall.wsDroppedTooSlow) < Number(stall.socketsStalled)) {
      const kib = caps ? Number(caps.eventBytes) / 1024 : Number.NaN;
      notes.push(
        `Stalled sockets: ${stall.wsDroppedTooSlow} of ${stall.socketsStalled} were dropped as too slow (${CLOSE_TOO_SLOW}); the others were closed by the keep-alive (no pong within 12 s; close code 1006 once read). graphql-ws sends a subscription's next event only once its last one was written to the kernel, so a socket's output waiting in the process is at most (its subscriptions) × (event size) = ${perSocket} × ${fmt(kib, 0)} KiB ≈ ${fmt((perSocket * kib) / 1024, 1)} MiB: under MAX_BUFFERED_BYTES (${fmt(limits.maxBufferedBytes / MiB)} MiB), whose check can then never trip; what piles up instead is each subscription's queue of pending events (shared views).`,
      );
    }
    return { group: 'abuse', title: 'Abuse: one user against everyone else', rows, targets, notes, details: { ...details, phases, rssBoundBytes: bound, meBaseMs: meBase } };
  }
}

/** The bystander process (bench/lib/bystander.ts) and its commands. */
async function startBystander(service: Child, token: string, intervalMs: number) {
  const child = spawnScript('bench/lib/bystander.ts', {
    SERVICE_URL: service.url,
    SERVICE_PID: String(service.pid),
    TOKEN: token,
    USERNAME: BYSTANDER,
    INTERVAL_MS: String(intervalMs),
  });
  const bystander = new Child('bystander', child, service.url);
  const answers: ((line: string) => void)[] = [];
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    if (line.startsWith('{')) answers.shift()?.(line);
  });
  const ask = (command: unknown): Promise<string> =>
    new Promise((resolve, reject) => {
      if (!bystander.running) reject(new Error(`bystander exited:\n${bystander.output.slice(-20).join('\n')}`));
      answers.push(resolve);
      child.stdin.write(`${JSON.stringify(command)}\n`);
      void bystander.exited.then(() => reject(new Error(`bystander exited:\n${bystander.output.slice(-20).join('\n')}`)));
    });
  return {
    child: bystander,
    start: async (phase: string) => void (await ask({ start: phase })),
    stop: async () => JSON.parse(await ask({ stop: true })) as BystanderResult,
    exit: async () => {
      if (!bystander.running) return;
      child.stdin.write(`${JSON.stringify({ exit: true })}\n`);
      await Promise.race([bystander.exited, sleep(2_000)]);
      await bystander.stop(1_000);
    },
  };
}

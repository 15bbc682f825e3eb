/**
 * The HTTP load generators of bench/http.ts, both in the benchmark process:
 *
 * - {@link closedLoop}: autocannon (programmatic API) with `connections`
 *   keep-alive connections, each sending its next request as soon as the last
 *   one is answered. Latencies are taken from autocannon's `response` events
 *   (`process.hrtime`, fractional ms), not from its histogram, which records
 *   whole milliseconds (`lowestDiscernibleValue: 1`) — too coarse for
 *   sub-millisecond answers.
 * - {@link sequential}: one request at a time over one keep-alive socket
 *   (`node:http` Agent), timed with `performance.now()`: concurrency 1, where
 *   the latency itself is what is measured.
 *
 * Both verify every answer (`verify(body)`): a non-2xx status, a body the
 * check refuses (e.g. GraphQL `errors` in a 200 answer), a connection error
 * or a timeout counts as a failure, and only verified answers count towards
 * requests per second.
 */
import { Agent, request as httpRequest } from 'node:http';
import autocannon from 'autocannon';
import { summarize, type Percentiles } from './stats.js';

/** What one run of a load generator measured. */
export interface LoadResult {
  /** Answers that were 2xx and passed `verify`. */
  ok: number;
  /** Requests sent: answered, failed, and (autocannon) those still in flight when the run ended. */
  sent: number;
  /** Non-2xx answers + answers `verify` refused + connection errors + timeouts. */
  failed: number;
  non2xx: number;
  /** First few failures (status and body, or the error). */
  failureSamples: string[];
  /** Verified answers per second of the run. */
  rps: number;
  /** Of every answer received (failures included: they are reported, never hidden), ms. */
  latency: Percentiles;
  wallS: number;
}

/** One request of a run: its headers (e.g. another user's token each time) and body. */
export type RequestFor = (i: number) => { headers: Record<string, string>; body: string };

export interface LoadOptions {
  /** E.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  method?: 'POST' | 'GET';
  durationS: number;
  /** The `i`-th request of the run (counted over all connections). */
  requestFor: RequestFor;
  /** Whether an answer's body is right. */
  verify: (body: string) => boolean;
}

const MAX_SAMPLES = 3;

/** `connections` closed loops with autocannon for `durationS`. */
export async function closedLoop(options: LoadOptions & { connections: number }): Promise<LoadResult> {
  const url = new URL(options.url);
  const failureSamples: string[] = [];
  let mismatches = 0;
  /** setupRequest calls: autocannon builds each request just before it writes it. */
  let built = 0;
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  const instance = autocannon({
    url: url.origin,
    connections: options.connections,
    duration: options.durationS,
    // The run ends on the first sample tick after `duration`: every 100 ms instead of every second.
    sampleInt: 100,
    timeout: 10,
    requests: [
      {
        method: options.method ?? 'POST',
        path: url.pathname,
        setupRequest: (request) => {
          const { headers, body } = options.requestFor(built++);
          return { ...request, headers: { ...request.headers, ...headers }, body };
        },
      },
    ],
    verifyBody: (body) => {
      if (options.verify(body)) return true;
      mismatches++;
      if (failureSamples.length < MAX_SAMPLES) failureSamples.push(body.slice(0, 300));
      return false;
    },
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    if (count === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[count++] = ms;
  });
  instance.on('reqError', (error: unknown) => {
    if (failureSamples.length < MAX_SAMPLES) failureSamples.push(String(error).slice(0, 300));
  });
  const result = await instance;
  // verifyBody sees non-2xx answers too (their bodies fail the check): they are in `mismatches`.
  const failed = Math.max(mismatches, result.non2xx) + result.errors + result.timeouts;
  const ok = count - Math.max(mismatches, result.non2xx);
  return {
    ok,
    sent: Math.max(count + result.errors + result.timeouts, built),
    failed,
    non2xx: result.non2xx,
    failureSamples,
    rps: ok / result.duration,
    latency: summarize(Array.from(latencies.subarray(0, count))),
    wallS: result.duration,
  };
}

/** One HTTP request to `url`'s host over `agent`; resolves with its status and body, rejects on a connection error or after 10 s. */
export function sendOver(agent: Agent, url: URL, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { agent, host: url.hostname, port: url.port, path, method, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('timeout after 10 s')));
    req.on('error', reject);
    req.end(body);
  });
}

/** One request at a time over one keep-alive socket for `durationS`. */
export async function sequential(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  const failureSamples: string[] = [];
  let ok = 0;
  let failed = 0;
  let non2xx = 0;
  const send = (headers: Record<string, string>, body: string) => sendOver(agent, url, options.method ?? 'POST', url.pathname, headers, body);
  const start = performance.now();
  const stopAt = start + options.durationS * 1000;
  for (let i = 0; performance.now() < stopAt; i++) {
    const { headers, body } = options.requestFor(i);
    const t0 = performance.now();
    try {
      const answer = await send(headers, body);
      latencies.push(performance.now() - t0);
      const good = answer.status >= 200 && answer.status < 300 && options.verify(answer.body);
      if (answer.status < 200 || answer.status >= 300) non2xx++;
      if (good) ok++;
      else {
        failed++;
        if (failureSamples.length < MAX_SAMPLES) failureSamples.push(`HTTP ${answer.status} ${answer.body.slice(0, 300)}`);
      }
    } catch (error) {
      failed++;
      if (failureSamples.length < MAX_SAMPLES) failureSamples.push(String(error).slice(0, 300));
    }
  }
  const wallS = (performance.now() - start) / 1000;
  agent.destroy();
  return { ok, sent: ok + failed, failed, non2xx, failureSamples, rps: ok / wallS, latency: summarize(latencies), wallS };
}

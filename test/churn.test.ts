/**
 * Connect/disconnect churn: thousands of graphql-ws connections, in waves,
 * each connecting with a valid token and subscribing to myAttributesChanged,
 * some receiving an event, then dropping — half cleanly (complete, close
 * 1000), half abruptly (the TCP socket destroyed, no close frame) — while
 * other clients keep making HTTP requests. The service runs in a child
 * process of its own (test/support/churn-service.ts, with --expose-gc), so
 * its heap and handles are measured alone: after the churn and a garbage
 * collection, the heap is within a few MB of the warmed-up baseline, and
 * connections, feed listeners, shutdown listeners and active handles are
 * back where they were.
 *
 * Tunable: CHURN_CONNECTIONS (default 3,000), CHURN_WAVE (connections per
 * wave, default 250), CHURN_SECONDS (how long the churn lasts at least,
 * default 60), CHURN_HEAP_MB (the allowed heap growth, default 10).
 */
import { AdminCreateUserCommand, AdminSetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signIn } from '../src/embedded/seed.js';
import { graphql } from './gql/index.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';
import type { ChurnRequest, Measurement, Probe } from './support/churn-service.js';

const ChurnMyChanges = graphql(`
  subscription ChurnMyChanges {
    myAttributesChanged {
      updated {
        name
        value
      }
    }
  }
`);

const ChurnMe = graphql(`
  query ChurnMe {
    me {
      username
    }
  }
`);

const ChurnUpdateMine = graphql(`
  mutation ChurnUpdateMine($input: UpdateMyAttributesInput!) {
    updateMyAttributes(input: $input) {
      user {
        plan: attribute(name: "custom:plan")
      }
    }
  }
`);

const env = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const CONNECTIONS = env('CHURN_CONNECTIONS', 3_000);
const WAVE = Math.min(env('CHURN_WAVE', 250), CONNECTIONS);
const CHURN_MS = env('CHURN_SECONDS', 60) * 1_000;
const HEAP_GROWTH_BYTES = env('CHURN_HEAP_MB', 10) * 1024 * 1024;
/** Connections opened (and dropped) before the baseline, so that caches, JIT and pools are warm. */
const WARMUP = 2 * WAVE;
/** Subscribers are spread over this many users; a few of them get an event each wave. */
const SUBSCRIBER_USERS = 20;
const USERS_WITH_EVENTS_PER_WAVE = 4;
/** HTTP clients calling all along (a read and a write loop each), on users of their own. */
const HTTP_CLIENTS = 3;
/** How long a wave may take to connect, subscribe and receive its events. */
const WAVE_TIMEOUT_MS = 30_000;
/** How long the service may take to let go of everything after the last wave. */
const SETTLE_MS = 30_000;
/** Idle keep-alive sockets to Cognito close after the emulator's keep-alive timeout (Node's 5 s). */
const KEEP_ALIVE_QUIET_MS = 6_000;
const PASSWORD = 'Churn-user-1!';

/** The service in its child process, spoken to over IPC. */
class ServiceProcess {
  readonly output: string[] = [];
  #next = 0;
  readonly #pending = new Map<number, (reply: Record<string, unknown>) => void>();

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.on('message', (message: Record<string, unknown>) => {
      const resolve = this.#pending.get(message.id as number);
      this.#pending.delete(message.id as number);
      resolve?.(message);
    });
  }

  static async start(serviceEnv: Record<string, string>): Promise<ServiceProcess> {
    const child = fork(fileURLToPath(new URL('./support/churn-service.ts', import.meta.url)), [], {
      execArgv: ['--expose-gc', '--import', 'tsx'],
      env: { ...process.env, ...serviceEnv },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const output: string[] = [];
    const keep = (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const url = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the service exited with ${code}:\n${output.join('\n')}`)));
      child.on('message', (message: { type?: string; url?: string }) => {
        if (message.type === 'listening' && message.url) resolve(message.url);
      });
    });
    const service = new ServiceProcess(child, url);
    service.output.push(...output);
    child.stdout?.on('data', (chunk: Buffer) => service.output.push(chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => service.output.push(chunk.toString('utf8')));
    return service;
  }

  #ask<T>(type: ChurnRequest['type']): Promise<T> {
    const id = ++this.#next;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, (reply) => (reply.error ? reject(new Error(String(reply.error))) : resolve(reply as T)));
      this.child.send({ id, type } satisfies ChurnRequest);
    });
  }

  probe = () => this.#ask<Probe>('probe');
  measure = () => this.#ask<Measurement>('measure');

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.#ask('stop').catch(() => undefined);
    await exited;
  }
}

/** Counts of everything the churn did. */
const totals = { opened: 0, acked: 0, clean: 0, abrupt: 0, events: 0, refused: 0, requests: 0, failedRequests: 0, serverErrors: 0 };

/**
 * One graphql-ws connection over a raw `ws` socket (protocol
 * graphql-transport-ws), subscribed to myAttributesChanged once acknowledged.
 */
class Subscriber {
  readonly ws: WebSocket;
  readonly values: string[] = [];
  readonly acked: Promise<void>;
  #waiters: (() => void)[] = [];

  constructor(
    url: string,
    readonly username: string,
    token: string,
  ) {
    totals.opened += 1;
    this.ws = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    this.ws.on('open', () => this.ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    this.acked = new Promise<void>((resolve, reject) => {
      this.ws.on('message', (raw: Buffer) => {
        const message = JSON.parse(raw.toString()) as { type: string; payload?: { data?: { myAttributesChanged?: { updated: { value: string }[] } } } };
        if (message.type === 'connection_ack') {
          totals.acked += 1;
          this.ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: print(ChurnMyChanges) } }));
          resolve();
        } else if (message.type === 'next') {
          totals.events += 1;
          for (const { value } of message.payload?.data?.myAttributesChanged?.updated ?? []) this.values.push(value);
          for (const wake of this.#waiters.splice(0)) wake();
        } else if (message.type === 'ping') {
          this.ws.send(JSON.stringify({ type: 'pong' }));
        }
      });
      this.ws.on('close', (code) => {
        if (code >= 4000) totals.refused += 1;
        reject(new Error(`closed with ${code} before connection_ack`));
      });
      this.ws.on('error', reject);
    });
  }

  /** Resolves once `value` has arrived in an event. */
  async received(value: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.values.includes(value)) {
      if (Date.now() > deadline) throw new Error(`${this.username} never received ${value} (got ${this.values.join(', ')})`);
      await Promise.race([new Promise<void>((resolve) => this.#waiters.push(resolve)), sleep(100)]);
    }
  }

  /** Completes the subscription and closes the socket with 1000. */
  dropCleanly(): void {
    totals.clean += 1;
    this.ws.send(JSON.stringify({ id: '1', type: 'complete' }));
    this.ws.close(1000);
  }

  /** Destroys the TCP socket: no complete, no close frame. */
  dropAbruptly(): void {
    totals.abrupt += 1;
    this.ws.terminate();
  }
}

async function post(url: string, query: string, variables: Record<string, unknown>, token: string): Promise<{ status: number; body: { data?: unknown; errors?: unknown[] } }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(20_000),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: unknown[] } };
}

/** Clients reading and writing over HTTP until stopped; every answer must be a success. */
function httpLoad(url: string, users: { username: string; token: string }[]): () => Promise<void> {
  let running = true;
  let counter = 0;
  const loop = async (request: () => Promise<{ status: number; body: { errors?: unknown[] } }>) => {
    while (running) {
      totals.requests += 1;
      try {
        const { status, body } = await request();
        if (status >= 500) totals.serverErrors += 1;
        if (status !== 200 || body.errors) totals.failedRequests += 1;
      } catch {
        totals.failedRequests += 1;
      }
      await sleep(20);
    }
  };
  const loops = users.flatMap(({ token }) => [
    loop(() => post(url, print(ChurnMe), {}, token)),
    loop(() => post(url, print(ChurnUpdateMine), { input: { attributes: [{ name: 'custom:plan', value: `h${++counter}` }] } }, token)),
  ]);
  return async () => {
    running = false;
    await Promise.all(loops);
  };
}

/** Polls the service until `done(probe)`; returns the last probe. */
async function settle(service: ServiceProcess, done: (probe: Probe) => boolean, timeoutMs: number, what: string): Promise<Probe> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const probe = await service.probe();
    if (done(probe)) return probe;
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms: ${JSON.stringify(probe)}`);
    await sleep(200);
  }
}

let cognito: TestCognito;
let service: ServiceProcess;
/** The probe with the most handles, taken while a wave was connected. */
let peak: Probe | undefined;
const subscriberUsers: { username: string; token: string }[] = [];
const httpUsers: { username: string; token: string }[] = [];

async function createUser(username: string): Promise<{ username: string; token: string }> {
  const { userPoolId, clientId } = cognito.demo;
  await cognito.sdk.send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: username, MessageAction: 'SUPPRESS' }));
  await cognito.sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: PASSWORD, Permanent: true }));
  return { username, token: await signIn(cognito.sdk, clientId, username, PASSWORD) };
}

beforeAll(async () => {
  cognito = await startTestCognito();
  for (let i = 0; i < SUBSCRIBER_USERS; i++) subscriberUsers.push(await createUser(`churn-sub-${i}`));
  for (let i = 0; i < HTTP_CLIENTS; i++) httpUsers.push(await createUser(`churn-http-${i}`));
  service = await ServiceProcess.start({
    COGNITO_USER_POOL_ID: cognito.demo.userPoolId,
    COGNITO_ENDPOINT: cognito.endpoint,
    COGNITO_CLIENT_IDS: cognito.demo.clientId,
    AWS_REGION: 'us-east-1',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    // Far above what the churn spends: this file is about memory and handles.
    QUOTA_USER_READ_PER_SECOND: '100000',
    QUOTA_USER_UPDATE_PER_SECOND: '100000',
    QUOTA_USER_POOL_READ_PER_SECOND: '100000',
    QUOTA_PER_USER_READS_PER_SECOND: '100000',
    QUOTA_PER_USER_WRITES_PER_SECOND: '100000',
    // The change log holds what FEED_RETENTION says by design (100,000 changes by
    // default, ~1 KB each): kept to 50 here, so what grows is what leaks.
    FEED_RETENTION: '24h,50',
  });
});

afterAll(async () => {
  await service?.stop();
  await cognito?.stop();
});

/**
 * One wave: `size` connections spread over the subscriber users, all
 * subscribed; a few users get a change each, which every one of their
 * connections must receive; then half drop cleanly, half abruptly.
 */
async function wave(size: number, index: number): Promise<void> {
  // The previous wave's subscriptions are gone (that is checked here, every wave).
  await settle(service, (p) => p.listening === 0, WAVE_TIMEOUT_MS, "the previous wave's subscriptions gone");
  const subscribers = Array.from({ length: size }, (_, i) => {
    const user = subscriberUsers[(index * size + i) % subscriberUsers.length]!;
    return new Subscriber(service.url, user.username, user.token);
  });
  await Promise.all(subscribers.map((s) => s.acked));
  const full = await settle(service, (p) => p.listening >= size, WAVE_TIMEOUT_MS, `${size} subscriptions listening`);
  if (full.handles > (peak?.handles ?? 0)) peak = full;

  const changed = Array.from({ length: USERS_WITH_EVENTS_PER_WAVE }, (_, i) => subscriberUsers[(index * USERS_WITH_EVENTS_PER_WAVE + i) % subscriberUsers.length]!);
  await Promise.all(
    changed.map(async (user) => {
      const value = `w${index}-${user.username}`;
      const { status, body } = await post(service.url, print(ChurnUpdateMine), { input: { attributes: [{ name: 'custom:plan', value }] } }, user.token);
      totals.requests += 1;
      if (status >= 500) totals.serverErrors += 1;
      expect(body.errors).toBeUndefined();
      await Promise.all(subscribers.filter((s) => s.username === user.username).map((s) => s.received(value, WAVE_TIMEOUT_MS)));
    }),
  );

  subscribers.forEach((s, i) => (i % 2 === 0 ? s.dropCleanly() : s.dropAbruptly()));
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

describe('connect/disconnect churn', () => {
  it(
    `should hold no more memory or handles after ${CONNECTIONS} graphql-ws connections opened and dropped than before`,
    { timeout: CHURN_MS + 10 * 60_000 },
    async () => {
      // Warm-up: caches (app clients, pool), JIT, socket pools; then the baseline.
      const stopWarmLoad = httpLoad(service.url, httpUsers);
      for (let i = 0; i < WARMUP / WAVE; i++) await wave(WAVE, i);
      await stopWarmLoad();
      await settle(service, (p) => p.connections === 0 && p.listening === 0, SETTLE_MS, 'every warm-up connection gone');
      await sleep(KEEP_ALIVE_QUIET_MS);
      const baseline = await service.measure();
      const warm = { ...totals };

      const started = Date.now();
      const stopLoad = httpLoad(service.url, httpUsers);
      const waves = Math.ceil(CONNECTIONS / WAVE);
      for (let i = 0; i < waves; i++) {
        await wave(Math.min(WAVE, CONNECTIONS - i * WAVE), WARMUP / WAVE + i);
        // Spread the waves over CHURN_MS.
        const due = started + ((i + 1) * CHURN_MS) / waves;
        if (Date.now() < due) await sleep(due - Date.now());
      }
      await stopLoad();
      const churnMs = Date.now() - started;

      const settled = await settle(service, (p) => p.connections === 0 && p.listening === 0 && p.shutdownListeners <= baseline.shutdownListeners, SETTLE_MS, 'every connection gone');
      await sleep(KEEP_ALIVE_QUIET_MS);
      const after = await service.measure();

      const opened = totals.opened - warm.opened;
      const events = totals.events - warm.events;
      console.info(
        `[churn] ${opened} connections in ${waves} waves over ${(churnMs / 1000).toFixed(0)} s (${totals.clean - warm.clean} dropped cleanly, ${totals.abrupt - warm.abrupt} abruptly), ` +
          `${events} events delivered, ${totals.requests - warm.requests} HTTP requests served (${totals.serverErrors} 5xx, ${totals.failedRequests} failed); ` +
          `heap ${mb(baseline.heapUsed)} -> ${mb(after.heapUsed)} (${after.heapUsed >= baseline.heapUsed ? '+' : ''}${mb(after.heapUsed - baseline.heapUsed)}), ` +
          `external ${mb(baseline.external)} -> ${mb(after.external)}, rss ${mb(baseline.rss)} -> ${mb(after.rss)}; ` +
          `handles ${baseline.handles} -> ${after.handles} ${JSON.stringify(baseline.resources)} -> ${JSON.stringify(after.resources)}; ` +
          `connections ${baseline.connections} -> ${after.connections}, feed listeners ${baseline.listening} -> ${after.listening}, ` +
          `shutdown listeners ${baseline.shutdownListeners} -> ${after.shutdownListeners} (at the peak of a wave: ${peak?.connections} connections, ${peak?.listening} listening, ${peak?.handles} handles); settled: ${settled.handles} handles`,
      );

      expect(totals.acked).toBe(totals.opened);
      expect(totals.refused).toBe(0);
      expect(events).toBeGreaterThanOrEqual(waves * USERS_WITH_EVENTS_PER_WAVE);
      expect(totals.serverErrors).toBe(0);
      expect(totals.failedRequests).toBe(0);

      expect(after.connections).toBe(0);
      expect(after.listening).toBe(0);
      expect(after.shutdownListeners).toBe(baseline.shutdownListeners);
      expect(after.heapUsed - baseline.heapUsed).toBeLessThan(HEAP_GROWTH_BYTES);
      expect(after.handles).toBeLessThanOrEqual(baseline.handles);
      for (const [type, count] of Object.entries(after.resources)) expect(count, type).toBeLessThanOrEqual(baseline.resources[type] ?? 0);
      expect(service.child.exitCode).toBeNull();
    },
  );
});

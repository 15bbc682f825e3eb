/**
 * Clean shutdown of the real process (`node --import tsx src/main.ts`, the
 * embedded default): on SIGTERM or SIGINT it ends its subscriptions
 * (WebSockets close with 1001 "going away", SSE streams complete), stops
 * listening and exits with code 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { graphql } from './gql/index.js';
import { until } from './support/until.js';
import { freePort } from './support/app.js';

const ShutdownMyChanges = graphql(`
  subscription ShutdownMyChanges {
    myAttributesChanged {
      user {
        username
      }
      updated {
        name
        value
      }
    }
  }
`);

const ShutdownUpdateMine = graphql(`
  mutation ShutdownUpdateMine($input: UpdateMyAttributesInput!) {
    updateMyAttributes(input: $input) {
      user {
        plan: attribute(name: "custom:plan")
      }
    }
  }
`);

const ROOT = new URL('..', import.meta.url).pathname;

/** Resolves with the connection error's code, or 'connected' when something still listens on `port`. */
function connectTo(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** The service as `npm start` runs it, on its own data directory and port. */
class ServiceProcess {
  stdout = '';
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  readonly url: string;
  readonly #child: ChildProcess;

  private constructor(
    readonly port: number,
    readonly dataDir: string,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
    // The embedded default: nothing of a configured Cognito or Redis.
    for (const name of ['COGNITO_USER_POOL_ID', 'COGNITO_USER_POOL_IDS', 'COGNITO_ENDPOINT', 'COGNITO_CLIENT_IDS', 'REDIS_URL']) delete env[name];
    this.#child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.#child.stdout!.on('data', (chunk: Buffer) => (this.stdout += chunk.toString()));
    this.#child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => this.#child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })));
  }

  static async start(): Promise<ServiceProcess> {
    const service = new ServiceProcess(await freePort(), await mkdtemp(join(tmpdir(), 'shutdown-test-')));
    running.push(service);
    await service.#untilUp();
    return service;
  }

  get running(): boolean {
    return this.#child.exitCode === null && this.#child.signalCode === null;
  }

  /** Waits for GET /health to answer 200 and for the start banner's token of bob (up to 20 s). */
  async #untilUp(): Promise<void> {
    const deadline = Date.now() + 20_000;
    let healthy = false;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`the service exited while starting:\n${this.stdout}\n${this.stderr}`);
      if (!healthy) {
        try {
          healthy = (await fetch(`${this.url}/health`)).status === 200;
        } catch {
          // not listening yet
        }
      }
      if (healthy && this.#bobToken()) return;
      await sleep(100);
    }
    throw new Error(`the service did not come up within 20 s:\n${this.stdout}\n${this.stderr}`);
  }

  #bobToken(): string | undefined {
    return /^\s*bob: Authorization: Bearer (\S+)/m.exec(this.stdout)?.[1];
  }

  /** Bob's access token, as the start banner prints it. */
  get bobToken(): string {
    const token = this.#bobToken();
    if (!token) throw new Error(`no token of bob in the banner:\n${this.stdout}`);
    return token;
  }

  signal(signal: NodeJS.Signals): number {
    this.#child.kill(signal);
    return Date.now();
  }

  async cleanUp(): Promise<void> {
    if (this.running) {
      this.#child.kill('SIGKILL');
      await this.exited;
    }
    await rm(this.dataDir, { recursive: true, force: true });
  }
}

const running: ServiceProcess[] = [];
const clients: Client[] = [];
afterAll(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
  await Promise.all(running.splice(0).map((s) => s.cleanUp()));
});

/** A graphql-ws client subscribed to bob's changes, recording what happens to its socket. */
function wsSubscriber(service: ServiceProcess) {
  const state = { connected: false, closeCode: undefined as number | undefined, events: [] as string[], errors: [] as unknown[], completed: false };
  const client = createClient({
    url: `ws://127.0.0.1:${service.port}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${service.bobToken}` },
    retryAttempts: 0,
    on: {
      connected: () => (state.connected = true),
      closed: (event) => (state.closeCode = (event as { code?: number }).code),
    },
  });
  clients.push(client);
  client.subscribe(
    { query: print(ShutdownMyChanges) },
    {
      next: (result) => state.events.push(JSON.stringify(result)),
      error: (error) => state.errors.push(error),
      complete: () => (state.completed = true),
    },
  );
  return state;
}

/** An SSE subscription to bob's changes (Yoga's own SSE: POST with `accept: text/event-stream`), read to its end. */
async function sseSubscriber(service: ServiceProcess) {
  const state = { text: '', ended: false, failure: undefined as unknown };
  const response = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${service.bobToken}` },
    body: JSON.stringify({ query: print(ShutdownMyChanges) }),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const done = (async () => {
    try {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        state.text += decoder.decode(value, { stream: true });
      }
      state.ended = true;
    } catch (error) {
      state.failure = error;
    }
  })();
  return { state, done };
}

/** Changes bob's plan until both subscribers have received a change: both subscriptions are live. */
async function untilLive(service: ServiceProcess, received: ((plan: string) => boolean)[]): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const plan = `live-${randomUUID().slice(0, 8)}`;
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${service.bobToken}` },
      body: JSON.stringify({ query: print(ShutdownUpdateMine), variables: { input: { attributes: [{ name: 'custom:plan', value: plan }] } } }),
    });
    const body = (await response.json()) as { data?: { updateMyAttributes: { user: { plan: string } } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.updateMyAttributes.user.plan).toBe(plan);
    try {
      await until(() => received.every((r) => r(plan)), 500, 'the change');
      return;
    } catch {
      // not subscribed yet: another change
    }
  }
  throw new Error('the subscriptions never became live');
}

describe('shutdown', () => {
  it('should, on SIGTERM, close WebSockets with 1001, end SSE streams, stop listening and exit with code 0', { timeout: 60_000 }, async () => {
    const service = await ServiceProcess.start();
    const ws = wsSubscriber(service);
    const sse = await sseSubscriber(service);
    await until(() => ws.connected, 5_000, 'the WebSocket to be acknowledged');
    await untilLive(service, [(plan) => ws.events.some((e) => e.includes(plan)), (plan) => sse.state.text.includes(plan)]);
    expect(sse.state.text).toMatch(/^event: next$/m);

    const sent = service.signal('SIGTERM');
    const exit = await Promise.race([service.exited, sleep(10_000).then(() => undefined)]);
    expect(exit, `still running 10 s after SIGTERM:\n${service.stderr}`).toBeDefined();
    expect(exit!.signal).toBeNull();
    expect(exit!.code, service.stderr).toBe(0);
    expect(exit!.at - sent).toBeLessThan(10_000);

    await until(() => ws.closeCode !== undefined, 2_000, 'the WebSocket close event');
    expect(ws.closeCode).toBe(1001);
    await sse.done;
    expect(sse.state.failure).toBeUndefined();
    expect(sse.state.ended).toBe(true);
    expect(sse.state.text).toMatch(/^event: complete$/m);

    expect(await connectTo(service.port)).toBe('ECONNREFUSED');
  });

  it('should, on SIGINT, close WebSockets with 1001, stop listening and exit with code 0', { timeout: 60_000 }, async () => {
    const service = await ServiceProcess.start();
    const ws = wsSubscriber(service);
    await until(() => ws.connected, 5_000, 'the WebSocket to be acknowledged');

    const sent = service.signal('SIGINT');
    const exit = await Promise.race([service.exited, sleep(10_000).then(() => undefined)]);
    expect(exit, `still running 10 s after SIGINT:\n${service.stderr}`).toBeDefined();
    expect(exit!.signal).toBeNull();
    expect(exit!.code, service.stderr).toBe(0);
    expect(exit!.at - sent).toBeLessThan(10_000);

    await until(() => ws.closeCode !== undefined, 2_000, 'the WebSocket close event');
    expect(ws.closeCode).toBe(1001);
    expect(await connectTo(service.port)).toBe('ECONNREFUSED');
  });
});

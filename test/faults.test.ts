/**
 * Faults of Cognito, on real sockets, under load from concurrent clients:
 *
 * - the emulator stopped and restarted on the same port while clients keep
 *   calling: every answer is a correct one or UPSTREAM_UNAVAILABLE (never a
 *   5xx, never a masked INTERNAL_SERVER_ERROR), each within the timeout and a
 *   little; the circuit breaker keeps the outage from costing a Cognito call
 *   per request; /ready is 503 while it lasts and 200 after, and the service
 *   heals by itself;
 * - a Cognito that accepts connections and never answers (a proxy holding
 *   requests): a call costs one timeout, not one per SDK attempt, the held
 *   connections are given up, and then the breaker answers at once;
 * - 5xx answers and reset connections open the breaker; Cognito's 4xx
 *   answers never do;
 * - a JWKS that cannot be fetched (503, hung, reset, or a key set without the
 *   key): tokens are refused with UNAUTHENTICATED (WebSockets closed 4403),
 *   nothing crashes, and they are accepted again once it is back, after a
 *   delay measured here.
 */
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { setTimeout as sleep } from 'node:timers/promises';
import { print, type GraphQLFormattedError } from 'graphql';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { BREAKER_COOLDOWN_MS, BREAKER_FAILURE_THRESHOLD } from '../src/cognito/breaker.js';
import { signIn } from '../src/embedded/seed.js';
import { graphql } from './gql/index.js';
import { testConfig } from './support/app.js';
import { onCognitoCall, startTestCognito, type TestCognito } from './support/cognito.js';
import { watchFeed, wsSubscribe } from './support/subscribers.js';
import { CognitoProxy, proxyToken } from './support/cognito-proxy.js';

const FaultsMe = graphql(`
  query FaultsMe {
    me {
      username
      plan: attribute(name: "custom:plan")
    }
  }
`);

const FaultsUpdateMine = graphql(`
  mutation FaultsUpdateMine($input: UpdateMyAttributesInput!) {
    updateMyAttributes(input: $input) {
      user {
        username
        plan: attribute(name: "custom:plan")
      }
    }
  }
`);

const FaultsAdminUser = graphql(`
  query FaultsAdminUser($username: String!) {
    user(username: $username) {
      username
      plan: attribute(name: "custom:plan")
    }
  }
`);

const FaultsMyChanges = graphql(`
  subscription FaultsMyChanges {
    myAttributesChanged {
      updated {
        name
        value
      }
    }
  }
`);

/** COGNITO_TIMEOUT_MS of every service here. */
const TIMEOUT_MS = 1_000;
/** The promise: UPSTREAM_UNAVAILABLE within the timeout and this much (event loop, JSON, HTTP). */
const SLACK_MS = 500;
const BOUND_MS = TIMEOUT_MS + SLACK_MS;
/** Pause between two requests of one load client. */
const THINK_MS = 10;
/** Quotas far above what the load spends: this file is about faults, not limits. */
const NO_QUOTAS = {
  QUOTA_USER_READ_PER_SECOND: '100000',
  QUOTA_USER_UPDATE_PER_SECOND: '100000',
  QUOTA_USER_POOL_READ_PER_SECOND: '100000',
  QUOTA_PER_USER_READS_PER_SECOND: '100000',
  QUOTA_PER_USER_WRITES_PER_SECOND: '100000',
};

/** One answer the service gave (or the failure to get one, `status: 0`). */
interface Answer {
  client: string;
  started: number;
  ended: number;
  status: number;
  codes: string[];
  /** The data is what it must be (the caller's user, the value just written). */
  correct: boolean;
  /** For a write answered correctly: the value written. */
  wrote?: string;
}

type GraphQLBody<TData> = { data?: TData | null; errors?: GraphQLFormattedError[] };

/** POSTs an operation to a live service over HTTP. */
async function post<TData, TVars>(
  url: string,
  document: TypedDocumentNode<TData, TVars>,
  variables: TVars,
  token: string,
): Promise<{ status: number; body: GraphQLBody<TData> }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: print(document), variables }),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  let body: GraphQLBody<TData>;
  try {
    body = JSON.parse(text) as GraphQLBody<TData>;
  } catch {
    body = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
  }
  return { status: response.status, body };
}

const codesOf = (body: GraphQLBody<unknown>): string[] => (body.errors ?? []).map((e) => String(e.extensions?.code ?? 'NO_CODE'));

/** One request of a load client: its answer's status, codes and whether the data is right. */
type Step = () => Promise<Omit<Answer, 'client' | 'started' | 'ended'>>;

/** Clients calling in a loop until stopped, recording every answer. */
class Load {
  readonly answers: Answer[] = [];
  #running = true;
  readonly #loops: Promise<void>[];

  constructor(clients: Record<string, Step>) {
    this.#loops = Object.entries(clients).map(async ([client, step]) => {
      while (this.#running) {
        const started = Date.now();
        let result: Omit<Answer, 'client' | 'started' | 'ended'>;
        try {
          result = await step();
        } catch (error) {
          result = { status: 0, codes: [`FETCH_FAILED: ${(error as Error).message}`], correct: false };
        }
        this.answers.push({ client, started, ended: Date.now(), ...result });
        await sleep(THINK_MS);
      }
    });
  }

  async stop(): Promise<Answer[]> {
    this.#running = false;
    await Promise.all(this.#loops);
    return this.answers;
  }
}

/** Polls GET /ready and records each change of its status, with its time. */
class ReadyWatch {
  readonly changes: { at: number; status: number }[] = [];
  #running = true;
  readonly #loop: Promise<void>;

  constructor(url: string) {
    this.#loop = (async () => {
      while (this.#running) {
        let status = 0;
        try {
          status = (await fetch(`${url}/ready`, { signal: AbortSignal.timeout(10_000) })).status;
        } catch {
          status = 0;
        }
        if (this.changes.at(-1)?.status !== status) this.changes.push({ at: Date.now(), status });
        await sleep(50);
      }
    })();
  }

  /** The first time at or after `since` that /ready answered `status`. */
  firstAfter(since: number, status: number): number | undefined {
    // The status in force at `since` counts from `since`.
    const before = this.changes.filter((c) => c.at <= since).at(-1);
    if (before?.status === status) return since;
    return this.changes.find((c) => c.at > since && c.status === status)?.at;
  }

  /** Waits until /ready answers `status`; returns when it first did. */
  async until(status: number, since: number, timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const at = this.firstAfter(since, status);
      if (at !== undefined) return at;
      if (Date.now() > deadline) throw new Error(`/ready did not answer ${status} within ${timeoutMs} ms: ${JSON.stringify(this.changes)}`);
      await sleep(20);
    }
  }

  async stop(): Promise<void> {
    this.#running = false;
    await this.#loop;
  }
}

/** Polls until `check` resolves true; returns how long it took. */
async function within(timeoutMs: number, what: string, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(20);
  }
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

/** Process-level failures while this file runs: each would crash a production process. */
const crashes: unknown[] = [];
const recordCrash = (reason: unknown) => crashes.push(reason);

let cognito: TestCognito;
const apps: App[] = [];
/** Load users: each with a token, and the value of custom:plan they write. */
const LOAD_USERS = ['faults-load-1', 'faults-load-2', 'faults-load-3'];
const PASSWORD = 'Faults-load-1!';
const tokens = new Map<string, string>();

/** The service pointed at `endpoint` (the emulator, or a proxy in front of it), on a real port. */
async function startService(endpoint: string, env: Record<string, string> = {}): Promise<App> {
  // The profile cache is off (testConfig): every `me` reaches Cognito, where the faults are.
  const config = testConfig(cognito, { COGNITO_ENDPOINT: endpoint, COGNITO_TIMEOUT_MS: String(TIMEOUT_MS), ...NO_QUOTAS, ...env });
  const app = await buildApp(config, { logger: pino({ level: 'silent' }) });
  apps.push(app);
  await app.start();
  return app;
}

/** Cognito's own value of custom:plan for `username`. */
async function planOf(username: string): Promise<string | undefined> {
  const user = await cognito.sdk.send(new AdminGetUserCommand({ UserPoolId: cognito.demo.userPoolId, Username: username }));
  return user.UserAttributes?.find((a) => a.Name === 'custom:plan')?.Value;
}

beforeAll(async () => {
  process.on('unhandledRejection', recordCrash);
  process.on('uncaughtException', recordCrash);
  cognito = await startTestCognito();
  const { userPoolId, clientId } = cognito.demo;
  for (const username of LOAD_USERS) {
    await cognito.sdk.send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: username, MessageAction: 'SUPPRESS' }));
    await cognito.sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: PASSWORD, Permanent: true }));
    tokens.set(username, await signIn(cognito.sdk, clientId, username, PASSWORD));
  }
  tokens.set('alice', await cognito.tokens.tokenFor('alice'));
  tokens.set('bob', await cognito.tokens.tokenFor('bob'));
});

afterAll(async () => {
  for (const app of apps.splice(0)) await app.stop();
  await cognito?.stop();
  process.off('unhandledRejection', recordCrash);
  process.off('uncaughtException', recordCrash);
});

describe('Cognito stopped and restarted under load', () => {
  it(
    'should answer every request correctly or with UPSTREAM_UNAVAILABLE within the bound, fail fast while it is down, say so on /ready, and heal by itself',
    { timeout: 90_000 },
    async () => {
      const app = await startService(cognito.endpoint);
      const sent: { at: number; command: string }[] = [];
      onCognitoCall(app.services.cognito, (command) => sent.push({ at: Date.now(), command }));
      const url = app.url;
      const token = (username: string) => tokens.get(username)!;

      // Per user: one client reading `me`, one writing custom:plan; and an administrator reading users.
      let counter = 0;
      const clients: Record<string, Step> = {};
      for (const username of LOAD_USERS) {
        clients[`me:${username}`] = async () => {
          const { status, body } = await post(url, FaultsMe, {}, token(username));
          return { status, codes: codesOf(body), correct: !body.errors && body.data?.me.username === username };
        };
        clients[`write:${username}`] = async () => {
          const plan = `p${++counter}`;
          const { status, body } = await post(url, FaultsUpdateMine, { input: { attributes: [{ name: 'custom:plan', value: plan }] } }, token(username));
          const correct = !body.errors && body.data?.updateMyAttributes.user.username === username && body.data.updateMyAttributes.user.plan === plan;
          return { status, codes: codesOf(body), correct, ...(correct ? { wrote: plan } : {}) };
        };
      }
      clients['admin:user'] = async () => {
        const username = LOAD_USERS[counter % LOAD_USERS.length]!;
        const { status, body } = await post(url, FaultsAdminUser, { username }, token('alice'));
        return { status, codes: codesOf(body), correct: !body.errors && body.data?.user?.username === username };
      };

      const ready = new ReadyWatch(url);
      await ready.until(200, Date.now(), 10_000);
      const load = new Load(clients);
      await sleep(2_000);

      const stopBegan = Date.now();
      await cognito.outage();
      const stopped = Date.now();
      const readyDown = await ready.until(503, stopped, 5_000);
      // Longer than two cooldowns: probes go out and fail during the outage.
      await sleep(2 * BREAKER_COOLDOWN_MS + 1_500);

      const restartBegan = Date.now();
      await cognito.restore();
      const restarted = Date.now();
      const readyUp = await ready.until(200, restarted, BREAKER_COOLDOWN_MS + 5_000);
      await sleep(2_500);
      const answers = await load.stop();
      await ready.stop();

      const phase = (from: number, to: number) => answers.filter((a) => a.started >= from && a.ended <= to);
      const before = answers.filter((a) => a.ended < stopBegan);
      const outage = phase(stopped, restartBegan);
      const after = answers.filter((a) => a.started >= readyUp);
      const latencies = answers.map((a) => a.ended - a.started);
      const firstCorrectAfter = answers.filter((a) => a.correct && a.started >= restarted).sort((a, b) => a.ended - b.ended)[0];
      const callsDuringOutage = sent.filter((c) => c.at >= stopped && c.at < restartBegan).length;
      console.info(
        `[faults] emulator stop/restart: ${answers.length} answers (${before.length} before, ${outage.length} during the outage, ${after.length} after); ` +
          `latency p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, max ${Math.max(...latencies)} ms; ` +
          `outage answers p50 ${percentile(outage.map((a) => a.ended - a.started), 50)} ms; Cognito calls sent during the outage ${callsDuringOutage}; ` +
          `/ready 503 after ${readyDown - stopped} ms, 200 ${readyUp - restarted} ms after the restart; first correct answer ${(firstCorrectAfter?.ended ?? NaN) - restarted} ms after it`,
      );

      // Never a 5xx, never a masked error, never another code, never a lost request.
      expect(answers.filter((a) => a.status === 0 || a.status >= 500)).toEqual([]);
      expect(answers.filter((a) => !a.correct && !(a.codes.length > 0 && a.codes.every((c) => c === 'UPSTREAM_UNAVAILABLE')))).toEqual([]);
      // Each within the bound, whatever the phase.
      expect(answers.filter((a) => a.ended - a.started > BOUND_MS)).toEqual([]);

      expect(before.length).toBeGreaterThan(20);
      expect(before.every((a) => a.correct)).toBe(true);
      // While it is down: UPSTREAM_UNAVAILABLE, every time.
      expect(outage.length).toBeGreaterThan(50);
      expect(outage.filter((a) => a.correct)).toEqual([]);
      // ...and the breaker answers for Cognito: a few calls (the failures that open it, the ones
      // in flight then, one probe per cooldown), not one or more per request.
      expect(callsDuringOutage).toBeLessThanOrEqual(BREAKER_FAILURE_THRESHOLD + Object.keys(clients).length + 1 + 8);
      expect(percentile(outage.map((a) => a.ended - a.started), 50)).toBeLessThan(100);

      // /ready: 503 promptly, 200 again once a probe gets through after the restart.
      expect(readyDown - stopped).toBeLessThan(BOUND_MS);
      expect(readyUp - restarted).toBeLessThanOrEqual(BREAKER_COOLDOWN_MS + BOUND_MS);
      // Healed without a restart of the service: every answer begun after /ready said 200 is right.
      expect(after.length).toBeGreaterThan(20);
      expect(after.filter((a) => !a.correct)).toEqual([]);

      // Cognito holds, for each user, the last value a correct answer reported written.
      for (const username of LOAD_USERS) {
        const last = answers.filter((a) => a.client === `write:${username}` && a.wrote).sort((a, b) => a.ended - b.ended).at(-1);
        expect(await planOf(username)).toBe(last?.wrote);
      }
      expect(crashes).toEqual([]);
    },
  );
});

describe('/ready', () => {
  it('should turn 503 with the first failures and 200 with the first successful probe, not a cache period later', { timeout: 30_000 }, async () => {
    const app = await startService(cognito.endpoint);
    const bob = tokens.get('bob')!;
    // The JWKS is fetched (and kept) with the first token.
    expect((await post(app.url, FaultsMe, {}, bob)).body.data?.me.username).toBe('bob');
    // A fresh service asks Cognito: a success, which /ready may reuse for a while.
    expect((await fetch(`${app.url}/ready`)).status).toBe(200);
    await cognito.outage();
    onTestFinished(() => cognito.restore());

    expect(codesOf((await post(app.url, FaultsMe, {}, bob)).body)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect((await fetch(`${app.url}/ready`)).status).toBe(503);
    for (let i = 0; i < BREAKER_FAILURE_THRESHOLD; i++) await post(app.url, FaultsMe, {}, bob);
    const opened = Date.now();
    expect((await fetch(`${app.url}/ready`)).status).toBe(503);

    await cognito.restore();
    const healed = await within(BREAKER_COOLDOWN_MS + BOUND_MS, '/ready to answer 200', async () => (await fetch(`${app.url}/ready`)).status === 200);
    expect(Date.now() - opened).toBeGreaterThanOrEqual(BREAKER_COOLDOWN_MS - 100);
    const { body } = await post(app.url, FaultsMe, {}, bob);
    expect(body.errors).toBeUndefined();
    expect(body.data?.me.username).toBe('bob');
    console.info(`[faults] /ready: 200 ${healed} ms after the restart (the breaker's cooldown is ${BREAKER_COOLDOWN_MS} ms)`);
  });
});

describe('a Cognito that accepts connections and never answers', () => {
  let proxy: CognitoProxy;
  let app: App;
  let token: string;

  beforeAll(async () => {
    proxy = await CognitoProxy.start(cognito.endpoint);
    app = await startService(proxy.endpoint);
    token = await proxyToken(proxy, cognito.demo.userPoolId, tokens.get('bob')!);
  });
  afterAll(async () => {
    await proxy?.stop();
  });

  it('should answer UPSTREAM_UNAVAILABLE within one timeout (not one per attempt), give up the held connections, then fail fast, and heal', { timeout: 60_000 }, async () => {
    const warm = await post(app.url, FaultsMe, {}, token);
    expect(warm.body.errors).toBeUndefined();
    expect(warm.body.data?.me.username).toBe('bob');

    proxy.api = 'hang';
    onTestFinished(() => {
      proxy.api = 'pass';
    });
    const hangBegan = Date.now();
    const before = proxy.stats.api.requests;
    const clients: Record<string, Step> = {};
    for (let i = 0; i < 6; i++) {
      clients[`me:${i}`] = async () => {
        const { status, body } = await post(app.url, FaultsMe, {}, token);
        return { status, codes: codesOf(body), correct: !body.errors && body.data?.me.username === 'bob' };
      };
    }
    const load = new Load(clients);
    await sleep(TIMEOUT_MS + 2 * BREAKER_COOLDOWN_MS + 500);
    const answers = await load.stop();
    const reachedCognito = proxy.stats.api.requests - before;
    const latencies = answers.map((a) => a.ended - a.started);
    const first = answers.filter((a) => a.started - hangBegan < 50);

    // Connections held by the hung Cognito are given up by the service at its timeout.
    const released = await within(TIMEOUT_MS + SLACK_MS, 'the held connections to be given up', async () => proxy.stats.api.hanging === 0);
    const ready = await fetch(`${app.url}/ready`);
    console.info(
      `[faults] hung Cognito: ${answers.length} answers, first ones after ${first.map((a) => a.ended - a.started).join(', ')} ms; ` +
        `p50 ${percentile(latencies, 50)} ms, max ${Math.max(...latencies)} ms; ${reachedCognito} requests reached it; held connections gone ${released} ms after the load`,
    );

    expect(answers.filter((a) => a.status === 0 || a.status >= 500)).toEqual([]);
    expect(answers.every((a) => a.codes.length === 1 && a.codes[0] === 'UPSTREAM_UNAVAILABLE')).toBe(true);
    // The first callers wait out one timeout, not the SDK's three attempts.
    expect(first.length).toBeGreaterThan(0);
    for (const a of first) {
      expect(a.ended - a.started).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
      expect(a.ended - a.started).toBeLessThanOrEqual(BOUND_MS);
    }
    expect(Math.max(...latencies)).toBeLessThanOrEqual(BOUND_MS);
    // Then the breaker answers at once; only the failures that open it and a probe per cooldown reach Cognito.
    expect(percentile(latencies, 50)).toBeLessThan(100);
    expect(reachedCognito).toBeLessThanOrEqual(BREAKER_FAILURE_THRESHOLD + Object.keys(clients).length + 4);
    expect(ready.status).toBe(503);

    proxy.api = 'pass';
    const healed = await within(BREAKER_COOLDOWN_MS + BOUND_MS + 500, '/ready to answer 200 again', async () => (await fetch(`${app.url}/ready`)).status === 200);
    const again = await post(app.url, FaultsMe, {}, token);
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data?.me.username).toBe('bob');
    console.info(`[faults] hung Cognito: /ready 200 ${healed} ms after it answered again`);
    expect(crashes).toEqual([]);
  });

  it.each([
    ['answers 503', 'unavailable'],
    ['resets connections', 'reset'],
  ] as const)('should answer UPSTREAM_UNAVAILABLE, never a 5xx, and open the breaker when Cognito %s', async (_label, mode) => {
    await within(BREAKER_COOLDOWN_MS + BOUND_MS, '/ready 200', async () => (await fetch(`${app.url}/ready`)).status === 200);
    proxy.api = mode;
    try {
      const before = proxy.stats.api.requests;
      const answers: { status: number; codes: string[] }[] = [];
      for (let i = 0; i < 20; i++) {
        const { status, body } = await post(app.url, FaultsMe, {}, token);
        answers.push({ status, codes: codesOf(body) });
      }
      const reached = proxy.stats.api.requests - before;
      expect(answers.every((a) => a.status < 500 && a.codes.length === 1 && a.codes[0] === 'UPSTREAM_UNAVAILABLE')).toBe(true);
      // Each failing call is tried three times by the SDK until the breaker opens; then none
      // reach Cognito (but a probe, should the test be slow enough to see the cooldown end).
      expect(reached).toBeLessThanOrEqual(3 * (BREAKER_FAILURE_THRESHOLD + 1));
      expect((await fetch(`${app.url}/ready`)).status).toBe(503);
    } finally {
      proxy.api = 'pass';
    }
    await within(BREAKER_COOLDOWN_MS + BOUND_MS, '/ready 200 after the fault', async () => (await fetch(`${app.url}/ready`)).status === 200);
    expect((await post(app.url, FaultsMe, {}, token)).body.data?.me.username).toBe('bob');
  });

  it("should never open the breaker for Cognito's answers to bad calls (4xx)", async () => {
    await within(BREAKER_COOLDOWN_MS + BOUND_MS, '/ready 200', async () => (await fetch(`${app.url}/ready`)).status === 200);
    const admin = await proxyToken(proxy, cognito.demo.userPoolId, tokens.get('alice')!);
    // Alice's standing as an administrator is confirmed with Cognito once, before counting.
    expect((await post(app.url, FaultsAdminUser, { username: 'nobody' }, admin)).body.data?.user).toBeNull();
    const before = proxy.stats.api.requests;
    const count = 4 * BREAKER_FAILURE_THRESHOLD;
    for (let i = 0; i < count; i++) {
      const { status, body } = await post(app.url, FaultsAdminUser, { username: `nobody-${i}` }, admin);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data?.user).toBeNull();
    }
    // Every one of them reached Cognito (UserNotFoundException, a 400): the circuit stayed closed.
    expect(proxy.stats.api.requests - before).toBe(count);
    expect((await fetch(`${app.url}/ready`)).status).toBe(200);
  });
});

describe('a JWKS that cannot be fetched', () => {
  let proxy: CognitoProxy;
  let bob: string;

  beforeAll(async () => {
    proxy = await CognitoProxy.start(cognito.endpoint);
    bob = await proxyToken(proxy, cognito.demo.userPoolId, tokens.get('bob')!);
  });
  afterAll(async () => {
    await proxy?.stop();
  });

  /** Sends `me` with bob's token; the codes, status and how long it took. */
  const me = async (app: App) => {
    const started = Date.now();
    const { status, body } = await post(app.url, FaultsMe, {}, bob);
    return { status, codes: codesOf(body), username: body.data?.me.username, ms: Date.now() - started };
  };

  it('should refuse tokens with UNAUTHENTICATED (WebSockets 4403), crash nothing, and accept them as soon as the JWKS is back', { timeout: 60_000 }, async () => {
    proxy.jwks = 'unavailable';
    const app = await startService(proxy.endpoint);
    const fetchesBefore = proxy.stats.jwks.requests;

    for (const mode of ['unavailable', 'hang', 'reset'] as const) {
      proxy.jwks = mode;
      const answer = await me(app);
      expect(answer.status, mode).toBeLessThan(500);
      expect(answer.codes, mode).toEqual(['UNAUTHENTICATED']);
      expect(answer.ms, mode).toBeLessThanOrEqual(BOUND_MS);
      const socket = wsSubscribe(app.url, bob, FaultsMyChanges);
      expect((await socket.closed(BOUND_MS + 1_000)).code, mode).toBe(4403);
      await socket.dispose();
    }
    proxy.jwks = 'unavailable';
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
    const duringOutage = await Promise.all(Array.from({ length: 20 }, () => me(app)));
    expect(duringOutage.every((a) => a.status < 500 && a.codes.join() === 'UNAUTHENTICATED')).toBe(true);

    proxy.jwks = 'pass';
    const back = Date.now();
    const recovered = await within(2_000, 'a token to be accepted again', async () => (await me(app)).username === 'bob');
    const feed = watchFeed(app);
    const socket = wsSubscribe(app.url, bob, FaultsMyChanges);
    await feed.untilListening(1);
    const plan = `jwks-${Date.now()}`;
    const { body } = await post(app.url, FaultsUpdateMine, { input: { attributes: [{ name: 'custom:plan', value: plan }] } }, bob);
    expect(body.errors).toBeUndefined();
    expect((await socket.next()).data?.myAttributesChanged.updated).toEqual([{ name: 'custom:plan', value: plan }]);
    await socket.dispose();
    feed.restore();
    console.info(
      `[faults] JWKS unreachable: ${proxy.stats.jwks.requests - fetchesBefore} JWKS fetches for ${duringOutage.length + 6} refused tokens; ` +
        `accepted again ${recovered} ms after it came back (${Date.now() - back} ms to the event)`,
    );

    // Once fetched, the JWKS is kept: tokens verify while it is away again.
    proxy.jwks = 'unavailable';
    expect((await me(app)).username).toBe('bob');
    proxy.jwks = 'pass';
    expect(crashes).toEqual([]);
  });

  it('should refuse tokens while the JWKS lacks their key, and accept them within the penalty period after it is fixed', { timeout: 60_000 }, async () => {
    proxy.jwks = 'empty';
    const app = await startService(proxy.endpoint);
    const fetchesBefore = proxy.stats.jwks.requests;
    const refused = await Promise.all(Array.from({ length: 10 }, () => me(app)));
    expect(refused.every((a) => a.status < 500 && a.codes.join() === 'UNAUTHENTICATED')).toBe(true);
    // aws-jwt-verify's penalty box: a key set without the token's key is not fetched again for a while.
    for (let i = 0; i < 10; i++) expect((await me(app)).codes).toEqual(['UNAUTHENTICATED']);
    expect(proxy.stats.jwks.requests - fetchesBefore).toBe(1);

    proxy.jwks = 'pass';
    const recovered = await within(12_000, 'a token to be accepted again', async () => (await me(app)).username === 'bob');
    console.info(`[faults] JWKS without the key: ${proxy.stats.jwks.requests - fetchesBefore} fetch(es) for 20 refused tokens; accepted again ${recovered} ms after it was fixed`);
    expect(crashes).toEqual([]);
  });
});

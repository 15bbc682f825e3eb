/**
 * `/metrics` read over HTTP, as Prometheus reads it, after real operations
 * against the real emulator: each figure must move by exactly what was done
 * (GraphQL operations, errors and durations by operation; Cognito calls by
 * command and quota category, counted against the calls the service really
 * sent; throttles refused by the quota limiter and answered by Cognito; the
 * circuit breaker's state; open subscriptions), and `METRICS` /
 * `METRICS_TOKEN` decide who may read them.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { BREAKER_COOLDOWN_MS, BREAKER_FAILURE_THRESHOLD } from '../src/cognito/breaker.js';
import { createCognitoClient } from '../src/cognito/sdk-client.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { MAX_OPERATION_NAMES } from '../src/plugins/use-metrics.js';
import { codes, startTestApp, testConfig, type TestApp } from './support/app.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';
import { CognitoProxy } from './support/cognito-proxy.js';
import { sseSubscribe, wsSubscribe, type Subscriber } from './support/subscribers.js';

/** Per-user limits out of the way: these tests read the same users many times a second. */
const ROOMY_QUOTAS = { QUOTA_PER_USER_READS_PER_SECOND: '10000', QUOTA_PER_USER_WRITES_PER_SECOND: '10000' };

let cognito: TestCognito;
let service: TestApp;
let alice: string;
let bob: string;

beforeAll(async () => {
  cognito = await startTestCognito();
  service = await startTestApp(cognito, ROOMY_QUOTAS);
  await service.app.start();
  alice = await cognito.tokens.tokenFor('alice');
  bob = await cognito.tokens.tokenFor('bob');
});

afterAll(async () => {
  await service?.stop();
  await cognito?.stop();
});

/** One sample of the exposition: its metric name and labels. */
type Labels = Record<string, string>;

/** A scrape: every sample by `name{label="value",…}` (labels sorted), and the raw text. */
interface Scrape {
  text: string;
  samples: Map<string, number>;
  /** The value of a sample, 0 when the exposition has none (a counter never incremented). */
  value(name: string, labels?: Labels): number;
  /** Every sample of `name`, with its labels. */
  all(name: string): { labels: Labels; value: number }[];
}

const keyOf = (name: string, labels: Labels) =>
  `${name}{${Object.keys(labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`)
    .join(',')}}`;

/** Parses Prometheus' text format (what prom-client writes). */
function parseExposition(text: string): Scrape {
  const samples = new Map<string, number>();
  const parsed: { name: string; labels: Labels; value: number }[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!match) throw new Error(`Not an exposition line: ${line}`);
    const labels: Labels = {};
    for (const [, k, v] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[k!] = JSON.parse(`"${v}"`) as string;
    const value = Number(match[3]);
    samples.set(keyOf(match[1]!, labels), value);
    parsed.push({ name: match[1]!, labels, value });
  }
  return {
    text,
    samples,
    value: (name, labels = {}) => samples.get(keyOf(name, labels)) ?? 0,
    all: (name) => parsed.filter((sample) => sample.name === name).map(({ labels, value }) => ({ labels, value })),
  };
}

/** GETs `/metrics` from a running app over HTTP. */
async function scrape(app: App, headers: Record<string, string> = {}): Promise<Scrape> {
  const response = await fetch(`${app.url}/metrics`, { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseExposition(await response.text());
}

/** POSTs an operation to a running app over HTTP (so the HTTP duration is observed too). */
async function post(app: App, query: string, token?: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] };
  return { status: response.status, ...body };
}

/** Polls `/metrics` until `check` passes (subscriptions end asynchronously); fails after `timeoutMs`. */
async function eventually(app: App, check: (metrics: Scrape) => void, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check(await scrape(app));
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Builds an app whose Cognito calls go through `proxy` (tokens still verified against the emulator). */
async function appBehind(proxy: CognitoProxy, env: Record<string, string> = {}): Promise<{ app: App; stop(): Promise<void> }> {
  // The profile cache is off (testConfig): every `me` is a counted Cognito call.
  const config = testConfig(cognito, { ...ROOMY_QUOTAS, ...env });
  const client = createCognitoClient({ region: 'us-east-1', endpoint: proxy.endpoint, timeoutMs: config.cognitoTimeoutMs });
  const app = await buildApp(config, { logger: pino({ level: 'silent' }), cognito: client });
  await app.start();
  return {
    app,
    async stop() {
      await app.stop();
      client.destroy();
    },
  };
}

/** How many times each command appears in `calls`. */
const tally = (calls: readonly string[]) => calls.reduce((counts, c) => counts.set(c, (counts.get(c) ?? 0) + 1), new Map<string, number>());

describe('GraphQL operations', () => {
  it('should count one `me` as one GetUser in UserRead, one MetricsMe query, one duration and one HTTP answer', async () => {
    // Once first: it also reads what the app client may read (DescribeUserPoolClient, then cached).
    await post(service.app, 'query { me { username } }', bob);
    const before = await scrape(service.app);
    service.calls.length = 0;
    const { data } = await post(service.app, 'query MetricsMe { me { username } }', bob);
    expect(data).toEqual({ me: { username: 'bob' } });
    const after = await scrape(service.app);

    expect(service.calls).toEqual(['GetUser']);
    const delta = (name: string, labels: Labels = {}) => after.value(name, labels) - before.value(name, labels);
    expect(delta('cognito_calls_total', { command: 'GetUser', category: 'UserRead' })).toBe(1);
    const operation = { operationName: 'MetricsMe', operationType: 'query' };
    expect(delta('graphql_envelop_request', operation)).toBe(1);
    expect(delta('graphql_envelop_request_duration_count', operation)).toBe(1);
    expect(delta('graphql_envelop_request_duration_bucket', { ...operation, le: '+Inf' })).toBe(1);
    expect(delta('graphql_yoga_http_duration_count', { ...operation, method: 'POST', statusCode: '200' })).toBe(1);
    expect(delta('graphql_envelop_error_result', { ...operation, phase: 'execute', code: 'UNAUTHENTICATED' })).toBe(0);
    // The HTTP metric has no `url` label: a GET's query string would make one series per document.
    for (const { labels } of after.all('graphql_yoga_http_duration_count')) expect(labels).not.toHaveProperty('url');
  });

  it('should count every Cognito call the service sent by command, in its quota category', async () => {
    const before = await scrape(service.app);
    service.calls.length = 0;
    // UserRead (GetUser, AdminGetUser: alice twice costs one), UserPoolRead, UserUpdate, UserResourceRead.
    expect((await post(service.app, 'query MetricsUsers { users(usernames: ["alice", "bob", "alice"]) { username } }', alice)).errors).toBeUndefined();
    expect((await post(service.app, 'query MetricsPool { userPool { id } }', alice)).errors).toBeUndefined();
    const plan = 'free';
    const update = await post(
      service.app,
      'mutation MetricsUpdate($plan: String!) { updateMyAttributes(input: { attributes: [{ name: "custom:plan", value: $plan }] }) { user { username } } }',
      bob,
      { plan },
    );
    expect(update.errors).toBeUndefined();
    const code = await post(
      service.app,
      'mutation MetricsCode { requestAttributeVerificationCode(input: { attributeName: "email" }) { destination } }',
      alice,
    );
    const after = await scrape(service.app);

    const sent = tally(service.calls);
    expect(sent.get('AdminGetUser')).toBeGreaterThanOrEqual(2);
    expect(sent.get('UpdateUserAttributes')).toBe(1);
    const categories: Record<string, string> = {
      GetUser: 'UserRead',
      AdminGetUser: 'UserRead',
      UpdateUserAttributes: 'UserUpdate',
      GetUserAttributeVerificationCode: 'UserResourceRead',
      // The confirmation of an administrator's group (src/auth/authority.ts).
      AdminListGroupsForUser: 'UserResourceRead',
      DescribeUserPool: 'UserPoolRead',
      DescribeUserPoolClient: 'UserPoolClientRead',
    };
    for (const [command, count] of sent) {
      const labels = { command, category: categories[command] ?? 'none' };
      expect(after.value('cognito_calls_total', labels) - before.value('cognito_calls_total', labels), command).toBe(count);
    }
    if (!code.errors) expect(sent.get('GetUserAttributeVerificationCode')).toBe(1);
    // Nothing counted that was not sent.
    const total = (s: Scrape) => s.all('cognito_calls_total').reduce((sum, sample) => sum + sample.value, 0);
    expect(total(after) - total(before)).toBe(service.calls.length);
  });

  it('should count errors by operation, phase and contract code', async () => {
    const before = await scrape(service.app);
    expect(codes((await post(service.app, 'query MetricsMe { me { username } }')).errors as never)).toEqual(['UNAUTHENTICATED']);
    expect((await post(service.app, 'query MetricsBroken { me { username ')).errors).toHaveLength(1);
    expect((await post(service.app, 'query MetricsInvalid { me { nope } }', bob)).errors).toHaveLength(1);
    const after = await scrape(service.app);
    const delta = (labels: Labels) => after.value('graphql_envelop_error_result', labels) - before.value('graphql_envelop_error_result', labels);

    expect(delta({ operationName: 'MetricsMe', operationType: 'query', phase: 'execute', code: 'UNAUTHENTICATED' })).toBe(1);
    expect(delta({ operationName: 'Anonymous', operationType: 'unknown', phase: 'parse', code: 'GRAPHQL_PARSE_FAILED' })).toBe(1);
    expect(delta({ operationName: 'MetricsInvalid', operationType: 'query', phase: 'validate', code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
  });

  it('should give at most MAX_OPERATION_NAMES names a label of their own and count the rest as "other"', async () => {
    const fresh = await startTestApp(cognito);
    await fresh.app.start();
    try {
      const extra = 7;
      for (let i = 0; i < MAX_OPERATION_NAMES + extra; i += 1) {
        const { errors } = await fresh.request(`query MetricsName${i} { __typename }`);
        expect(errors).toBeUndefined();
      }
      const metrics = await scrape(fresh.app);
      const requests = metrics.all('graphql_envelop_request');
      expect(requests).toHaveLength(MAX_OPERATION_NAMES + 1);
      expect(metrics.value('graphql_envelop_request', { operationName: 'other', operationType: 'query' })).toBe(extra);
      expect(metrics.value('graphql_envelop_request', { operationName: 'MetricsName0', operationType: 'query' })).toBe(1);
      // A name already known keeps its label after the cap.
      await fresh.request('query MetricsName0 { __typename }');
      expect((await scrape(fresh.app)).value('graphql_envelop_request', { operationName: 'MetricsName0', operationType: 'query' })).toBe(2);
    } finally {
      await fresh.stop();
    }
  });
});

describe('throttles', () => {
  it('should count each call the quota limiter refused (LIMIT_EXCEEDED) under by="service", in its own app only', async () => {
    const limited = await startTestApp(cognito, { QUOTA_USER_READ_PER_SECOND: '1', QUOTA_MAX_WAIT_MS: '0' });
    await limited.app.start();
    try {
      const answers = await Promise.all([1, 2, 3, 4].map(() => post(limited.app, 'query MetricsLimited { me { username } }', bob)));
      const refused = answers.filter((a) => codes(a.errors as never).includes('LIMIT_EXCEEDED')).length;
      expect(refused).toBeGreaterThanOrEqual(2);
      const metrics = await scrape(limited.app);
      expect(metrics.value('cognito_throttles_total', { category: 'UserRead', by: 'service' })).toBe(refused);
      expect(metrics.value('cognito_throttles_total', { category: 'UserRead', by: 'cognito' })).toBe(0);
      // Refused calls were never sent.
      expect(metrics.value('cognito_calls_total', { command: 'GetUser', category: 'UserRead' })).toBe(answers.length - refused);
      expect(limited.calls.filter((c) => c === 'GetUser')).toHaveLength(answers.length - refused);
      // Another app's registry saw none of it.
      expect((await scrape(service.app)).value('cognito_throttles_total', { category: 'UserRead', by: 'service' })).toBe(0);
    } finally {
      await limited.stop();
    }
  });

  it('should count every TooManyRequestsException Cognito answered (retries included) under by="cognito"', async () => {
    const proxy = await CognitoProxy.start(cognito.endpoint);
    const throttled = await appBehind(proxy);
    try {
      proxy.answers.set('GetUser', { status: 400, type: 'TooManyRequestsException', message: 'Rate exceeded' });
      const { errors } = await post(throttled.app, 'query MetricsThrottled { me { username } }', bob);
      expect(codes(errors as never)).toEqual(['LIMIT_EXCEEDED']);
      const metrics = await scrape(throttled.app);
      // The SDK retried: Cognito throttled every attempt the proxy saw.
      expect(proxy.count('GetUser')).toBeGreaterThan(1);
      expect(metrics.value('cognito_throttles_total', { category: 'UserRead', by: 'cognito' })).toBe(proxy.count('GetUser'));
      expect(metrics.value('cognito_throttles_total', { category: 'UserRead', by: 'service' })).toBe(0);
      // One call, however many attempts.
      expect(metrics.value('cognito_calls_total', { command: 'GetUser', category: 'UserRead' })).toBe(1);
    } finally {
      await throttled.stop();
      await proxy.stop();
    }
  });
});

describe('circuit breaker', () => {
  it('should show the breaker open after Cognito keeps failing, and closed again once it answers', async () => {
    const proxy = await CognitoProxy.start(cognito.endpoint);
    const failing = await appBehind(proxy);
    const state = (metrics: Scrape) => Object.fromEntries(metrics.all('cognito_circuit_breaker_state').map(({ labels, value }) => [labels.state, value]));
    try {
      expect(state(await scrape(failing.app))).toEqual({ closed: 1, 'half-open': 0, open: 0 });
      proxy.answers.set('GetUser', { status: 500, type: 'InternalErrorException' });
      for (let i = 0; i < BREAKER_FAILURE_THRESHOLD; i += 1) {
        expect(codes((await post(failing.app, 'query MetricsFailing { me { username } }', bob)).errors as never)).toEqual(['UPSTREAM_UNAVAILABLE']);
      }
      expect(state(await scrape(failing.app))).toEqual({ closed: 0, 'half-open': 0, open: 1 });

      proxy.answers.clear();
      await new Promise((resolve) => setTimeout(resolve, BREAKER_COOLDOWN_MS + 100));
      expect((await post(failing.app, 'query MetricsFailing { me { username } }', bob)).data).toEqual({ me: { username: 'bob' } });
      expect(state(await scrape(failing.app))).toEqual({ closed: 1, 'half-open': 0, open: 0 });
    } finally {
      await failing.stop();
      await proxy.stop();
    }
  });
});

describe('open subscriptions', () => {
  it('should show each open subscription by field, over WebSocket and SSE, and none once they are closed', async () => {
    const field = (metrics: Scrape, name: string) => metrics.value('graphql_subscriptions_open', { field: name });
    expect(field(await scrape(service.app), 'myAttributesChanged')).toBe(0);
    const subscribers: Subscriber<unknown>[] = [
      wsSubscribe(service.app.url, bob, 'subscription MetricsMineWs { myAttributesChanged { source } }'),
      sseSubscribe(service.app.url, alice, 'subscription MetricsMineSse { myAttributesChanged { source } }'),
    ];
    await eventually(service.app, (metrics) => expect(field(metrics, 'myAttributesChanged')).toBe(2));
    subscribers.push(wsSubscribe(service.app.url, alice, 'subscription MetricsPool { userPoolAttributesChanged { source } }'));
    await eventually(service.app, (metrics) => {
      expect(field(metrics, 'myAttributesChanged')).toBe(2);
      expect(field(metrics, 'userPoolAttributesChanged')).toBe(1);
    });

    // A change reaches them and leaves them open.
    const { errors } = await post(
      service.app,
      'mutation MetricsTouch { updateMyAttributes(input: { attributes: [{ name: "custom:seats", value: "1" }] }) { user { username } } }',
      bob,
    );
    expect(errors).toBeUndefined();
    await subscribers[0]!.next();
    await subscribers[2]!.next();
    expect(field(await scrape(service.app), 'myAttributesChanged')).toBe(2);

    await subscribers[0]!.dispose();
    await eventually(service.app, (metrics) => expect(field(metrics, 'myAttributesChanged')).toBe(1));
    await Promise.all(subscribers.map((s) => s.dispose()));
    await eventually(service.app, (metrics) => {
      expect(field(metrics, 'myAttributesChanged')).toBe(0);
      expect(field(metrics, 'userPoolAttributesChanged')).toBe(0);
    });
  });

  it('should execute a change once for all the subscribers that share its document, variables and role', async () => {
    const executions = async () => (await scrape(service.app)).value('graphql_subscription_executions_total', {});
    const poolDocument = 'subscription MetricsShared { userPoolAttributesChanged { user { username } updated { name value } source } }';
    const subscribers: Subscriber<unknown>[] = [
      ...Array.from({ length: 6 }, () => wsSubscribe(service.app.url, alice, poolDocument)),
      ...Array.from({ length: 2 }, () => wsSubscribe(service.app.url, alice, 'subscription MetricsSharedOther { userPoolAttributesChanged { source } }')),
      wsSubscribe(service.app.url, bob, 'subscription MetricsSharedMine { myAttributesChanged { updated { name value } } }'),
    ];
    try {
      await eventually(service.app, (metrics) => {
        expect(metrics.value('graphql_subscriptions_open', { field: 'userPoolAttributesChanged' })).toBe(8);
        expect(metrics.value('graphql_subscriptions_open', { field: 'myAttributesChanged' })).toBe(1);
      });
      const before = await executions();
      const { errors } = await post(
        service.app,
        'mutation MetricsShareTouch { updateMyAttributes(input: { attributes: [{ name: "custom:seats", value: "2" }] }) { user { username } } }',
        bob,
      );
      expect(errors).toBeUndefined();
      const received = await Promise.all(subscribers.map((s) => s.next()));
      // Same document, same role: the same answer, executed once.
      for (const event of received.slice(1, 6)) expect(event).toEqual(received[0]);
      expect(JSON.stringify(received[0])).toContain('"custom:seats"');
      // Three executions: the six, the two, and bob.
      expect((await executions()) - before).toBe(3);
    } finally {
      await Promise.all(subscribers.map((s) => s.dispose()));
    }
  });

  it('should not count a subscription that was refused', async () => {
    const refused = wsSubscribe(service.app.url, bob, 'subscription MetricsRefused { userPoolAttributesChanged { source } }');
    expect(codes(await refused.nextError())).toEqual(['FORBIDDEN']);
    await refused.dispose();
    expect((await scrape(service.app)).value('graphql_subscriptions_open', { field: 'userPoolAttributesChanged' })).toBe(0);
  });
});

describe('who may read /metrics', () => {
  it('should serve nothing at /metrics with METRICS=false, and still answer GraphQL', async () => {
    const off = await startTestApp(cognito, { METRICS: 'false' });
    await off.app.start();
    try {
      const response = await fetch(`${off.app.url}/metrics`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('cognito_calls_total');
      expect((await off.request('{ me { username } }', {}, { token: bob })).data).toEqual({ me: { username: 'bob' } });
    } finally {
      await off.stop();
    }
  });

  it('should answer 401 without `Authorization: Bearer <METRICS_TOKEN>` when it is set, and the metrics with it', async () => {
    const token = 'metrics-token-0123456789abcdef';
    const guarded = await startTestApp(cognito, { METRICS_TOKEN: token });
    await guarded.app.start();
    try {
      for (const authorization of [undefined, 'Bearer wrong-token-0123456789', `Basic ${token}`, `Bearer ${token}x`, `Bearer ${bob}`]) {
        const response = await fetch(`${guarded.app.url}/metrics`, { headers: authorization ? { authorization } : {} });
        expect(response.status, String(authorization)).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(await response.text()).not.toContain('cognito_');
      }
      const metrics = await scrape(guarded.app, { authorization: `Bearer ${token}` });
      expect(metrics.all('cognito_circuit_breaker_state')).toHaveLength(3);
      // The token guards /metrics only.
      expect((await guarded.request('{ me { username } }', {}, { token: bob })).data).toEqual({ me: { username: 'bob' } });
    } finally {
      await guarded.stop();
    }
  });

  it('should refuse a METRICS_TOKEN too short to be secret, and a METRICS that is not a boolean', () => {
    for (const env of [{ METRICS_TOKEN: 'short' }, { METRICS_TOKEN: 'has spaces in it but long enough' }, { METRICS: 'maybe' }]) {
      expect(() => loadConfig(env), JSON.stringify(env)).toThrow(ConfigError);
    }
    expect(loadConfig({}).metrics).toEqual({ enabled: true, token: null });
    expect(loadConfig({ METRICS: 'false', METRICS_TOKEN: 'a'.repeat(32) }).metrics).toEqual({ enabled: false, token: 'a'.repeat(32) });
  });
});

/**
 * OpenTelemetry tracing (src/tracing/tracing.ts, src/plugins/use-tracing.ts),
 * against the real emulator, with the SDK's InMemorySpanExporter injected
 * (`AppDeps.spanExporter`): a span per operation over HTTP, SSE's path and
 * graphql-ws alike, a child span per Cognito call with its command, quota
 * category, attempts and throttling, ERROR with the contract code on failure,
 * nothing secret in any attribute, the trace id on the access line; tracing
 * off registers nothing; and OTLP really leaves over HTTP to a collector.
 */
import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { createCognitoClient } from '../src/cognito/sdk-client.js';
import { loadConfig } from '../src/config.js';
import { testConfig } from './support/app.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';
import { CognitoProxy } from './support/cognito-proxy.js';
import { wsSubscribe } from './support/subscribers.js';
import { until } from './support/until.js';

const ROOMY_QUOTAS = { QUOTA_PER_USER_READS_PER_SECOND: '10000', QUOTA_PER_USER_WRITES_PER_SECOND: '10000' };
const ME = 'query TracedMe { me { username attributes { name value } } }';
/** A value no span may carry: it goes into Cognito as the caller's attribute. */
const SECRET_PLAN = 'plan-not-traced-7f3a';
const UPDATE = `mutation TracedUpdate { updateMyAttributes(input: { attributes: [{ name: "custom:plan", value: "${SECRET_PLAN}" }] }) { user { username } } }`;

let cognito: TestCognito;
let proxy: CognitoProxy;
let client: ReturnType<typeof createCognitoClient>;
let app: App;
let alice: string;
const exporter = new InMemorySpanExporter();
/** Every line the app wrote. */
const written: string[] = [];

beforeAll(async () => {
  cognito = await startTestCognito();
  // Cognito calls through a proxy (to answer TooManyRequestsException); tokens verified against the emulator.
  proxy = await CognitoProxy.start(cognito.endpoint);
  const config = testConfig(cognito, ROOMY_QUOTAS);
  client = createCognitoClient({ region: 'us-east-1', endpoint: proxy.endpoint, timeoutMs: config.cognitoTimeoutMs });
  const logger = pino({ level: 'info' }, { write: (line: string) => void written.push(line) });
  app = await buildApp(config, { logger, cognito: client, spanExporter: exporter });
  await app.start();
  alice = await cognito.tokens.tokenFor('alice');
});

afterAll(async () => {
  await app?.stop();
  client?.destroy();
  await proxy?.stop();
  await cognito?.stop();
});

beforeEach(() => {
  proxy.answers.clear();
  exporter.reset();
});

/** POSTs `query` over a real socket; the answer's body and request id. */
async function post(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${alice}`, ...headers },
    body: JSON.stringify({ query }),
  });
  return { body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] }, requestId: response.headers.get('x-request-id') };
}

const spans = () => exporter.getFinishedSpans();
const operationSpan = (name: string) => spans().find((s) => s.attributes['graphql.operation.name'] === name);
const childrenOf = (parent: ReadableSpan) => spans().filter((s) => s.parentSpanContext?.spanId === parent.spanContext().spanId);

describe('tracing on', () => {
  it('should make a `me` over HTTP one operation span with a child cognito.GetUser span in its trace', async () => {
    const { body } = await post(ME);
    expect(body.errors).toBeUndefined();
    const operation = operationSpan('TracedMe');
    expect(operation).toBeDefined();
    expect(operation!.name).toBe('query TracedMe');
    expect(operation!.attributes['graphql.operation.type']).toBe('query');
    expect(operation!.status.code).not.toBe(2); // not ERROR
    // (The first request of the app also reads the pool's schema and app client: cold caches.)
    const children = childrenOf(operation!);
    for (const child of children) expect(child.name).toMatch(/^cognito\./);
    const getUser = children.find((s) => s.name === 'cognito.GetUser');
    expect(getUser!.spanContext().traceId).toBe(operation!.spanContext().traceId);
    expect(getUser!.attributes).toMatchObject({ 'cognito.command': 'GetUser', 'cognito.quota.category': 'UserRead', 'cognito.attempts': 1, 'cognito.retries': 0, 'cognito.throttled': 0 });
  });

  it("should continue the caller's W3C trace (traceparent)", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await post(ME, { traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
    const operation = operationSpan('TracedMe')!;
    expect(operation.spanContext().traceId).toBe(traceId);
    expect(operation.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
  });

  it("should give a mutation's span the write and the reads that report it, each its category", async () => {
    const { body } = await post(UPDATE);
    expect(body.errors).toBeUndefined();
    const operation = operationSpan('TracedUpdate')!;
    expect(operation.name).toBe('mutation TracedUpdate');
    const calls = childrenOf(operation).map((s) => [s.name, s.attributes['cognito.quota.category']]);
    expect(calls).toContainEqual(['cognito.UpdateUserAttributes', 'UserUpdate']);
    expect(calls).toContainEqual(['cognito.GetUser', 'UserRead']);
  });

  it('should mark a failed operation ERROR with its contract code', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
      body: JSON.stringify({ query: ME }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: unknown } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const operation = operationSpan('TracedMe')!;
    expect(operation.status).toMatchObject({ code: 2, message: 'UNAUTHENTICATED' });
    expect(operation.attributes['error.type']).toBe('UNAUTHENTICATED');
    expect(operation.attributes['graphql.error.codes']).toEqual(['UNAUTHENTICATED']);
  });

  it('should mark an operation that fails validation ERROR, named', async () => {
    await post('query TracedInvalid { me { noSuchField } }');
    const operation = operationSpan('TracedInvalid')!;
    expect(operation.status.code).toBe(2);
    expect(typeof operation.attributes['error.type']).toBe('string');
  });

  it("should record a throttled call's attempts, retries and throttled attempts, and its error", async () => {
    proxy.answers.set('GetUser', { status: 400, type: 'TooManyRequestsException', message: 'Rate exceeded' });
    const before = proxy.count('GetUser');
    const { body } = await post(ME);
    expect(body.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    const operation = operationSpan('TracedMe')!;
    expect(operation.attributes['error.type']).toBe('LIMIT_EXCEEDED');
    const getUser = childrenOf(operation).find((s) => s.name === 'cognito.GetUser')!;
    const attempts = getUser.attributes['cognito.attempts'] as number;
    // The SDK retried; Cognito (the proxy) throttled every attempt it saw.
    expect(attempts).toBeGreaterThan(1);
    expect(attempts).toBe(proxy.count('GetUser') - before);
    expect(getUser.attributes).toMatchObject({ 'cognito.retries': attempts - 1, 'cognito.throttled': attempts, 'error.type': 'TooManyRequestsException' });
    expect(getUser.status.code).toBe(2);
  });

  it('should give a graphql-ws subscription its span, a child span per Cognito call it made', async () => {
    const sub = wsSubscribe(app.url, alice, 'subscription TracedMine { myAttributesChanged { source } }');
    try {
      await until(() => operationSpan('TracedMine') !== undefined, 5_000, 'the subscription span');
      const operation = operationSpan('TracedMine')!;
      expect(operation.name).toBe('subscription TracedMine');
      expect(operation.attributes['graphql.operation.type']).toBe('subscription');
      expect(operation.status.code).not.toBe(2);
      for (const child of childrenOf(operation)) expect(child.name).toMatch(/^cognito\./);
    } finally {
      await sub.dispose();
    }
  });

  it('should put no token, username or attribute value in any span attribute', async () => {
    await post(ME);
    await post(UPDATE);
    const emails = ['alice@example.com'];
    const all = spans();
    expect(all.length).toBeGreaterThan(3);
    for (const span of all) {
      const text = JSON.stringify({ name: span.name, attributes: span.attributes, events: span.events, resource: span.resource.attributes });
      expect(text).not.toContain(alice);
      expect(text).not.toContain(alice.slice(0, 40));
      expect(text).not.toContain('eyJ');
      expect(text).not.toContain(SECRET_PLAN);
      expect(text).not.toMatch(/"alice"/);
      for (const email of emails) expect(text).not.toContain(email);
    }
  });

  it("should write the trace id on the request's access line beside its request id", async () => {
    const start = written.length;
    const { requestId } = await post(ME);
    await new Promise((resolve) => setImmediate(resolve));
    const operation = operationSpan('TracedMe')!;
    const access = written
      .slice(start)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.component === 'access' && line.requestId === requestId);
    expect(access?.traceId).toBe(operation.spanContext().traceId);
    expect(operation.attributes['request.id']).toBe(requestId);
  });

  it('should register the provider globally while running', () => {
    expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(true);
  });
});

describe('tracing off', () => {
  it('should register no provider, make no span and write no traceId without an OTLP endpoint', async () => {
    const off = await buildApp(testConfig(cognito, ROOMY_QUOTAS), { logger: pino({ level: 'info' }, { write: (line: string) => void written.push(line) }) });
    await off.start();
    try {
      const start = written.length;
      const response = await fetch(`${off.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${alice}` },
        body: JSON.stringify({ query: ME }),
      });
      expect(response.status).toBe(200);
      await new Promise((resolve) => setImmediate(resolve));
      // The app of the other describe block is still running and registered: only spans made by `off` would be new.
      const lines = written.slice(start).map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.find((line) => line.component === 'access')).not.toHaveProperty('traceId');
    } finally {
      await off.stop();
    }
  });

  it('should load no OpenTelemetry SDK package when tracing is off (a fresh process)', async () => {
    const script = `
      import { loadConfig } from './src/config.ts';
      import { buildApp } from './src/app.ts';
      import pino from 'pino';
      import { createRequire } from 'node:module';
      const config = loadConfig({ COGNITO_USER_POOL_ID: ${JSON.stringify(cognito.demo.userPoolId)}, COGNITO_ENDPOINT: ${JSON.stringify(cognito.endpoint)}, AWS_REGION: 'us-east-1', PORT: '0', RECONCILE_READS_PER_SECOND: '0' });
      const app = await buildApp(config, { logger: pino({ level: 'silent' }) });
      await app.start();
      await fetch(app.url + '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      await app.stop();
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((f) => /@opentelemetry[\\\\/](sdk-trace|context-async-hooks|exporter|otlp|resources|core)/.test(f));
      const { trace } = await import('@opentelemetry/api');
      console.log(JSON.stringify({ loaded, recording: trace.getTracer('x').startSpan('y').isRecording() }));
      process.exit(0);
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: new URL('..', import.meta.url).pathname,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    expect(JSON.parse(stdout.trim().split('\n').pop()!)).toEqual({ loaded: [], recording: false });
  });
});

describe('OTLP export', () => {
  let collector: Server;
  const received: { path: string; contentType: string | undefined; body: string }[] = [];

  beforeAll(async () => {
    collector = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ path: req.url ?? '', contentType: req.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => collector?.close(resolve));
  });

  it('should export the spans by OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT, flushed by stop()', async () => {
    // The app of the first describe block holds the global registration: this one exports through its own provider all the same.
    const { port } = collector.address() as AddressInfo;
    const config = testConfig(cognito, { ...ROOMY_QUOTAS, OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`, OTEL_SERVICE_NAME: 'traced-test' });
    expect(config.tracing).toMatchObject({ url: `http://127.0.0.1:${port}/v1/traces`, sampler: 'parentbased_always_on', serviceName: 'traced-test' });
    const exporting = await buildApp(config, { logger: pino({ level: 'silent' }) });
    await exporting.start();
    const response = await fetch(`${exporting.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${alice}` },
      body: JSON.stringify({ query: ME }),
    });
    expect(response.status).toBe(200);
    await exporting.stop();
    const body = received.map((r) => r.body).join('\n');
    expect(received[0]).toMatchObject({ path: '/v1/traces', contentType: 'application/json' });
    expect(body).toContain('query TracedMe');
    expect(body).toContain('cognito.GetUser');
    expect(body).toContain('traced-test');
    expect(body).not.toContain(alice);
  });
});

describe('tracing settings', () => {
  const base = { COGNITO_USER_POOL_ID: 'us-east-1_Abc', AWS_REGION: 'us-east-1' };
  it('should be off without an endpoint, with OTEL_SDK_DISABLED or OTEL_TRACES_EXPORTER=none', () => {
    expect(loadConfig(base).tracing).toBeUndefined();
    expect(loadConfig({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' }).tracing).toBeUndefined();
    expect(loadConfig({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_EXPORTER: 'none' }).tracing).toBeUndefined();
  });

  it('should take the traces endpoint as is, the shared one with /v1/traces, and the headers', () => {
    expect(loadConfig({ ...base, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://c/x' }).tracing?.url).toBe('https://c/x');
    expect(loadConfig({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318/', OTEL_EXPORTER_OTLP_HEADERS: 'api-key=a%20b,x=1' }).tracing).toMatchObject({
      url: 'http://c:4318/v1/traces',
      headers: { 'api-key': 'a b', x: '1' },
      serviceName: 'cognito-attributes-graphql',
    });
  });

  it('should refuse a sampler, ratio, protocol or endpoint it would not honour, never echoing a header value', () => {
    const bad = (env: Record<string, string>) => () => loadConfig({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', ...env });
    expect(bad({ OTEL_TRACES_SAMPLER: 'sometimes' })).toThrow(/OTEL_TRACES_SAMPLER/);
    expect(bad({ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '2' })).toThrow(/OTEL_TRACES_SAMPLER_ARG/);
    expect(bad({ OTEL_TRACES_SAMPLER_ARG: '0.5' })).toThrow(/needs OTEL_TRACES_SAMPLER=traceidratio/);
    expect(bad({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(/http\/json/);
    expect(bad({ OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://c' })).toThrow(/not an http\(s\) URL/);
    expect(bad({ OTEL_EXPORTER_OTLP_HEADERS: 'secret-value-123' })).toThrow(/not key=value/);
    expect(bad({ OTEL_EXPORTER_OTLP_HEADERS: 'secret-value-123' })).not.toThrow(/secret-value-123/);
    expect(loadConfig({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.25' }).tracing).toMatchObject({
      sampler: 'parentbased_traceidratio',
      ratio: 0.25,
    });
  });
});

// Keeps the import used when the file is read alone (context is the API's, shared with the app's).
void context;

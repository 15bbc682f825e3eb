/**
 * Structured logs with a request id: every HTTP request gets one (the
 * caller's sane `x-request-id`, else a fresh UUID), echoed in the answer's
 * `x-request-id`, and every line logged while it is served carries it —
 * Yoga's own, the service's (the breaker's warning, the masked Cognito
 * error), and one access line per request (method, path, status, duration,
 * operation name). A graphql-ws socket gets one id for its life. No line
 * ever holds a token or an Authorization value.
 */
import pino from 'pino';
import WebSocket from 'ws';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { BREAKER_COOLDOWN_MS, BREAKER_FAILURE_THRESHOLD } from '../src/cognito/breaker.js';
import { createCognitoClient } from '../src/cognito/sdk-client.js';
import { requestIdFrom } from '../src/plugins/use-request-log.js';
import { codes, testConfig } from './support/app.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';
import { CognitoProxy } from './support/cognito-proxy.js';

const ALLOWED_ORIGIN = 'https://app.example.com';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** One parsed log line. */
type Line = Record<string, unknown> & { level: number; msg?: string; requestId?: string };

let cognito: TestCognito;
let proxy: CognitoProxy;
let client: ReturnType<typeof createCognitoClient>;
let app: App;
let alice: string;
let bob: string;
/** Every line the app wrote, as written. */
const written: string[] = [];

beforeAll(async () => {
  cognito = await startTestCognito();
  proxy = await CognitoProxy.start(cognito.endpoint);
  // The profile cache is off (testConfig): every `me` reaches Cognito and the scripted faults.
  const config = testConfig(cognito, { QUOTA_PER_USER_READS_PER_SECOND: '10000', CORS_ORIGINS: ALLOWED_ORIGIN });
  // Debug: Yoga's own lines ("Processing GraphQL Parameters", …) are written too.
  const logger = pino({ level: 'debug' }, { write: (line: string) => void written.push(line) });
  client = createCognitoClient({ region: 'us-east-1', endpoint: proxy.endpoint, timeoutMs: config.cognitoTimeoutMs });
  app = await buildApp(config, { logger, cognito: client });
  await app.start();
  alice = await cognito.tokens.tokenFor('alice');
  bob = await cognito.tokens.tokenFor('bob');
});

afterAll(async () => {
  await app?.stop();
  client?.destroy();
  await proxy?.stop();
  await cognito?.stop();
});

beforeEach(() => {
  proxy.answers.clear();
});

/** The lines written from now until `action` is done (and the event loop has turned once). */
async function linesDuring<T>(action: () => Promise<T>): Promise<{ result: T; lines: Line[] }> {
  const start = written.length;
  const result = await action();
  await new Promise((resolve) => setImmediate(resolve));
  return { result, lines: written.slice(start).map((line) => JSON.parse(line) as Line) };
}

/** POSTs an operation; the answer's status, body and `x-request-id`. */
async function post(query: string, options: { token?: string; requestId?: string } = {}) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.requestId !== undefined ? { 'x-request-id': options.requestId } : {}),
    },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] };
  return { status: response.status, id: response.headers.get('x-request-id'), ...body };
}

/** The access line(s) among `lines`. */
const accessLines = (lines: Line[]) => lines.filter((line) => line.component === 'access');

describe('request ids', () => {
  it("should keep a caller's sane x-request-id, echo it, and put it on the request's access line", async () => {
    const { result, lines } = await linesDuring(() => post('query LogsMe { me { username } }', { token: bob, requestId: 'req-0001.abc' }));
    expect(result.data).toEqual({ me: { username: 'bob' } });
    expect(result.id).toBe('req-0001.abc');
    expect(accessLines(lines)).toEqual([expect.objectContaining({ requestId: 'req-0001.abc', operationName: 'LogsMe' })]);
    // Yoga's own debug lines are written too, but without an id: no AsyncLocalStorage (src/plugins/use-request-log.ts).
    expect(lines.some((line) => /GraphQL Parameters/.test(String(line.msg)))).toBe(true);
    for (const line of lines) if (line.requestId !== undefined) expect(line.requestId, JSON.stringify(line)).toBe('req-0001.abc');
  });

  it('should make a fresh UUID for a request without one, or with one that is not sane, and never log a token sent as one', async () => {
    const insane = ['', ' ', 'x'.repeat(129), 'has space', 'quote"d', 'new\u2028line', 'ünïcode', bob, `Bearer ${bob}`, bob.slice(0, 120)];
    for (const requestId of [undefined, ...insane]) {
      let sent = requestId;
      const { result, lines } = await linesDuring(async () => {
        try {
          return await post('query LogsFresh { __typename }', requestId === undefined ? {} : { requestId });
        } catch {
          // fetch refuses some values as header values itself: send a plain one instead.
          sent = undefined;
          return await post('query LogsFresh { __typename }');
        }
      });
      expect(result.id, String(sent)).toMatch(UUID);
      expect(accessLines(lines)).toEqual([expect.objectContaining({ requestId: result.id })]);
    }
    // Two requests never share a generated id.
    const [a, b] = await Promise.all([post('{ __typename }'), post('{ __typename }')]);
    expect(a.id).not.toBe(b.id);
  });

  it('should let an allowed page read the id (Access-Control-Expose-Headers), to quote it when reporting a problem', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ALLOWED_ORIGIN, 'x-request-id': 'from-a-page' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    await response.text();
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(response.headers.get('access-control-expose-headers')?.toLowerCase().split(/,\s*/)).toContain('x-request-id');
    expect(response.headers.get('x-request-id')).toBe('from-a-page');
  });

  it('should keep concurrent requests apart: each line carries the id of the request it was made for', async () => {
    const count = 25;
    const { result: answers, lines } = await linesDuring(() =>
      Promise.all(Array.from({ length: count }, (_, i) => post(`query LogsConcurrent${i} { me { username } }`, { token: i % 2 ? bob : alice, requestId: `concurrent-${i}` }))),
    );
    const access = accessLines(lines);
    expect(access).toHaveLength(count);
    for (const [i, answer] of answers.entries()) {
      expect(answer.id).toBe(`concurrent-${i}`);
      const own = access.filter((line) => line.requestId === `concurrent-${i}`);
      expect(own).toHaveLength(1);
      expect(own[0]!.operationName).toBe(`LogsConcurrent${i}`);
    }
    for (const line of lines) if (line.requestId !== undefined) expect(String(line.requestId)).toMatch(/^concurrent-\d+$/);
  });

  it("should put the request's id on a masked Cognito error's line, and none on the breaker's (a state of Cognito, not of a request)", async () => {
    proxy.answers.set('GetUser', { status: 400, type: 'SomethingNewException', message: `leaked ${bob}` });
    const unexpected = await linesDuring(() => post('query LogsUnexpected { me { username } }', { token: bob, requestId: 'unexpected-1' }));
    expect(codes(unexpected.result.errors as never)).toEqual(['INTERNAL_SERVER_ERROR']);
    const logged = unexpected.lines.find((line) => line.msg === 'unexpected error');
    expect(logged).toMatchObject({ requestId: 'unexpected-1', err: { type: 'SomethingNewException', status: 400 } });

    proxy.answers.set('GetUser', { status: 500, type: 'InternalErrorException' });
    const failures: { result: Awaited<ReturnType<typeof post>>; lines: Line[] }[] = [];
    for (let i = 0; i < BREAKER_FAILURE_THRESHOLD; i += 1) {
      failures.push(await linesDuring(() => post('query LogsFailing { me { username } }', { token: bob, requestId: `failing-${i}` })));
    }
    const last = failures.at(-1)!;
    expect(codes(last.result.errors as never)).toEqual(['UPSTREAM_UNAVAILABLE']);
    const opened = last.lines.find((line) => /Cognito keeps failing/.test(String(line.msg)));
    expect(opened).toMatchObject({ level: 40 });
    expect(opened?.requestId).toBeUndefined();
    for (const [i, { lines }] of failures.entries()) expect(accessLines(lines)).toEqual([expect.objectContaining({ requestId: `failing-${i}` })]);

    // Cognito back: the breaker closes again (its own line, in its own request), for the tests after this one.
    proxy.answers.clear();
    await new Promise((resolve) => setTimeout(resolve, BREAKER_COOLDOWN_MS + 100));
    const healed = await linesDuring(() => post('query LogsHealed { me { username } }', { token: bob, requestId: 'healed-1' }));
    expect(healed.result.data).toEqual({ me: { username: 'bob' } });
    expect(healed.lines.find((line) => line.msg === 'Cognito answers again')).toBeDefined();
  });

  it('should give a graphql-ws socket one id, echoed in its 101 answer and carried by what its operations log', async () => {
    // The upgrade answer's header.
    const socket = new WebSocket(`${app.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers: { 'x-request-id': 'socket-7' } });
    const upgraded = await new Promise<string | undefined>((resolve, reject) => {
      socket.once('upgrade', (response) => resolve(response.headers['x-request-id'] as string | undefined));
      socket.once('error', reject);
    });
    socket.close();
    expect(upgraded).toBe('socket-7');

    // A masked Cognito error in an operation over a socket carries the socket's id.
    proxy.answers.set('GetUser', { status: 400, type: 'SomethingNewException' });
    const { result, lines } = await linesDuring(async () => {
      const raw = new WebSocket(`${app.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers: { 'x-request-id': 'socket-8' } });
      const messages: { type: string; payload?: { errors?: { extensions?: Record<string, unknown> }[] } }[] = [];
      const next = (type: string) =>
        new Promise<(typeof messages)[number]>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no ${type} message`)), 5_000);
          const check = () => {
            const found = messages.find((m) => m.type === type);
            if (found) {
              clearTimeout(timer);
              resolve(found);
            } else raw.once('message', check);
          };
          check();
        });
      raw.on('message', (data) => messages.push(JSON.parse(String(data)) as (typeof messages)[number]));
      await new Promise((resolve) => raw.once('open', resolve));
      raw.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${bob}` } }));
      await next('connection_ack');
      raw.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'query LogsOverSocket { me { username } }' } }));
      const answer = await next('next');
      raw.close();
      return answer;
    });
    expect(codes(result.payload?.errors as never)).toEqual(['INTERNAL_SERVER_ERROR']);
    const logged = lines.filter((line) => line.msg === 'unexpected error');
    expect(logged).toEqual([expect.objectContaining({ requestId: 'socket-8', err: expect.objectContaining({ type: 'SomethingNewException' }) })]);
  });
});

describe('access lines', () => {
  it('should write one line per request: method, path without the query string, status, duration, operation name and id', async () => {
    const { result, lines } = await linesDuring(() => post('query LogsAccess { me { username } }', { token: bob }));
    const [access, ...more] = accessLines(lines);
    expect(more).toEqual([]);
    expect(access).toMatchObject({ level: 30, msg: 'request', method: 'POST', path: '/graphql', status: 200, operationName: 'LogsAccess', requestId: result.id });
    expect(access!.durationMs).toEqual(expect.any(Number));
    expect(access!.durationMs as number).toBeGreaterThanOrEqual(0);
    // Nothing of the request's headers.
    expect(Object.keys(access!).sort()).toEqual(['component', 'durationMs', 'hostname', 'level', 'method', 'msg', 'operationName', 'path', 'pid', 'requestId', 'status', 'time']);

    const get = await linesDuring(async () => {
      const query = encodeURIComponent('query LogsGet($secret: String!) { __type(name: $secret) { name } }');
      const response = await fetch(`${app.url}/graphql?query=${query}&variables=${encodeURIComponent('{"secret":"s3cr3t-value"}')}`, {
        headers: { 'x-graphql-yoga-csrf': '1', accept: 'application/json' },
      });
      return { status: response.status, body: await response.text() };
    });
    expect(get.result).toEqual({ status: 200, body: '{"data":{"__type":null}}' });
    expect(accessLines(get.lines)).toEqual([expect.objectContaining({ method: 'GET', path: '/graphql', operationName: 'LogsGet' })]);
    expect(JSON.stringify(get.lines)).not.toContain('s3cr3t-value');

    // Named also when the document was parsed before (Yoga's cache) and when it fails validation.
    for (let i = 0; i < 2; i += 1) {
      const invalid = await linesDuring(() => post('query LogsInvalid { me { nope } }', { token: bob }));
      expect(invalid.result.errors).toHaveLength(1);
      expect(accessLines(invalid.lines)).toEqual([expect.objectContaining({ operationName: 'LogsInvalid' })]);
    }
  });

  it('should name every operation of a batch, and log refused requests with their status', async () => {
    const batch = await linesDuring(async () => {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bob}` },
        body: JSON.stringify([{ query: 'query LogsBatchA { __typename }' }, { query: 'query LogsBatchB { me { username } }' }]),
      });
      await response.text();
      return response.status;
    });
    expect(accessLines(batch.lines)).toEqual([expect.objectContaining({ status: 200, operationName: 'LogsBatchA,LogsBatchB' })]);

    const refused = await linesDuring(async () => (await fetch(`${app.url}/graphql?query=%7B__typename%7D`)).status);
    expect(refused.result).toBe(403);
    expect(accessLines(refused.lines)).toEqual([expect.objectContaining({ method: 'GET', path: '/graphql', status: 403 })]);
  });

  it('should log probes and scrapes at debug level, with their id too', async () => {
    for (const path of ['/health', '/ready', '/metrics']) {
      const { result, lines } = await linesDuring(async () => {
        const response = await fetch(`${app.url}${path}`);
        await response.text();
        return response.headers.get('x-request-id');
      });
      expect(result).toMatch(UUID);
      expect(accessLines(lines)).toEqual([expect.objectContaining({ level: 20, path, status: 200, requestId: result })]);
    }
  });
});

describe('secrets', () => {
  // Last: over every line the tests above made the service write.
  it('should never have logged a token (sent as a bearer or as a request id) or an Authorization value', () => {
    const everything = written.join('');
    expect(written.length).toBeGreaterThan(100);
    for (const token of [alice, bob]) {
      const [header, payload, signature] = token.split('.');
      for (const part of [header, payload, signature]) expect(everything).not.toContain(part);
    }
    expect(everything).not.toMatch(/Bearer/i);
    expect(everything).not.toMatch(/eyJ/);
  });
});

describe('requestIdFrom', () => {
  it('should keep the usual kinds of ids: UUIDs, ULIDs, AWS and W3C trace ids', () => {
    for (const id of ['3f2b1c9e-8a7d-4e6f-9b0a-1c2d3e4f5a6b', '01ARZ3NDEKTSV4RRFFQ69G5FAV', 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01']) {
      expect(requestIdFrom(id)).toBe(id);
    }
  });
});

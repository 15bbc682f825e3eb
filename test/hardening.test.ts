/**
 * Abuse and bad input: document limits (depth, aliases, tokens, directives,
 * cost), batches, request bodies (HTTP with and without Content-Length, and
 * WebSocket frames), CSRF prevention, the CORS allowlist, production mode
 * (no introspection, no GraphiQL, no field suggestions), and logs and
 * answers free of tokens, headers and Cognito's messages. Against the real
 * emulator, over `yoga.fetch` where no socket is needed and a real port where
 * the transport is the point.
 */
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { buildApp, type App } from '../src/app.js';
import { CSRF_HEADER, originAllowed } from '../src/plugins/use-browser-access.js';
import { createCognitoClient } from '../src/cognito/sdk-client.js';
import { loadConfig } from '../src/config.js';
import { codes, startTestApp, testConfig, type TestApp } from './support/app.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';
import { CognitoProxy, SCRIPTED_REQUEST_ID } from './support/cognito-proxy.js';
import { sseSubscribe, wsSubscribe } from './support/subscribers.js';
import { mintToken } from './support/tokens.js';

/** Small limits, so that a document just over each one is easy to write. */
const LIMITS = {
  MAX_DEPTH: '3',
  MAX_ALIASES: '2',
  MAX_TOKENS: '100',
  MAX_DIRECTIVES: '2',
  MAX_COST: '50',
  MAX_BATCH: '2',
  MAX_BODY_BYTES: '2048',
  CORS_ORIGINS: 'https://app.example.com',
};
/** These tests send bursts of reads as bob and alice; the per-user quotas are not their subject. */
const ROOMY_QUOTAS = { QUOTA_PER_USER_READS_PER_SECOND: '10000', QUOTA_PER_USER_WRITES_PER_SECOND: '10000' };
const BODY_LIMIT = Number(LIMITS.MAX_BODY_BYTES);
const ALLOWED_ORIGIN = 'https://app.example.com';
const OTHER_ORIGIN = 'https://evil.example.net';

let cognito: TestCognito;
let service: TestApp;
let alice: string;
let bob: string;

beforeAll(async () => {
  cognito = await startTestCognito();
  service = await startTestApp(cognito, { ...LIMITS, ...ROOMY_QUOTAS });
  alice = await cognito.tokens.tokenFor('alice');
  bob = await cognito.tokens.tokenFor('bob');
});

afterAll(async () => {
  await service?.stop();
  await cognito?.stop();
});

/** A raw request to `app` without a port: the answer's status, headers and text. */
async function send(app: App, init: RequestInit & { path?: string }): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await app.yoga.fetch(`http://test${init.path ?? '/graphql'}`, init);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Gives `app` a real port, once. */
async function listening(app: App): Promise<string> {
  if (!app.url) await app.start();
  return app.url;
}

/** The `extensions.limit` of each error. */
const limitsOf = (errors: readonly { extensions?: Record<string, unknown> }[] | undefined) => (errors ?? []).map((e) => e.extensions?.limit);

describe('document limits', () => {
  // Each pair: a document just within the limit (answered), and one just over it
  // (refused as BAD_USER_INPUT naming the limit, before any Cognito call).
  const cases: Array<{ limit: string; within: string; over: string; of?: string }> = [
    {
      limit: 'MAX_DEPTH',
      within: '{ me { attributes { name } } }',
      over: '{ me { ... on User { attributes { name } } } }',
    },
    {
      limit: 'MAX_ALIASES',
      within: '{ a: me { username } b: me { username } }',
      over: '{ a: me { username } b: me { username } c: me { username } }',
    },
    {
      // armor's default lets `__typename` aliases (and fields aliased `__typename`) through.
      limit: 'MAX_ALIASES',
      of: '`__typename` aliases',
      within: '{ a: __typename b: __typename }',
      over: '{ a: __typename b: __typename c: __typename __typename: me { username } }',
    },
    {
      // 2 + 9 tokens per field: 92 and 101.
      limit: 'MAX_TOKENS',
      within: `{ ${'me { attribute(name: "email") } '.repeat(10)}}`,
      over: `{ ${'me { attribute(name: "email") } '.repeat(11)}}`,
    },
    {
      limit: 'MAX_DIRECTIVES',
      within: '{ me { username @include(if: true) sub @include(if: true) } }',
      over: '{ me { username @include(if: true) sub @include(if: true) userPoolId @include(if: true) } }',
    },
    {
      // graphql-armor's cost: an object 2, a scalar 1, each level deeper x1.5; 9.5 per `me` here: 47.5 and 57.
      limit: 'MAX_COST',
      within: `{ ${'me { attributes { name value } } '.repeat(5)}}`,
      over: `{ ${'me { attributes { name value } } '.repeat(6)}}`,
    },
  ];

  for (const { limit, within, over, of } of cases) {
    it(`should refuse a document over ${limit}${of ? ` of ${of}` : ''} as BAD_USER_INPUT naming the limit, and answer one within it`, async () => {
      const ok = await service.request(within, undefined, { token: bob });
      expect(ok.errors).toBeUndefined();
      expect(ok.data).toBeTruthy();

      service.calls.length = 0;
      const refused = await service.request(over, undefined, { token: bob });
      expect(refused.data ?? null).toBeNull();
      const error = refused.errors?.find((e) => e.extensions?.limit === limit);
      expect(error, JSON.stringify(refused.errors)).toBeDefined();
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.message).toContain(limit);
      expect(error?.message).toMatch(/limit of \d+ exceeded/i);
      expect(service.calls).toEqual([]);
    });
  }

  it('should refuse a mutation over a limit before it reaches Cognito', async () => {
    const before = await cognito.sdk.send(new AdminGetUserCommand({ UserPoolId: cognito.demo.userPoolId, Username: 'bob' }));
    service.calls.length = 0;
    const { errors } = await service.request(
      `mutation { updateMyAttributes(input: { attributes: [{ name: "custom:plan", value: "deep" }] }) { user { attributes { name } } } }`,
      undefined,
      { token: bob },
    );
    expect(limitsOf(errors)).toContain('MAX_DEPTH');
    expect(codes(errors)).toContain('BAD_USER_INPUT');
    expect(service.calls).toEqual([]);
    const after = await cognito.sdk.send(new AdminGetUserCommand({ UserPoolId: cognito.demo.userPoolId, Username: 'bob' }));
    expect(after.UserAttributes).toEqual(before.UserAttributes);
  });

  it('should apply the same limits to operations over graphql-ws', async () => {
    await listening(service.app);
    const sub = wsSubscribe(service.app.url, bob, '{ a: me { username } b: me { username } c: me { username } }');
    try {
      const errors = await sub.nextError();
      expect(limitsOf(errors)).toContain('MAX_ALIASES');
      expect(codes(errors)).toContain('BAD_USER_INPUT');
    } finally {
      await sub.dispose();
    }
  });
});

describe('batches and bodies', () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    send(service.app, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bob}`, ...headers }, body });

  it('should answer a batch of up to MAX_BATCH operations, and refuse a bigger one with 413', async () => {
    const op = { query: '{ me { username } }' };
    const two = await post(JSON.stringify([op, op]));
    expect(two.status).toBe(200);
    expect(JSON.parse(two.text)).toEqual([{ data: { me: { username: 'bob' } } }, { data: { me: { username: 'bob' } } }]);

    service.calls.length = 0;
    const three = await post(JSON.stringify([op, op, op]));
    expect(three.status).toBe(413);
    expect(JSON.parse(three.text)).toEqual({
      errors: [{ message: 'Batching is limited to 2 operations per request.', extensions: { code: 'BAD_REQUEST' } }],
    });
    expect(service.calls).toEqual([]);
  });

  /** Sends `chunks` over a real socket, with a Content-Length or chunked; resolves with the answer. */
  function rawPost(
    chunks: string[],
    framing: 'content-length' | 'chunked',
  ): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
    const total = chunks.reduce((n, c) => n + Buffer.byteLength(c), 0);
    return new Promise((resolve, reject) => {
      const req = httpRequest(`${service.app.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${bob}`,
          ...(framing === 'content-length' ? { 'content-length': String(total) } : { 'transfer-encoding': 'chunked' }),
        },
      });
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      // The server may answer and close before the whole body is written.
      req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error)));
      for (const chunk of chunks) req.write(chunk);
      req.end();
    });
  }

  const bodyOf = (padding: number) => JSON.stringify({ query: '{ me { username } }', variables: { padding: 'x'.repeat(padding) } });

  it('should refuse a body over MAX_BODY_BYTES with 413 and a JSON error, from its Content-Length', async () => {
    await listening(service.app);
    const within = await rawPost([bodyOf(BODY_LIMIT - 200)], 'content-length');
    expect(within.status).toBe(200);
    expect(JSON.parse(within.body)).toEqual({ data: { me: { username: 'bob' } } });

    const over = await rawPost([bodyOf(BODY_LIMIT)], 'content-length');
    expect(over.status).toBe(413);
    expect(over.headers['content-type']).toMatch(/json/);
    expect(JSON.parse(over.body)).toEqual({ errors: [{ message: 'Request body too large', extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } }] });
  });

  it('should refuse a chunked body (no Content-Length) once it grows over MAX_BODY_BYTES, with 413', async () => {
    await listening(service.app);
    const within = await rawPost([bodyOf(BODY_LIMIT - 200)], 'chunked');
    expect(within.status).toBe(200);

    // 8 chunks of 1 KiB: the limit is crossed while reading.
    const body = bodyOf(8 * 1024);
    const chunks = Array.from({ length: Math.ceil(body.length / 1024) }, (_, i) => body.slice(i * 1024, (i + 1) * 1024));
    const over = await rawPost(chunks, 'chunked');
    expect(over.status).toBe(413);
    expect(JSON.parse(over.body)).toEqual({ errors: [{ message: 'Request body too large', extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } }] });
  });

  it('should close a WebSocket whose frame is over MAX_BODY_BYTES with 1009 (message too big), logging nothing to stderr', async () => {
    const consoleError = vi.spyOn(console, 'error');
    await listening(service.app);
    const socket = new WebSocket(`${service.app.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const acked = new Promise<string>((resolve) => socket.once('message', (data) => resolve(String(data))));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${bob}` } }));
    expect(JSON.parse(await acked)).toMatchObject({ type: 'connection_ack' });
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ me { username } }', variables: { padding: 'x'.repeat(BODY_LIMIT) } } }));
    expect(await closed).toBe(1009);
    // graphql-ws's own ws adapter would print a stack here; ours logs through pino.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });
});

describe('CSRF prevention', () => {
  it('should refuse a text/plain POST without Authorization (what a form or fetch a page may send cross-site) and without the CSRF header, executing nothing', async () => {
    const before = await cognito.sdk.send(new AdminGetUserCommand({ UserPoolId: cognito.demo.userPoolId, Username: 'bob' }));
    service.calls.length = 0;
    const mutation = JSON.stringify({
      query: 'mutation { updateMyAttributes(input: { attributes: [{ name: "custom:plan", value: "csrf" }] }) { user { username } } }',
    });
    const refused = await send(service.app, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: mutation });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text)).toEqual({ errors: [{ message: 'Required CSRF header(s) not present' }] });
    expect(service.calls).toEqual([]);
    const after = await cognito.sdk.send(new AdminGetUserCommand({ UserPoolId: cognito.demo.userPoolId, Username: 'bob' }));
    expect(after.UserAttributes).toEqual(before.UserAttributes);
  });

  it('should refuse a GET with neither Authorization nor the CSRF header, and answer a GET with either (urql sends its queries as GETs with the token)', async () => {
    const path = `/graphql?query=${encodeURIComponent('{ me { username } }')}`;
    const refused = await send(service.app, { method: 'GET', path, headers: {} });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text)).toEqual({ errors: [{ message: 'Required CSRF header(s) not present' }] });
    const withToken = await send(service.app, { method: 'GET', path, headers: { authorization: `Bearer ${bob}` } });
    expect(withToken.status).toBe(200);
    expect(JSON.parse(withToken.text)).toEqual({ data: { me: { username: 'bob' } } });
    const withHeader = await send(service.app, { method: 'GET', path, headers: { authorization: `Bearer ${bob}`, [CSRF_HEADER]: '1' } });
    expect(withHeader.status).toBe(200);
    // Any Authorization value makes a browser preflight: a bad one is answered as a bad token, not as CSRF.
    const badToken = await send(service.app, { method: 'GET', path, headers: { authorization: 'Bearer nonsense' } });
    expect(JSON.parse(badToken.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('should let JSON POSTs and SSE subscriptions through without the header (a browser preflights them)', async () => {
    const { status, data } = await service.request<{ me: { username: string } }, never>('{ me { username } }', undefined, { token: bob });
    expect(status).toBe(200);
    expect(data?.me.username).toBe('bob');

    await listening(service.app);
    const sub = sseSubscribe(service.app.url, bob, 'subscription { myAttributesChanged { source } }');
    try {
      await expect.poll(() => sub.response?.status).toBe(200);
      expect(sub.response?.contentType).toMatch(/text\/event-stream/);
    } finally {
      await sub.dispose();
    }
  });

  it('should make GraphiQL send the CSRF header (its SSE subscriptions are GETs)', async () => {
    const page = await send(service.app, { method: 'GET', headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain(CSRF_HEADER);
  });
});

describe('CORS', () => {
  const fromOrigin = (app: App, origin: string) =>
    send(app, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
  const preflight = (app: App, origin: string) =>
    send(app, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });

  it('should give an allowed origin Access-Control-Allow-Origin, and another origin none', async () => {
    const allowed = await fromOrigin(service.app, ALLOWED_ORIGIN);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    expect(allowed.headers.get('vary')).toMatch(/Origin/);

    const other = await fromOrigin(service.app, OTHER_ORIGIN);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('vary')).toMatch(/Origin/);
  });

  it('should answer the preflight of an allowed origin (Authorization allowed), and not another origin', async () => {
    const allowed = await preflight(service.app, ALLOWED_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');

    const other = await preflight(service.app, OTHER_ORIGIN);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('should allow no cross-origin access when CORS_ORIGINS is unset (with a real Cognito)', async () => {
    const closed = await startTestApp(cognito);
    try {
      for (const origin of [ALLOWED_ORIGIN, OTHER_ORIGIN, 'http://localhost:5173']) {
        expect((await fromOrigin(closed.app, origin)).headers.get('access-control-allow-origin')).toBeNull();
        expect((await preflight(closed.app, origin)).headers.get('access-control-allow-origin')).toBeNull();
      }
    } finally {
      await closed.stop();
    }
  });

  it('should allow every origin only when CORS_ORIGINS=* is set', async () => {
    const open = await startTestApp(cognito, { CORS_ORIGINS: '*' });
    try {
      const answer = await fromOrigin(open.app, OTHER_ORIGIN);
      expect(answer.headers.get('access-control-allow-origin')).toBe(OTHER_ORIGIN);
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    } finally {
      await open.stop();
    }
  });

  it('should allow http://localhost:<port> and http://127.0.0.1:<port> by default in the embedded demo only', () => {
    const embedded = loadConfig({});
    expect(originAllowed(embedded, 'http://localhost:5173')).toBe(true);
    expect(originAllowed(embedded, 'http://127.0.0.1:3000')).toBe(true);
    expect(originAllowed(embedded, 'https://localhost:5173')).toBe(false);
    expect(originAllowed(embedded, 'http://localhost.evil.net')).toBe(false);
    expect(originAllowed(embedded, OTHER_ORIGIN)).toBe(false);
    const remote = loadConfig({ COGNITO_USER_POOL_ID: 'eu-west-1_AbC123' });
    expect(originAllowed(remote, 'http://localhost:5173')).toBe(false);
    expect(originAllowed(loadConfig({ CORS_ORIGINS: ALLOWED_ORIGIN }), 'http://localhost:5173')).toBe(false);
  });
});

describe('production mode (NODE_ENV=production)', () => {
  let production: TestApp;

  beforeAll(async () => {
    production = await startTestApp(cognito, { NODE_ENV: 'production', ...ROOMY_QUOTAS });
  });

  afterAll(async () => {
    await production?.stop();
  });

  it('should refuse introspection over HTTP', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "User") { name } }']) {
      const { data, errors } = await production.request(query, undefined, { token: alice });
      expect(data ?? null).toBeNull();
      expect(errors?.[0]?.message).toMatch(/introspection has been disabled/);
      expect(codes(errors)).toContain('GRAPHQL_VALIDATION_FAILED');
    }
    // `__typename` is not introspection of the schema.
    expect((await production.request('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('should refuse introspection over graphql-ws too', async () => {
    await listening(production.app);
    const sub = wsSubscribe(production.app.url, alice, '{ __schema { queryType { name } } }');
    try {
      const errors = await sub.nextError();
      expect(errors[0]?.message).toMatch(/introspection has been disabled/);
    } finally {
      await sub.dispose();
    }
  });

  it('should not serve GraphiQL', async () => {
    const page = await send(production.app, { method: 'GET', headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toMatch(/html/);
    expect(page.text).not.toMatch(/graphiql/i);
    const root = await send(production.app, { method: 'GET', path: '/', headers: { accept: 'text/html' } });
    expect(root.status).toBe(404);
    expect(root.text).not.toMatch(/<html/i);
  });

  it('should hide "Did you mean" field suggestions', async () => {
    const { errors } = await production.request('{ me { usernam } }', undefined, { token: bob });
    expect(errors?.[0]?.message).toMatch(/Cannot query field "usernam"/);
    expect(errors?.[0]?.message).not.toContain('username');
    // Outside production the hint stays: it is a development aid.
    const dev = await service.request('{ me { usernam } }', undefined, { token: bob });
    expect(dev.errors?.[0]?.message).toContain('Did you mean "username"?');
  });

  it('should serve introspection and GraphiQL again when GRAPHQL_INTROSPECTION and GRAPHIQL say so', async () => {
    const enabled = await startTestApp(cognito, { NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true', GRAPHIQL: 'true' });
    try {
      expect((await enabled.request<{ __type: unknown }, never>('{ __type(name: "User") { name } }')).data).toEqual({ __type: { name: 'User' } });
      const page = await send(enabled.app, { method: 'GET', headers: { accept: 'text/html' } });
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
    } finally {
      await enabled.stop();
    }
  });
});

describe("an emulator's published key beyond loopback", () => {
  /** Builds the service on `env` (the test's emulator as COGNITO_ENDPOINT); resolves with its refusal, or undefined. */
  async function refusal(env: Record<string, string>): Promise<Error | undefined> {
    try {
      const app = await buildApp(testConfig(cognito, env), { logger: pino({ level: 'silent' }) });
      await app.stop();
      return undefined;
    } catch (error) {
      return error as Error;
    }
  }

  it("should refuse HOST=0.0.0.0 when COGNITO_ENDPOINT signs with cognito-local's published key, production mode or not", async () => {
    for (const env of [{ HOST: '0.0.0.0' }, { HOST: '0.0.0.0', NODE_ENV: 'production' }] as Record<string, string>[]) {
      const error = await refusal(env);
      expect(error?.name, JSON.stringify(env)).toBe('ConfigError');
      expect(error?.message).toContain("cognito-local's published key");
      expect(error?.message).toContain('ALLOW_PUBLISHED_EMULATOR_KEY=true');
    }
  });

  it('should start on loopback, or beyond it when ALLOW_PUBLISHED_EMULATOR_KEY=true says so', async () => {
    expect(await refusal({ HOST: '127.0.0.1' })).toBeUndefined();
    expect(await refusal({ HOST: '0.0.0.0', ALLOW_PUBLISHED_EMULATOR_KEY: 'true' })).toBeUndefined();
  });

  it('should refuse HOST=0.0.0.0 when the endpoint\'s JWKS cannot be read to check it', async () => {
    const error = await refusal({ HOST: '0.0.0.0', COGNITO_ENDPOINT: 'http://127.0.0.1:1', COGNITO_TIMEOUT_MS: '500' });
    expect(error?.name).toBe('ConfigError');
    expect(error?.message).toContain('could not be read');
  });
});

describe('secrets in logs and answers', () => {
  // Cognito answers one operation with an exception of our choosing: Cognito's
  // own message, with the caller's token in it, as an upstream might echo it.
  let proxy: CognitoProxy;

  beforeAll(async () => {
    proxy = await CognitoProxy.start(cognito.endpoint);
  });

  afterAll(async () => {
    await proxy.stop();
  });

  it('should never put a token, an Authorization value or a Cognito message in a log line or an answer', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) });
    // The service's default profile cache (5 s), as before: not testConfig's "off".
    const config = testConfig(cognito, { LOG_LEVEL: 'trace', ME_CACHE_TTL_MS: '5000', ...ROOMY_QUOTAS });
    // Cognito calls go through the proxy; tokens are still verified against the emulator's issuer.
    const client = createCognitoClient({ region: 'us-east-1', endpoint: proxy.endpoint, timeoutMs: 5_000 });
    const app = await buildApp(config, { logger, cognito: client });
    await app.start();

    const issuer = `${cognito.endpoint}/${cognito.demo.userPoolId}`;
    const claims = { sub: 'x-sub', username: 'mallory', client_id: cognito.demo.clientId, token_use: 'access' as const };
    const forged = await mintToken({ issuer, claims, forged: true });
    const expired = await mintToken({ issuer, claims, expiresIn: -60 });
    const tokens = { alice, bob, forged, expired };
    const cognitoMessages = {
      unexpected: `COGNITO-UNEXPECTED-MESSAGE for token ${bob}`,
      throttled: `COGNITO-THROTTLED-MESSAGE Authorization: Bearer ${alice}`,
      internal: `COGNITO-INTERNAL-MESSAGE ${alice}`,
    };
    const answers: string[] = [];
    const post = async (query: string, authorization?: string) => {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ query }),
      });
      const text = await response.text();
      answers.push(`${response.status} ${JSON.stringify([...response.headers])} ${text}`);
      return JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
    };

    try {
      // Successes, and every kind of refused token.
      expect((await post('{ me { username } }', `Bearer ${bob}`)).data).toEqual({ me: { username: 'bob' } });
      for (const token of [forged, expired, `${bob}x`]) {
        expect(codes((await post('{ me { username } }', `Bearer ${token}`)).errors)).toEqual(['UNAUTHENTICATED']);
      }
      expect(codes((await post('{ me { username } }', `Token ${alice}`)).errors)).toEqual(['UNAUTHENTICATED']);
      // A Cognito message of the real emulator ("Incorrect confirmation code").
      const mismatch = await post('mutation { verifyMyAttribute(input: { attributeName: "email", code: "000000" }) { user { username } } }', `Bearer ${bob}`);
      expect(codes(mismatch.errors)).toEqual(['CODE_MISMATCH']);
      // Cognito exceptions with the token in their message: unexpected (masked), throttling, internal.
      proxy.answers.set('GetUser', { status: 400, type: 'SomethingNewException', message: cognitoMessages.unexpected });
      expect(codes((await post('{ me { username } }', `Bearer ${bob}`)).errors)).toEqual(['INTERNAL_SERVER_ERROR']);
      proxy.answers.clear();
      proxy.answers.set('AdminGetUser', { status: 400, type: 'LimitExceededException', message: cognitoMessages.throttled });
      expect(codes((await post('{ user(username: "bob") { username } }', `Bearer ${alice}`)).errors)).toEqual(['LIMIT_EXCEEDED']);
      proxy.answers.clear();
      proxy.answers.set('DescribeUserPool', { status: 500, type: 'InternalErrorException', message: cognitoMessages.internal });
      expect(codes((await post('{ userPool { id } }', `Bearer ${alice}`)).errors)).toEqual(['UPSTREAM_UNAVAILABLE']);
      proxy.answers.clear();

      // graphql-ws: a query with a good token, a socket refused for a forged one.
      const ws = wsSubscribe<{ me: { username: string } }>(app.url, alice, '{ me { username } }');
      answers.push(JSON.stringify(await ws.next()));
      await ws.dispose();
      const refusedWs = wsSubscribe(app.url, forged, '{ me { username } }');
      answers.push(JSON.stringify(await refusedWs.closed()));
      await refusedWs.dispose();
      // SSE with a refused token.
      const sse = sseSubscribe(app.url, expired, 'subscription { myAttributesChanged { source } }');
      answers.push(JSON.stringify(await sse.nextError()));
      await sse.dispose();

      // Anything that logs a request's headers or connection parameters has them redacted.
      app.logger.warn({ headers: { authorization: `Bearer ${alice}` }, connectionParams: { authorization: `Bearer ${alice}` } }, 'a request');
    } finally {
      await app.stop();
      client.destroy();
    }

    const logs = lines.join('');
    const everything = `${logs}\n${answers.join('\n')}`;
    for (const [who, token] of Object.entries(tokens)) {
      const [, payload, signature] = token.split('.');
      expect(everything, `${who}'s token`).not.toContain(token);
      expect(everything, `${who}'s token signature`).not.toContain(signature);
      expect(everything, `${who}'s token payload`).not.toContain(payload);
    }
    expect(logs).not.toMatch(/Bearer/i);
    expect(answers.join('\n')).not.toMatch(/Bearer\s+ey/);
    for (const message of [...Object.values(cognitoMessages), 'COGNITO-', 'Incorrect confirmation code']) {
      expect(everything).not.toContain(message);
    }
    // The unexpected exception was logged, by name and status (and nothing else of it).
    const logged = lines.map((line) => JSON.parse(line) as { msg?: string; err?: Record<string, unknown> }).filter((line) => line.err);
    expect(logged).toContainEqual(
      expect.objectContaining({ msg: 'unexpected error', err: { type: 'SomethingNewException', status: 400, requestId: SCRIPTED_REQUEST_ID } }),
    );
    expect(logs).toContain('"authorization":"[redacted]"');
  });
});

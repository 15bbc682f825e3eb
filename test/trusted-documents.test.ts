/**
 * Trusted documents (TRUSTED_DOCUMENTS, src/plugins/trusted-documents/): a
 * document sent by its hash runs on every transport (HTTP POST and GET, SSE,
 * graphql-ws), in both shapes (APQ's `extensions.persistedQuery`, the
 * persisted documents appendix's `documentId`); an unknown hash is refused
 * with PERSISTED_QUERY_NOT_FOUND; with `only` a document sent as text is
 * refused too, with `allow` it runs; and a manifest whose hash is not its
 * document's stops the start. Real emulator, real sockets. The tests'
 * documents are trusted here by naming codegen's test manifest
 * (test/gql/persisted-documents.json) in TRUSTED_DOCUMENTS_FILE, as an operator
 * names a frontend's.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import type { GraphQLFormattedError } from 'graphql';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { DEMO_MANIFEST, hashOf } from '../src/plugins/trusted-documents/manifest.js';
import { graphql } from './gql/index.js';
import { codes, startTestApp, testConfig, type TestApp } from './support/app.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';
import { watchFeed } from './support/subscribers.js';

const TrustedMe = graphql(`
  query TrustedMe {
    me {
      username
    }
  }
`);

const TrustedSetPlan = graphql(`
  mutation TrustedSetPlan($plan: String!) {
    updateMyAttributes(input: { attributes: [{ name: "custom:plan", value: $plan }] }) {
      user {
        username
      }
    }
  }
`);

const TrustedChanges = graphql(`
  subscription TrustedChanges {
    myAttributesChanged {
      updated {
        name
        value
      }
    }
  }
`);

/** The manifest codegen writes for the tests' documents. */
const TEST_MANIFEST = join(import.meta.dirname, 'gql/persisted-documents.json');
/** A sha256 no manifest has. */
const UNKNOWN = 'a'.repeat(64);
/** Text no manifest has. */
const UNTRUSTED = 'query Untrusted { me { username sub } }';

/** `sha256:<hex>`, the hash codegen embeds in a document. */
const idOf = (document: object): string => (document as { __meta__: { hash: string } }).__meta__.hash;
const hexOf = (document: object): string => idOf(document).slice('sha256:'.length);
const manifest = async (file: string): Promise<Record<string, string>> => JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
const apq = (hex: string) => ({ persistedQuery: { version: 1, sha256Hash: hex } });

let cognito: TestCognito;
let only: TestApp;
let allow: TestApp;
let token: string;

beforeAll(async () => {
  cognito = await startTestCognito();
  // Every test is alice's: her per-user budget must not be what refuses a request here.
  const budget = { QUOTA_PER_USER_READS_PER_SECOND: '1000', QUOTA_PER_USER_WRITES_PER_SECOND: '1000' };
  [only, allow] = await Promise.all([
    startTestApp(cognito, { TRUSTED_DOCUMENTS: 'only', TRUSTED_DOCUMENTS_FILE: TEST_MANIFEST, ...budget }),
    startTestApp(cognito, { TRUSTED_DOCUMENTS: 'allow', TRUSTED_DOCUMENTS_FILE: TEST_MANIFEST, ...budget }),
  ]);
  await Promise.all([only.app.start(), allow.app.start()]);
  token = await cognito.tokens.tokenFor('alice');
}, 60_000);

afterAll(async () => {
  await Promise.all([only?.stop(), allow?.stop()]);
  await cognito?.stop();
});

type Answer = { status: number; data?: Record<string, unknown> | null; errors?: GraphQLFormattedError[] };

/** A JSON POST to `app` over a real socket. */
async function post(app: TestApp, body: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(`${app.app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

/** A GET to `app` with `params` in the query string (objects as JSON). */
async function get(app: TestApp, params: Record<string, unknown>): Promise<Answer> {
  const search = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  const response = await fetch(`${app.app.url}/graphql?${search}`, { headers: { accept: 'application/json', authorization: `Bearer ${token}` } });
  return { status: response.status, ...((await response.json()) as object) };
}

/** How long {@link wsFirst} waits for a result. */
const WS_WAIT_MS = 5_000;

/** The first result of a subscription over graphql-ws with `payload` as the subscribe message's. */
function wsFirst(app: TestApp, payload: { query: string; extensions?: Record<string, unknown>; documentId?: string }, onListening?: () => Promise<void>) {
  const client = createClient({
    url: `${app.app.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  const result = new Promise<{ data?: unknown; errors?: readonly GraphQLFormattedError[] }>((resolve, reject) => {
    setTimeout(() => reject(new Error(`no result over graphql-ws in ${WS_WAIT_MS} ms`)), WS_WAIT_MS).unref();
    client.subscribe(payload as never, {
      next: (value) => resolve(value as never),
      error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error as Error)),
      complete: () => {},
    });
  });
  void onListening?.();
  return result.finally(() => client.dispose());
}

/** The first `next` event of an SSE subscription (POST, `accept: text/event-stream`) with `body`. */
async function sseFirst(app: TestApp, body: Record<string, unknown>, onListening: () => Promise<void>): Promise<unknown> {
  const abort = new AbortController();
  const response = await fetch(`${app.app.url}/graphql`, {
    method: 'POST',
    headers: { accept: 'text/event-stream', 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
    signal: abort.signal,
  });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  void onListening();
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) throw new Error(`the stream ended before an event: ${buffer}`);
      buffer += decoder.decode(value, { stream: true });
      const event = /event: next\ndata: (.*)\n\n/.exec(buffer);
      if (event) return JSON.parse(event[1]!);
    }
  } finally {
    abort.abort();
    await reader.cancel().catch(() => {});
  }
}

const plan = () => `trusted-${Date.now() % 1_000_000}`;

describe('with TRUSTED_DOCUMENTS=only', () => {
  it('should run a trusted document sent by its hash in a POST, as extensions.persistedQuery or as documentId', async () => {
    expect(await post(only, { extensions: apq(hexOf(TrustedMe)) })).toEqual({ status: 200, data: { me: { username: 'alice' } } });
    expect(await post(only, { documentId: idOf(TrustedMe) })).toEqual({ status: 200, data: { me: { username: 'alice' } } });
    const value = plan();
    const set = await post(only, { documentId: idOf(TrustedSetPlan), variables: { plan: value } });
    expect(set).toEqual({ status: 200, data: { updateMyAttributes: { user: { username: 'alice' } } } });
  });

  it('should run a trusted query sent by its hash in a GET, as extensions or as documentId', async () => {
    expect(await get(only, { extensions: apq(hexOf(TrustedMe)) })).toEqual({ status: 200, data: { me: { username: 'alice' } } });
    expect(await get(only, { documentId: idOf(TrustedMe) })).toEqual({ status: 200, data: { me: { username: 'alice' } } });
  });

  it('should refuse a hash no manifest has with PERSISTED_QUERY_NOT_FOUND, whatever its shape', async () => {
    for (const body of [{ extensions: apq(UNKNOWN) }, { documentId: `sha256:${UNKNOWN}` }, { documentId: 'not-a-hash' }]) {
      const answer = await post(only, body);
      expect(codes(answer.errors), JSON.stringify(body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
      expect(answer.errors?.[0]?.extensions).toMatchObject({ setting: 'TRUSTED_DOCUMENTS' });
      expect(answer.data).toBeUndefined();
    }
    expect(codes((await get(only, { documentId: `sha256:${UNKNOWN}` })).errors)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('should refuse any document sent as text, an unknown one and a trusted one alike, before anything reaches Cognito', async () => {
    only.calls.length = 0;
    const unknown = await post(only, { query: UNTRUSTED });
    expect(codes(unknown.errors)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(unknown.errors?.[0]?.message).toMatch(/TRUSTED_DOCUMENTS=only/);
    // Its text beside its hash (what an APQ client sends after PERSISTED_QUERY_NOT_FOUND) is text too.
    const trustedText = Object.values(await manifest(TEST_MANIFEST))[0]!;
    expect(codes((await post(only, { query: trustedText, extensions: apq(hashOf(trustedText)) })).errors)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(codes((await get(only, { query: UNTRUSTED })).errors)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(only.calls).toEqual([]);
  });

  it('should deliver a subscription sent by its hash over graphql-ws, and refuse its text and an unknown hash there', async () => {
    const feed = watchFeed(only.app);
    const value = plan();
    try {
      const event = await wsFirst(only, { query: '', extensions: apq(hexOf(TrustedChanges)) }, async () => {
        await feed.untilListening(1);
        await post(only, { documentId: idOf(TrustedSetPlan), variables: { plan: value } });
      });
      expect(event).toEqual({ data: { myAttributesChanged: { updated: [{ name: 'custom:plan', value }] } } });
    } finally {
      feed.restore();
    }
    const me = await wsFirst(only, { query: '', documentId: idOf(TrustedMe) });
    expect(me).toEqual({ data: { me: { username: 'alice' } } });
    expect(codes((await wsFirst(only, { query: UNTRUSTED })).errors)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(codes((await wsFirst(only, { query: '', extensions: apq(UNKNOWN) })).errors)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('should deliver a subscription sent by its hash over SSE', async () => {
    const feed = watchFeed(only.app);
    const value = plan();
    try {
      const event = await sseFirst(only, { extensions: apq(hexOf(TrustedChanges)) }, async () => {
        await feed.untilListening(1);
        await post(only, { documentId: idOf(TrustedSetPlan), variables: { plan: value } });
      });
      expect(event).toEqual({ data: { myAttributesChanged: { updated: [{ name: 'custom:plan', value }] } } });
    } finally {
      feed.restore();
    }
  });
});

describe('with TRUSTED_DOCUMENTS=allow', () => {
  it('should run a trusted document by its hash and any document by its text', async () => {
    expect(await post(allow, { extensions: apq(hexOf(TrustedMe)) })).toEqual({ status: 200, data: { me: { username: 'alice' } } });
    expect(await post(allow, { query: UNTRUSTED })).toMatchObject({ status: 200, data: { me: { username: 'alice' } } });
    expect(await wsFirst(allow, { query: UNTRUSTED })).toMatchObject({ data: { me: { username: 'alice' } } });
    // Neither text nor hash: Yoga's own answer, as with the setting off.
    expect((await post(allow, {})).errors).toEqual([{ message: 'Must provide query string.', extensions: { code: 'BAD_REQUEST' } }]);
  });

  it('should refuse an unknown hash with PERSISTED_QUERY_NOT_FOUND, and learn nothing from a text sent beside it', async () => {
    const hex = hashOf(UNTRUSTED);
    expect(codes((await post(allow, { extensions: apq(hex) })).errors)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    // An APQ client's retry: the text runs…
    expect((await post(allow, { query: UNTRUSTED, extensions: apq(hex) })).data).toMatchObject({ me: { username: 'alice' } });
    // …and its hash is still unknown: no request adds to what is trusted.
    expect(codes((await post(allow, { extensions: apq(hex) })).errors)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(codes((await wsFirst(allow, { query: '', extensions: apq(hex) })).errors)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it("should trust the demo page's documents without any TRUSTED_DOCUMENTS_FILE", async () => {
    const app = await startTestApp(cognito);
    try {
      const [id] = Object.entries(await manifest(DEMO_MANIFEST)).find(([, text]) => text.startsWith('query ProfileMe'))!;
      const response = await app.app.yoga.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ documentId: id }),
      });
      expect(((await response.json()) as { data: { me: { username: string } } }).data.me.username).toBe('alice');
    } finally {
      await app.stop();
    }
  });
});

describe('with TRUSTED_DOCUMENTS=off', () => {
  it("should know no hash: a request without text gets Yoga's own answer, as before the setting existed", async () => {
    const app = await startTestApp(cognito, { TRUSTED_DOCUMENTS: 'off' });
    try {
      const response = await app.app.yoga.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ extensions: apq(hexOf(TrustedMe)) }),
      });
      const { errors } = (await response.json()) as { errors: GraphQLFormattedError[] };
      expect(errors).toEqual([{ message: 'Must provide query string.', extensions: { code: 'BAD_REQUEST' } }]);
    } finally {
      await app.stop();
    }
  });
});

describe('manifests at start-up', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trusted-documents-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** The problems loadConfig reports for a manifest file with `content`. */
  async function problemsOf(content: string, env: Record<string, string> = {}): Promise<string[]> {
    const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
    await writeFile(file, content);
    try {
      testConfig(cognito, { TRUSTED_DOCUMENTS: 'only', TRUSTED_DOCUMENTS_FILE: file, ...env });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      for (const problem of problems) expect(problem).toContain(file);
      return problems;
    }
    throw new Error('loadConfig accepted the manifest');
  }

  it('should refuse to start with a forged entry: a hash that is not its document\'s', async () => {
    const forged = { [`sha256:${hashOf(UNTRUSTED)}`]: 'mutation Forged { deleteMyAttributes(input: { names: ["email"] }) { user { username } } }' };
    const [problem, ...more] = await problemsOf(JSON.stringify(forged));
    expect(more).toEqual([]);
    expect(problem).toMatch(/^TRUSTED_DOCUMENTS_FILE: .* maps "sha256:[0-9a-f]{64}" to a document whose sha256 is [0-9a-f]{64}: a hash must be its own document's$/);
  });

  it('should refuse to start with a manifest that is not JSON, not an object of texts, or holds no GraphQL', async () => {
    expect(await problemsOf('{"sha256:')).toEqual([expect.stringMatching(/is not JSON/)]);
    expect(await problemsOf('["query { me { username } }"]')).toEqual([expect.stringMatching(/must be a JSON object mapping/)]);
    expect(await problemsOf(JSON.stringify({ md5: 'query { me { username } }' }))).toEqual([expect.stringMatching(/"md5", which is not a sha256/)]);
    expect(await problemsOf(JSON.stringify({ [hashOf('not graphql')]: 'not graphql' }))).toEqual([expect.stringMatching(/not a GraphQL document/)]);
    const missing = join(dir, 'missing.json');
    expect(() => testConfig(cognito, { TRUSTED_DOCUMENTS_FILE: missing })).toThrow(`TRUSTED_DOCUMENTS_FILE: ${missing} cannot be read (ENOENT)`);
  });

  it('should refuse settings that cannot work together, and accept a manifest of either hash spelling', async () => {
    expect(() => loadConfig({ TRUSTED_DOCUMENTS: 'sometimes' })).toThrow('TRUSTED_DOCUMENTS="sometimes" must be off, allow or only');
    expect(() => loadConfig({ TRUSTED_DOCUMENTS: 'off', TRUSTED_DOCUMENTS_FILE: TEST_MANIFEST })).toThrow('TRUSTED_DOCUMENTS_FILE needs TRUSTED_DOCUMENTS=allow or only');
    // Pinned to the demo page's operations, a service fronting a real pool would refuse every other client.
    expect(() => testConfig(cognito, { TRUSTED_DOCUMENTS: 'only' })).toThrow('TRUSTED_DOCUMENTS=only needs TRUSTED_DOCUMENTS_FILE');
    expect(loadConfig({ TRUSTED_DOCUMENTS: 'only' }).trustedDocuments.mode).toBe('only');
    const file = join(dir, 'plain-hex.json');
    await writeFile(file, JSON.stringify({ [hashOf(UNTRUSTED)]: UNTRUSTED }));
    const { documents, files } = testConfig(cognito, { TRUSTED_DOCUMENTS_FILE: `${file}, ${TEST_MANIFEST}` }).trustedDocuments;
    expect(files).toEqual([file, TEST_MANIFEST]);
    expect(documents.get(hashOf(UNTRUSTED))).toBe(UNTRUSTED);
    expect(documents.get(hexOf(TrustedMe))).toMatch(/^query TrustedMe/);
    expect(DEMO_MANIFEST).toMatch(/src\/demo\/gql\/persisted-documents\.json$/);
  });
});

/**
 * `npm run walks`: which files of `src/` one request runs code in, measured
 * with V8's precise coverage (the functions that ran, counted per call), not
 * read from the imports. Two walks, each measured after a warm-up so that
 * first-use work (JIT, lazy set-up) is not counted:
 *
 * 1. `me`: one `query { me { username attributes { name value } } }` over
 *    HTTP, from the request's arrival to its answer (profile cache off, so
 *    the Cognito call is made).
 * 2. A change reaching a subscriber on another instance: two instances on one
 *    Redis (`REDIS_URL`, default redis://127.0.0.1:6379/15), bob subscribed to
 *    `myAttributesChanged` over graphql-ws on instance B, bob's own
 *    `updateMyAttributes` sent to instance A, until the event frame reaches
 *    bob. Both instances run in this process, so the count is the union of
 *    A's files and B's.
 *
 * Both run against the in-process emulator. Prints each walk's file count and
 * its files, in the order of their paths.
 */
import { Session } from 'node:inspector/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from 'graphql-ws';
import pino from 'pino';
import WebSocket from 'ws';
import { buildApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createCognitoClient } from '../src/cognito/sdk-client.js';
import { startEmulator } from '../src/embedded/emulator.js';
import { DemoTokens, seedDemo } from '../src/embedded/seed.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/15';
/** `--functions`: name the functions that ran in each file. */
const detail = process.argv.includes('--functions');

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });

/** The files of `src/` with a function that ran since the last call (V8 resets the counts at each take). */
async function filesRun(): Promise<string[]> {
  const { result } = await session.post('Profiler.takePreciseCoverage');
  const files = new Set<string>();
  for (const script of result) {
    if (!script.url.startsWith('file://')) continue;
    const path = fileURLToPath(script.url);
    if (!path.startsWith(src)) continue;
    const ran = script.functions.filter((f) => f.ranges[0] !== undefined && f.ranges[0].count > 0);
    if (ran.length === 0) continue;
    files.add(relative(root, path) + (detail ? `  (${ran.map((f) => f.functionName || '(anonymous)').join(', ')})` : ''));
  }
  return [...files].sort();
}

const dataDir = await mkdtemp(join(tmpdir(), 'walks-'));
const silent = pino({ level: 'silent' });
const emulator = await startEmulator({ dataDir, logger: silent });
const sdk = createCognitoClient({ region: 'local', endpoint: emulator.endpoint, timeoutMs: 5_000 });
const demo = await seedDemo(sdk);
const bob = await new DemoTokens(sdk, demo).tokenFor('bob');

const configFor = (env: Record<string, string>) =>
  loadConfig({
    COGNITO_USER_POOL_ID: demo.userPoolId,
    COGNITO_ENDPOINT: emulator.endpoint,
    COGNITO_CLIENT_IDS: demo.clientId,
    AWS_REGION: 'us-east-1',
    PORT: '0',
    ME_CACHE_TTL_MS: '0',
    // The walks repeat one user's calls faster than Cognito's per-user limits allow.
    QUOTA_PER_USER_READS_PER_SECOND: '10000',
    QUOTA_PER_USER_WRITES_PER_SECOND: '10000',
    ...env,
  });

const post = async (url: string, query: string, variables?: unknown) => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bob}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(`walk request failed: ${JSON.stringify(body.errors)}`);
};

/** The emulator's own files: the upstream in this process, not the service. */
const EMULATOR = new Set(['src/embedded/emulator.ts', 'src/embedded/sqlite-data-store.ts', 'src/embedded/mailbox.ts']);

const report = (title: string, all: string[]) => {
  const files = all.filter((file) => !EMULATOR.has(file.split(' ')[0]!));
  console.log(`\n${title}: ${files.length} files of the service`);
  for (const file of files) console.log(`  ${file}`);
};

const apps: App[] = [];
try {
  // Walk 1: `me`.
  const single = await buildApp(configFor({}), { logger: silent });
  apps.push(single);
  await single.start();
  const ME = '{ me { username attributes { name value } } }';
  const { url } = single;
  for (let i = 0; i < 20; i += 1) await post(url, ME);
  await filesRun();
  await post(url, ME);
  report('a `me` request', await filesRun());

  // Walk 2: a change made on instance A reaching a subscriber on instance B.
  const a = await buildApp(configFor({ REDIS_URL: redisUrl }), { logger: silent });
  const b = await buildApp(configFor({ REDIS_URL: redisUrl }), { logger: silent });
  apps.push(a, b);
  await a.start();
  await b.start();
  const aUrl = a.url;
  const client = createClient({ url: `${b.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${bob}` }, lazy: false });
  const events: unknown[] = [];
  let arrived: () => void = () => {};
  client.subscribe(
    { query: 'subscription { myAttributesChanged { source updated { name value } user { attributes { name value } } } }' },
    { next: (event) => (events.push(event), arrived()), error: (error) => console.error(error), complete: () => {} },
  );
  const UPDATE = 'mutation ($v: String!) { updateMyAttributes(input: { attributes: [{ name: "name", value: $v }] }) { user { username } } }';
  const change = async (value: string) => {
    const received = new Promise<void>((resolve) => (arrived = resolve));
    await post(aUrl, UPDATE, { v: value });
    await received;
  };
  // Until the subscription listens (its first event arrives), then warm.
  for (let i = 0; events.length === 0 && i < 100; i += 1) {
    await Promise.race([change(`Bob ${i}`), new Promise((resolve) => setTimeout(resolve, 200))]);
  }
  for (let i = 0; i < 10; i += 1) await change(`Bob warm ${i}`);
  await filesRun();
  await change('Bob measured');
  report('a change made on instance A reaching a subscriber on instance B (both in this process)', await filesRun());
  await client.dispose();
} finally {
  for (const app of apps) await app.stop();
  sdk.destroy();
  await emulator.stop();
  await rm(dataDir, { recursive: true, force: true });
  session.disconnect();
}

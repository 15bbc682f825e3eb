/**
 * The embedded default (`npm start` with no COGNITO_USER_POOL_ID), built the
 * way `main` builds it and used over real HTTP: GraphiQL opens signed in as
 * alice, /health and /ready answer, verification codes show in the log, and
 * the store is lossless: 50 writes sent at once through the service all survive
 * a restart on the same DATA_DIR, which reuses the demo pool instead of
 * seeding it again and leaves every other pool intact.
 */
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  CreateUserPoolCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
  UpdateUserAttributesCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createServer as createNetServer, type Server } from 'node:net';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildApp, type App } from '../src/app.js';
import { metaPendingStore } from '../src/changes/pending.js';
import { createCognitoClient } from '../src/cognito/sdk-client.js';
import { loadConfig } from '../src/config.js';
import { DatabaseSync } from '../src/embedded/node-sqlite.js';
import { signIn } from '../src/embedded/seed.js';
import { graphql } from './gql/index.js';
import { codes } from './support/app.js';
import { claimsOf } from './support/tokens.js';

const EmbeddedMe = graphql(`
  query EmbeddedMe {
    me {
      username
      userPoolId
      plan: attribute(name: "custom:plan")
    }
  }
`);

const EmbeddedAdminUpdate = graphql(`
  mutation EmbeddedAdminUpdate($username: String!, $attributes: [AttributeInput!]!) {
    adminUpdateUserAttributes(input: { username: $username, attributes: $attributes }) {
      user {
        username
        plan: attribute(name: "custom:plan")
        seats: attribute(name: "custom:seats")
      }
    }
  }
`);

const EmbeddedUpdateMine = graphql(`
  mutation EmbeddedUpdateMine($attributes: [AttributeInput!]!) {
    updateMyAttributes(input: { attributes: $attributes }) {
      user {
        username
        plan: attribute(name: "custom:plan")
        newsletter: attribute(name: "custom:newsletter")
      }
    }
  }
`);

const EmbeddedUsers = graphql(`
  query EmbeddedUsers($usernames: [String!]!) {
    users(usernames: $usernames) {
      username
      plan: attribute(name: "custom:plan")
      seats: attribute(name: "custom:seats")
    }
  }
`);

const EmbeddedRequestCode = graphql(`
  mutation EmbeddedRequestCode($attributeName: String!) {
    requestAttributeVerificationCode(input: { attributeName: $attributeName }) {
      codeDelivery {
        attributeName
        deliveryMedium
      }
    }
  }
`);

/** Sends an operation to the running app over real HTTP. */
async function post<TData, TVars>(
  app: App,
  document: TypedDocumentNode<TData, TVars>,
  variables: TVars,
  token?: string,
): Promise<{ status: number; data: TData | null | undefined; errors: readonly GraphQLFormattedError[] | undefined }> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: TData | null; errors?: GraphQLFormattedError[] };
  return { status: response.status, data: body.data, errors: body.errors };
}

/** An SDK client of the test's own, on the embedded emulator of `app`. */
function sdkFor(app: App): CognitoIdentityProviderClient {
  if (!app.embedded) throw new Error('not the embedded default');
  return createCognitoClient({ region: 'local', endpoint: app.embedded.emulator.endpoint, timeoutMs: 5_000 });
}

const attributesOf = async (sdk: CognitoIdentityProviderClient, userPoolId: string, username: string) => {
  const user = await sdk.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }));
  return Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
};

const WRITERS = Array.from({ length: 50 }, (_, i) => `writer-${String(i).padStart(2, '0')}`);

let dataDir: string;
let app: App;
let sdk: CognitoIdentityProviderClient;
const logLines: string[] = [];

/** The embedded default exactly as `main` builds it, logging into `logLines`. */
async function startEmbedded(): Promise<App> {
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
  // The store is under test here, not Cognito's UserUpdate quota (25/s) or
  // alice's share of it (see test/quotas.test.ts): 51 writes at once must all reach it.
  const started = await buildApp(loadConfig({ DATA_DIR: dataDir, PORT: '0', QUOTA_USER_UPDATE_PER_SECOND: '100', QUOTA_CALLER_SHARE_PERCENT: '100' }), { logger });
  await started.start();
  return started;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'embedded-test-'));
  app = await startEmbedded();
  sdk = sdkFor(app);
});
afterAll(async () => {
  sdk?.destroy();
  await app?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the embedded default', () => {
  it('should listen on 127.0.0.1 with a demo pool in DATA_DIR', () => {
    expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(app.embedded?.demo.userPoolId).toMatch(/^local_/);
    expect(existsSync(join(dataDir, 'cognito-local.sqlite'))).toBe(true);
  });

  it('should serve GraphiQL at /graphql with a working Bearer token of alice', async () => {
    const response = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    const token = /Bearer (ey[\w-]+\.[\w-]+\.[\w-]+)/.exec(html)?.[1];
    expect(token, 'a Bearer token in the GraphiQL page').toBeDefined();
    expect(claimsOf(token!)).toMatchObject({ username: 'alice', token_use: 'access', 'cognito:groups': ['admin'] });

    const { data, errors } = await post(app, EmbeddedMe, {}, token);
    expect(errors).toBeUndefined();
    expect(data?.me).toEqual({ username: 'alice', userPoolId: app.embedded?.demo.userPoolId, plan: 'pro' });
  });

  it('should answer /health and /ready with 200', async () => {
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
    expect((await fetch(`${app.url}/ready`)).status).toBe(200);
  });

  it("should answer me with the demo user's attributes", async () => {
    const bob = await app.embedded!.tokens.tokenFor('bob');
    const { data, errors } = await post(app, EmbeddedMe, {}, bob);
    expect(errors).toBeUndefined();
    expect(data?.me).toEqual({ username: 'bob', userPoolId: app.embedded?.demo.userPoolId, plan: 'free' });
    const unauthenticated = await post(app, EmbeddedMe, {});
    expect(codes(unauthenticated.errors)).toEqual(['UNAUTHENTICATED']);
  });

  it("should print each verification code in the service's log", async () => {
    const bob = await app.embedded!.tokens.tokenFor('bob');
    const before = logLines.length;
    const { data, errors } = await post(app, EmbeddedRequestCode, { attributeName: 'email' }, bob);
    expect(errors).toBeUndefined();
    expect(data?.requestAttributeVerificationCode.codeDelivery).toEqual({ attributeName: 'email', deliveryMedium: 'EMAIL' });

    const sent = app.embedded!.emulator.mailbox.latest('bob');
    expect(sent?.code).toMatch(/^\d{6}$/);
    const messages = logLines.slice(before).map((line) => (JSON.parse(line) as { msg: string }).msg);
    const line = messages.find((m) => m.startsWith('mailbox: verification code'));
    expect(line, JSON.stringify(messages)).toBeDefined();
    expect(line).toContain(`mailbox: verification code ${sent!.code} for bob`);
  });
});

const EmbeddedPending = graphql(`
  query EmbeddedPending {
    me {
      sub
      pendingChanges {
        name
        value
        masked
        requestedAt
      }
    }
  }
`);

const EmbeddedRequestCodeTo = graphql(`
  mutation EmbeddedRequestCodeTo($input: RequestAttributeVerificationCodeInput!) {
    requestAttributeVerificationCode(input: $input) {
      codeDelivery {
        attributeName
        deliveryMedium
        destination
      }
    }
  }
`);

describe('pending email changes in the embedded default', () => {
  /** A new demo-pool user with a verified email (and phone), signed in. */
  async function newUser(name: string): Promise<{ username: string; token: string }> {
    const UserPoolId = app.embedded!.demo.userPoolId;
    const username = `${name}-${Date.now().toString(36)}`;
    const password = 'Embedded-pending-1!';
    await sdk.send(
      new AdminCreateUserCommand({
        UserPoolId,
        Username: username,
        MessageAction: 'SUPPRESS',
        TemporaryPassword: password,
        UserAttributes: [
          { Name: 'email', Value: `${username}@example.com` },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'phone_number', Value: '+15555550177' },
        ],
      }),
    );
    await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: username, Password: password, Permanent: true }));
    return { username, token: await signIn(sdk, app.embedded!.demo.clientId, username, password) };
  }

  it("should remember a pending email in the emulator's own store", async () => {
    const user = await newUser('stored');
    const next = `${user.username}.new@example.com`;
    expect((await post(app, EmbeddedUpdateMine, { attributes: [{ name: 'email', value: next }] }, user.token)).errors).toBeUndefined();
    const { data } = await post(app, EmbeddedPending, {}, user.token);
    expect(data?.me.pendingChanges).toEqual([{ name: 'email', value: next, masked: false, requestedAt: expect.any(String) }]);
    const stored = await metaPendingStore(app.embedded!.emulator.meta).read(app.embedded!.demo.userPoolId, data!.me.sub);
    expect(stored.map((c) => c.value)).toEqual([next]);
  });

  it('should show a pending change made elsewhere masked, with no requestedAt, once a code delivery (the mailbox) reveals it', async () => {
    const user = await newUser('elsewhere');
    const next = `zed.${user.username}@elsewhere.example`;
    // Straight to the emulator, not through the service (another app).
    await sdk.send(new UpdateUserAttributesCommand({ AccessToken: user.token, UserAttributes: [{ Name: 'email', Value: next }] }));
    expect((await post(app, EmbeddedPending, {}, user.token)).data?.me.pendingChanges).toEqual([]);

    const sent = await post(app, EmbeddedRequestCodeTo, { input: { attributeName: 'email' } }, user.token);
    expect(sent.data?.requestAttributeVerificationCode.codeDelivery).toEqual({ attributeName: 'email', deliveryMedium: 'EMAIL', destination: 'z***@e***' });
    expect(app.embedded!.emulator.mailbox.latest(user.username)?.destination).toBe(next);
    expect((await post(app, EmbeddedPending, {}, user.token)).data?.me.pendingChanges).toEqual([{ name: 'email', value: 'z***@e***', masked: true, requestedAt: null }]);
  });

  it('should say a code asked for phone_number went where the mailbox got it: an email, the pool auto-verifying email only', async () => {
    const user = await newUser('phone');
    const sent = await post(app, EmbeddedRequestCodeTo, { input: { attributeName: 'phone_number' } }, user.token);
    const message = app.embedded!.emulator.mailbox.latest(user.username)!;
    expect(message.medium).toBe('EMAIL');
    expect(sent.data?.requestAttributeVerificationCode.codeDelivery).toEqual({ attributeName: 'email', deliveryMedium: 'EMAIL', destination: `${user.username[0]}***@e***` });
  });
});

describe('the demo from a browser', () => {
  /** A raw HTTP request to `base` with the `Host` (and other headers) a page could send; the status and headers. */
  function raw(base: string, path: string, headers: Record<string, string>, method = 'GET'): Promise<{ status: number; headers: IncomingHttpHeaders }> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(`${base}${path}`, { method, headers }, (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
      });
      request.on('error', reject);
      request.end();
    });
  }

  it('should answer only requests addressed to loopback: a DNS-rebinding Host gets 421, the WebSocket upgrade too', async () => {
    const port = new URL(app.url).port;
    for (const path of ['/graphql', '/demo/config.json', '/demo', '/health']) {
      expect((await raw(app.url, path, { host: `attacker.example:${port}`, accept: 'text/html' })).status, path).toBe(421);
      expect((await raw(app.url, path, { host: `localhost:${port}`, accept: 'text/html' })).status, path).toBe(200);
    }
    const refused = await new Promise<number | string>((resolve) => {
      const socket = new WebSocket(`${app.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', { headers: { host: `attacker.example:${port}` } });
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.on('open', () => resolve('open'));
      socket.on('error', (error) => resolve(error.message));
    });
    expect(refused).toBe(421);
  });

  it('should let only loopback pages read the emulator (CORS), and answer only loopback Hosts there too', async () => {
    const emulator = app.embedded!.emulator.endpoint;
    const port = new URL(emulator).port;
    const preflight = (origin: string) =>
      raw(emulator, '/', { host: `127.0.0.1:${port}`, origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-amz-target' }, 'OPTIONS');
    expect((await preflight('https://attacker.example')).headers['access-control-allow-origin']).toBeUndefined();
    expect((await preflight(app.url)).headers['access-control-allow-origin']).toBe(app.url);
    expect((await raw(emulator, '/health', { host: `attacker.example:${port}` })).status).toBe(421);
  });

  it('should show in the mailbox only codes sent to an address the user owns, and log every code', async () => {
    const bob = await app.embedded!.tokens.tokenFor('bob');
    const original = (await attributesOf(sdk, app.embedded!.demo.userPoolId, 'bob')).email!;
    const mailbox = async () =>
      (await (await fetch(`${app.url}/demo/mailbox`, { headers: { authorization: `Bearer ${bob}` } })).json()) as { destination: string; code: string }[];
    try {
      // An address nobody here owns: the code reaches its (imaginary) inbox and the log, not bob's page.
      expect((await post(app, EmbeddedUpdateMine, { attributes: [{ name: 'email', value: 'ceo@bigcorp.example' }] }, bob)).errors).toBeUndefined();
      const stranger = app.embedded!.emulator.mailbox.latest('bob');
      expect(stranger?.destination).toBe('ceo@bigcorp.example');
      expect((await mailbox()).map((m) => m.destination)).not.toContain('ceo@bigcorp.example');
      expect(logLines.some((line) => line.includes(`verification code ${stranger!.code} for bob`))).toBe(true);

      // A mailbox of the demo's own domain: shown, so the demo's verify flow works.
      expect((await post(app, EmbeddedUpdateMine, { attributes: [{ name: 'email', value: 'bob+mailbox@example.com' }] }, bob)).errors).toBeUndefined();
      const own = app.embedded!.emulator.mailbox.latest('bob');
      expect((await mailbox())[0]).toMatchObject({ destination: 'bob+mailbox@example.com', code: own!.code });
    } finally {
      await sdk.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: app.embedded!.demo.userPoolId,
          Username: 'bob',
          UserAttributes: [
            { Name: 'email', Value: original },
            { Name: 'email_verified', Value: 'true' },
          ],
        }),
      );
    }
  });
});

describe('a restart of the embedded default', () => {
  it("should keep the emulator's port on the same DATA_DIR, so a token issued before still works; and say so when the port is taken", { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'embedded-port-'));
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const start = async () => {
      const started = await buildApp(loadConfig({ DATA_DIR: dir, PORT: '0' }), { logger });
      await started.start();
      return started;
    };
    const meAs = async (running: App, token: string) => post(running, EmbeddedMe, {}, token);
    let blocker: Server | undefined;
    try {
      const first = await start();
      const endpoint = first.embedded!.emulator.endpoint;
      const token = await first.embedded!.tokens.tokenFor('bob');
      await first.stop();

      const second = await start();
      expect(second.embedded!.emulator.endpoint).toBe(endpoint);
      const kept = await meAs(second, token);
      expect(kept.errors).toBeUndefined();
      expect(kept.data?.me.username).toBe('bob');
      await second.stop();

      // Someone else took the port meanwhile: a free one, a clear line, and the old token refused.
      blocker = createNetServer();
      await new Promise<void>((resolve) => blocker!.listen(Number(new URL(endpoint).port), '127.0.0.1', resolve));
      const third = await start();
      try {
        expect(third.embedded!.emulator.endpoint).not.toBe(endpoint);
        expect(lines.some((line) => line.includes(`port ${new URL(endpoint).port}, where the last run's tokens were issued, is taken`))).toBe(true);
        expect(codes((await meAs(third, token)).errors)).toEqual(['UNAUTHENTICATED']);
      } finally {
        await third.stop();
      }
    } finally {
      await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the lossless store', () => {
  it('should keep all 50 writes sent at once over HTTP, the demo pool and every other pool across a restart on the same DATA_DIR', { timeout: 120_000 }, async () => {
    const demo = app.embedded!.demo;
    // Another pool in the same store, which a corrupt file would empty on the next start.
    const { UserPool: other } = await sdk.send(new CreateUserPoolCommand({ PoolName: 'other' }));
    const otherPoolId = other!.Id!;
    await sdk.send(new AdminCreateUserCommand({ UserPoolId: otherPoolId, Username: 'carol', MessageAction: 'SUPPRESS' }));
    for (const username of WRITERS) {
      await sdk.send(new AdminCreateUserCommand({ UserPoolId: demo.userPoolId, Username: username, MessageAction: 'SUPPRESS' }));
    }
    const subsBefore = {
      alice: (await attributesOf(sdk, demo.userPoolId, 'alice')).sub,
      bob: (await attributesOf(sdk, demo.userPoolId, 'bob')).sub,
    };

    // 50 admin writes and one user's own write, all at once, through the service over HTTP.
    const alice = await app.embedded!.tokens.tokenFor('alice');
    const bob = await app.embedded!.tokens.tokenFor('bob');
    const [mine, ...results] = await Promise.all([
      post(app, EmbeddedUpdateMine, { attributes: [{ name: 'custom:plan', value: 'enterprise' }, { name: 'custom:newsletter', value: 'true' }] }, bob),
      ...WRITERS.map((username, i) =>
        post(
          app,
          EmbeddedAdminUpdate,
          { username, attributes: [{ name: 'custom:plan', value: `plan-${i}` }, { name: 'custom:seats', value: String(i + 1) }] },
          alice,
        ),
      ),
    ]);
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.updateMyAttributes.user).toEqual({ username: 'bob', plan: 'enterprise', newsletter: 'true' });
    results.forEach((result, i) => {
      expect(result.errors, WRITERS[i]).toBeUndefined();
      expect(result.data?.adminUpdateUserAttributes.user).toEqual({ username: WRITERS[i], plan: `plan-${i}`, seats: String(i + 1) });
    });

    // Stop; the SQLite file must be whole.
    sdk.destroy();
    await app.stop();
    const file = new DatabaseSync(join(dataDir, 'cognito-local.sqlite'), { readOnly: true });
    try {
      expect(file.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    } finally {
      file.close();
    }

    // A new process on the same DATA_DIR.
    app = await startEmbedded();
    sdk = sdkFor(app);
    expect(app.embedded?.demo).toEqual(demo);
    const { UserPools = [] } = await sdk.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    expect(UserPools.map((p) => p.Name).sort()).toEqual(['demo', 'other']);

    // Not seeded again: the demo users are the same users, with bob's own write.
    expect((await attributesOf(sdk, demo.userPoolId, 'alice')).sub).toBe(subsBefore.alice);
    const bobNow = await attributesOf(sdk, demo.userPoolId, 'bob');
    expect(bobNow).toMatchObject({ sub: subsBefore.bob, 'custom:plan': 'enterprise', 'custom:newsletter': 'true' });

    // Every admin write is in Cognito's own state...
    for (const [i, username] of WRITERS.entries()) {
      expect(await attributesOf(sdk, demo.userPoolId, username), username).toMatchObject({ 'custom:plan': `plan-${i}`, 'custom:seats': String(i + 1) });
    }
    // ...and the restarted service reads them back (with tokens of the new emulator).
    const aliceAgain = await app.embedded!.tokens.tokenFor('alice');
    const { data, errors } = await post(app, EmbeddedUsers, { usernames: [...WRITERS] }, aliceAgain);
    expect(errors).toBeUndefined();
    expect(data?.users).toEqual(WRITERS.map((username, i) => ({ username, plan: `plan-${i}`, seats: String(i + 1) })));

    // The other pool was not emptied.
    const { Users: otherUsers = [] } = await sdk.send(new ListUsersCommand({ UserPoolId: otherPoolId }));
    expect(otherUsers.map((u) => u.Username)).toEqual(['carol']);
  });
});

describe('a store that lost its data', () => {
  /** Builds the embedded default on `dir`; resolves with the error it refused to start with, or undefined. */
  async function refusal(dir: string): Promise<Error | undefined> {
    try {
      const started = await buildApp(loadConfig({ DATA_DIR: dir, PORT: '0' }), { logger: pino({ level: 'silent' }) });
      await started.stop();
      return undefined;
    } catch (error) {
      return error as Error;
    }
  }

  /** A data directory holding a seeded store, stopped. */
  async function seededDir(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'embedded-lost-'));
    const seeded = await buildApp(loadConfig({ DATA_DIR: dir, PORT: '0' }), { logger: pino({ level: 'silent' }) });
    await seeded.stop();
    return dir;
  }

  it('should keep the store to its owner alone (0600): it holds the demo passwords', async () => {
    const dir = await seededDir();
    try {
      for (const name of ['cognito-local.sqlite', 'cognito-local.sqlite-wal', 'cognito-local.sqlite-shm']) {
        const path = join(dir, name);
        if (existsSync(path)) expect((await stat(path)).mode & 0o777, name).toBe(0o600);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('should refuse to seed a fresh demo over a store whose demo pool is gone, naming the file and the way out', async () => {
    const dir = await seededDir();
    try {
      const file = join(dir, 'cognito-local.sqlite');
      const raw = new DatabaseSync(file);
      raw.exec("DELETE FROM cognito_local_store WHERE store <> 'clients'");
      raw.close();
      const error = await refusal(dir);
      expect(error?.name).toBe('StoreError');
      expect(error?.message).toContain(file);
      expect(error?.message).toMatch(/was seeded with the demo pool local_\w+, which is gone/);
      expect(error?.message).toContain('delete its folder to start over');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['empty (0 bytes)', '', /is empty: the data it held is gone/],
    ['not a database', 'these are not the bytes of a SQLite database, but they are many enough to look like a header', /cannot be read \(SQLITE_NOTADB/],
  ])('should refuse a store file that is %s with one clear line, and leave it as it is', async (_what, content, message) => {
    const dir = await seededDir();
    try {
      const file = join(dir, 'cognito-local.sqlite');
      await rm(`${file}-wal`, { force: true });
      await rm(`${file}-shm`, { force: true });
      await writeFile(file, content);
      const error = await refusal(dir);
      expect(error?.name).toBe('StoreError');
      expect(error?.message).toMatch(message);
      expect(error?.message).toContain(file);
      expect(await readFile(file, 'utf8')).toBe(content);

      // npm start says the same in one line on stderr and exits with 1, no stack.
      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dir, PORT: '0' };
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: join(import.meta.dirname, '..'), env });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
      clearTimeout(killer);
      expect(code, stderr).toBe(1);
      const lines = stderr.split('\n').filter((line) => line.trim() && !/NodeVersionSupportWarning|node >=22|upgrade to node|a\.co\/|AWS SDK for JavaScript|To continue receiving|versions published|More information/.test(line));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

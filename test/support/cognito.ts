/**
 * The real Cognito emulator, in-process, on its own temporary data directory,
 * seeded with the demo pool: what every test file runs against. It can be
 * stopped and started again on the same port and data ({@link TestCognito.outage}
 * / {@link TestCognito.restore}), so a service pointed at it sees an outage and
 * a return, not a new endpoint; users and tokens survive.
 */
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createCognitoClient } from '../../src/cognito/sdk-client.js';
import { startEmulator, type Emulator } from '../../src/embedded/emulator.js';
import { DemoTokens, seedDemo, type DemoPool } from '../../src/embedded/seed.js';

/** A running emulator with the demo pool, and an SDK client to read Cognito's state directly. */
export interface TestCognito {
  /** The emulator now running (a new one after {@link TestCognito.restore}). */
  readonly emulator: Emulator;
  /** `http://127.0.0.1:<port>`, the same across an outage. */
  readonly endpoint: string;
  readonly demo: DemoPool;
  /** An SDK client of the test's own, to check Cognito's state without the service; it fails like the service's during an outage. */
  readonly sdk: CognitoIdentityProviderClient;
  readonly tokens: DemoTokens;
  readonly dataDir: string;
  /** False during an outage. */
  readonly running: boolean;
  /** Stops listening (open connections are closed): callers get ECONNREFUSED. */
  outage(): Promise<void>;
  /** Starts again on the same port and data. */
  restore(): Promise<void>;
  /** Stops everything and removes the data. */
  stop(): Promise<void>;
}

/** Starts the emulator on a free port and a fresh data directory, and seeds the demo pool. */
export async function startTestCognito(): Promise<TestCognito> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cognito-test-'));
  const logger = pino({ level: 'silent' });
  let emulator: Emulator | undefined = await startEmulator({ dataDir, logger });
  const endpoint = emulator.endpoint;
  const port = Number(new URL(endpoint).port);
  const sdk = createCognitoClient({ region: 'local', endpoint, timeoutMs: 5_000 });
  const demo = await seedDemo(sdk);
  return {
    get emulator() {
      if (!emulator) throw new Error('the emulator is stopped (outage)');
      return emulator;
    },
    endpoint,
    demo,
    sdk,
    tokens: new DemoTokens(sdk, demo),
    dataDir,
    get running() {
      return emulator !== undefined;
    },
    async outage() {
      const stopping = emulator;
      emulator = undefined;
      await stopping?.stop();
    },
    async restore() {
      emulator ??= await startEmulator({ dataDir, port, logger });
    },
    async stop() {
      sdk.destroy();
      await emulator?.stop();
      emulator = undefined;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Calls `listener` with the command name (e.g. `AdminGetUser`) of every call
 * `client` makes, as it leaves: after the service's pipeline (breaker,
 * quotas), so only calls actually sent. Returns a function that removes it.
 */
export function onCognitoCall(client: CognitoIdentityProviderClient, listener: (command: string, input: unknown) => void): () => void {
  const name = `onCognitoCall-${Math.random().toString(36).slice(2)}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      listener(String(context.commandName ?? 'unknown').replace(/Command$/, ''), args.input);
      return next(args);
    },
    { step: 'initialize', name },
  );
  return () => void client.middlewareStack.remove(name);
}

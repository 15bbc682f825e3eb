/**
 * The real Cognito emulator, in-process, on its own temporary data directory,
 * seeded with the demo pool: what every test file runs against.
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
  emulator: Emulator;
  endpoint: string;
  demo: DemoPool;
  /** An SDK client of the test's own, to check Cognito's state without the service. */
  sdk: CognitoIdentityProviderClient;
  tokens: DemoTokens;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts the emulator on a fresh data directory and seeds the demo pool. */
export async function startTestCognito(): Promise<TestCognito> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cognito-test-'));
  const emulator = await startEmulator({ dataDir, logger: pino({ level: 'silent' }) });
  const sdk = createCognitoClient({ region: 'local', endpoint: emulator.endpoint, timeoutMs: 5_000 });
  const demo = await seedDemo(sdk);
  return {
    emulator,
    endpoint: emulator.endpoint,
    demo,
    sdk,
    tokens: new DemoTokens(sdk, demo),
    dataDir,
    async stop() {
      sdk.destroy();
      await emulator.stop();
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

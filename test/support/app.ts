/**
 * The service under test, pointed at the test's emulator the way an operator
 * points it at any Cognito endpoint (`COGNITO_ENDPOINT`), plus a typed way to
 * send it operations over HTTP (`yoga.fetch`: no port needed).
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import pino from 'pino';
import { buildApp, type App, type AppDeps } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { onCognitoCall, type TestCognito } from './cognito.js';

/** The app under test and what it sent to Cognito. */
export interface TestApp {
  app: App;
  /** Every Cognito command the service sent, in order (e.g. `AdminGetUser`). */
  calls: string[];
  /** The same calls with their input (`calls` and `sent` are emptied together by `calls.length = 0`). */
  sent: { command: string; input: Record<string, unknown> }[];
  /** Sends an operation with an optional bearer token (or a raw Authorization value). */
  request<TData, TVars>(
    document: TypedDocumentNode<TData, TVars> | string,
    variables?: TVars,
    auth?: { token?: string; authorization?: string },
  ): Promise<{ status: number; data: TData | null | undefined; errors: readonly GraphQLFormattedError[] | undefined }>;
  stop(): Promise<void>;
}

/**
 * The settings of a service pointed at `cognito` the way an operator points
 * it at any Cognito endpoint, accepting only the demo app client, on a free
 * port; `env` adds or overrides settings.
 *
 * The cross-request profile cache is off unless `env` turns it on
 * (`ME_CACHE_TTL_MS`): these tests say what each request costs Cognito and
 * read `me` to make a call, which must not depend on what an earlier test
 * cached. test/profile-cache.test.ts tests the cache, on. For the same
 * reason, re-reading watched users for outside changes is off unless `env`
 * turns it on (`RECONCILE_READS_PER_SECOND`): test/external.test.ts tests it.
 */
export function testConfig(cognito: Pick<TestCognito, 'demo' | 'endpoint'>, env: Record<string, string> = {}): Config {
  return loadConfig({
    COGNITO_USER_POOL_ID: cognito.demo.userPoolId,
    COGNITO_ENDPOINT: cognito.endpoint,
    COGNITO_CLIENT_IDS: cognito.demo.clientId,
    AWS_REGION: 'us-east-1',
    PORT: '0',
    ME_CACHE_TTL_MS: '0',
    RECONCILE_READS_PER_SECOND: '0',
    ...env,
  });
}

/** Builds the service with {@link testConfig}'s settings (and `deps`, e.g. an SDK client pointed at a proxy). */
export async function startTestApp(cognito: TestCognito, env: Record<string, string> = {}, deps: AppDeps = {}): Promise<TestApp> {
  const app = await buildApp(testConfig(cognito, env), { logger: pino({ level: 'silent' }), ...deps });
  const calls: string[] = [];
  const sent: TestApp['sent'] = [];
  onCognitoCall(app.services.cognito, (command, input) => {
    if (calls.length === 0) sent.length = 0;
    calls.push(command);
    sent.push({ command, input: input as Record<string, unknown> });
  });
  return {
    app,
    calls,
    sent,
    async request(document, variables, auth = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const authorization = auth.authorization ?? (auth.token ? `Bearer ${auth.token}` : undefined);
      if (authorization) headers.authorization = authorization;
      const response = await app.yoga.fetch('http://test/graphql', {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: typeof document === 'string' ? document : print(document), variables }),
      });
      const body = (await response.json()) as ExecutionResult<never>;
      return { status: response.status, data: body.data as never, errors: body.errors as GraphQLFormattedError[] | undefined };
    },
    stop: () => app.stop(),
  };
}

/** The `extensions.code` of each error, for compact assertions. */
export const codes = (errors: readonly GraphQLFormattedError[] | undefined): unknown[] => (errors ?? []).map((e) => e.extensions?.code);

/** A TCP port nobody listens on right now (bound, then released). */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The service's Cognito client resolves each command's middleware once
 * (`cacheMiddleware`), and still honours middleware added or removed after
 * a command was sent; the pipeline's per-call deadline is not shared between calls.
 */
import { DescribeUserPoolCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { installPipeline } from '../src/cognito/pipeline.js';
import { createCognitoClient } from '../src/cognito/sdk-client.js';
import { onCognitoCall, startTestCognito, type TestCognito } from './support/cognito.js';

let cognito: TestCognito;
let client: CognitoIdentityProviderClient;

beforeAll(async () => {
  cognito = await startTestCognito();
  client = createCognitoClient({ region: 'us-east-1', endpoint: cognito.endpoint, timeoutMs: 2_000 });
});
afterAll(async () => {
  client?.destroy();
  await cognito?.stop();
});

const describePool = () => client.send(new DescribeUserPoolCommand({ UserPoolId: cognito.demo.userPoolId }));

describe('the Cognito client', () => {
  it('should reuse the resolved middleware between calls of a command', async () => {
    await describePool();
    const handlers = (client as unknown as { handlers?: WeakMap<object, unknown> }).handlers;
    expect(handlers?.has(DescribeUserPoolCommand)).toBe(true);
    const resolved = handlers?.get(DescribeUserPoolCommand);
    await describePool();
    expect((client as unknown as { handlers?: WeakMap<object, unknown> }).handlers?.get(DescribeUserPoolCommand)).toBe(resolved);
  });

  it('should see a middleware added after the command was first sent, and stop seeing it once removed', async () => {
    await describePool();
    const seen: string[] = [];
    const remove = onCognitoCall(client, (command) => seen.push(command));
    await describePool();
    await describePool();
    expect(seen).toEqual(['DescribeUserPool', 'DescribeUserPool']);
    remove();
    await describePool();
    expect(seen).toHaveLength(2);
  });

  it("should give each call its own deadline: one call's timeout never fails the calls after it", async () => {
    const guarded = createCognitoClient({ region: 'us-east-1', endpoint: cognito.endpoint, timeoutMs: 2_000 });
    try {
      const { quotas } = loadConfig({});
      const pipeline = installPipeline(guarded, { timeoutMs: 150, quotas, region: 'us-east-1', logger: pino({ level: 'silent' }) });
      onTestFinished(() => pipeline.close());
      // A call held past the deadline by a slow middleware of the test's own…
      let slow = true;
      guarded.middlewareStack.add(
        (next) => async (args) => {
          if (slow) await new Promise((resolve) => setTimeout(resolve, 400));
          return next(args);
        },
        { step: 'build', name: 'slow-once' },
      );
      const send = () => guarded.send(new DescribeUserPoolCommand({ UserPoolId: cognito.demo.userPoolId }));
      await expect(send()).rejects.toMatchObject({ name: 'TimeoutError' });
      slow = false;
      // …leaves the next calls, through the same cached handler, unharmed.
      for (let i = 0; i < 3; i++) expect((await send()).UserPool?.Id).toBe(cognito.demo.userPoolId);
    } finally {
      guarded.destroy();
    }
  });
});

/**
 * The SDK client the service talks to Cognito with: keep-alive sockets, a
 * timeout on every attempt, adaptive retries, and each command's middleware
 * resolved once. What every call goes through on top of it is
 * src/cognito/pipeline.ts.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

/** Where the client sends its calls. */
export interface CognitoClientOptions {
  region: string;
  /** An emulator's URL; unset for AWS. */
  endpoint?: string;
  /** Timeout of each attempt (connecting, then the whole request), in ms; src/cognito/breaker.ts bounds a call with its retries. */
  timeoutMs: number;
}

/** Sockets kept open to Cognito; more calls than this wait for a free one. */
const MAX_SOCKETS = 64;

/** The stack's methods that change it. */
const STACK_CHANGES = ['add', 'addRelativeTo', 'remove', 'removeByTag', 'use'] as const;

/**
 * `cacheMiddleware` makes the client resolve each command's middleware stack
 * once instead of on every call (a fifth of the SDK's CPU per call, measured
 * on GetUser), but then a middleware added or removed later would be ignored
 * by commands already sent. So every change to the stack drops the resolved
 * handlers (the client's `handlers`, @smithy/core's own field: the SDK
 * version is pinned), and the next call of each command resolves them again.
 */
function resolveMiddlewareOnce(client: CognitoIdentityProviderClient): CognitoIdentityProviderClient {
  const stack = client.middlewareStack as unknown as Record<(typeof STACK_CHANGES)[number], (...args: unknown[]) => unknown>;
  for (const method of STACK_CHANGES) {
    const original = stack[method].bind(stack);
    stack[method] = (...args: unknown[]) => {
      delete (client as unknown as { handlers?: unknown }).handlers;
      return original(...args);
    };
  }
  return client;
}

/** Creates the SDK client. Emulators take any credentials, so they get placeholder ones when none are set. */
export function createCognitoClient(options: CognitoClientOptions): CognitoIdentityProviderClient {
  const needsPlaceholderCredentials = options.endpoint !== undefined && !process.env.AWS_ACCESS_KEY_ID && !process.env.AWS_PROFILE;
  const client = new CognitoIdentityProviderClient({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(needsPlaceholderCredentials ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    maxAttempts: 3,
    // Throttling (TooManyRequestsException) is retried with backoff, and the
    // client then slows its own sending rate until Cognito stops throttling.
    retryMode: 'adaptive',
    requestHandler: {
      connectionTimeout: options.timeoutMs,
      requestTimeout: options.timeoutMs,
      // Without it, a request past `requestTimeout` only logs a warning and
      // waits on: a Cognito that accepts and never answers would hold the call.
      throwOnRequestTimeout: true,
      httpAgent: new HttpAgent({ keepAlive: true, maxSockets: MAX_SOCKETS }),
      httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: MAX_SOCKETS }),
    },
    cacheMiddleware: true,
  });
  return resolveMiddlewareOnce(client);
}

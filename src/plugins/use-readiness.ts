/**
 * `/ready`: 200 only while Cognito (and Redis, when configured) can be
 * reached. Cognito is probed with DescribeUserPool on the default pool; a
 * success is reused for a while, but not once a call has failed or the
 * circuit is open, so `/ready` turns 503 with the first failures and 200 with
 * the first success.
 */
import { DescribeUserPoolCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { ChangeFeed } from '../changes/feed.js';
import type { CircuitBreaker } from '../cognito/breaker.js';
import { ErrorCode, isExpected } from '../errors.js';

/** How long `/ready` reuses Cognito's last answer, as long as no call has failed since. */
const READY_CACHE_MS = 5_000;

/** What the readiness check looks at. */
export interface ReadinessDeps {
  cognito: CognitoIdentityProviderClient;
  breaker: CircuitBreaker;
  defaultPoolId: string;
  changes: ChangeFeed;
}

/** Where the readiness check answers. */
export const READY_ENDPOINT = '/ready';

/** Yoga's readiness check at {@link READY_ENDPOINT}, with the check of {@link readiness}. */
export function useReadiness(deps: ReadinessDeps): Plugin {
  return useReadinessCheck({ endpoint: READY_ENDPOINT, check: readiness(deps) });
}

/** True while ready: Cognito answered lately and the change feed's transport is up. */
export function readiness({ cognito, breaker, defaultPoolId, changes }: ReadinessDeps): () => Promise<boolean> {
  let last = { ok: false, at: 0 };
  /** The probe in flight, shared by concurrent /ready requests. */
  let probe: Promise<void> | undefined;
  return async () => {
    const fresh = last.ok && Date.now() - last.at < READY_CACHE_MS && breaker.state === 'closed' && breaker.failures === 0;
    if (!fresh) {
      // An open circuit answers at once, without reaching Cognito.
      probe ??= (async () => {
        let ok = true;
        try {
          await cognito.send(new DescribeUserPoolCommand({ UserPoolId: defaultPoolId }));
        } catch (error) {
          // Over the quota, the probe never reached Cognito: that says nothing about Cognito.
          ok = isExpected(error) && error.extensions.code === ErrorCode.LIMIT_EXCEEDED;
        }
        last = { ok, at: Date.now() };
      })().finally(() => (probe = undefined));
      await probe;
    }
    return last.ok && changes.isHealthy();
  };
}

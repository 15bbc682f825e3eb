/**
 * What keeps a failing Cognito from holding callers: one middleware on the
 * SDK client that
 *
 * - bounds every call, the SDK's retries included, by the Cognito timeout, so
 *   a hung Cognito costs a caller one timeout, not one per attempt;
 * - counts upstream failures (network errors, timeouts, 5xx) in a row, and
 *   after {@link BREAKER_FAILURE_THRESHOLD} of them opens a circuit breaker:
 *   calls fail at once, without reaching Cognito, for
 *   {@link BREAKER_COOLDOWN_MS}; then one call goes through as a probe
 *   (half-open), and when Cognito answers it the circuit closes again.
 *
 * Cognito's answers to a bad call (4xx: unknown user, bad input, throttling)
 * prove it is up: they close the circuit, never open it. Both failures end
 * as UPSTREAM_UNAVAILABLE (src/errors.ts maps {@link CircuitOpenError} and
 * the deadline's `TimeoutError`).
 */
import { randomUUID } from 'node:crypto';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { codeForCognitoError, ErrorCode } from '../errors.js';

/** Upstream failures in a row that open the circuit. */
export const BREAKER_FAILURE_THRESHOLD = 5;
/** How long an open circuit fails calls at once before a probe may go through. */
export const BREAKER_COOLDOWN_MS = 2_000; // 2 s

/**
 * `closed`: calls go through. `open`: they fail at once until the cooldown
 * ends. `half-open`: one probe is through; the others fail until it ends.
 */
export type BreakerState = 'closed' | 'open' | 'half-open';

/** What a call's end says about Cognito. */
export type Outcome =
  /** Cognito answered, whatever it said. */
  | 'answered'
  /** A network error, a timeout or a 5xx. */
  | 'failed'
  /** Nothing either way: the call never reached Cognito (e.g. stopped by a quota). */
  | 'unknown';

/** Tuning, mostly for tests. */
export interface BreakerOptions {
  /** @default BREAKER_FAILURE_THRESHOLD */
  failureThreshold?: number;
  /** In ms. @default BREAKER_COOLDOWN_MS */
  cooldownMs?: number;
  /** The clock, in ms. @default Date.now */
  now?: () => number;
  /** Called when the circuit opens, half-opens or closes. */
  onStateChange?: (state: BreakerState, failures: number) => void;
}

/** Thrown instead of calling Cognito while the circuit is open; answered as UPSTREAM_UNAVAILABLE. */
export class CircuitOpenError extends Error {
  override readonly name = 'CircuitOpenError';

  /** @param retryAfterMs when a probe may go through, in ms from now */
  constructor(readonly retryAfterMs: number) {
    super('Cognito keeps failing; calls are paused until a probe succeeds.');
  }
}

/** Classifies what a Cognito call threw. */
export function outcomeOf(error: unknown): Outcome {
  if (codeForCognitoError(error, 'admin') === ErrorCode.UPSTREAM_UNAVAILABLE) return 'failed';
  const status = (error as { $metadata?: { httpStatusCode?: unknown } } | null | undefined)?.$metadata?.httpStatusCode;
  return typeof status === 'number' ? 'answered' : 'unknown';
}

/** The state machine; {@link guardCognito} puts it in front of a client. */
export class CircuitBreaker {
  readonly #threshold: number;
  readonly #cooldownMs: number;
  readonly #now: () => number;
  readonly #onStateChange: BreakerOptions['onStateChange'];
  #state: BreakerState = 'closed';
  #failures = 0;
  #openedAt = 0;

  constructor(options: BreakerOptions = {}) {
    this.#threshold = options.failureThreshold ?? BREAKER_FAILURE_THRESHOLD;
    this.#cooldownMs = options.cooldownMs ?? BREAKER_COOLDOWN_MS;
    this.#now = options.now ?? Date.now;
    this.#onStateChange = options.onStateChange;
  }

  get state(): BreakerState {
    return this.#state;
  }

  /** Upstream failures in a row, up to now. */
  get failures(): number {
    return this.#failures;
  }

  /**
   * Whether a call may go to Cognito now. When it may not, the milliseconds
   * until a probe may. Admitting a call while open (after the cooldown) makes
   * it the probe: it must be followed by {@link record}.
   */
  admit(): { ok: true } | { ok: false; retryAfterMs: number } {
    if (this.#state === 'closed') return { ok: true };
    if (this.#state === 'half-open') return { ok: false, retryAfterMs: this.#cooldownMs };
    const left = this.#openedAt + this.#cooldownMs - this.#now();
    if (left > 0) return { ok: false, retryAfterMs: left };
    this.#set('half-open');
    return { ok: true };
  }

  /** Records how an admitted call ended. */
  record(outcome: Outcome): void {
    if (outcome === 'answered') {
      this.#failures = 0;
      if (this.#state !== 'closed') this.#set('closed');
    } else if (outcome === 'failed') {
      this.#failures += 1;
      if (this.#state === 'half-open' || (this.#state === 'closed' && this.#failures >= this.#threshold)) {
        this.#openedAt = this.#now();
        this.#set('open');
      }
    } else if (this.#state === 'half-open') {
      // The probe never reached Cognito: the next call probes instead.
      this.#openedAt = this.#now() - this.#cooldownMs;
      this.#set('open');
    }
  }

  #set(state: BreakerState): void {
    this.#state = state;
    this.#onStateChange?.(state, this.#failures);
  }
}

/** The error a call gets when the whole of it, retries included, outlasts the timeout. */
function deadlineError(timeoutMs: number): Error {
  return Object.assign(new Error(`Cognito did not answer within ${timeoutMs} ms.`), { name: 'TimeoutError' });
}

/**
 * Installs the breaker and the per-call deadline on `client`, ahead of every
 * middleware added after it (install it first, so a call failed at once
 * spends no quota). Returns a function that removes it.
 *
 * @param timeoutMs the most a call may take, retries included, in ms
 */
export function guardCognito(client: CognitoIdentityProviderClient, breaker: CircuitBreaker, timeoutMs: number): () => void {
  const name = `cognitoGuard-${randomUUID()}`;
  // Each call's deadline, by its input object (the same object at every step
  // and attempt of one call). Not in the handler context: with the client's
  // `cacheMiddleware`, that context is shared by every call of a command.
  const deadlines = new WeakMap<object, AbortSignal>();
  client.middlewareStack.add(
    (next) => async (args) => {
      const admitted = breaker.admit();
      if (!admitted.ok) throw new CircuitOpenError(admitted.retryAfterMs);
      const deadline = new AbortController();
      deadlines.set(args.input, deadline.signal);
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          const error = deadlineError(timeoutMs);
          deadline.abort(error);
          reject(error);
        }, timeoutMs);
      });
      try {
        const result = await Promise.race([next(args), expired]);
        breaker.record('answered');
        return result;
      } catch (error) {
        breaker.record(outcomeOf(error));
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    { step: 'initialize', priority: 'high', name },
  );
  // Inside the SDK's retry loop (finalizeRequest, below its retry middleware):
  // no attempt starts once the call's deadline has passed, so a caller that
  // was already answered UPSTREAM_UNAVAILABLE costs Cognito nothing more.
  client.middlewareStack.add(
    (next) => async (args) => {
      const signal = deadlines.get(args.input);
      if (signal?.aborted) throw signal.reason;
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'low', name: `${name}-attempts` },
  );
  return () => {
    client.middlewareStack.remove(name);
    client.middlewareStack.remove(`${name}-attempts`);
  };
}

/**
 * The circuit breaker in front of Cognito (src/cognito/pipeline.ts puts it
 * first on every call): it counts upstream failures (network errors,
 * timeouts, 5xx) in a row, and after {@link BREAKER_FAILURE_THRESHOLD} of
 * them opens: calls fail at once, without reaching Cognito, for
 * {@link BREAKER_COOLDOWN_MS}; then one call goes through as a probe
 * (half-open), and when Cognito answers it the circuit closes again.
 *
 * Cognito's answers to a bad call (4xx: unknown user, bad input, throttling)
 * prove it is up: they close the circuit, never open it. A call failed at
 * once ends as UPSTREAM_UNAVAILABLE (src/errors.ts maps {@link CircuitOpenError}).
 */
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

  constructor() {
    super('Cognito keeps failing; calls are paused until a probe succeeds.');
  }
}

/** Classifies what a Cognito call threw. */
export function outcomeOf(error: unknown): Outcome {
  if (codeForCognitoError(error, 'admin') === ErrorCode.UPSTREAM_UNAVAILABLE) return 'failed';
  const status = (error as { $metadata?: { httpStatusCode?: unknown } } | null | undefined)?.$metadata?.httpStatusCode;
  return typeof status === 'number' ? 'answered' : 'unknown';
}

/** The state machine; the pipeline asks it to {@link CircuitBreaker.admit admit} each call and {@link CircuitBreaker.record records} how each ended. */
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

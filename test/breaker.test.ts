/**
 * The circuit breaker's promise, step by step on a clock of the test's own:
 * it opens after N upstream failures in a row, fails calls at once during
 * the cooldown, then lets exactly one probe through, which closes it when
 * Cognito answers (whatever it answers) and opens it again when it fails.
 * (test/faults.test.ts checks the same against real sockets.)
 */
import { describe, expect, it } from 'vitest';
import { CircuitBreaker, CircuitOpenError, outcomeOf, type BreakerState } from '../src/cognito/breaker.js';
import { codeForCognitoError } from '../src/errors.js';

const COOLDOWN_MS = 1_000;
const THRESHOLD = 3;

function breaker() {
  let now = 0;
  const changes: BreakerState[] = [];
  const b = new CircuitBreaker({ failureThreshold: THRESHOLD, cooldownMs: COOLDOWN_MS, now: () => now, onStateChange: (state) => changes.push(state) });
  return { b, changes, advance: (ms: number) => (now += ms) };
}

/** Admits a call and records how it ended. */
const call = (b: CircuitBreaker, outcome: 'answered' | 'failed' | 'unknown') => {
  const admitted = b.admit();
  if (admitted.ok) b.record(outcome);
  return admitted.ok;
};

describe('the circuit breaker', () => {
  it('should open after the threshold of upstream failures in a row, not before', () => {
    const { b, changes } = breaker();
    for (let i = 0; i < THRESHOLD - 1; i++) expect(call(b, 'failed')).toBe(true);
    expect(b.state).toBe('closed');
    expect(call(b, 'failed')).toBe(true);
    expect(b.state).toBe('open');
    expect(changes).toEqual(['open']);
    expect(b.admit()).toEqual({ ok: false, retryAfterMs: COOLDOWN_MS });
  });

  it("should count only failures in a row: Cognito's answer, even an error, starts again from zero", () => {
    const { b } = breaker();
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < THRESHOLD - 1; i++) call(b, 'failed');
      call(b, 'answered');
    }
    expect(b.state).toBe('closed');
    expect(b.failures).toBe(0);
  });

  it('should ignore calls that never reached Cognito', () => {
    const { b } = breaker();
    for (let i = 0; i < 10 * THRESHOLD; i++) call(b, 'unknown');
    expect(b.state).toBe('closed');
    expect(b.failures).toBe(0);
  });

  it('should let exactly one probe through after the cooldown, and close when it gets an answer', () => {
    const { b, changes, advance } = breaker();
    for (let i = 0; i < THRESHOLD; i++) call(b, 'failed');
    advance(COOLDOWN_MS - 1);
    expect(b.admit()).toEqual({ ok: false, retryAfterMs: 1 });
    advance(1);
    expect(b.admit()).toEqual({ ok: true });
    expect(b.state).toBe('half-open');
    // Others wait while the probe is out.
    expect(b.admit().ok).toBe(false);
    b.record('answered');
    expect(b.state).toBe('closed');
    expect(b.admit().ok).toBe(true);
    expect(changes).toEqual(['open', 'half-open', 'closed']);
  });

  it('should open again for a whole cooldown when the probe fails', () => {
    const { b, advance } = breaker();
    for (let i = 0; i < THRESHOLD; i++) call(b, 'failed');
    advance(COOLDOWN_MS);
    expect(b.admit().ok).toBe(true);
    b.record('failed');
    expect(b.state).toBe('open');
    advance(COOLDOWN_MS - 1);
    expect(b.admit().ok).toBe(false);
    advance(1);
    expect(b.admit().ok).toBe(true);
  });

  it('should let the next call probe when the probe never reached Cognito', () => {
    const { b, advance } = breaker();
    for (let i = 0; i < THRESHOLD; i++) call(b, 'failed');
    advance(COOLDOWN_MS);
    expect(b.admit().ok).toBe(true);
    b.record('unknown');
    expect(b.admit().ok).toBe(true);
    expect(b.state).toBe('half-open');
  });
});

describe('what a failed call says about Cognito', () => {
  it.each([
    ['a refused connection', 'failed', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED', $metadata: { attempts: 3 } })],
    ['a timeout', 'failed', Object.assign(new Error('no answer'), { name: 'TimeoutError' })],
    ['a 5xx', 'failed', Object.assign(new Error('Service Unavailable'), { name: 'Unknown', $metadata: { httpStatusCode: 503 } })],
    ['InternalErrorException', 'failed', Object.assign(new Error('oops'), { name: 'InternalErrorException', $metadata: { httpStatusCode: 500 } })],
    ['an unknown user (400)', 'answered', Object.assign(new Error('User does not exist.'), { name: 'UserNotFoundException', $metadata: { httpStatusCode: 400 } })],
    ['throttling (400)', 'answered', Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException', $metadata: { httpStatusCode: 400 } })],
    ['a quota refusal before any call', 'unknown', Object.assign(new Error('Too many requests'), { name: 'GraphQLError', extensions: { code: 'LIMIT_EXCEEDED' } })],
  ] as const)('should count %s as %s', (_label, outcome, error) => {
    expect(outcomeOf(error)).toBe(outcome);
  });

  it('should answer a call failed at once by the open circuit as UPSTREAM_UNAVAILABLE', () => {
    expect(codeForCognitoError(new CircuitOpenError(), 'user')).toBe('UPSTREAM_UNAVAILABLE');
    expect(codeForCognitoError(new CircuitOpenError(), 'admin')).toBe('UPSTREAM_UNAVAILABLE');
  });
});

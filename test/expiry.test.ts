/**
 * Token expiry (src/auth/expiry.ts): what a token opened ends at its expiry.
 * Since issue 15 the sockets and subscriptions whose tokens expire in the
 * same moment share one timer (a Timeout each was about 0.2 KiB of every
 * socket and subscription): each must still fire at its own moment, alone
 * when the others are cancelled, and despite another that throws. Time is
 * vitest's fake clock here; the real timers end real sockets in
 * test/subscriptions.test.ts ("token expiry").
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onTokenExpiry } from '../src/auth/expiry.js';
import type { Caller } from '../src/auth/tokens.js';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const callerExpiringIn = (ms: number) => ({ expiresAt: new Date(NOW + ms) }) as Caller;

describe('onTokenExpiry', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('should call each at its own expiry plus grace, those of the same moment together and none early', () => {
    const fired: string[] = [];
    onTokenExpiry(callerExpiringIn(10_000), () => fired.push('socket A'));
    onTokenExpiry(callerExpiringIn(10_000), () => fired.push('socket B'));
    onTokenExpiry(callerExpiringIn(10_000), () => fired.push('stream A, 1 s grace'), 1_000);
    onTokenExpiry(callerExpiringIn(20_000), () => fired.push('socket C'));
    vi.advanceTimersByTime(9_999);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(['socket A', 'socket B']);
    vi.advanceTimersByTime(1_000);
    expect(fired).toEqual(['socket A', 'socket B', 'stream A, 1 s grace']);
    vi.advanceTimersByTime(9_000);
    expect(fired).toEqual(['socket A', 'socket B', 'stream A, 1 s grace', 'socket C']);
  });

  it('should cancel only the one cancelled, and keep no timer once all of a moment are', () => {
    const fired: string[] = [];
    const cancelA = onTokenExpiry(callerExpiringIn(5_000), () => fired.push('A'));
    const cancelB = onTokenExpiry(callerExpiringIn(5_000), () => fired.push('B'));
    // The same function twice is two calls: cancelling one leaves the other.
    const same = () => fired.push('same');
    const cancelSame = onTokenExpiry(callerExpiringIn(5_000), same);
    onTokenExpiry(callerExpiringIn(5_000), same);
    cancelA();
    cancelSame();
    vi.advanceTimersByTime(5_000);
    expect(fired).toEqual(['B', 'same']);
    cancelB(); // after it fired: harmless
    const cancelLater = onTokenExpiry(callerExpiringIn(8_000), () => fired.push('later'));
    expect(vi.getTimerCount()).toBe(1);
    cancelLater();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10_000);
    expect(fired).toEqual(['B', 'same']);
  });

  it('should call the others of a moment when one throws, then let the error surface', () => {
    const fired: string[] = [];
    onTokenExpiry(callerExpiringIn(1_000), () => {
      throw new Error('one socket failed to close');
    });
    onTokenExpiry(callerExpiringIn(1_000), () => fired.push('the other'));
    expect(() => vi.advanceTimersByTime(1_000)).toThrow('one socket failed to close');
    expect(fired).toEqual(['the other']);
  });

  it('should call one whose token has already expired at once, on a timer of its own', () => {
    const fired: string[] = [];
    onTokenExpiry(callerExpiringIn(-5_000), () => fired.push('expired'));
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(fired).toEqual(['expired']);
  });
});

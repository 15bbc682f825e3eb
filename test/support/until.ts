/**
 * Polling for a condition a test cannot await directly (an event counted, a
 * socket closed): resolves once `check` holds, checking every `everyMs`, or
 * fails after `timeoutMs` naming `what` it waited for.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** Resolves once `check()` holds; rejects with "timed out waiting for <what>" after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5_000, what = 'the condition', everyMs = 25): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

/**
 * A change made through the service, from Cognito's answer to the feed: the
 * one place that orders what a write to a user's attributes means here.
 *
 * 0. **The reads are paid for first**: the quota points of the read-back
 *    calls are taken before the write, so a limit may refuse the change
 *    before it reaches Cognito, never after (a saved change used to be
 *    answered LIMIT_EXCEEDED when its read-back was refused, and never published).
 * 1. **The write** goes to Cognito. When it fails and the user is known (the
 *    signed-in caller), their cached profile is forgotten all the same: a
 *    call that timed out may still have been applied.
 * 2. **Forget**, once per change on this instance: the user's cached profile
 *    (src/cognito/caches.ts) is dropped before anything reads the user back
 *    through it, so the payload reads Cognito (read your writes), and what
 *    it reads stays cached for the next `me`.
 * 3. **Read back**: the user as the caller may see them (the payload) and
 *    as AdminGetUser shows them (the event, which every subscriber's view is
 *    cut from without another call).
 * 4. **Publish** to every subscriber on every instance, after noting the
 *    state it left as the user's snapshot (src/changes/reconcile.ts): while a
 *    change is in flight and once it is published, re-reading the user finds
 *    no outside change in it. The other instances
 *    forget the user's profile when the event reaches them
 *    ({@link forgetProfilesChangedElsewhere}); this one has already.
 */
import type { ProfileCache } from '../cognito/caches.js';
import type { Reservation } from '../cognito/pipeline.js';
import { VERIFIABLE } from '../cognito/attribute-rules.js';
import type { CallSubject } from '../cognito/quotas.js';
import type { UserAttribute, UserRecord } from '../cognito/users.js';
import type { Context } from '../context.js';
import { toEventUser, type ChangeFeed, type ChangeSource } from './feed.js';
import { settlePending, toPendingJson, type SettledPending } from './pending.js';

/** One change to one user's attributes, as {@link applyChange} runs it. */
export interface ChangeSteps<T> {
  /** The user, when known before the write (the signed-in caller): forgotten even if the write fails. */
  user?: { userPoolId: string; sub: string };
  /** Whom the change concerns (for the quota points of the reads), and the Cognito calls `readBack` makes. */
  reads: { subject: CallSubject; commands: readonly string[] };
  /** The Cognito call. What it throws is thrown on, mapped to the contract's codes by the caller. */
  write(): Promise<T>;
  /** Reads the user after the change: `payload` for the caller, `event` (AdminGetUser's view) for the subscribers. */
  readBack(): Promise<{ payload: UserRecord; event: UserRecord }>;
  updated?: readonly UserAttribute[];
  deleted?: readonly string[];
  source: ChangeSource;
}

/** Runs one change in the module's order; resolves with Cognito's answer and the user for the payload. */
export async function applyChange<T>(context: Context, steps: ChangeSteps<T>): Promise<{ output: T; user: UserRecord }> {
  const { reserve, reconciler } = context.services;
  const reservation = await reserve(steps.reads.subject, steps.reads.commands, context.caller ?? undefined);
  // Until it is published, re-reads here do not take this change for an outside one.
  const written = reconciler.beginWrite(steps.reads.subject);
  try {
    return await run(context, steps, reservation);
  } finally {
    written();
  }
}

async function run<T>(context: Context, steps: ChangeSteps<T>, reservation: Reservation): Promise<{ output: T; user: UserRecord }> {
  const { profiles, changes, reconciler } = context.services;
  let output: T;
  try {
    output = await steps.write();
  } catch (error) {
    await reservation.release();
    throw error;
  } finally {
    if (steps.user) profiles.invalidate(steps.user.userPoolId, steps.user.sub);
  }
  let read: Awaited<ReturnType<ChangeSteps<T>['readBack']>>;
  context.prepaid.reservation = reservation;
  try {
    read = await steps.readBack();
  } finally {
    context.prepaid.reservation = null;
    await reservation.release();
  }
  const { payload, event } = read;
  // Read back without the profile cache (AdminGetUser): forgotten now, before the answer.
  if (!steps.user) profiles.invalidate(event.userPoolId, event.sub);
  const settled = await settleAfter(context, event, steps);
  let updated = [...(steps.updated ?? [])];
  if (settled) {
    // A value Cognito keeps waiting was not set; one a code applied was.
    updated = updated.filter((a) => !settled.started.some((c) => c.name === a.name));
    for (const a of settled.applied) if (!updated.some((u) => u.name === a.name)) updated.push(a);
  }
  const change = {
    userPoolId: event.userPoolId,
    username: event.username,
    sub: event.sub,
    user: toEventUser(event),
    updated,
    deleted: [...(steps.deleted ?? [])],
    ...(settled ? { pending: toPendingJson(settled.started), pendingChanges: toPendingJson(settled.pending) } : {}),
    source: steps.source,
    occurredAt: new Date().toISOString(),
  };
  // The state it left is the snapshot a re-read compares with: not an outside change (nor a CloudTrail event of it).
  await reconciler.noteChange(change);
  changes.publish(change);
  return { output, user: settled ? { ...payload, pending: settled.pending } : payload };
}

/**
 * What the change leaves waiting for a code (src/changes/pending.ts),
 * remembered before it is published. Never fails the change Cognito
 * accepted: when the store cannot be read, the change carries no pending
 * state (undefined) and the fields read it again when asked.
 */
async function settleAfter<T>(context: Context, user: UserRecord, steps: ChangeSteps<T>): Promise<SettledPending | undefined> {
  const { pending: store, logger } = context.services;
  const asked = steps.updated ?? [];
  const deleted = steps.deleted ?? [];
  try {
    const before = await store.read(user.userPoolId, user.sub);
    const verifiable = asked.some((a) => VERIFIABLE.has(a.name));
    if (before.length === 0 && !verifiable) return { pending: [], started: [], applied: [], changed: false };
    const keepOriginal = verifiable ? (await context.loaders.pool.load(user.userPoolId)).keepOriginalUntilVerified : [];
    const settled = settlePending(before, { asked, deleted }, user, keepOriginal, new Date());
    if (settled.changed) await store.write(user.userPoolId, user.sub, settled.pending);
    return settled;
  } catch (error) {
    logger.warn({ err: { message: (error as Error)?.message } }, 'pending attribute changes could not be remembered');
    return undefined;
  }
}

/**
 * Forgets, on this instance, the cached profile of each user whose change
 * another instance published (with `REDIS_URL`). Returns a function that stops.
 */
export function forgetProfilesChangedElsewhere(changes: ChangeFeed, profiles: ProfileCache, poolIds: readonly string[]): () => void {
  return changes.watchOthers(poolIds, (event) => profiles.invalidate(event.userPoolId, event.sub));
}

/**
 * Email and phone number changes waiting for their verification code:
 * `User.pendingChanges` and the `PendingAttributeChange` type (the state is
 * src/changes/pending.ts's). With the pool's "keep original attribute value
 * active when an update is pending" setting, `attributes` keeps the original
 * until the code is verified; this is where the new value shows, to the
 * user themselves and to administrators only.
 */
import { builder } from '../builder.js';
import { stillPending, type PendingChange } from '../changes/pending.js';
import type { UserRecord } from '../cognito/users.js';
import { standingTo, type Context } from '../context.js';
import { User } from './user.js';

/** `PendingAttributeChange`: one change waiting for its code. */
export const PendingAttributeChange = builder.objectRef<PendingChange>('PendingAttributeChange').implement({
  description: 'A change to `email` or `phone_number` that takes effect once verified.',
  fields: (t) => ({
    name: t.exposeString('name'),
    value: t.exposeString('value', {
      description: 'The value that takes effect once verified; masked like a code destination when the change was not made through this service.',
    }),
    masked: t.exposeBoolean('masked', { description: 'Whether `value` is the full value (made through this service) or masked.' }),
    requestedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the change was asked for; null when not made through this service.',
      resolve: (c) => c.requestedAt,
    }),
  }),
});

/**
 * The user's pending changes as the caller may see them: none for anyone but
 * the user and administrators, and for the user only what their app client
 * may read (the record is already cut to that: its attributes say).
 */
async function pendingFor(user: UserRecord, context: Context): Promise<readonly PendingChange[]> {
  const standing = await standingTo(context, user);
  if (!standing) return [];
  let list = user.pending;
  if (!list) {
    const stored = await context.services.pending.read(user.userPoolId, user.sub).catch(() => []);
    list = stillPending(stored, user);
  }
  if (standing === 'admin' || list.length === 0) return list;
  const { caller } = context;
  const readable = await context.services.clientAttributes.readable(caller!.userPoolId, caller!.clientId);
  return list.filter((c) => readable === null || readable.has(c.name));
}

builder.objectFields(User, (t) => ({
  pendingChanges: t.field({
    type: [PendingAttributeChange],
    description:
      'Email or phone number changes waiting for their verification code: with the pool\'s "keep original attribute value active until verified" setting, `attributes` keeps the original value until then. The owner and administrators only; empty for anyone else.',
    resolve: (user, _args, context) => pendingFor(user, context),
  }),
}));

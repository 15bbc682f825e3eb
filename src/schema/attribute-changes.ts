/**
 * Live attribute changes: the `AttributeChange` type and the three
 * subscription fields. What each subscriber receives, and how it is shared
 * between them, is src/changes/delivery.ts; what publishes a change is
 * src/changes/publish.ts.
 */
import { builder } from '../builder.js';
import { changeStream, type ChangeView } from '../changes/delivery.js';
import { checkUsername } from '../cognito/attribute-rules.js';
import { allowedPool, type Context } from '../context.js';
import { contractError, ErrorCode } from '../errors.js';
import { PendingAttributeChange } from './pending-changes.js';
import { User, UserAttribute } from './user.js';

const AttributeChangeSource = builder.enumType('AttributeChangeSource', {
  description: 'Who made an attribute change.',
  values: {
    SELF: { description: 'The user, with their own access token.' },
    ADMIN: { description: 'An administrator.' },
    EXTERNAL: { description: 'Someone outside this service (the AWS console, managed login, an app calling Cognito directly), seen by re-reading the user or from CloudTrail.' },
  } as const,
});

const AttributeChange = builder.objectRef<ChangeView>('AttributeChange').implement({
  fields: (t) => ({
    user: t.field({ type: User, description: 'The user after the change, as the subscriber may see it.', resolve: (c) => c.user }),
    updated: t.field({ type: [UserAttribute], description: 'Attributes this change set, with their new values.', resolve: (c) => c.updated }),
    deleted: t.stringList({ description: 'Names of the attributes this change deleted.', resolve: (c) => c.deleted }),
    source: t.field({ type: AttributeChangeSource, resolve: (c) => c.source }),
    occurredAt: t.field({ type: 'DateTime', resolve: (c) => c.occurredAt }),
    cursor: t.string({
      description: "This change's place in the feed: subscribe again with `after: cursor` to receive every later change, none lost, none twice.",
      resolve: (c) => c.cursor,
    }),
    pending: t.field({
      type: [PendingAttributeChange],
      description: 'Email or phone number changes this change left waiting for verification (already in `user.pendingChanges`).',
      resolve: (c) => c.pending,
    }),
  }),
});

/** `after:` checked before the subscription opens: CURSOR_EXPIRED when the feed no longer covers it. */
const resumeFrom = (context: Context, userPoolId: string, after: string | null | undefined) =>
  after === null || after === undefined ? Promise.resolve(undefined) : context.services.changes.checkCursor(userPoolId, after);

const afterArg = {
  description:
    'The `cursor` of the last change received. The subscription first delivers every later change, in order, none twice, then goes on live; CURSOR_EXPIRED when the feed no longer holds them (FEED_RETENTION).',
} as const;

builder.subscriptionFields((t) => ({
  myAttributesChanged: t.field({
    type: AttributeChange,
    description: "Every change to the signed-in user's attributes, whoever made it.",
    authScopes: { authenticated: true },
    args: { after: t.arg.string(afterArg) },
    subscribe: async (_root, { after }, context) => {
      const caller = context.caller!;
      const from = await resumeFrom(context, caller.userPoolId, after);
      const { authority, clientAttributes } = context.services;
      // An administrator sees all of their own attributes; when Cognito cannot say whether they still are one, what their app client may read.
      const admin = await authority.isAdmin(caller).catch(() => false);
      const audience = admin ? 'all' : await clientAttributes.readable(caller.userPoolId, caller.clientId);
      const { changes, reconciler } = context.services;
      return changeStream(context, {
        field: 'myAttributesChanged',
        // Methods: what a stream keeps for its life (see FeedSubscription).
        listen(listener, options) {
          return changes.listenUser(caller.userPoolId, caller.sub, listener, options);
        },
        audience,
        ...(from ? { after: from } : {}),
        watch() {
          return reconciler.watch(caller.userPoolId, caller.username, caller.sub);
        },
      });
    },
    resolve: (view) => view,
  }),
  userAttributesChanged: t.field({
    type: AttributeChange,
    description: "Administrators: every change to one user's attributes.",
    authScopes: { admin: true },
    args: { username: t.arg.string({ required: true }), userPoolId: t.arg.id(), after: t.arg.string(afterArg) },
    subscribe: async (_root, { username, userPoolId, after }, context) => {
      const pool = allowedPool(context, userPoolId);
      checkUsername(username);
      const from = await resumeFrom(context, pool, after);
      const user = await context.loaders.user.load({ userPoolId: pool, username });
      if (!user) throw contractError(ErrorCode.NOT_FOUND, `User "${username}" does not exist in user pool ${pool}.`);
      const { changes, reconciler } = context.services;
      return changeStream(context, {
        field: 'userAttributesChanged',
        listen(listener, options) {
          return changes.listenUser(pool, user.sub, listener, options);
        },
        audience: 'all',
        ...(from ? { after: from } : {}),
        watch() {
          return reconciler.watch(pool, user.username, user.sub);
        },
      });
    },
    resolve: (view) => view,
  }),
  userPoolAttributesChanged: t.field({
    type: AttributeChange,
    description: 'Administrators: every attribute change in a user pool.',
    authScopes: { admin: true },
    args: { userPoolId: t.arg.id(), after: t.arg.string(afterArg) },
    subscribe: async (_root, { userPoolId, after }, context) => {
      const pool = allowedPool(context, userPoolId);
      const from = await resumeFrom(context, pool, after);
      const { changes, reconciler } = context.services;
      return changeStream(context, {
        field: 'userPoolAttributesChanged',
        listen(listener, options) {
          return changes.listenPool(pool, listener, options);
        },
        audience: 'all',
        ...(from ? { after: from } : {}),
        watch() {
          return reconciler.watchPool(pool);
        },
      });
    },
    resolve: (view) => view,
  }),
}));

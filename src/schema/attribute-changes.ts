/**
 * Live attribute changes: the `AttributeChange` type and the three
 * subscription fields. What each subscriber receives, and how it is shared
 * between them, is src/changes/delivery.ts; what publishes a change is
 * src/changes/publish.ts.
 */
import { builder } from '../builder.js';
import { changeStream, type ChangeView } from '../changes/delivery.js';
import { checkUsername } from '../cognito/attribute-rules.js';
import { allowedPool } from '../context.js';
import { contractError, ErrorCode } from '../errors.js';
import { User, UserAttribute } from './user.js';

const AttributeChangeSource = builder.enumType('AttributeChangeSource', {
  description: 'Who made an attribute change.',
  values: {
    SELF: { description: 'The user, with their own access token.' },
    ADMIN: { description: 'An administrator.' },
  } as const,
});

const AttributeChange = builder.objectRef<ChangeView>('AttributeChange').implement({
  fields: (t) => ({
    user: t.field({ type: User, description: 'The user after the change, as the subscriber may see it.', resolve: (c) => c.user }),
    updated: t.field({ type: [UserAttribute], description: 'Attributes this change set, with their new values.', resolve: (c) => c.updated }),
    deleted: t.stringList({ description: 'Names of the attributes this change deleted.', resolve: (c) => c.deleted }),
    source: t.field({ type: AttributeChangeSource, resolve: (c) => c.source }),
    occurredAt: t.field({ type: 'DateTime', resolve: (c) => c.occurredAt }),
  }),
});

builder.subscriptionFields((t) => ({
  myAttributesChanged: t.field({
    type: AttributeChange,
    description: "Every change to the signed-in user's attributes, whoever made it.",
    authScopes: { authenticated: true },
    subscribe: async (_root, _args, context) => {
      const caller = context.caller!;
      const { authority, clientAttributes } = context.services;
      // An administrator sees all of their own attributes; when Cognito cannot say whether they still are one, what their app client may read.
      const admin = await authority.isAdmin(caller).catch(() => false);
      const audience = admin ? 'all' : await clientAttributes.readable(caller.userPoolId, caller.clientId);
      return changeStream(context, 'myAttributesChanged', (listener) => context.services.changes.listenUser(caller.userPoolId, caller.sub, listener), audience);
    },
    resolve: (view) => view,
  }),
  userAttributesChanged: t.field({
    type: AttributeChange,
    description: "Administrators: every change to one user's attributes.",
    authScopes: { admin: true },
    args: { username: t.arg.string({ required: true }), userPoolId: t.arg.id() },
    subscribe: async (_root, { username, userPoolId }, context) => {
      const pool = allowedPool(context, userPoolId);
      checkUsername(username);
      const user = await context.loaders.user.load({ userPoolId: pool, username });
      if (!user) throw contractError(ErrorCode.NOT_FOUND, `User "${username}" does not exist in user pool ${pool}.`);
      return changeStream(context, 'userAttributesChanged', (listener) => context.services.changes.listenUser(pool, user.sub, listener), 'all');
    },
    resolve: (view) => view,
  }),
  userPoolAttributesChanged: t.field({
    type: AttributeChange,
    description: 'Administrators: every attribute change in a user pool.',
    authScopes: { admin: true },
    args: { userPoolId: t.arg.id() },
    subscribe: (_root, { userPoolId }, context) => {
      const pool = allowedPool(context, userPoolId);
      return changeStream(context, 'userPoolAttributesChanged', (listener) => context.services.changes.listenPool(pool, listener), 'all');
    },
    resolve: (view) => view,
  }),
}));

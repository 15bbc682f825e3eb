/**
 * Live attribute changes: the `AttributeChange` type, the three subscription
 * fields, and `publishChange()`, which the mutations call once Cognito has
 * accepted a change. Each subscriber sees a change as a query would show it
 * the user: users only what their app client may read, administrators all.
 */
import { filter, map, pipe } from 'graphql-yoga';
import { builder } from '../builder.js';
import { fromEventUser, toEventUser, untilExpired, type AttributeChangeEvent, type ChangeSource } from '../changes/feed.js';
import type { ReadableAttributes } from '../cognito/clients.js';
import type { UserAttribute as UserAttributeShape, UserRecord } from '../cognito/users.js';
import { allowedPool, type Context } from '../context.js';
import { ErrorCode, fail } from '../errors.js';
import { checkUsername } from '../validation.js';
import { User, UserAttribute } from './user.js';

const AttributeChangeSource = builder.enumType('AttributeChangeSource', {
  description: 'Who made an attribute change.',
  values: {
    SELF: { description: 'The user, with their own access token.' },
    ADMIN: { description: 'An administrator.' },
  } as const,
});

/** A change as one subscriber may see it. */
interface ChangeView {
  user: UserRecord;
  updated: UserAttributeShape[];
  deleted: string[];
  source: ChangeSource;
  occurredAt: Date;
}

const AttributeChange = builder.objectRef<ChangeView>('AttributeChange').implement({
  fields: (t) => ({
    user: t.field({ type: User, description: 'The user after the change, as the subscriber may see it.', resolve: (c) => c.user }),
    updated: t.field({ type: [UserAttribute], description: 'Attributes this change set, with their new values.', resolve: (c) => c.updated }),
    deleted: t.stringList({ description: 'Names of the attributes this change deleted.', resolve: (c) => c.deleted }),
    source: t.field({ type: AttributeChangeSource, resolve: (c) => c.source }),
    occurredAt: t.field({ type: 'DateTime', resolve: (c) => c.occurredAt }),
  }),
});

/** What a change made through the service publishes. */
export interface ChangeInput {
  /** The user after the change, as AdminGetUser shows them. */
  user: UserRecord;
  updated?: readonly UserAttributeShape[];
  deleted?: readonly string[];
  source: ChangeSource;
}

/** Publishes a change Cognito has accepted, to every matching subscriber on every instance. */
export function publishChange(context: Context, change: ChangeInput): void {
  const { user } = change;
  // This instance forgets the user's cached profile now (read-your-writes);
  // the others when the event reaches them (app.ts).
  context.services.profiles.invalidate(user.userPoolId, user.sub);
  context.services.changes.publish({
    userPoolId: user.userPoolId,
    username: user.username,
    sub: user.sub,
    user: toEventUser(user),
    updated: [...(change.updated ?? [])],
    deleted: [...(change.deleted ?? [])],
    source: change.source,
    occurredAt: new Date().toISOString(),
  });
}

/** Developer-only attributes are never shown to users; other names only if the client may read them. */
const visibleTo = (readable: ReadableAttributes) => (name: string) => !name.startsWith('dev:') && (readable === null || readable.has(name));

/**
 * The change as a subscriber sees it: administrators see everything, a user
 * what their app client may read. `null` when nothing the user may see changed.
 */
function viewFor(event: AttributeChangeEvent, readable: ReadableAttributes | 'all'): ChangeView | null {
  const user = fromEventUser(event.user);
  const base = { source: event.source, occurredAt: new Date(event.occurredAt) };
  if (readable === 'all') return { ...base, user, updated: event.updated, deleted: event.deleted };
  const visible = visibleTo(readable);
  const updated = event.updated.filter((a) => visible(a.name));
  const deleted = event.deleted.filter(visible);
  if (updated.length === 0 && deleted.length === 0) return null;
  const { admin: _hidden, ...userView } = user;
  return { ...base, user: { ...userView, attributes: user.attributes.filter((a) => visible(a.name)) }, updated, deleted };
}

/** How much later than the socket a WebSocket subscription's own expiry fires. */
const SOCKET_EXPIRY_GRACE_MS = 1_000;

/**
 * Ends the stream when the subscriber's token expires, maps events to what
 * the subscriber may see, and counts it open under `field` while it lives.
 */
function stream(
  context: Context,
  field: string,
  source: AsyncIterable<AttributeChangeEvent>,
  readable: ReadableAttributes | 'all',
): AsyncIterable<ChangeView> {
  const caller = context.caller;
  if (!caller) throw fail(ErrorCode.UNAUTHENTICATED, 'Sign in: send "Authorization: Bearer <access token>".');
  // On a WebSocket the socket's own timer ends everything with 4403 at expiry;
  // the stream's timer is the backstop, so it must not beat the socket's.
  const expiresAt = new Date(caller.expiresAt.getTime() + (context.viaSocket ? SOCKET_EXPIRY_GRACE_MS : 0));
  const expiring = untilExpired(source, {
    expiresAt,
    error: () => fail(ErrorCode.UNAUTHENTICATED, 'The access token expired; subscribe again with a fresh one.'),
    signal: context.services.shutdown,
  });
  const views = pipe(
    expiring,
    map((event: AttributeChangeEvent) => viewFor(event, readable)),
    filter((view: ChangeView | null): view is ChangeView => view !== null),
  );
  return context.services.metrics.trackSubscription(field, views);
}

builder.subscriptionFields((t) => ({
  myAttributesChanged: t.field({
    type: AttributeChange,
    description: "Every change to the signed-in user's attributes, whoever made it.",
    authScopes: { authenticated: true },
    subscribe: async (_root, _args, context) => {
      const caller = context.caller!;
      const readable = caller.isAdmin ? 'all' : await context.services.clientAttributes.readable(caller.userPoolId, caller.clientId);
      return stream(context, 'myAttributesChanged', context.services.changes.subscribeUser(caller.userPoolId, caller.sub), readable);
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
      if (!user) throw fail(ErrorCode.NOT_FOUND, `User "${username}" does not exist in user pool ${pool}.`);
      return stream(context, 'userAttributesChanged', context.services.changes.subscribeUser(pool, user.sub), 'all');
    },
    resolve: (view) => view,
  }),
  userPoolAttributesChanged: t.field({
    type: AttributeChange,
    description: 'Administrators: every attribute change in a user pool.',
    authScopes: { admin: true },
    args: { userPoolId: t.arg.id() },
    subscribe: (_root, { userPoolId }, context) =>
      stream(context, 'userPoolAttributesChanged', context.services.changes.subscribePool(allowedPool(context, userPoolId)), 'all'),
    resolve: (view) => view,
  }),
}));

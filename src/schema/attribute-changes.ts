/**
 * Live attribute changes: the `AttributeChange` type, the three subscription
 * fields, and `publishChange()`, which the mutations call once Cognito has
 * accepted a change. Each subscriber sees a change as a query would show it
 * the user: users only what their app client may read, administrators all.
 */
import { Repeater } from 'graphql-yoga';
import { builder } from '../builder.js';
import { fromEventUser, toEventUser, type AttributeChangeEvent, type ChangeListener, type ChangeSource } from '../changes/feed.js';
import type { ReadableAttributes } from '../cognito/app-clients.js';
import type { UserAttribute as UserAttributeShape, UserRecord } from '../cognito/users.js';
import { allowedPool, type Context } from '../context.js';
import { ErrorCode, contractError } from '../errors.js';
import { checkUsername } from '../cognito/attribute-rules.js';
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

/**
 * Each change as each audience sees it, made once per (change, audience)
 * however many subscribers share them: every listener of a topic receives
 * the same event object, and the views are read-only.
 */
const sharedViews = new WeakMap<AttributeChangeEvent, Map<ReadableAttributes | 'all', ChangeView | null>>();

function sharedView(event: AttributeChangeEvent, readable: ReadableAttributes | 'all'): ChangeView | null {
  let byAudience = sharedViews.get(event);
  if (!byAudience) {
    byAudience = new Map();
    sharedViews.set(event, byAudience);
  }
  let view = byAudience.get(readable);
  if (view === undefined) {
    view = viewFor(event, readable);
    byAudience.set(readable, view);
  }
  return view;
}

/** How much later than the socket a WebSocket subscription's own expiry fires. */
const SOCKET_EXPIRY_GRACE_MS = 1_000;

/** The longest delay `setTimeout` takes (about 24.8 days). */
const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * A subscription's events: what `listen` delivers, as the subscriber may see
 * it, until the token expires (then UNAUTHENTICATED), the service stops (it
 * completes) or the client unsubscribes; counted open under `field` meanwhile.
 * One Repeater per subscriber, fed straight by the feed's listener: no chain
 * of iterators per event.
 */
function stream(
  context: Context,
  field: string,
  listen: (listener: ChangeListener) => () => void,
  readable: ReadableAttributes | 'all',
): AsyncIterable<ChangeView> {
  const caller = context.caller;
  if (!caller) throw contractError(ErrorCode.UNAUTHENTICATED, 'Sign in: send "Authorization: Bearer <access token>".');
  // On a WebSocket the socket's own timer ends everything with 4403 at expiry;
  // the stream's timer is the backstop, so it must not beat the socket's.
  const expiresAt = caller.expiresAt.getTime() + (context.viaSocket ? SOCKET_EXPIRY_GRACE_MS : 0);
  const { metrics, shutdown } = context.services;
  // Lazy: a subscription whose stream is never read was never open.
  return new Repeater<ChangeView>(async (push, stop) => {
    const closed = metrics.subscriptionOpened(field);
    const unlisten = listen((event) => {
      const view = sharedView(event, readable);
      if (!view) return;
      try {
        void push(view).catch(() => undefined);
      } catch {
        // More than Repeater's 1,024 events waiting for this subscriber: it cannot keep up.
        stop(contractError(ErrorCode.LIMIT_EXCEEDED, 'This subscription fell too far behind its events; subscribe again.'));
      }
    });
    const timer = setTimeout(
      () => stop(contractError(ErrorCode.UNAUTHENTICATED, 'The access token expired; subscribe again with a fresh one.')),
      Math.min(Math.max(0, expiresAt - Date.now()), MAX_TIMEOUT_MS),
    );
    const onShutdown = () => stop();
    shutdown.addEventListener('abort', onShutdown, { once: true });
    if (shutdown.aborted) stop();
    try {
      await stop;
    } finally {
      unlisten();
      clearTimeout(timer);
      shutdown.removeEventListener('abort', onShutdown);
      closed();
    }
  });
}

builder.subscriptionFields((t) => ({
  myAttributesChanged: t.field({
    type: AttributeChange,
    description: "Every change to the signed-in user's attributes, whoever made it.",
    authScopes: { authenticated: true },
    subscribe: async (_root, _args, context) => {
      const caller = context.caller!;
      const readable = caller.isAdmin ? 'all' : await context.services.clientAttributes.readable(caller.userPoolId, caller.clientId);
      return stream(context, 'myAttributesChanged', (listener) => context.services.changes.listenUser(caller.userPoolId, caller.sub, listener), readable);
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
      return stream(context, 'userAttributesChanged', (listener) => context.services.changes.listenUser(pool, user.sub, listener), 'all');
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
      return stream(context, 'userPoolAttributesChanged', (listener) => context.services.changes.listenPool(pool, listener), 'all');
    },
    resolve: (view) => view,
  }),
}));

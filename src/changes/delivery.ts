/**
 * How a change reaches each subscriber, with as little work per subscriber
 * as the rules allow:
 *
 * 1. **One view per change and audience.** Every listener of a topic gets
 *    the same event object from the feed (src/changes/feed.ts). Each
 *    subscriber sees it as a query would show it the user: administrators
 *    everything, a user what their app client may read (never a `dev:`
 *    attribute). {@link viewOf} makes that view once per (event, audience)
 *    and hands every subscriber of the audience the same read-only object.
 * 2. **One execution per view and document.** Because views are shared
 *    objects, {@link useSharedSubscriptionExecution} executes a
 *    subscription's selection once per (view, document, operation name,
 *    variables, administrator or not) and gives the result to every
 *    subscriber with that key: only the caller's being an administrator
 *    changes what a selection answers for the same view (the `admin` scope;
 *    every subscriber is signed in). Results live as long as their view (a
 *    WeakMap on it).
 * 3. **One Repeater per subscriber** ({@link changeStream}), fed straight by
 *    the feed's listener, until the client leaves, the service stops, the
 *    token expires (src/auth/expiry.ts), or Cognito says the caller lost
 *    the authority it stands on (src/auth/authority.ts); at most
 *    MAX_SUBSCRIPTIONS_PER_USER of them for one user on an instance.
 */
import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { isAsyncIterable, mapAsyncIterator, Repeater, type Plugin } from 'graphql-yoga';
import { signInRequired } from '../auth/tokens.js';
import { onTokenExpiry, SOCKET_EXPIRY_GRACE_MS } from '../auth/expiry.js';
import type { ReadableAttributes } from '../cognito/app-clients.js';
import type { UserAttribute, UserRecord } from '../cognito/users.js';
import type { Context } from '../context.js';
import { contractError, ErrorCode } from '../errors.js';
import type { Cursor } from './cursor.js';
import { fromPendingJson, type PendingChange } from './pending.js';
import { fromEventUser, type ChangeListener, type ChangeSource, type FeedEntry, type ListenOptions } from './feed.js';

/** A change as one subscriber may see it: what the `AttributeChange` type resolves from. */
export interface ChangeView {
  user: UserRecord;
  updated: UserAttribute[];
  deleted: string[];
  source: ChangeSource;
  occurredAt: Date;
  /** Where a subscriber resumes after this change (`after:`). */
  cursor: string;
  /** The email or phone changes this one left waiting for a code. */
  pending: PendingChange[];
}

/** Who sees a change: administrators all of it, a user what their app client may read. */
export type Audience = ReadableAttributes | 'all';

/** Developer-only attributes are never shown to users; other names only if the client may read them. */
const visibleTo = (readable: ReadableAttributes) => (name: string) => !name.startsWith('dev:') && (readable === null || readable.has(name));

/** The change as `audience` sees it; `null` when nothing it may see changed. */
function cutView(entry: FeedEntry, audience: Audience): ChangeView | null {
  const { event } = entry;
  const user: UserRecord = fromEventUser(event.user);
  // Known when the change was made through the service; else User.pendingChanges reads it when asked.
  if (event.pendingChanges) user.pending = fromPendingJson(event.pendingChanges);
  const pending = fromPendingJson(event.pending);
  const base = { source: event.source, occurredAt: new Date(event.occurredAt), cursor: entry.cursor };
  if (audience === 'all') return { ...base, user, updated: event.updated, deleted: event.deleted, pending };
  const visible = visibleTo(audience);
  const updated = event.updated.filter((a) => visible(a.name));
  const deleted = event.deleted.filter(visible);
  const visiblePending = pending.filter((c) => visible(c.name));
  if (updated.length === 0 && deleted.length === 0 && visiblePending.length === 0) return null;
  const { admin: _hidden, ...userView } = user;
  return {
    ...base,
    user: {
      ...userView,
      attributes: user.attributes.filter((a) => visible(a.name)),
      ...(user.pending ? { pending: user.pending.filter((c) => visible(c.name)) } : {}),
    },
    updated,
    deleted,
    pending: visiblePending,
  };
}

/** entry → audience → its view (`null`: nothing for that audience). */
const views = new WeakMap<FeedEntry, Map<Audience, ChangeView | null>>();

/** The view of `entry` for `audience`, made once and shared: treat it as read-only. */
function viewOf(entry: FeedEntry, audience: Audience): ChangeView | null {
  let byAudience = views.get(entry);
  if (!byAudience) {
    byAudience = new Map();
    views.set(entry, byAudience);
  }
  let view = byAudience.get(audience);
  if (view === undefined) {
    view = cutView(entry, audience);
    byAudience.set(audience, view);
  }
  return view;
}

/**
 * What one subscription follows. Kept for the subscription's life, like the
 * closures of {@link changeStream}: give it methods, not arrow-valued
 * properties, and name no closure of a stream's with `const f = () => …`.
 * Under tsx (esbuild's `keepNames`) each such closure is renamed with
 * `Object.defineProperty`, which gives it a 256-byte property dictionary of
 * its own (18 such closures were 4.5 KiB of each WebSocket subscriber).
 */
export interface FeedSubscription {
  /** The subscription field (for the open-subscriptions metric). */
  field: string;
  /** Attaches the listener to its topic of the feed; returns what detaches it. */
  listen: (listener: ChangeListener, options: ListenOptions) => () => void;
  audience: Audience;
  /** Resume after this cursor (checked by the feed already). */
  after?: Cursor;
  /** Starts looking for outside changes of what it follows (src/changes/reconcile.ts); returns what stops. */
  watch?: () => () => void;
}

/**
 * A subscription's events: what `listen` delivers, as `audience` may see
 * it, until the token expires or Cognito says the user is disabled, gone or
 * signed out (then UNAUTHENTICATED), the caller is no longer the
 * administrator the audience `'all'` stands on (FORBIDDEN), the service
 * stops (it completes) or the client unsubscribes; counted open under
 * `field` meanwhile. With `after` (a cursor the feed has checked), it first
 * delivers every later change the audience may see, then goes on live.
 * Lazy: a stream that is never read was never open.
 */
export function changeStream(context: Context, feed: FeedSubscription): AsyncIterable<ChangeView> {
  const { field, listen, audience, after, watch } = feed;
  const { caller } = context;
  if (!caller) throw signInRequired();
  const { metrics, shutdown, subscriptions, maxQueuedEvents } = context.services;
  return new Repeater<ChangeView>(async (push, stop) => {
    // One user's subscriptions on this instance, over every socket and SSE stream, are bounded.
    const release = subscriptions.take(caller);
    if (!release) {
      stop(contractError(ErrorCode.LIMIT_EXCEEDED, `At most ${subscriptions.max} subscriptions at once for one user (MAX_SUBSCRIPTIONS_PER_USER).`));
      return;
    }
    const closed = metrics.subscriptionOpened(field);
    const unwatch = watch?.() ?? (() => {});
    // Events handed over and not yet taken by this subscriber (its transport
    // waits for the client to read): past MAX_QUEUED_EVENTS it cannot keep up.
    const queue = {
      queued: 0,
      taken() {
        queue.queued -= 1;
      },
    };
    const unlisten = listen(
      (entry) => {
        const view = viewOf(entry, audience);
        if (!view) return undefined;
        if (queue.queued >= maxQueuedEvents) {
          stop(contractError(ErrorCode.LIMIT_EXCEEDED, `This subscription fell more than ${maxQueuedEvents} events behind (MAX_QUEUED_EVENTS); subscribe again.`));
          return undefined;
        }
        queue.queued += 1;
        const pushed = push(view);
        pushed.then(queue.taken, queue.taken);
        // A replay waits for each change to be taken before the next.
        return pushed;
      },
      {
        ...(after ? { after } : {}),
        onError(error) {
          stop(error);
        },
      },
    );
    // On a WebSocket the socket's own timer ends everything with 4403 first.
    const cancelExpiry = onTokenExpiry(
      caller,
      () => stop(contractError(ErrorCode.UNAUTHENTICATED, 'The access token expired; subscribe again with a fresh one.')),
      context.viaSocket ? SOCKET_EXPIRY_GRACE_MS : 0,
    );
    // Re-asked every AUTH_RECHECK_MS: authority taken away in Cognito ends what
    // it opened. Nothing more is delivered from that moment; on a WebSocket the
    // socket's own check closes it with 4403 first, as at expiry.
    let ending: ReturnType<typeof setTimeout> | undefined;
    const stopWatching = context.services.rechecks.watch(caller, audience === 'all', (lost) => {
      if (lost === 'admin') {
        stop(contractError(ErrorCode.FORBIDDEN, 'You are no longer an administrator; subscribe again.'));
        return;
      }
      unlisten();
      ending = setTimeout(
        () => stop(contractError(ErrorCode.UNAUTHENTICATED, 'Cognito no longer accepts this sign-in (the user was disabled or signed out); sign in again.')),
        context.viaSocket ? SOCKET_EXPIRY_GRACE_MS : 0,
      );
    });
    const stopListening = shutdown.onStop(() => stop());
    try {
      await stop;
    } finally {
      unlisten();
      unwatch();
      cancelExpiry();
      stopWatching();
      clearTimeout(ending);
      stopListening();
      closed();
      release();
    }
  });
}

type Result = ExecutionResult | Promise<ExecutionResult>;

/** The envelop/Yoga plugin that executes each view once per document and key; see the module's documentation. */
export function useSharedSubscriptionExecution(options: { onExecute?: () => void } = {}): Plugin<Context> {
  /** view → document → key → result */
  const results = new WeakMap<object, WeakMap<DocumentNode, Map<string, Result>>>();
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(async (args: ExecutionArgs) => {
        const source = await createSourceEventStream(args);
        if (!isAsyncIterable(source)) return source;
        const context = args.contextValue as Context | undefined;
        const key = `${context?.caller?.isAdmin ? 'admin' : 'user'}\u0000${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`;
        return mapAsyncIterator(source, (view: unknown) => {
          if (typeof view !== 'object' || view === null) {
            options.onExecute?.();
            return execute({ ...args, rootValue: view });
          }
          let byDocument = results.get(view);
          if (!byDocument) {
            byDocument = new WeakMap();
            results.set(view, byDocument);
          }
          let byKey = byDocument.get(args.document);
          if (!byKey) {
            byKey = new Map();
            byDocument.set(args.document, byKey);
          }
          let result = byKey.get(key);
          if (!result) {
            options.onExecute?.();
            result = execute({ ...args, rootValue: view });
            byKey.set(key, result);
          }
          return result;
        });
      });
    },
  };
}

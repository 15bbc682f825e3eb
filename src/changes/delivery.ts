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
 * 3. **One stream per subscriber** ({@link changeStream}), fed straight by
 *    the feed's listener, until the client leaves, the service stops, the
 *    token expires (src/auth/expiry.ts), or Cognito says the caller lost
 *    the authority it stands on (src/auth/authority.ts); at most
 *    MAX_SUBSCRIPTIONS_PER_USER of them for one user on an instance.
 */
import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
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
export function changeStream(context: Context, feed: FeedSubscription): AsyncIterableIterator<ChangeView> {
  if (!context.caller) throw signInRequired();
  return new ChangeStream(context, feed);
}

/** What `next` answers once a stream has ended. */
const DONE: IteratorReturnResult<undefined> = Object.freeze({ value: undefined, done: true });

/** A stream not yet read, reading, stopped (what was pushed is still delivered), done. */
const enum StreamState {
  Initial,
  Started,
  Stopped,
  Done,
}

/** A promise and what settles it (Promise.withResolvers, which the compile target lacks). */
interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T | PromiseLike<T>) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T | PromiseLike<T>) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** Makes what a stream delivers of each view ({@link ChangeStream.mapWith}); an object, not a closure (see FeedSubscription). */
interface ViewMapper {
  map(view: ChangeView): unknown;
}

/** A view pushed and not yet delivered, and what tells its pusher it was taken. */
interface Queued {
  view: ChangeView;
  taken: () => void;
}

/**
 * One subscriber's stream ({@link changeStream}): what a Repeater did for it,
 * in one object. A Repeater, its suspended executor, its stop promise and
 * their closures were about 2 KiB of every open subscription for its life.
 * The same order of things: a pushed view is delivered even when the stream
 * stops after it (the error, if any, comes after the views); what was opened
 * is let go a microtask after the stop, before the consumer sees the end; a
 * push settles when the consumer asks for the value after it (the pace a
 * replay keeps), or when the stream stops.
 */
class ChangeStream implements AsyncIterableIterator<ChangeView> {
  #context: Context | undefined;
  #feed: FeedSubscription | undefined;
  #audience: Audience;
  /** What is delivered of each view instead of the view ({@link ChangeStream.mapWith}). */
  #mapper: ViewMapper | undefined;
  #state = StreamState.Initial;
  /** What ends the stream, thrown to the consumer after the views pushed before it. */
  #error: unknown;
  /** Views pushed and not yet delivered (none most of the time). */
  #queue: Queued[] | undefined;
  /** Pushed, and not yet taken by the consumer coming back: past MAX_QUEUED_EVENTS it cannot keep up. */
  #queued = 0;
  /** The `taken` of the view delivered last: called when the consumer asks for the next. */
  #delivered: (() => void) | undefined;
  /** The consumer's `next` waiting for a view. */
  #waiting: Deferred<IteratorResult<ChangeView>> | undefined;
  /** Settles once what the stream opened is let go. */
  #released: Promise<void> | undefined;
  // What the stream opened, let go when it stops.
  #release: (() => void) | undefined;
  #closed: (() => void) | undefined;
  #unwatch: (() => void) | undefined;
  #unlisten: (() => void) | undefined;
  #cancelExpiry: (() => void) | undefined;
  #stopWatching: (() => void) | undefined;
  #ending: ReturnType<typeof setTimeout> | undefined;
  #stopListening: (() => void) | undefined;

  constructor(context: Context, feed: FeedSubscription) {
    this.#context = context;
    this.#feed = feed;
    this.#audience = feed.audience;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /**
   * Delivers what `mapper` makes of each view instead of the view, as
   * mapAsyncIterator would (a mapper that fails ends the stream, and its
   * error is thrown): one wrapper less, whose closures and promises every
   * subscriber kept (~0.4 KiB).
   */
  mapWith(mapper: ViewMapper): AsyncIterableIterator<unknown> {
    this.#mapper = mapper;
    return this as AsyncIterableIterator<unknown>;
  }

  /** The iteration delivering `view`. */
  #result(view: ChangeView): Promise<IteratorResult<ChangeView>> {
    const mapper = this.#mapper;
    if (!mapper) return Promise.resolve({ value: view, done: false });
    return new Promise<unknown>((resolve) => resolve(mapper.map(view))).then(
      (value) => ({ value: value as ChangeView, done: false }),
      (error: unknown) =>
        this.return().then(
          () => Promise.reject(error),
          () => Promise.reject(error),
        ),
    );
  }

  next(): Promise<IteratorResult<ChangeView>> {
    if (this.#state === StreamState.Initial) this.#start();
    this.#takenLast();
    const queued = this.#queue?.shift();
    if (queued) {
      this.#delivered = queued.taken;
      return this.#result(queued.view);
    }
    if (this.#state >= StreamState.Stopped) return this.#finish();
    // One `next` at a time waits here; another waits for it, then asks again.
    if (this.#waiting) return this.#waiting.promise.then(() => this.next());
    this.#waiting = deferred();
    return this.#waiting.promise;
  }

  return(): Promise<IteratorResult<ChangeView>> {
    if (this.#state === StreamState.Initial) {
      this.#state = StreamState.Done;
      return Promise.resolve(DONE);
    }
    this.#stop();
    // What was not delivered never will be.
    this.#queue = undefined;
    this.#error = undefined;
    return this.#finish();
  }

  throw(error?: unknown): Promise<IteratorResult<ChangeView>> {
    if (this.#state === StreamState.Initial) this.#state = StreamState.Done;
    this.#stop(error);
    this.#queue = undefined;
    return this.#finish();
  }

  /** Opens the stream: what the first `next` does. */
  #start(): void {
    this.#state = StreamState.Started;
    const context = this.#context!;
    const { field, listen, after, watch } = this.#feed!;
    // Kept no longer than needed: the feed's closures (and what they hold) go once listening.
    this.#context = undefined;
    this.#feed = undefined;
    const caller = context.caller!;
    const { metrics, shutdown, subscriptions, maxQueuedEvents, rechecks } = context.services;
    try {
      // One user's subscriptions on this instance, over every socket and SSE stream, are bounded.
      this.#release = subscriptions.take(caller) ?? undefined;
      if (!this.#release) {
        this.#stop(contractError(ErrorCode.LIMIT_EXCEEDED, `At most ${subscriptions.max} subscriptions at once for one user (MAX_SUBSCRIPTIONS_PER_USER).`));
        return;
      }
      this.#closed = metrics.subscriptionOpened(field);
      this.#unwatch = watch?.();
      const stream = this;
      this.#unlisten = listen((entry) => this.#push(entry, maxQueuedEvents), {
        ...(after ? { after } : {}),
        // A method: what a stream keeps for its life (see FeedSubscription).
        onError(error) {
          stream.#stop(error);
        },
      });
      // On a WebSocket the socket's own timer ends everything with 4403 first.
      this.#cancelExpiry = onTokenExpiry(
        caller,
        () => this.#stop(contractError(ErrorCode.UNAUTHENTICATED, 'The access token expired; subscribe again with a fresh one.')),
        context.viaSocket ? SOCKET_EXPIRY_GRACE_MS : 0,
      );
      // Re-asked every AUTH_RECHECK_MS: authority taken away in Cognito ends what
      // it opened. Nothing more is delivered from that moment; on a WebSocket the
      // socket's own check closes it with 4403 first, as at expiry.
      const graceMs = context.viaSocket ? SOCKET_EXPIRY_GRACE_MS : 0;
      this.#stopWatching = rechecks.watch(caller, this.#audience === 'all', (lost) => {
        if (lost === 'admin') {
          this.#stop(contractError(ErrorCode.FORBIDDEN, 'You are no longer an administrator; subscribe again.'));
          return;
        }
        this.#unlisten?.();
        this.#ending = setTimeout(
          () => this.#stop(contractError(ErrorCode.UNAUTHENTICATED, 'Cognito no longer accepts this sign-in (the user was disabled or signed out); sign in again.')),
          graceMs,
        );
      });
      this.#stopListening = shutdown.onStop(() => this.#stop());
    } catch (error) {
      this.#stop(error);
    }
  }

  /** The feed's listener: the entry as the audience sees it, queued for the consumer. */
  #push(entry: FeedEntry, maxQueuedEvents: number): Promise<void> | undefined {
    if (this.#state >= StreamState.Stopped) return undefined;
    const view = viewOf(entry, this.#audience);
    if (!view) return undefined;
    if (this.#queued >= maxQueuedEvents) {
      this.#stop(contractError(ErrorCode.LIMIT_EXCEEDED, `This subscription fell more than ${maxQueuedEvents} events behind (MAX_QUEUED_EVENTS); subscribe again.`));
      return undefined;
    }
    this.#queued += 1;
    const { promise, resolve } = deferred<void>();
    let settled = false;
    const taken = () => {
      if (settled) return;
      settled = true;
      this.#queued -= 1;
      resolve();
    };
    const waiting = this.#waiting;
    if (waiting) {
      this.#waiting = undefined;
      this.#delivered = taken;
      waiting.resolve(this.#result(view));
    } else {
      (this.#queue ??= []).push({ view, taken });
    }
    // A replay waits for each change to be taken before the next.
    return promise;
  }

  /** The consumer is back for more: the view delivered last was taken. */
  #takenLast(): void {
    const taken = this.#delivered;
    this.#delivered = undefined;
    taken?.();
  }

  /** Stops the stream (`error`, if any, thrown to the consumer after the views already pushed); what it opened is let go a microtask later. */
  #stop(error?: unknown): void {
    if (this.#state >= StreamState.Stopped) return;
    const started = this.#state === StreamState.Started;
    this.#state = StreamState.Stopped;
    if (error !== undefined && this.#error === undefined) this.#error = error;
    this.#takenLast();
    for (const queued of this.#queue ?? []) queued.taken();
    if (started) this.#released = Promise.resolve().then(() => this.#letGo());
    if (!this.#queue?.length && this.#waiting) {
      const waiting = this.#waiting;
      this.#waiting = undefined;
      this.#finish().then(waiting.resolve, waiting.reject);
    }
  }

  /** The end, once what the stream opened is let go: its error (once), then done. */
  #finish(): Promise<IteratorResult<ChangeView>> {
    this.#state = StreamState.Done;
    this.#queue = undefined;
    const waiting = this.#waiting;
    this.#waiting = undefined;
    const end = (this.#released ?? Promise.resolve()).then(() => {
      const error = this.#error;
      this.#error = undefined;
      if (error !== undefined) throw error;
      return DONE;
    });
    if (waiting) end.then(waiting.resolve, () => waiting.resolve(DONE));
    return end;
  }

  /** Lets go of everything the stream opened. */
  #letGo(): void {
    this.#unlisten?.();
    this.#unwatch?.();
    this.#cancelExpiry?.();
    this.#stopWatching?.();
    clearTimeout(this.#ending);
    this.#stopListening?.();
    this.#closed?.();
    this.#release?.();
    this.#unlisten = this.#unwatch = this.#cancelExpiry = this.#stopWatching = this.#stopListening = this.#closed = this.#release = undefined;
    this.#ending = undefined;
  }
}

type Result = ExecutionResult | Promise<ExecutionResult>;

/** view → document → key → result */
type SharedResults = WeakMap<object, WeakMap<DocumentNode, Map<string, Result>>>;

/**
 * One subscription's executions ({@link useSharedSubscriptionExecution}):
 * the result of its document for each view, made once per key and shared.
 * Its key is made at its first event: most subscribers never receive one,
 * and the key (a rope of five strings) was kept for each subscription's life.
 */
class SharedExecution implements ViewMapper {
  #key: string | undefined;

  constructor(
    private readonly args: ExecutionArgs,
    private readonly results: SharedResults,
    private readonly onExecute: (() => void) | undefined,
  ) {}

  map(view: unknown): Result {
    const { args, results } = this;
    if (typeof view !== 'object' || view === null) {
      this.onExecute?.();
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
    const context = args.contextValue as Context | undefined;
    const key = (this.#key ??= `${context?.caller?.isAdmin ? 'admin' : 'user'}\u0000${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`);
    let result = byKey.get(key);
    if (!result) {
      this.onExecute?.();
      result = execute({ ...args, rootValue: view });
      byKey.set(key, result);
    }
    return result;
  }
}

/** The envelop/Yoga plugin that executes each view once per document and key; see the module's documentation. */
export function useSharedSubscriptionExecution(options: { onExecute?: () => void } = {}): Plugin<Context> {
  const results: SharedResults = new WeakMap();
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(async (args: ExecutionArgs) => {
        const source = await createSourceEventStream(args);
        if (!isAsyncIterable(source)) return source;
        const shared = new SharedExecution(args, results, options.onExecute);
        // The stream maps its views itself: one async iterator wrapper less per subscriber.
        if (source instanceof ChangeStream) return source.mapWith(shared);
        return mapAsyncIterator(source, (view: unknown) => shared.map(view));
      });
    },
  };
}

/**
 * Subscription clients over REAL sockets to a service listening on a real
 * port (`await service.app.start()`, then `service.app.url`):
 *
 * - {@link wsSubscribe}: graphql-ws's own `createClient` (protocol
 *   `graphql-transport-ws`) on a `ws` WebSocket, one socket per subscriber,
 *   the token in `connectionParams.authorization`.
 * - {@link sseSubscribe}: Yoga's GraphQL over SSE, a `fetch` POST with
 *   `accept: text/event-stream` and the Authorization header, its
 *   `event:` / `data:` lines parsed here.
 *
 * Both return a {@link Subscriber}: everything the server sent, in order, as
 * {@link SubscriptionEvent}s, with promise-returning readers that time out
 * instead of hanging a test. {@link watchFeed} tells when subscriptions are
 * actually listening, so a test can make a change without sleeping first.
 *
 * @example
 * const feed = watchFeed(service.app);
 * const sub = wsSubscribe(service.app.url, bobToken, 'subscription { myAttributesChanged { source } }');
 * await feed.untilListening(1);
 * await service.request(...);               // a change of bob
 * const { data } = await sub.next();        // its event
 * await sub.dispose();
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { App } from '../../src/app.js';
import type { ChangeFeed } from '../../src/changes/feed.js';

/** A result as it came over the wire (JSON): `data` and/or `errors`. */
export interface WireResult<TData> {
  data?: TData | null;
  errors?: GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

/** One thing a subscription received, in the order it arrived. */
export type SubscriptionEvent<TData> =
  /** A result: graphql-ws `next` message, SSE `event: next` (an error payload such as UNAUTHENTICATED is a `next` with `errors`). */
  | { kind: 'next'; result: WireResult<TData> }
  /** graphql-ws `error` message (the operation failed and is over), or a non-GraphQL failure of the client. */
  | { kind: 'error'; errors: GraphQLFormattedError[] }
  /** graphql-ws `complete` message, SSE `event: complete`. */
  | { kind: 'complete' }
  /** The transport ended: the WebSocket closed (`code`), or the SSE response body ended (`code: null`). */
  | { kind: 'closed'; code: number | null; reason: string };

/** Who the subscriber is: a bearer token, a raw Authorization value, or nobody. */
export type SubscriberAuth = string | { authorization: string } | null | undefined;

/** A live subscription and everything it has received so far. */
export interface Subscriber<TData> {
  readonly transport: 'ws' | 'sse';
  /** Every event received so far, in order (read or not). */
  readonly events: readonly SubscriptionEvent<TData>[];
  /** Events not yet returned by {@link take}, {@link next} or {@link nextError}. */
  pending(): readonly SubscriptionEvent<TData>[];
  /** The next unread event of any kind; rejects after `timeoutMs` (default 5 s). */
  take(timeoutMs?: number): Promise<SubscriptionEvent<TData>>;
  /**
   * The next unread event, which must be a `next` result (with data, errors or
   * both); rejects with a description of what came instead, or after `timeoutMs`.
   */
  next(timeoutMs?: number): Promise<WireResult<TData>>;
  /**
   * The GraphQL errors of the next unread event that carries any: a `next`
   * with `errors` or a graphql-ws `error` message. Events before it without
   * errors are skipped (and stay in {@link events}). Rejects if the
   * subscription ends first, or after `timeoutMs`.
   */
  nextError(timeoutMs?: number): Promise<GraphQLFormattedError[]>;
  /**
   * Resolves when the transport has ended: the WebSocket's close code, or
   * `null` when the SSE body ended. Does not consume events.
   */
  closed(timeoutMs?: number): Promise<{ code: number | null; reason: string }>;
  /** For SSE: the HTTP status and content type of the response, once it started. */
  readonly response?: { status: number; contentType: string | null };
  /** Unsubscribes and closes the socket or the request. Safe to call twice. */
  dispose(): Promise<void>;
}

/** A subscription document: a typed document or a plain string. */
export type SubscriptionDocument<TData, TVars> = TypedDocumentNode<TData, TVars> | string;

const DEFAULT_TIMEOUT_MS = 5_000;

/** The shared event queue behind both transports. */
class EventLog<TData> {
  readonly events: SubscriptionEvent<TData>[] = [];
  #read = 0;
  #waiters = new Set<() => void>();
  #closed: { code: number | null; reason: string } | undefined;

  push(event: SubscriptionEvent<TData>): void {
    if (event.kind === 'closed') {
      if (this.#closed) return;
      this.#closed = { code: event.code, reason: event.reason };
    }
    this.events.push(event);
    for (const wake of [...this.#waiters]) wake();
  }

  get isClosed(): boolean {
    return this.#closed !== undefined;
  }

  pending(): SubscriptionEvent<TData>[] {
    return this.events.slice(this.#read);
  }

  /** Waits until `ready()` returns something other than undefined, or times out. */
  async #until<T>(ready: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const now = ready();
    if (now !== undefined) return now;
    return new Promise<T>((resolve, reject) => {
      const wake = () => {
        let value: T | undefined;
        try {
          value = ready();
        } catch (error) {
          done();
          reject(error);
          return;
        }
        if (value !== undefined) {
          done();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; received so far: ${describe(this.events)}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.#waiters.delete(wake);
      };
      this.#waiters.add(wake);
    });
  }

  take(timeoutMs: number): Promise<SubscriptionEvent<TData>> {
    return this.#until(
      () => {
        const event = this.events[this.#read];
        if (event) this.#read += 1;
        return event;
      },
      timeoutMs,
      'an event',
    );
  }

  async next(timeoutMs: number): Promise<WireResult<TData>> {
    const event = await this.take(timeoutMs);
    if (event.kind !== 'next') throw new Error(`Expected a "next" result, got ${describe([event])}`);
    return event.result;
  }

  nextError(timeoutMs: number): Promise<GraphQLFormattedError[]> {
    return this.#until(
      () => {
        while (this.#read < this.events.length) {
          const event = this.events[this.#read]!;
          this.#read += 1;
          if (event.kind === 'error') return event.errors;
          if (event.kind === 'next' && event.result.errors?.length) return event.result.errors;
          if (event.kind === 'complete' || event.kind === 'closed') {
            throw new Error(`The subscription ended without an error: ${describe(this.events)}`);
          }
        }
        return undefined;
      },
      timeoutMs,
      'an error',
    );
  }

  closed(timeoutMs: number): Promise<{ code: number | null; reason: string }> {
    return this.#until(() => this.#closed, timeoutMs, 'the transport to close');
  }
}

function describe(events: readonly SubscriptionEvent<unknown>[]): string {
  if (events.length === 0) return '(nothing)';
  return events
    .map((e) => (e.kind === 'next' ? `next ${JSON.stringify(e.result)}` : e.kind === 'error' ? `error ${JSON.stringify(e.errors)}` : e.kind === 'closed' ? `closed ${e.code}` : e.kind))
    .join(', ');
}

const queryOf = <TData, TVars>(document: SubscriptionDocument<TData, TVars>): string => (typeof document === 'string' ? document : print(document));

const authorizationOf = (auth: SubscriberAuth): string | undefined =>
  auth == null ? undefined : typeof auth === 'string' ? `Bearer ${auth}` : auth.authorization;

/** `http://host:port` (or a full URL) to the service's GraphQL endpoint with the given scheme. */
function endpointOf(url: string, scheme: 'ws' | 'http'): string {
  const parsed = new URL(url);
  if (parsed.pathname === '/' || parsed.pathname === '') parsed.pathname = '/graphql';
  const secure = parsed.protocol === 'https:' || parsed.protocol === 'wss:';
  parsed.protocol = scheme === 'ws' ? (secure ? 'wss:' : 'ws:') : secure ? 'https:' : 'http:';
  return parsed.toString();
}

/**
 * Subscribes over graphql-ws (graphql-transport-ws) with graphql-ws's own
 * `createClient`, on a socket of its own, without retries.
 *
 * @param url the service's base URL (`service.app.url`, `http://127.0.0.1:<port>`;
 *   `/graphql` is added when there is no path) or a full `ws://` URL
 * @param auth a bearer token (sent as `connectionParams.authorization =
 *   "Bearer <token>"`), `{ authorization }` for a raw value, or `null` for none
 * @param document the subscription (typed document or string)
 * @param variables its variables
 *
 * A socket the server refuses or ends shows as a `closed` event with its code
 * (e.g. 4403); a `next` with errors followed by `complete` is how an operation
 * that fails when it starts (FORBIDDEN, NOT_FOUND) arrives.
 */
export function wsSubscribe<TData, TVars extends Record<string, unknown> = Record<string, never>>(
  url: string,
  auth: SubscriberAuth,
  document: SubscriptionDocument<TData, TVars>,
  variables?: TVars,
): Subscriber<TData> {
  const log = new EventLog<TData>();
  const authorization = authorizationOf(auth);
  const client = createClient({
    url: endpointOf(url, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: authorization === undefined ? {} : { authorization },
    lazy: true,
    retryAttempts: 0,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code?: number; reason?: string };
        log.push({ kind: 'closed', code: typeof code === 'number' ? code : null, reason: String(reason ?? '') });
      },
    },
  });
  let disposed = false;
  const unsubscribe = client.subscribe<TData>(
    { query: queryOf(document), ...(variables ? { variables } : {}) },
    {
      next: (result) => log.push({ kind: 'next', result: result as WireResult<TData> }),
      error: (error) => {
        if (Array.isArray(error)) {
          log.push({ kind: 'error', errors: error as GraphQLFormattedError[] });
        } else if (error && typeof error === 'object' && 'code' in error && typeof (error as { code: unknown }).code === 'number') {
          // A CloseEvent: already recorded by `on.closed`.
          const { code, reason } = error as { code: number; reason?: string };
          log.push({ kind: 'closed', code, reason: String(reason ?? '') });
        } else {
          log.push({ kind: 'error', errors: [{ message: error instanceof Error ? error.message : String(error) }] });
        }
      },
      complete: () => {
        if (!disposed) log.push({ kind: 'complete' });
      },
    },
  );
  return {
    transport: 'ws',
    events: log.events,
    pending: () => log.pending(),
    take: (timeoutMs = DEFAULT_TIMEOUT_MS) => log.take(timeoutMs),
    next: (timeoutMs = DEFAULT_TIMEOUT_MS) => log.next(timeoutMs),
    nextError: (timeoutMs = DEFAULT_TIMEOUT_MS) => log.nextError(timeoutMs),
    closed: (timeoutMs = DEFAULT_TIMEOUT_MS) => log.closed(timeoutMs),
    async dispose() {
      if (disposed) return;
      disposed = true;
      unsubscribe();
      await client.dispose();
    },
  };
}

/**
 * Subscribes over Yoga's GraphQL over SSE: `POST <url>/graphql` with
 * `accept: text/event-stream`, the operation as JSON and the Authorization
 * header. `event: next` becomes a `next` event (JSON of its `data:`),
 * `event: complete` a `complete` event, the end of the body a `closed` event
 * with `code: null`; `:` keep-alive comments are ignored. A response that is
 * not an event stream (an HTTP error) is read as one `next` result, then closed.
 *
 * @param url the service's base URL (`service.app.url`; `/graphql` is added when there is no path)
 * @param auth a bearer token, `{ authorization }` for a raw value, or `null` for none
 */
export function sseSubscribe<TData, TVars extends Record<string, unknown> = Record<string, never>>(
  url: string,
  auth: SubscriberAuth,
  document: SubscriptionDocument<TData, TVars>,
  variables?: TVars,
): Subscriber<TData> {
  const log = new EventLog<TData>();
  const abort = new AbortController();
  const authorization = authorizationOf(auth);
  const headers: Record<string, string> = { accept: 'text/event-stream', 'content-type': 'application/json' };
  if (authorization !== undefined) headers.authorization = authorization;
  let response: { status: number; contentType: string | null } | undefined;
  let body: ReadableStreamDefaultReader<Uint8Array> | undefined;

  const dispatch = (block: string) => {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (event === 'complete') log.push({ kind: 'complete' });
    else if (data.length > 0) log.push({ kind: 'next', result: JSON.parse(data.join('\n')) as WireResult<TData> });
  };

  const reading = (async () => {
    try {
      const res = await fetch(endpointOf(url, 'http'), {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: queryOf(document), variables: variables ?? {} }),
        signal: abort.signal,
      });
      response = { status: res.status, contentType: res.headers.get('content-type') };
      if (!response.contentType?.includes('text/event-stream') || !res.body) {
        const text = await res.text();
        try {
          log.push({ kind: 'next', result: JSON.parse(text) as WireResult<TData> });
        } catch {
          log.push({ kind: 'error', errors: [{ message: `HTTP ${res.status}: ${text.slice(0, 200)}` }] });
        }
        log.push({ kind: 'closed', code: null, reason: `HTTP ${res.status}` });
        return;
      }
      const decoder = new TextDecoder();
      let buffer = '';
      // A reader of our own, cancelled on dispose: Node 20's fetch never settles a
      // `for await` over a body whose signal is aborted just as the stream ends.
      body = res.body.getReader();
      for (;;) {
        const { done, value: chunk } = await body.read();
        if (done) break;
        buffer += decoder.decode(chunk, { stream: true }).replace(/\r\n?/g, '\n');
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
      if (buffer.trim()) dispatch(buffer);
      log.push({ kind: 'closed', code: null, reason: 'end of stream' });
    } catch (error) {
      if (!abort.signal.aborted) log.push({ kind: 'error', errors: [{ message: error instanceof Error ? error.message : String(error) }] });
      log.push({ kind: 'closed', code: null, reason: abort.signal.aborted ? 'disposed' : 'failed' });
    }
  })();

  return {
    transport: 'sse',
    events: log.events,
    get response() {
      return response;
    },
    pending: () => log.pending(),
    take: (timeoutMs = DEFAULT_TIMEOUT_MS) => log.take(timeoutMs),
    next: (timeoutMs = DEFAULT_TIMEOUT_MS) => log.next(timeoutMs),
    nextError: (timeoutMs = DEFAULT_TIMEOUT_MS) => log.nextError(timeoutMs),
    closed: (timeoutMs = DEFAULT_TIMEOUT_MS) => log.closed(timeoutMs),
    async dispose() {
      if (!log.isClosed) {
        abort.abort();
        body?.cancel().catch(() => {});
      }
      await reading;
    },
  };
}

/** Either transport, by name: handy for `it.each(['ws', 'sse'])`. */
export function subscribe<TData, TVars extends Record<string, unknown> = Record<string, never>>(
  transport: 'ws' | 'sse',
  url: string,
  auth: SubscriberAuth,
  document: SubscriptionDocument<TData, TVars>,
  variables?: TVars,
): Subscriber<TData> {
  return transport === 'ws' ? wsSubscribe(url, auth, document, variables) : sseSubscribe(url, auth, document, variables);
}

/** How many subscriptions listen to the service's change feed. */
export interface FeedWatch {
  /** Subscriptions listening to the feed right now (started and not yet ended). */
  readonly listening: number;
  /** Resolves once at least `count` subscriptions listen; rejects after `timeoutMs` (default 5 s). */
  untilListening(count: number, timeoutMs?: number): Promise<void>;
  /** Resolves once at most `count` subscriptions listen (e.g. 0 after every subscriber went away). */
  untilAtMost(count: number, timeoutMs?: number): Promise<void>;
  /** Puts the feed's own methods back. */
  restore(): void;
}

/**
 * Observes `app.services.changes` (without changing what it does): counts
 * the subscriptions whose listener is attached to the feed (in memory, or
 * on Redis) and not yet removed. A test
 * awaits `untilListening(n)` after opening n subscribers and before making the
 * change they should receive, instead of sleeping. Call it before the
 * subscribers are opened; only subscriptions started after it are counted.
 */
export function watchFeed(app: Pick<App, 'services'>): FeedWatch {
  const feed: ChangeFeed = app.services.changes;
  const original = { listenUser: feed.listenUser, listenPool: feed.listenPool };
  let listening = 0;
  const waiters = new Set<() => void>();
  const changed = (delta: number) => {
    listening += delta;
    for (const wake of [...waiters]) wake();
  };

  /** Counts a listener from when it is attached until it is removed (once). */
  const observe = (unlisten: () => void): (() => void) => {
    changed(+1);
    let attached = true;
    return () => {
      if (attached) changed(-1);
      attached = false;
      unlisten();
    };
  };

  feed.listenUser = (pool, sub, listener, options) => observe(original.listenUser.call(feed, pool, sub, listener, options));
  feed.listenPool = (pool, listener, options) => observe(original.listenPool.call(feed, pool, listener, options));

  const until = (test: () => boolean, timeoutMs: number, what: string) =>
    new Promise<void>((resolve, reject) => {
      if (test()) return resolve();
      const wake = () => {
        if (!test()) return;
        clearTimeout(timer);
        waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(wake);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; ${listening} listening`));
      }, timeoutMs);
      waiters.add(wake);
    });

  return {
    get listening() {
      return listening;
    },
    untilListening: (count, timeoutMs = DEFAULT_TIMEOUT_MS) => until(() => listening >= count, timeoutMs, `${count} listening subscriptions`),
    untilAtMost: (count, timeoutMs = DEFAULT_TIMEOUT_MS) => until(() => listening <= count, timeoutMs, `at most ${count} listening subscriptions`),
    restore() {
      feed.listenUser = original.listenUser;
      feed.listenPool = original.listenPool;
    },
  };
}

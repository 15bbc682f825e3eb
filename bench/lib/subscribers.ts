/**
 * Many graphql-ws subscribers in one process, as cheap as a client can be, so
 * the load generator does not become what is measured: one `ws` socket per
 * subscriber speaking `graphql-transport-ws` directly (connection_init with
 * the token in the connection params → connection_ack → subscribe with id
 * "1"), and after that every incoming message is only time-stamped and kept
 * raw; parsing happens after the measured phase. The same client drives the
 * service and the baseline server.
 */
import WebSocket from 'ws';

/** One subscriber to open. */
export interface SubscriberSpec {
  /** `ws://host:port/graphql`. */
  url: string;
  token: string;
  /** The GraphQL subscription document. */
  query: string;
  /** What the subscriber watches, for the baseline server (`user:<username>` or `pool`); the service ignores it. */
  feed: string;
  /** The subscription's variables (e.g. `after`), if any. */
  variables?: Record<string, unknown>;
}

/** A message received after subscribing. */
export interface Received {
  /** `performance.now()` when the message event ran. */
  at: number;
  /** Index of the subscriber (in the order added). */
  conn: number;
  data: string;
}

/** A socket that closed while it should have stayed open. */
export interface UnexpectedClose {
  conn: number;
  code: number;
  reason: string;
}

const SUBSCRIPTION_ID = '1';

export class Subscribers {
  readonly sockets: WebSocket[] = [];
  readonly unexpectedCloses: UnexpectedClose[] = [];
  #at: number[] = [];
  #conn: number[] = [];
  #data: (Buffer | string)[] = [];
  #closing = false;
  #waiter?: { count: number; resolve: () => void };

  get size(): number {
    return this.sockets.length;
  }

  /** Messages recorded since the last {@link reset}. */
  get count(): number {
    return this.#at.length;
  }

  /** Forgets the messages recorded so far. */
  reset(): void {
    this.#at = [];
    this.#conn = [];
    this.#data = [];
  }

  /** The messages recorded since the last {@link reset}, as strings. */
  take(): Received[] {
    return this.#at.map((at, i) => ({ at, conn: this.#conn[i]!, data: String(this.#data[i]) }));
  }

  /** Resolves once `count` messages have been recorded (since the last reset), or after `timeoutMs`; true if reached. */
  waitForCount(count: number, timeoutMs: number): Promise<boolean> {
    if (this.count >= count) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiter = undefined;
        resolve(false);
      }, timeoutMs);
      this.#waiter = {
        count,
        resolve: () => {
          clearTimeout(timer);
          this.#waiter = undefined;
          resolve(true);
        },
      };
    });
  }

  /**
   * Opens and subscribes `specs`, at most `concurrency` handshakes at a time.
   * Resolves when every `subscribe` message has been sent; rejects on the
   * first subscriber that cannot connect.
   */
  async add(specs: readonly SubscriberSpec[], concurrency = 200): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < specs.length) {
        const spec = specs[next++]!;
        await this.#open(spec, this.sockets.length);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, specs.length) }, worker));
  }

  #open(spec: SubscriberSpec, conn: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(spec.url, 'graphql-transport-ws', { perMessageDeflate: false });
      this.sockets.push(ws);
      let subscribed = false;
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error(`subscriber ${conn}: no connection_ack within 60 s`));
      }, 60_000);
      ws.once('open', () => {
        ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${spec.token}`, feed: spec.feed } }));
      });
      ws.on('message', (data: Buffer) => {
        if (subscribed) {
          this.#record(conn, data);
          return;
        }
        const message = JSON.parse(String(data)) as { type?: string };
        if (message.type === 'connection_ack') {
          ws.send(JSON.stringify({ id: SUBSCRIPTION_ID, type: 'subscribe', payload: { query: spec.query, ...(spec.variables ? { variables: spec.variables } : {}) } }));
          subscribed = true;
          clearTimeout(timer);
          resolve();
        } else if (message.type === 'ping') {
          ws.send('{"type":"pong"}');
        }
      });
      ws.on('error', (error) => {
        clearTimeout(timer);
        if (!subscribed) reject(new Error(`subscriber ${conn}: ${error.message}`));
      });
      ws.on('close', (code, reason) => {
        clearTimeout(timer);
        if (!subscribed) reject(new Error(`subscriber ${conn}: closed ${code} ${String(reason)} before connection_ack`));
        else if (!this.#closing) this.unexpectedCloses.push({ conn, code, reason: String(reason) });
      });
    });
  }

  #record(conn: number, data: Buffer): void {
    this.#at.push(performance.now());
    this.#conn.push(conn);
    this.#data.push(data);
    if (this.#waiter && this.#at.length >= this.#waiter.count) this.#waiter.resolve();
  }

  /** Closes every socket (normal closure, so the server closes TCP first), terminating stragglers. */
  async closeAll(timeoutMs = 10_000): Promise<void> {
    this.#closing = true;
    const open = this.sockets.filter((ws) => ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING);
    await Promise.all(
      open.map(
        (ws) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              ws.terminate();
              resolve();
            }, timeoutMs);
            ws.once('close', () => {
              clearTimeout(timer);
              resolve();
            });
            if (ws.readyState === WebSocket.OPEN) ws.close(1000);
            else ws.terminate();
          }),
      ),
    );
  }
}

/** The `seq` in a message carrying `seq-<n>` as an attribute value, or null. */
export function seqOf(data: string): number | null {
  const match = /"seq-(\d+)"/.exec(data);
  return match ? Number(match[1]) : null;
}

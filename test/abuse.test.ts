/**
 * One caller must not hurt the others (API.md, "Who is calling"): what one
 * user, or anyone who can open a TCP connection, can make the service hold
 * is bounded by the hold limits, each a setting (small here, so each bound
 * is reached in a moment), over real sockets:
 *
 * - sockets per user, operations per socket, subscriptions per user (every
 *   transport together);
 * - a WebSocket or SSE client that stops reading is dropped once its output
 *   passes MAX_BUFFERED_BYTES or stalls for STALLED_STREAM_MS, and the others
 *   go on receiving; a subscription with more than MAX_QUEUED_EVENTS events
 *   waiting for its client ends;
 * - half-open requests are cut after HEADERS_TIMEOUT_MS, and one client's
 *   connections are capped.
 */
import { createConnection, type Socket } from 'node:net';
import { request as httpRequest } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLOSE_TOO_MANY_SOCKETS, CLOSE_TOO_SLOW } from '../src/server/graphql-ws.js';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';
import { sseSubscribe, watchFeed, wsSubscribe, type FeedWatch } from './support/subscribers.js';
import { claimsOf } from './support/tokens.js';

const MY_CHANGES = 'subscription { myAttributesChanged { source updated { name value } } }';
/** A wide selection: many aliased copies of the user's attributes, each event tens of KB. */
const WIDE = `subscription { myAttributesChanged { ${Array.from({ length: 12 }, (_, i) => `u${i}: user { attributes { name value } }`).join(' ')} } }`;

let cognito: TestCognito;
let service: TestApp;
let feed: FeedWatch;
let alice: string;
let bob: string;

beforeAll(async () => {
  cognito = await startTestCognito();
  service = await startTestApp(cognito, {
    MAX_SOCKETS_PER_USER: '2',
    MAX_SUBSCRIPTIONS_PER_SOCKET: '3',
    MAX_SUBSCRIPTIONS_PER_USER: '5',
    MAX_BUFFERED_BYTES: '65536',
    STALLED_STREAM_MS: '1000',
    // The byte and time bounds are tested here; the queue bound has a test (and a service) of its own.
    MAX_QUEUED_EVENTS: '1024',
    HEADERS_TIMEOUT_MS: '1000',
    REQUEST_TIMEOUT_MS: '2000',
    MAX_CONNECTIONS_PER_CLIENT: '40',
    QUOTA_PER_USER_READS_PER_SECOND: '10000',
    QUOTA_PER_USER_WRITES_PER_SECOND: '10000',
  });
  await service.app.start();
  feed = watchFeed(service.app);
  alice = await cognito.tokens.tokenFor('alice');
  bob = await cognito.tokens.tokenFor('bob');
});
afterAll(async () => {
  feed?.restore();
  await service?.stop();
  await cognito?.stop();
});

/** One change of bob's, made through the feed itself (no Cognito call): `size` characters of payload per attribute. */
function publishBobChange(value: string): void {
  const sub = String(claimsOf(bob).sub);
  const userPoolId = cognito.demo.userPoolId;
  const attributes = Array.from({ length: 20 }, (_, i) => ({ name: `custom:f${i}`, value }));
  service.app.services.changes.publish({
    userPoolId,
    username: 'bob',
    sub,
    user: { username: 'bob', sub, userPoolId, attributes },
    updated: [{ name: 'custom:plan', value: value.slice(0, 16) }],
    deleted: [],
    source: 'ADMIN',
    occurredAt: new Date().toISOString(),
  });
}

describe('what one user may hold', () => {
  it('should close a user\'s socket beyond MAX_SOCKETS_PER_USER with 4290, and leave other users\' sockets alone', async () => {
    const base = feed.listening;
    const first = wsSubscribe(service.app.url, bob, MY_CHANGES);
    const second = wsSubscribe(service.app.url, bob, MY_CHANGES);
    await feed.untilListening(base + 2);
    const third = wsSubscribe(service.app.url, bob, MY_CHANGES);
    const closed = await third.closed();
    expect(closed.code).toBe(CLOSE_TOO_MANY_SOCKETS);
    expect(closed.reason).toContain('MAX_SOCKETS_PER_USER');
    const others = wsSubscribe(service.app.url, alice, MY_CHANGES);
    await feed.untilListening(base + 3);
    for (const sub of [first, second, third, others]) await sub.dispose();
    await feed.untilAtMost(base);
    // A socket given back makes room for another.
    const again = wsSubscribe(service.app.url, bob, MY_CHANGES);
    await feed.untilListening(base + 1);
    await again.dispose();
    await feed.untilAtMost(base);
  });

  it('should refuse an operation beyond MAX_SUBSCRIPTIONS_PER_SOCKET with LIMIT_EXCEEDED, and keep the socket and its other operations', async () => {
    const base = feed.listening;
    const client = createClient({ url: `${service.app.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${bob}` }, retryAttempts: 0 });
    const received: unknown[][] = [[], [], [], []];
    const failures: unknown[] = [];
    const stops = received.map((events, i) =>
      client.subscribe({ query: MY_CHANGES }, { next: (event) => events.push(event), error: (error) => failures[i] = error, complete: () => {} }),
    );
    await feed.untilListening(base + 3);
    await sleep(200);
    expect(codes(failures[3] as never)).toEqual(['LIMIT_EXCEEDED']);
    publishBobChange('after-the-cap');
    await sleep(200);
    expect(received.slice(0, 3).map((events) => events.length)).toEqual([1, 1, 1]);
    for (const stop of stops) stop();
    await client.dispose();
    await feed.untilAtMost(base);
  });

  it('should end a subscription beyond MAX_SUBSCRIPTIONS_PER_USER with LIMIT_EXCEEDED, counting every socket and SSE stream', async () => {
    const base = feed.listening;
    const client = createClient({ url: `${service.app.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${bob}` }, retryAttempts: 0 });
    const stops = [0, 1, 2].map(() => client.subscribe({ query: MY_CHANGES }, { next: () => {}, error: () => {}, complete: () => {} }));
    const sses = [sseSubscribe(service.app.url, bob, MY_CHANGES), sseSubscribe(service.app.url, bob, MY_CHANGES)];
    await feed.untilListening(base + 5);
    const sixth = sseSubscribe(service.app.url, bob, MY_CHANGES);
    expect(codes(await sixth.nextError())).toEqual(['LIMIT_EXCEEDED']);
    // alice's budget is her own.
    const alices = sseSubscribe(service.app.url, alice, MY_CHANGES);
    await feed.untilListening(base + 6);
    for (const stop of stops) stop();
    await client.dispose();
    for (const sub of [...sses, sixth, alices]) await sub.dispose();
    await feed.untilAtMost(base);
  });
});

describe('clients that stop reading', () => {
  it('should drop a WebSocket whose client stopped reading once its output passes MAX_BUFFERED_BYTES, and keep delivering to the others', async () => {
    const base = feed.listening;
    const reader = wsSubscribe(service.app.url, bob, MY_CHANGES);
    const socket = new WebSocket(`${service.app.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${alice}` } }));
    await new Promise((resolve) => socket.once('message', resolve));
    // alice is an administrator: she may watch bob's changes, with a wide selection.
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: WIDE.replace('myAttributesChanged', 'userAttributesChanged(username: "bob")') } }));
    await feed.untilListening(base + 2);
    // Stop reading: the server's output piles up in the kernel, then in its own buffer.
    (socket as unknown as { _socket: Socket })._socket.pause();
    const closedOnServer = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (feed.listening <= base + 1) {
          clearInterval(check);
          resolve();
        }
      }, 20);
    });
    const value = 'x'.repeat(2_000);
    for (let i = 0; i < 400 && feed.listening > base + 1; i++) {
      publishBobChange(`${value}${i}`);
      await sleep(5);
    }
    await closedOnServer;
    const metrics = await (await fetch(`${service.app.url}/metrics`)).text();
    expect(metrics).toMatch(/slow_clients_dropped_total\{transport="ws"\} [1-9]/);
    // The reading subscriber still gets what comes next.
    const pendingBefore = reader.events.length;
    publishBobChange('still-delivered');
    await expect.poll(() => reader.events.length).toBeGreaterThan(pendingBefore);
    (socket as unknown as { _socket: Socket })._socket.resume();
    const code = await new Promise<number>((resolve) => (socket.readyState === socket.CLOSED ? resolve(-1) : socket.once('close', resolve)));
    expect([CLOSE_TOO_SLOW, 1006, -1]).toContain(code);
    await reader.dispose();
    await feed.untilAtMost(base);
  });

  it('should end a subscription with more than MAX_QUEUED_EVENTS events waiting for its client, before any byte bound is reached', async () => {
    // Its own service: no byte bound in reach, 3 events may wait for one subscriber.
    const queued = await startTestApp(cognito, { MAX_QUEUED_EVENTS: '3', MAX_BUFFERED_BYTES: '1073741824', QUOTA_PER_USER_READS_PER_SECOND: '10000' });
    await queued.app.start();
    const watch = watchFeed(queued.app);
    try {
      const socket = new WebSocket(`${queued.app.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
      await new Promise((resolve) => socket.once('open', resolve));
      const frames: { type: string; id?: string; payload?: unknown }[] = [];
      socket.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString()) as never));
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${alice}` } }));
      await expect.poll(() => frames.some((f) => f.type === 'connection_ack')).toBe(true);
      socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: WIDE.replace('myAttributesChanged', 'userAttributesChanged(username: "bob")') } }));
      await watch.untilListening(1);
      (socket as unknown as { _socket: Socket })._socket.pause();
      const value = 'q'.repeat(2_000);
      const sub = String(claimsOf(bob).sub);
      const userPoolId = cognito.demo.userPoolId;
      const attributes = Array.from({ length: 20 }, (_, i) => ({ name: `custom:f${i}`, value }));
      for (let i = 0; i < 400 && watch.listening > 0; i++) {
        queued.app.services.changes.publish({
          userPoolId,
          username: 'bob',
          sub,
          user: { username: 'bob', sub, userPoolId, attributes },
          updated: [{ name: 'custom:plan', value: `q${i}` }],
          deleted: [],
          source: 'ADMIN',
          occurredAt: new Date().toISOString(),
        });
        await sleep(5);
      }
      // Ended on the server, the socket kept (nothing passed MAX_BUFFERED_BYTES).
      await expect.poll(() => watch.listening, { timeout: 5_000 }).toBe(0);
      (socket as unknown as { _socket: Socket })._socket.resume();
      await expect.poll(() => frames.some((f) => f.type === 'error' || (f.type === 'next' && JSON.stringify(f.payload).includes('MAX_QUEUED_EVENTS'))), { timeout: 10_000 }).toBe(true);
      expect(socket.readyState).toBe(socket.OPEN);
      socket.close();
    } finally {
      watch.restore();
      await queued.stop();
    }
  }, 30_000);

  it('should end an SSE stream whose client stopped reading within STALLED_STREAM_MS, and keep delivering to the others', async () => {
    const base = feed.listening;
    const reader = sseSubscribe(service.app.url, bob, MY_CHANGES);
    const url = new URL(`${service.app.url}/graphql`);
    // A client that opens the stream and never reads it (its socket paused).
    const request = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${alice}` } }, (response) => {
      response.pause();
      response.socket.pause();
    });
    request.on('error', () => {});
    request.end(JSON.stringify({ query: WIDE.replace('myAttributesChanged', 'userAttributesChanged(username: "bob")') }));
    await feed.untilListening(base + 2);
    const value = 'y'.repeat(2_000);
    const started = Date.now();
    for (let i = 0; i < 400 && feed.listening > base + 1; i++) {
      publishBobChange(`${value}${i}`);
      await sleep(10);
    }
    // Ended on the server: its subscription is gone, the drop counted.
    await expect.poll(() => feed.listening, { timeout: 5_000 }).toBeLessThanOrEqual(base + 1);
    expect(Date.now() - started).toBeLessThan(8_000);
    request.destroy();
    const metrics = await (await fetch(`${service.app.url}/metrics`)).text();
    expect(metrics).toMatch(/slow_clients_dropped_total\{transport="sse"\} [1-9]/);
    const before = reader.events.length;
    publishBobChange('still-delivered');
    await expect.poll(() => reader.events.length).toBeGreaterThan(before);
    await reader.dispose();
    await feed.untilAtMost(base);
  });
  it('should deliver a large answer to a client that reads it slowly, though it passes MAX_BUFFERED_BYTES at first (GraphiQL\'s page)', async () => {
    const page = await fetch(`${service.app.url}/graphql`, { headers: { accept: 'text/html' } });
    const size = (await page.arrayBuffer()).byteLength;
    expect(size).toBeGreaterThan(65_536 * 8);
    // The same page over a raw socket, read in short bursts with pauses between (a slow phone, a busy browser).
    const port = Number(new URL(service.app.url).port);
    const received = await new Promise<number>((resolve, reject) => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      let head = '';
      let body = -1;
      socket.on('data', (data: Buffer) => {
        if (body >= 0) body += data.length;
        else {
          head += data.toString('latin1');
          const end = head.indexOf('\r\n\r\n');
          if (end >= 0) body = Buffer.byteLength(head.slice(end + 4), 'latin1');
        }
      });
      socket.on('error', reject);
      socket.on('close', () => resolve(body));
      socket.write(`GET /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\nConnection: close\r\n\r\n`);
      socket.pause();
      const bursts = setInterval(() => {
        socket.resume();
        setTimeout(() => socket.pause(), 2);
      }, 250);
      socket.once('close', () => clearInterval(bursts));
    });
    expect(received).toBe(size);
  }, 20_000);
});

describe('connections', () => {
  it('should cut a half-open request (headers never finished) after HEADERS_TIMEOUT_MS', async () => {
    const port = Number(new URL(service.app.url).port);
    const socket = createConnection({ port, host: '127.0.0.1' });
    await new Promise((resolve) => socket.once('connect', resolve));
    let answer = '';
    socket.on('data', (data: Buffer) => (answer += data.toString()));
    socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    const started = Date.now();
    await new Promise((resolve) => socket.once('close', resolve));
    const took = Date.now() - started;
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(took).toBeGreaterThanOrEqual(900);
    expect(took).toBeLessThan(4_000);
  });

  it('should refuse a client\'s connections beyond MAX_CONNECTIONS_PER_CLIENT, and serve it again once it closes some', async () => {
    const port = Number(new URL(service.app.url).port);
    const open: Socket[] = [];
    for (let i = 0; i < 40; i++) {
      const socket = createConnection({ port, host: '127.0.0.1' });
      await new Promise((resolve) => socket.once('connect', resolve));
      open.push(socket);
    }
    await sleep(100);
    const extra = createConnection({ port, host: '127.0.0.1' });
    const cut = await new Promise<boolean>((resolve) => {
      extra.once('close', () => resolve(true));
      setTimeout(() => resolve(false), 2_000);
    });
    expect(cut).toBe(true);
    for (const socket of open) socket.destroy();
    await sleep(200);
    expect((await fetch(`${service.app.url}/health`)).status).toBe(200);
  });
});

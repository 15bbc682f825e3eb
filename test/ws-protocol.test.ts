/**
 * The graphql-ws protocol (`graphql-transport-ws`) as the service speaks it,
 * checked frame by frame with a raw `ws` client on a real port: the close
 * codes of graphql-ws's spec for each misbehaviour (4400 malformed message,
 * 4401 subscribe before `connection_ack`, 4408 no `connection_init` in time,
 * 4409 duplicate subscription id, 4429 second `connection_init`, 4406 wrong
 * subprotocol, 4403 bad token) and `ping` answered with `pong`.
 */
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from './support/app.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';

/** graphql-ws's subprotocol. */
const PROTOCOL = 'graphql-transport-ws';
/** graphql-ws's default `connectionInitWaitTimeout`, which the service keeps. */
const CONNECTION_INIT_WAIT_MS = 3_000;
/** How long a test waits for a frame or a close before failing. */
const WAIT_MS = 5_000;

/** A raw socket: every message received (parsed), and how it closed. */
interface RawSocket {
  ws: WebSocket;
  messages: Record<string, unknown>[];
  send(message: unknown): void;
  /** The next message not read yet. */
  message(): Promise<Record<string, unknown>>;
  /** Resolves with the close code and reason once the server closed the socket. */
  closed(): Promise<{ code: number; reason: string }>;
  /** When the socket opened (ms, `performance.now()`). */
  openedAt: number;
}

let cognito: TestCognito;
let service: TestApp;
let bob: string;
const sockets: WebSocket[] = [];

async function connect(protocol: string | string[] = PROTOCOL): Promise<RawSocket> {
  const url = `${service.app.url.replace(/^http/, 'ws')}/graphql`;
  const ws = new WebSocket(url, protocol);
  sockets.push(ws);
  const messages: Record<string, unknown>[] = [];
  let read = 0;
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    messages.push(JSON.parse(String(data)) as Record<string, unknown>);
    for (const wake of [...waiters]) wake();
  });
  const close = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => {
      resolve({ code, reason: String(reason) });
      for (const wake of [...waiters]) wake();
    }),
  );
  await once(ws, 'open');
  const openedAt = performance.now();
  const within = <T>(promise: Promise<T>, what: string) =>
    Promise.race([
      promise,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`Timed out waiting for ${what}; got ${JSON.stringify(messages)}`)), WAIT_MS).unref()),
    ]);
  return {
    ws,
    messages,
    openedAt,
    send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    message: () =>
      within(
        new Promise((resolve, reject) => {
          const wake = () => {
            const next = messages[read];
            if (next) {
              read += 1;
              waiters.delete(wake);
              resolve(next);
            } else if (ws.readyState === WebSocket.CLOSED) {
              waiters.delete(wake);
              reject(new Error(`The socket closed before the next message; got ${JSON.stringify(messages)}`));
            }
          };
          waiters.add(wake);
          wake();
        }),
        'a message',
      ),
    closed: () => within(close, 'the socket to close'),
  };
}

/** A socket whose `connection_init` (bob's token) has been acknowledged. */
async function acknowledged(): Promise<RawSocket> {
  const socket = await connect();
  socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${bob}` } });
  expect(await socket.message()).toEqual({ type: 'connection_ack' });
  return socket;
}

const subscribeTo = (id: string) => ({
  id,
  type: 'subscribe',
  payload: { query: 'subscription WsProtoMine { myAttributesChanged { source } }' },
});

beforeAll(async () => {
  cognito = await startTestCognito();
  service = await startTestApp(cognito);
  await service.app.start();
  bob = await cognito.tokens.tokenFor('bob');
});

afterAll(async () => {
  for (const ws of sockets) ws.terminate();
  await service?.stop();
  await cognito?.stop();
});

describe('graphql-ws protocol', () => {
  it('should acknowledge a connection_init with a valid token and answer a query over the socket', async () => {
    const socket = await acknowledged();
    socket.send({ id: 'q', type: 'subscribe', payload: { query: 'query WsProtoMe { me { username } }' } });
    expect(await socket.message()).toEqual({ id: 'q', type: 'next', payload: { data: { me: { username: 'bob' } } } });
    expect(await socket.message()).toEqual({ id: 'q', type: 'complete' });
    socket.ws.close(1000);
  });

  it('should answer ping with pong, before and after the connection is acknowledged, echoing the payload', async () => {
    const socket = await connect();
    socket.send({ type: 'ping' });
    expect(await socket.message()).toEqual({ type: 'pong' });
    socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${bob}` } });
    expect(await socket.message()).toEqual({ type: 'connection_ack' });
    socket.send({ type: 'ping', payload: { at: 42 } });
    expect(await socket.message()).toEqual({ type: 'pong', payload: { at: 42 } });
    expect(socket.ws.readyState).toBe(WebSocket.OPEN);
    socket.ws.close(1000);
  });

  it.each([
    ['text that is not JSON', 'hello'],
    ['JSON that is not an object', '[1,2,3]'],
    ['a message without a type', JSON.stringify({ payload: {} })],
    ['an unknown message type', JSON.stringify({ type: 'start', id: '1', payload: { query: '{ __typename }' } })],
    ['a subscribe without an id', JSON.stringify({ type: 'subscribe', payload: { query: '{ __typename }' } })],
    ['a subscribe whose query is not a string', JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 42 } })],
    ['a message only a server sends (next)', JSON.stringify({ id: '1', type: 'next', payload: {} })],
    ['a message only a server sends (error)', JSON.stringify({ id: '1', type: 'error', payload: [{ message: 'x' }] })],
    ['a message only a server sends (connection_ack)', JSON.stringify({ type: 'connection_ack' })],
  ])('should close with 4400 on a malformed message: %s', async (_, frame) => {
    const socket = await acknowledged();
    socket.send(frame);
    expect(await socket.closed()).toEqual({ code: 4400, reason: 'Invalid message received' });
  });

  it('should close with 4400 on a malformed message before connection_init, too', async () => {
    const socket = await connect();
    socket.send('{"type":');
    expect((await socket.closed()).code).toBe(4400);
  });

  it('should close with 4401 on a subscribe before any connection_init', async () => {
    const socket = await connect();
    socket.send(subscribeTo('1'));
    expect(await socket.closed()).toEqual({ code: 4401, reason: 'Unauthorized' });
    expect(socket.messages).toEqual([]);
  });

  it('should close with 4401 on a subscribe sent right after connection_init, before connection_ack', async () => {
    const socket = await connect();
    // Both frames in one go: the token is still being verified when the subscribe arrives.
    socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${bob}` } });
    socket.send(subscribeTo('1'));
    expect(await socket.closed()).toEqual({ code: 4401, reason: 'Unauthorized' });
    expect(socket.messages.filter((m) => m.type === 'next')).toEqual([]);
  });

  it('should close with 4408 when no connection_init arrives in time (graphql-ws default, 3 s)', async () => {
    const socket = await connect();
    socket.send({ type: 'ping' }); // a ping is not a connection_init
    const closed = await socket.closed();
    const elapsed = performance.now() - socket.openedAt;
    expect(closed).toEqual({ code: 4408, reason: 'Connection initialisation timeout' });
    expect(elapsed).toBeGreaterThanOrEqual(CONNECTION_INIT_WAIT_MS - 100);
    expect(elapsed).toBeLessThan(CONNECTION_INIT_WAIT_MS + 2_000);
  });

  it('should not close an acknowledged connection after the init timeout', async () => {
    const socket = await acknowledged();
    await new Promise((resolve) => setTimeout(resolve, CONNECTION_INIT_WAIT_MS + 200));
    expect(socket.ws.readyState).toBe(WebSocket.OPEN);
    socket.send({ type: 'ping' });
    expect(await socket.message()).toEqual({ type: 'pong' });
    socket.ws.close(1000);
  });

  it('should close with 4409 on a second subscribe with an id that is still running', async () => {
    const socket = await acknowledged();
    socket.send(subscribeTo('same'));
    socket.send(subscribeTo('same'));
    expect(await socket.closed()).toEqual({ code: 4409, reason: 'Subscriber for same already exists' });
  });

  it('should accept an id again once its subscription was completed by the client', async () => {
    const socket = await acknowledged();
    socket.send(subscribeTo('again'));
    socket.send({ id: 'again', type: 'complete' });
    // The query below reuses the id: answered, not closed with 4409.
    socket.send({ id: 'again', type: 'subscribe', payload: { query: '{ __typename }' } });
    expect(await socket.message()).toEqual({ id: 'again', type: 'next', payload: { data: { __typename: 'Query' } } });
    expect(socket.ws.readyState).toBe(WebSocket.OPEN);
    socket.ws.close(1000);
  });

  it('should close with 4429 on a second connection_init', async () => {
    const socket = await acknowledged();
    socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${bob}` } });
    expect(await socket.closed()).toEqual({ code: 4429, reason: 'Too many initialisation requests' });
  });

  it('should close with 4429 on a second connection_init sent before the first was acknowledged', async () => {
    const socket = await connect();
    socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${bob}` } });
    socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${bob}` } });
    expect((await socket.closed()).code).toBe(4429);
  });

  it('should close with 4403 on a connection_init without a valid token', async () => {
    const socket = await connect();
    socket.send({ type: 'connection_init', payload: { authorization: 'Bearer not-a-token' } });
    expect(await socket.closed()).toEqual({ code: 4403, reason: 'Forbidden' });
    expect(socket.messages).toEqual([]);
  });

  it('should close with 4406 when the client asks for no subprotocol', async () => {
    const socket = await connect([]);
    expect(await socket.closed()).toEqual({ code: 4406, reason: 'Subprotocol not acceptable' });
  });
});

/**
 * The baseline: a bare `ws` server that does the least a subscription server
 * can do, so the benchmark can tell the transport's limit on this machine
 * from the cost of the service. It is driven exactly like the service:
 *
 * - WebSocket at `/graphql`, subprotocol `graphql-transport-ws`: it answers
 *   `connection_init` with `connection_ack` (no token check) and remembers the
 *   socket under the `feed` the client names in its connection params
 *   (`user:<username>` or `pool`); `subscribe` records the operation id;
 *   `ping` gets `pong`.
 * - `POST /publish` with `{ "user": "u00042", "seq": 17 }` — the stand-in for
 *   a mutation — sends one `next` message to every socket on `user:u00042`
 *   and one to every socket on `pool`, then answers 200. The messages are the
 *   templates set with `POST /templates` (`{ user, pool }`: real messages the
 *   service sent, with the sequence number replaced by `__SEQ__`), so each
 *   carries a payload of the same size as the service's; each message is
 *   built once per publish and sent to every socket as is.
 * - With `REDIS_URL`, publishes go through Redis pub/sub (one channel,
 *   `CHANNEL`) and every instance sends to its own sockets, as two service
 *   instances do.
 * - `GET /ready` answers 200.
 *
 * Run as a child process (`node --import tsx bench/baseline-ws.ts`) with `PORT`.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { Redis } from 'ioredis';
import { WebSocketServer, type WebSocket } from 'ws';

const PORT = Number(process.env.PORT ?? 0);
const CHANNEL = process.env.CHANNEL ?? 'bench:baseline';
const REDIS_URL = process.env.REDIS_URL;

/** Sockets per feed, with the id of their one subscription. */
const feeds = new Map<string, Map<WebSocket, string>>();
let templates = {
  user: '{"id":"__ID__","type":"next","payload":{"data":{"myAttributesChanged":{"updated":[{"name":"custom:plan","value":"__SEQ__"}]}}}}',
  pool: '{"id":"__ID__","type":"next","payload":{"data":{"userPoolAttributesChanged":{"updated":[{"name":"custom:plan","value":"__SEQ__"}]}}}}',
};

function send(feed: string, template: string, seq: string): void {
  const sockets = feeds.get(feed);
  if (!sockets) return;
  const byId = new Map<string, string>();
  for (const [socket, id] of sockets) {
    let message = byId.get(id);
    if (message === undefined) {
      message = template.split('__SEQ__').join(seq).split('__ID__').join(id);
      byId.set(id, message);
    }
    socket.send(message);
  }
}

function deliver(user: string, seq: string): void {
  send(`user:${user}`, templates.user, seq);
  send('pool', templates.pool, seq);
}

let publish: (user: string, seq: string) => Promise<void> = async (user, seq) => deliver(user, seq);
let closeRedis = async () => {};
if (REDIS_URL) {
  const publisher = new Redis(REDIS_URL);
  const subscriber = new Redis(REDIS_URL);
  await subscriber.subscribe(CHANNEL);
  subscriber.on('message', (_channel: string, message: string) => {
    const { user, seq } = JSON.parse(message) as { user: string; seq: string };
    deliver(user, seq);
  });
  publish = async (user, seq) => void (await publisher.publish(CHANNEL, JSON.stringify({ user, seq })));
  closeRedis = async () => void (await Promise.allSettled([publisher.quit(), subscriber.quit()]));
}

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
}

const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
  void (async () => {
    if (req.method === 'GET' && req.url === '/ready') return void res.writeHead(200).end('ok');
    if (req.method === 'POST' && req.url === '/publish') {
      const { user, seq } = await body(req);
      await publish(String(user), String(seq));
      return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    }
    if (req.method === 'POST' && req.url === '/templates') {
      const input = await body(req);
      templates = { user: String(input.user ?? templates.user), pool: String(input.pool ?? templates.pool) };
      return void res.writeHead(204).end();
    }
    res.writeHead(404).end();
  })().catch((error: unknown) => res.writeHead(500).end(String(error)));
});

const wss = new WebSocketServer({ server, path: '/graphql', handleProtocols: (protocols) => (protocols.has('graphql-transport-ws') ? 'graphql-transport-ws' : false) });
wss.on('connection', (socket) => {
  let feed: string | undefined;
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { type: string; id?: string; payload?: { feed?: string } };
    switch (message.type) {
      case 'connection_init':
        feed = String(message.payload?.feed ?? 'pool');
        socket.send('{"type":"connection_ack"}');
        return;
      case 'subscribe': {
        if (!feed) return void socket.close(4401, 'Unauthorized');
        let sockets = feeds.get(feed);
        if (!sockets) feeds.set(feed, (sockets = new Map()));
        sockets.set(socket, String(message.id));
        return;
      }
      case 'complete':
        if (feed) feeds.get(feed)?.delete(socket);
        return;
      case 'ping':
        socket.send('{"type":"pong"}');
        return;
    }
  });
  socket.on('close', () => {
    if (feed) feeds.get(feed)?.delete(socket);
  });
});

server.listen(PORT, '127.0.0.1');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const client of wss.clients) client.terminate();
    wss.close();
    server.close();
    void closeRedis().then(() => process.exit(0));
  });
}

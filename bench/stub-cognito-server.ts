/**
 * The Cognito stub (bench/stub-cognito.ts) as a child process of its own, for
 * the HTTP benchmarks: its CPU is then its own, visible in /proc, and not
 * the load generator's.
 *
 * Run as `node --import tsx bench/stub-cognito-server.ts` with
 *
 * - `PORT`: the stub (the service's `COGNITO_ENDPOINT`); 0 picks one.
 * - `CONTROL_PORT`: a second, benchmark-only server (below); 0 picks one.
 * - `STUB_USERS`, `STUB_ADMINS`, `STUB_DELAY_MS`, `STUB_POOL_ID`: as {@link startStubCognito}'s options
 *   (the pool id may be chosen by the caller, so the service can start before the stub is up).
 *
 * When listening it prints one JSON line on stdout:
 * `{"url":"http://127.0.0.1:…","poolId":"us-east-1_Bench…","control":"http://127.0.0.1:…"}`.
 *
 * The control server (never seen by the service):
 *
 * - `GET /ready` → 200.
 * - `GET /info` → `{"url":…,"poolId":…}`: the stub's URL and pool id.
 * - `POST /tokens` `{"usernames":["u00000",…]}` → `{"tokens":[…]}`: access
 *   tokens signed with the stub's key, as the service accepts them.
 * - `GET /calls` → `{"calls":{"GetUser":n,…},"distinct":{"GetUser":n,"AdminGetUser":n}}`:
 *   calls answered per operation since the start, and how many different
 *   access tokens (GetUser) and usernames (AdminGetUser) were asked since the
 *   last `POST /distinct/reset` (to check that a run really spreads over
 *   many users).
 * - `POST /distinct/reset` → 204.
 * - `PUT /delay` `{"ms":20}` → 204: the delay of every answer from now on.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startStubCognito } from './stub-cognito.js';

const number = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

const stub = await startStubCognito({
  port: number('PORT', 0),
  users: number('STUB_USERS', 1_000),
  admins: number('STUB_ADMINS', 10),
  delayMs: number('STUB_DELAY_MS', 0),
  ...(process.env.STUB_POOL_ID ? { poolId: process.env.STUB_POOL_ID } : {}),
});

const tokensSeen = new Set<string>();
const usernamesSeen = new Set<string>();
stub.onCall = (operation, input) => {
  if (operation === 'GetUser' && typeof input.AccessToken === 'string') tokensSeen.add(input.AccessToken);
  else if (operation === 'AdminGetUser' && typeof input.Username === 'string') usernamesSeen.add(input.Username);
};

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

async function control(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const route = `${req.method} ${req.url}`;
  switch (route) {
    case 'GET /ready':
      return json(res, 200, { ok: true });
    case 'GET /info':
      return json(res, 200, { url: stub.url, poolId: stub.poolId });
    case 'POST /tokens': {
      const { usernames } = (await body(req)) as { usernames?: unknown };
      if (!Array.isArray(usernames)) return json(res, 400, { error: 'usernames must be an array' });
      return json(res, 200, { tokens: await stub.accessTokens(usernames.map(String)) });
    }
    case 'GET /calls':
      return json(res, 200, { calls: stub.calls, distinct: { GetUser: tokensSeen.size, AdminGetUser: usernamesSeen.size } });
    case 'POST /distinct/reset':
      tokensSeen.clear();
      usernamesSeen.clear();
      res.writeHead(204).end();
      return;
    case 'PUT /delay': {
      const { ms } = (await body(req)) as { ms?: unknown };
      if (typeof ms !== 'number' || !(ms >= 0)) return json(res, 400, { error: 'ms must be a number ≥ 0' });
      stub.delayMs = ms;
      res.writeHead(204).end();
      return;
    }
    default:
      return json(res, 404, { error: `no ${route}` });
  }
}

const server = createServer((req, res) => {
  control(req, res).catch((error: unknown) => json(res, 500, { error: String(error) }));
});
await new Promise<void>((resolve, reject) => {
  server.once('error', reject);
  server.listen(number('CONTROL_PORT', 0), '127.0.0.1', () => resolve());
});
const { port } = server.address() as AddressInfo;
console.log(JSON.stringify({ url: stub.url, poolId: stub.poolId, control: `http://127.0.0.1:${port}` }));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void stub.stop().finally(() => process.exit(0));
  });
}

/**
 * ListUsers as real Cognito answers it, in front of the emulator, which
 * answers every match at once, ignores `Limit` and `PaginationToken`, and
 * compares a filter's quoted value without reading its escapes: an HTTP
 * proxy that forwards every call, and answers ListUsers itself from the
 * emulator's whole list of the pool's users:
 *
 * - the `Filter` read as Cognito documents it (`attribute = "value"` or
 *   `^=`, `\"` and `\\` escaped), on the attributes Cognito filters on;
 * - pages of `Limit` users (at most 60, default 60), or fewer when
 *   {@link PagingCognito.pageSize} says so (Cognito's filtered pages may hold
 *   fewer than `Limit`), with an opaque `PaginationToken` while more follow;
 * - as Cognito may, a token after a last page that happened to be full
 *   ({@link PagingCognito.tokenAfterFullLastPage}), so the page after it is empty;
 * - an unknown token, a `Limit` over 60 or a filter it cannot read:
 *   Cognito's InvalidParameterException.
 *
 * Put it in front of a service as its SDK client's endpoint
 * (`startTestApp(cognito, {}, { cognito: createCognitoClient({ endpoint: paging.endpoint, … }) })`):
 * the emulator's tokens verify as they are.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EmulatorFront, operationOf } from './emulator-front.js';

/** Cognito's most users in one ListUsers page, and its default. */
const MAX_LIMIT = 60;

/** One ListUsers request as it reached the proxy. */
export interface ListUsersSeen {
  Filter?: string;
  Limit?: number;
  PaginationToken?: string;
}

/** Where a token continues: the search it belongs to and the user it starts at. */
interface TokenPlace {
  search: string;
  start: number;
}

/** The proxy; see the module's documentation. */
export class PagingCognito extends EmulatorFront {
  /** Answer a PaginationToken also after a full page that is the last one (its next page is empty). */
  tokenAfterFullLastPage = false;
  /** The most users one page holds, whatever `Limit` asks. */
  pageSize = MAX_LIMIT;
  /** Every ListUsers request, in order. */
  readonly listUsers: ListUsersSeen[] = [];
  readonly #tokens = new Map<string, TokenPlace>();

  /** Starts the proxy on a free loopback port in front of `upstream` (the emulator's endpoint). */
  static async start(upstream: string): Promise<PagingCognito> {
    return new PagingCognito(upstream).listen();
  }

  protected override handle(req: IncomingMessage, res: ServerResponse): void {
    // It reads whole bodies, so anything going wrong on the way (the emulator unreachable) drops the caller's connection.
    void this.#answer(req, res).catch(() => res.destroy());
  }

  async #answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (operationOf(req) !== 'ListUsers') {
      const answer = await this.#forward(req, body);
      res.writeHead(answer.status, answer.headers).end(answer.body);
      return;
    }
    const input = JSON.parse(body.toString('utf8')) as ListUsersSeen & Record<string, unknown>;
    this.listUsers.push({ ...(input.Filter ? { Filter: input.Filter } : {}), ...(input.Limit !== undefined ? { Limit: input.Limit } : {}), ...(input.PaginationToken ? { PaginationToken: input.PaginationToken } : {}) });
    const limit = input.Limit ?? MAX_LIMIT;
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_LIMIT) return invalid(res, `Limit must be 0 to ${MAX_LIMIT}.`);
    const matches = input.Filter === undefined ? () => true : filterOf(input.Filter);
    if (!matches) return invalid(res, 'Error while parsing filter.');
    const search = `${String(input.UserPoolId)}\u0000${input.Filter ?? ''}`;
    let start = 0;
    if (input.PaginationToken !== undefined) {
      const place = this.#tokens.get(input.PaginationToken);
      if (!place || place.search !== search) return invalid(res, 'Invalid pagination token.');
      start = place.start;
    }
    const { PaginationToken: _token, Limit: _limit, Filter: _filter, ...rest } = input;
    const answer = await this.#forward(req, Buffer.from(JSON.stringify(rest)));
    if (answer.status !== 200) {
      res.writeHead(answer.status, answer.headers).end(answer.body);
      return;
    }
    const all = ((JSON.parse(answer.body.toString('utf8')) as { Users?: ListedUser[] }).Users ?? []).filter(matches);
    const end = start + Math.min(limit, this.pageSize);
    const page: { Users: unknown[]; PaginationToken?: string } = { Users: all.slice(start, end) };
    if (end < all.length || (this.tokenAfterFullLastPage && limit > 0 && end === all.length)) {
      const token = randomUUID();
      this.#tokens.set(token, { search, start: end });
      page.PaginationToken = token;
    }
    const text = JSON.stringify(page);
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(text) }).end(text);
  }

  /** Forwards `req` with `body`, and reads the emulator's whole answer (its length then known, no longer chunked). */
  async #forward(req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
    const upstream = await this.request(req, body);
    const chunks: Buffer[] = [];
    for await (const chunk of upstream) chunks.push(chunk as Buffer);
    const { 'transfer-encoding': _chunked, ...headers } = upstream.headers;
    const answer = Buffer.concat(chunks);
    return { status: upstream.statusCode ?? 502, headers: { ...headers, 'content-length': String(answer.length) }, body: answer };
  }
}

/** A user as the emulator's ListUsers answers them. */
interface ListedUser {
  Username?: string;
  Attributes?: { Name?: string; Value?: string }[];
  UserStatus?: string;
  Enabled?: boolean;
}

/** What each attribute Cognito filters on is, of a listed user. */
const FILTERABLE: Record<string, (user: ListedUser) => string | undefined> = {
  username: (u) => u.Username,
  'cognito:user_status': (u) => u.UserStatus?.toLowerCase(),
  status: (u) => (u.Enabled === false ? 'Disabled' : 'Enabled'),
  ...Object.fromEntries(
    ['email', 'phone_number', 'name', 'given_name', 'family_name', 'preferred_username', 'sub'].map((name) => [
      name,
      (u: ListedUser) => u.Attributes?.find((a) => a.Name === name)?.Value,
    ]),
  ),
};

/** The users `filter` selects, as Cognito reads it; `undefined` for a filter Cognito would refuse. */
function filterOf(filter: string): ((user: ListedUser) => boolean) | undefined {
  const match = /^\s*(\S+)\s+(\^?=)\s+"((?:[^"\\]|\\.)*)"\s*$/su.exec(filter);
  const read = match?.[1] ? FILTERABLE[match[1]] : undefined;
  if (!match || !read) return undefined;
  const operator = match[2];
  let value = (match[3] ?? '').replace(/\\(.)/gsu, '$1');
  if (match[1] === 'cognito:user_status') value = value.toLowerCase();
  return (user) => {
    const actual = read(user);
    return actual !== undefined && (operator === '=' ? actual === value : actual.startsWith(value));
  };
}

/** Cognito's InvalidParameterException, as its JSON protocol answers it. */
function invalid(res: ServerResponse, message: string): void {
  res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify({ __type: 'InvalidParameterException', message }));
}

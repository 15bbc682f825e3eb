/**
 * `userSearch`, against the real emulator and against a Cognito that pages
 * as the real one does (test/support/paging-cognito.ts, an HTTP proxy in
 * front of the emulator: `Limit`, `PaginationToken`, escapes in the filter):
 *
 * - EQUALS and STARTS_WITH find exactly the users Cognito's own ListUsers
 *   finds, in its order; no filter lists the whole pool;
 * - walking the pages, from `pageInfo.endCursor` or from any edge's `cursor`,
 *   gives every user exactly once, in order, and ends with `hasNextPage: false`;
 * - a value's `"` and `\` are escaped in the filter Cognito gets: it finds
 *   only the user with that value (or nothing, on the emulator), never an error;
 * - administrators only, on pools they administer; refused input (an
 *   attribute Cognito cannot filter on, a bad value, `first` outside 1..60, a
 *   cursor that is garbage or another search's) is refused before any call;
 * - each page is one ListUsers call, made as the caller's (their share of the
 *   UserList quota), and the users it finds cost no AdminGetUser.
 */
import {
  AdminCreateUserCommand,
  CreateUserPoolCommand,
  ListUsersCommand,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomUUID } from 'node:crypto';
import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCognitoClient } from '../src/cognito/sdk-client.js';
import { createContext } from '../src/context.js';
import { schema } from '../src/schema/index.js';
import { graphql } from './gql/index.js';
import type { UserFilterInput } from './gql/graphql.js';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';
import { PagingCognito } from './support/paging-cognito.js';

const SearchUsers = graphql(`
  query SearchUsers($filter: UserFilterInput, $first: Int, $after: String, $userPoolId: ID) {
    userSearch(filter: $filter, first: $first, after: $after, userPoolId: $userPoolId) {
      edges {
        cursor
        node {
          username
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const SearchDetails = graphql(`
  query SearchDetails($filter: UserFilterInput) {
    userSearch(filter: $filter) {
      edges {
        node {
          username
          sub
          userPoolId
          status
          enabled
          createdAt
          updatedAt
          attributes {
            name
            value
          }
        }
      }
    }
  }
`);

let cognito: TestCognito;
let service: TestApp;
let alice: string;
let bob: string;
let otherPoolId: string;

/** This run's users begin with it, so every count here is exact whatever else the pool holds. */
const RUN = `s${randomUUID().slice(0, 8)}`;
/** Five users for the filters and the paging, in the order they are created. */
const FIVE = ['a', 'b', 'c', 'd', 'e'].map((letter) => `${RUN}-u${letter}`);
/** A `name` holding both characters a filter value must escape. */
const QUOTED_NAME = `${RUN} O"Brien \\ Jr`;

const usernames = (page: { edges: { node: { username: string } }[] } | undefined) => page?.edges.map((e) => e.node.username) ?? [];
const listUsersSent = (app: TestApp) => app.sent.filter((c) => c.command === 'ListUsers');
const adminGetUsersSent = (app: TestApp) => app.calls.filter((c) => c === 'AdminGetUser');

async function createUser(username: string, attributes: Record<string, string>, userPoolId = cognito.demo.userPoolId): Promise<void> {
  const UserAttributes: AttributeType[] = Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));
  await cognito.sdk.send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: username, MessageAction: 'SUPPRESS', UserAttributes }));
}

/** The usernames Cognito's own ListUsers answers for `filter`, in its order (the emulator answers every match at once). */
async function direct(filter?: string, userPoolId = cognito.demo.userPoolId): Promise<string[]> {
  const { Users = [] } = await cognito.sdk.send(new ListUsersCommand({ UserPoolId: userPoolId, ...(filter ? { Filter: filter } : {}) }));
  return Users.map((u) => u.Username ?? '');
}

/** Every page of a search, from the start (or `after`), following `endCursor` while `hasNextPage`. */
async function walk(app: TestApp, filter: UserFilterInput | undefined, first: number, after?: string) {
  const pages: string[][] = [];
  let cursor = after;
  for (let i = 0; i < 200; i += 1) {
    const { data, errors } = await app.request(SearchUsers, { ...(filter ? { filter } : {}), first, ...(cursor ? { after: cursor } : {}) }, { token: alice });
    expect(errors).toBeUndefined();
    const page = data?.userSearch;
    pages.push(usernames(page));
    if (!page?.pageInfo.hasNextPage) return pages;
    expect(page.pageInfo.endCursor).toEqual(expect.any(String));
    cursor = page.pageInfo.endCursor ?? undefined;
  }
  throw new Error('the walk did not end');
}

beforeAll(async () => {
  cognito = await startTestCognito();
  const { UserPool } = await cognito.sdk.send(new CreateUserPoolCommand({ PoolName: 'user-search-other' }));
  otherPoolId = UserPool?.Id ?? '';
  const { userPoolId } = cognito.demo;
  // alice walks many pages here, each a ListUsers call: more in a second than UserList's
  // 30, and than her 25 % share of it. The quota and the share have their own test below.
  service = await startTestApp(cognito, {
    QUOTA_USER_LIST_PER_SECOND: '1000',
    QUOTA_CALLER_SHARE_PERCENT: '100',
    COGNITO_USER_POOL_IDS: `${userPoolId},${otherPoolId}`,
    COGNITO_ADMIN_POOLS: `${userPoolId}:${userPoolId}+${otherPoolId}`,
  });
  alice = await cognito.tokens.tokenFor('alice');
  bob = await cognito.tokens.tokenFor('bob');
  for (const username of FIVE) {
    await createUser(username, { email: `${username}@example.com`, name: `Search ${username}`, family_name: `${RUN}-family` });
  }
  await createUser(`${RUN}-quoted`, { email: `${RUN}-quoted@example.com`, name: QUOTED_NAME });
});
afterAll(async () => {
  await service?.stop();
  await cognito?.stop();
});

describe('userSearch on the emulator', () => {
  it('should find the one user whose attribute EQUALS the value', async () => {
    const byEmail = await service.request(SearchUsers, { filter: { attribute: 'email', value: `${FIVE[2]}@example.com` } }, { token: alice });
    expect(byEmail.errors).toBeUndefined();
    expect(usernames(byEmail.data?.userSearch)).toEqual([FIVE[2]]);
    expect(byEmail.data?.userSearch.pageInfo.hasNextPage).toBe(false);

    // EQUALS is the default operator; a value that only starts a username finds nobody.
    const byUsername = await service.request(SearchUsers, { filter: { attribute: 'username', operator: 'EQUALS', value: FIVE[4]! } }, { token: alice });
    expect(usernames(byUsername.data?.userSearch)).toEqual([FIVE[4]]);
    const prefixOnly = await service.request(SearchUsers, { filter: { attribute: 'username', value: `${RUN}-u` } }, { token: alice });
    expect(prefixOnly.errors).toBeUndefined();
    expect(prefixOnly.data?.userSearch).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it("should find every user whose attribute STARTS_WITH the value, in Cognito's order", async () => {
    const { data, errors } = await service.request(SearchUsers, { filter: { attribute: 'username', operator: 'STARTS_WITH', value: `${RUN}-u` } }, { token: alice });
    expect(errors).toBeUndefined();
    expect(usernames(data?.userSearch)).toEqual(await direct(`username ^= "${RUN}-u"`));
    expect(usernames(data?.userSearch).sort()).toEqual([...FIVE].sort());

    const byFamily = await service.request(SearchUsers, { filter: { attribute: 'family_name', operator: 'STARTS_WITH', value: RUN } }, { token: alice });
    expect(usernames(byFamily.data?.userSearch).sort()).toEqual([...FIVE].sort());
  });

  it('should send Cognito the filter with the operator and the quoted value', async () => {
    service.calls.length = 0;
    await service.request(SearchUsers, { filter: { attribute: 'name', operator: 'STARTS_WITH', value: 'Search' }, first: 7 }, { token: alice });
    expect(listUsersSent(service).map((c) => c.input)).toEqual([{ UserPoolId: cognito.demo.userPoolId, Filter: 'name ^= "Search"', Limit: 8 }]);
  });

  it('should walk 5 users 2 at a time: each once, in order, one ListUsers call a page, hasNextPage false at the end', async () => {
    service.calls.length = 0;
    const pages = await walk(service, { attribute: 'username', operator: 'STARTS_WITH', value: `${RUN}-u` }, 2);
    expect(pages).toEqual([
      [FIVE[0], FIVE[1]],
      [FIVE[2], FIVE[3]],
      [FIVE[4]],
    ]);
    expect(pages.flat()).toEqual(await direct(`username ^= "${RUN}-u"`));
    expect(listUsersSent(service)).toHaveLength(3);
  });

  it("should resume right after the edge whose cursor is passed as `after`", async () => {
    const filter = { attribute: 'family_name', value: `${RUN}-family` };
    const { data } = await service.request(SearchUsers, { filter, first: 5 }, { token: alice });
    const edges = data?.userSearch.edges ?? [];
    expect(edges.map((e) => e.node.username)).toEqual(FIVE);
    for (const [i, edge] of edges.entries()) {
      const rest = await service.request(SearchUsers, { filter, first: 5, after: edge.cursor }, { token: alice });
      expect(rest.errors).toBeUndefined();
      expect(usernames(rest.data?.userSearch)).toEqual(FIVE.slice(i + 1));
      expect(rest.data?.userSearch.pageInfo.hasNextPage).toBe(false);
      // And 1 at a time from there: the same users.
      expect((await walk(service, filter, 1, edge.cursor)).flat()).toEqual(FIVE.slice(i + 1));
    }
  });

  it('should list the whole pool without a filter, 60 users at most a page', async () => {
    const everyone = await direct();
    expect(everyone).toEqual(expect.arrayContaining(['alice', 'bob', ...FIVE]));
    const pages = await walk(service, undefined, 60);
    expect(pages.flat()).toEqual(everyone);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(60);
    const defaultPage = await service.request(SearchUsers, {}, { token: alice });
    expect(usernames(defaultPage.data?.userSearch)).toEqual(everyone.slice(0, 20));
  });

  it('should search the other pool when it is named, and find only its users', async () => {
    await createUser(`${RUN}-elsewhere`, { email: `${RUN}-elsewhere@example.com` }, otherPoolId);
    const { data, errors } = await service.request(SearchUsers, { filter: { attribute: 'username', operator: 'STARTS_WITH', value: RUN }, userPoolId: otherPoolId }, { token: alice });
    expect(errors).toBeUndefined();
    expect(usernames(data?.userSearch)).toEqual([`${RUN}-elsewhere`]);
  });

  it('should escape `"` and `\\` in the value: the right user or nobody, never an error', async () => {
    service.calls.length = 0;
    const { data, errors } = await service.request(SearchUsers, { filter: { attribute: 'name', value: QUOTED_NAME } }, { token: alice });
    expect(errors).toBeUndefined();
    expect(listUsersSent(service)[0]?.input.Filter).toBe(`name = "${RUN} O\\"Brien \\\\ Jr"`);
    // The emulator compares the quoted text as it is, escapes included: it finds nobody. Cognito reads them (below).
    expect([[], [`${RUN}-quoted`]]).toContainEqual(usernames(data?.userSearch));

    for (const value of [`${RUN} O"`, `${RUN}"`, '"', '\\', '\\"', `" or username = "alice`, `${RUN}-ua" `]) {
      const search = await service.request(SearchUsers, { filter: { attribute: 'name', operator: 'STARTS_WITH', value } }, { token: alice });
      expect(search.errors).toBeUndefined();
      expect(usernames(search.data?.userSearch).every((u) => u === `${RUN}-quoted`)).toBe(true);
    }
  });

  it("should read found users' admin fields from ListUsers' answer, with no AdminGetUser", async () => {
    service.calls.length = 0;
    const { data, errors } = await service.request(SearchDetails, { filter: { attribute: 'username', value: FIVE[1]! } }, { token: alice });
    expect(errors).toBeUndefined();
    expect(data?.userSearch.edges[0]?.node).toMatchObject({ username: FIVE[1], userPoolId: cognito.demo.userPoolId, status: 'FORCE_CHANGE_PASSWORD', enabled: true });
    expect(data?.userSearch.edges[0]?.node.createdAt).toEqual(expect.any(String));
    expect(data?.userSearch.edges[0]?.node.attributes).toEqual(expect.arrayContaining([{ name: 'email', value: `${FIVE[1]}@example.com` }]));
    expect(service.calls.filter((c) => c !== 'AdminListGroupsForUser')).toEqual(['ListUsers']);
  });

  it("should prime the request's user loader: a later read of a found user costs nothing", async () => {
    const context = await createContext({ authorization: `Bearer ${alice}` }, service.app.services);
    const result = await execute({
      schema,
      document: parse(`{ userSearch(filter: { attribute: "family_name", value: "${RUN}-family" }) { edges { node { username } } } }`),
      contextValue: context,
    });
    expect(result.errors).toBeUndefined();
    service.calls.length = 0;
    const loaded = await context.loaders.user.loadMany(FIVE.map((username) => ({ userPoolId: cognito.demo.userPoolId, username })));
    expect(loaded.map((u) => (u instanceof Error ? u : u?.admin?.status))).toEqual(FIVE.map(() => 'FORCE_CHANGE_PASSWORD'));
    expect(service.calls).toEqual([]);
  });
});

describe('userSearch refuses', () => {
  const filter = { attribute: 'username', operator: 'STARTS_WITH' as const, value: `${RUN}-u` };

  /** `variables` as alice (or `token`): the codes of the errors, and whether a ListUsers call was made. */
  async function refused(variables: Record<string, unknown>, token = alice) {
    service.calls.length = 0;
    const { data, errors } = await service.request(SearchUsers, variables as never, { token });
    return { codes: codes(errors), errors, data, listed: service.calls.includes('ListUsers') };
  }

  it('should refuse a user who is not an administrator with FORBIDDEN', async () => {
    expect(await refused({ filter }, bob)).toMatchObject({ codes: ['FORBIDDEN'], data: null, listed: false });
    expect(await refused({ filter }, '')).toMatchObject({ codes: ['UNAUTHENTICATED'], listed: false });
  });

  it('should refuse a pool this service may not act on with FORBIDDEN', async () => {
    expect(await refused({ filter, userPoolId: 'us-east-1_Elsewhere' })).toMatchObject({ codes: ['FORBIDDEN'], listed: false });
  });

  it('should refuse an attribute ListUsers cannot filter on with BAD_USER_INPUT naming it', async () => {
    for (const attribute of ['custom:plan', 'custom:tenant_id', 'address', 'email_verified', 'Email', 'email ', '']) {
      const answer = await refused({ filter: { attribute, value: 'x' } });
      expect(answer).toMatchObject({ codes: ['BAD_USER_INPUT'], listed: false });
      expect(answer.errors?.[0]?.extensions?.attribute).toBe(attribute);
    }
  });

  it('should refuse an operator that is not EQUALS or STARTS_WITH', async () => {
    // In variables, GraphQL itself refuses it, before any resolver (graphql-js gives such errors no code).
    const answer = await refused({ filter: { attribute: 'email', operator: 'CONTAINS', value: 'x' } });
    expect(answer.errors?.map((e) => e.message)).toEqual([expect.stringMatching(/"CONTAINS" does not exist in "UserFilterOperator"/)]);
    expect(answer).toMatchObject({ data: undefined, listed: false });
    const inline = await service.request(`{ userSearch(filter: { attribute: "email", operator: CONTAINS, value: "x" }) { edges { cursor } } }`, {}, { token: alice });
    expect(codes(inline.errors)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('should refuse an empty value, one over 256 characters, or one with a control character, naming the attribute', async () => {
    for (const value of ['', 'x'.repeat(257), `a\u0000b`, 'a\nb', 'a\u007fb', '\u0085', '\uD800']) {
      const answer = await refused({ filter: { attribute: 'name', value } });
      expect(answer).toMatchObject({ codes: ['BAD_USER_INPUT'], listed: false });
      expect(answer.errors?.[0]?.extensions?.attribute).toBe('name');
    }
    expect((await refused({ filter: { attribute: 'name', value: 'x'.repeat(257) } })).errors?.[0]?.message).toBe('A value to search for has at most 256 characters.');
    // 256 characters are a value, but not a filter: Cognito takes at most 256 characters in all.
    expect(await refused({ filter: { attribute: 'name', value: 'é'.repeat(256) } })).toMatchObject({ codes: ['BAD_USER_INPUT'], listed: false });
    expect(await refused({ filter: { attribute: 'name', value: 'é'.repeat(247) } })).toMatchObject({ codes: [], listed: true });
  });

  it('should refuse `first` outside 1 to 60 with BAD_USER_INPUT', async () => {
    for (const first of [0, 61, -1, 1_000]) expect(await refused({ filter, first })).toMatchObject({ codes: ['BAD_USER_INPUT'], listed: false });
    for (const first of [1, 60, null]) expect(await refused({ filter, first })).toMatchObject({ codes: [], listed: true });
  });

  it('should refuse a cursor that is garbage or forged with BAD_USER_INPUT', async () => {
    const json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const { data } = await service.request(SearchUsers, { filter, first: 1 }, { token: alice });
    const real = JSON.parse(Buffer.from(data?.userSearch.pageInfo.endCursor ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    for (const after of [
      'garbage!',
      '',
      Buffer.from('not json').toString('base64url'),
      json(null),
      json([1]),
      json({ o: 1 }),
      json({ ...real, o: -1 }),
      json({ ...real, o: 1.5 }),
      json({ ...real, o: '1' }),
      json({ ...real, t: 7 }),
      json({ ...real, s: 'forged' }),
      'A'.repeat(5_000),
    ]) {
      expect(await refused({ filter, after }), after.slice(0, 40)).toMatchObject({ codes: ['BAD_USER_INPUT'], listed: false });
    }
  });

  it('should refuse a cursor with another filter, another operator, no filter or another pool', async () => {
    const { data } = await service.request(SearchUsers, { filter, first: 1 }, { token: alice });
    const cursors = [data?.userSearch.pageInfo.endCursor, data?.userSearch.edges[0]?.cursor];
    for (const after of cursors) {
      expect(after).toEqual(expect.any(String));
      for (const variables of [
        { filter: { ...filter, value: `${RUN}-ub` } },
        { filter: { ...filter, operator: 'EQUALS' } },
        { filter: { ...filter, attribute: 'email' } },
        {},
        { filter, userPoolId: otherPoolId },
      ]) {
        expect(await refused({ ...variables, after })).toMatchObject({ codes: ['BAD_USER_INPUT'], listed: false });
      }
      expect(await refused({ filter, after })).toMatchObject({ codes: [], listed: true });
    }
  });
});

describe('userSearch and the UserList quota', () => {
  it("should count each page against the caller's share of UserList", async () => {
    // 4 a second, a caller's share 25 %: one page a second for alice.
    const limited = await startTestApp(cognito, { QUOTA_USER_LIST_PER_SECOND: '4', QUOTA_CALLER_SHARE_PERCENT: '25', QUOTA_MAX_WAIT_MS: '0' });
    try {
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await limited.request(SearchUsers, { first: 1 }, { token: alice }));
      const refusedPages = answers.filter((a) => codes(a.errors).includes('LIMIT_EXCEEDED'));
      // Three pages within well under two seconds: at most two windows, so at least one refused.
      expect(refusedPages.length).toBeGreaterThanOrEqual(1);
      expect(limited.calls.filter((c) => c === 'ListUsers')).toHaveLength(3 - refusedPages.length);
    } finally {
      await limited.stop();
    }
  });
});

describe('userSearch on a Cognito that pages (Limit, PaginationToken)', () => {
  let paging: PagingCognito;
  let real: TestApp;
  const MANY = Array.from({ length: 62 }, (_, i) => `${RUN}-m${String(i).padStart(2, '0')}`);
  const manyFilter = { attribute: 'username', operator: 'STARTS_WITH' as const, value: `${RUN}-m` };
  const fiveFilter = { attribute: 'family_name', value: `${RUN}-family` };

  beforeAll(async () => {
    paging = await PagingCognito.start(cognito.endpoint);
    real = await startTestApp(cognito, { QUOTA_CALLER_SHARE_PERCENT: '100', QUOTA_USER_LIST_PER_SECOND: '1000' }, {
      cognito: createCognitoClient({ region: 'us-east-1', endpoint: paging.endpoint, timeoutMs: 5_000 }),
    });
    for (const username of MANY) await createUser(username, { email: `${username}@example.com` });
  });
  afterAll(async () => {
    await real?.stop();
    await paging?.stop();
  });

  it('should walk 62 users over Cognito pages of 60, ask for at most 60 a call, and follow PaginationToken', async () => {
    paging.pageSize = 60;
    paging.tokenAfterFullLastPage = false;
    paging.listUsers.length = 0;
    const pages = await walk(real, manyFilter, 25);
    expect(pages.map((p) => p.length)).toEqual([25, 25, 12]);
    expect(pages.flat()).toEqual(MANY);
    expect(paging.listUsers.every((r) => r.Limit !== undefined && r.Limit <= 60)).toBe(true);
    // The third page ends Cognito's first page and fills up from its second, with its token.
    expect(paging.listUsers.map((r) => [r.Limit, r.PaginationToken === undefined ? 'start' : 'token'])).toEqual([
      [26, 'start'],
      [51, 'start'],
      [60, 'start'],
      [16, 'token'],
    ]);
  });

  it('should walk every user exactly once, in order, whatever the page sizes of Cognito and of the client', async () => {
    for (const pageSize of [1, 2, 3, 60]) {
      for (const tokenAfterFullLastPage of [false, true]) {
        paging.pageSize = pageSize;
        paging.tokenAfterFullLastPage = tokenAfterFullLastPage;
        for (const first of [1, 2, 3, 5, 6]) {
          const pages = await walk(real, fiveFilter, first);
          const label = `Cognito pages of ${pageSize}${tokenAfterFullLastPage ? ' (a token after the last)' : ''}, first ${first}`;
          expect(pages.flat(), label).toEqual(FIVE);
          // Only the page after a token that led nowhere may be empty.
          expect(pages.slice(0, -1).every((p) => p.length > 0), label).toBe(true);
          for (const page of pages) expect(page.length, label).toBeLessThanOrEqual(first);
        }
      }
    }
  });

  it("should resume right after any edge's cursor across Cognito's pages", async () => {
    paging.pageSize = 2;
    paging.tokenAfterFullLastPage = false;
    const all: { cursor: string; username: string }[] = [];
    let after: string | undefined;
    for (;;) {
      const { data, errors } = await real.request(SearchUsers, { filter: fiveFilter, first: 3, ...(after ? { after } : {}) }, { token: alice });
      expect(errors).toBeUndefined();
      all.push(...(data?.userSearch.edges ?? []).map((e) => ({ cursor: e.cursor, username: e.node.username })));
      if (!data?.userSearch.pageInfo.hasNextPage) break;
      after = data.userSearch.pageInfo.endCursor ?? undefined;
    }
    expect(all.map((e) => e.username)).toEqual(FIVE);
    for (const [i, edge] of all.entries()) {
      expect((await walk(real, fiveFilter, 2, edge.cursor)).flat()).toEqual(FIVE.slice(i + 1));
    }
  });

  it("should escape the value as Cognito reads it: `\"` and `\\` find exactly the user with that value", async () => {
    paging.pageSize = 60;
    // A decoy whose name is the escaped text itself: an unescaped filter would find it.
    const decoy = `${RUN}-decoy`;
    const decoyName = `${RUN}-2 O\\"Brien \\\\ Jr`;
    const quoted = `${RUN}-quoted-2`;
    await createUser(decoy, { name: decoyName });
    await createUser(quoted, { name: `${RUN}-2 O"Brien \\ Jr` });
    for (const [value, expected] of [
      [`${RUN}-2 O"Brien \\ Jr`, [quoted]],
      [decoyName, [decoy]],
      [`${RUN} O"Brien \\ Jr`, [`${RUN}-quoted`]],
    ] as const) {
      const { data, errors } = await real.request(SearchUsers, { filter: { attribute: 'name', value } }, { token: alice });
      expect(errors).toBeUndefined();
      expect(usernames(data?.userSearch)).toEqual(expected);
    }
    const prefix = await real.request(SearchUsers, { filter: { attribute: 'name', operator: 'STARTS_WITH', value: `${RUN}-2 O"` } }, { token: alice });
    expect(usernames(prefix.data?.userSearch)).toEqual([quoted]);
  });

  it("should answer BAD_USER_INPUT for a cursor whose PaginationToken Cognito does not know", async () => {
    paging.pageSize = 2;
    const { data } = await real.request(SearchUsers, { filter: fiveFilter, first: 2 }, { token: alice });
    const cursor = JSON.parse(Buffer.from(data?.userSearch.pageInfo.endCursor ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(cursor.t).toEqual(expect.any(String));
    const forged = Buffer.from(JSON.stringify({ ...cursor, t: 'no-such-token' })).toString('base64url');
    const answer = await real.request(SearchUsers, { filter: fiveFilter, first: 2, after: forged }, { token: alice });
    expect(codes(answer.errors)).toEqual(['BAD_USER_INPUT']);
  });
});

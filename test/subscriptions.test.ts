/**
 * The contract's subscriptions (`myAttributesChanged`, `userAttributesChanged`,
 * `userPoolAttributesChanged`) over REAL sockets on an ephemeral port: graphql-ws
 * with graphql-ws's own client, and Yoga's SSE over `fetch`. Each event is
 * checked against Cognito's own state (AdminGetUser with the test's SDK):
 * one event per change, the right source, what the subscriber may see, the
 * auth rules on connect and at token expiry, and fan-out without a Cognito
 * call per subscriber.
 */
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CreateUserPoolClientCommand,
  DescribeUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { signIn } from '../src/embedded/seed.js';
import { graphql } from './gql/index.js';
import { createCognitoClient } from '../src/cognito/sdk-client.js';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { CognitoProxy } from './support/cognito-proxy.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';
import { sseSubscribe, subscribe, watchFeed, wsSubscribe, type FeedWatch, type Subscriber, type WireResult } from './support/subscribers.js';
import { claimsOf, mintToken, unsignedToken, type AccessClaims } from './support/tokens.js';

const SubsMine = graphql(`
  subscription SubsMine {
    myAttributesChanged {
      user {
        ...UserFields
      }
      ...ChangeFields
    }
  }
`);

const SubsMineStatus = graphql(`
  subscription SubsMineStatus {
    myAttributesChanged {
      user {
        username
        status
      }
      source
    }
  }
`);

const SubsUser = graphql(`
  subscription SubsUser($username: String!, $userPoolId: ID) {
    userAttributesChanged(username: $username, userPoolId: $userPoolId) {
      user {
        ...UserFields
        status
        enabled
      }
      ...ChangeFields
    }
  }
`);

const SubsPool = graphql(`
  subscription SubsPool($userPoolId: ID) {
    userPoolAttributesChanged(userPoolId: $userPoolId) {
      user {
        ...UserFields
        status
        enabled
      }
      ...ChangeFields
    }
  }
`);

const SubsUpdateMine = graphql(`
  mutation SubsUpdateMine($input: UpdateMyAttributesInput!) {
    updateMyAttributes(input: $input) {
      user {
        username
      }
    }
  }
`);

const SubsDeleteMine = graphql(`
  mutation SubsDeleteMine($input: DeleteMyAttributesInput!) {
    deleteMyAttributes(input: $input) {
      user {
        username
      }
    }
  }
`);

const SubsRequestCode = graphql(`
  mutation SubsRequestCode($input: RequestAttributeVerificationCodeInput!) {
    requestAttributeVerificationCode(input: $input) {
      codeDelivery {
        attributeName
      }
    }
  }
`);

const SubsVerifyMine = graphql(`
  mutation SubsVerifyMine($input: VerifyMyAttributeInput!) {
    verifyMyAttribute(input: $input) {
      user {
        username
      }
    }
  }
`);

const SubsAdminUpdate = graphql(`
  mutation SubsAdminUpdate($input: AdminUpdateUserAttributesInput!) {
    adminUpdateUserAttributes(input: $input) {
      user {
        username
      }
    }
  }
`);

const SubsAdminDelete = graphql(`
  mutation SubsAdminDelete($input: AdminDeleteUserAttributesInput!) {
    adminDeleteUserAttributes(input: $input) {
      user {
        username
      }
    }
  }
`);

type Transport = 'ws' | 'sse';
const TRANSPORTS: Transport[] = ['ws', 'sse'];
/** Attributes the second app client may read. */
const LIMITED_READ = ['email', 'name', 'custom:plan'];
/** Long enough for a duplicate or a stray event (published synchronously in-process) to show. */
const QUIET_MS = 300;
const PASSWORD = 'Subs-test-1!';

let cognito: TestCognito;
let service: TestApp;
let feed: FeedWatch;
let alice: string;
let bob: string;
let limitedClientId: string;
const open: Subscriber<unknown>[] = [];

/** Creates a confirmed user with a password and returns nothing; sign in with {@link signIn}. */
async function createUser(username: string, attributes: Record<string, string>): Promise<void> {
  await cognito.sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: cognito.demo.userPoolId,
      Username: username,
      MessageAction: 'SUPPRESS',
      UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
    }),
  );
  await cognito.sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: cognito.demo.userPoolId, Username: username, Password: PASSWORD, Permanent: true }));
}

/** A user as Cognito has them now (AdminGetUser, read by the test itself). */
async function inCognito(username: string) {
  const out = await cognito.sdk.send(new AdminGetUserCommand({ UserPoolId: cognito.demo.userPoolId, Username: username }));
  const attributes = (out.UserAttributes ?? [])
    .map((a) => ({ name: a.Name ?? '', value: a.Value ?? '' }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    username: out.Username ?? '',
    sub: attributes.find((a) => a.name === 'sub')?.value ?? '',
    attributes,
    status: out.UserStatus,
    enabled: out.Enabled,
  };
}

/** Opens a subscriber that `afterEach` disposes. */
function track<TData>(subscriber: Subscriber<TData>): Subscriber<TData> {
  open.push(subscriber as Subscriber<unknown>);
  return subscriber;
}

/** Opens `count` more subscriptions and waits until each listens to the feed. */
async function opened<T extends Subscriber<unknown>[]>(...subscribers: T): Promise<T> {
  await feed.untilListening(feed.listening + subscribers.length);
  return subscribers;
}

/** Fails the test with the response when a mutation did not succeed. */
function ok<T extends { errors: unknown }>(result: T): T {
  expect(result.errors).toBeUndefined();
  return result;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** `occurredAt` is an ISO-8601 UTC instant within the window the change was made in. */
function expectRecent(occurredAt: unknown, from: number, to: number): void {
  expect(occurredAt).toMatch(ISO);
  const at = Date.parse(String(occurredAt));
  expect(at).toBeGreaterThanOrEqual(from - 5);
  expect(at).toBeLessThanOrEqual(to + 5);
}

/** The data of a `next` result that must carry no errors. */
function dataOf<TData>(result: WireResult<TData>): TData {
  expect(result.errors).toBeUndefined();
  expect(result.data).toBeTruthy();
  return result.data!;
}

/** Nothing more arrives: no duplicate and no stray event. */
async function expectNothingMore(...subscribers: Subscriber<unknown>[]): Promise<void> {
  await sleep(QUIET_MS);
  for (const subscriber of subscribers) expect(subscriber.pending()).toEqual([]);
}

beforeAll(async () => {
  cognito = await startTestCognito();
  const { UserPoolClient } = await cognito.sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId: cognito.demo.userPoolId,
      ClientName: 'subs-limited-read',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      ReadAttributes: LIMITED_READ,
    }),
  );
  limitedClientId = UserPoolClient!.ClientId!;
  service = await startTestApp(cognito, {
    COGNITO_CLIENT_IDS: `${cognito.demo.clientId},${limitedClientId}`,
    // Keep pool schemas and app clients cached for the whole file, so call counts do not depend on timing.
    POOL_CACHE_TTL_MS: '600000',
  });
  await service.app.start();
  feed = watchFeed(service.app);
  alice = await cognito.tokens.tokenFor('alice');
  bob = await cognito.tokens.tokenFor('bob');
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.dispose()));
  // Every subscription the test opened has ended on the server too.
  await feed.untilAtMost(0);
});

afterAll(async () => {
  feed?.restore();
  await service?.stop();
  await cognito?.stop();
});

describe.each(TRANSPORTS)('myAttributesChanged over %s', (transport) => {
  const mine = () => track(subscribe(transport, service.app.url, bob, SubsMine));

  it("should deliver the user's own updateMyAttributes exactly once, as SELF, with the user as Cognito has them after", async () => {
    const [sub] = await opened(mine());
    const from = Date.now();
    const value = `self-${transport}`;
    ok(await service.request(SubsUpdateMine, { input: { attributes: [{ name: 'custom:plan', value }] } }, { token: bob }));
    const to = Date.now();

    const event = dataOf(await sub.next()).myAttributesChanged;
    const after = await inCognito('bob');
    expect(after.attributes).toContainEqual({ name: 'custom:plan', value });
    expect(event.source).toBe('SELF');
    expect(event.updated).toEqual([{ name: 'custom:plan', value }]);
    expect(event.deleted).toEqual([]);
    expect(event.user).toEqual({ username: 'bob', sub: after.sub, userPoolId: cognito.demo.userPoolId, attributes: after.attributes });
    expectRecent(event.occurredAt, from, to);
    await expectNothingMore(sub);
  });

  it("should deliver the user's own deleteMyAttributes exactly once, with the names deleted", async () => {
    ok(await service.request(SubsUpdateMine, { input: { attributes: [{ name: 'custom:trial_ends', value: '2028-01-01T00:00:00.000Z' }] } }, { token: bob }));
    const [sub] = await opened(mine());
    const from = Date.now();
    ok(await service.request(SubsDeleteMine, { input: { names: ['custom:trial_ends'] } }, { token: bob }));
    const to = Date.now();

    const event = dataOf(await sub.next()).myAttributesChanged;
    const after = await inCognito('bob');
    expect(after.attributes.map((a) => a.name)).not.toContain('custom:trial_ends');
    expect(event).toMatchObject({ source: 'SELF', updated: [], deleted: ['custom:trial_ends'] });
    expect(event.user.attributes).toEqual(after.attributes);
    expectRecent(event.occurredAt, from, to);
    await expectNothingMore(sub);
  });

  it('should deliver verifyMyAttribute (with the code from the mailbox) once, and nothing for the code request itself', async () => {
    const email = `bob.${transport}@example.org`;
    const [sub] = await opened(mine());
    const delivered = cognito.emulator.mailbox.next('bob');
    ok(await service.request(SubsUpdateMine, { input: { attributes: [{ name: 'email', value: email }] } }, { token: bob }));
    const { code: firstCode } = await delivered;
    // The demo pool keeps the original email until the new one is verified: nothing set yet, the change waits.
    const changed = dataOf(await sub.next()).myAttributesChanged;
    expect(changed.updated).toEqual([]);
    expect(changed.user.attributes).toContainEqual({ name: 'email_verified', value: 'true' });
    expect(firstCode).toMatch(/^\S+$/);

    // Requesting a (new) code changes no attribute: no event.
    const resent = cognito.emulator.mailbox.next('bob');
    ok(await service.request(SubsRequestCode, { input: { attributeName: 'email' } }, { token: bob }));
    const { code } = await resent;
    await expectNothingMore(sub);

    const from = Date.now();
    ok(await service.request(SubsVerifyMine, { input: { attributeName: 'email', code } }, { token: bob }));
    const to = Date.now();
    const event = dataOf(await sub.next()).myAttributesChanged;
    const after = await inCognito('bob');
    expect(after.attributes).toContainEqual({ name: 'email_verified', value: 'true' });
    expect(after.attributes).toContainEqual({ name: 'email', value: email });
    expect(event.source).toBe('SELF');
    expect(event.updated).toEqual([
      { name: 'email_verified', value: 'true' },
      { name: 'email', value: email },
    ]);
    expect(event.deleted).toEqual([]);
    expect(event.user.attributes).toEqual(after.attributes);
    expectRecent(event.occurredAt, from, to);
    await expectNothingMore(sub);
  });

  it("should deliver an administrator's adminUpdateUserAttributes on the user once, as ADMIN", async () => {
    const [sub] = await opened(mine());
    const from = Date.now();
    ok(
      await service.request(
        SubsAdminUpdate,
        { input: { username: 'bob', attributes: [{ name: 'custom:seats', value: transport === 'ws' ? '7' : '8' }, { name: 'name', value: `Bob ${transport}` }] } },
        { token: alice },
      ),
    );
    const to = Date.now();

    const event = dataOf(await sub.next()).myAttributesChanged;
    const after = await inCognito('bob');
    expect(event.source).toBe('ADMIN');
    expect(event.updated).toEqual([
      { name: 'custom:seats', value: transport === 'ws' ? '7' : '8' },
      { name: 'name', value: `Bob ${transport}` },
    ]);
    expect(event.deleted).toEqual([]);
    expect(event.user).toEqual({ username: 'bob', sub: after.sub, userPoolId: cognito.demo.userPoolId, attributes: after.attributes });
    expectRecent(event.occurredAt, from, to);
    await expectNothingMore(sub);
  });

  it("should deliver an administrator's adminDeleteUserAttributes on the user once, as ADMIN", async () => {
    ok(await service.request(SubsAdminUpdate, { input: { username: 'bob', attributes: [{ name: 'custom:newsletter', value: 'true' }] } }, { token: alice }));
    const [sub] = await opened(mine());
    const from = Date.now();
    ok(await service.request(SubsAdminDelete, { input: { username: 'bob', names: ['custom:newsletter'] } }, { token: alice }));
    const to = Date.now();

    const event = dataOf(await sub.next()).myAttributesChanged;
    const after = await inCognito('bob');
    expect(after.attributes.map((a) => a.name)).not.toContain('custom:newsletter');
    expect(event).toMatchObject({ source: 'ADMIN', updated: [], deleted: ['custom:newsletter'] });
    expect(event.user.attributes).toEqual(after.attributes);
    expectRecent(event.occurredAt, from, to);
    await expectNothingMore(sub);
  });

  it("should not deliver a change of another user (alice's) to bob", async () => {
    const [sub] = await opened(mine());
    ok(await service.request(SubsAdminUpdate, { input: { username: 'alice', attributes: [{ name: 'custom:seats', value: '26' }] } }, { token: alice }));
    ok(await service.request(SubsUpdateMine, { input: { attributes: [{ name: 'name', value: 'Alice Herself' }] } }, { token: alice }));
    expect((await inCognito('alice')).attributes).toContainEqual({ name: 'name', value: 'Alice Herself' });
    await expectNothingMore(sub);

    // The next event bob receives is bob's own later change, not alice's.
    ok(await service.request(SubsUpdateMine, { input: { attributes: [{ name: 'custom:plan', value: `later-${transport}` }] } }, { token: bob }));
    const event = dataOf(await sub.next()).myAttributesChanged;
    expect(event.user.username).toBe('bob');
    expect(event.updated).toEqual([{ name: 'custom:plan', value: `later-${transport}` }]);
    await expectNothingMore(sub);
  });
});

describe('userAttributesChanged', () => {
  const target = 'subs-target';
  let targetToken: string;

  beforeAll(async () => {
    await createUser(target, { email: 'target@example.com', email_verified: 'true', name: 'Tara Target', 'custom:plan': 'free' });
    targetToken = await signIn(cognito.sdk, cognito.demo.clientId, target, PASSWORD);
  });

  it.each(TRANSPORTS)("should give an administrator that user's changes only, admin fields included (%s)", async (transport) => {
    const [sub] = await opened(track(subscribe(transport, service.app.url, alice, SubsUser, { username: target })));

    // Another user's change is not this subscription's.
    ok(await service.request(SubsUpdateMine, { input: { attributes: [{ name: 'name', value: `Bob not target ${transport}` }] } }, { token: bob }));
    await expectNothingMore(sub);

    const from = Date.now();
    ok(await service.request(SubsUpdateMine, { input: { attributes: [{ name: 'custom:plan', value: `t-${transport}` }] } }, { token: targetToken }));
    const self = dataOf(await sub.next()).userAttributesChanged;
    let after = await inCognito(target);
    expect(self).toMatchObject({ source: 'SELF', updated: [{ name: 'custom:plan', value: `t-${transport}` }], deleted: [] });
    expect(self.user).toEqual({
      username: target,
      sub: after.sub,
      userPoolId: cognito.demo.userPoolId,
      attributes: after.attributes,
      status: after.status,
      enabled: after.enabled,
    });
    expectRecent(self.occurredAt, from, Date.now());

    ok(await service.request(SubsAdminDelete, { input: { username: target, names: ['name'] } }, { token: alice }));
    const admin = dataOf(await sub.next()).userAttributesChanged;
    after = await inCognito(target);
    expect(admin).toMatchObject({ source: 'ADMIN', updated: [], deleted: ['name'] });
    expect(admin.user.attributes).toEqual(after.attributes);
    expect(admin.user.status).toBe('CONFIRMED');
    ok(await service.request(SubsAdminUpdate, { input: { username: target, attributes: [{ name: 'name', value: 'Tara Target' }] } }, { token: alice }));
    expect(dataOf(await sub.next()).userAttributesChanged.updated).toEqual([{ name: 'name', value: 'Tara Target' }]);
    await expectNothingMore(sub);
  });

  it.each(TRANSPORTS)('should answer an unknown username with NOT_FOUND (%s)', async (transport) => {
    const sub = track(subscribe(transport, service.app.url, alice, SubsUser, { username: 'subs-nobody' }));
    expect(codes(await sub.nextError())).toEqual(['NOT_FOUND']);
    expect((await sub.take()).kind).toBe('complete');
    expect(sub.events.filter((e) => e.kind === 'next' && e.result.data)).toEqual([]);
  });

  it.each(TRANSPORTS)('should refuse a user who is not an administrator with FORBIDDEN (%s)', async (transport) => {
    const sub = track(subscribe(transport, service.app.url, bob, SubsUser, { username: 'bob' }));
    expect(codes(await sub.nextError())).toEqual(['FORBIDDEN']);
    expect((await sub.take()).kind).toBe('complete');
    expect(feed.listening).toBe(0);
  });
});

describe('userPoolAttributesChanged', () => {
  it.each(TRANSPORTS)("should give an administrator every user's changes in the pool, with status from the event's snapshot (%s)", async (transport) => {
    const [sub] = await opened(track(subscribe(transport, service.app.url, alice, SubsPool, {})));

    service.calls.length = 0;
    ok(await service.request(SubsUpdateMine, { input: { attributes: [{ name: 'custom:plan', value: `pool-${transport}` }] } }, { token: bob }));
    const bobs = dataOf(await sub.next()).userPoolAttributesChanged;
    const bobAfter = await inCognito('bob');
    expect(bobs).toMatchObject({ source: 'SELF', updated: [{ name: 'custom:plan', value: `pool-${transport}` }], deleted: [] });
    expect(bobs.user).toEqual({
      username: 'bob',
      sub: bobAfter.sub,
      userPoolId: cognito.demo.userPoolId,
      attributes: bobAfter.attributes,
      status: bobAfter.status,
      enabled: bobAfter.enabled,
    });

    ok(await service.request(SubsAdminUpdate, { input: { username: 'alice', attributes: [{ name: 'custom:seats', value: transport === 'ws' ? '30' : '31' }] } }, { token: alice }));
    const alices = dataOf(await sub.next()).userPoolAttributesChanged;
    const aliceAfter = await inCognito('alice');
    expect(alices).toMatchObject({ source: 'ADMIN', deleted: [] });
    expect(alices.user).toMatchObject({ username: 'alice', attributes: aliceAfter.attributes, status: aliceAfter.status, enabled: true });
    await expectNothingMore(sub);
    // `status` and `enabled` came with the event: one AdminGetUser per change (the mutation's own), none per event.
    expect(service.calls.filter((c) => c === 'AdminGetUser')).toHaveLength(2);
  });

  it.each(TRANSPORTS)('should refuse a pool the service is not configured for with FORBIDDEN (%s)', async (transport) => {
    const sub = track(subscribe(transport, service.app.url, alice, SubsPool, { userPoolId: 'us-east-1_NotMine' }));
    expect(codes(await sub.nextError())).toEqual(['FORBIDDEN']);
    expect((await sub.take()).kind).toBe('complete');
    expect(feed.listening).toBe(0);
  });

  it.each(TRANSPORTS)('should refuse a user who is not an administrator with FORBIDDEN (%s)', async (transport) => {
    const sub = track(subscribe(transport, service.app.url, bob, SubsPool, {}));
    expect(codes(await sub.nextError())).toEqual(['FORBIDDEN']);
    expect((await sub.take()).kind).toBe('complete');
    expect(feed.listening).toBe(0);
  });
});

describe('authentication when subscribing', () => {
  const issuer = () => `${cognito.endpoint}/${cognito.demo.userPoolId}`;
  const bobClaims = () => claimsOf(bob) as unknown as AccessClaims;
  const badTokens: [string, () => Promise<string | null | { authorization: string }>][] = [
    ['no token', async () => null],
    ['a garbage token', async () => 'not-a-jwt'],
    ['a value that is not "Bearer <token>"', async () => ({ authorization: `Basic ${Buffer.from('bob:pw').toString('base64')}` })],
    ['an expired token', async () => mintToken({ issuer: issuer(), claims: bobClaims(), expiresIn: -60 })],
    ['a forged token', async () => mintToken({ issuer: issuer(), claims: bobClaims(), forged: true })],
    ['an alg:none token', async () => unsignedToken({ ...bobClaims(), iss: issuer(), exp: Math.floor(Date.now() / 1000) + 3600 })],
    ['an ID token', async () => mintToken({ issuer: issuer(), claims: { ...bobClaims(), token_use: 'id', aud: cognito.demo.clientId } })],
  ];

  /** How the service refuses a token when the socket or stream opens, unlike the UNAUTHENTICATED that ends an accepted one at expiry. */
  const REFUSED = /^(Sign in: send|The Authorization value must be|The access token is missing, invalid, expired or revoked\.)/;

  it.each(badTokens)('should close the graphql-ws socket with 4403 for %s, before any event', async (_what, token) => {
    const sub = track(wsSubscribe(service.app.url, await token(), SubsMine));
    // Refused at connection_init ("Forbidden"), not accepted and closed at once by the expiry timer ("Token expired").
    expect(await sub.closed()).toEqual({ code: 4403, reason: 'Forbidden' });
    ok(await service.request(SubsUpdateMine, { input: { attributes: [{ name: 'custom:seats', value: '3' }] } }, { token: bob }));
    await sleep(QUIET_MS);
    expect(sub.events.filter((e) => e.kind === 'next')).toEqual([]);
    expect(feed.listening).toBe(0);
  });

  it.each(badTokens)('should answer SSE with UNAUTHENTICATED in the stream for %s, then end it', async (_what, token) => {
    const sub = track(sseSubscribe(service.app.url, await token(), SubsMine));
    const errors = await sub.nextError();
    expect(codes(errors)).toEqual(['UNAUTHENTICATED']);
    // Refused before the subscription started, not ended by its expiry ("…expired; subscribe again…").
    expect(errors[0]?.message).toMatch(REFUSED);
    expect(sub.response?.contentType).toContain('text/event-stream');
    await sub.closed();
    expect(sub.events.filter((e) => e.kind === 'next' && e.result.data)).toEqual([]);
    expect(feed.listening).toBe(0);
  });
});

describe('token expiry', () => {
  it('should deliver events until the token expires, then close the graphql-ws socket with 4403 and end SSE with UNAUTHENTICATED', async () => {
    const issuer = `${cognito.endpoint}/${cognito.demo.userPoolId}`;
    const short = await mintToken({ issuer, claims: claimsOf(bob) as unknown as AccessClaims, expiresIn: 3 });
    const expiresAt = Number(claimsOf(short).exp) * 1000;
    const [ws, sse] = await opened(track(wsSubscribe(service.app.url, short, SubsMine)), track(sseSubscribe(service.app.url, short, SubsMine)));
    expect(Date.now()).toBeLessThan(expiresAt - 500);

    // Before expiry: events arrive (the change is made with the short-lived token itself).
    ok(await service.request(SubsUpdateMine, { input: { attributes: [{ name: 'custom:seats', value: '11' }] } }, { token: short }));
    for (const sub of [ws, sse]) {
      const event = dataOf(await sub.next()).myAttributesChanged;
      expect(event).toMatchObject({ source: 'SELF', updated: [{ name: 'custom:seats', value: '11' }] });
    }

    const wsClosed = await ws.closed(expiresAt - Date.now() + 3_000);
    expect(wsClosed.code).toBe(4403);
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt - 50);
    expect(ws.events.filter((e) => e.kind === 'next')).toHaveLength(1);

    expect(codes(await sse.nextError(expiresAt - Date.now() + 3_000))).toEqual(['UNAUTHENTICATED']);
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt - 50);
    await sse.closed();
    expect(sse.events.filter((e) => e.kind === 'next' && e.result.data)).toHaveLength(1);

    // Both subscriptions are gone on the server too, and later changes reach nobody.
    await feed.untilAtMost(0);
    ok(await service.request(SubsUpdateMine, { input: { attributes: [{ name: 'custom:seats', value: '12' }] } }, { token: bob }));
    await sleep(QUIET_MS);
    expect(ws.events.filter((e) => e.kind === 'next')).toHaveLength(1);
    expect(sse.events.filter((e) => e.kind === 'next' && e.result.data)).toHaveLength(1);
  });
});

describe("visibility: a user sees only what their app client may read", () => {
  const limitedUser = 'subs-limited';
  let limitedToken: string;

  beforeAll(async () => {
    await createUser(limitedUser, {
      email: 'limited@example.com',
      email_verified: 'true',
      name: 'Lim Ited',
      phone_number: '+15555550199',
      'custom:plan': 'free',
      'custom:seats': '2',
    });
    limitedToken = await signIn(cognito.sdk, limitedClientId, limitedUser, PASSWORD);
    expect(claimsOf(limitedToken).client_id).toBe(limitedClientId);
  });

  it("should find the second client's ReadAttributes in Cognito (DescribeUserPoolClient)", async () => {
    const { UserPoolClient } = await cognito.sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: cognito.demo.userPoolId, ClientId: limitedClientId }));
    expect(UserPoolClient?.ReadAttributes).toEqual(LIMITED_READ);
  });

  it.each(TRANSPORTS)(
    'should not deliver a change of an attribute the client cannot read, and deliver a readable one with only readable attributes (%s)',
    async (transport) => {
      const [sub] = await opened(track(subscribe(transport, service.app.url, limitedToken, SubsMine)));

      ok(await service.request(SubsAdminUpdate, { input: { username: limitedUser, attributes: [{ name: 'custom:seats', value: transport === 'ws' ? '40' : '41' }] } }, { token: alice }));
      expect((await inCognito(limitedUser)).attributes).toContainEqual({ name: 'custom:seats', value: transport === 'ws' ? '40' : '41' });
      await expectNothingMore(sub);

      const plan = `lim-${transport}`;
      ok(
        await service.request(
          SubsAdminUpdate,
          { input: { username: limitedUser, attributes: [{ name: 'custom:seats', value: '5' }, { name: 'custom:plan', value: plan }] } },
          { token: alice },
        ),
      );
      const event = dataOf(await sub.next()).myAttributesChanged;
      const after = await inCognito(limitedUser);
      expect(event.source).toBe('ADMIN');
      expect(event.updated).toEqual([{ name: 'custom:plan', value: plan }]);
      expect(event.user.username).toBe(limitedUser);
      expect(event.user.sub).toBe(after.sub);
      expect(event.user.attributes).toEqual(after.attributes.filter((a) => LIMITED_READ.includes(a.name)));
      expect(event.user.attributes.map((a) => a.name)).toEqual(['custom:plan', 'email', 'name']);
      await expectNothingMore(sub);
    },
  );

  it.each(TRANSPORTS)('should show an administrator subscribed to the same user every attribute (%s)', async (transport) => {
    const [sub] = await opened(track(subscribe(transport, service.app.url, alice, SubsUser, { username: limitedUser })));
    ok(await service.request(SubsAdminUpdate, { input: { username: limitedUser, attributes: [{ name: 'custom:seats', value: '6' }] } }, { token: alice }));
    const event = dataOf(await sub.next()).userAttributesChanged;
    expect(event.updated).toEqual([{ name: 'custom:seats', value: '6' }]);
    expect(event.user.attributes).toEqual((await inCognito(limitedUser)).attributes);
    expect(event.user.attributes.map((a) => a.name)).toContain('phone_number');
  });

  it.each(TRANSPORTS)("should refuse a user's subscriber the admin-only status with FORBIDDEN for that field, and deliver the rest (%s)", async (transport) => {
    const [sub] = await opened(track(subscribe(transport, service.app.url, bob, SubsMineStatus)));
    ok(await service.request(SubsAdminUpdate, { input: { username: 'bob', attributes: [{ name: 'custom:seats', value: '9' }] } }, { token: alice }));
    const result = await sub.next();
    expect(codes(result.errors)).toEqual(['FORBIDDEN']);
    expect(result.errors?.[0]?.path).toEqual(['myAttributesChanged', 'user', 'status']);
    expect(result.data).toEqual({ myAttributesChanged: { user: { username: 'bob', status: null }, source: 'ADMIN' } });
  });
});

describe('developer-only attributes, as Cognito names them (dev:custom:…)', () => {
  // The emulator refuses to store `dev:` names; a proxy adds one to its AdminGetUser answers, as Cognito sends it.
  let proxy: CognitoProxy;
  let devService: TestApp;
  let devFeed: FeedWatch;
  const DEV_ATTRIBUTE = { Name: 'dev:custom:risk_score', Value: '87' };

  beforeAll(async () => {
    proxy = await CognitoProxy.start(cognito.endpoint);
    proxy.rewrites.set('AdminGetUser', (answer) => ({ ...answer, UserAttributes: [...((answer.UserAttributes as unknown[]) ?? []), DEV_ATTRIBUTE] }));
    devService = await startTestApp(cognito, {}, { cognito: createCognitoClient({ region: 'us-east-1', endpoint: proxy.endpoint, timeoutMs: 5_000 }) });
    await devService.app.start();
    devFeed = watchFeed(devService.app);
  });
  afterAll(async () => {
    devFeed?.restore();
    await devService?.stop();
    await proxy?.stop();
  });

  it.each(TRANSPORTS)("should never show one in a user's own event, and show it to an administrator (%s)", async (transport) => {
    const mine = subscribe(transport, devService.app.url, bob, SubsMine);
    const admins = subscribe(transport, devService.app.url, alice, SubsUser, { username: 'bob' });
    onTestFinished(async () => {
      await Promise.all([mine.dispose(), admins.dispose()]);
      await devFeed.untilAtMost(0);
    });
    await devFeed.untilListening(2);
    const name = `Bob dev ${transport}`;
    ok(await devService.request(SubsUpdateMine, { input: { attributes: [{ name: 'name', value: name }] } }, { token: bob }));

    const own = dataOf(await mine.next()).myAttributesChanged;
    expect(own.updated).toEqual([{ name: 'name', value: name }]);
    expect(own.user.attributes).toContainEqual({ name: 'name', value: name });
    expect(own.user.attributes.map((a) => a.name)).not.toContain(DEV_ATTRIBUTE.Name);
    const administrators = dataOf(await admins.next()).userAttributesChanged;
    expect(administrators.user.attributes).toContainEqual({ name: DEV_ATTRIBUTE.Name, value: DEV_ATTRIBUTE.Value });
  });
});

describe('fan-out', () => {
  const fanUser = 'subs-fanout';
  let fanToken: string;

  beforeAll(async () => {
    await createUser(fanUser, { email: 'fan@example.com', email_verified: 'true', 'custom:plan': 'free', 'custom:seats': '1' });
    fanToken = await signIn(cognito.sdk, cognito.demo.clientId, fanUser, PASSWORD);
  });

  it('should deliver one change to 20 subscribers with no Cognito call per subscriber', async () => {
    const url = service.app.url;
    const subs: Subscriber<unknown>[] = [];
    for (const transport of TRANSPORTS) {
      for (let i = 0; i < 4; i += 1) subs.push(subscribe(transport, url, fanToken, SubsMine));
      for (let i = 0; i < 3; i += 1) subs.push(subscribe(transport, url, alice, SubsUser, { username: fanUser }));
      for (let i = 0; i < 3; i += 1) subs.push(subscribe(transport, url, alice, SubsPool, {}));
    }
    expect(subs).toHaveLength(20);
    await opened(...subs.map(track));

    // Warm the pool schema the mutation checks against, then count only the measured change.
    ok(await service.request(SubsAdminUpdate, { input: { username: fanUser, attributes: [{ name: 'custom:seats', value: '2' }] } }, { token: alice }));
    for (const sub of subs) await sub.next();

    service.calls.length = 0;
    ok(await service.request(SubsAdminUpdate, { input: { username: fanUser, attributes: [{ name: 'custom:plan', value: 'fanned' }] } }, { token: alice }));
    const results = await Promise.all(subs.map((s) => s.next()));
    const after = await inCognito(fanUser);
    for (const result of results) {
      const data = dataOf(result as WireResult<Record<string, { user: { username: string; attributes: unknown }; updated: unknown; source: string }>>);
      const event = Object.values(data)[0]!;
      expect(event.source).toBe('ADMIN');
      expect(event.updated).toEqual([{ name: 'custom:plan', value: 'fanned' }]);
      expect(event.user.username).toBe(fanUser);
      expect(event.user.attributes).toEqual(after.attributes);
    }
    await expectNothingMore(...subs);
    expect(service.calls).toEqual(['AdminUpdateUserAttributes', 'AdminGetUser']);
  });
});

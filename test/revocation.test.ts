/**
 * "Authority taken away in Cognito stops working here too" (API.md, Who is
 * calling). A verified token says who the caller was when it was issued; the
 * service asks Cognito, at most once per token every AUTH_RECHECK_MS (1 s
 * here), whether the user is still enabled, the token not revoked and, for an
 * administrator, the user still in the admin group:
 *
 * - an administrator removed from the group gets FORBIDDEN for admin
 *   operations, and their admin subscriptions end with FORBIDDEN;
 * - a user disabled or deleted loses their sockets (4403 'Access revoked')
 *   and their SSE subscriptions (UNAUTHENTICATED);
 * - a token Cognito says was revoked (RevokeToken, GlobalSignOut) does too.
 *   The emulator keeps revoked tokens valid and has no GlobalSignOut, so a
 *   proxy answers GetUser as real Cognito does then;
 * - a check Cognito cannot answer ends nothing.
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BREAKER_COOLDOWN_MS } from '../src/cognito/breaker.js';
import { createCognitoClient } from '../src/cognito/sdk-client.js';
import { DEMO_ADMIN_GROUP, signIn } from '../src/embedded/seed.js';
import { graphql } from './gql/index.js';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { CognitoProxy } from './support/cognito-proxy.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';
import { sseSubscribe, watchFeed, wsSubscribe, type Subscriber } from './support/subscribers.js';

const RevokedUser = graphql(`
  query RevokedUser($username: String!) {
    user(username: $username) {
      username
    }
  }
`);

const RevokedMe = graphql(`
  query RevokedMe {
    me {
      username
    }
  }
`);

const RevokedUpdateMine = graphql(`
  mutation RevokedUpdateMine($input: UpdateMyAttributesInput!) {
    updateMyAttributes(input: $input) {
      user {
        username
      }
    }
  }
`);

const RevokedMine = graphql(`
  subscription RevokedMine {
    myAttributesChanged {
      updated {
        name
        value
      }
    }
  }
`);

const RevokedPool = graphql(`
  subscription RevokedPool {
    userPoolAttributesChanged {
      user {
        username
      }
    }
  }
`);

const PASSWORD = 'Revoked-passw0rd!';
const RECHECK_MS = 1_000;
/** Long enough for a few re-checks on a loaded machine. */
const WITHIN_MS = 8_000;

let cognito: TestCognito;
let service: TestApp;
const open = new Set<Subscriber<unknown>>();
let serial = 0;

/** A new user of the demo pool (an administrator when `admin`), signed in: their name and access token. */
async function newUser(admin: boolean): Promise<{ username: string; token: string }> {
  const { sdk, demo } = cognito;
  const username = `revoked-${admin ? 'admin' : 'user'}-${++serial}`;
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: demo.userPoolId,
      Username: username,
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
    }),
  );
  await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: demo.userPoolId, Username: username, Password: PASSWORD, Permanent: true }));
  if (admin) await sdk.send(new AdminAddUserToGroupCommand({ UserPoolId: demo.userPoolId, Username: username, GroupName: DEMO_ADMIN_GROUP }));
  return { username, token: await signIn(sdk, demo.clientId, username, PASSWORD) };
}

/** Keeps a subscriber to dispose after the test. */
function kept<T>(subscriber: Subscriber<T>): Subscriber<T> {
  open.add(subscriber as Subscriber<unknown>);
  return subscriber;
}

/** Polls `probe` until it returns true, for up to `ms`. */
async function eventually(probe: () => Promise<boolean>, ms = WITHIN_MS): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await probe()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return probe();
}

beforeAll(async () => {
  cognito = await startTestCognito();
  service = await startTestApp(cognito, { AUTH_RECHECK_MS: String(RECHECK_MS), QUOTA_CALLER_SHARE_PERCENT: '100' });
  await service.app.start();
});

afterEach(async () => {
  await Promise.all([...open].map((s) => s.dispose()));
  open.clear();
});

afterAll(async () => {
  await service?.stop();
  await cognito?.stop();
});

describe('an administrator removed from the admin group', () => {
  it('should get FORBIDDEN for admin queries within AUTH_RECHECK_MS, while their token still verifies and `me` still answers', async () => {
    const { username, token } = await newUser(true);
    expect((await service.request(RevokedUser, { username: 'alice' }, { token })).data?.user?.username).toBe('alice');

    const { sdk, demo } = cognito;
    await sdk.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: demo.userPoolId, Username: username, GroupName: DEMO_ADMIN_GROUP }));

    const refused = await eventually(async () => codes((await service.request(RevokedUser, { username: 'alice' }, { token })).errors).includes('FORBIDDEN'));
    expect(refused).toBe(true);
    const after = await service.request(RevokedUser, { username: 'alice' }, { token });
    expect(after.data?.user ?? null).toBeNull();
    expect(codes(after.errors)).toEqual(['FORBIDDEN']);
    expect((await service.request(RevokedMe, {}, { token })).data?.me?.username).toBe(username);
  });

  it.each(['ws', 'sse'] as const)('should have their open userPoolAttributesChanged over %s end with FORBIDDEN', async (transport) => {
    const { username, token } = await newUser(true);
    const feed = watchFeed(service.app);
    const sub = kept((transport === 'ws' ? wsSubscribe : sseSubscribe)(service.app.url, token, RevokedPool));
    await feed.untilListening(1);
    feed.restore();

    const { sdk, demo } = cognito;
    await sdk.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: demo.userPoolId, Username: username, GroupName: DEMO_ADMIN_GROUP }));

    expect(codes(await sub.nextError(WITHIN_MS))).toEqual(['FORBIDDEN']);
    // Over a socket, only the admin's operation ended: their sign-in still stands.
    expect(sub.events.some((e) => e.kind === 'closed' && e.code === 4403)).toBe(false);
  });

  it('should not ask Cognito again for each request within AUTH_RECHECK_MS', async () => {
    const { token } = await newUser(true);
    const before = service.calls.filter((c) => c === 'AdminListGroupsForUser').length;
    for (let i = 0; i < 5; i++) expect((await service.request(RevokedUser, { username: 'alice' }, { token })).data?.user?.username).toBe('alice');
    expect(service.calls.filter((c) => c === 'AdminListGroupsForUser').length - before).toBe(1);
  });
});

describe('a user disabled or deleted in Cognito', () => {
  it("should lose their graphql-ws socket (4403 'Access revoked') and their SSE subscription (UNAUTHENTICATED) when disabled", async () => {
    const { username, token } = await newUser(false);
    const feed = watchFeed(service.app);
    const ws = kept(wsSubscribe(service.app.url, token, RevokedMine));
    const sse = kept(sseSubscribe(service.app.url, token, RevokedMine));
    await feed.untilListening(2);
    feed.restore();

    await cognito.sdk.send(new AdminDisableUserCommand({ UserPoolId: cognito.demo.userPoolId, Username: username }));

    expect(await ws.closed(WITHIN_MS)).toEqual({ code: 4403, reason: 'Access revoked' });
    expect(codes(await sse.nextError(WITHIN_MS))).toEqual(['UNAUTHENTICATED']);
  });

  it('should end their subscription with UNAUTHENTICATED when deleted', async () => {
    const { username, token } = await newUser(false);
    const feed = watchFeed(service.app);
    const sse = kept(sseSubscribe(service.app.url, token, RevokedMine));
    await feed.untilListening(1);
    feed.restore();

    await cognito.sdk.send(new AdminDeleteUserCommand({ UserPoolId: cognito.demo.userPoolId, Username: username }));

    expect(codes(await sse.nextError(WITHIN_MS))).toEqual(['UNAUTHENTICATED']);
  });

  it('should refuse a disabled administrator the admin operations', async () => {
    const { username, token } = await newUser(true);
    expect((await service.request(RevokedUser, { username: 'alice' }, { token })).data?.user?.username).toBe('alice');
    await cognito.sdk.send(new AdminDisableUserCommand({ UserPoolId: cognito.demo.userPoolId, Username: username }));
    expect(await eventually(async () => codes((await service.request(RevokedUser, { username: 'alice' }, { token })).errors).includes('FORBIDDEN'))).toBe(true);
  });
});

describe('re-checks within the read budget', () => {
  it('should re-check at most AUTH_RECHECKS_PER_SECOND open tokens a second, however many are open', async () => {
    const budgeted = await startTestApp(cognito, { AUTH_RECHECK_MS: String(RECHECK_MS), AUTH_RECHECKS_PER_SECOND: '2', QUOTA_CALLER_SHARE_PERCENT: '100' });
    await budgeted.app.start();
    try {
      const users = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(() => newUser(false)));
      const feed = watchFeed(budgeted.app);
      for (const { token } of users) kept(sseSubscribe(budgeted.app.url, token, RevokedMine));
      await feed.untilListening(users.length);
      feed.restore();
      const asked = () => budgeted.calls.filter((c) => c === 'AdminGetUser').length;
      const before = asked();
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      const checks = asked() - before;
      // 8 tokens due every second would be 32 checks in 4 s; the budget allows 2 a second.
      expect(checks).toBeGreaterThanOrEqual(4);
      expect(checks).toBeLessThanOrEqual(10);
    } finally {
      await Promise.all([...open].map((s) => s.dispose()));
      open.clear();
      await budgeted.stop();
    }
  });
});

describe('with Cognito answering through a proxy', () => {
  let proxy: CognitoProxy;
  let proxied: TestApp;

  beforeAll(async () => {
    proxy = await CognitoProxy.start(cognito.endpoint);
    proxied = await startTestApp(
      cognito,
      { AUTH_RECHECK_MS: String(RECHECK_MS), QUOTA_CALLER_SHARE_PERCENT: '100' },
      { cognito: createCognitoClient({ region: 'us-east-1', endpoint: proxy.endpoint, timeoutMs: 2_000 }) },
    );
    await proxied.app.start();
  });

  afterEach(() => {
    proxy.api = 'pass';
    proxy.answers.clear();
  });

  afterAll(async () => {
    await proxied?.stop();
    await proxy?.stop();
  });

  it('should close the socket of a token Cognito says was revoked (RevokeToken, GlobalSignOut) with 4403', async () => {
    const { token } = await newUser(false);
    const feed = watchFeed(proxied.app);
    const ws = kept(wsSubscribe(proxied.app.url, token, RevokedMine));
    await feed.untilListening(1);
    feed.restore();

    // What Cognito answers a revoked access token; the emulator would go on honouring it.
    proxy.answers.set('GetUser', { status: 400, type: 'NotAuthorizedException', message: 'Access Token has been revoked' });

    expect(await ws.closed(WITHIN_MS)).toEqual({ code: 4403, reason: 'Access revoked' });
  });

  it('should end nothing while Cognito throttles the checks or cannot be reached, and go on delivering after', async () => {
    const { token } = await newUser(false);
    const feed = watchFeed(proxied.app);
    const ws = kept(wsSubscribe(proxied.app.url, token, RevokedMine));
    const sse = kept(sseSubscribe(proxied.app.url, token, RevokedMine));
    await feed.untilListening(2);
    feed.restore();

    // Cognito throttling the checks, then not answering at all.
    const throttled = { status: 400, type: 'TooManyRequestsException', message: 'Too many requests' };
    proxy.answers.set('AdminGetUser', throttled);
    proxy.answers.set('GetUser', throttled);
    // The SDK backs off from a throttling Cognito (adaptive retries, a slower sending rate): on a
    // loaded machine two checks can take longer than the usual wait.
    const CHECKS_WITHIN_MS = 3 * WITHIN_MS;
    let asked = proxy.count('AdminGetUser');
    expect(await eventually(async () => proxy.count('AdminGetUser') >= asked + 2, CHECKS_WITHIN_MS)).toBe(true);
    proxy.answers.clear();
    proxy.api = 'unavailable';
    asked = proxy.count('AdminGetUser');
    expect(await eventually(async () => proxy.count('AdminGetUser') >= asked + 2, CHECKS_WITHIN_MS)).toBe(true);
    proxy.api = 'pass';
    // The failed checks counted against Cognito's health like any call: wait for the breaker to close.
    expect(await eventually(async () => (await fetch(`${proxied.app.url}/ready`)).status === 200, 4 * BREAKER_COOLDOWN_MS + WITHIN_MS)).toBe(true);

    expect((await proxied.request(RevokedUpdateMine, { input: { attributes: [{ name: 'custom:plan', value: 'kept' }] } }, { token })).errors).toBeUndefined();
    for (const sub of [ws, sse]) {
      const { data } = await sub.next();
      expect(data).toEqual({ myAttributesChanged: { updated: [{ name: 'custom:plan', value: 'kept' }] } });
    }
    expect(ws.events.some((e) => e.kind === 'closed')).toBe(false);
  }, 90_000);
});

/**
 * Email changes that never lock anyone out: the demo pool keeps the original
 * email active until the new one is verified (Cognito's "keep original
 * attribute value active when an update is pending"). Checked end to end
 * against the real emulator (made to behave like Cognito where it differs,
 * src/embedded/like-cognito.ts) and Cognito's own state read with the SDK:
 * the update leaves the old value in `attributes` and the new one in
 * `pendingChanges`, events carry `pending`, a code can be re-sent, the
 * re-submitted value sends none, verifying applies it; administrators see it,
 * nobody else does; with Redis every instance knows what another asked for.
 * (A change made elsewhere, seen masked through the embedded mailbox, is in
 * test/embedded.test.ts.)
 */
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CreateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metaPendingStore, settlePending } from '../src/changes/pending.js';
import { signIn } from '../src/embedded/seed.js';
import { userId } from '../src/schema/user.js';
import { graphql } from './gql/index.js';
import { freePort, startTestApp, type TestApp } from './support/app.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';
import { PrivateRedis } from './support/redis.js';
import { watchFeed, wsSubscribe, type FeedWatch, type Subscriber } from './support/subscribers.js';

const PendingMe = graphql(`
  query PendingMe {
    me {
      id
      attributes {
        name
        value
      }
      pendingChanges {
        name
        value
        masked
        requestedAt
      }
    }
  }
`);

const PendingUpdate = graphql(`
  mutation PendingUpdate($input: UpdateMyAttributesInput!) {
    updateMyAttributes(input: $input) {
      user {
        id
        attributes {
          name
          value
        }
        pendingChanges {
          name
          value
          masked
          requestedAt
        }
      }
      codeDeliveries {
        attributeName
        deliveryMedium
        destination
      }
      staleTokenClaims
    }
  }
`);

const PendingRequestCode = graphql(`
  mutation PendingRequestCode($input: RequestAttributeVerificationCodeInput!) {
    requestAttributeVerificationCode(input: $input) {
      codeDelivery {
        attributeName
        deliveryMedium
        destination
      }
    }
  }
`);

const PendingVerify = graphql(`
  mutation PendingVerify($input: VerifyMyAttributeInput!) {
    verifyMyAttribute(input: $input) {
      user {
        attributes {
          name
          value
        }
        pendingChanges {
          name
          value
        }
      }
    }
  }
`);

const PendingAdminUser = graphql(`
  query PendingAdminUser($username: String!) {
    user(username: $username) {
      id
      attributes {
        name
        value
      }
      pendingChanges {
        name
        value
        masked
      }
    }
  }
`);

const PendingAdminUpdate = graphql(`
  mutation PendingAdminUpdate($input: AdminUpdateUserAttributesInput!) {
    adminUpdateUserAttributes(input: $input) {
      user {
        attributes {
          name
          value
        }
        pendingChanges {
          name
          value
          masked
        }
      }
    }
  }
`);

const PendingMine = graphql(`
  subscription PendingMine {
    myAttributesChanged {
      updated {
        name
        value
      }
      pending {
        name
        value
        masked
      }
      user {
        id
        attributes {
          name
          value
        }
        pendingChanges {
          name
          value
        }
      }
    }
  }
`);

const PASSWORD = 'Pending-test-1!';

let cognito: TestCognito;
let service: TestApp;
let admin: string;
let feed: FeedWatch;
/** An app client that may not read `email`. */
let noEmailClientId: string;

beforeAll(async () => {
  cognito = await startTestCognito();
  const { UserPoolClient } = await cognito.sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId: cognito.demo.userPoolId,
      ClientName: 'pending-no-email',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      ReadAttributes: ['custom:plan', 'name'],
    }),
  );
  noEmailClientId = UserPoolClient!.ClientId!;
  service = await startTestApp(cognito, { COGNITO_CLIENT_IDS: `${cognito.demo.clientId},${noEmailClientId}` });
  feed = watchFeed(service.app);
  await service.app.start();
  admin = await cognito.tokens.tokenFor('alice');
});

afterAll(async () => {
  feed?.restore();
  await service?.stop();
  await cognito?.stop();
});

/** A confirmed user with a verified email (and phone), signed in: their access token. */
async function createUser(prefix: string, extra: Record<string, string> = {}): Promise<{ username: string; email: string; token: string }> {
  const username = `${prefix}-${randomUUID().slice(0, 8)}`;
  const email = `${username}@example.org`;
  const UserPoolId = cognito.demo.userPoolId;
  const attributes = { email, email_verified: 'true', ...extra };
  await cognito.sdk.send(
    new AdminCreateUserCommand({
      UserPoolId,
      Username: username,
      MessageAction: 'SUPPRESS',
      TemporaryPassword: PASSWORD,
      UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
    }),
  );
  await cognito.sdk.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: username, Password: PASSWORD, Permanent: true }));
  return { username, email, token: await signIn(cognito.sdk, cognito.demo.clientId, username, PASSWORD) };
}

/** One attribute as Cognito itself has it. */
async function inCognito(username: string, name: string): Promise<string | undefined> {
  const output = await cognito.sdk.send(new AdminGetUserCommand({ UserPoolId: cognito.demo.userPoolId, Username: username }));
  return output.UserAttributes?.find((a) => a.Name === name)?.Value;
}

const valueOf = (attributes: readonly { name: string; value: string }[] | undefined, name: string) => attributes?.find((a) => a.name === name)?.value;

function ok<T>(result: { data: T | null | undefined; errors?: readonly unknown[] | undefined }): T {
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

/** Resolves when `subscribers` listen to the feed (a change made now reaches them). */
async function listening(...subscribers: Subscriber<unknown>[]): Promise<void> {
  await feed.untilListening(feed.listening + subscribers.length);
}

describe('updateMyAttributes of an email, with the pool keeping the original until verified', () => {
  it('should keep the old email in attributes and in Cognito, show the new one in pendingChanges, send the code to it, and not call the email claim stale', async () => {
    const user = await createUser('pend');
    const next = `${user.username}.new@example.net`;
    const delivered = cognito.emulator.mailbox.next(user.username);
    const from = Date.now();
    const data = ok(await service.request(PendingUpdate, { input: { attributes: [{ name: 'email', value: next }] } }, { token: user.token }));
    const payload = data.updateMyAttributes;

    expect(valueOf(payload.user.attributes, 'email')).toBe(user.email);
    expect(valueOf(payload.user.attributes, 'email_verified')).toBe('true');
    expect(await inCognito(user.username, 'email')).toBe(user.email);
    expect(await inCognito(user.username, 'email_verified')).toBe('true');
    expect(payload.user.pendingChanges).toEqual([{ name: 'email', value: next, masked: false, requestedAt: expect.any(String) }]);
    const requestedAt = Date.parse(payload.user.pendingChanges[0]!.requestedAt!);
    expect(requestedAt).toBeGreaterThanOrEqual(from - 1);
    expect(requestedAt).toBeLessThanOrEqual(Date.now());
    expect(payload.codeDeliveries).toEqual([{ attributeName: 'email', deliveryMedium: 'EMAIL', destination: `${next[0]}***@e***` }]);
    expect(payload.staleTokenClaims).toEqual([]);
    expect((await delivered).destination).toBe(next);

    // The next `me` (a new request) knows it too.
    const me = ok(await service.request(PendingMe, {}, { token: user.token })).me;
    expect(me.pendingChanges).toEqual(payload.user.pendingChanges);
    expect(valueOf(me.attributes, 'email')).toBe(user.email);
  });

  it('should re-send the code to the pending address, send none for the same value submitted again, and apply it on verify', async () => {
    const user = await createUser('resend');
    const next = `${user.username}.new@example.net`;
    const first = cognito.emulator.mailbox.next(user.username);
    const requested = ok(await service.request(PendingUpdate, { input: { attributes: [{ name: 'email', value: next }] } }, { token: user.token }));
    await first;
    const requestedAt = requested.updateMyAttributes.user.pendingChanges[0]!.requestedAt;

    const resent = cognito.emulator.mailbox.next(user.username);
    const code = ok(await service.request(PendingRequestCode, { input: { attributeName: 'email' } }, { token: user.token }));
    expect(code.requestAttributeVerificationCode.codeDelivery).toEqual({ attributeName: 'email', deliveryMedium: 'EMAIL', destination: `${next[0]}***@e***` });
    const message = await resent;
    expect(message.destination).toBe(next);

    // The same pending value again: Cognito sends no new code (and the first stays valid).
    const before = cognito.emulator.mailbox.messages().length;
    const again = ok(await service.request(PendingUpdate, { input: { attributes: [{ name: 'email', value: next }] } }, { token: user.token }));
    expect(again.updateMyAttributes.codeDeliveries).toEqual([]);
    expect(again.updateMyAttributes.user.pendingChanges).toEqual([{ name: 'email', value: next, masked: false, requestedAt }]);
    await sleep(200);
    expect(cognito.emulator.mailbox.messages().length).toBe(before);

    const verified = ok(await service.request(PendingVerify, { input: { attributeName: 'email', code: message.code } }, { token: user.token }));
    expect(valueOf(verified.verifyMyAttribute.user.attributes, 'email')).toBe(next);
    expect(valueOf(verified.verifyMyAttribute.user.attributes, 'email_verified')).toBe('true');
    expect(verified.verifyMyAttribute.user.pendingChanges).toEqual([]);
    expect(await inCognito(user.username, 'email')).toBe(next);
    expect(ok(await service.request(PendingMe, {}, { token: user.token })).me.pendingChanges).toEqual([]);
  });

  it('should replace a pending value with a newer one', async () => {
    const user = await createUser('replace');
    const firstValue = `${user.username}.one@example.net`;
    const secondValue = `${user.username}.two@example.net`;
    ok(await service.request(PendingUpdate, { input: { attributes: [{ name: 'email', value: firstValue }] } }, { token: user.token }));
    const second = ok(await service.request(PendingUpdate, { input: { attributes: [{ name: 'email', value: secondValue }] } }, { token: user.token }));
    expect(second.updateMyAttributes.user.pendingChanges.map((c) => c.value)).toEqual([secondValue]);
    expect(valueOf(second.updateMyAttributes.user.attributes, 'email')).toBe(user.email);
  });

  it('should deliver an event with `pending` and the user as they are (old email), to the user and to an administrator, and nothing to another user', async () => {
    const user = await createUser('events');
    const other = await createUser('other');
    const next = `${user.username}.new@example.net`;
    const mine = wsSubscribe(service.app.url, user.token, PendingMine);
    const others = wsSubscribe(service.app.url, other.token, PendingMine);
    try {
      await listening(mine, others);
      ok(await service.request(PendingUpdate, { input: { attributes: [{ name: 'email', value: next }, { name: 'custom:plan', value: 'pro' }] } }, { token: user.token }));
      const event = (await mine.next()).data!.myAttributesChanged;
      expect(event.updated).toEqual([{ name: 'custom:plan', value: 'pro' }]);
      expect(event.pending).toEqual([{ name: 'email', value: next, masked: false }]);
      expect(event.user.pendingChanges).toEqual([{ name: 'email', value: next }]);
      expect(valueOf(event.user.attributes, 'email')).toBe(user.email);
      await sleep(300);
      expect(others.events).toEqual([]);
      // The other user's own profile shows none of it.
      expect(ok(await service.request(PendingMe, {}, { token: other.token })).me.pendingChanges).toEqual([]);
    } finally {
      await mine.dispose();
      await others.dispose();
    }
  });

  it('should deliver the change of a pending email alone (no attribute set) to a subscriber, and `updated` with the email once verified', async () => {
    const user = await createUser('verify-events');
    const next = `${user.username}.new@example.net`;
    const mine = wsSubscribe(service.app.url, user.token, PendingMine);
    try {
      await listening(mine);
      const delivered = cognito.emulator.mailbox.next(user.username);
      ok(await service.request(PendingUpdate, { input: { attributes: [{ name: 'email', value: next }] } }, { token: user.token }));
      const pendingEvent = (await mine.next()).data!.myAttributesChanged;
      expect(pendingEvent.updated).toEqual([]);
      expect(pendingEvent.pending).toEqual([{ name: 'email', value: next, masked: false }]);
      const { code } = await delivered;
      ok(await service.request(PendingVerify, { input: { attributeName: 'email', code } }, { token: user.token }));
      const applied = (await mine.next()).data!.myAttributesChanged;
      expect(applied.updated).toEqual(expect.arrayContaining([{ name: 'email_verified', value: 'true' }, { name: 'email', value: next }]));
      expect(applied.pending).toEqual([]);
      expect(applied.user.pendingChanges).toEqual([]);
      expect(valueOf(applied.user.attributes, 'email')).toBe(next);
    } finally {
      await mine.dispose();
    }
  });
});

describe('what an app client that may not read email sees', () => {
  it('should show it no pending email, in `me` or in events (a pending email alone reaches it as no event)', async () => {
    const user = await createUser('noemail');
    const limited = await signIn(cognito.sdk, noEmailClientId, user.username, PASSWORD);
    const sub = wsSubscribe(service.app.url, limited, PendingMine);
    try {
      await listening(sub);
      ok(await service.request(PendingUpdate, { input: { attributes: [{ name: 'email', value: `${user.username}.new@example.net` }] } }, { token: user.token }));
      ok(await service.request(PendingUpdate, { input: { attributes: [{ name: 'custom:plan', value: 'pro' }] } }, { token: user.token }));
      const event = (await sub.next()).data!.myAttributesChanged;
      expect(event.updated).toEqual([{ name: 'custom:plan', value: 'pro' }]);
      expect(event.pending).toEqual([]);
      expect(event.user.pendingChanges).toEqual([]);
      expect(ok(await service.request(PendingMe, {}, { token: limited })).me.pendingChanges).toEqual([]);
      expect(ok(await service.request(PendingMe, {}, { token: user.token })).me.pendingChanges).toHaveLength(1);
    } finally {
      await sub.dispose();
    }
  });
});

describe('what administrators see and do', () => {
  it("should show an administrator the user's pending change in full", async () => {
    const user = await createUser('admin-view');
    const next = `${user.username}.new@example.net`;
    ok(await service.request(PendingUpdate, { input: { attributes: [{ name: 'email', value: next }] } }, { token: user.token }));
    const seen = ok(await service.request(PendingAdminUser, { username: user.username }, { token: admin })).user!;
    expect(seen.pendingChanges).toEqual([{ name: 'email', value: next, masked: false }]);
    expect(valueOf(seen.attributes, 'email')).toBe(user.email);
  });

  it("should keep an administrator's email change waiting too, unless email_verified: true comes with it (Cognito's documented way to apply it at once)", async () => {
    const user = await createUser('admin-write');
    const next = `${user.username}.new@example.net`;
    const delivered = cognito.emulator.mailbox.next(user.username);
    const waiting = ok(
      await service.request(PendingAdminUpdate, { input: { username: user.username, attributes: [{ name: 'email', value: next }] } }, { token: admin }),
    ).adminUpdateUserAttributes.user;
    expect(valueOf(waiting.attributes, 'email')).toBe(user.email);
    expect(waiting.pendingChanges).toEqual([{ name: 'email', value: next, masked: false }]);
    expect((await delivered).destination).toBe(next);
    expect(await inCognito(user.username, 'email')).toBe(user.email);

    const now = `${user.username}.now@example.net`;
    const applied = ok(
      await service.request(
        PendingAdminUpdate,
        { input: { username: user.username, attributes: [{ name: 'email', value: now }, { name: 'email_verified', value: 'true' }] } },
        { token: admin },
      ),
    ).adminUpdateUserAttributes.user;
    expect(valueOf(applied.attributes, 'email')).toBe(now);
    expect(applied.pendingChanges).toEqual([]);
    expect(await inCognito(user.username, 'email')).toBe(now);
  });
});

describe('requestAttributeVerificationCode on an emulator', () => {
  it('should report where the emulator really sent a code asked for phone_number (an email to the auto-verified address), from its rule when no mailbox says', async () => {
    const user = await createUser('phone', { phone_number: '+15555550142' });
    const delivered = cognito.emulator.mailbox.next(user.username);
    const sent = ok(await service.request(PendingRequestCode, { input: { attributeName: 'phone_number' } }, { token: user.token }));
    const message = await delivered;
    expect(message.medium).toBe('EMAIL');
    expect(sent.requestAttributeVerificationCode.codeDelivery).toEqual({ attributeName: 'email', deliveryMedium: 'EMAIL', destination: `${user.email[0]}***@e***` });
  });
});

describe('staleTokenClaims', () => {
  it('should name the attributes an update set, and the verified flag a changed phone number reset, and not a value still pending', async () => {
    const user = await createUser('stale', { phone_number: '+15555550150', phone_number_verified: 'true' });
    const plan = ok(await service.request(PendingUpdate, { input: { attributes: [{ name: 'custom:plan', value: 'team' }] } }, { token: user.token }));
    expect(plan.updateMyAttributes.staleTokenClaims).toEqual(['custom:plan']);

    const phone = ok(await service.request(PendingUpdate, { input: { attributes: [{ name: 'phone_number', value: '+15555550151' }] } }, { token: user.token }));
    expect(phone.updateMyAttributes.staleTokenClaims).toEqual(['phone_number', 'phone_number_verified']);

    const both = ok(
      await service.request(
        PendingUpdate,
        { input: { attributes: [{ name: 'email', value: `${user.username}.x@example.net` }, { name: 'custom:plan', value: 'pro' }] } },
        { token: user.token },
      ),
    );
    expect(both.updateMyAttributes.staleTokenClaims).toEqual(['custom:plan']);
  });
});

describe('User.id', () => {
  it('should be the same for one user in me, user, payloads and events, and differ between users and pools', async () => {
    const user = await createUser('ids');
    const other = await createUser('ids');
    const mine = ok(await service.request(PendingMe, {}, { token: user.token })).me.id;
    const asAdmin = ok(await service.request(PendingAdminUser, { username: user.username }, { token: admin })).user!.id;
    const payload = ok(await service.request(PendingUpdate, { input: { attributes: [{ name: 'custom:plan', value: 'pro' }] } }, { token: user.token }));
    expect(asAdmin).toBe(mine);
    expect(payload.updateMyAttributes.user.id).toBe(mine);
    expect(ok(await service.request(PendingMe, {}, { token: other.token })).me.id).not.toBe(mine);
    expect(userId({ userPoolId: 'us-east-1_A', sub: 's' })).not.toBe(userId({ userPoolId: 'us-east-1_B', sub: 's' }));
    expect(userId({ userPoolId: 'us-east-1_A', sub: 's' })).toBe(userId({ userPoolId: 'us-east-1_A', sub: 's' }));
  });
});

describe('where pending changes are remembered', () => {
  it('should share them between instances through Redis', async () => {
    const redis = new PrivateRedis(await freePort());
    await redis.start();
    const a = await startTestApp(cognito, { REDIS_URL: redis.url });
    const b = await startTestApp(cognito, { REDIS_URL: redis.url });
    try {
      const user = await createUser('shared');
      const next = `${user.username}.new@example.net`;
      ok(await a.request(PendingUpdate, { input: { attributes: [{ name: 'email', value: next }] } }, { token: user.token }));
      expect(ok(await b.request(PendingMe, {}, { token: user.token })).me.pendingChanges).toEqual([
        { name: 'email', value: next, masked: false, requestedAt: expect.any(String) },
      ]);
    } finally {
      await a.stop();
      await b.stop();
      await redis.kill();
    }
  });

  it("should keep them in the embedded emulator's store across a restart", async () => {
    const change = { name: 'email', value: 'kept@example.net', masked: false, requestedAt: new Date('2026-12-01T00:00:00.000Z') };
    await metaPendingStore(cognito.emulator.meta).write(cognito.demo.userPoolId, 'sub-kept', [change]);
    await cognito.outage();
    await cognito.restore();
    expect(await metaPendingStore(cognito.emulator.meta).read(cognito.demo.userPoolId, 'sub-kept')).toEqual([change]);
    await metaPendingStore(cognito.emulator.meta).write(cognito.demo.userPoolId, 'sub-kept', []);
    expect(await metaPendingStore(cognito.emulator.meta).read(cognito.demo.userPoolId, 'sub-kept')).toEqual([]);
  });
});

describe('settlePending', () => {
  const now = new Date('2026-12-01T12:00:00.000Z');
  const was = { name: 'email', value: 'new@example.net', masked: false, requestedAt: new Date('2026-12-01T11:00:00.000Z') };
  const user = (email: string) => ({ attributes: [{ name: 'email', value: email }, { name: 'email_verified', value: 'true' }] });

  it('should not start a change for an attribute outside the pool setting', () => {
    expect(settlePending([], { asked: [{ name: 'email', value: 'x@y.z' }], deleted: [] }, user('old@example.net'), [], now).pending).toEqual([]);
  });
  it('should report a pending value the user now has as applied', () => {
    const settled = settlePending([was], { asked: [], deleted: [] }, user('new@example.net'), ['email'], now);
    expect(settled).toMatchObject({ pending: [], applied: [{ name: 'email', value: 'new@example.net' }], changed: true });
  });
  it('should withdraw a pending value whose attribute was deleted', () => {
    expect(settlePending([was], { asked: [], deleted: ['email'] }, { attributes: [] }, ['email'], now).pending).toEqual([]);
  });
  it('should keep the first requestedAt when the same value is asked again', () => {
    const settled = settlePending([was], { asked: [{ name: 'email', value: was.value }], deleted: [] }, user('old@example.net'), ['email'], now);
    expect(settled.pending).toEqual([was]);
    expect(settled.changed).toBe(false);
  });
});


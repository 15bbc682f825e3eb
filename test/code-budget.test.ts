/**
 * `User.verificationCodes` and `User.verificationAttempts`: what is left of a
 * user's hourly budgets (5 verification codes, 15 VerifyUserAttribute
 * attempts), read from the service's own limiters without spending, so a UI
 * can disable its button before anyone refuses. Against the real emulator,
 * behind the counting proxy (test/support/cognito-proxy.ts): a call the
 * limiter refuses never reaches it.
 */
import { AdminCreateUserCommand, AdminSetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../src/embedded/seed.js';
import { graphql } from './gql/index.js';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { CognitoProxy } from './support/cognito-proxy.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';
import { claimsOf, mintToken, type AccessClaims } from './support/tokens.js';

const BudgetMine = graphql(`
  query BudgetMine {
    me {
      username
      verificationCodes {
        remaining
        resetsAt
      }
      verificationAttempts {
        remaining
        resetsAt
      }
    }
  }
`);

const BudgetOfUser = graphql(`
  query BudgetOfUser($username: String!) {
    user(username: $username) {
      username
      verificationCodes {
        remaining
        resetsAt
      }
      verificationAttempts {
        remaining
        resetsAt
      }
    }
  }
`);

const BudgetRequestCode = graphql(`
  mutation BudgetRequestCode($input: RequestAttributeVerificationCodeInput!) {
    requestAttributeVerificationCode(input: $input) {
      codeDelivery {
        attributeName
      }
    }
  }
`);

const BudgetVerify = graphql(`
  mutation BudgetVerify($input: VerifyMyAttributeInput!) {
    verifyMyAttribute(input: $input) {
      user {
        username
      }
    }
  }
`);

const PASSWORD = 'Budget-pass-1';
const HOUR_MS = 3_600_000;
const SHARED_REDIS = 'redis://127.0.0.1:6379';

let cognito: TestCognito;
let edge: CognitoProxy;
/** alice (an administrator), her token for the edge's issuer. */
let admin: string;
const apps: TestApp[] = [];

const forEdge = (token: string): Promise<string> =>
  mintToken({ issuer: `${edge.endpoint}/${cognito.demo.userPoolId}`, claims: claimsOf(token) as unknown as AccessClaims });

/** A confirmed user with an email address, and their token for the edge. */
async function createUser(prefix: string): Promise<{ username: string; token: string }> {
  const username = `${prefix}-${randomUUID().slice(0, 8)}`;
  const { userPoolId, clientId } = cognito.demo;
  await cognito.sdk.send(
    new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: username, MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }] }),
  );
  await cognito.sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: PASSWORD, Permanent: true }));
  return { username, token: await forEdge(await signIn(cognito.sdk, clientId, username, PASSWORD)) };
}

async function startApp(env: Record<string, string> = {}): Promise<TestApp> {
  const service = await startTestApp(cognito, { COGNITO_ENDPOINT: edge.endpoint, ...env });
  apps.push(service);
  return service;
}

/** `resetsAt` as milliseconds from now. */
const fromNow = (resetsAt: unknown): number => new Date(String(resetsAt)).getTime() - Date.now();

beforeAll(async () => {
  cognito = await startTestCognito();
  edge = await CognitoProxy.start(cognito.endpoint);
  admin = await forEdge(await cognito.tokens.tokenFor('alice'));
});
afterEach(async () => {
  await Promise.all(apps.splice(0).map((service) => service.stop()));
});
afterAll(async () => {
  await edge?.stop();
  await cognito?.stop();
});

describe('verificationCodes', () => {
  it('should count down 5 to 0 with each code asked for, reset about an hour after the first, and refuse the 6th before Cognito (real defaults)', async () => {
    const user = await createUser('cb');
    const other = await createUser('cbo');
    // The hourly budget at its default; reads of `me` may wait for this user's 10 reads a second.
    const service = await startApp({ QUOTA_MAX_WAIT_MS: '2000' });
    const budget = async (token: string) => {
      const { data, errors } = await service.request(BudgetMine, {}, { token });
      expect(errors).toBeUndefined();
      return data?.me.verificationCodes;
    };

    expect(await budget(user.token)).toEqual({ remaining: 5, resetsAt: null });
    const before = edge.count('GetUserAttributeVerificationCode');
    const seen: number[] = [];
    let firstReset = 0;
    for (let i = 0; i < 5; i++) {
      expect((await service.request(BudgetRequestCode, { input: { attributeName: 'email' } }, { token: user.token })).errors).toBeUndefined();
      const now = await budget(user.token);
      seen.push(now!.remaining);
      const resetsIn = fromNow(now!.resetsAt);
      expect(resetsIn).toBeGreaterThan(HOUR_MS - 60_000);
      expect(resetsIn).toBeLessThanOrEqual(HOUR_MS);
      if (i === 0) firstReset = new Date(String(now!.resetsAt)).getTime();
      // The window started with the first code: later codes do not move it.
      expect(Math.abs(new Date(String(now!.resetsAt)).getTime() - firstReset)).toBeLessThan(1_000);
    }
    expect(seen).toEqual([4, 3, 2, 1, 0]);

    const sixth = await service.request(BudgetRequestCode, { input: { attributeName: 'email' } }, { token: user.token });
    expect(codes(sixth.errors)).toEqual(['LIMIT_EXCEEDED']);
    const retryAfter = sixth.errors?.[0]?.extensions?.retryAfter as number;
    expect(retryAfter).toBeGreaterThan(3_500);
    expect(Math.abs(Date.now() + retryAfter * 1_000 - firstReset)).toBeLessThan(2_000);
    expect(edge.count('GetUserAttributeVerificationCode') - before).toBe(5);
    expect((await budget(user.token))?.remaining).toBe(0);
    // Another user's budget is untouched.
    expect(await budget(other.token)).toEqual({ remaining: 5, resetsAt: null });
  });

  it("should show an administrator a user's budget through user(username:), and keep a non-administrator from loading anyone else's", async () => {
    const user = await createUser('cba');
    const nosy = await createUser('cbn');
    const service = await startApp();
    for (let i = 0; i < 2; i++) expect((await service.request(BudgetRequestCode, { input: { attributeName: 'email' } }, { token: user.token })).errors).toBeUndefined();

    const seen = await service.request(BudgetOfUser, { username: user.username }, { token: admin });
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.user?.verificationCodes?.remaining).toBe(3);
    expect(fromNow(seen.data?.user?.verificationCodes?.resetsAt)).toBeGreaterThan(HOUR_MS - 60_000);
    expect(seen.data?.user?.verificationAttempts).toEqual({ remaining: 15, resetsAt: null });

    const refused = await service.request(BudgetOfUser, { username: user.username }, { token: nosy.token });
    expect(codes(refused.errors)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(refused.data ?? null)).not.toContain('remaining');
    // Their own is theirs, whole.
    expect((await service.request(BudgetMine, {}, { token: nosy.token })).data?.me.verificationCodes).toEqual({ remaining: 5, resetsAt: null });
  });

  it('should read the budget shared through Redis: codes asked for on one instance count on another', async () => {
    const user = await createUser('cbr');
    const env = { REDIS_URL: SHARED_REDIS, QUOTA_KEY_PREFIX: `budget-test-${randomUUID()}` };
    const [one, two] = [await startApp(env), await startApp(env)];
    // Until their Redis connections are up, the limiters count in memory (their insurance).
    await sleep(500);
    for (let i = 0; i < 2; i++) expect((await one.request(BudgetRequestCode, { input: { attributeName: 'email' } }, { token: user.token })).errors).toBeUndefined();
    const read = await two.request(BudgetMine, {}, { token: user.token });
    expect(read.data?.me.verificationCodes?.remaining).toBe(3);
    expect(fromNow(read.data?.me.verificationCodes?.resetsAt)).toBeGreaterThan(HOUR_MS - 60_000);
    // Reading spends nothing.
    expect((await two.request(BudgetMine, {}, { token: user.token })).data?.me.verificationCodes?.remaining).toBe(3);
  });
});

describe('verifyMyAttribute attempts per user and hour', () => {
  it('should refuse the 16th wrong code within an hour with LIMIT_EXCEEDED before it reaches Cognito (real default of 15)', async () => {
    const user = await createUser('cbv');
    const other = await createUser('cbw');
    // Attempts may wait for the per-second write budgets (10 per user, this caller's share of UserUpdate): only the hourly one refuses.
    const service = await startApp({ QUOTA_MAX_WAIT_MS: '2000' });
    const verify = (token: string) => service.request(BudgetVerify, { input: { attributeName: 'email', code: '000000' } }, { token });
    const before = edge.count('VerifyUserAttribute');
    const answers: unknown[] = [];
    for (let i = 0; i < 15; i++) answers.push(codes((await verify(user.token)).errors)[0]);
    expect(answers).toEqual(Array(15).fill('CODE_MISMATCH'));
    const attempts = (await service.request(BudgetMine, {}, { token: user.token })).data?.me.verificationAttempts;
    expect(attempts?.remaining).toBe(0);
    expect(fromNow(attempts?.resetsAt)).toBeGreaterThan(HOUR_MS - 120_000);

    const sixteenth = await verify(user.token);
    expect(codes(sixteenth.errors)).toEqual(['LIMIT_EXCEEDED']);
    expect(sixteenth.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(3_400);
    expect(edge.count('VerifyUserAttribute') - before).toBe(15);
    // Another user's attempts are theirs.
    expect(codes((await verify(other.token)).errors)).toEqual(['CODE_MISMATCH']);
  });

  it('should hold to QUOTA_VERIFY_ATTEMPTS_PER_USER_PER_HOUR, and count a right code too', async () => {
    const user = await createUser('cbs');
    const service = await startApp({ QUOTA_VERIFY_ATTEMPTS_PER_USER_PER_HOUR: '3' });
    const verify = (code: string) => service.request(BudgetVerify, { input: { attributeName: 'email', code } }, { token: user.token });
    const delivered = cognito.emulator.mailbox.next(user.username);
    expect((await service.request(BudgetRequestCode, { input: { attributeName: 'email' } }, { token: user.token })).errors).toBeUndefined();
    const { code } = await delivered;
    const before = edge.count('VerifyUserAttribute');

    expect(codes((await verify(code === '000000' ? '111111' : '000000')).errors)).toEqual(['CODE_MISMATCH']);
    expect((await verify(code)).errors).toBeUndefined();
    expect((await service.request(BudgetMine, {}, { token: user.token })).data?.me.verificationAttempts?.remaining).toBe(1);
    expect(codes((await verify('000000')).errors)).toEqual(['CODE_MISMATCH']);
    expect(codes((await verify('000000')).errors)).toEqual(['LIMIT_EXCEEDED']);
    expect(edge.count('VerifyUserAttribute') - before).toBe(3);
  });
});

/**
 * The live profile page (`/demo`, embedded mode only), driven in real
 * Chromium: sign in against the emulator, edit an attribute, verify an email
 * with the code from the page's mailbox panel, and see changes made in other
 * sessions, and at the emulator directly, arrive live. Cognito's state is checked with the SDK.
 */
import { AdminGetUserCommand, AdminUpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openGraphiQL, post, runInGraphiQL, screenshotForDocs, startEmbeddedService, waitForResult, type EmbeddedService } from './support/browser.js';
import { startTestApp } from './support/app.js';
import { startTestCognito } from './support/cognito.js';
import { watchFeed, type FeedWatch } from './support/subscribers.js';

let service: EmbeddedService;
let browser: Browser;
let feed: FeedWatch;

beforeAll(async () => {
  service = await startEmbeddedService();
  feed = watchFeed(service.app);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

async function attributeInCognito(username: string, name: string): Promise<string | undefined> {
  const user = await service.sdk.send(new AdminGetUserCommand({ UserPoolId: service.userPoolId, Username: username }));
  return user.UserAttributes?.find((a) => a.Name === name)?.Value;
}

const unique = (prefix: string) => `${prefix}${Date.now() % 1_000_000}`;

describe('serving the page', () => {
  it('should serve the page, its script and its settings in embedded mode', async () => {
    const page = await fetch(`${service.url}/demo`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain(`connect-src 'self' ws://${new URL(service.url).host} ${service.app.embedded!.emulator.endpoint}`);
    expect(await page.text()).toContain('<script type="module" src="/demo/app.js">');

    const script = await fetch(`${service.url}/demo/app.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    // graphql-ws's browser client and the typed documents, bundled in.
    expect(await script.text()).toMatch(/graphql-transport-ws[\s\S]*subscription ProfileChanges/);

    const config = await (await fetch(`${service.url}/demo/config.json`)).json();
    expect(config).toMatchObject({
      graphqlEndpoint: '/graphql',
      mailboxEndpoint: '/demo/mailbox',
      cognito: { endpoint: service.app.embedded!.emulator.endpoint, clientId: service.app.embedded!.demo.clientId },
    });
    expect((await fetch(`${service.url}/demo/nothing`)).status).toBe(404);
    expect((await fetch(`${service.url}/demo`, { method: 'POST' })).status).toBe(405);
  });

  it('should not serve it when the service fronts a configured Cognito (404)', async () => {
    const cognito = await startTestCognito();
    const remote = await startTestApp(cognito);
    try {
      for (const path of ['/demo', '/demo/app.js', '/demo/config.json', '/demo/mailbox']) {
        expect((await remote.app.yoga.fetch(`http://test${path}`)).status, path).toBe(404);
      }
    } finally {
      await remote.stop();
      await cognito.stop();
    }
  });

  it("should open the mailbox only with its owner's own token, and show only their messages", async () => {
    const mailbox = (authorization?: string) => fetch(`${service.url}/demo/mailbox`, authorization ? { headers: { authorization } } : {});
    expect((await mailbox()).status).toBe(401);
    expect((await mailbox('Bearer not-a-token')).status).toBe(401);

    const [alice, bob] = await Promise.all([service.tokenFor('alice'), service.tokenFor('bob')]);
    const request = 'mutation { requestAttributeVerificationCode(input: { attributeName: "email" }) { codeDelivery { destination } } }';
    expect((await post(service.url, alice, request)).errors).toBeUndefined();
    expect((await post(service.url, bob, request)).errors).toBeUndefined();

    const answer = await mailbox(`Bearer ${bob}`);
    expect(answer.status).toBe(200);
    const messages = (await answer.json()) as { destination: string; code: string; medium: string }[];
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.destination === 'bob@example.com')).toBe(true);
    expect(messages[0]).toMatchObject({ medium: 'EMAIL', code: service.app.embedded!.emulator.mailbox.latest('bob')?.code });
  });
});

describe('the page in Chromium, signed in as bob', () => {
  let context: BrowserContext;
  let page: Page;
  const sockets: string[] = [];

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1100, height: 720 } });
    page = await context.newPage();
    page.on('websocket', (socket) => sockets.push(socket.url()));
  });

  afterAll(() => context?.close());

  const valueOf = (name: string) => page.getByLabel(name, { exact: true });

  it("should sign in with the form against Cognito, show the user's attributes and listen for changes", async () => {
    await page.goto(`${service.url}/demo`);
    await page.getByLabel('Username').fill('bob');
    await page.getByLabel('Password').fill('Bob-demo-1!');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect.poll(() => page.locator('#username').textContent()).toBe('bob');
    await expect.poll(() => valueOf('email').inputValue()).toBe('bob@example.com');
    expect(await valueOf('custom:tenant_id').inputValue()).toBe('acme');
    await page.locator('#live[data-state="connected"]').waitFor();
    await feed.untilListening(1);
    expect(sockets).toEqual([`${service.url.replace('http', 'ws')}/graphql`]);
  });

  it('should save an edited attribute to Cognito, and list it among the live changes', async () => {
    const plan = unique('team-');
    await valueOf('custom:plan').fill(plan);
    await page.getByLabel('Save custom:plan').click();
    await page.getByText('Saved custom:plan.').waitFor();
    expect(await attributeInCognito('bob', 'custom:plan')).toBe(plan);
    await page.locator('#feed').getByText(`You set custom:plan = ${plan}`).waitFor();
  });

  it('should show a new email as waiting for verification (the old one stays active), and apply it with the code the mailbox panel shows', async () => {
    const original = await attributeInCognito('bob', 'email');
    const email = `${unique('bob+')}@example.com`;
    await valueOf('email').fill(email);
    await valueOf('email').press('Enter');
    await page.getByText('A code was sent to verify email').waitFor();
    const waiting = page.getByRole('list', { name: 'Waiting for verification' });
    await waiting.getByText(`email: ${email} (waiting for verification`).waitFor();
    // The pool keeps the original until the new one is verified: nobody is locked out.
    expect(await attributeInCognito('bob', 'email')).toBe(original);
    expect(await attributeInCognito('bob', 'email_verified')).toBe('true');
    expect(await valueOf('email_verified').inputValue()).toBe('true');
    await page.locator('#feed').getByText(`asked to change email to ${email} (waiting for verification)`).waitFor();

    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByText('Code sent by email').waitFor();
    const latest = service.app.embedded!.emulator.mailbox.latest('bob');
    expect(latest?.destination).toBe(email);
    await page.getByLabel(`Use code ${latest!.code}`).click();
    expect(await page.getByLabel('Code', { exact: true }).inputValue()).toBe(latest!.code);
    await page.getByRole('button', { name: 'Verify' }).click();

    await page.getByText('email verified.').waitFor();
    expect(await attributeInCognito('bob', 'email')).toBe(email);
    expect(await attributeInCognito('bob', 'email_verified')).toBe('true');
    await expect.poll(() => valueOf('email').inputValue()).toBe(email);
    expect(await valueOf('email_verified').inputValue()).toBe('true');
    await expect.poll(() => waiting.isHidden()).toBe(true);
  });

  it('should show a change made in another tab, without a reload', async () => {
    const other = await context.newPage();
    await other.goto(`${service.url}/demo`);
    await other.getByRole('button', { name: 'bob', exact: true }).click();
    await other.locator('#live[data-state="connected"]').waitFor();
    const name = unique('Bob from another tab ');
    await other.getByLabel('name', { exact: true }).fill(name);
    await other.getByLabel('Save name').click();

    await expect.poll(() => valueOf('name').inputValue()).toBe(name);
    await other.close();
  });

  it('should show a change made at the emulator directly (outside the service) within seconds, without a reload', async () => {
    const seats = String(1_000 + (Date.now() % 9_000));
    // As the AWS console or an app calling Cognito would: nothing goes through the service.
    await service.sdk.send(new AdminUpdateUserAttributesCommand({ UserPoolId: service.userPoolId, Username: 'bob', UserAttributes: [{ Name: 'custom:seats', Value: seats }] }));
    // The embedded default re-reads watched users every 3 s.
    await page.locator('#feed').getByText(`Someone outside this service set custom:seats = ${seats}`).waitFor({ timeout: 10_000 });
    await expect.poll(() => valueOf('custom:seats').inputValue()).toBe(seats);
  });

  it("should show an administrator's change from another session (alice in GraphiQL), without a reload", async () => {
    const admin = await browser.newContext({ viewport: { width: 1280, height: 760 } });
    try {
      const graphiql = await admin.newPage();
      await openGraphiQL(graphiql, service.url);
      const seats = String(100 + (Date.now() % 900));
      await runInGraphiQL(graphiql, `mutation SeatsForBob { adminUpdateUserAttributes(input: { username: "bob", attributes: [{ name: "custom:seats", value: "${seats}" }] }) { user { seats: attribute(name: "custom:seats") } } }`);
      await waitForResult(graphiql, `"seats": "${seats}"`);

      await expect.poll(() => valueOf('custom:seats').inputValue()).toBe(seats);
      await page.locator('#feed').getByText(`An administrator set custom:seats = ${seats}`).waitFor();
      expect(await attributeInCognito('bob', 'custom:seats')).toBe(seats);
      await screenshotForDocs(page, 'demo', { fullPage: true });
    } finally {
      await admin.close();
    }
  });
});

describe('the page where only trusted documents run (TRUSTED_DOCUMENTS=only)', () => {
  let pinned: EmbeddedService;
  let context: BrowserContext;

  beforeAll(async () => {
    pinned = await startEmbeddedService({ TRUSTED_DOCUMENTS: 'only' });
    context = await browser.newContext();
  });

  afterAll(async () => {
    await context?.close();
    await pinned?.stop();
  });

  it('should sign in, save an attribute and see it arrive live, sending each operation by its hash, never its text', async () => {
    const page = await context.newPage();
    const bodies: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql') bodies.push(request.postData() ?? '');
    });
    const frames: string[] = [];
    page.on('websocket', (socket) => socket.on('framesent', ({ payload }) => frames.push(String(payload))));

    await page.goto(`${pinned.url}/demo`);
    await page.getByRole('button', { name: 'alice (admin)', exact: true }).click();
    await expect.poll(() => page.locator('#username').textContent()).toBe('alice');
    await page.locator('#live[data-state="connected"]').waitFor();
    const plan = unique('pinned-');
    await page.getByLabel('custom:plan', { exact: true }).fill(plan);
    await page.getByLabel('Save custom:plan').click();
    await page.getByText('Saved custom:plan.').waitFor();
    await page.locator('#feed').getByText(`You set custom:plan = ${plan}`).waitFor();

    const subscribes = frames.filter((frame) => frame.includes('"subscribe"'));
    expect(bodies.length).toBeGreaterThanOrEqual(2);
    expect(subscribes).toHaveLength(1);
    for (const sent of [...bodies, ...subscribes]) {
      expect(sent).toMatch(/"persistedQuery":\{"version":1,"sha256Hash":"[0-9a-f]{64}"\}/);
      expect(sent).not.toMatch(/"query":"[^"]/);
    }
    // The same service refuses a document it was not given by hash.
    const token = await pinned.tokenFor('alice');
    expect((await post(pinned.url, token, '{ me { username } }')).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

/**
 * GraphiQL in embedded mode, driven in real Chromium: a tab per demo user
 * (alice, bob), each signed in with its own fresh token; queries and
 * mutations over HTTP; subscriptions over graphql-ws, each as the user of its
 * own tab. And the example documents: every field of the schema, every
 * operation runnable as it stands.
 */
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { buildSchema, parse, TypeInfo, validate, visit, visitWithTypeInfo, isObjectType, type OperationDefinitionNode } from 'graphql';
import { createClient } from 'graphql-ws';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BOB_DOCUMENT, EXAMPLE_DOCUMENT } from '../src/embedded/graphiql.js';
import { graphiQLResult, launchChromium, openGraphiQL, post, runInGraphiQL, screenshotForDocs, startEmbeddedService, waitForResult, type EmbeddedService } from './support/browser.js';
import { watchFeed, type FeedWatch } from './support/subscribers.js';

let service: EmbeddedService;
let browser: Browser;
let feed: FeedWatch;

beforeAll(async () => {
  service = await startEmbeddedService();
  // Before any subscription: tells when one is listening, so no change is made too early.
  feed = watchFeed(service.app);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

/** A fresh browser profile (no saved GraphiQL state) with one page. */
async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 760 } });
  return context.newPage();
}

const tabTitles = (page: Page) => page.locator('.graphiql-tab').allInnerTexts();

/** Runs one operation of the tab's document as it stands: the run button lists them all, by name. */
async function runOperationNamed(page: Page, name: string): Promise<void> {
  await page.getByLabel('Execute query (Ctrl-Enter)').click();
  await page.getByRole('menuitem', { name, exact: true }).click();
}

async function attribute(username: string, name: string): Promise<string | undefined> {
  const user = await service.sdk.send(new AdminGetUserCommand({ UserPoolId: service.userPoolId, Username: username }));
  return user.UserAttributes?.find((a) => a.Name === name)?.Value;
}

describe('GraphiQL in Chromium', () => {
  it('should open with a tab per demo user, each running its example `me` as that user', async () => {
    const page = await freshPage();
    await openGraphiQL(page, service.url);
    expect((await tabTitles(page)).map((t) => t.trim())).toEqual(['Alice', 'Bob']);

    await runOperationNamed(page, 'Alice');
    await waitForResult(page, '"username": "alice"');
    expect(await graphiQLResult(page)).toContain('"plan": "pro"');
    await screenshotForDocs(page, 'graphiql');

    await page.locator('.graphiql-tab', { hasText: 'Bob' }).click();
    await runOperationNamed(page, 'Bob');
    await waitForResult(page, '"username": "bob"');
    await page.context().close();
  });

  it('should run a mutation whose change Cognito then holds', async () => {
    const page = await freshPage();
    await openGraphiQL(page, service.url);
    const plan = `graphiql-${Date.now() % 100_000}`;
    await runInGraphiQL(page, `mutation SetPlan { updateMyAttributes(input: { attributes: [{ name: "custom:plan", value: "${plan}" }] }) { user { plan: attribute(name: "custom:plan") } } }`);
    await waitForResult(page, `"plan": "${plan}"`);
    expect(await attribute('alice', 'custom:plan')).toBe(plan);
    await page.context().close();
  });

  it("should deliver subscription events over graphql-ws to the tab that subscribed, as that tab's user", async () => {
    const page = await freshPage();
    const sockets: string[] = [];
    const sent: string[] = [];
    page.on('websocket', (socket) => {
      sockets.push(socket.url());
      socket.on('framesent', (frame) => sent.push(String(frame.payload)));
    });
    await openGraphiQL(page, service.url);
    // Bob's tab, over a socket that alice's token opened (GraphiQL's connectionParams).
    await page.locator('.graphiql-tab', { hasText: 'Bob' }).click();
    const listening = feed.listening;
    await runInGraphiQL(page, 'subscription BobLive { myAttributesChanged { source updated { name value } } }');
    await feed.untilListening(listening + 1);

    const seats = String(100 + (Date.now() % 900));
    const alice = await service.tokenFor('alice');
    const change = await post(service.url, alice, `mutation { adminUpdateUserAttributes(input: { username: "bob", attributes: [{ name: "custom:seats", value: "${seats}" }] }) { user { username } } }`);
    expect(change.errors).toBeUndefined();

    await waitForResult(page, `"value": "${seats}"`);
    expect(await graphiQLResult(page)).toContain('"source": "ADMIN"');
    expect(sockets).toEqual([`${service.url.replace('http', 'ws')}/graphql`]);
    const subscribe = sent.map((s) => JSON.parse(s) as { type: string; payload?: { operationName?: string } }).find((m) => m.type === 'subscribe');
    expect(subscribe?.payload?.operationName).toBe('BobLive');
    await page.context().close();
  });

  it("should start from the demo tabs with fresh tokens even when the browser kept another GraphiQL's state", async () => {
    const page = await freshPage();
    await openGraphiQL(page, service.url);
    // What GraphiQL saves (tabs without headers), or another project on this origin left.
    await page.evaluate(() => {
      const stale = { id: 'stale', hash: null, title: 'Stale', query: 'query Stale { me { sub } }', variables: null, headers: null, operationName: 'Stale', response: null };
      localStorage.setItem('graphiql:tabState', JSON.stringify({ activeTabIndex: 0, tabs: [stale] }));
      localStorage.setItem('graphiql:query', 'query Stale { me { sub } }');
      localStorage.setItem('graphiql:headers', '{"Authorization": "Bearer expired"}');
    });
    await openGraphiQL(page, service.url);
    expect((await tabTitles(page)).map((t) => t.trim())).toEqual(['Alice', 'Bob']);
    await runInGraphiQL(page, 'query AfterReload { me { username } }');
    await waitForResult(page, '"username": "alice"');
    await page.context().close();
  });
});

/** Each operation of a document, by name. */
function operations(document: string): Map<string, OperationDefinitionNode> {
  const ops = parse(document).definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  return new Map(ops.map((op) => [op.name?.value ?? '', op]));
}

describe('the example documents', () => {
  it('should select every field of every object type of the schema, in documents valid against it', async () => {
    const schema = buildSchema(await readFile(join(import.meta.dirname, '../schema/schema.graphql'), 'utf8'));
    const used = new Set<string>();
    for (const document of [EXAMPLE_DOCUMENT, BOB_DOCUMENT]) {
      const ast = parse(document);
      expect(validate(schema, ast).map((e) => e.message)).toEqual([]);
      const typeInfo = new TypeInfo(schema);
      visit(
        ast,
        visitWithTypeInfo(typeInfo, {
          Field() {
            const parent = typeInfo.getParentType();
            const field = typeInfo.getFieldDef();
            if (parent && field) used.add(`${parent.name}.${field.name}`);
          },
        }),
      );
    }
    const all = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
      .flatMap((type) => Object.keys((type as { getFields(): object }).getFields()).map((field) => `${type.name}.${field}`));
    expect(all.filter((coordinate) => !used.has(coordinate))).toEqual([]);
  });

  it("should run every query and mutation of each tab with that tab's token, failing only where its comments say", async () => {
    const outcomes: Record<string, unknown[]> = {};
    for (const [username, document] of [['alice', EXAMPLE_DOCUMENT], ['bob', BOB_DOCUMENT]] as const) {
      const token = await service.tokenFor(username);
      for (const [name, op] of operations(document)) {
        if (op.operation === 'subscription') continue;
        const response = await fetch(`${service.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: document, operationName: name }),
        });
        const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
        outcomes[`${username}:${name}`] = (body.errors ?? []).map((e) => e.extensions?.code);
      }
    }
    expect(outcomes).toEqual({
      'alice:Alice': [],
      'alice:UpdateMyPlan': [],
      'alice:DeleteMyNewsletter': [],
      'alice:RequestEmailCode': [],
      'alice:VerifyEmail': ['CODE_MISMATCH'],
      'alice:UserBob': [],
      'alice:ManyUsers': [],
      'alice:FindUsers': [],
      'alice:AdminUpdateBob': [],
      'alice:AdminDeleteBobsPhone': [],
      'alice:PoolSchema': [],
      'alice:AddCustomAttribute': [],
      'bob:Bob': [],
      'bob:UpdateMyName': [],
      'bob:ChangeMyEmail': [],
      'bob:NotForBob': ['FORBIDDEN'],
    });
  });
});

describe("an operation's own Authorization over graphql-ws (how GraphiQL sends a tab's headers)", () => {
  it("should run the operation as its own token's user, fail it alone when that token is bad, and keep the socket's user for the rest", async () => {
    const [alice, bob] = await Promise.all([service.tokenFor('alice'), service.tokenFor('bob')]);
    const client = createClient({ url: `${service.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${alice}` }, retryAttempts: 0 });
    const run = (headers?: Record<string, string>) =>
      new Promise<{ username?: string; codes: unknown[] }>((resolve) => {
        let username: string | undefined;
        client.subscribe<{ me: { username: string } }>(
          { query: '{ me { username } }', ...(headers ? { extensions: { headers } } : {}) },
          {
            next: (result) => (username = result.data?.me.username),
            error: (errors) => resolve({ codes: (errors as { extensions?: { code?: string } }[]).map((e) => e.extensions?.code) }),
            complete: () => resolve({ ...(username ? { username } : {}), codes: [] }),
          },
        );
      });
    try {
      expect(await run()).toEqual({ username: 'alice', codes: [] });
      expect(await run({ Authorization: `Bearer ${bob}` })).toEqual({ username: 'bob', codes: [] });
      expect(await run({ authorization: 'Bearer not-a-token' })).toEqual({ codes: ['UNAUTHENTICATED'] });
      expect(await run({ Authorization: '' })).toEqual({ username: 'alice', codes: [] });
    } finally {
      await client.dispose();
    }
  });
});

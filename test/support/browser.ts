/**
 * Real Chromium for the browser tests: Debian's `chromium` driven by
 * playwright-core (never a browser download), the service in embedded mode
 * on a free port, and helpers to drive Yoga's GraphiQL (Monaco editors).
 *
 * Screenshots for the README are written to `docs/` only when
 * `UPDATE_SCREENSHOTS=1`, so a test run never changes the tree.
 */
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp, type App } from '../../src/app.js';
import { createCognitoClient } from '../../src/cognito/sdk-client.js';
import { loadConfig } from '../../src/config.js';

/** Debian's chromium package; `.ci/run` installs it when missing. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless, sandbox-less (containers), and quiet: no network of its own. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts Debian's Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** The service in embedded mode (its own emulator and demo data), listening on a free loopback port. */
export interface EmbeddedService {
  app: App;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** An SDK client of the test's own, to read the emulator's state without the service. */
  sdk: CognitoIdentityProviderClient;
  userPoolId: string;
  /** A fresh access token of a demo user. */
  tokenFor(username: 'alice' | 'bob'): Promise<string>;
  stop(): Promise<void>;
}

/** `buildApp(loadConfig({ DATA_DIR: <tmp>, PORT: '0', ...env }))`, started. */
export async function startEmbeddedService(env: Record<string, string> = {}): Promise<EmbeddedService> {
  const dataDir = await mkdtemp(join(tmpdir(), 'browser-test-'));
  const app = await buildApp(loadConfig({ DATA_DIR: dataDir, PORT: '0', ...env }), { logger: pino({ level: 'silent' }) });
  await app.start();
  const embedded = app.embedded;
  if (!embedded) throw new Error('The service did not start in embedded mode');
  const sdk = createCognitoClient({ region: 'local', endpoint: embedded.emulator.endpoint, timeoutMs: 5_000 });
  return {
    app,
    url: app.url,
    sdk,
    userPoolId: embedded.demo.userPoolId,
    tokenFor: (username) => embedded.tokens.tokenFor(username),
    async stop() {
      sdk.destroy();
      await app.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Sends one GraphQL operation over HTTP (`fetch`, a real socket) as the holder of `token`. */
export async function post<T = Record<string, unknown>>(
  url: string,
  token: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as never;
}

/** Opens GraphiQL and waits until it has the schema (its introspection answered). */
export async function openGraphiQL(page: Page, url: string): Promise<void> {
  const introspected = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/graphql');
  await page.goto(`${url}/graphql`);
  await introspected;
  await page.locator('.graphiql-query-editor .monaco-editor').waitFor();
}

/**
 * Replaces the active tab's document with `document` (one named operation,
 * named unlike the tab's current title) and runs it. Typing goes through
 * Monaco like a paste; the run waits until GraphiQL took the new document in
 * (the tab is then titled by its operation).
 */
export async function runInGraphiQL(page: Page, document: string): Promise<void> {
  const name = /^\s*(?:query|mutation|subscription)\s+(\w+)/.exec(document)?.[1];
  if (!name) throw new Error('runInGraphiQL needs one named operation');
  await page.locator('.graphiql-query-editor .monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(document);
  await page.locator('.graphiql-tab-active').getByText(name, { exact: true }).waitFor();
  await page.getByLabel('Execute query (Ctrl-Enter)').click();
}

/** The text of GraphiQL's result pane (Monaco's spaces made plain). */
export async function graphiQLResult(page: Page): Promise<string> {
  return (await page.locator('.graphiql-response').innerText()).replace(/\u00a0/g, ' ');
}

/** Waits until GraphiQL's result pane shows `text`. */
export async function waitForResult(page: Page, text: string, timeoutMs = 10_000): Promise<void> {
  await page.waitForFunction((t) => document.querySelector('.graphiql-response')?.textContent?.replace(/\u00a0/g, ' ').includes(t), text, {
    timeout: timeoutMs,
  });
}

/** Writes `docs/<name>.png` when `UPDATE_SCREENSHOTS=1`: the viewport, or the whole page. */
export async function screenshotForDocs(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  await page.screenshot({ path: join(import.meta.dirname, '../../docs', `${name}.png`), fullPage: options.fullPage ?? false });
}

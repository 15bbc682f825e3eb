/**
 * The live profile page at `/demo`, served in embedded mode only: the browser
 * code of `src/demo/` bundled by esbuild in memory when the page is first
 * asked for (no build step, no committed output; `npm start` works offline),
 * plus the two small endpoints the page needs besides GraphQL:
 *
 * - `/demo/config.json`: where to sign in (the emulator's endpoint and the
 *   demo app client) and where GraphQL and the mailbox are;
 * - `/demo/mailbox`: the verification codes the emulator "sent" to the
 *   caller's own addresses, authorized by the caller's own access token.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'graphql-yoga';
import { authenticate, type TokenVerifier } from '../auth/tokens.js';
import type { Emulator } from './emulator.js';
import { DEMO_USERS, type DemoPool } from './seed.js';

/** Where the page is served. */
export const DEMO_PATH = '/demo';

/** The mailbox endpoint returns at most this many messages, newest first. */
const MAILBOX_LIMIT = 10;

const PAGE = fileURLToPath(new URL('../demo/page.html', import.meta.url));
const ENTRY = fileURLToPath(new URL('../demo/main.ts', import.meta.url));

/** What the page's server side needs. */
export interface DemoPageOptions {
  emulator: Emulator;
  demo: DemoPool;
  verifier: TokenVerifier;
}

/** `src/demo/main.ts` and everything it imports, as one ES module for browsers. */
export async function bundleDemoScript(): Promise<string> {
  // Loaded here, not at start-up: a service fronting a real Cognito never needs it.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // Readable in the browser's developer tools, down to the TypeScript source.
    sourcemap: 'inline',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output for the demo page');
  return output.text;
}

/** The page's HTML and script, made once and kept. */
interface Assets {
  html: string;
  script: string;
}

/**
 * What the page may load and connect to: its own script and the service
 * (HTTP and WebSocket), and the emulator for signing in.
 */
function contentSecurityPolicy(url: URL, emulatorEndpoint: string): string {
  const ws = `${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}`;
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' ${ws} ${emulatorEndpoint}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A Yoga plugin answering every request under {@link DEMO_PATH}. */
export function useDemoPage(options: DemoPageOptions): Plugin {
  const { emulator, demo, verifier } = options;
  let graphqlEndpoint = '/graphql';
  let assets: Promise<Assets> | undefined;
  const load = (): Promise<Assets> => {
    if (!assets) {
      assets = Promise.all([readFile(PAGE, 'utf8'), bundleDemoScript()]).then(([html, script]) => ({ html, script }));
      // A failed build is tried again on the next request.
      assets.catch(() => (assets = undefined));
    }
    return assets;
  };

  async function answer(request: Request, url: URL, Response: typeof globalThis.Response): Promise<Response> {
    const json = (body: unknown, status = 200): Response =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } });
    }
    switch (path) {
      case DEMO_PATH: {
        const { html } = await load();
        return new Response(html, {
          headers: {
            'content-type': 'text/html; charset=utf-8',
            'cache-control': 'no-store',
            'content-security-policy': contentSecurityPolicy(url, emulator.endpoint),
          },
        });
      }
      case `${DEMO_PATH}/app.js`: {
        const { script } = await load();
        return new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' } });
      }
      case `${DEMO_PATH}/config.json`:
        return json({
          graphqlEndpoint,
          mailboxEndpoint: `${DEMO_PATH}/mailbox`,
          cognito: { endpoint: emulator.endpoint, clientId: demo.clientId },
          // Public on purpose, like the emulator they sign in to (loopback only).
          demoUsers: DEMO_USERS.map(({ username, password, admin }) => ({ username, password, admin })),
        });
      case `${DEMO_PATH}/mailbox`: {
        const { caller } = await authenticate(request.headers.get('authorization'), verifier);
        if (!caller) return json({ error: 'UNAUTHENTICATED', message: 'Send "Authorization: Bearer <access token>" of the user whose mailbox to read.' }, 401);
        const messages = emulator.mailbox
          .messages()
          // Only what reached an address the caller owns (src/embedded/mailbox.ts).
          .filter((m) => m.username === caller.username && m.toOwner)
          .slice(-MAILBOX_LIMIT)
          .reverse()
          .map(({ medium, destination, code, sentAt }) => ({ medium, destination, code, sentAt: sentAt.toISOString() }));
        return json(messages);
      }
      default:
        return json({ error: 'NOT_FOUND', message: `Nothing at ${url.pathname}; the page is at ${DEMO_PATH}.` }, 404);
    }
  }

  return {
    onYogaInit({ yoga }) {
      graphqlEndpoint = yoga.graphqlEndpoint;
    },
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== DEMO_PATH && !url.pathname.startsWith(`${DEMO_PATH}/`)) return;
      endResponse(await answer(request, url, fetchAPI.Response));
    },
  };
}

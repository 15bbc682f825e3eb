/**
 * Which web pages may call the service from a browser.
 *
 * - CORS: only the origins of `CORS_ORIGINS` get `Access-Control-Allow-Origin`
 *   (and a preflight that lets them send `Authorization`); `*` only when set
 *   explicitly. Unset: no cross-origin access, except that the embedded demo
 *   (which only listens on loopback) allows `http://localhost:<any port>` and
 *   `http://127.0.0.1:<any port>`, so a frontend's dev server can call it.
 *   No credentials mode: the service reads no cookies, only `Authorization`.
 * - CSRF (Yoga's plugin): a request a browser would send cross-site without a
 *   preflight (a GET, or a POST of `text/plain`, form or multipart content)
 *   must carry the {@link CSRF_HEADER} header, which such pages cannot set.
 *   JSON POSTs (`application/json`) are not "simple" and pass as they are,
 *   and so does any request with an `Authorization` header: it is not a
 *   CORS-safelisted header, so a browser preflights such a request (Fetch
 *   standard, "CORS-unsafe request-header names"), and the service reads no
 *   cookies, so nothing else could make a cross-site request act as anyone.
 *   urql's default GET queries and graphql-request's middleware send the
 *   token and no CSRF header: they used to get 403.
 */
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';
import type { Config } from '../config.js';
import { REQUEST_ID_HEADER } from './use-request-log.js';

/** The header that makes a GET or a "simple" POST acceptable (any value). */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

/** How long a browser may reuse a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE_S = 600; // 10 min

/** `http://localhost:<port>`, `http://127.0.0.1:<port>`, `http://[::1]:<port>`: the embedded demo's default. */
const LOOPBACK_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/** The CORS headers' settings for one allowed origin (Yoga's `cors` option). */
export interface CorsAnswer {
  origin: string;
  methods: string[];
  credentials: false;
  maxAge: number;
  /** Response headers a page may read: the request id, to quote when reporting a problem. */
  exposedHeaders: string[];
}

/** Whether `origin` may call the service, from `CORS_ORIGINS` or the embedded default. */
export function originAllowed(config: Pick<Config, 'corsOrigins' | 'cognito'>, origin: string): boolean {
  if (config.corsOrigins) return config.corsOrigins.includes('*') || config.corsOrigins.includes(origin);
  return config.cognito.mode === 'embedded' && LOOPBACK_ORIGIN.test(origin);
}

/**
 * Yoga's `cors` option: headers for an allowed origin, none for any other
 * (the browser then refuses the response, and the preflight of a JSON POST).
 */
export function corsPolicy(config: Pick<Config, 'corsOrigins' | 'cognito'>): (request: Request) => CorsAnswer | false {
  return (request) => {
    const origin = request.headers.get('origin');
    if (!origin || !originAllowed(config, origin)) return false;
    // The caller's own origin, also under `*`: the answer names whom it allows.
    return { origin, methods: ['GET', 'POST', 'OPTIONS'], credentials: false, maxAge: PREFLIGHT_MAX_AGE_S, exposedHeaders: [REQUEST_ID_HEADER] };
  };
}

/**
 * CSRF prevention, and `Vary: Origin` on every answer whose CORS headers
 * depend on the origin, so a shared cache never serves one origin's answer to another.
 */
export function useBrowserAccess(config: Pick<Config, 'corsOrigins' | 'cognito'>): Plugin[] {
  const csrf = useCSRFPrevention({ requestHeaders: [CSRF_HEADER] });
  const plugins: Plugin[] = [
    {
      // A request carrying Authorization was preflighted by any browser: no CSRF header needed.
      onRequestParse: (payload) => (payload.request.headers.has('authorization') ? undefined : csrf.onRequestParse?.(payload)),
    },
  ];
  if (config.corsOrigins !== null || config.cognito.mode === 'embedded') {
    plugins.push({
      onResponse({ response }) {
        const vary = response.headers.get('vary');
        if (!vary?.split(',').some((v) => v.trim().toLowerCase() === 'origin')) response.headers.append('vary', 'Origin');
      },
    });
  }
  return plugins;
}

/** GraphiQL sends {@link CSRF_HEADER} on everything: its subscriptions are GETs (SSE). */
export function withCsrfHeader(
  options: GraphiQLOptions | (() => Promise<GraphiQLOptions>),
): () => Promise<GraphiQLOptions> {
  return async () => {
    const resolved = typeof options === 'function' ? await options() : options;
    return { ...resolved, additionalHeaders: { ...resolved.additionalHeaders, [CSRF_HEADER]: 'graphiql' } };
  };
}

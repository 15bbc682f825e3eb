/**
 * GraphQL over HTTP conformance: every audit of the `graphql-http` package's
 * `serverAudits` run against the LIVE service (a real port, the platform's
 * `fetch`), in four configurations: the default settings and production
 * mode, each with a client as the audits send it and with a client that adds
 * the CSRF header (and, in production, introspection turned back on).
 *
 * The audits query only `{ __typename }` and `__type(name: ...)`, which need
 * no caller, so they run without an Authorization header, as a stranger's
 * client would. Each audit is one test named by its id and name. An audit a
 * configuration does not meet is listed in its `notMet` with the reason (the
 * "Conformance" section of test/README.md says the same), and the test asserts that
 * it still fails, so the list and the README cannot go stale silently. Every
 * other audit, MUST, SHOULD or MAY, must pass.
 */
import { serverAudits, type Audit, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../src/plugins/use-browser-access.js';
import { startTestApp, type TestApp } from './support/app.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';

/** The audit asks `__type(...)`, an introspection field. */
const INTROSPECTION_OFF =
  'it queries `__type(...)`, which production mode refuses (GRAPHQL_INTROSPECTION=false): a validation error, so 200 with `errors` (or 400)';
/** The audit sends a GET without the CSRF header. */
const CSRF = `it sends a GET without the \`${CSRF_HEADER}\` header, which CSRF prevention refuses (403)`;

interface Configuration {
  name: string;
  /** Settings beyond the test defaults. */
  env: Record<string, string>;
  /** The client adds the CSRF header to every request, as GraphiQL does. */
  csrfHeader: boolean;
  /** Audits not met, by id, and why. */
  notMet: Readonly<Record<string, string>>;
}

const PRODUCTION = { NODE_ENV: 'production', CORS_ORIGINS: 'https://app.example.com' };

const CONFIGURATIONS: Configuration[] = [
  {
    name: 'default settings',
    env: {},
    csrfHeader: false,
    notMet: { '5A70': CSRF, D6D5: CSRF, '6A70': CSRF },
  },
  { name: `default settings, a client sending ${CSRF_HEADER}`, env: {}, csrfHeader: true, notMet: {} },
  {
    name: 'production mode (NODE_ENV=production)',
    env: PRODUCTION,
    csrfHeader: false,
    notMet: {
      '28B9': INTROSPECTION_OFF,
      '2EA1': INTROSPECTION_OFF,
      '5A70': CSRF,
      D6D5: `${INTROSPECTION_OFF}; and ${CSRF}`,
      '6A70': `${INTROSPECTION_OFF}; and ${CSRF}`,
    },
  },
  {
    name: `production mode with GRAPHQL_INTROSPECTION=true, a client sending ${CSRF_HEADER}`,
    env: { ...PRODUCTION, GRAPHQL_INTROSPECTION: 'true' },
    csrfHeader: true,
    notMet: {},
  },
];

let cognito: TestCognito;

beforeAll(async () => {
  cognito = await startTestCognito();
});

afterAll(async () => {
  await cognito?.stop();
});

const requirementOf = (audit: Audit) => audit.name.split(' ')[0] as 'MUST' | 'SHOULD' | 'MAY';
/** graphql-http's status for a failed audit of each requirement level. */
const FAILED = { MUST: 'error', SHOULD: 'warn', MAY: 'notice' } as const;

/** `fetch`, adding the CSRF header to every request. */
const fetchWithCsrfHeader: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set(CSRF_HEADER, 'conformance');
  return fetch(input, { ...init, headers });
};

describe.each(CONFIGURATIONS)('GraphQL over HTTP audits, $name', ({ env, csrfHeader, notMet }) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(cognito, env);
    await service.app.start();
  });
  afterAll(async () => {
    await service?.stop();
  });

  const audits = serverAudits({ url: () => `${service.app.url}/graphql`, fetchFn: csrfHeader ? fetchWithCsrfHeader : fetch });

  it('should name only audits that exist among those not met', () => {
    const ids = new Set(audits.map((a) => a.id));
    expect(Object.keys(notMet).filter((id) => !ids.has(id))).toEqual([]);
  });

  for (const requirement of ['MUST', 'SHOULD', 'MAY'] as const) {
    describe(requirement, () => {
      for (const audit of audits.filter((a) => requirementOf(a) === requirement)) {
        const reason = notMet[audit.id];
        if (reason === undefined) {
          it(`${audit.id} ${audit.name}`, async () => {
            const result: AuditResult = await audit.fn();
            expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
          });
        } else {
          it(`${audit.id} ${audit.name} — not met: ${reason}`, async () => {
            const result = await audit.fn();
            expect(result.status).toBe(FAILED[requirement]);
          });
        }
      }
    });
  }
});

describe('what the audits not met in production mode ask, without introspection', () => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(cognito, PRODUCTION);
    await service.app.start();
  });
  afterAll(async () => {
    await service?.stop();
  });

  const post = (accept: string, body: unknown) =>
    fetch(`${service.app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify(body) });
  const withVariables = { query: 'query ConfVars($yes: Boolean!) { __typename @include(if: $yes) }', variables: { yes: true } };

  it('should allow a map {variables} parameter when accepting application/json (28B9 without __type)', async () => {
    const response = await post('application/json', withVariables);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('should allow a map {variables} parameter when accepting application/graphql-response+json (2EA1 without __type)', async () => {
    const response = await post('application/graphql-response+json', withVariables);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('should refuse the audits’ own query only because introspection is off', async () => {
    const response = await post('application/json', { query: 'query Type($name: String!) { __type(name: $name) { name } }', variables: { name: 'sometype' } });
    const body = (await response.json()) as { data?: unknown; errors: { message: string }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors.map((e) => e.message)).toEqual([expect.stringMatching(/introspection/i)]);
  });

  it(`should answer GET requests that carry ${CSRF_HEADER} (5A70, D6D5, 6A70 with the header)`, async () => {
    const url = new URL(`${service.app.url}/graphql`);
    url.searchParams.set('query', withVariables.query);
    url.searchParams.set('variables', JSON.stringify(withVariables.variables));
    const refused = await fetch(url, { headers: { accept: 'application/json' } });
    expect(refused.status).toBe(403);
    const answered = await fetch(url, { headers: { accept: 'application/json', [CSRF_HEADER]: '1' } });
    expect(answered.status).toBe(200);
    expect(await answered.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

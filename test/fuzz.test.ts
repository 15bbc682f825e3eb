/**
 * Property-based fuzzing (fast-check) of the LIVE service (a real port) over
 * the real emulator: random documents, random variables for the real
 * operations, random headers, random methods and paths, and random WebSocket
 * frames. Whatever a client sends, the service never answers a 5xx, never
 * crashes (it still answers `/health` after each batch; an uncaught error
 * would fail the run), never shows an internal message, and every answer is
 * a valid GraphQL response or a proper HTTP error (see `support/fuzz.ts`).
 *
 * Bounded: `FUZZ_RUNS` cases per property (default {@link DEFAULT_RUNS}, so
 * the file takes well under a minute); `FUZZ_SEED` replays a run (fast-check
 * prints the seed and the shrunk counterexample of a failure). The cases run,
 * and how many Cognito calls they caused, are printed at the end. Mutations
 * the fuzzer makes land on users of its own (`fuzz-*`) and on the demo pool's
 * schema, which nothing else in this file relies on.
 *
 * What the fuzzer found is pinned by plain tests beside the properties
 * (documents deeper than the stack, parameters that are not JSON; the
 * graphql-ws message types are in ws-protocol.test.ts), so a regression fails
 * on every run, not only on the runs that happen to draw it.
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../src/plugins/use-browser-access.js';
import { DEMO_ADMIN_GROUP, signIn } from '../src/embedded/seed.js';
import { startTestApp, type TestApp } from './support/app.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';
import { answerProblems, send, secretsOf, sessionProblems, wsSession, type FuzzFrame, type FuzzRequest } from './support/fuzz.js';
import { claimsOf, mintToken, unsignedToken, type AccessClaims } from './support/tokens.js';

/** Cases per property when `FUZZ_RUNS` is unset. */
const DEFAULT_RUNS = 150;

function runsFromEnv(): number {
  const raw = process.env.FUZZ_RUNS?.trim();
  if (!raw) return DEFAULT_RUNS;
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`FUZZ_RUNS=${JSON.stringify(raw)} must be a positive integer`);
  return runs;
}

const RUNS = runsFromEnv();
const SEED = process.env.FUZZ_SEED?.trim() ? Number(process.env.FUZZ_SEED) : undefined;
/** A property's whole batch may take this long (a hang shows up as a timeout, not a stuck run). */
const PROPERTY_TIMEOUT_MS = 60_000 + RUNS * 1_000;

const PASSWORD = 'Fuzz-pass-1!';
/** The fuzzer's own users: a signed-in user, an administrator, and targets for admin mutations. */
const FUZZ_USER = 'fuzz-user';
const FUZZ_ADMIN = 'fuzz-admin';
const FUZZ_TARGETS = ['fuzz-target-1', 'fuzz-target-2'] as const;

/** The callers a request may come from; resolved to an Authorization value at run time. */
type CallerKind = 'none' | 'user' | 'admin' | 'forged' | 'unsigned' | 'expired' | 'garbage';

interface World {
  service: TestApp;
  /** A second instance with every document limit at its maximum: the engine, not the limits, faces the input. */
  roomy: TestApp;
  userPoolId: string;
  tokens: Record<'user' | 'admin' | 'forged' | 'unsigned' | 'expired', string>;
}

let cognito: TestCognito;
let world: World;
/** Cases run, per property, for the closing report. */
const casesRun: Record<string, number> = {};

async function createFuzzUser(username: string, attributes: Record<string, string>, admin = false): Promise<void> {
  const { sdk, demo } = cognito;
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: demo.userPoolId,
      Username: username,
      MessageAction: 'SUPPRESS',
      UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
    }),
  );
  await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: demo.userPoolId, Username: username, Password: PASSWORD, Permanent: true }));
  if (admin) await sdk.send(new AdminAddUserToGroupCommand({ UserPoolId: demo.userPoolId, Username: username, GroupName: DEMO_ADMIN_GROUP }));
}

beforeAll(async () => {
  cognito = await startTestCognito();
  const { demo, sdk } = cognito;
  await createFuzzUser(FUZZ_USER, { email: 'fuzz-user@example.com', phone_number: '+15555550199', 'custom:plan': 'free' });
  await createFuzzUser(FUZZ_ADMIN, { email: 'fuzz-admin@example.com' }, true);
  for (const target of FUZZ_TARGETS) await createFuzzUser(target, { email: `${target}@example.com` });
  const user = await signIn(sdk, demo.clientId, FUZZ_USER, PASSWORD);
  const admin = await signIn(sdk, demo.clientId, FUZZ_ADMIN, PASSWORD);
  const issuer = `${cognito.endpoint}/${demo.userPoolId}`;
  const adminClaims = claimsOf(admin) as unknown as AccessClaims;
  // Per-user quotas raised and no waiting: the fuzzer reaches Cognito instead
  // of mostly meeting its own user's limit (which has tests of its own).
  const env = { QUOTA_PER_USER_READS_PER_SECOND: '100000', QUOTA_PER_USER_WRITES_PER_SECOND: '100000', QUOTA_MAX_WAIT_MS: '0' };
  const service = await startTestApp(cognito, env);
  const roomy = await startTestApp(cognito, {
    ...env,
    MAX_BODY_BYTES: String(10 * 1024 * 1024),
    MAX_DEPTH: '100',
    MAX_ALIASES: '1000',
    MAX_TOKENS: '100000',
    MAX_DIRECTIVES: '1000',
    MAX_COST: '1000000',
  });
  await service.app.start();
  await roomy.app.start();
  world = {
    service,
    roomy,
    userPoolId: demo.userPoolId,
    tokens: {
      user,
      admin,
      forged: await mintToken({ issuer, claims: adminClaims, forged: true }),
      unsigned: unsignedToken({ ...adminClaims, iss: issuer, exp: Math.floor(Date.now() / 1000) + 3_600 }),
      expired: await mintToken({ issuer, claims: adminClaims, expiresIn: -60 }),
    },
  };
});

afterAll(async () => {
  const total = Object.values(casesRun).reduce((a, b) => a + b, 0);
  const cognitoCalls = world ? world.service.calls.length + world.roomy.calls.length : 0;
  const commands = world ? [...new Set(world.service.calls)].sort().join(', ') : '';
  console.info(
    `fuzz: ${total} cases run (${Object.entries(casesRun).map(([p, n]) => `${p}: ${n}`).join(', ')}); FUZZ_RUNS=${RUNS}; ` +
      `${cognitoCalls} Cognito calls reached the emulator (${commands})`,
  );
  await world?.service.stop();
  await world?.roomy.stop();
  await cognito?.stop();
});

// ---------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------

/** Lone UTF-16 surrogates: invalid Unicode that JSON can still carry. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Any text: ASCII, graphemes of all of Unicode, raw code points, broken surrogates. */
const anyText = (maxLength = 60) =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: fc.oneof(fc.string({ minLength: 1, maxLength: 1 }), loneSurrogate), maxLength }),
  );

/** A Header value `fetch` can send: Latin-1 without control characters. */
const headerText = (maxLength = 80) =>
  fc.string({
    unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff })).map((c) => String.fromCharCode(c)),
    maxLength,
  });

const USER_SELECTION = 'username sub userPoolId attributes { name value } attribute(name: $name) status enabled createdAt updatedAt';

/** Every operation of the contract, written with variables for every argument. */
const OPERATIONS = {
  FuzzMe: `query FuzzMe($name: String!) { me { ${USER_SELECTION} } }`,
  FuzzUser: `query FuzzUser($username: String!, $userPoolId: ID, $name: String!) { user(username: $username, userPoolId: $userPoolId) { ${USER_SELECTION} } }`,
  FuzzUsers: 'query FuzzUsers($usernames: [String!]!, $userPoolId: ID) { users(usernames: $usernames, userPoolId: $userPoolId) { username status attributes { name value } } }',
  FuzzPool:
    'query FuzzPool($id: ID) { userPool(id: $id) { id name attributes { name dataType custom mutable required developerOnly minLength maxLength minValue maxValue } customAttributes { name } } }',
  FuzzUpdateMine:
    'mutation FuzzUpdateMine($input: UpdateMyAttributesInput!) { updateMyAttributes(input: $input) { user { username attributes { name value } } codeDeliveries { attributeName deliveryMedium destination } } }',
  FuzzDeleteMine: 'mutation FuzzDeleteMine($input: DeleteMyAttributesInput!) { deleteMyAttributes(input: $input) { user { username attributes { name value } } } }',
  FuzzRequestCode:
    'mutation FuzzRequestCode($input: RequestAttributeVerificationCodeInput!) { requestAttributeVerificationCode(input: $input) { codeDelivery { attributeName deliveryMedium destination } } }',
  FuzzVerify: 'mutation FuzzVerify($input: VerifyMyAttributeInput!) { verifyMyAttribute(input: $input) { user { username attributes { name value } } } }',
  FuzzAdminUpdate:
    'mutation FuzzAdminUpdate($input: AdminUpdateUserAttributesInput!) { adminUpdateUserAttributes(input: $input) { user { username status attributes { name value } } } }',
  FuzzAdminDelete:
    'mutation FuzzAdminDelete($input: AdminDeleteUserAttributesInput!) { adminDeleteUserAttributes(input: $input) { user { username attributes { name value } } } }',
  FuzzAddCustom:
    'mutation FuzzAddCustom($input: AddCustomAttributesInput!) { addCustomAttributes(input: $input) { userPool { id customAttributes { name dataType mutable minLength maxLength minValue maxValue } } } }',
  FuzzSubMine: 'subscription FuzzSubMine { myAttributesChanged { source user { username } updated { name value } deleted } }',
  FuzzSubUser: 'subscription FuzzSubUser($username: String!, $userPoolId: ID) { userAttributesChanged(username: $username, userPoolId: $userPoolId) { source } }',
  FuzzSubPool: 'subscription FuzzSubPool($userPoolId: ID) { userPoolAttributesChanged(userPoolId: $userPoolId) { source } }',
} as const;
type OperationName = keyof typeof OPERATIONS;
/** The operations only administrators may run. */
const ADMIN_OPERATIONS: ReadonlySet<OperationName> = new Set(['FuzzUser', 'FuzzUsers', 'FuzzPool', 'FuzzAdminUpdate', 'FuzzAdminDelete', 'FuzzAddCustom', 'FuzzSubUser', 'FuzzSubPool']);
const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[];

/** Names and punctuators of GraphQL, and a few troublemakers, for token soup. */
const GRAPHQL_TOKENS = [
  '{', '}', '(', ')', '[', ']', ':', '$', '!', '@', '...', '=', '|', '&', ',',
  'query', 'mutation', 'subscription', 'fragment', 'on', 'me', 'user', 'users', 'userPool', '__typename', '__schema', '__type',
  'attributes', 'name', 'value', 'username', 'input', 'id', 'F', 'Query', 'Mutation', 'String', 'ID', 'Int', 'Boolean',
  'true', 'false', 'null', '"s"', '"""b"""', '1', '-1.5e3', '0x1', '"\\u0000"', '"\\uD800"', '#c\n', '\n', '\t', '\uFEFF',
  '@include(if: true)', '@skip(if: $v)', '@defer', '@stream', 'updateMyAttributes', 'addCustomAttributes', 'adminUpdateUserAttributes',
];

/** Edits applied to a valid document. */
const edit = fc.record({
  kind: fc.constantFrom('delete', 'insert', 'duplicate', 'replace'),
  at: fc.nat(),
  length: fc.nat({ max: 30 }),
  text: fc.oneof(fc.constantFrom(...GRAPHQL_TOKENS), anyText(10)),
});

function applyEdits(document: string, edits: readonly { kind: string; at: number; length: number; text: string }[]): string {
  return edits.reduce((doc, { kind, at: raw, length, text }) => {
    const at = raw % (doc.length + 1);
    if (kind === 'delete') return doc.slice(0, at) + doc.slice(at + length);
    if (kind === 'insert') return doc.slice(0, at) + text + doc.slice(at);
    if (kind === 'duplicate') return doc.slice(0, at + length) + doc.slice(at, at + length) + doc.slice(at + length);
    return doc.slice(0, at) + text + doc.slice(at + length);
  }, document);
}

/** A document nested `depth` levels deep in one of GraphQL's nestable places. */
function deepDocument(kind: string, depth: number): string {
  switch (kind) {
    case 'selection':
      return `{ ${'me { '.repeat(depth)}username${' }'.repeat(depth)} }`;
    case 'list':
      return `{ user(username: ${'['.repeat(depth)}"x"${']'.repeat(depth)}) { username } }`;
    case 'object':
      return `{ user(username: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}) { username } }`;
    case 'inline-fragment':
      return `{ ${'... on Query { '.repeat(depth)}__typename${' }'.repeat(depth)} }`;
    case 'fragment-chain':
      return `{ ...F0 } ${Array.from({ length: depth }, (_, i) => `fragment F${i} on Query { __typename ...F${i + 1} }`).join(' ')} fragment F${depth} on Query { __typename }`;
    case 'variable-list':
      return `query Deep($v: ${'['.repeat(depth)}String${']'.repeat(depth)}) { __typename }`;
    default:
      return `${'('.repeat(depth)}`;
  }
}

const deepDocuments = fc
  .tuple(fc.constantFrom('selection', 'list', 'object', 'inline-fragment', 'fragment-chain', 'variable-list', 'parens'), fc.integer({ min: 1, max: 5_000 }))
  .map(([kind, depth]) => deepDocument(kind, depth));

const manyAliases = fc
  .tuple(fc.integer({ min: 1, max: 5_000 }), fc.constantFrom('__typename', 'me { username }', 'userPool { id }', 'users(usernames: ["fuzz-target-1"]) { username }'))
  .map(([count, field]) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`);

const manyDirectives = fc
  .tuple(fc.integer({ min: 1, max: 3_000 }), fc.constantFrom('@include(if: true)', '@skip(if: false)', '@deprecated', '@nope', '@defer', '@stream(initialCount: 1)'))
  .map(([count, directive]) => `{ me ${`${directive} `.repeat(count)}{ username } }`);

const fragmentTricks = fc.constantFrom(
  '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
  '{ ...A } fragment A on Query { ...A }',
  '{ __typename } fragment Unused on Query { me { username } }',
  '{ ...on User { username } }',
  'query A { __typename } query A { __typename }',
  'query { __typename } query { __typename }',
  '{ me { username } } mutation { __typename }',
  '{ me { username: sub sub: username } }',
  '{ me { x: username x: sub } }',
  '{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }',
  '{ __type(name: "User") { fields { name } } }',
  'subscription { myAttributesChanged { source } userPoolAttributesChanged { source } }',
  '{ me { attribute(name: "custom:plan") attribute2: attribute(name: "") } }',
);

const unicodeDocuments = anyText(40).chain((text) =>
  fc.constantFrom(
    `{ me { attribute(name: ${JSON.stringify(text)}) } }`,
    `{ user(username: ${JSON.stringify(text)}) { username } }`,
    `{ me { attribute(name: """${text.replace(/"""/g, '')}""") } }`,
    `query ${text} { __typename }`,
    `{ ${text} }`,
    `# ${text}\n{ __typename }`,
  ),
);

/** Documents: valid ones, mutated ones, token soup, deep, wide, unicode, raw text. */
const documents = fc.oneof(
  fc.constantFrom(...Object.values(OPERATIONS)),
  fc.tuple(fc.constantFrom(...Object.values(OPERATIONS)), fc.array(edit, { minLength: 1, maxLength: 6 })).map(([doc, edits]) => applyEdits(doc, edits)),
  fc.array(fc.constantFrom(...GRAPHQL_TOKENS), { maxLength: 60 }).map((tokens) => tokens.join(' ')),
  deepDocuments,
  manyAliases,
  manyDirectives,
  fragmentTricks,
  unicodeDocuments,
  anyText(200),
);

/** Attribute names of the demo pool, and a few near misses. */
const KNOWN_NAMES = [
  'email', 'phone_number', 'name', 'given_name', 'address', 'updated_at', 'sub', 'email_verified', 'phone_number_verified',
  'custom:plan', 'custom:seats', 'custom:newsletter', 'custom:trial_ends', 'custom:tenant_id', 'custom:nothing', 'custom:', 'dev:custom:plan',
];

/** Attribute names: mostly real ones, sometimes anything. */
const attributeName = fc.oneof(
  { arbitrary: fc.constantFrom(...KNOWN_NAMES), weight: 8 },
  { arbitrary: anyText(40), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 40 }).map((n) => `custom:${'x'.repeat(n)}`), weight: 1 },
);

const attributeValue = fc.oneof(
  { arbitrary: fc.constantFrom('pro', '5', '0', '1001', 'true', 'false', 'maybe', '2030-01-01T00:00:00Z', 'not-an-email', '+15555550123', '', ' '), weight: 4 },
  { arbitrary: anyText(60), weight: 4 },
  { arbitrary: fc.integer({ min: 2_040, max: 2_100 }).map((n) => 'v'.repeat(n)), weight: 1 },
);

/** Real attributes with a value of their type, so that most updates reach Cognito. */
const FITTING: readonly [name: string, value: string][] = [
  ['custom:plan', 'pro'],
  ['custom:seats', '5'],
  ['custom:newsletter', 'true'],
  ['custom:trial_ends', '2030-01-01T00:00:00.000Z'],
  ['name', 'Fuzz Er'],
  ['given_name', 'Ünïcödé'],
  ['address', '1 Fuzz Road'],
  ['email', 'fuzz-changed@example.com'],
  ['phone_number', '+15555550188'],
];

/** An attribute to set: mostly a real one with a fitting or random value, sometimes anything. */
const attributeInput = fc.oneof(
  {
    arbitrary: fc.tuple(fc.constantFrom(...FITTING), fc.option(anyText(30), { freq: 3 })).map(([[name, value], other]) => ({ name, value: other ?? value })),
    weight: 6,
  },
  { arbitrary: fc.record({ name: attributeName, value: attributeValue }), weight: 2 },
);

/** Mostly a few items; sometimes up to `max` (past the contract's limits). */
const few = <T>(item: fc.Arbitrary<T>, max: number) =>
  fc.oneof({ arbitrary: fc.array(item, { minLength: 1, maxLength: 3 }), weight: 8 }, { arbitrary: fc.array(item, { maxLength: max }), weight: 1 });

const username = fc.oneof(
  { arbitrary: fc.constantFrom(FUZZ_USER, FUZZ_ADMIN, ...FUZZ_TARGETS, 'nobody'), weight: 8 },
  { arbitrary: fc.oneof(fc.constantFrom('', 'u'.repeat(200)), anyText(40)), weight: 1 },
);
const metadataEntry = fc.record({ key: fc.oneof(fc.constantFrom('k', ''), anyText(20)), value: anyText(20) });
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

/** Variables shaped like each operation's inputs, with values from anywhere. */
function shapedVariables(operation: OperationName, poolId: fc.Arbitrary<string | null | undefined>): fc.Arbitrary<Record<string, unknown>> {
  const attributes = few(attributeInput, 55);
  const names = few(attributeName, 55);
  const clientMetadata = maybe(few(metadataEntry, 55));
  switch (operation) {
    case 'FuzzMe':
      return fc.record({ name: attributeName });
    case 'FuzzUser':
      return fc.record({ username, userPoolId: poolId, name: attributeName });
    case 'FuzzUsers':
      return fc.record({ usernames: few(username, 110), userPoolId: poolId });
    case 'FuzzPool':
      return fc.record({ id: poolId });
    case 'FuzzUpdateMine':
      return fc.record({ input: fc.record({ attributes, clientMetadata }) });
    case 'FuzzDeleteMine':
      return fc.record({ input: fc.record({ names }) });
    case 'FuzzRequestCode':
      return fc.record({ input: fc.record({ attributeName, clientMetadata }) });
    case 'FuzzVerify':
      return fc.record({ input: fc.record({ attributeName, code: fc.oneof(fc.stringMatching(/^\d{6}$/), anyText(30)) }) });
    case 'FuzzAdminUpdate':
      return fc.record({ input: fc.record({ userPoolId: poolId, username, attributes, clientMetadata }) });
    case 'FuzzAdminDelete':
      return fc.record({ input: fc.record({ userPoolId: poolId, username, names }) });
    case 'FuzzAddCustom': {
      // Mostly unset: bounds that contradict each other are refused before Cognito.
      const bound = fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: fc.oneof(fc.integer({ min: -5, max: 3_000 }), fc.integer()), weight: 1 });
      const definition = fc.record({
        name: fc.oneof({ arbitrary: fc.stringMatching(/^[a-z]{1,20}$/), weight: 4 }, { arbitrary: anyText(30), weight: 1 }),
        dataType: fc.oneof({ arbitrary: fc.constantFrom('STRING', 'NUMBER', 'DATE_TIME', 'BOOLEAN'), weight: 8 }, { arbitrary: fc.constant('BLOB'), weight: 1 }),
        mutable: maybe(fc.boolean()),
        developerOnly: maybe(fc.boolean()),
        minLength: bound,
        maxLength: bound,
        minValue: bound,
        maxValue: bound,
      });
      return fc.record({ input: fc.record({ userPoolId: poolId, attributes: few(definition, 30) }) });
    }
    case 'FuzzSubMine':
      return fc.constant({});
    case 'FuzzSubUser':
      return fc.record({ username, userPoolId: poolId });
    case 'FuzzSubPool':
      return fc.record({ userPoolId: poolId });
  }
}

/** JSON of any shape where variables go: objects with the right or wrong keys, and non-objects. */
const anyVariables = fc.oneof(
  fc.dictionary(fc.constantFrom('name', 'username', 'usernames', 'userPoolId', 'id', 'input', 'v', '__proto__', 'constructor'), fc.jsonValue({ maxDepth: 4 })),
  fc.jsonValue({ maxDepth: 4 }),
  fc.constant(null),
);

const callers = fc.constantFrom<CallerKind>('none', 'user', 'admin', 'user', 'admin', 'forged', 'unsigned', 'expired', 'garbage');

/** Authorization values that are not a valid bearer token. */
const authorizationGarbage = fc.oneof(
  headerText(),
  headerText().map((t) => `Bearer ${t}`),
  fc.tuple(fc.base64String(), fc.base64String(), fc.base64String()).map((parts) => `Bearer ${parts.join('.')}`),
  fc.constantFrom('Bearer', 'Bearer ', 'bearer  x', 'Basic Zm9vOmJhcg==', 'Token abc', 'Bearer a.b.c', 'Bearer ..', `Bearer ${'A'.repeat(9_000)}`),
);

function authorizationFor(kind: CallerKind, garbage: string): string | undefined {
  if (kind === 'none') return undefined;
  if (kind === 'garbage') return garbage;
  return `Bearer ${world.tokens[kind]}`;
}

const CONTENT_TYPES = [
  'application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'application/json; charset=utf-16',
  'application/graphql', 'application/graphql+json', 'application/graphql-response+json', 'text/plain', 'application/x-www-form-urlencoded',
  'multipart/form-data', 'multipart/form-data; boundary=xyz', 'text/event-stream', 'application/octet-stream', '', '*/*', 'application/xml',
];
const ACCEPTS = [
  'application/json', 'application/graphql-response+json', 'application/graphql-response+json, application/json;q=0.9', '*/*', 'text/event-stream',
  'multipart/mixed', 'text/html', 'application/xml', '', 'text/event-stream, application/json', 'application/json;q=0', 'application/*',
];

/** A body for random headers, methods and paths: GraphQL over HTTP in its encodings, or anything. */
const anyBody = fc.oneof(
  fc.tuple(documents, anyVariables).map(([query, variables]) => JSON.stringify({ query, variables })),
  documents,
  documents.map((query) => new URLSearchParams({ query }).toString()),
  fc.constantFrom(
    '--xyz\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ __typename }"}\r\n--xyz\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.f"]}\r\n--xyz--\r\n',
    '--xyz\r\ngarbage',
    '[{"query":"{ __typename }"},{"query":"{ me { username } }"}]',
    `[${'{"query":"{ __typename }"},'.repeat(30)}{"query":"{ __typename }"}]`,
    '[]',
    '{}',
    'null',
    '{"query": "{ __typename }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}',
  ),
  fc.jsonValue({ maxDepth: 5 }).map((value) => JSON.stringify(value)),
  anyText(300),
  fc.uint8Array({ maxLength: 300 }),
);

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

async function checkHttp(instance: TestApp, request: FuzzRequest): Promise<void> {
  let problems: string[];
  try {
    problems = answerProblems(request, await send(instance.app.url, request));
  } catch (error) {
    problems = [`no HTTP answer: ${error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}` : String(error)}`];
  }
  expect(problems, `${request.method} ${request.path.slice(0, 200)}`).toEqual([]);
}

async function stillAlive(instance: TestApp): Promise<void> {
  const health = await fetch(`${instance.app.url}/health`);
  expect(health.status).toBe(200);
  expect(instance.app.server.listening).toBe(true);
}

async function runProperty<Ts extends [unknown, ...unknown[]]>(name: string, property: fc.IAsyncPropertyWithHooks<Ts>): Promise<void> {
  casesRun[name] = 0;
  const counted = property.beforeEach((previous) => {
    casesRun[name]! += 1;
    return previous();
  });
  await fc.assert(counted, { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) });
}

const jsonPost = (body: unknown, authorization: string | undefined, accept = 'application/json'): FuzzRequest => ({
  method: 'POST',
  path: '/graphql',
  headers: { 'content-type': 'application/json', accept, ...(authorization ? { authorization } : {}) },
  body: JSON.stringify(body),
});

describe('fuzz: the service never fails a client', () => {
  it(
    'should answer random documents with a GraphQL response or a 4xx',
    async () => {
      const request = fc.record({
        query: fc.oneof({ arbitrary: documents, weight: 9 }, { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 }),
        variables: maybe(anyVariables),
        operationName: maybe(fc.oneof(fc.constantFrom(...OPERATION_NAMES), anyText(20), fc.constant(null))),
        extensions: maybe(fc.jsonValue({ maxDepth: 3 })),
        caller: callers,
        garbage: authorizationGarbage,
        accept: fc.constantFrom('application/json', 'application/graphql-response+json', '*/*', 'text/event-stream'),
        viaGet: fc.boolean(),
      });
      await runProperty(
        'documents',
        fc.asyncProperty(request, async ({ caller, garbage, accept, viaGet, ...params }) => {
          const authorization = authorizationFor(caller, garbage);
          if (viaGet && typeof params.query === 'string') {
            const search = new URLSearchParams({ query: params.query });
            if (params.variables !== undefined) search.set('variables', JSON.stringify(params.variables));
            if (typeof params.operationName === 'string') search.set('operationName', params.operationName);
            await checkHttp(world.service, {
              method: 'GET',
              path: `/graphql?${search}`,
              headers: { accept, [CSRF_HEADER]: 'fuzz', ...(authorization ? { authorization } : {}) },
            });
          } else {
            await checkHttp(world.service, jsonPost(params, authorization, accept));
          }
        }),
      );
      await stillAlive(world.service);
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'should answer the real operations with random variables with a GraphQL response or a 4xx',
    async () => {
      const poolId = fc.oneof(
        { arbitrary: fc.constantFrom(world.userPoolId, null, undefined), weight: 8 },
        { arbitrary: fc.oneof(fc.constantFrom('us-east-1_Nope1', 'local_0'), anyText(30)), weight: 1 },
      );
      // Mostly the caller each operation is for, the right name and well-shaped variables: most cases reach Cognito.
      const request = fc.constantFrom(...OPERATION_NAMES).chain((operation) =>
        fc.record({
          operation: fc.constant(operation),
          variables: fc.oneof({ arbitrary: shapedVariables(operation, poolId), weight: 8 }, { arbitrary: anyVariables, weight: 1 }),
          operationName: fc.oneof({ arbitrary: fc.constant(operation), weight: 8 }, { arbitrary: maybe(anyText(20)), weight: 1 }),
          caller: fc.oneof(
            { arbitrary: fc.constant<CallerKind>(ADMIN_OPERATIONS.has(operation) ? 'admin' : 'user'), weight: 6 },
            { arbitrary: fc.constant<CallerKind>('admin'), weight: 2 },
            { arbitrary: callers, weight: 1 },
          ),
          garbage: authorizationGarbage,
          accept: operation.startsWith('FuzzSub')
            ? fc.constantFrom('text/event-stream', 'text/event-stream', 'multipart/mixed', 'application/json')
            : fc.constantFrom('application/json', 'application/json', 'application/graphql-response+json', 'text/event-stream', 'multipart/mixed'),
        }),
      );
      await runProperty(
        'operations',
        fc.asyncProperty(request, async ({ operation, variables, operationName, caller, garbage, accept }) => {
          const body = { query: OPERATIONS[operation], variables, ...(operationName !== undefined ? { operationName } : {}) };
          await checkHttp(world.service, jsonPost(body, authorizationFor(caller, garbage), accept));
        }),
      );
      await stillAlive(world.service);
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'should answer random headers (authorization, content types, accept and others) with a GraphQL response or a 4xx',
    async () => {
      const extraHeader = fc.tuple(
        fc.oneof(
          fc.constantFrom('origin', CSRF_HEADER, 'apollo-require-preflight', 'content-encoding', 'accept-encoding', 'cookie', 'x-amz-target', 'x-forwarded-for', 'range', 'if-none-match', 'graphql-client-name'),
          fc.stringMatching(/^x-[a-z0-9-]{1,20}$/),
        ),
        fc.oneof(fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'https://evil.example', 'http://localhost:3000', 'bytes=0-1', '1'), headerText(40)),
      );
      const request = fc.record({
        method: fc.constantFrom('GET', 'POST', 'POST', 'POST'),
        caller: fc.oneof({ arbitrary: fc.constant<CallerKind>('garbage'), weight: 3 }, { arbitrary: callers, weight: 2 }),
        garbage: authorizationGarbage,
        contentType: fc.oneof({ arbitrary: fc.constantFrom(...CONTENT_TYPES), weight: 4 }, { arbitrary: headerText(40), weight: 1 }),
        accept: maybe(fc.oneof({ arbitrary: fc.constantFrom(...ACCEPTS), weight: 4 }, { arbitrary: headerText(40), weight: 1 })),
        extra: fc.array(extraHeader, { maxLength: 4 }),
        body: anyBody,
        query: maybe(documents),
      });
      await runProperty(
        'headers',
        fc.asyncProperty(request, async ({ method, caller, garbage, contentType, accept, extra, body, query }) => {
          const headers: Record<string, string> = Object.fromEntries(extra);
          if (contentType) headers['content-type'] = contentType;
          if (accept !== undefined) headers.accept = accept;
          const authorization = authorizationFor(caller, garbage);
          if (authorization !== undefined) headers.authorization = authorization;
          const path = method === 'GET' && query !== undefined ? `/graphql?${new URLSearchParams({ query })}` : '/graphql';
          await checkHttp(world.service, { method, path, headers, body });
        }),
      );
      await stillAlive(world.service);
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'should answer random methods and paths with a GraphQL response or a proper HTTP error',
    async () => {
      const path = fc.oneof(
        fc.constantFrom('/graphql', '/graphql/', '/GRAPHQL', '/', '/health', '/ready', '/graphiql', '//graphql', '/graphql/../graphql', '/graphql%00', '/graphql;a=b', '/favicon.ico', '/graphql/stream'),
        fc.webPath(),
        // Lone surrogates become U+FFFD first: encodeURIComponent refuses them.
        anyText(30).map((segment) => `/${encodeURIComponent(Buffer.from(segment).toString())}`),
      );
      const search = fc.oneof(
        fc.constant(''),
        fc.webQueryParameters().map((q) => `?${q}`),
        fc
          .dictionary(fc.constantFrom('query', 'variables', 'operationName', 'extensions', 'q'), fc.oneof(documents, anyText(30), fc.jsonValue().map((v) => JSON.stringify(v))), { maxKeys: 4 })
          .map((params) => `?${new URLSearchParams(params)}`),
      );
      const method = fc.oneof(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'PROPFIND', 'SEARCH', 'QUERY', 'PURGE', 'LINK'),
        fc.stringMatching(/^[A-Z]{1,12}$/).filter((m) => !['CONNECT', 'TRACE', 'TRACK'].includes(m)),
      );
      const request = fc.record({
        method,
        path,
        search,
        contentType: fc.constantFrom(...CONTENT_TYPES),
        accept: fc.constantFrom(...ACCEPTS),
        csrf: fc.boolean(),
        caller: callers,
        garbage: authorizationGarbage,
        body: maybe(anyBody),
      });
      await runProperty(
        'methods and paths',
        fc.asyncProperty(request, async ({ method, path: p, search: s, contentType, accept, csrf, caller, garbage, body }) => {
          const authorization = authorizationFor(caller, garbage);
          const headers: Record<string, string> = { accept, ...(contentType ? { 'content-type': contentType } : {}), ...(authorization ? { authorization } : {}) };
          if (csrf) headers[CSRF_HEADER] = 'fuzz';
          await checkHttp(world.service, { method, path: `${p}${s}`, headers, ...(body !== undefined ? { body } : {}) });
        }),
      );
      await stillAlive(world.service);
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'should answer deep and wide documents with a GraphQL response or a 4xx even with every document limit at its maximum',
    async () => {
      const request = fc.record({
        query: fc.oneof(deepDocuments, manyAliases, manyDirectives, fragmentTricks),
        caller: fc.constantFrom<CallerKind>('user', 'admin', 'none'),
      });
      await runProperty(
        'deep and wide (limits at maximum)',
        fc.asyncProperty(request, async ({ query, caller }) => {
          await checkHttp(world.roomy, jsonPost({ query }, authorizationFor(caller, '')));
        }),
      );
      await stillAlive(world.roomy);
    },
    PROPERTY_TIMEOUT_MS,
  );

  // Depths far past any stack, each still under the 100,000 tokens of the roomy instance.
  it.each([
    ['lists', deepDocument('list', 50_000)],
    ['selections', deepDocument('selection', 40_000)],
    ['inline fragments', deepDocument('inline-fragment', 20_000)],
    ['fragment spreads', deepDocument('fragment-chain', 10_000)],
    ['variable types', deepDocument('variable-list', 50_000)],
  ])('should refuse %s nested deeper than the stack as BAD_USER_INPUT, with every document limit at its maximum', async (_, query) => {
    const answer = await send(world.roomy.app.url, jsonPost({ query }, authorizationFor('user', '')));
    expect(answer.status).toBeLessThan(500);
    const body = JSON.parse(answer.text) as { errors?: { message: string; extensions?: { code?: unknown } }[] };
    expect(body.errors?.map((e) => e.extensions?.code)).toContain('BAD_USER_INPUT');
    expect(body.errors?.map((e) => e.message).join(' ')).not.toMatch(/Unexpected error|call stack/i);
  });

  it.each([
    ['variables in a GET', 'GET', '/graphql?query=%7B__typename%7D&variables=%7Bnot-json', undefined],
    ['extensions in a GET', 'GET', '/graphql?query=%7B__typename%7D&extensions=nope', undefined],
    ['variables in a form POST', 'POST', '/graphql', 'query=%7B__typename%7D&variables=%5B1'],
  ])('should refuse %s that are not JSON as BAD_USER_INPUT (400)', async (_, method, path, body) => {
    const headers = { accept: 'application/json', [CSRF_HEADER]: 'fuzz', ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) };
    const request: FuzzRequest = { method, path, headers, ...(body ? { body } : {}) };
    const answer = await send(world.service.app.url, request);
    expect(answerProblems(request, answer)).toEqual([]);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toEqual({
      errors: [{ message: 'The "variables" and "extensions" parameters must be JSON.', extensions: { code: 'BAD_USER_INPUT' } }],
    });
  });

  it('should answer a document nested deeper than the stack over graphql-ws with an error message, not an internal error', async () => {
    const url = `${world.roomy.app.url.replace(/^http/, 'ws')}/graphql`;
    const init: FuzzFrame = { text: JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${world.tokens.user}` } }) };
    const frames: FuzzFrame[] = [{ text: JSON.stringify({ id: 'deep', type: 'subscribe', payload: { query: deepDocument('list', 50_000) } }) }];
    const session = await wsSession(url, ['graphql-transport-ws'], frames, { init });
    expect(sessionProblems([init, ...frames], session, [])).toEqual([]);
    expect(session.close.byServer).toBe(false);
    const error = session.received.map((text) => JSON.parse(text) as { type: string; payload?: { extensions?: { code?: unknown } }[] }).find((m) => m.type === 'error');
    expect(error?.payload?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it(
    'should keep to the graphql-ws protocol whatever frames arrive, in or out of order',
    async () => {
      const id = fc.oneof(fc.constantFrom('1', '2', 'a'), anyText(10), fc.integer(), fc.constant(null));
      const subscribePayload = fc.oneof(
        { arbitrary: fc.record({ query: documents, variables: maybe(anyVariables), operationName: maybe(fc.oneof(anyText(10), fc.constant(null))) }), weight: 3 },
        {
          arbitrary: fc.constantFrom(...OPERATION_NAMES).chain((operation) =>
            fc.record({ query: fc.constant(OPERATIONS[operation]), variables: shapedVariables(operation, fc.constant(undefined)), operationName: fc.constant(operation) }),
          ),
          weight: 3,
        },
        { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
      );
      const validInit = fc.constant({ type: 'connection_init', payload: { authorization: 'VALID' } });
      const message = fc.oneof(
        validInit,
        fc.record({ type: fc.constant('connection_init'), payload: maybe(fc.oneof(fc.jsonValue({ maxDepth: 3 }), authorizationGarbage.map((authorization) => ({ authorization })))) }),
        fc.record({ type: fc.constantFrom('ping', 'pong'), payload: maybe(fc.jsonValue({ maxDepth: 2 })) }),
        { arbitrary: fc.record({ id, type: fc.constant('subscribe'), payload: subscribePayload }), weight: 3 },
        fc.record({ id, type: fc.constant('complete') }),
        fc.record({ type: fc.oneof(fc.constantFrom('next', 'error', 'connection_ack', 'start', 'stop', 'ka', 'connection_terminate'), anyText(10)), id: maybe(id), payload: maybe(fc.jsonValue({ maxDepth: 2 })) }),
      );
      const frame: fc.Arbitrary<FuzzFrame | { message: unknown }> = fc.oneof(
        { arbitrary: message.map((m) => ({ message: m })), weight: 6 },
        anyText(100).map((text) => ({ text })),
        fc.jsonValue({ maxDepth: 3 }).map((value) => ({ text: JSON.stringify(value) })),
        fc.uint8Array({ maxLength: 100 }).map((binary) => ({ binary })),
      );
      const session = fc.record({
        protocols: fc.oneof({ arbitrary: fc.constant(['graphql-transport-ws']), weight: 8 }, fc.constant([]), fc.constant(['nope', 'graphql-transport-ws'])),
        startAcknowledged: fc.boolean(),
        frames: fc.array(frame, { minLength: 1, maxLength: 8 }),
      });
      const valid = `Bearer ${world.tokens.user}`;
      const url = `${world.service.app.url.replace(/^http/, 'ws')}/graphql`;
      await runProperty(
        'websocket frames',
        fc.asyncProperty(session, async ({ protocols, startAcknowledged, frames }) => {
          const init: FuzzFrame = { text: JSON.stringify({ type: 'connection_init', payload: { authorization: valid } }) };
          const wire = frames.map((f): FuzzFrame => ('message' in f ? { text: JSON.stringify(f.message).replace('"VALID"', JSON.stringify(valid)) } : f));
          const result = await wsSession(url, protocols, wire, startAcknowledged ? { init } : {});
          const sent = startAcknowledged ? [init, ...wire] : wire;
          expect(sessionProblems(sent, result, secretsOf(valid)), JSON.stringify(sent).slice(0, 500)).toEqual([]);
        }),
      );
      await stillAlive(world.service);
    },
    PROPERTY_TIMEOUT_MS,
  );
});

/**
 * API.md "Errors": every Cognito exception the contract's table names maps to
 * its stable `extensions.code`, with a message of our own (never Cognito's);
 * anything unrecognised is left for Yoga to mask. Then, end to end over the
 * real emulator: Cognito going away is UPSTREAM_UNAVAILABLE, and an
 * unexpected fault is INTERNAL_SERVER_ERROR with no internals in the body.
 */
import {
  AliasExistsException,
  CodeDeliveryFailureException,
  CodeMismatchException,
  CognitoIdentityProviderServiceException,
  ExpiredCodeException,
  InternalErrorException,
  InvalidParameterException,
  LimitExceededException,
  NotAuthorizedException,
  PasswordResetRequiredException,
  ResourceNotFoundException,
  TooManyRequestsException,
  UserImportInProgressException,
  UserNotConfirmedException,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { rm } from 'node:fs/promises';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeForCognitoError, ErrorCode, contractError, fromCognito, type CallKind } from '../src/errors.js';
import { graphql } from './gql/index.js';
import { startTestApp, type TestApp } from './support/app.js';
import { startTestCognito, type TestCognito } from './support/cognito.js';

const ErrorsMe = graphql(`
  query ErrorsMe {
    me {
      username
      attributes {
        name
        value
      }
    }
  }
`);

/** A message only Cognito could have written: it must never reach a client. */
const SECRET = 'cognito-said: arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_Secret internal detail';
const metadata = { $metadata: { httpStatusCode: 400, requestId: 'req-secret-1' } };

/** The contract's table (API.md, "Errors"): exception -> code, for user and admin calls alike. */
const TABLE: [name: string, make: () => Error, code: ErrorCode][] = [
  ['PasswordResetRequiredException', () => new PasswordResetRequiredException({ message: SECRET, ...metadata }), 'UNAUTHENTICATED'],
  ['UserNotConfirmedException', () => new UserNotConfirmedException({ message: SECRET, ...metadata }), 'UNAUTHENTICATED'],
  ['InvalidParameterException', () => new InvalidParameterException({ message: SECRET, ...metadata }), 'BAD_USER_INPUT'],
  ['UserImportInProgressException', () => new UserImportInProgressException({ message: SECRET, ...metadata }), 'BAD_USER_INPUT'],
  ['UserNotFoundException', () => new UserNotFoundException({ message: SECRET, ...metadata }), 'NOT_FOUND'],
  ['ResourceNotFoundException', () => new ResourceNotFoundException({ message: SECRET, ...metadata }), 'NOT_FOUND'],
  ['CodeMismatchException', () => new CodeMismatchException({ message: SECRET, ...metadata }), 'CODE_MISMATCH'],
  ['ExpiredCodeException', () => new ExpiredCodeException({ message: SECRET, ...metadata }), 'EXPIRED_CODE'],
  ['AliasExistsException', () => new AliasExistsException({ message: SECRET, ...metadata }), 'ALIAS_EXISTS'],
  ['TooManyRequestsException', () => new TooManyRequestsException({ message: SECRET, ...metadata }), 'LIMIT_EXCEEDED'],
  ['LimitExceededException', () => new LimitExceededException({ message: SECRET, ...metadata }), 'LIMIT_EXCEEDED'],
  ['CodeDeliveryFailureException', () => new CodeDeliveryFailureException({ message: SECRET, ...metadata }), 'LIMIT_EXCEEDED'],
  [
    'InternalErrorException',
    () => new InternalErrorException({ message: SECRET, $metadata: { httpStatusCode: 500, requestId: 'req-secret-1' } }),
    'UPSTREAM_UNAVAILABLE',
  ],
  [
    'a network error (ECONNREFUSED)',
    () => Object.assign(new Error(`connect ECONNREFUSED 10.0.0.7:443 ${SECRET}`), { code: 'ECONNREFUSED', $metadata: { attempts: 3 } }),
    'UPSTREAM_UNAVAILABLE',
  ],
  ['a network error carried as the cause', () => new Error(SECRET, { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) }), 'UPSTREAM_UNAVAILABLE'],
  ['a timeout', () => Object.assign(new Error(SECRET), { name: 'TimeoutError' }), 'UPSTREAM_UNAVAILABLE'],
  [
    'an HTTP 500 with an unmodelled name',
    () =>
      new CognitoIdentityProviderServiceException({
        name: 'Unsupported',
        $fault: 'server',
        message: SECRET,
        $metadata: { httpStatusCode: 500, requestId: 'req-secret-1' },
      }),
    'UPSTREAM_UNAVAILABLE',
  ],
  ['a plain Error named like an exception', () => Object.assign(new Error(SECRET), { name: 'CodeMismatchException' }), 'CODE_MISMATCH'],
];

/** Asserts `mapped` is the contract's error for `code`, with nothing of Cognito's in it. */
function expectContractError(mapped: unknown, code: ErrorCode): void {
  expect(mapped).toBeInstanceOf(GraphQLError);
  const error = mapped as GraphQLError;
  expect(error.extensions.code).toBe(code);
  expect(error.message).not.toBe('');
  const shown = JSON.stringify({ message: error.message, extensions: error.extensions, json: error.toJSON() });
  expect(shown).not.toContain('cognito-said');
  expect(shown).not.toContain('123456789012');
  expect(shown).not.toContain('req-secret-1');
  expect(shown).not.toContain('10.0.0.7');
  expect(error.originalError ?? undefined).toBeUndefined();
}

describe('codeForCognitoError / fromCognito', () => {
  describe.each(['user', 'admin'] satisfies CallKind[])('on a %s call', (kind) => {
    it.each(TABLE)('should map %s to its contract code with a message of our own', (_name, make, code) => {
      expect(codeForCognitoError(make(), kind)).toBe(code);
      expectContractError(fromCognito(make(), kind), code);
    });
  });

  it("should map NotAuthorizedException on a user's own call (a bad or revoked token) to UNAUTHENTICATED", () => {
    const error = new NotAuthorizedException({ message: `Access Token has been revoked ${SECRET}`, ...metadata });
    expect(codeForCognitoError(error, 'user')).toBe('UNAUTHENTICATED');
    expectContractError(fromCognito(error, 'user'), 'UNAUTHENTICATED');
  });

  it('should map NotAuthorizedException on an admin call (a permission the service lacks) to FORBIDDEN', () => {
    const error = new NotAuthorizedException({ message: SECRET, ...metadata });
    expect(codeForCognitoError(error, 'admin')).toBe('FORBIDDEN');
    expectContractError(fromCognito(error, 'admin'), 'FORBIDDEN');
  });

  it('should map NotAuthorizedException about an attribute the client may not write to FORBIDDEN, whoever called', () => {
    for (const kind of ['user', 'admin'] satisfies CallKind[]) {
      const error = new NotAuthorizedException({ message: `A client attempted to write unauthorized attribute ${SECRET}`, ...metadata });
      expect(codeForCognitoError(error, kind)).toBe('FORBIDDEN');
      expectContractError(fromCognito(error, kind), 'FORBIDDEN');
    }
  });

  it('should return an unknown error unchanged, for Yoga to mask', () => {
    const unknown = [
      new Error('secret internals'),
      new TypeError("Cannot read properties of undefined (reading 'Attributes')"),
      new CognitoIdentityProviderServiceException({ name: 'SomethingNew', $fault: 'client', message: SECRET, $metadata: { httpStatusCode: 400 } }),
    ];
    for (const error of unknown) {
      expect(codeForCognitoError(error, 'user')).toBeUndefined();
      expect(fromCognito(error, 'user')).toBe(error);
      expect(fromCognito(error, 'admin')).toBe(error);
    }
    expect(codeForCognitoError('a string', 'user')).toBeUndefined();
    expect(fromCognito('a string', 'user')).toBe('a string');
  });

  it('should pass an error that already carries a contract code through as it is', () => {
    const ours = contractError(ErrorCode.BAD_USER_INPUT, 'Attribute "x" is unknown.', { field: 'attributes' });
    expect(fromCognito(ours, 'admin')).toBe(ours);
  });
});

/** POSTs `query` to the app and returns the raw body as well as the parsed one. */
async function raw(service: TestApp, query: string, token: string) {
  const response = await service.app.yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  const body = JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: response.status, text, body };
}

const ME = '{ me { username attributes { name value } } }';

describe('masking, end to end', () => {
  let cognito: TestCognito;
  let bob: string;

  beforeAll(async () => {
    cognito = await startTestCognito();
    bob = await cognito.tokens.tokenFor('bob');
  });
  afterAll(async () => {
    await cognito?.stop();
  });

  it('should answer UPSTREAM_UNAVAILABLE, with no internal message, when Cognito stops answering', async () => {
    const second = await startTestCognito();
    const app = await startTestApp(second, { COGNITO_TIMEOUT_MS: '1000' });
    try {
      const token = await second.tokens.tokenFor('bob');
      // First request: works, and the verifier caches the emulator's JWKS.
      const before = await app.request(ErrorsMe, {}, { token });
      expect(before.errors).toBeUndefined();
      expect(before.data?.me.username).toBe('bob');

      await second.emulator.stop();

      app.calls.length = 0;
      const after = await raw(app, ME, token);
      expect(app.calls).toContain('GetUser');
      expect(after.body.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
      expect(after.body.data ?? null).toBeNull();
      const port = new URL(second.endpoint).port;
      expect(after.text).not.toMatch(/ECONNREFUSED|connect|127\.0\.0\.1/);
      expect(after.text).not.toContain(`:${port}`);
      expect(after.text).not.toContain('stack');
    } finally {
      await app.stop();
      second.sdk.destroy();
      await rm(second.dataDir, { recursive: true, force: true });
    }
  });

  it("should mask an unexpected fault as INTERNAL_SERVER_ERROR 'Unexpected error.' with none of its internals", async () => {
    const faulty = await startTestApp(cognito);
    try {
      // A fault injected at the edge: the Cognito client itself throws something nobody expects.
      faulty.app.services.cognito.middlewareStack.add(
        () => async () => {
          throw new Error('secret internals');
        },
        { step: 'initialize', name: 'injectFault' },
      );
      const { body, text } = await raw(faulty, ME, bob);
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.message).toBe('Unexpected error.');
      expect(body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(text).not.toContain('secret internals');
      expect(text).not.toContain('stack');
      expect(text).not.toContain('middleware');
    } finally {
      await faulty.stop();
    }
  });

});

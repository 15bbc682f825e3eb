/**
 * The one way this service fails: every expected failure is a GraphQL error
 * with a stable `extensions.code` from the contract (API.md, "Errors").
 * Cognito's exceptions are mapped here and nowhere else; anything this module
 * does not recognise is rethrown as is, and Yoga masks it
 * (`INTERNAL_SERVER_ERROR`, no message, no stack).
 */
import { createGraphQLError } from 'graphql-yoga';
import type { GraphQLError } from 'graphql';

/** The contract's error codes. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CODE_MISMATCH: 'CODE_MISMATCH',
  EXPIRED_CODE: 'EXPIRED_CODE',
  ALIAS_EXISTS: 'ALIAS_EXISTS',
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  CURSOR_EXPIRED: 'CURSOR_EXPIRED',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * An expected failure, with its contract code and any extra `extensions`:
 * returned, not thrown, so a caller writes `throw contractError(...)` (or
 * hands it to Pothos' `unauthorizedError`).
 */
export function contractError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return createGraphQLError(message, { extensions: { ...extensions, code } });
}

/** True for an error made by {@link contractError} (or another error that already carries a code). */
export function isExpected(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError' && typeof (error as GraphQLError).extensions?.code === 'string';
}

/**
 * Which kind of credentials a Cognito call used: Cognito answers
 * `NotAuthorizedException` both for a bad access token (the caller is not who
 * they say: UNAUTHENTICATED) and for a permission the caller lacks (FORBIDDEN).
 */
export type CallKind = 'user' | 'admin';

/** Messages we write ourselves for each code; Cognito's own text never reaches a client. */
const MESSAGES: Record<ErrorCode, string> = {
  UNAUTHENTICATED: 'The access token is missing, invalid, expired or revoked.',
  FORBIDDEN: 'You are not allowed to do this.',
  BAD_USER_INPUT: 'Cognito rejected the input.',
  NOT_FOUND: 'No such user or user pool.',
  CODE_MISMATCH: 'The verification code is wrong.',
  EXPIRED_CODE: 'The verification code has expired; request a new one.',
  ALIAS_EXISTS: 'This email address or phone number belongs to another user.',
  LIMIT_EXCEEDED: 'Too many requests; try again later.',
  UPSTREAM_UNAVAILABLE: 'Cognito cannot be reached right now; try again later.',
  CURSOR_EXPIRED: 'This cursor can no longer be resumed from; read the current state and subscribe again without `after`.',
  PERSISTED_QUERY_NOT_FOUND: 'No trusted document has this hash.',
};

/** What a client throttled by Cognito itself is told to wait, in seconds. */
const THROTTLED_RETRY_AFTER_S = 1;

const NETWORK_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

/** The contract code for a Cognito exception, or `undefined` when it is unexpected. */
export function codeForCognitoError(error: unknown, kind: CallKind): ErrorCode | undefined {
  if (!(error instanceof Error)) return undefined;
  const name = error.name;
  const message = error.message ?? '';
  switch (name) {
    case 'NotAuthorizedException':
      // "A client attempted to write unauthorized attribute" is a permission,
      // not an identity problem, whichever credentials were used.
      if (/attribute/i.test(message)) return ErrorCode.FORBIDDEN;
      return kind === 'user' ? ErrorCode.UNAUTHENTICATED : ErrorCode.FORBIDDEN;
    case 'PasswordResetRequiredException':
    case 'UserNotConfirmedException':
      return ErrorCode.UNAUTHENTICATED;
    case 'InvalidParameterException':
    case 'UserImportInProgressException':
    case 'InvalidUserPoolConfigurationException':
      // The emulator answers a malformed token with InvalidParameterException;
      // tokens are verified before any call, so on a user call it still means input.
      return ErrorCode.BAD_USER_INPUT;
    case 'UserNotFoundException':
    case 'ResourceNotFoundException':
      return ErrorCode.NOT_FOUND;
    case 'CodeMismatchException':
      return ErrorCode.CODE_MISMATCH;
    case 'ExpiredCodeException':
      return ErrorCode.EXPIRED_CODE;
    case 'AliasExistsException':
      return ErrorCode.ALIAS_EXISTS;
    case 'TooManyRequestsException':
    case 'LimitExceededException':
    case 'CodeDeliveryFailureException':
    case 'TooManyFailedAttemptsException':
      return ErrorCode.LIMIT_EXCEEDED;
    case 'InternalErrorException':
    case 'TimeoutError':
    case 'AbortError':
    // src/cognito/breaker.ts: Cognito kept failing, so the call was not made.
    case 'CircuitOpenError':
      return ErrorCode.UPSTREAM_UNAVAILABLE;
    default: {
      const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
      if (typeof code === 'string' && NETWORK_ERRORS.has(code)) return ErrorCode.UPSTREAM_UNAVAILABLE;
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status !== undefined && status >= 500) return ErrorCode.UPSTREAM_UNAVAILABLE;
      if (/fetch failed|socket hang up|connect ECONNREFUSED/i.test(message)) return ErrorCode.UPSTREAM_UNAVAILABLE;
      return undefined;
    }
  }
}

/**
 * Turns anything a Cognito call threw into the contract's error. Errors that
 * already carry a code pass through; unrecognised ones are returned unchanged
 * so Yoga masks them.
 */
export function fromCognito(error: unknown, kind: CallKind): unknown {
  if (isExpected(error)) return error;
  const code = codeForCognitoError(error, kind);
  if (!code) return error;
  // Cognito's rate quotas are per second, and the SDK has already retried.
  if ((error as Error).name === 'TooManyRequestsException') return contractError(code, MESSAGES[code], { retryAfter: THROTTLED_RETRY_AFTER_S });
  return contractError(code, MESSAGES[code]);
}

/** Runs a Cognito call and maps what it throws; see {@link fromCognito}. */
export async function cognitoCall<T>(kind: CallKind, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw fromCognito(error, kind);
  }
}

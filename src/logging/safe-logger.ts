/**
 * Log lines that never hold a token, a header or a Cognito message.
 *
 * - `redact` removes authorization values and `connectionParams` wherever a
 *   log object carries them.
 * - Errors are logged as a description, not as themselves: for a Cognito
 *   (AWS SDK) exception only its name, HTTP status and request id (its
 *   message may quote the input, and the SDK object holds the HTTP exchange);
 *   for other errors name, message and stack with anything token-like cut out.
 * - Yoga's own `logger.error(error)` goes through {@link yogaLogger}, which
 *   logs the description under a fixed message (pino would make the error's
 *   message the line's `msg`).
 */
import type { Logger } from 'pino';

/**
 * Errors already logged with the id of their request (src/plugins/use-request-log.ts):
 * Yoga logs what it masks too, without one, and {@link yogaLogger} skips these.
 */
export const loggedErrors = new WeakSet<object>();

/** Where a token or a header may sit in a log object. */
export const REDACTED_PATHS = [
  'authorization',
  'Authorization',
  'accessToken',
  'token',
  'connectionParams',
  'headers.authorization',
  'headers.Authorization',
  'headers.cookie',
  '*.authorization',
  '*.Authorization',
  '*.accessToken',
  '*.token',
  '*.connectionParams',
  '*.headers.authorization',
  '*.headers.cookie',
];

/** A JWT (three base64url parts, the first a JSON header) or a bearer value. */
const TOKEN_LIKE = /\bBearer\s+\S+|\beyJ[\w-]*\.[\w-]*\.[\w-]*/gi;

/** `text` with anything token-like replaced by `[redacted]`. */
export function scrub(text: string): string {
  return text.replace(TOKEN_LIKE, '[redacted]');
}

/** What a log line says about an error. */
export interface ErrorDescription {
  type: string;
  /** The HTTP status Cognito answered. */
  status?: number;
  /** Cognito's request id, for AWS support. */
  requestId?: string;
  code?: string;
  message?: string;
  stack?: string;
  cause?: ErrorDescription;
}

/** How deep causes and GraphQL `originalError`s are followed. */
const MAX_CAUSES = 3;

/** The description of `error` for a log line; see the module comment. */
export function describeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return typeof error === 'string' ? scrub(error) : error;
  const inner = (error as { originalError?: unknown }).originalError;
  // A GraphQLError wrapping a thrown error: the thrown one is what happened.
  if (inner instanceof Error && depth < MAX_CAUSES) return describeError(inner, depth + 1);
  const metadata = (error as { $metadata?: { httpStatusCode?: number; requestId?: string } }).$metadata;
  if (metadata || (error as { $fault?: unknown }).$fault) {
    return {
      type: error.name,
      ...(metadata?.httpStatusCode !== undefined ? { status: metadata.httpStatusCode } : {}),
      ...(metadata?.requestId ? { requestId: metadata.requestId } : {}),
    } satisfies ErrorDescription;
  }
  const code = (error as { code?: unknown }).code;
  const description: ErrorDescription = {
    type: error.name,
    message: scrub(error.message),
    ...(typeof code === 'string' ? { code } : {}),
    ...(error.stack ? { stack: scrub(error.stack) } : {}),
  };
  if (error.cause instanceof Error && depth < MAX_CAUSES) description.cause = describeError(error.cause, depth + 1) as ErrorDescription;
  return description;
}

/** `base` with redaction and the safe error serializer (for `err` and `error` keys). */
export function safeLogger(base: Logger): Logger {
  return base.child({}, { redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, serializers: { err: describeError, error: describeError } });
}

/** The logger Yoga receives: errors logged as descriptions, strings scrubbed. */
export interface YogaLoggerLike {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/** A log argument as text (Yoga passes strings; anything else is stringified defensively). */
function text(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  try {
    return JSON.stringify(arg) ?? String(arg);
  } catch {
    return String(arg);
  }
}

/** Adapts `logger` to Yoga's `logging` option; see the module comment. */
export function yogaLogger(logger: Logger): YogaLoggerLike {
  const forward = (level: 'debug' | 'info' | 'warn' | 'error') => {
    // The level is fixed at start: Yoga's debug lines on every request cost nothing when off.
    if (!logger.isLevelEnabled(level)) return () => {};
    return (...args: unknown[]): void => {
      const error = args.find((arg) => arg instanceof Error);
      // Logged already, with its request's id (src/plugins/use-request-log.ts).
      if (error && loggedErrors.has(error)) return;
      if (error) {
        logger[level]({ err: error }, 'unexpected error');
        return;
      }
      logger[level](scrub(args.map(text).join(' ')));
    };
  };
  return { debug: forward('debug'), info: forward('info'), warn: forward('warn'), error: forward('error') };
}

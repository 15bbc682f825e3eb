/**
 * What Cognito enforces, asked once at start-up. Cognito sells capacity
 * beyond the default rate of some quota categories ("Managing provisioned
 * limits", https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html#provisioned-quotas);
 * GetProvisionedLimit (API reference,
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetProvisionedLimit.html)
 * answers, per category, `Limit.ProvisionedLimitValue`, "the rate that Amazon
 * Cognito currently enforces for your account", beside `FreeLimitValue`, the
 * default (LimitType,
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_LimitType.html).
 *
 * Every category is asked at once, within {@link LOOKUP_TIMEOUT_MS}, before
 * the pipeline exists: the look-up spends no quota, never touches the
 * breaker, and no request waits for it. A category whose answer does not come
 * (no `cognito-idp:GetProvisionedLimit` permission, an emulator without the
 * operation, a timeout, an answer that is not a rate) keeps its setting, and
 * one line at start-up says which and why, in a short reason of this
 * service's words (never Cognito's message). Which of an answer and an
 * explicit setting wins is src/cognito/quotas.ts's {@link enforcedLimits}.
 */
import { GetProvisionedLimitCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Logger } from 'pino';
import { CATEGORY_NAMES, CATEGORY_SETTINGS, type EnforcedLimit, type QuotaCategory } from './quotas.js';
import { CATEGORY_VARIABLES, type CategorySetting } from '../config.js';

/** How long start-up waits for Cognito's answers, all categories together. */
export const LOOKUP_TIMEOUT_MS = 2_000; // 2 s

/** The largest rate taken from an answer: the settings' own bound. */
const MAX_RATE = 100_000;

/** Why a category's limit comes from its setting. */
export type LookupFailure = 'access denied' | 'not supported by this endpoint' | 'timed out' | 'throttled' | 'unreachable' | 'no usable answer' | 'failed';

/** What the look-up found. */
export interface ProvisionedLookup {
  /** The rate Cognito enforces, for each category it answered for. */
  values: Partial<Record<QuotaCategory, number>>;
  /** Why each other category got no answer. */
  failures: Partial<Record<QuotaCategory, LookupFailure>>;
}

/** A short reason for a failed GetProvisionedLimit, from the error's name and status only. */
function failureOf(error: unknown, timedOut: boolean): LookupFailure {
  if (timedOut) return 'timed out';
  const { name = '', $metadata } = (error ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number } };
  if (/AccessDenied|NotAuthorized|UnrecognizedClient|InvalidClientTokenId|Credentials|SignatureDoesNotMatch|ExpiredToken/i.test(name)) return 'access denied';
  if (/Unsupported|UnknownOperation|InvalidAction|NotImplemented/i.test(name) || $metadata?.httpStatusCode === 404) return 'not supported by this endpoint';
  if (/TooManyRequests|Throttl/i.test(name)) return 'throttled';
  if (/Timeout|Abort/i.test(name)) return 'timed out';
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|EHOSTUNREACH/.test(`${name} ${(error as { code?: string })?.code ?? ''}`)) return 'unreachable';
  return 'failed';
}

/** Asks Cognito the enforced rate of every category, in parallel, within `timeoutMs`. */
export async function readProvisionedLimits(cognito: CognitoIdentityProviderClient, timeoutMs: number = LOOKUP_TIMEOUT_MS): Promise<ProvisionedLookup> {
  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, timeoutMs);
  const lookup: ProvisionedLookup = { values: {}, failures: {} };
  try {
    await Promise.all(
      CATEGORY_NAMES.map(async (category) => {
        try {
          const command = new GetProvisionedLimitCommand({ LimitDefinition: { LimitClass: 'API_CATEGORY', Attributes: { Category: category } } });
          // The abort ends the SDK's own retries as well; the race, a handler that ignores it.
          const { Limit } = await Promise.race([
            cognito.send(command, { abortSignal: abort.signal }),
            new Promise<never>((_resolve, reject) => abort.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true })),
          ]);
          const value = Limit?.ProvisionedLimitValue;
          if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_RATE) lookup.values[category] = value;
          else lookup.failures[category] = 'no usable answer';
        } catch (error) {
          lookup.failures[category] = failureOf(error, timedOut);
        }
      }),
    );
  } finally {
    clearTimeout(timer);
  }
  return lookup;
}

/**
 * Says once, at start-up, where each category's limit comes from: an info
 * line with every limit and its source, and a warning naming the categories
 * whose provisioned rate could not be read, and why.
 */
export function logEnforcedLimits(logger: Logger, limits: Readonly<Record<QuotaCategory, EnforcedLimit>>, lookup: ProvisionedLookup, explicit: readonly CategorySetting[]): void {
  const fromSettings: Partial<Record<QuotaCategory, string>> = {};
  for (const category of CATEGORY_NAMES) {
    if (limits[category].source !== 'setting') continue;
    const answer = lookup.values[category];
    const setting = CATEGORY_SETTINGS[category];
    fromSettings[category] =
      answer !== undefined && explicit.includes(setting)
        ? `${CATEGORY_VARIABLES[setting]} caps it below the provisioned ${answer}/s`
        : `GetProvisionedLimit: ${lookup.failures[category] ?? 'failed'}`;
  }
  const summary = Object.fromEntries(CATEGORY_NAMES.map((category) => [category, `${limits[category].perSecond}/s (${limits[category].source})`]));
  const failed = Object.keys(lookup.failures);
  if (failed.length > 0) {
    logger.warn({ fromSettings }, `quota limits of ${failed.join(', ')} come from their settings: Cognito's provisioned rate could not be read`);
  }
  logger.info({ limits: summary, fromSettings }, 'quota limits per category');
}

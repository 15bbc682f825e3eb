/**
 * `POST /events/cloudtrail` (with `CLOUDTRAIL_SECRET`): changes made outside
 * the service, at once on AWS. An EventBridge rule matches CloudTrail's
 * "AWS API Call via CloudTrail" events of `cognito-idp` attribute writes and
 * an API destination POSTs each here with the secret in the
 * {@link CLOUDTRAIL_SECRET_HEADER} header (docs/operations.md has the rule and
 * the destination). The event names the user by `sub` (the username is
 * often `HIDDEN_FOR_SECURITY_REASONS`): the user is re-read, diffed against
 * their snapshot and published as EXTERNAL (src/changes/reconcile.ts). A
 * change made through the service is in CloudTrail too; its snapshot already
 * holds what it set, so its event is no change, never a duplicate.
 *
 * Answers: 401 without the right secret (compared in constant time), 400 for
 * what is not an event, 413 past 256 KiB (EventBridge's own limit), 202 for
 * an event, whether or not it concerned anyone watched (CloudTrail delivery
 * is best effort and retried; nothing here is worth a retry).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Reconciler } from '../changes/reconcile.js';

/** Where the events are posted. */
export const CLOUDTRAIL_PATH = '/events/cloudtrail';
/** The header that carries the shared secret (an API destination connection's API key). */
export const CLOUDTRAIL_SECRET_HEADER = 'x-cloudtrail-secret';
/** EventBridge events are at most 256 KiB. */
const MAX_EVENT_BYTES = 262_144;
/** What CloudTrail writes in place of a value it hides. */
const HIDDEN = 'HIDDEN_FOR_SECURITY_REASONS';

/** The user-pool operations that change a user's attributes. */
export const ATTRIBUTE_WRITES = new Set([
  'AdminUpdateUserAttributes',
  'AdminDeleteUserAttributes',
  'UpdateUserAttributes',
  'DeleteUserAttributes',
  'VerifyUserAttribute',
  'AdminConfirmSignUp',
  'ConfirmSignUp',
]);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const shown = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' && value !== HIDDEN ? value : undefined);

/** Who and where a CloudTrail record of an attribute write concerns; undefined when it is not one (or it failed). */
export function userOfCloudTrailEvent(body: unknown): { eventName: string; userPoolId?: string; sub?: string; username?: string } | undefined {
  if (!isObject(body)) return undefined;
  // An EventBridge event carries the CloudTrail record as `detail`; an input transformer may send the record alone.
  const record = isObject(body.detail) ? body.detail : body;
  const { eventSource, eventName, errorCode } = record;
  if (eventSource !== 'cognito-idp.amazonaws.com' || typeof eventName !== 'string' || !ATTRIBUTE_WRITES.has(eventName)) return undefined;
  if (shown(errorCode)) return undefined;
  const request = isObject(record.requestParameters) ? record.requestParameters : {};
  const extra = isObject(record.additionalEventData) ? record.additionalEventData : {};
  const userPoolId = shown(request.userPoolId) ?? shown(extra.userPoolId);
  const sub = shown(extra.sub) ?? shown(extra.userSub) ?? shown(request.sub);
  const username = shown(request.username);
  return { eventName, ...(userPoolId ? { userPoolId } : {}), ...(sub ? { sub } : {}), ...(username ? { username } : {}) };
}

/** The endpoint; answers 404 (Yoga's own) when `secret` is unset. */
export function useCloudTrail(options: { secret: string; reconciler: Reconciler; poolIds: readonly string[]; logger: Logger }): Plugin {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  const expected = digest(options.secret);
  const logger = options.logger.child({ component: 'cloudtrail' });
  const json = (Response: typeof globalThis.Response, status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== CLOUDTRAIL_PATH) return;
      const { Response } = fetchAPI;
      if (request.method !== 'POST') return endResponse(new Response(null, { status: 405, headers: { allow: 'POST' } }));
      // Equal-length digests: the comparison takes as long whatever was sent.
      if (!timingSafeEqual(digest(request.headers.get(CLOUDTRAIL_SECRET_HEADER) ?? ''), expected)) return endResponse(json(Response, 401, { error: 'unauthorized' }));
      const length = Number(request.headers.get('content-length') ?? 0);
      if (length > MAX_EVENT_BYTES) return endResponse(json(Response, 413, { error: 'an event is at most 256 KiB' }));
      let body: unknown;
      try {
        const text = await request.text();
        if (Buffer.byteLength(text) > MAX_EVENT_BYTES) return endResponse(json(Response, 413, { error: 'an event is at most 256 KiB' }));
        body = JSON.parse(text);
      } catch {
        return endResponse(json(Response, 400, { error: 'not a JSON event' }));
      }
      if (!isObject(body)) return endResponse(json(Response, 400, { error: 'not a JSON event' }));
      const user = userOfCloudTrailEvent(body);
      if (!user || (!user.sub && !user.username)) return endResponse(json(Response, 202, { rechecked: false }));
      const pools = user.userPoolId ? (options.poolIds.includes(user.userPoolId) ? [user.userPoolId] : []) : options.poolIds;
      let rechecked = false;
      try {
        for (const pool of pools) {
          if (rechecked) break;
          rechecked = user.sub ? await options.reconciler.recheck(pool, user.sub) : await options.reconciler.recheckUsername(pool, user.username!);
        }
      } catch (error) {
        logger.warn({ eventName: user.eventName, err: { name: (error as Error).name, message: (error as Error).message } }, 'a CloudTrail event could not be followed up');
      }
      return endResponse(json(Response, 202, { rechecked }));
    },
  };
}

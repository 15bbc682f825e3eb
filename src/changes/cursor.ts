/**
 * A change's place in the feed, as clients hold it (`AttributeChange.cursor`,
 * `after:`): opaque to them, and checked here before anything is replayed.
 *
 * The core is the entry's id in its pool's log — a Redis stream entry id
 * (`<ms>-<seq>`), or the same shape from the in-memory log — with the log's
 * epoch (a random id the log was created with: a flushed Redis or a
 * restarted single process makes every older cursor unknown, never
 * misread) and the pool. A change delivered while Redis was away
 * (provisional) carries the id of the last entry before it and its own
 * place in its instance's outbox (`origin`, `pseq`), so a resume after it
 * skips what that subscriber already had.
 */
import { contractError, ErrorCode } from '../errors.js';

/** A position in one pool's log. */
export interface Position {
  /** The entry's id, or for a provisional change the id of the last entry before it. */
  id: string;
  /** A provisional change's instance and outbox number. */
  origin?: string;
  pseq?: number;
}

/** A decoded cursor. */
export interface Cursor extends Position {
  epoch: string;
  userPoolId: string;
}

const ID = /^(\d{1,16})-(\d{1,16})$/;
const VERSION = 1;

/** The cursor clients receive: base64url of a small JSON array. */
export function encodeCursor(epoch: string, userPoolId: string, position: Position): string {
  const parts: unknown[] = [VERSION, epoch, userPoolId, position.id];
  if (position.origin !== undefined && position.pseq !== undefined) parts.push(position.origin, position.pseq);
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** The cursor `text` stands for, or undefined when it is not one this service made. */
export function decodeCursor(text: string): Cursor | undefined {
  if (text.length > 512) return undefined;
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parts) || (parts.length !== 4 && parts.length !== 6) || parts[0] !== VERSION) return undefined;
  const [, epoch, userPoolId, id, origin, pseq] = parts as unknown[];
  if (typeof epoch !== 'string' || typeof userPoolId !== 'string' || typeof id !== 'string' || !ID.test(id)) return undefined;
  if (parts.length === 4) return { epoch, userPoolId, id };
  if (typeof origin !== 'string' || typeof pseq !== 'number' || !Number.isSafeInteger(pseq) || pseq < 1) return undefined;
  return { epoch, userPoolId, id, origin, pseq };
}

/** Orders two entry ids (`<ms>-<seq>`): negative, zero or positive. On the delivery path: no regex, no BigInt. */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  const ad = a.indexOf('-');
  const bd = b.indexOf('-');
  const am = Number(a.slice(0, ad));
  const bm = Number(b.slice(0, bd));
  if (am !== bm) return am - bm;
  return Number(a.slice(ad + 1)) - Number(b.slice(bd + 1));
}

/** The time part of an entry id, in ms since the epoch. */
export function idTime(id: string): number {
  return Number(id.slice(0, id.indexOf('-')));
}

/** The id before every entry. */
export const START_ID = '0-0';

/** The error for a cursor the log cannot resume from. */
export function cursorExpired(why: string) {
  return contractError(ErrorCode.CURSOR_EXPIRED, `This cursor can no longer be resumed from (${why}); read the current state and subscribe again without \`after\`.`);
}

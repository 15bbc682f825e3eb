/**
 * Finding users: ListUsers with Cognito's filter syntax, a page at a time
 * behind an opaque cursor (`userSearch`, src/schema/user-search.ts).
 *
 * - **The filter.** One standard attribute Cognito can filter on, `=` or
 *   `^=` a quoted value, `"` and `\` escaped with a backslash; anything else
 *   is refused before any call, as is a filter longer than Cognito's 256
 *   characters (the emulator would take it; Cognito would not).
 * - **The cursor.** Cognito pages with `Limit` (at most 60) and a
 *   `PaginationToken`, and the emulator answers every match at once,
 *   ignoring both. A cursor is therefore a position in one answer: the token
 *   that answer was asked with, and how many of its users came before. A page
 *   asks again with that token and skips them. The cursor carries a digest of
 *   the pool and the filter, so it resumes only the search it came from.
 * - **The cost.** A page is one ListUsers call (UserList quota, the caller's
 *   share), two when it reaches the end of one of Cognito's pages and the
 *   next one fills it. Each call asks for one user more than the page needs:
 *   the user beyond it tells that a next page exists, and its absence that
 *   none does, where Cognito would answer a token whose page is empty.
 */
import { createHash } from 'node:crypto';
import { ListUsersCommand, type CognitoIdentityProviderClient, type UserType } from '@aws-sdk/client-cognito-identity-provider';
import { contractError, ErrorCode, fromCognito } from '../errors.js';
import { byCaller } from './pipeline.js';
import type { CallerKey } from './quotas.js';
import { fromListedUser, type UserRecord } from './users.js';

/** The attributes ListUsers can filter on (Cognito's list; no custom ones). */
export const SEARCHABLE_ATTRIBUTES = [
  'username',
  'email',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'cognito:user_status',
  'status',
  'sub',
] as const;

/** How a filter compares: `=` or `^=` (starts with). */
export type FilterOperator = 'EQUALS' | 'STARTS_WITH';

/** One attribute equal to, or starting with, a value. */
export interface UserFilter {
  attribute: string;
  operator: FilterOperator;
  value: string;
}

/** The limits of a search. */
export const SEARCH_LIMITS = {
  /** Users in one page: Cognito's most for one ListUsers call. */
  pageSize: 60,
  /** Characters (code points) of a filter's value. */
  valueLength: 256,
  /** Characters of the whole filter expression (Cognito's `Filter` length limit). */
  filterLength: 256,
  /** Characters of a cursor: Cognito's tokens are far shorter. */
  cursorLength: 4_096,
  /** ListUsers calls for one page, at most. */
  callsPerPage: 2,
} as const;

/** One user found, with the cursor that resumes right after them. */
export interface FoundUser {
  cursor: string;
  user: UserRecord;
}

/** A page of a search. */
export interface SearchPage {
  edges: FoundUser[];
  hasNextPage: boolean;
  /** Where the next page starts; the last edge's cursor when there is none; null for no edges. */
  endCursor: string | null;
}

/** What one page of a search asks. */
export interface SearchRequest {
  userPoolId: string;
  filter: UserFilter | null;
  /** 1 to {@link SEARCH_LIMITS.pageSize}. */
  first: number;
  after: string | null;
}

/** A place in one ListUsers answer: the token it was asked with, and how many of its users came before. */
interface Position {
  token: string | undefined;
  offset: number;
}

const bad = (message: string, extensions: Record<string, unknown> = {}) => contractError(ErrorCode.BAD_USER_INPUT, message, extensions);

/** At most this many characters of what a caller sent are echoed in an error. */
const ECHOED = 64;
const shown = (text: string): string => (text.length > ECHOED ? `${text.slice(0, ECHOED)}…` : text);

/** C0 and C1 control characters (NUL among them), and unpaired surrogates: nothing Cognito can match. */
const UNSEARCHABLE = /[\u0000-\u001f\u007f-\u009f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const lengthOf = (text: string): number => [...text].length;

/** Cognito's filter for `filter`: `email ^= "ann"`, the value's `"` and `\` escaped. Refuses what Cognito cannot search. */
export function filterExpression(filter: UserFilter): string {
  const { attribute, operator, value } = filter;
  if (!(SEARCHABLE_ATTRIBUTES as readonly string[]).includes(attribute)) {
    throw bad(`"${shown(attribute)}" cannot be searched: ListUsers filters on ${SEARCHABLE_ATTRIBUTES.join(', ')} only.`, { attribute: shown(attribute) });
  }
  if (value.length === 0) throw bad(`Give a value to search "${attribute}" for.`, { attribute });
  if (lengthOf(value) > SEARCH_LIMITS.valueLength) throw bad(`A value to search for has at most ${SEARCH_LIMITS.valueLength} characters.`, { attribute });
  if (UNSEARCHABLE.test(value)) throw bad('A value to search for holds a control character or an unpaired surrogate.', { attribute });
  const expression = `${attribute} ${operator === 'STARTS_WITH' ? '^=' : '='} "${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  if (lengthOf(expression) > SEARCH_LIMITS.filterLength) {
    throw bad(`The filter, ${attribute}, its operator and the quoted value, has at most ${SEARCH_LIMITS.filterLength} characters.`, { attribute });
  }
  return expression;
}

/** Which search a cursor belongs to: a digest of the pool and the filter. */
const scopeOf = (userPoolId: string, expression: string | undefined): string =>
  createHash('sha256').update(`${userPoolId}\u0000${expression ?? ''}`).digest('base64url').slice(0, 22);

/** A cursor: base64url JSON `{ s: scope, t?: token, o: offset }`. */
const encodeCursor = (scope: string, { token, offset }: Position): string =>
  Buffer.from(JSON.stringify({ s: scope, ...(token === undefined ? {} : { t: token }), o: offset })).toString('base64url');

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The position `cursor` names in the search `scope`; BAD_USER_INPUT for anything else. */
function decodeCursor(scope: string, cursor: string): Position {
  const garbage = () => bad('`after` is not a cursor of userSearch: pass an edge\'s `cursor` or `pageInfo.endCursor` as it came.');
  if (cursor.length > SEARCH_LIMITS.cursorLength || !BASE64URL.test(cursor)) throw garbage();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw garbage();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw garbage();
  const { s, t, o } = parsed as Record<string, unknown>;
  if (typeof s !== 'string' || (t !== undefined && (typeof t !== 'string' || t.length === 0)) || typeof o !== 'number' || !Number.isSafeInteger(o) || o < 0) {
    throw garbage();
  }
  if (s !== scope) throw bad('`after` is a cursor of another search (another filter or user pool): search again without it.');
  return { token: t as string | undefined, offset: o };
}

/** Checks `first` (1 to 60). */
export function checkPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > SEARCH_LIMITS.pageSize) {
    throw bad(`\`first\` is 1 to ${SEARCH_LIMITS.pageSize}, got ${first}.`);
  }
}

/**
 * One page of users of `userPoolId` matching `filter` (every user without
 * one), after the cursor `after`. Every call is `caller`'s (their share of
 * the UserList quota).
 */
export async function searchUsers(cognito: CognitoIdentityProviderClient, caller: CallerKey | null, request: SearchRequest): Promise<SearchPage> {
  const { userPoolId, first } = request;
  const expression = request.filter ? filterExpression(request.filter) : undefined;
  checkPageSize(first);
  const scope = scopeOf(userPoolId, expression);
  let at: Position = request.after === null ? { token: undefined, offset: 0 } : decodeCursor(scope, request.after);

  const list = async ({ token }: Position, limit: number): Promise<{ users: UserType[]; following: string | undefined }> => {
    const command = new ListUsersCommand({
      UserPoolId: userPoolId,
      Limit: limit,
      ...(expression === undefined ? {} : { Filter: expression }),
      ...(token === undefined ? {} : { PaginationToken: token }),
    });
    try {
      const output = await cognito.send(byCaller(caller, command));
      return { users: output.Users ?? [], following: output.PaginationToken || undefined };
    } catch (error) {
      throw fromCognito(error, 'admin');
    }
  };

  const edges: FoundUser[] = [];
  let next: Position | null = null;
  for (let call = 1; ; call += 1) {
    const need = first - edges.length;
    // One more than the page needs: a user beyond it says there is a next page, without asking for it.
    const { users, following } = await list(at, Math.min(SEARCH_LIMITS.pageSize, at.offset + need + 1));
    const from = at;
    users.slice(from.offset, from.offset + need).forEach((user, i) => {
      edges.push({ cursor: encodeCursor(scope, { token: from.token, offset: from.offset + i + 1 }), user: fromListedUser(user, userPoolId) });
    });
    if (users.length > from.offset + need) {
      next = { token: from.token, offset: from.offset + need };
      break;
    }
    // This answer is used up: the next one (Cognito's next page) follows its token, if any.
    next = following === undefined ? null : { token: following, offset: 0 };
    if (next === null || edges.length === first || call === SEARCH_LIMITS.callsPerPage) break;
    at = next;
  }
  return {
    edges,
    hasNextPage: next !== null,
    endCursor: next ? encodeCursor(scope, next) : (edges.at(-1)?.cursor ?? null),
  };
}

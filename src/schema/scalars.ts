/**
 * `DateTime`: an ISO-8601 date-time in UTC, e.g. 2026-11-28T12:00:00.000Z.
 */
import { builder } from '../builder.js';
import { ErrorCode, contractError } from '../errors.js';

const parse = (value: unknown): Date => {
  const date = typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw contractError(ErrorCode.BAD_USER_INPUT, 'A DateTime is an ISO-8601 string, like 2026-11-28T12:00:00.000Z.');
  return date;
};

builder.scalarType('DateTime', {
  description: 'An ISO-8601 date-time in UTC, e.g. 2026-11-28T12:00:00.000Z.',
  serialize: (value) => (value instanceof Date ? value : new Date(value)).toISOString(),
  parseValue: parse,
});

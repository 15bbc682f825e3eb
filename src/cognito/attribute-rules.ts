/**
 * Cognito's rules for what a caller sends, checked before any call: the
 * contract's input limits (docs/API.md, "Errors") on attribute names, values,
 * usernames, custom attribute definitions and ClientMetadata, and the checks
 * of values against the pool's schema that Cognito makes but the emulator
 * does not (so bad data never reaches the store). Each refusal is a
 * BAD_USER_INPUT (FORBIDDEN for what the caller may not write), naming the
 * attribute in `extensions.attribute`.
 */
import { ErrorCode, contractError } from '../errors.js';
import type { SchemaAttribute, UserPoolRecord } from './pools.js';
import type { UserAttribute } from './users.js';

/** The contract's input limits. */
export const LIMITS = {
  /** Characters (Unicode code points, as for a schema's maxLength) in one attribute value. */
  valueLength: 2_048,
  /** Attributes set or deleted in one mutation. */
  attributesPerChange: 50,
  /** Custom attributes added in one `addCustomAttributes`. */
  customAttributesPerCall: 25,
  /** Usernames in one `users` query. */
  usernamesPerQuery: 100,
  /** Custom attributes a pool may have (Cognito's quota). */
  customAttributesPerPool: 50,
  /** Characters in a custom attribute's name, without `custom:`. */
  customNameLength: 20,
  /** Characters in a username. */
  usernameLength: 128,
  /** Entries of one ClientMetadata. */
  metadataEntries: 50,
  /** Characters of a ClientMetadata key or value. */
  metadataLength: 2_048,
} as const;

const NAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,32}$/u;
const CUSTOM_NAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,20}$/u;
const USERNAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u;
const EMAIL = /^[^\s@]+@[^\s@]+$/u;
const PHONE = /^\+[0-9]{4,15}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
/** Verified flags are set by Cognito when a code is confirmed, never by the user. */
const VERIFIED_FLAGS = new Set(['email_verified', 'phone_number_verified']);

const bad = (message: string, extensions: Record<string, unknown> = {}) => contractError(ErrorCode.BAD_USER_INPUT, message, extensions);

/** At most this many characters of what a caller sent are echoed in an error. */
const ECHOED = 64;
/** `text` as an error may quote it: cut to {@link ECHOED} characters (a 50 KB name is not repeated back twice). */
const shown = (text: string): string => (text.length > ECHOED ? `${text.slice(0, ECHOED)}…` : text);

/** An unpaired UTF-16 surrogate: no character at all, and not storable as one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A value's length as Cognito's limits count it: in characters (code points), not UTF-16 units. */
const lengthOf = (value: string): number => {
  let length = 0;
  for (const _ of value) length += 1;
  return length;
};

/** Checks an attribute name's shape: Cognito's pattern, custom ones `custom:` + 1 to 20 characters. */
export function checkAttributeName(name: string): void {
  if (name.startsWith('custom:')) {
    if (!CUSTOM_NAME.test(name.slice('custom:'.length))) {
      throw bad(`"${shown(name)}" is not a valid custom attribute name: "custom:" and 1 to ${LIMITS.customNameLength} characters.`, { attribute: shown(name) });
    }
  } else if (!NAME.test(name)) {
    throw bad(`"${shown(name)}" is not a valid attribute name: 1 to 32 letters, digits, marks, symbols or punctuation.`, { attribute: shown(name) });
  }
}

function checkCount(count: number, what: string): void {
  if (count === 0) throw bad(`Name at least one ${what}.`);
  if (count > LIMITS.attributesPerChange) throw bad(`At most ${LIMITS.attributesPerChange} ${what}s in one change, got ${count}.`);
}

function checkNoDuplicates(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw bad(`"${shown(name)}" is named twice.`, { attribute: shown(name) });
    seen.add(name);
  }
}

/** The shape checks of an update, before the pool's schema is known. */
export function checkAttributeInputs(attributes: readonly UserAttribute[]): void {
  checkCount(attributes.length, 'attribute');
  for (const { name, value } of attributes) {
    checkAttributeName(name);
    if (lengthOf(value) > LIMITS.valueLength) {
      throw bad(`The value of "${name}" is longer than ${LIMITS.valueLength} characters.`, { attribute: name });
    }
    if (value.includes('\u0000') || LONE_SURROGATE.test(value)) {
      throw bad(`The value of "${name}" holds a NUL character or an unpaired surrogate, which is no text.`, { attribute: name });
    }
  }
  checkNoDuplicates(attributes.map((a) => a.name));
}

/** The shape checks of a delete. */
export function checkAttributeNames(names: readonly string[]): void {
  checkCount(names.length, 'attribute');
  names.forEach(checkAttributeName);
  checkNoDuplicates(names);
}

/** Who is writing: users may not touch developer-only attributes or verified flags. */
export type Writer = 'self' | 'admin';

function schemaAttribute(pool: UserPoolRecord, name: string): SchemaAttribute {
  const attribute = pool.attributes.find((a) => a.name === name);
  if (!attribute) throw bad(`"${name}" is not an attribute of user pool ${pool.id}.`, { attribute: name });
  return attribute;
}

function checkWritable(attribute: SchemaAttribute, writer: Writer): void {
  if (writer === 'self' && (attribute.developerOnly || VERIFIED_FLAGS.has(attribute.name))) {
    throw contractError(ErrorCode.FORBIDDEN, `"${attribute.name}" cannot be changed by the user; an administrator can.`, { attribute: attribute.name });
  }
}

function checkValue(attribute: SchemaAttribute, value: string): void {
  const { name } = attribute;
  const reject = (why: string) => bad(`The value of "${name}" ${why}.`, { attribute: name });
  switch (attribute.dataType) {
    case 'NUMBER': {
      if (!NUMBER.test(value)) throw reject('must be a number');
      const n = Number(value);
      if (attribute.minValue !== null && n < attribute.minValue) throw reject(`must be at least ${attribute.minValue}`);
      if (attribute.maxValue !== null && n > attribute.maxValue) throw reject(`must be at most ${attribute.maxValue}`);
      return;
    }
    case 'BOOLEAN':
      if (value !== 'true' && value !== 'false') throw reject('must be "true" or "false"');
      return;
    case 'DATE_TIME':
      if (Number.isNaN(Date.parse(value))) throw reject('must be a date-time');
      return;
    case 'STRING': {
      const length = lengthOf(value);
      if (attribute.minLength !== null && length < attribute.minLength) throw reject(`must be at least ${attribute.minLength} characters`);
      if (attribute.maxLength !== null && length > attribute.maxLength) throw reject(`must be at most ${attribute.maxLength} characters`);
      if (name === 'email' && !EMAIL.test(value)) throw reject('must be an email address');
      if (name === 'phone_number' && !PHONE.test(value)) throw reject('must be a phone number in E.164 form, like +14325551212');
      return;
    }
  }
}

/** Checks an update against the pool's schema: known, mutable, writable by `writer`, valid values. */
export function checkUpdateAgainstSchema(pool: UserPoolRecord, attributes: readonly UserAttribute[], writer: Writer): void {
  for (const { name, value } of attributes) {
    const attribute = schemaAttribute(pool, name);
    if (!attribute.mutable) throw bad(`"${name}" is immutable.`, { attribute: name });
    checkWritable(attribute, writer);
    checkValue(attribute, value);
  }
}

/** Checks a delete against the pool's schema: known, neither immutable nor required, writable by `writer`. */
export function checkDeleteAgainstSchema(pool: UserPoolRecord, names: readonly string[], writer: Writer): void {
  for (const name of names) {
    const attribute = schemaAttribute(pool, name);
    if (!attribute.mutable) throw bad(`"${name}" is immutable and cannot be deleted.`, { attribute: name });
    if (attribute.required) throw bad(`"${name}" is required and cannot be deleted.`, { attribute: name });
    checkWritable(attribute, writer);
  }
}

/** Checks the usernames of a `users` query. */
export function checkUsernames(usernames: readonly string[]): void {
  if (usernames.length > LIMITS.usernamesPerQuery) {
    throw bad(`At most ${LIMITS.usernamesPerQuery} usernames in one query, got ${usernames.length}.`);
  }
  usernames.forEach(checkUsername);
}

/** Checks one username's shape. */
export function checkUsername(username: string): void {
  if (!USERNAME.test(username)) throw bad(`"${username.slice(0, 64)}" is not a valid username.`);
}

/** A custom attribute to add, as the contract's `CustomAttributeInput` has it. */
export interface CustomAttributeDefinition {
  name: string;
  dataType: SchemaAttribute['dataType'];
  mutable?: boolean | null;
  developerOnly?: boolean | null;
  minLength?: number | null;
  maxLength?: number | null;
  minValue?: number | null;
  maxValue?: number | null;
}

/** Checks new custom attributes: names, constraints that fit their type, no clash with the pool's. */
export function checkCustomAttributes(pool: UserPoolRecord, definitions: readonly CustomAttributeDefinition[]): void {
  if (definitions.length === 0) throw bad('Name at least one custom attribute.');
  if (definitions.length > LIMITS.customAttributesPerCall) {
    throw bad(`At most ${LIMITS.customAttributesPerCall} custom attributes in one call, got ${definitions.length}.`);
  }
  checkNoDuplicates(definitions.map((d) => d.name));
  const existing = pool.attributes.filter((a) => a.custom).length;
  if (existing + definitions.length > LIMITS.customAttributesPerPool) {
    throw bad(`A user pool has at most ${LIMITS.customAttributesPerPool} custom attributes; this one has ${existing}.`);
  }
  for (const d of definitions) {
    const attribute = `custom:${d.name}`;
    const reject = (why: string) => bad(`Custom attribute "${shown(d.name)}": ${why}.`, { attribute: shown(attribute) });
    if (d.name.startsWith('custom:')) throw reject('give the name without the "custom:" prefix');
    if (!CUSTOM_NAME.test(d.name)) throw reject(`the name must be 1 to ${LIMITS.customNameLength} letters, digits, marks, symbols or punctuation`);
    if (pool.attributes.some((a) => a.name === attribute)) throw reject('the pool already has it');
    const hasLength = d.minLength != null || d.maxLength != null;
    const hasRange = d.minValue != null || d.maxValue != null;
    if (hasLength && d.dataType !== 'STRING') throw reject('minLength and maxLength apply to STRING attributes only');
    if (hasRange && d.dataType !== 'NUMBER') throw reject('minValue and maxValue apply to NUMBER attributes only');
    for (const [key, v] of [['minLength', d.minLength], ['maxLength', d.maxLength]] as const) {
      if (v != null && (v < 0 || v > LIMITS.valueLength)) throw reject(`${key} must be from 0 to ${LIMITS.valueLength}`);
    }
    if (d.minLength != null && d.maxLength != null && d.minLength > d.maxLength) throw reject('minLength is greater than maxLength');
    if (d.minValue != null && d.maxValue != null && d.minValue > d.maxValue) throw reject('minValue is greater than maxValue');
  }
}

/** Turns ClientMetadata entries into Cognito's map, checking their number and size; `undefined` for none. */
export function toClientMetadata(entries: readonly { key: string; value: string }[] | null | undefined): Record<string, string> | undefined {
  if (!entries || entries.length === 0) return undefined;
  if (entries.length > LIMITS.metadataEntries) throw bad(`At most ${LIMITS.metadataEntries} clientMetadata entries.`);
  const metadata: Record<string, string> = {};
  for (const { key, value } of entries) {
    if (key.length === 0 || key.length > LIMITS.metadataLength || value.length > LIMITS.metadataLength) {
      throw bad(`A clientMetadata key has 1 to ${LIMITS.metadataLength} characters, a value at most ${LIMITS.metadataLength}.`);
    }
    metadata[key] = value;
  }
  return metadata;
}

/** Attributes Cognito can send a verification code for (and may keep waiting for one). */
export const VERIFIABLE: ReadonlySet<string> = new Set(['email', 'phone_number']);
/** A verification code as Cognito's API takes it. */
const CODE = /^\S{1,2048}$/u;

/** Checks that a code can be sent for, or verify, `attributeName`. */
export function checkVerifiable(attributeName: string): void {
  checkAttributeName(attributeName);
  if (!VERIFIABLE.has(attributeName)) {
    throw bad('Only "email" and "phone_number" can be verified.', { attribute: attributeName.slice(0, 64) });
  }
}

/** Checks a verification code's shape. */
export function checkVerificationCode(code: string): void {
  if (!CODE.test(code)) throw bad('A verification code is 1 to 2048 characters without spaces.');
}

/** Checks that the caller's app client may write each of `names` (its WriteAttributes; `null`: every attribute). */
export function checkWritableByClient(names: readonly string[], writable: ReadonlySet<string> | null): void {
  if (writable === null) return;
  for (const name of names) {
    if (!writable.has(name)) {
      throw contractError(ErrorCode.FORBIDDEN, `This app client may not write "${name.slice(0, 64)}".`, { attribute: name.slice(0, 64) });
    }
  }
}

/**
 * A lossless SQLite-backed replacement for cognito-local's JSON data store.
 *
 * Why: cognito-local persists every user pool (and the app-client list) with
 * StormDB, which serialises the *whole* document and rewrites the JSON file on
 * every `set`/`delete`, asynchronously and without any locking. When two writes
 * overlap (e.g. two sign-ups, or a `saveUser` racing a `saveGroup`), the file
 * writes interleave: the last writer wins with a stale snapshot, or the file is
 * left truncated/garbled and the pool cannot be loaded on the next start. In
 * short, StormDB loses data under concurrency.
 *
 * This module implements the same `DataStoreFactory` / `DataStore` contract on
 * top of Node's built-in SQLite (`node:sqlite`, loaded by ./node-sqlite.ts):
 *
 * - Each store id (a user pool id, or `clients`) keeps an in-memory document
 *   that is the source of truth for reads. It is loaded once from SQLite when
 *   the store is first created and is only ever replaced after the matching
 *   SQLite transaction committed, so memory and disk never disagree.
 * - `DatabaseSync` is synchronous, so every change is one complete SQLite
 *   transaction executed without yielding to the event loop: concurrent
 *   callers are serialised and no write can be lost or torn. (Measured against
 *   better-sqlite3 12.11 on Node 22, 24 and 26, for issue 14: the same speed
 *   per write within noise, the same result under 50 writes at once, and no
 *   native addon to build for each Node version.)
 * - Persistence is fine-grained. Rows are `(store, top, child, value)`. A
 *   top-level value that is a plain object (e.g. `Users`, `Groups`, `Clients`)
 *   is a *collection*: one marker row (`child = ''`, `value = NULL`) plus one
 *   row per child key. Anything else is one row (`child = ''`). Writing
 *   `["Users", username]` therefore upserts a single row instead of
 *   re-serialising the entire pool.
 * - Values are JSON with a tagged encoding that round-trips `Date` objects
 *   (`{ "$date": iso }`), which cognito-local uses for `UserCreateDate`,
 *   `UserLastModifiedDate`, `CreationDate`, `LastModifiedDate`, ...
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { DataStore } from 'cognito-local/lib/services/dataStore/dataStore.js';
import type { DataStoreFactory } from 'cognito-local/lib/services/dataStore/factory.js';
import { DatabaseSync, type StatementSync } from './node-sqlite.js';

/** A key accepted by {@link DataStore}: a top-level key or a path into the document. */
type Key = string | string[];

/** A JSON-safe tree (after Date tagging). */
type Encoded = null | boolean | number | string | Encoded[] | { [key: string]: Encoded };

/** A document / record node as held in memory. */
type Doc = Record<string, unknown>;

const TABLE = 'cognito_local_store';
/** Facts about the store itself (e.g. which demo pool it was seeded with), outside cognito-local's stores. */
const META_TABLE = 'embedded_meta';
/** The store holds the emulator's users with their plain-text passwords: its owner alone may read it. */
const FILE_MODE = 0o600;

/**
 * The store cannot be used as it is: it is empty although it once held data,
 * damaged, or lost the pool it was seeded with. The message names the file and
 * the way out, in one line.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}
/**
 * How long a write waits for another connection's lock before SQLITE_BUSY
 * (better-sqlite3's default, which this store had before; node:sqlite's is 0).
 */
const BUSY_TIMEOUT_MS = 5_000; // 5 s
/** SQLite's primary result codes by number, to name a failure as `SQLITE_NOTADB` rather than `26`. */
const RESULT_CODES = [
  'OK', 'ERROR', 'INTERNAL', 'PERM', 'ABORT', 'BUSY', 'LOCKED', 'NOMEM', 'READONLY', 'INTERRUPT',
  'IOERR', 'CORRUPT', 'NOTFOUND', 'FULL', 'CANTOPEN', 'PROTOCOL', 'EMPTY', 'SCHEMA', 'TOOBIG',
  'CONSTRAINT', 'MISMATCH', 'MISUSE', 'NOLFS', 'AUTH', 'FORMAT', 'RANGE', 'NOTADB',
] as const;
const DATE_TAG = '$date';
const LITERAL_TAG = '$literal';

/* ------------------------------------------------------------------------- */
/* Object helpers (own-property only, safe against `__proto__` & friends)      */
/* ------------------------------------------------------------------------- */

function isPlainObject(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Reads an own property only, so keys like `__proto__` or `constructor` never reach the prototype. */
function own(container: unknown, key: string): unknown {
  if (container === null || typeof container !== 'object') return undefined;
  return Object.hasOwn(container, key) ? (container as Doc)[key] : undefined;
}

/** Defines an own data property (assignment to `__proto__` would change the prototype instead). */
function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Shallow copy of an object or array node, preserving own keys verbatim. */
function shallowCopy(node: object): Doc | unknown[] {
  if (Array.isArray(node)) return node.slice();
  const copy: Doc = {};
  for (const [k, v] of Object.entries(node)) define(copy, k, v);
  return copy;
}

/**
 * Whether a top-level value is persisted as a collection (marker row + one row per child).
 * Objects with an empty-string key are stored as a single row, because `''` is the
 * marker's child key.
 */
function isCollection(value: unknown): value is Doc {
  return isPlainObject(value) && !Object.hasOwn(value, '');
}

/* ------------------------------------------------------------------------- */
/* Serialisation                                                               */
/* ------------------------------------------------------------------------- */

/**
 * Converts a value to a JSON-safe tree. Dates become `{ "$date": iso }` (`null` for an
 * invalid Date); a plain object whose only key is `$date` or `$literal` is wrapped in
 * `{ "$literal": ... }` so it is never mistaken for a tag. Otherwise follows
 * `JSON.stringify` semantics: `undefined`/functions/symbols are dropped from objects
 * and become `null` in arrays, non-finite numbers become `null`.
 */
function encode(value: unknown): Encoded | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      throw new TypeError('SqliteDataStore: BigInt values cannot be stored');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    default:
      break;
  }
  if (value === null) return null;
  if (value instanceof Date) {
    const time = value.getTime();
    return { [DATE_TAG]: Number.isNaN(time) ? null : value.toISOString() };
  }
  if (Array.isArray(value)) {
    return Array.from(value, (item: unknown) => encode(item) ?? null);
  }
  const out: { [key: string]: Encoded } = {};
  for (const [k, v] of Object.entries(value as object)) {
    const encoded = encode(v);
    if (encoded !== undefined) define(out, k, encoded);
  }
  const keys = Object.keys(out);
  if (keys.length === 1 && (keys[0] === DATE_TAG || keys[0] === LITERAL_TAG)) {
    return { [LITERAL_TAG]: out };
  }
  return out;
}

/** Inverse of {@link encode}. */
function decode(value: Encoded): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decode);
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const tagged = value[DATE_TAG];
    if (keys[0] === DATE_TAG && (typeof tagged === 'string' || tagged === null)) {
      return new Date(tagged === null ? Number.NaN : tagged);
    }
    const literal = value[LITERAL_TAG];
    if (keys[0] === LITERAL_TAG && isPlainObject(literal)) {
      return decodeEntries(literal as { [key: string]: Encoded });
    }
  }
  return decodeEntries(value);
}

function decodeEntries(value: { [key: string]: Encoded }): Doc {
  const out: Doc = {};
  for (const [k, v] of Object.entries(value)) define(out, k, decode(v));
  return out;
}

function serialize(value: unknown): string | undefined {
  const encoded = encode(value);
  return encoded === undefined ? undefined : JSON.stringify(encoded);
}

function deserialize(text: string): unknown {
  return decode(JSON.parse(text) as Encoded);
}

/**
 * Normalises a value to exactly what a reload from disk would produce (and, as a side
 * effect, deep-copies it so later caller mutations cannot reach the store).
 */
function normalize(value: unknown): unknown {
  const encoded = encode(value);
  return encoded === undefined ? undefined : decode(encoded);
}

function toPath(key: Key): string[] {
  return (Array.isArray(key) ? key : [key]).map((k) => String(k));
}

/* ------------------------------------------------------------------------- */
/* SQLite layer                                                                */
/* ------------------------------------------------------------------------- */

interface Row {
  top: string;
  child: string;
  value: string | null;
}

/** Prepared statements shared by every store of one factory. */
class Statements {
  private readonly selectStore: StatementSync;
  private readonly upsertRow: StatementSync;
  private readonly deleteChildRow: StatementSync;
  private readonly deleteTopRows: StatementSync;
  private readonly listStoreIds: StatementSync;

  constructor(db: DatabaseSync) {
    this.selectStore = db.prepare(`SELECT top, child, value FROM ${TABLE} WHERE store = ? ORDER BY top, child`);
    this.upsertRow = db.prepare(
      `INSERT INTO ${TABLE} (store, top, child, value) VALUES (?, ?, ?, ?)
       ON CONFLICT (store, top, child) DO UPDATE SET value = excluded.value`,
    );
    this.deleteChildRow = db.prepare(`DELETE FROM ${TABLE} WHERE store = ? AND top = ? AND child = ?`);
    this.deleteTopRows = db.prepare(`DELETE FROM ${TABLE} WHERE store = ? AND top = ?`);
    this.listStoreIds = db.prepare(`SELECT DISTINCT store FROM ${TABLE} ORDER BY store`);
  }

  /** The rows of one store, ordered so each top-level key's marker (or single row) comes first. */
  select(store: string): Row[] {
    return this.selectStore.all(store) as unknown as Row[];
  }

  upsert(store: string, top: string, child: string, value: string | null): void {
    this.upsertRow.run(store, top, child, value);
  }

  deleteChild(store: string, top: string, child: string): void {
    this.deleteChildRow.run(store, top, child);
  }

  deleteTop(store: string, top: string): void {
    this.deleteTopRows.run(store, top);
  }

  listStores(): string[] {
    return (this.listStoreIds.all() as unknown as { store: string }[]).map((row) => row.store);
  }
}

/** The open database shared by a factory and its stores. */
class Connection {
  readonly statements: Statements;
  private readonly getMetaRow: StatementSync;
  private readonly setMetaRow: StatementSync;
  /** How many {@link Connection.transaction} calls are running (more than 1: nested, as savepoints). */
  private depth = 0;
  private closed = false;

  constructor(readonly db: DatabaseSync) {
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${TABLE} (
         store TEXT NOT NULL,
         top   TEXT NOT NULL,
         child TEXT NOT NULL,
         value TEXT,
         PRIMARY KEY (store, top, child)
       ) WITHOUT ROWID;
       CREATE TABLE IF NOT EXISTS ${META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID`,
    );
    this.statements = new Statements(db);
    this.getMetaRow = db.prepare(`SELECT value FROM ${META_TABLE} WHERE key = ?`);
    this.setMetaRow = db.prepare(`INSERT INTO ${META_TABLE} (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  }

  getMeta(key: string): string | undefined {
    return (this.getMetaRow.get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.setMetaRow.run(key, value);
  }

  assertOpen(): void {
    if (this.closed) throw new Error('SqliteDataStore: database is closed');
  }

  /**
   * Runs `fn` in one SQLite transaction: BEGIN IMMEDIATE takes the write lock
   * up front, so a transaction never fails half-way for want of it; a nested
   * call becomes a savepoint. When `fn` throws, everything it wrote is rolled
   * back and the error is rethrown.
   */
  transaction(fn: () => void): void {
    this.assertOpen();
    const savepoint = this.depth > 0 ? `nested_${this.depth}` : undefined;
    this.db.exec(savepoint ? `SAVEPOINT ${savepoint}` : 'BEGIN IMMEDIATE');
    this.depth++;
    try {
      fn();
    } catch (error) {
      // SQLite may already have rolled the whole transaction back (e.g. on SQLITE_FULL).
      if (this.db.isTransaction) this.db.exec(savepoint ? `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}` : 'ROLLBACK');
      throw error;
    } finally {
      this.depth--;
    }
    this.db.exec(savepoint ? `RELEASE ${savepoint}` : 'COMMIT');
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}

/** One pending change to a top-level key, computed before anything is committed. */
interface Change {
  top: string;
  before: unknown;
  after: unknown;
  /** Child key touched when the change was made through a path of length >= 2. */
  child: string | undefined;
}

/* ------------------------------------------------------------------------- */
/* Store                                                                       */
/* ------------------------------------------------------------------------- */

/**
 * A {@link DataStore} for one store id. Reads are served from memory (as deep clones);
 * each write is committed to SQLite in a single synchronous transaction before the
 * in-memory document is updated. Obtain instances through {@link SqliteDataStoreFactory.create}.
 */
class SqliteDataStore implements DataStore {
  constructor(
    private readonly conn: Connection,
    private readonly id: string,
    private readonly doc: Doc,
  ) {}

  async delete(ctx: Context, key: Key): Promise<void> {
    ctx.logger.debug({ store: this.id, key }, 'DataStore.delete');
    this.apply(this.change(toPath(key), { kind: 'delete' }));
  }

  async getRoot<T>(ctx: Context): Promise<T | null> {
    ctx.logger.debug({ store: this.id }, 'DataStore.getRoot');
    this.conn.assertOpen();
    return structuredClone(this.doc) as T;
  }

  get<T>(ctx: Context, key: Key): Promise<T | null>;
  get<T>(ctx: Context, key: Key, defaultValue: T): Promise<T>;
  async get<T>(ctx: Context, key: Key, defaultValue?: T): Promise<T | null> {
    ctx.logger.debug({ store: this.id, key }, 'DataStore.get');
    this.conn.assertOpen();
    let node: unknown = this.doc;
    for (const k of toPath(key)) {
      node = own(node, k);
      if (node === undefined) break;
    }
    // Same fallback chain as StormDB: `value ?? defaultValue ?? null`.
    if (node === undefined || node === null) return defaultValue ?? null;
    return structuredClone(node) as T;
  }

  async set<T>(ctx: Context, key: Key, value: T): Promise<void> {
    ctx.logger.debug({ store: this.id, key }, 'DataStore.set');
    this.apply(this.change(toPath(key), { kind: 'set', value: normalize(value) }));
  }

  /** Applies `defaults` to the top-level keys that are missing (one transaction). */
  applyDefaults(defaults: object): void {
    const changes: Change[] = [];
    for (const [top, value] of Object.entries(defaults)) {
      if (own(this.doc, top) !== undefined) continue;
      const change = this.change([top], { kind: 'set', value: normalize(value) });
      if (change) changes.push(change);
    }
    this.apply(...changes);
  }

  /**
   * Computes the new value of the touched top-level key without mutating anything:
   * containers along the path are shallow-copied, so the current document stays
   * intact until the SQLite transaction has committed.
   */
  private change(path: string[], op: { kind: 'set'; value: unknown } | { kind: 'delete' }): Change | undefined {
    this.conn.assertOpen();
    const [top, ...rest] = path;
    if (top === undefined) throw new TypeError('SqliteDataStore: key path must not be empty');
    const before = own(this.doc, top);
    const after = rest.length === 0 ? (op.kind === 'set' ? op.value : undefined) : update(before, rest, op);
    if (after === NO_CHANGE) return undefined;
    return { top, before, after, child: rest[0] };
  }

  private apply(...changes: (Change | undefined)[]): void {
    const pending = changes.filter((c): c is Change => c !== undefined);
    if (pending.length === 0) return;
    this.conn.transaction(() => {
      for (const change of pending) this.persist(change);
    });
    for (const { top, after } of pending) {
      if (after === undefined) delete this.doc[top];
      else define(this.doc, top, after);
    }
  }

  private persist({ top, before, after, child }: Change): void {
    const s = this.conn.statements;
    if (child !== undefined && child !== '' && isCollection(before) && isCollection(after)) {
      // Fine-grained path: only the touched child's row changes.
      const text = serialize(own(after, child));
      if (text === undefined) s.deleteChild(this.id, top, child);
      else s.upsert(this.id, top, child, text);
      return;
    }
    s.deleteTop(this.id, top);
    if (after === undefined) return;
    if (isCollection(after)) {
      s.upsert(this.id, top, '', null);
      for (const [k, v] of Object.entries(after)) {
        const text = serialize(v);
        if (text !== undefined) s.upsert(this.id, top, k, text);
      }
      return;
    }
    const text = serialize(after);
    if (text !== undefined) s.upsert(this.id, top, '', text);
  }
}

const NO_CHANGE: unique symbol = Symbol('no change');

/**
 * Returns a copy of `node` with `path` set/deleted (copy-on-write along the path),
 * or {@link NO_CHANGE} for a delete whose target does not exist.
 * Missing intermediate containers are created as `{}` on set (like StormDB).
 */
function update(
  node: unknown,
  path: string[],
  op: { kind: 'set'; value: unknown } | { kind: 'delete' },
): unknown {
  const [k, ...rest] = path;
  if (k === undefined) return op.kind === 'set' ? op.value : undefined;
  if (node === undefined && op.kind === 'set') node = {};
  if (node === null || typeof node !== 'object' || node instanceof Date) {
    if (op.kind === 'delete') return NO_CHANGE;
    throw new TypeError(`SqliteDataStore: cannot set "${k}" on a non-object value`);
  }
  const current = own(node, k);
  if (op.kind === 'delete' && current === undefined) return NO_CHANGE;
  const next = rest.length === 0 ? (op.kind === 'set' ? op.value : undefined) : update(current, rest, op);
  if (next === NO_CHANGE) return NO_CHANGE;
  if (Array.isArray(node) && !/^(0|[1-9][0-9]*)$/.test(k)) {
    throw new TypeError(`SqliteDataStore: "${k}" is not an array index`);
  }
  const copy = shallowCopy(node);
  if (next === undefined) {
    if (Array.isArray(copy)) copy[Number(k)] = undefined;
    else delete copy[k];
  } else {
    define(copy, k, next);
  }
  return copy;
}

/* ------------------------------------------------------------------------- */
/* Factory                                                                     */
/* ------------------------------------------------------------------------- */

/**
 * A cognito-local `DataStoreFactory` that keeps every store in one SQLite database,
 * as a drop-in, lossless replacement for `StormDBDataStoreFactory`.
 *
 * @example
 * const factory = new SqliteDataStoreFactory('.cognito/db.sqlite');
 * const clients = await factory.create(ctx, 'clients', { Clients: {} });
 */
export class SqliteDataStoreFactory implements DataStoreFactory {
  private readonly conn: Connection;
  private readonly stores = new Map<string, SqliteDataStore>();

  /**
   * Opens (or creates) the SQLite database, creating its parent directory if needed.
   * @param filename path of the database file, or `':memory:'` for a throw-away database.
   */
  constructor(filename: string) {
    const onDisk = filename !== ':memory:' && filename !== '';
    if (onDisk) {
      mkdirSync(dirname(resolve(filename)), { recursive: true });
      // A file this factory made is never left empty: the tables are written at once.
      if (existsSync(filename) && statSync(filename).size === 0) {
        throw new StoreError(`${filename} is empty: the data it held is gone. Restore it from a backup, or delete ${dirname(filename)} to start over with a fresh demo.`);
      }
      closeSync(openSync(filename, 'a', FILE_MODE));
      chmodSync(filename, FILE_MODE);
    }
    let db: DatabaseSync | undefined;
    try {
      db = new DatabaseSync(filename, { timeout: BUSY_TIMEOUT_MS });
      db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL');
      this.conn = new Connection(db);
    } catch (error) {
      if (db?.isOpen) db.close();
      const code = sqliteCode(error);
      if (code !== undefined) {
        throw new StoreError(`${filename} cannot be read (${code}: ${(error as Error).message}). Restore it from a backup, or delete ${dirname(filename)} to start over with a fresh demo.`);
      }
      throw error;
    }
    if (onDisk) {
      for (const side of [`${filename}-wal`, `${filename}-shm`]) if (existsSync(side)) chmodSync(side, FILE_MODE);
    }
  }

  /** A fact about the store (see {@link SqliteDataStoreFactory.setMeta}), or `undefined`. */
  getMeta(key: string): string | undefined {
    this.conn.assertOpen();
    return this.conn.getMeta(key);
  }

  /** Remembers a fact about the store itself, e.g. the demo pool it was seeded with. */
  setMeta(key: string, value: string): void {
    this.conn.assertOpen();
    this.conn.setMeta(key, value);
  }

  /**
   * Returns the store `id`, loading it from SQLite on first use, and sets each top-level
   * key of `defaults` that is missing (existing values are never overwritten). Calling it
   * again with the same id returns the same store object.
   */
  async create(ctx: Context, id: string, defaults: object): Promise<DataStore> {
    ctx.logger.debug({ id }, 'SqliteDataStoreFactory.create');
    this.conn.assertOpen();
    let store = this.stores.get(id);
    if (!store) {
      store = new SqliteDataStore(this.conn, id, this.load(id));
      this.stores.set(id, store);
    }
    store.applyDefaults(defaults);
    return store;
  }

  /** Ids of the stores that have at least one persisted row (e.g. to discover user pools). */
  listStoreIds(): string[] {
    this.conn.assertOpen();
    return this.conn.statements.listStores();
  }

  /** Closes the database. Stores created by this factory must not be used afterwards. */
  close(): void {
    this.stores.clear();
    this.conn.close();
  }

  private load(id: string): Doc {
    const doc: Doc = {};
    for (const { top, child, value } of this.conn.statements.select(id)) {
      if (child === '') {
        // Rows are ordered by child, so the marker / single row comes first.
        define(doc, top, value === null ? {} : deserialize(value));
      } else {
        let collection = own(doc, top);
        if (!isPlainObject(collection)) {
          collection = {};
          define(doc, top, collection);
        }
        if (value !== null) define(collection as Doc, child, deserialize(value));
      }
    }
    return doc;
  }
}

/**
 * The SQLite result code of an error node:sqlite threw (`SQLITE_NOTADB` for a
 * file that is not a database), or `undefined` for any other error.
 */
function sqliteCode(error: unknown): string | undefined {
  const { code, errcode } = error as { code?: unknown; errcode?: unknown };
  if (code !== 'ERR_SQLITE_ERROR' || typeof errcode !== 'number') return undefined;
  // Extended codes (e.g. SQLITE_IOERR_SHORT_READ) carry the primary code in their low byte.
  return `SQLITE_${RESULT_CODES[errcode & 0xff] ?? errcode}`;
}

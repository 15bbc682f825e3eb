/**
 * The embedded emulator's store (src/embedded/sqlite-data-store.ts), which
 * replaces cognito-local's JSON files: every write survives a restart, one
 * user is one row, deletions and type changes persist, defaults never
 * overwrite, values are copies, and a write SQLite refuses, before or in the
 * middle of its rows, leaves memory and disk as they were. It runs on Node's
 * built-in SQLite, which Node 22 announces as experimental: that one notice is
 * not printed, and every other warning still is.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Context } from 'cognito-local/lib/services/context.js';
import { DatabaseSync } from '../src/embedded/node-sqlite.js';
import { SqliteDataStoreFactory } from '../src/embedded/sqlite-data-store.js';

const noop = (): void => undefined;
const logger = { debug: noop, info: noop, warn: noop, error: noop, child: () => logger };
const ctx = { logger } as unknown as Context;

const POOL_DEFAULTS = { Users: {}, Options: { Id: 'p1' } };

interface User {
  Username: string;
  Enabled: boolean;
  UserCreateDate: Date;
  Attributes: { Name: string; Value: string }[];
}

function user(name: string, at = new Date('2024-05-06T07:08:09.123Z')): User {
  return { Username: name, Enabled: true, UserCreateDate: at, Attributes: [{ Name: 'email', Value: `${name}@x.io` }] };
}

describe('SqliteDataStoreFactory', () => {
  let dir: string;
  let file: string;
  const open: SqliteDataStoreFactory[] = [];

  /** Opens a factory on the test's database file (closed automatically after the test). */
  function openFactory(): SqliteDataStoreFactory {
    const factory = new SqliteDataStoreFactory(file);
    open.push(factory);
    return factory;
  }

  /** Closes `factory` and opens a fresh one on the same file, as after a process restart. */
  function restart(factory: SqliteDataStoreFactory): SqliteDataStoreFactory {
    factory.close();
    return openFactory();
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sqlite-data-store-'));
    file = join(dir, 'nested', 'dir', 'cognito.sqlite');
  });

  afterEach(() => {
    for (const factory of open.splice(0)) factory.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // The store is synchronous: these writes never overlap, each is one transaction of its own.
  it('should keep every one of 60 writes issued together, to two stores, across a restart', async () => {
    let factory = openFactory();
    const pool = await factory.create(ctx, 'p1', POOL_DEFAULTS);
    const clients = await factory.create(ctx, 'clients', { Clients: {} });

    await Promise.all([
      ...Array.from({ length: 50 }, (_, i) =>
        pool.set(ctx, ['Users', `u${i}`], user(`u${i}`, new Date(Date.UTC(2024, 0, 1, 0, 0, i)))),
      ),
      ...Array.from({ length: 10 }, (_, i) =>
        clients.set(ctx, ['Clients', `c${i}`], { ClientId: `c${i}`, UserPoolId: 'p1', CreationDate: new Date(i) }),
      ),
    ]);

    factory = restart(factory);
    expect(factory.listStoreIds()).toEqual(['clients', 'p1']);

    const reopened = await factory.create(ctx, 'p1', POOL_DEFAULTS);
    const users = await reopened.get<Record<string, User>>(ctx, 'Users', {});
    expect(Object.keys(users)).toHaveLength(50);
    for (let i = 0; i < 50; i++) {
      const u = users[`u${i}`];
      expect(u?.Username).toBe(`u${i}`);
      expect(u?.UserCreateDate).toBeInstanceOf(Date);
      expect(u?.UserCreateDate.toISOString()).toBe(new Date(Date.UTC(2024, 0, 1, 0, 0, i)).toISOString());
      expect(u?.Attributes).toEqual([{ Name: 'email', Value: `u${i}@x.io` }]);
    }
    expect(await reopened.get(ctx, 'Options')).toEqual({ Id: 'p1' });

    const reopenedClients = await factory.create(ctx, 'clients', { Clients: {} });
    const all = await reopenedClients.get<Record<string, { CreationDate: Date }>>(ctx, 'Clients', {});
    expect(Object.keys(all).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `c${i}`).sort());
    expect(all.c7?.CreationDate).toEqual(new Date(7));
  });

  it('should write one row per user rather than rewriting the whole pool', async () => {
    const factory = openFactory();
    const pool = await factory.create(ctx, 'p1', POOL_DEFAULTS);
    await pool.set(ctx, ['Users', 'alice'], user('alice'));
    await pool.set(ctx, ['Users', 'bob'], user('bob'));

    const raw = new DatabaseSync(file, { readOnly: true });
    try {
      const rows = raw
        .prepare("SELECT child, value FROM cognito_local_store WHERE store = 'p1' AND top = 'Users' ORDER BY child")
        .all() as { child: string; value: string | null }[];
      expect(rows.map((r) => r.child)).toEqual(['', 'alice', 'bob']);
      expect(rows[0]?.value).toBeNull();
      expect(JSON.parse(rows[1]?.value ?? 'null')).toMatchObject({
        Username: 'alice',
        UserCreateDate: { $date: '2024-05-06T07:08:09.123Z' },
      });
    } finally {
      raw.close();
    }
  });

  it('should persist the deletion of a child across a restart', async () => {
    let factory = openFactory();
    const pool = await factory.create(ctx, 'p1', POOL_DEFAULTS);
    await pool.set(ctx, ['Users', 'alice'], user('alice'));
    await pool.set(ctx, ['Users', 'bob'], user('bob'));
    await pool.delete(ctx, ['Users', 'alice']);

    factory = restart(factory);
    const reopened = await factory.create(ctx, 'p1', POOL_DEFAULTS);
    expect(await reopened.get(ctx, ['Users', 'alice'])).toBeNull();
    expect(Object.keys(await reopened.get(ctx, 'Users', {}))).toEqual(['bob']);
  });

  it('should persist the deletion of a whole top-level key across a restart', async () => {
    let factory = openFactory();
    const pool = await factory.create(ctx, 'p1', POOL_DEFAULTS);
    await pool.set(ctx, ['Groups', 'admins'], { GroupName: 'admins', members: ['bob'] });
    await pool.delete(ctx, 'Groups');

    factory = restart(factory);
    const reopened = await factory.create(ctx, 'p1', POOL_DEFAULTS);
    expect(await reopened.get(ctx, 'Groups')).toBeNull();
  });

  it('should replace all old children when a whole top-level key is set', async () => {
    let factory = openFactory();
    const pool = await factory.create(ctx, 'p1', POOL_DEFAULTS);
    await pool.set(ctx, ['Users', 'alice'], user('alice'));
    await pool.set(ctx, ['Users', 'bob'], user('bob'));
    await pool.set(ctx, 'Users', { carol: user('carol') });
    expect(Object.keys(await pool.get(ctx, 'Users', {}))).toEqual(['carol']);

    factory = restart(factory);
    const reopened = await factory.create(ctx, 'p1', POOL_DEFAULTS);
    const users = await reopened.get<Record<string, User>>(ctx, 'Users', {});
    expect(Object.keys(users)).toEqual(['carol']);
    expect(users.carol?.UserCreateDate).toBeInstanceOf(Date);
  });

  it('should round-trip non-collection top-level values and type changes', async () => {
    let factory = openFactory();
    const store = await factory.create(ctx, 's', {});
    await store.set(ctx, 'Counter', 1);
    await store.set(ctx, 'List', [new Date(5), 'x', null]);
    await store.set(ctx, 'Shape', { a: 1 });
    await store.set(ctx, 'Shape', 'now a string');
    await store.set(ctx, 'Odd', { '': 'empty key', $date: 'not a date' });
    await store.set(ctx, 'Tagged', { $date: '2020-01-01T00:00:00.000Z' });
    await store.set(ctx, ['Deep', 'a', 'b'], { when: new Date(9) });

    factory = restart(factory);
    const reopened = await factory.create(ctx, 's', {});
    expect(await reopened.getRoot(ctx)).toEqual({
      Counter: 1,
      List: [new Date(5), 'x', null],
      Shape: 'now a string',
      Odd: { '': 'empty key', $date: 'not a date' },
      Tagged: { $date: '2020-01-01T00:00:00.000Z' },
      Deep: { a: { b: { when: new Date(9) } } },
    });
    expect(await reopened.get(ctx, ['Tagged', '$date'])).toBe('2020-01-01T00:00:00.000Z');
  });

  it('should apply defaults only to missing top-level keys when re-created', async () => {
    let factory = openFactory();
    const pool = await factory.create(ctx, 'p1', POOL_DEFAULTS);
    await pool.set(ctx, 'Options', { Id: 'p1', MfaConfiguration: 'ON' });
    await pool.set(ctx, ['Users', 'alice'], user('alice'));

    factory = restart(factory);
    const reopened = await factory.create(ctx, 'p1', { Users: {}, Options: { Id: 'p1' }, Groups: {} });
    expect(await reopened.get(ctx, 'Options')).toEqual({ Id: 'p1', MfaConfiguration: 'ON' });
    expect(Object.keys(await reopened.get(ctx, 'Users', {}))).toEqual(['alice']);
    expect(await reopened.get(ctx, 'Groups')).toEqual({});
  });

  it('should return the same store when create is called twice with the same id', async () => {
    const factory = openFactory();
    const first = await factory.create(ctx, 'p1', POOL_DEFAULTS);
    await first.set(ctx, ['Users', 'alice'], user('alice'));
    const second = await factory.create(ctx, 'p1', POOL_DEFAULTS);
    expect(second).toBe(first);
    expect(await second.get(ctx, ['Users', 'alice', 'Username'])).toBe('alice');
  });

  it('should return the default, or null, for a missing key', async () => {
    const factory = openFactory();
    const pool = await factory.create(ctx, 'p1', POOL_DEFAULTS);
    expect(await pool.get(ctx, 'Nope')).toBeNull();
    expect(await pool.get(ctx, 'Nope', { fallback: true })).toEqual({ fallback: true });
    expect(await pool.get(ctx, ['Users', 'ghost'])).toBeNull();
    expect(await pool.get(ctx, ['Nope', 'deeper', 'still'], 42)).toBe(42);
    expect(await pool.get(ctx, ['Users', '__proto__'])).toBeNull();
  });

  it('should not let mutations of returned or passed values leak into the store', async () => {
    const factory = openFactory();
    const pool = await factory.create(ctx, 'p1', POOL_DEFAULTS);
    const input = user('alice');
    await pool.set(ctx, ['Users', 'alice'], input);
    input.Username = 'mutated-input';
    input.UserCreateDate.setTime(0);

    const read = await pool.get<User>(ctx, ['Users', 'alice']);
    expect(read).not.toBeNull();
    if (!read) return;
    read.Username = 'mutated-read';
    read.Attributes.push({ Name: 'x', Value: 'y' });
    read.UserCreateDate.setTime(0);
    const root = await pool.getRoot<{ Users: Record<string, User> }>(ctx);
    delete root?.Users.alice;

    const again = await pool.get<User>(ctx, ['Users', 'alice']);
    expect(again?.Username).toBe('alice');
    expect(again?.Attributes).toHaveLength(1);
    expect(again?.UserCreateDate.toISOString()).toBe('2024-05-06T07:08:09.123Z');
  });

  it('should treat a delete of a missing path as a no-op', async () => {
    const factory = openFactory();
    const pool = await factory.create(ctx, 'p1', POOL_DEFAULTS);
    await expect(pool.delete(ctx, ['Users', 'ghost'])).resolves.toBeUndefined();
    await expect(pool.delete(ctx, ['Missing', 'deep', 'path'])).resolves.toBeUndefined();
    expect(await pool.get(ctx, 'Users')).toEqual({});
  });

  it('should leave memory and disk unchanged when a value cannot be stored (refused before any SQL runs)', async () => {
    let factory = openFactory();
    const pool = await factory.create(ctx, 'p1', POOL_DEFAULTS);
    await expect(pool.set(ctx, ['Users', 'big'], { n: 1n })).rejects.toThrow(TypeError);
    await expect(pool.set(ctx, ['Options', 'Id', 'x'], 1)).rejects.toThrow(TypeError);
    expect(await pool.get(ctx, ['Users', 'big'])).toBeNull();

    factory = restart(factory);
    const reopened = await factory.create(ctx, 'p1', POOL_DEFAULTS);
    expect(await reopened.getRoot(ctx)).toEqual(POOL_DEFAULTS);
  });

  it('should keep memory and disk as they were when SQLite fails in the middle of a write', async () => {
    let factory = openFactory();
    const pool = await factory.create(ctx, 'p1', POOL_DEFAULTS);
    await pool.set(ctx, ['Users', 'alice'], user('alice'));
    await pool.set(ctx, ['Users', 'bob'], user('bob'));
    // A real failure inside SQLite, at the third row of the next write (a full disk, say).
    const raw = new DatabaseSync(file);
    raw.exec(`CREATE TRIGGER fail_carol BEFORE INSERT ON cognito_local_store WHEN NEW.child = 'carol'
              BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    raw.close();

    // Replacing Users deletes its rows, writes the marker, dave, erin, then fails on carol.
    await expect(pool.set(ctx, 'Users', { dave: user('dave'), erin: user('erin'), carol: user('carol') })).rejects.toThrow(/disk full/);
    expect(Object.keys(await pool.get(ctx, 'Users', {})).sort()).toEqual(['alice', 'bob']);

    factory = restart(factory);
    const reopened = await factory.create(ctx, 'p1', POOL_DEFAULTS);
    expect(Object.keys(await reopened.get(ctx, 'Users', {})).sort()).toEqual(['alice', 'bob']);
    expect((await reopened.get<User>(ctx, ['Users', 'bob']))?.Username).toBe('bob');
  });

  it('should work with an in-memory database', async () => {
    const factory = new SqliteDataStoreFactory(':memory:');
    open.push(factory);
    const store = await factory.create(ctx, 'clients', { Clients: {} });
    await store.set(ctx, ['Clients', 'c1'], { ClientId: 'c1' });
    expect(await store.get(ctx, ['Clients', 'c1'])).toEqual({ ClientId: 'c1' });
    expect(factory.listStoreIds()).toEqual(['clients']);
  });

  it('should refuse to be used after close', async () => {
    const factory = openFactory();
    const pool = await factory.create(ctx, 'p1', POOL_DEFAULTS);
    factory.close();
    await expect(pool.set(ctx, ['Users', 'a'], user('a'))).rejects.toThrow(/closed/);
    await expect(factory.create(ctx, 'p2', {})).rejects.toThrow(/closed/);
  });

  it('should load node:sqlite without Node 22\'s experimental notice, and let every other warning through', () => {
    const script = `process.emitWarning('another feature is experimental', 'ExperimentalWarning');
      const { DatabaseSync } = await import('./src/embedded/node-sqlite.ts');
      new DatabaseSync(':memory:').exec('SELECT 1');`;
    const { status, stderr } = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: join(import.meta.dirname, '..'),
      encoding: 'utf8',
    });
    expect(status).toBe(0);
    expect(stderr).toContain('ExperimentalWarning: another feature is experimental');
    expect(stderr).not.toContain('SQLite');
  });
});

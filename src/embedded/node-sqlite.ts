/**
 * Node's built-in SQLite (`node:sqlite`), loaded without its Node 22 notice.
 *
 * Why built in: every Node this project supports (22, 24, 26) ships it, so the
 * embedded store needs no native addon, nothing to compile per Node version,
 * and no ABI to match (better-sqlite3 had to be rebuilt for each Node and did
 * not compile against Node 26's V8 at all before 12.11).
 *
 * Why this module: Node 22 prints `ExperimentalWarning: SQLite is an
 * experimental feature and might change at any time` the first time the module
 * loads (24 and 26 do not; the API we use is the same on all three). A static
 * `import 'node:sqlite'` is loaded while modules are linked, before any of our
 * code could run, so the module is loaded here instead, with
 * `process.getBuiltinModule`, while a filter drops that one warning. The filter
 * matches its type and its text, lives only for the synchronous load, and lets
 * every other warning through, Node 22's other experimental features included.
 */
import type * as NodeSqlite from 'node:sqlite';

/** The start of the notice Node 22 prints when `node:sqlite` first loads. */
const SQLITE_NOTICE = 'SQLite is an experimental feature';

function isSqliteNotice(warning: string | Error, typeOrOptions: unknown): boolean {
  const type =
    typeof typeOrOptions === 'string' ? typeOrOptions : (typeOrOptions as { type?: unknown } | undefined)?.type;
  const name = typeof warning === 'string' ? type : warning.name;
  const message = typeof warning === 'string' ? warning : warning.message;
  return name === 'ExperimentalWarning' && message.startsWith(SQLITE_NOTICE);
}

function load(): typeof NodeSqlite {
  const emitWarning = process.emitWarning;
  process.emitWarning = function (this: unknown, warning: string | Error, ...rest: unknown[]): void {
    if (isSqliteNotice(warning, rest[0])) return;
    (emitWarning as (...args: unknown[]) => void).call(this, warning, ...rest);
  } as typeof process.emitWarning;
  let sqlite: typeof NodeSqlite | undefined;
  try {
    // Node 20 has no node:sqlite (getBuiltinModule answers undefined), and before 20.16 no getBuiltinModule.
    sqlite = process.getBuiltinModule?.('node:sqlite');
  } finally {
    process.emitWarning = emitWarning;
  }
  if (!sqlite) throw new Error(`The embedded emulator's store needs node:sqlite, which Node ${process.version} lacks: run Node 22, 24 or 26.`);
  return sqlite;
}

const sqlite = load();

/** `node:sqlite`'s synchronous database class (see the module comment for why it is loaded here). */
export const DatabaseSync: typeof NodeSqlite.DatabaseSync = sqlite.DatabaseSync;
export type DatabaseSync = NodeSqlite.DatabaseSync;
export type StatementSync = NodeSqlite.StatementSync;

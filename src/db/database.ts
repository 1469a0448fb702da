/** Opens the one database file: private on disk, checked before any write, migrated, tuned. */
import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { Kysely, SqliteDialect } from 'kysely';
import { EXIT, fail } from '../errors.js';
import { backupBeforeMigration } from './backup.js';
import { corruptRefusal } from './corrupt.js';
import { ensurePrivateFile, isMemoryPath, writeRefusal } from './file.js';
import { guardedDatabase, translate } from './guard.js';
import { inspectFile } from './inspect.js';
import { runMigrations } from './migrate.js';
import { connect } from './sqlite.js';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations/index.js';
import type { DB } from './schema.js';

export interface Desk {
  db: Kysely<DB>;
  sqlite: Database.Database;
  path: string;
  /** Path of the backup taken before migrating, if one was taken. */
  backup: string | null;
  /** Why writes are refused (a read-only file or folder, a desk found corrupt); null when they are not. */
  readOnlyBecause: string | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Open without creating or migrating; refuses files that need a migration. */
  readonly?: boolean;
  /** Called with every statement the connection runs (better-sqlite3's `verbose`). */
  trace?: (sql: string) => void;
  /** For tests of the runner: the migration list to apply. */
  migrations?: readonly Migration[];
}

/**
 * Opens a desk to read and write. A desk this process may not write (read-only file or folder) or
 * one found corrupt is opened read-only instead: reads work, and writes fail with one line saying why.
 */
export async function openDatabase(path: string, options: OpenOptions = {}): Promise<Desk> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : LATEST_VERSION;
  const memory = isMemoryPath(path);
  let refusal: string | null = null;
  if (!memory && !options.readonly) {
    ensurePrivateFile(path);
    refusal = writeRefusal(path) ?? corruptRefusal(path);
  }
  const readonly = options.readonly === true || refusal !== null;
  const state = memory ? { kind: 'empty' as const, version: 0 } : inspectFile(path, latest);
  if (readonly && state.version < latest) {
    fail(
      EXIT.database,
      refusal
        ? `${path} needs its schema brought to version ${latest} (it has ${state.version}), but ${refusal}`
        : `${path} needs a schema upgrade: open it once without --readonly`,
    );
  }

  // Read-only because of permissions: with no -wal beside it, nobody is writing the file, and SQLite
  // reads it without the -shm a read-only folder cannot hold.
  const immutable = refusal !== null && !existsSync(`${path}-wal`);
  const sqlite = openSqlite(path, { readonly, immutable, trace: options.trace });
  const guard = { path, readOnlyBecause: options.readonly ? `${path} was opened read-only` : refusal };
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: guardedDatabase(sqlite, guard) }) });
  let backup: string | null = null;
  try {
    if (!readonly && state.version < latest) {
      const run = await runMigrations(db as Kysely<unknown>, migrations, (from) => backupBeforeMigration(path, from));
      backup = run.backup;
    }
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, sqlite, path, backup, readOnlyBecause: guard.readOnlyBecause, close: () => db.destroy() };
}

function openSqlite(path: string, mode: { readonly: boolean; immutable: boolean; trace?: (sql: string) => void }): Database.Database {
  let sqlite: Database.Database;
  try {
    sqlite = connect(path, {
      readonly: mode.readonly,
      immutable: mode.immutable,
      fileMustExist: !isMemoryPath(path),
      ...(mode.trace ? { verbose: (sql: unknown) => mode.trace!(String(sql)) } : {}),
    });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CANTOPEN')) fail(EXIT.database, `cannot open database ${path}: permission denied or missing`);
    throw error;
  }
  try {
    // The wait for another process's write lock first: switching a new file to WAL is a write.
    sqlite.pragma('busy_timeout = 5000');
    if (!mode.readonly) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    return sqlite;
  } catch (error) {
    sqlite.close();
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_READONLY')) fail(EXIT.database, `cannot write database ${path}: ${(error as Error).message}`);
    return translate(error, { path, readOnlyBecause: null });
  }
}

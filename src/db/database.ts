/** Opens the one database file: private on disk, checked before any write, migrated, tuned. */
import type Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { EXIT, fail } from '../errors.js';
import { backupBeforeMigration } from './backup.js';
import { ensurePrivateFile, isMemoryPath } from './file.js';
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
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Open without creating or migrating; refuses files that need a migration. */
  readonly?: boolean;
  /** For tests of the runner: the migration list to apply. */
  migrations?: readonly Migration[];
}

export async function openDatabase(path: string, options: OpenOptions = {}): Promise<Desk> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : LATEST_VERSION;
  const memory = isMemoryPath(path);
  if (!memory && !options.readonly) ensurePrivateFile(path);
  const state = memory ? { kind: 'empty' as const, version: 0 } : inspectFile(path, latest);
  if (options.readonly && state.version < latest) {
    fail(EXIT.database, `${path} needs a schema upgrade: open it once without --readonly`);
  }

  const backup = !memory && state.version > 0 && state.version < latest ? await backupBeforeMigration(path, state.version) : null;

  const sqlite = openSqlite(path, options.readonly === true);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    if (!options.readonly) await runMigrations(db as Kysely<unknown>, state.version, migrations);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, sqlite, path, backup, close: () => db.destroy() };
}

function openSqlite(path: string, readonly: boolean): Database.Database {
  try {
    const sqlite = connect(path, { readonly, fileMustExist: !isMemoryPath(path) });
    if (!readonly) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    return sqlite;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    // better-sqlite3 reports extended codes: SQLITE_READONLY_DIRECTORY (a read-only folder), …
    if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
      return fail(EXIT.database, `cannot open database ${path} for writing: permission denied`);
    }
    throw error;
  }
}

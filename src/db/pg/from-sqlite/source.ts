/**
 * The desk file a move reads: opened read-only (nothing is written to it, not even a -wal), checked to
 * be a Deskline desk at the server's schema version, and held in one read transaction so every table
 * and every count comes from the same snapshot.
 */
import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { EXIT, fail } from '../../../errors.js';
import { APPLICATION_ID } from '../../inspect.js';
import { connect } from '../../sqlite.js';

export interface SqliteSource {
  sqlite: Database.Database;
  file: string;
  close(): void;
}

/** Opens `file` for the move; one line and exit 2 (missing), 4 (not a desk) or 5 (another schema version). */
export function openSqliteSource(file: string, serverVersion: number): SqliteSource {
  if (!existsSync(file)) fail(EXIT.notFound, `${file}: no such desk file`);
  let sqlite: Database.Database;
  try {
    sqlite = connect(file, { readonly: true, fileMustExist: true });
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    return fail(EXIT.invalid, `${file} is not a Deskline desk (not an SQLite file)`);
  }
  const head = sqlite
    .prepare('SELECT (SELECT application_id FROM pragma_application_id) AS app, (SELECT user_version FROM pragma_user_version) AS version')
    .get() as { app: number; version: number };
  if (head.app !== APPLICATION_ID) {
    sqlite.close();
    fail(EXIT.invalid, `${file} is not a Deskline desk (an SQLite file without Deskline's stamp)`);
  }
  if (head.version !== serverVersion) {
    sqlite.close();
    const fix =
      head.version < serverVersion ? `open it once with this Deskline (deskline --db ${file} db init) to upgrade it` : 'upgrade Deskline';
    fail(EXIT.database, `${file} is at schema version ${head.version}, the server at ${serverVersion}: ${fix}, then move it`);
  }
  sqlite.exec('BEGIN'); // one snapshot for every read that follows
  return {
    sqlite,
    file,
    close: () => {
      if (sqlite.inTransaction) sqlite.exec('COMMIT');
      sqlite.close();
    },
  };
}

/** The desk file's tables (virtual ones marked) and each one's columns. */
export function sqliteTables(sqlite: Database.Database): Map<string, { virtual: boolean; columns: string[] }> {
  const rows = sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table'`).all() as { name: string; sql: string | null }[];
  return new Map(
    rows.map((r) => [
      r.name,
      {
        virtual: /^\s*CREATE\s+VIRTUAL/i.test(r.sql ?? ''),
        columns: (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(r.name) as { name: string }[]).map((c) => c.name),
      },
    ]),
  );
}

export function sqliteCount(sqlite: Database.Database, table: string): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
}

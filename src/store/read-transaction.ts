/**
 * One consistent read of a whole desk (the exports) while others write, on either dialect, through the
 * statements of a session (./write-session.ts): a deferred transaction on SQLite's raw connection (a
 * snapshot of the WAL), a REPEATABLE READ, READ ONLY transaction on PostgreSQL.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { dialectOf } from '../db/dialect.js';
import type { Desk } from './desk.js';
import { rawSqlite } from './sqlite-raw.js';
import { pgSession } from './write-session-pg.js';
import { sqliteSession } from './write-session-sqlite.js';
import type { WriteSession } from './write-session.js';

export async function inReadTransaction<T>(desk: Desk, fn: (session: WriteSession) => Promise<T>): Promise<T> {
  if (dialectOf(desk.db) === 'postgres') {
    return desk.db.connection().execute(async (conn) => {
      await sql`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`.execute(conn);
      try {
        return await fn(pgSession(conn as unknown as Kysely<unknown>));
      } finally {
        await sql`COMMIT`.execute(conn);
      }
    });
  }
  const sqlite = rawSqlite(desk);
  return desk.db.connection().execute(async () => {
    sqlite.exec('BEGIN');
    try {
      return await fn(sqliteSession(sqlite));
    } finally {
      sqlite.exec('COMMIT');
    }
  });
}

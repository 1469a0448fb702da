/**
 * BEGIN IMMEDIATE … COMMIT on one connection, for read-then-write work.
 * kysely's transactions begin DEFERRED (SQLITE_BUSY under concurrent writers) and better-sqlite3's
 * `.immediate()` cannot wrap async code. Everything inside must go through `trx`, never the outer db:
 * the SQLite dialect has one connection behind a lock, so the outer db would wait forever.
 */
import { sql, type Kysely } from 'kysely';

export async function withImmediate<DBT, T>(db: Kysely<DBT>, fn: (trx: Kysely<DBT>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (trx) => {
    await sql`BEGIN IMMEDIATE`.execute(trx);
    try {
      const result = await fn(trx);
      await sql`COMMIT`.execute(trx);
      return result;
    } catch (error) {
      await sql`ROLLBACK`.execute(trx).catch(() => undefined);
      throw error;
    }
  });
}

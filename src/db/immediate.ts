/**
 * BEGIN IMMEDIATE … COMMIT on one connection, for read-then-write work.
 * kysely's transactions begin DEFERRED (SQLITE_BUSY under concurrent writers) and better-sqlite3's
 * `.immediate()` cannot wrap async code. Everything inside must go through `trx`, never the outer db:
 * the SQLite dialect has one connection behind a lock, so the outer db would wait forever.
 *
 * SQLite's busy handler is no queue: with many writers, one can wait out its whole busy_timeout
 * while the others take turns (npm run stress saw 8 of 8,000 operations fail so on a loaded machine).
 * So a BEGIN that times out is tried again while other connections are committing (data_version
 * moved), and given up only when one holder kept the desk for the whole wait, or after MAX_TRIES.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect.js';

const MAX_TRIES = 12;

/**
 * On PostgreSQL the same promise (one read-then-write at a time across every technician) is a
 * transaction that first takes this advisory lock; the server queues the waiters, so no retry.
 */
export const PG_WRITE_LOCK = 0x44534b57; // 'DSKW'

/**
 * PostgreSQL's answers that mean "nothing was written, run it again": a serialisation failure and a
 * deadlock (possible only with writers outside this lock, or a stricter isolation a server imposes).
 * The transaction is rolled back and run again, so no caller ever sees them.
 */
const PG_RETRY = new Set(['40001', '40P01']);
const PG_MAX_TRIES = 20;

export async function withImmediate<DBT, T>(db: Kysely<DBT>, fn: (trx: Kysely<DBT>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (trx) => {
    const pg = dialectOf(trx) === 'postgres';
    for (let tries = 1; ; tries++) {
      if (pg) {
        await sql`BEGIN`.execute(trx);
        await sql`SELECT pg_advisory_xact_lock(${sql.lit(PG_WRITE_LOCK)})`.execute(trx);
      } else {
        await begin(trx);
      }
      try {
        const result = await fn(trx);
        await sql`COMMIT`.execute(trx);
        return result;
      } catch (error) {
        await sql`ROLLBACK`.execute(trx).catch(() => undefined);
        if (!pg || !PG_RETRY.has((error as { code?: string }).code ?? '') || tries >= PG_MAX_TRIES) throw error;
      }
    }
  });
}

const dataVersion = async <DBT>(trx: Kysely<DBT>) =>
  (await sql<{ data_version: number }>`PRAGMA data_version`.execute(trx)).rows[0]!.data_version;

async function begin<DBT>(trx: Kysely<DBT>): Promise<void> {
  let seen = await dataVersion(trx);
  for (let tries = 1; ; tries++) {
    try {
      await sql`BEGIN IMMEDIATE`.execute(trx);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || tries >= MAX_TRIES) throw error;
      const now = await dataVersion(trx);
      if (now === seen) throw error; // nobody committed the whole time: one holder keeps the desk
      seen = now;
    }
  }
}

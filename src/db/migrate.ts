/**
 * Our own migration runner (DESIGN.md: kysely's Migrator runs no transaction on SQLite).
 * All pending migrations run in one IMMEDIATE transaction; the stamp moves with them or not at all.
 */
import { sql, type Kysely } from 'kysely';
import { withImmediate } from './immediate.js';
import { APPLICATION_ID } from './inspect.js';
import type { Migration } from './migrations/index.js';

export async function runMigrations(db: Kysely<unknown>, from: number, migrations: readonly Migration[]): Promise<number> {
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return from;
  // PRAGMA foreign_keys is a no-op inside a transaction: switch it off first, or a table rebuild's
  // DROP TABLE cascades into every child row. foreign_key_check below guards the result.
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    return await migrateInTransaction(db, pending);
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}

function migrateInTransaction(db: Kysely<unknown>, pending: readonly Migration[]): Promise<number> {
  return withImmediate(db, async (trx) => {
    for (const migration of pending) {
      try {
        await migration.up(trx);
      } catch (error) {
        const message = (error as Error).message?.split('\n')[0];
        throw Object.assign(new Error(`migration ${migration.name} failed: ${message}`), { code: 'DESKLINE_MIGRATION' });
      }
    }
    const last = pending[pending.length - 1]!.version;
    await sql.raw(`PRAGMA application_id = ${APPLICATION_ID}`).execute(trx);
    await sql.raw(`PRAGMA user_version = ${last}`).execute(trx);
    const problems = await sql<{ table: string }>`PRAGMA foreign_key_check`.execute(trx);
    if (problems.rows.length > 0) throw new Error(`migration left broken references in ${problems.rows[0]!.table}`);
    return last;
  });
}

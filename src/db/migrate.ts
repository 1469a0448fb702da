/**
 * Our own migration runner (DESIGN.md: kysely's Migrator runs no transaction on SQLite).
 * All pending migrations run in one IMMEDIATE transaction; the stamp moves with them or not at all.
 * The version is read again inside that transaction: several processes opening an old (or new) file
 * at once queue on the lock, and those after the first find the work done and change nothing.
 */
import { sql, type Kysely } from 'kysely';
import { applyMigrations } from './apply-migrations.js';
import { withImmediate } from './immediate.js';
import { APPLICATION_ID } from './inspect.js';
import type { Migration } from './migrations/index.js';

export interface MigrationRun {
  /** The schema version after the run. */
  version: number;
  /** What `beforeUpgrade` returned, when this run did the upgrade (null when another process had). */
  backup: string | null;
}

/**
 * Migrates from whatever version the file holds once the write lock is ours. `beforeUpgrade` runs
 * under that lock, only when a non-empty database is about to change (the backup before migrating).
 */
export async function runMigrations(
  db: Kysely<unknown>,
  migrations: readonly Migration[],
  beforeUpgrade: (version: number) => Promise<string | null> = async () => null,
): Promise<MigrationRun> {
  // PRAGMA foreign_keys is a no-op inside a transaction: switch it off first, or a table rebuild's
  // DROP TABLE cascades into every child row. foreign_key_check below guards the result.
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    return await withImmediate(db, async (trx) => {
      const from = (await sql<{ user_version: number }>`PRAGMA user_version`.execute(trx)).rows[0]!.user_version;
      const pending = migrations.filter((m) => m.version > from);
      if (pending.length === 0) return { version: from, backup: null };
      const backup = from > 0 ? await beforeUpgrade(from) : null;
      return { version: await migrate(trx, pending), backup };
    });
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}

async function migrate(trx: Kysely<unknown>, pending: readonly Migration[]): Promise<number> {
  const last = await applyMigrations(trx, pending);
  await sql.raw(`PRAGMA application_id = ${APPLICATION_ID}`).execute(trx);
  await sql.raw(`PRAGMA user_version = ${last}`).execute(trx);
  const problems = await sql<{ table: string }>`PRAGMA foreign_key_check`.execute(trx);
  if (problems.rows.length > 0) throw new Error(`migration left broken references in ${problems.rows[0]!.table}`);
  return last;
}

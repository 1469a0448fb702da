/**
 * The migration runner on PostgreSQL. Every pending migration runs in ONE transaction holding
 * `pg_advisory_xact_lock(MIGRATION_LOCK)`; the version, kept in `deskline_schema`, is read again under
 * the lock, so of two technicians upgrading at once one migrates and the other finds it done. DDL is
 * transactional here: a failed migration leaves the database as it was. A database newer than this
 * build, or one holding tables that are not a desk's, is refused (exit 5) before anything is written.
 */
import { sql, type Kysely } from 'kysely';
import { EXIT, fail } from '../../errors.js';
import { applyMigrations } from '../apply-migrations.js';
import type { Migration } from '../migrations/index.js';

/** The advisory lock's key: 'DSKL' as a number, as SQLite's application_id. */
export const MIGRATION_LOCK = 0x44534b4c;

/** The table holding the schema version (one row). */
export const VERSION_TABLE = 'deskline_schema';

export interface PgSchemaState {
  kind: 'empty' | 'deskline';
  version: number;
}

export interface PgMigrationRun {
  from: number;
  version: number;
}

/** A read-only look: an empty database, a desk at some version, or something to refuse. */
export async function inspectPg(db: Kysely<unknown>, where: string, latest: number): Promise<PgSchemaState> {
  const state = await readState(db);
  if (state.version > latest) {
    fail(EXIT.database, `${where} has schema version ${state.version}, newer than this Deskline knows (${latest}): upgrade Deskline`);
  }
  if (!state.stamped && state.tables > 0) {
    fail(EXIT.database, `${where} holds tables but is not a Deskline database: refusing to touch it (use an empty database)`);
  }
  return { kind: state.stamped ? 'deskline' : 'empty', version: state.version };
}

/** Brings the database to the last of `migrations`, or finds another process did. */
export async function runPgMigrations(db: Kysely<unknown>, migrations: readonly Migration[], where: string): Promise<PgMigrationRun> {
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const before = await inspectPg(db, where, latest);
  if (before.version === latest && before.kind === 'deskline') return { from: latest, version: latest };
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${sql.lit(MIGRATION_LOCK)})`.execute(trx);
    const now = await inspectPg(trx, where, latest);
    const pending = migrations.filter((m) => m.version > now.version);
    if (pending.length === 0) return { from: now.version, version: now.version };
    if (now.kind === 'empty') {
      await sql`CREATE TABLE ${sql.table(VERSION_TABLE)} (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row), version integer NOT NULL, migrated_at bigint NOT NULL)`.execute(trx);
      await sql`INSERT INTO ${sql.table(VERSION_TABLE)} (version, migrated_at) VALUES (0, 0)`.execute(trx);
    }
    const last = await applyMigrations(trx, pending);
    await sql`UPDATE ${sql.table(VERSION_TABLE)} SET version = ${last}, migrated_at = ${Date.now()}`.execute(trx);
    return { from: now.version, version: last };
  });
}

interface RawState {
  stamped: boolean;
  version: number;
  /** Tables in the schemas on the search path (only "none" vs "some" matters). */
  tables: number;
}

async function readState(db: Kysely<unknown>): Promise<RawState> {
  const found = await sql<{ stamped: boolean; tables: number }>`
    SELECT to_regclass(${VERSION_TABLE}) IS NOT NULL AS stamped,
      (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm') AND n.nspname = ANY (current_schemas(false))) AS tables`.execute(db);
  const { stamped, tables } = found.rows[0]!;
  if (!stamped) return { stamped, version: 0, tables };
  const row = await sql<{ version: number }>`SELECT version FROM ${sql.table(VERSION_TABLE)}`.execute(db);
  return { stamped, version: row.rows[0]?.version ?? 0, tables };
}

/**
 * `db migrate --from-sqlite`: a desk file moved onto an empty server desk, all or nothing. One
 * PostgreSQL transaction under the migration lock: refuse a desk that already holds one (exit 3,
 * nothing written), switch the tables' own triggers off (their effects are copied or rebuilt: summary
 * counts and change numbers come from the file, search data is built in bulk), drop the secondary
 * indexes and foreign keys until the rows are in (./indexes.ts), replace `db init`'s
 * seeded defaults with the file's, copy every table parents first, advance the id sequences, compare
 * every table's count with the file's snapshot, switch the triggers on again, let the caller finish
 * (attachment files), COMMIT. Any failure rolls all of it back.
 */
import { sql, type Kysely } from 'kysely';
import { EXIT, fail } from '../../../errors.js';
import { MIGRATION_LOCK } from '../migrate.js';
import { copyTable } from './copy.js';
import { dropForLoad } from './indexes.js';
import { fillSearch, SEARCH_TABLES } from './search.js';
import { advanceSequences } from './sequences.js';
import { openSqliteSource, sqliteCount, sqliteTables, type SqliteSource } from './source.js';
import { planMove, SEEDED_TABLES } from './tables.js';
import { tablesWithRows, verifyCounts, type TableCount } from './verify.js';

/** What `progress` names once every row is in and the rest is built. */
export const REBUILD_PHASE = 'the search index, indexes and keys';

export interface MoveOptions {
  /** Rows written so far of `total`, and the table being copied (then REBUILD_PHASE). */
  progress?: (done: number, total: number, table: string) => void;
  /** Runs inside the transaction (`trx`) after every check passed, before COMMIT (a throw rolls back). */
  beforeCommit?: (source: SqliteSource, trx: Kysely<unknown>) => void | Promise<void>;
}

export interface MoveResult {
  /** Every copied table and its rows, in the order copied. */
  tables: TableCount[];
  rows: number;
  /** File tables with no server twin (FTS5 and its shadow tables, sqlite_*). */
  skipped: string[];
  sequences: number;
  /** Milliseconds spent copying rows, and building search data, indexes and keys after. */
  phases: { copy: number; rebuild: number };
}

/** Moves `file` onto the server desk `db` (at `version`); `where` names the server in messages. */
export async function moveFromSqlite(
  db: Kysely<unknown>,
  where: string,
  file: string,
  version: number,
  options: MoveOptions = {},
): Promise<MoveResult> {
  const source = openSqliteSource(file, version);
  try {
    return await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${sql.lit(MIGRATION_LOCK)})`.execute(trx);
      const plan = await planMove(trx, sqliteTables(source.sqlite));
      const names = plan.tables.map((t) => t.name);
      await refuseUnlessEmpty(trx, where, names);
      await refuseUnlessOwner(trx, names);
      const expected = names.map((table) => ({ table, rows: sqliteCount(source.sqlite, table) }));
      const total = expected.reduce((n, t) => n + t.rows, 0);
      await triggers(trx, names, 'DISABLE');
      const restore = await dropForLoad(trx, [...names, ...SEARCH_TABLES]);
      for (const table of names.filter((n) => SEEDED_TABLES.includes(n)).reverse()) await sql`DELETE FROM ${sql.table(table)}`.execute(trx);
      const started = performance.now();
      let done = 0;
      for (const table of plan.tables) {
        options.progress?.(done, total, table.name);
        await copyTable(trx, source.sqlite, table, (n) => options.progress?.((done += n), total, table.name));
      }
      const copied = performance.now();
      options.progress?.(total, total, REBUILD_PHASE);
      await fillSearch(trx);
      await restore();
      const phases = { copy: copied - started, rebuild: performance.now() - copied };
      const sequences = await advanceSequences(trx);
      await verifyCounts(trx, expected);
      await triggers(trx, names, 'ENABLE');
      await options.beforeCommit?.(source, trx);
      return { tables: expected, rows: total, skipped: plan.skipped, sequences, phases };
    });
  } finally {
    source.close();
  }
}

async function refuseUnlessEmpty(trx: Kysely<unknown>, where: string, names: readonly string[]): Promise<void> {
  const held = await tablesWithRows(
    trx,
    names.filter((n) => !SEEDED_TABLES.includes(n)),
  );
  if (!held.length) return;
  const what = held
    .sort((a, b) => Number(b.table === 'tickets') - Number(a.table === 'tickets')) // the figure people know first
    .slice(0, 3)
    .map((h) => `${h.table}: ${h.rows >= 1000 ? '1000+' : h.rows} rows`)
    .join(', ');
  fail(EXIT.conflict, `${where} already holds a desk (${what}): --from-sqlite moves a desk into an empty one only; nothing changed`);
}

/** Switching triggers off and dropping keys is the tables' owner's right: a technician role is told so before anything runs. */
async function refuseUnlessOwner(trx: Kysely<unknown>, names: readonly string[]): Promise<void> {
  const { rows } = await sql<{ owner: string }>`
    SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class
    WHERE relnamespace = current_schema()::regnamespace AND relname = ANY (${[...names]}::text[])
      AND NOT pg_has_role(current_user, relowner, 'USAGE')`.execute(trx);
  if (rows.length)
    fail(
      EXIT.database,
      `moving a desk needs the role that owns its tables (${rows.map((r) => r.owner).join(', ')}): connect as that role; nothing changed`,
    );
}

/** The tables' own triggers (not the foreign-key checks, which stay on) off or on again, inside the transaction. */
async function triggers(trx: Kysely<unknown>, tables: readonly string[], how: 'DISABLE' | 'ENABLE'): Promise<void> {
  for (const table of tables) await sql`ALTER TABLE ${sql.table(table)} ${sql.raw(how)} TRIGGER USER`.execute(trx);
}

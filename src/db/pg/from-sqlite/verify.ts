/**
 * The move's last check before COMMIT: every copied table holds on the server exactly as many rows
 * as in the file's snapshot. Any difference is named and the transaction rolls back.
 */
import { sql, type Kysely } from 'kysely';
import { EXIT, fail } from '../../../errors.js';

export interface TableCount {
  table: string;
  rows: number;
}

/** Counts on the server for `expected`'s tables; fails (exit 5) naming each table that differs. */
export async function verifyCounts(trx: Kysely<unknown>, expected: readonly TableCount[]): Promise<void> {
  if (!expected.length) return;
  const parts = expected.map((e) => sql`SELECT ${e.table} AS "table", count(*)::bigint AS rows FROM ${sql.table(e.table)}`);
  const { rows } = await sql<{ table: string; rows: number }>`${sql.join(parts, sql` UNION ALL `)}`.execute(trx);
  const found = new Map(rows.map((r) => [r.table, Number(r.rows)]));
  const off = expected.filter((e) => found.get(e.table) !== e.rows);
  if (off.length) {
    const what = off.map((e) => `${e.table}: ${e.rows} in the file, ${found.get(e.table) ?? 0} on the server`).join('; ');
    fail(EXIT.database, `counts differ after the copy (${what}): rolled back, nothing moved`);
  }
}

/** Tables of `tables` that hold rows (the first few of each checked with EXISTS: cheap on a big desk). */
export async function tablesWithRows(trx: Kysely<unknown>, tables: readonly string[]): Promise<TableCount[]> {
  if (!tables.length) return [];
  const parts = tables.map(
    (t) => sql`SELECT ${t} AS "table", (SELECT count(*) FROM (SELECT 1 FROM ${sql.table(t)} LIMIT 1000) AS s)::bigint AS rows`,
  );
  const { rows } = await sql<{ table: string; rows: number }>`${sql.join(parts, sql` UNION ALL `)}`.execute(trx);
  return rows.map((r) => ({ table: r.table, rows: Number(r.rows) })).filter((r) => r.rows > 0);
}

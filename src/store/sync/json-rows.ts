/**
 * Many rows in one statement with one parameter, for sync's batches (push on the server, pull on a
 * replica): the rows travel as one JSON array and the database takes them apart itself, PostgreSQL
 * with json_populate_recordset (typed by the table), SQLite with json_each. Against kysely's multi-row
 * VALUES this saves building and binding thousands of parameters per batch (a ticket has 30 columns),
 * and on PostgreSQL parsing them: push of 10,000 tickets went from 60 statements of up to 6,000 parameters
 * to 20 of one (a statement per batch of 500). Ids given are kept; rows without one are numbered in the order given (returned so).
 */
import { sql } from 'kysely';
import { dialectOf } from '../../db/dialect.js';
import type { Executor } from '../executor.js';

/** Rows per statement: a batch of sync is at most this, so one statement each. */
export const JSON_ROWS = 5000;

type Row = Record<string, unknown>;

/** The columns any row sets (a column missing from a row is null there, as in a VALUES list). */
function columnsOf(rows: readonly Row[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}

/** Inserts `rows` into `table`; with `returning`, the ids in the order of `rows`. */
export async function insertJsonRows(
  trx: Executor,
  table: string,
  rows: readonly Row[],
  returning = false,
  /** ON CONFLICT …, after the source (both dialects read it the same). */
  onConflict = '',
): Promise<number[]> {
  if (rows.length === 0) return [];
  const columns = columnsOf(rows);
  const list = sql.join(columns.map((c) => sql.ref(c)));
  const pg = dialectOf(trx) === 'postgres';
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += JSON_ROWS) {
    const json = JSON.stringify(rows.slice(i, i + JSON_ROWS));
    const source = pg
      ? sql`SELECT ${list} FROM json_populate_recordset(NULL::${sql.table(table)}, ${json}::json) WHERE true`
      : sql`SELECT ${sql.join(columns.map((c) => sql`value ->> ${`$.${c}`}`))} FROM json_each(${json}) WHERE true ORDER BY key`;
    // (`WHERE true`: SQLite's parser needs a WHERE before an upsert's ON CONFLICT.)
    const tail = sql.raw(`${onConflict ? ` ${onConflict}` : ''}${returning ? ' RETURNING id' : ''}`);
    const done = await sql<{ id: number }>`INSERT INTO ${sql.table(table)} (${list}) ${source}${tail}`.execute(trx);
    // Numbered in the order given (the source is read in order); RETURNING's own order is not promised.
    ids.push(...done.rows.map((r) => Number(r.id)).sort((a, b) => a - b));
  }
  return ids;
}

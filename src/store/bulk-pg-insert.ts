/**
 * Multi-row parameterised INSERTs on PostgreSQL for the bulk writes: one statement per batch of rows,
 * each under the server's limit of 65,535 parameters a statement (and at most ROWS_PER_STATEMENT rows,
 * so a statement's text and plan stay small). Column types come from the table (an INSERT … VALUES
 * list takes them from its target columns), so bigint times and ids need no cast here.
 */
import type { WriteSession } from './write-session.js';

/** PostgreSQL's limit of bind parameters in one statement (a 16-bit count). */
export const PG_MAX_PARAMS = 65_535;
const ROWS_PER_STATEMENT = 1_000;

/** The rows per statement for `columns` columns. */
export const rowsPerStatement = (columns: number): number => Math.max(1, Math.min(ROWS_PER_STATEMENT, Math.floor(PG_MAX_PARAMS / columns)));

/**
 * Inserts `rows` (each in `columns` order) into `table`; `tail` follows each statement (ON CONFLICT DO
 * NOTHING). Returns the rows inserted.
 */
export async function insertRows(
  session: WriteSession,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  tail = '',
): Promise<number> {
  const step = rowsPerStatement(columns.length);
  const one = `(${columns.map(() => '?').join(', ')})`;
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
  let inserted = 0;
  for (let i = 0; i < rows.length; i += step) {
    const batch = rows.slice(i, i + step);
    const text = `${head}${Array(batch.length).fill(one).join(', ')}${tail ? ` ${tail}` : ''}`;
    inserted += await session.run(text, ...batch.flat());
  }
  return inserted;
}

/**
 * Copies one table from the desk file to the server inside the move's transaction: rows read in the
 * file's own order (rowid or primary key), written as multi-row parameterised INSERTs of up to BATCH
 * rows (under PostgreSQL's 65,535 parameters), values as SQLite holds them (integers, text; the
 * server converts them to its column types or refuses the row). Columns pointing at their own table
 * go in as NULL and are set once every row is there. A refused row names its table and batch.
 */
import type Database from 'better-sqlite3';
import { CompiledQuery, type Kysely } from 'kysely';
import { DesklineError, EXIT } from '../../../errors.js';
import type { TablePlan } from './tables.js';

const BATCH = 500;
const MAX_PARAMETERS = 65_535;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** `INSERT … VALUES ($1, $2), ($3, $4) …` for `rows` rows of `width` columns. */
function insertText(table: string, columns: readonly string[], rows: number): string {
  const width = columns.length;
  const values = Array.from({ length: rows }, (_, r) => `(${columns.map((_c, i) => `$${r * width + i + 1}`).join(', ')})`);
  return `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${values.join(', ')}`;
}

/** Copies `plan`'s rows; calls `progress(n)` after each batch with the rows written; returns the rows copied. */
export async function copyTable(
  trx: Kysely<unknown>,
  sqlite: Database.Database,
  plan: TablePlan,
  progress: (rows: number) => void,
): Promise<number> {
  const { name, columns, selfRefs } = plan;
  const perBatch = Math.max(1, Math.min(BATCH, Math.floor(MAX_PARAMETERS / columns.length)));
  const fullText = insertText(name, columns, perBatch);
  const selfAt = selfRefs.map((c) => columns.indexOf(c));
  const idAt = columns.indexOf('id');
  const later: unknown[][] = []; // [id, ...self-ref values] of rows that point at their own table
  const read = sqlite.prepare(`SELECT ${columns.map(quote).join(', ')} FROM ${quote(name)}`).raw(true);
  let batch: unknown[] = [];
  let rows = 0;
  let copied = 0;
  const flush = async () => {
    if (rows === 0) return;
    const text = rows === perBatch ? fullText : insertText(name, columns, rows);
    try {
      await trx.executeQuery(CompiledQuery.raw(text, batch));
    } catch (error) {
      throw refused(name, copied + 1, copied + rows, error);
    }
    copied += rows;
    progress(rows);
    batch = [];
    rows = 0;
  };
  for (const row of read.iterate() as IterableIterator<unknown[]>) {
    if (selfAt.length && selfAt.some((i) => row[i] !== null)) {
      later.push([row[idAt], ...selfAt.map((i) => row[i])]);
      for (const i of selfAt) row[i] = null;
    }
    batch.push(...row);
    if (++rows === perBatch) await flush();
  }
  await flush();
  await setSelfRefs(trx, name, selfRefs, later);
  return copied;
}

/** `UPDATE t SET parent_id = v.c1 FROM (VALUES …) AS v(id, c1) WHERE t.id = v.id`, in batches. */
async function setSelfRefs(trx: Kysely<unknown>, table: string, columns: readonly string[], rows: unknown[][]): Promise<void> {
  const width = columns.length + 1;
  for (let i = 0; i < rows.length; i += BATCH) {
    const part = rows.slice(i, i + BATCH);
    const values = part.map((_r, r) => `(${Array.from({ length: width }, (_c, c) => `$${r * width + c + 1}::bigint`).join(', ')})`);
    const names = ['id', ...columns.map((_c, c) => `c${c}`)];
    const text = `UPDATE ${quote(table)} AS t SET ${columns.map((c, n) => `${quote(c)} = v.c${n}`).join(', ')}
      FROM (VALUES ${values.join(', ')}) AS v(${names.join(', ')}) WHERE t.id = v.id`;
    try {
      await trx.executeQuery(CompiledQuery.raw(text, part.flat()));
    } catch (error) {
      throw refused(table, i + 1, i + part.length, error);
    }
  }
}

function refused(table: string, from: number, to: number, error: unknown): DesklineError {
  if (error instanceof DesklineError) return error; // the connection's own failure, already one line
  const why = String((error as Error)?.message ?? error).split('\n')[0];
  return new DesklineError(EXIT.database, `the server refused a row of ${table} (rows ${from}–${to} of the file): ${why}: nothing moved`);
}

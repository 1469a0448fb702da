/**
 * Rows of the desk a test checks, read through kysely so the same check runs on SQLite and on
 * PostgreSQL (`npm run test:pg`): write the query with kysely's `sql` tag, values as parameters.
 * Counts come back as numbers on both (pg's int8 parser: db/pg/types.ts).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../src/store/executor.js';
import { TEST_DIALECT } from './temp.js';

/** Whether `npm run test:pg` runs this file: tests about SQLite-only things skip on it. */
export const isPg = TEST_DIALECT === 'postgres';

/** Every row the query returns. */
export async function rowsOf<T = Record<string, unknown>>(db: Executor, query: RawBuilder<unknown>): Promise<T[]> {
  return (await query.execute(db)).rows as T[];
}

/** The first row, or undefined. */
export async function rowOf<T = Record<string, unknown>>(db: Executor, query: RawBuilder<unknown>): Promise<T | undefined> {
  return (await rowsOf<T>(db, query))[0];
}

/** The first column of the first row (a count, one value). */
export async function valueOf<T = unknown>(db: Executor, query: RawBuilder<unknown>): Promise<T | undefined> {
  const row = await rowOf(db, query);
  return row === undefined ? undefined : (Object.values(row)[0] as T);
}

/** How many rows of `table` match `where` (a `sql` fragment; all rows when left out). */
export async function countOf(db: Executor, table: string, where: RawBuilder<unknown> = sql`TRUE`): Promise<number> {
  return Number(await valueOf(db, sql`SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${where}`));
}

/** Runs one statement (a test's own UPDATE/INSERT beside the store). */
export async function run(db: Executor, statement: RawBuilder<unknown>): Promise<void> {
  await statement.execute(db);
}

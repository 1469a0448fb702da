/**
 * `PRAGMA data_version` (SQLite-only): a number that changes when another connection commits to the
 * database file. Our own writes do not change it: refresh explicitly after them.
 */
import { sql } from 'kysely';
import type { Executor } from './executor.js';

export async function dataVersion(db: Executor): Promise<number> {
  const { rows } = await sql<{ data_version: number }>`PRAGMA data_version`.execute(db);
  return Number(rows[0]?.data_version ?? 0);
}

/**
 * The desk's triggers and indexes as their definitions, on either dialect (sqlite_master, or
 * pg_trigger and pg_indexes): tests compare them before and after a long write to see it left the
 * schema as it found it.
 */
import { sql } from 'kysely';
import type { Executor } from '../../src/store/executor.js';
import { isPg, rowsOf } from './db-rows.js';

export interface Definition {
  name: string;
  sql: string;
}

/** Every trigger of the desk, by name. */
export function triggerDefinitions(db: Executor): Promise<Definition[]> {
  return rowsOf<Definition>(
    db,
    isPg
      ? sql`SELECT tgname AS name, pg_get_triggerdef(oid) AS sql FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname`
      : sql`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`,
  );
}

/** The indexes of the given tables, by name (the ones behind keys and constraints included). */
export function indexDefinitions(db: Executor, tables: readonly string[]): Promise<Definition[]> {
  return rowsOf<Definition>(
    db,
    isPg
      ? sql`SELECT indexname AS name, indexdef AS sql FROM pg_indexes
          WHERE schemaname = current_schema() AND tablename IN (${sql.join(tables)}) ORDER BY indexname`
      : sql`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN (${sql.join(tables)}) ORDER BY name`,
  );
}

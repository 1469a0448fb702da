/**
 * The better-sqlite3 connection behind a desk, for the store modules that must use it directly
 * (bulk writes with prepared statements, online backup, integrity checks). The faces cannot import
 * this module (scripts/layers.js): they go through store functions.
 */
import type Database from 'better-sqlite3';

const RAW = new WeakMap<object, Database.Database>();

export function registerRaw(desk: object, sqlite: Database.Database): void {
  RAW.set(desk, sqlite);
}

export function rawSqlite(desk: object): Database.Database {
  // Until every face opens its desk with openDesk(), the handle of db/database.ts carries its own.
  const sqlite = RAW.get(desk) ?? (desk as { sqlite?: Database.Database }).sqlite;
  if (!sqlite) throw new Error('this desk was not opened with openDesk()');
  return sqlite;
}

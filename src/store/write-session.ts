/**
 * The statements of a long write (an import, mail intake) on either dialect, inside the caller's
 * transaction: SQL text with `?` parameters, run through cached better-sqlite3 prepared statements on
 * SQLite (./write-session-sqlite.ts) or through the transaction's connection on PostgreSQL
 * (./write-session-pg.ts). The writers hold one set of statements; the few words that differ by
 * dialect are in SQL_WORDS.
 */
import type { Dialect } from '../db/dialect.js';

export type Row = Record<string, unknown>;

export interface WriteSession {
  readonly dialect: Dialect;
  /** The first row, or undefined. */
  get<T = Row>(text: string, ...params: unknown[]): Promise<T | undefined>;
  /** The first column of the first row, or undefined. */
  value<T>(text: string, ...params: unknown[]): Promise<T | undefined>;
  all<T = Row>(text: string, ...params: unknown[]): Promise<T[]>;
  /** The first column of every row. */
  values<T>(text: string, ...params: unknown[]): Promise<T[]>;
  /** Rows changed. */
  run(text: string, ...params: unknown[]): Promise<number>;
  /** An INSERT into a table with an id column: the new row's id. */
  insert(text: string, ...params: unknown[]): Promise<number>;
  /** The columns of a table. */
  columns(table: string): Promise<Set<string>>;
}

/** SQL that is spelt differently: the larger of two values, and equality that holds for two NULLs. */
export const SQL_WORDS: Readonly<Record<Dialect, { greatest: string; same: string }>> = {
  sqlite: { greatest: 'max', same: 'IS' },
  postgres: { greatest: 'greatest', same: 'IS NOT DISTINCT FROM' },
};

/** A database error that means the record broke a rule of the schema (a constraint, a bad value), not the database. */
export function isRecordError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return false;
  // SQLite's constraint codes; PostgreSQL's classes 22 (data exception) and 23 (integrity constraint violation).
  return code.startsWith('SQLITE_CONSTRAINT') || /^2[23][0-9A-Z]{3}$/.test(code);
}

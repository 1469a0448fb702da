/** ./write-session.ts on SQLite: better-sqlite3 prepared statements, each prepared once per session. */
import type Database from 'better-sqlite3';
import type { WriteSession } from './write-session.js';

export function sqliteSession(sqlite: Database.Database): WriteSession {
  const prepared = new Map<string, Database.Statement>();
  const statement = (text: string) => prepared.get(text) ?? prepared.set(text, sqlite.prepare(text)).get(text)!;
  const plucked = new Map<string, Database.Statement>();
  const pluck = (text: string) => plucked.get(text) ?? plucked.set(text, sqlite.prepare(text).pluck()).get(text)!;
  return {
    dialect: 'sqlite',
    get: async <T>(text: string, ...params: unknown[]) => statement(text).get(...params) as T | undefined,
    value: async <T>(text: string, ...params: unknown[]) => pluck(text).get(...params) as T | undefined,
    all: async <T>(text: string, ...params: unknown[]) => statement(text).all(...params) as T[],
    values: async <T>(text: string, ...params: unknown[]) => pluck(text).all(...params) as T[],
    run: async (text, ...params) => statement(text).run(...params).changes,
    insert: async (text, ...params) => Number(statement(text).run(...params).lastInsertRowid),
    columns: async (table) =>
      new Set((sqlite.pragma(`table_info("${table.replace(/"/g, '""')}")`) as { name: string }[]).map((c) => c.name)),
  };
}

/**
 * The transactions of a bulk write (./bulk.ts): each runs on the raw connection while kysely's own
 * connection is held, so kysely queries sent meanwhile wait instead of joining it; and the write lock is
 * let go now and then, long enough for another process's writer to take it.
 */
import type Database from 'better-sqlite3';
import type { Desk } from './desk.js';
import { rawSqlite } from './sqlite-raw.js';

/**
 * How long one chunk may hold the write lock, and how long the lock is let go once it has been held
 * BREATHE_MS since the last pause (longer than the busy handler's longest sleep, so a waiter gets in).
 */
export const CHUNK_MS = 1_500;
export const GAP_MS = 110;
const BREATHE_MS = 600;

/** Lock time since the last pause, per desk. */
const held = new WeakMap<Desk, number>();

/** Runs `fn` in one IMMEDIATE transaction on the raw connection while kysely's connection is held. */
export async function transaction<T>(desk: Desk, fn: (sqlite: Database.Database) => T | Promise<T>): Promise<T> {
  if ((held.get(desk) ?? 0) >= BREATHE_MS) {
    await new Promise((resolve) => setTimeout(resolve, GAP_MS));
    held.set(desk, 0);
  }
  const sqlite = rawSqlite(desk);
  const started = performance.now();
  return desk.db.connection().execute(async () => {
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      const result = await fn(sqlite);
      sqlite.exec('COMMIT');
      return result;
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw error;
    } finally {
      held.set(desk, (held.get(desk) ?? 0) + performance.now() - started);
    }
  });
}

/** Sets this connection's WAL auto-checkpoint (pages; 0 = never) and returns what it was. */
export async function setAutocheckpoint(desk: Desk, pages: number): Promise<number> {
  return desk.db.connection().execute(async () => {
    const sqlite = rawSqlite(desk);
    const before = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
    sqlite.pragma(`wal_autocheckpoint = ${Math.trunc(pages)}`);
    return before;
  });
}

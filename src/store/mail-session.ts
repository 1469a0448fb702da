/**
 * The write session mail delivery runs in (./mail-deliver.ts, ./mail-cursor.ts), inside the caller's
 * transaction on either dialect. On SQLite: prepared statements on the raw connection, with ticket_fts
 * held while the messages go in and filled once for the touched tickets at the end (./import-index.ts).
 * On PostgreSQL: the transaction's connection; the schema's triggers keep ticket_search as rows go in.
 */
import type { Kysely } from 'kysely';
import { dialectOf } from '../db/dialect.js';
import type { Desk } from './desk.js';
import { indexTickets } from './import-index.js';
import { rawSqlite } from './sqlite-raw.js';
import { pgSession } from './write-session-pg.js';
import { sqliteSession } from './write-session-sqlite.js';
import type { WriteSession } from './write-session.js';

export interface MailSession {
  session: WriteSession;
  /** Holds the free-text index until `finish` (SQLite); nothing on PostgreSQL. */
  hold(): Promise<void>;
  /** Indexes the touched tickets and lifts the hold, before COMMIT. */
  finish(touched: ReadonlySet<number>): Promise<void>;
}

export function mailSession(desk: Desk, trx: Kysely<unknown> | Desk['db']): MailSession {
  if (dialectOf(desk.db) === 'postgres') {
    return { session: pgSession(trx as unknown as Kysely<unknown>), hold: async () => undefined, finish: async () => undefined };
  }
  const sqlite = rawSqlite(desk);
  const session = sqliteSession(sqlite);
  return {
    session,
    hold: async () => void (await session.run('INSERT OR IGNORE INTO ticket_fts_hold (held) VALUES (1)')),
    async finish(touched) {
      indexTickets(sqlite, touched);
      await session.run('DELETE FROM ticket_fts_hold');
    },
  };
}

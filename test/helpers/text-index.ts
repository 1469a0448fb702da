/**
 * What the free-text indexes themselves hold, on either dialect: SQLite's FTS5 tables or PostgreSQL's
 * ticket_search tsvector (src/db/pg/migrations/baseline/search.ts). Words are plain test words.
 */
import { sql } from 'kysely';
import type { Executor } from '../../src/store/executor.js';
import { isPg, rowsOf } from './db-rows.js';

const ids = async (db: Executor, query: ReturnType<typeof sql>) => (await rowsOf<{ id: number }>(db, query)).map((r) => Number(r.id));

/** Tickets whose title, description or timeline the index holds `word` for: ticket_fts, or ticket_search. */
export function ticketIndexIds(db: Executor, word: string): Promise<number[]> {
  return ids(
    db,
    isPg
      ? sql`SELECT ticket_id AS id FROM ticket_search WHERE doc @@ to_tsquery('deskline', ${word}) ORDER BY ticket_id`
      : sql`SELECT rowid AS id FROM ticket_fts WHERE ticket_fts MATCH ${`"${word}"`} ORDER BY rowid`,
  );
}

/** Tickets whose title or description the index holds `word` for: ticket_text_fts, or ticket_search's weights A and B. */
export function ticketTitleIndexIds(db: Executor, word: string): Promise<number[]> {
  return ids(
    db,
    isPg
      ? sql`SELECT ticket_id AS id FROM ticket_search WHERE doc @@ to_tsquery('deskline', ${`${word}:AB`}) ORDER BY ticket_id`
      : sql`SELECT rowid AS id FROM ticket_text_fts WHERE ticket_text_fts MATCH ${word} ORDER BY rowid`,
  );
}

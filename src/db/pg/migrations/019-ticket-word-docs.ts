/**
 * 019 on PostgreSQL: the twin of SQLite's 019-ticket-word-docs (how many tickets hold each word, and
 * a requester's tickets by creation time). Similar tickets read it on SQLite (FTS5); here the copy
 * is taken from the search index with ts_stat, so the table means the same on both. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE ticket_word_docs (term TEXT PRIMARY KEY, docs integer NOT NULL)`.execute(db);
  await sql`CREATE INDEX tickets_requester_created ON tickets (requester_id, created_at)`.execute(db);
  await sql`INSERT INTO ticket_word_docs (term, docs) SELECT word, ndoc FROM ts_stat('SELECT doc FROM ticket_search')`.execute(db);
}

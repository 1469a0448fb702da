/**
 * 019: how many tickets hold each word, for similar tickets (issue 23). Frozen once landed.
 *
 * - ticket_word_docs: per word of 014's ticket_text_fts, the tickets holding it (`docs`), copied
 *   from ticket_text_vocab. fts5vocab counts a word's tickets by walking its whole posting list at
 *   every query (5 ms for one ticket's words at 100k tickets, most of it in the common words), so
 *   similar tickets read this copy by primary key instead. It is a snapshot: `triage train` copies
 *   it again (src/store/ticket-word-docs.ts), and a word it lacks (new since) is counted from the
 *   index up to a cap, which is cheap because such words are rare. A rarity weight drifts slowly, so
 *   a stale count only nudges a weight.
 * - tickets_requester_created: a requester's recent tickets (the same requester's possible
 *   duplicates) without reading all of their tickets (2,000 for the demo's busiest at 100k).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE ticket_word_docs (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX tickets_requester_created ON tickets (requester_id, created_at)`.execute(db);
  await sql`INSERT INTO ticket_word_docs (term, docs) SELECT term, doc FROM ticket_text_vocab`.execute(db);
}

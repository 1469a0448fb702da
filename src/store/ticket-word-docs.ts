/**
 * How many tickets hold each word (SQLite-only: FTS5), for the rarity weights of similar tickets:
 * read by primary key from 019's ticket_word_docs snapshot; a word the snapshot lacks (new since
 * it was taken) is counted from 014's ticket_text_fts, stopping at LIVE_CAP tickets, so a lookup
 * never walks a long posting list. `triage train` takes the snapshot again (refreshWordDocs).
 */
import { sql } from 'kysely';
import { dialectOf } from '../db/dialect.js';
import type { Executor } from './executor.js';

/** A word not in the snapshot is counted up to this many tickets (its weight then is that of a word this common). */
export const LIVE_CAP = 2_000;
/** At most this many words are counted live per lookup (the first in the text: the title's); the others go unweighted. */
export const LIVE_WORDS = 24;
const IN_CHUNK = 400;

/** Tickets holding each of `words` (words none holds are left out). */
export async function wordDocs(db: Executor, words: readonly string[]): Promise<Map<string, number>> {
  const docs = new Map<string, number>();
  for (let i = 0; i < words.length; i += IN_CHUNK) {
    const rows = await db
      .selectFrom('ticket_word_docs')
      .select(['term', 'docs'])
      .where('term', 'in', words.slice(i, i + IN_CHUNK))
      .execute();
    for (const r of rows) docs.set(r.term, r.docs);
  }
  for (const w of words.filter((word) => !docs.has(word)).slice(0, LIVE_WORDS)) {
    // Folded letters and digits only (kb-text's words()), quoted: no FTS5 syntax can get in.
    const { rows } = await sql<{ n: number }>`
      SELECT count(*) AS n FROM (SELECT 1 FROM ticket_text_fts WHERE ticket_text_fts MATCH ${`"${w}"`} LIMIT ${LIVE_CAP})`.execute(db);
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) docs.set(w, n);
  }
  return docs;
}

/** Takes the snapshot again from the index (a full read of ticket_text_vocab: ~1 s at 100k tickets). */
export async function refreshWordDocs(trx: Executor): Promise<number> {
  await trx.deleteFrom('ticket_word_docs').execute();
  // On PostgreSQL from the search index, as its migration 017 took the first copy.
  const source =
    dialectOf(trx) === 'postgres'
      ? sql`SELECT word, ndoc FROM ts_stat('SELECT doc FROM ticket_search')`
      : sql`SELECT term, doc FROM ticket_text_vocab`;
  const r = await sql`INSERT INTO ticket_word_docs (term, docs) ${source}`.execute(trx);
  return Number(r.numAffectedRows ?? 0);
}

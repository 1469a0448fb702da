/**
 * Similar tickets' word look-ups on PostgreSQL, in place of SQLite's 014 ticket_text_fts and
 * ticket_text_vocab (./ticket-similar.ts, ./ticket-word-docs.ts): the title and description words of
 * the baseline's ticket_search, weights A and B. A tsquery `word:AB` is answered by its GIN index and
 * leaves out the timeline's words (C), as ticket_text_fts does.
 */
import { sql } from 'kysely';
import type { SearchPlan } from '../domain/triage/similarity.js';
import type { Executor } from './executor.js';

/** The words come folded, letters and digits only (kb-text's words()): no tsquery syntax can get in. */
const titleOrDescription = (word: string) => sql`to_tsquery('deskline', ${`${word}:AB`})`;

/** The `limit` tickets holding the most weight of the plan's words (see rankedCandidates). */
export async function pgRankedCandidates(
  db: Executor,
  weights: ReadonlyMap<string, number>,
  plan: SearchPlan,
  limit: number,
): Promise<{ id: number }[]> {
  const parts = plan.words.map(
    (w) => sql`SELECT ticket_id AS id, CAST(${weights.get(w)!} AS double precision) AS w FROM ticket_search
      WHERE doc @@ ${titleOrDescription(w)} AND ticket_id > ${plan.afterId}`,
  );
  const { rows } = await sql<{ id: number }>`
    SELECT id FROM (${sql.join(parts, sql` UNION ALL `)}) AS postings GROUP BY id ORDER BY sum(w) DESC, id DESC LIMIT ${limit}`.execute(db);
  return rows;
}

/** How many tickets hold `word` in their title or description, counting no further than `cap`. */
export async function pgTicketsHolding(db: Executor, word: string, cap: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*) AS n FROM (SELECT 1 FROM ticket_search WHERE doc @@ ${titleOrDescription(word)} LIMIT ${cap}) AS holding`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** The word counts of every title and description word, into the emptied ticket_word_docs. */
export async function pgRefreshWordDocs(trx: Executor): Promise<number> {
  const r = await sql`INSERT INTO ticket_word_docs (term, docs)
    SELECT word, ndoc FROM ts_stat('SELECT ts_filter(doc, ''{a,b}'') FROM ticket_search')`.execute(trx);
  return Number(r.numAffectedRows ?? 0);
}

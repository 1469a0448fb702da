/**
 * Free-text terms of the ticket query on PostgreSQL (the twin of ./ticket-text.ts's FTS5 SQL): the
 * weighted ticket_search tsvector (src/db/pg/migrations/baseline/search.ts) queried with a tsquery
 * built from the parsed words (src/domain/ts-query.ts, never the raw text), and typo candidates from
 * ticket_words by trigram similarity (`%`) together with the exact one-edit candidates SQLite looks up.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { editDistance } from '../domain/edit-distance.js';
import { ticketTsQuery } from '../domain/ts-query.js';
import { lexeme } from '../domain/ts-query.js';
import { textTerm, typoCandidates, typoDistance } from '../domain/ticket-text.js';
import type { Executor } from './executor.js';
import { escapeLike } from './like.js';

const tsquery = (query: string) => sql`to_tsquery('deskline', ${query})`;

/** Tickets whose index holds every word (each from its start), counted up to `cap`. */
export async function pgMatches(db: Executor, words: readonly string[], cap: number): Promise<number> {
  const query = ticketTsQuery(words);
  if (query === null) return 0;
  const row = await sql<{ n: number }>`
    SELECT count(*) AS n FROM (SELECT 1 FROM ticket_search WHERE doc @@ ${tsquery(query)} LIMIT ${cap}) AS hits`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

const TRIGRAM_HITS = 50;
const COUNT_CAP = 100_000;

/** The indexed word closest to `word` within its typo distance (most tickets on a tie, then first in order), or null. */
export async function pgClosestWord(db: Executor, word: string): Promise<string | null> {
  const exact = typoCandidates(word);
  if (exact.length === 0) return null;
  const { rows } = await sql<{ word: string }>`
    (SELECT word FROM ticket_words WHERE word % ${word} ORDER BY similarity(word, ${word}) DESC, word LIMIT ${TRIGRAM_HITS})
    UNION SELECT word FROM ticket_words WHERE word = ANY(${exact}::text[])`.execute(db);
  const near = rows
    .map((r) => ({ term: r.word, d: editDistance(word, r.word) }))
    .filter((c) => c.term !== word && c.d <= typoDistance(word));
  const best = Math.min(...near.map((c) => c.d));
  let found: { term: string; n: number } | null = null;
  for (const { term } of near.filter((c) => c.d === best).sort((a, b) => (a.term < b.term ? -1 : 1))) {
    const { rows: counted } = await sql<{ n: number }>`
      SELECT count(*) AS n FROM (SELECT 1 FROM ticket_search WHERE doc @@ ${tsquery(lexeme(term, false))} LIMIT ${COUNT_CAP}) AS hits`.execute(
      db,
    );
    const n = Number(counted[0]?.n ?? 0);
    if (n > 0 && (!found || n > found.n)) found = { term, n };
  }
  return found?.term ?? null;
}

const plainIlike = (column: string, pattern: string) => sql<SqlBool>`deskline_plain(${sql.ref(column)}) ILIKE ${pattern} ESCAPE '\\'`;

/** The condition a free-text term compiles to: its tickets in the index and, for more than one bare word, the text as written. */
export function pgTextCondition(text: string): Expression<SqlBool> {
  const term = textTerm(text);
  const pattern = `%${escapeLike(term.phrase ?? text)}%`;
  const written = sql<SqlBool>`(${plainIlike('tickets.title', pattern)} OR ${plainIlike('tickets.description', pattern)}
    OR EXISTS (SELECT 1 FROM interactions AS ix WHERE ix.ticket_id = tickets.id AND ix.kind <> 'system'
      AND ${plainIlike('ix.body', pattern)}))`;
  const query = ticketTsQuery(term.words);
  if (query === null) return written;
  const indexed = sql<SqlBool>`tickets.id IN (SELECT ticket_id FROM ticket_search WHERE doc @@ ${tsquery(query)})`;
  return term.phrase === null ? indexed : sql<SqlBool>`(${indexed} AND ${written})`;
}

/** Tickets matching every term's words, counted in the index alone. */
export async function pgCountWords(db: Executor, terms: readonly (readonly string[])[]): Promise<number> {
  const query = terms.map((words) => `(${ticketTsQuery(words)})`).join(' & ');
  const row = await sql<{ n: number }>`SELECT count(*) AS n FROM ticket_search WHERE doc @@ ${tsquery(query)}`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

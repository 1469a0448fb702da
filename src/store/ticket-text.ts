/**
 * Free-text terms of the ticket query against the ticket index (SQLite: FTS5, see
 * src/db/migrations/006-ticket-fts.ts; PostgreSQL: ./ticket-text-pg.ts, picked by dialect). Before a query runs, each free-text term is looked up once:
 * - a term that matches nothing has its unknown words replaced by the closest indexed word
 *   (`prnter` → `printer`, by edit distance, the most common word on a tie), and says so;
 * - the term that matches fewest tickets, when few enough do, is read first (its tickets sorted),
 *   while a common term is checked against the tickets as the sort's own index walks them.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { dialectOf, type Dialect } from '../db/dialect.js';
import { editDistance } from '../domain/edit-distance.js';
import type { Filter, ParsedQuery } from '../domain/query.js';
import { matchOf, textTerm, typoCandidates, typoDistance } from '../domain/ticket-text.js';
import type { Executor } from './executor.js';
import { escapeLike, like } from './like.js';
import { pgClosestWord, pgCountWords, pgMatches, pgTextCondition } from './ticket-text-pg.js';

export interface Correction {
  /** The word as typed (folded). */
  from: string;
  /** The indexed word used instead. */
  to: string;
}

export interface TextPlan {
  /** The query with corrected free text. */
  query: ParsedQuery;
  corrections: Correction[];
  /** The free-text term SQLite should read first (few tickets match it), if any. */
  drive: Filter | null;
}

/** Tickets matching every word of a term (each from its start), counted up to `cap`. */
async function matches(db: Executor, words: readonly string[], cap: number): Promise<number> {
  if (dialectOf(db) === 'postgres') return pgMatches(db, words, cap);
  const match = matchOf(words)!;
  const row = await sql<{ n: number }>`
    SELECT count(*) AS n FROM (SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH ${match} LIMIT ${cap})`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

/** Reading a term's tickets first and sorting them beats walking the sort's index below about 2√N matches. */
async function driveBelow(db: Executor): Promise<number> {
  const row = await sql<{ n: number | null }>`SELECT max(id) AS n FROM tickets`.execute(db);
  return Math.min(5_000, Math.max(200, Math.ceil(2 * Math.sqrt(Number(row.rows[0]?.n ?? 0)))));
}

const VOCAB_CHUNK = 500;

/**
 * Corrections found, per database and word: the console asks again for each page it loads. Kept for
 * the process (a word indexed later that is closer still is found by the next process), at most CACHED.
 */
const memo = new WeakMap<object, Map<string, string | null>>();
const CACHED = 500;

/** The indexed word closest to `word` within its typo distance, or null. */
export async function closestWord(db: Executor, word: string): Promise<string | null> {
  const known = memo.get(db) ?? new Map<string, string | null>();
  memo.set(db, known);
  if (known.has(word)) return known.get(word)!;
  const found = await lookUpClosest(db, word);
  if (known.size >= CACHED) known.clear();
  known.set(word, found);
  return found;
}

async function lookUpClosest(db: Executor, word: string): Promise<string | null> {
  if (dialectOf(db) === 'postgres') return pgClosestWord(db, word);
  const candidates = typoCandidates(word);
  let best: { term: string; d: number; n: number } | null = null;
  for (let i = 0; i < candidates.length; i += VOCAB_CHUNK) {
    const chunk = candidates.slice(i, i + VOCAB_CHUNK);
    const found = await sql<{ term: string; doc: number }>`
      SELECT term, doc FROM ticket_fts_vocab WHERE term IN (${sql.join(chunk)})`.execute(db);
    for (const { term, doc } of found.rows) {
      const d = editDistance(word, term);
      if (d > typoDistance(word)) continue;
      const better = !best || d < best.d || (d === best.d && (doc > best.n || (doc === best.n && term < best.term)));
      if (better) best = { term, d, n: doc };
    }
  }
  return best?.term ?? null;
}

/** A term that matches nothing, with its unmatched words corrected (null when none could be). */
async function corrected(db: Executor, text: string, out: Correction[]): Promise<string | null> {
  const fixed: string[] = [];
  const found: Correction[] = [];
  for (const word of textTerm(text).words) {
    const to = (await matches(db, [word], 1)) > 0 ? null : await closestWord(db, word);
    if (to) found.push({ from: word, to });
    fixed.push(to ?? word);
  }
  if (found.length === 0) return null;
  out.push(...found);
  return fixed.join(' ');
}

export async function planText(db: Executor, query: ParsedQuery): Promise<TextPlan> {
  if (!query.filters.some((f) => f.field === 'text')) return { query, corrections: [], drive: null };
  const corrections: Correction[] = [];
  const cap = await driveBelow(db);
  let drive: { filter: Filter; n: number } | null = null;
  const filters: Filter[] = [];
  for (const f of query.filters) {
    const term = f.field === 'text' ? textTerm(f.text) : null;
    if (f.field !== 'text' || term === null || term.match === null || f.negated) {
      filters.push(f);
      continue;
    }
    let filter: Filter = f;
    let n = await matches(db, term.words, cap);
    const fixed = n === 0 ? await corrected(db, f.text, corrections) : null;
    if (fixed !== null) {
      filter = { ...f, text: fixed };
      n = await matches(db, textTerm(fixed).words, cap);
    }
    if (n < cap && (!drive || n < drive.n)) drive = { filter, n };
    filters.push(filter);
  }
  return { query: { ...query, filters }, corrections, drive: drive?.filter ?? null };
}

/** SQL for text as stored with apostrophes dropped (as the index and the query drop them; the triggers of 006 do the same). */
export const plainSql = (column: string) =>
  ["''", '\u2018', '\u2019', '\u02bc', '`', '\u00b4', '\u2032'].reduce((inner, a) => `replace(${inner}, '${a}', '')`, column);
const plain = (column: string) => sql.raw(plainSql(column));

/**
 * The condition a free-text term compiles to: its tickets in the index and, for more than one bare
 * word, the text as written in the title, the description or one timeline entry. `walked`: the sort's
 * index is walked and each ticket checked (`+tickets.id` keeps SQLite from reading the term first).
 */
export function textCondition(text: string, walked: boolean, dialect: Dialect = 'sqlite'): Expression<SqlBool> {
  if (dialect === 'postgres') return pgTextCondition(text);
  const term = textTerm(text);
  const pattern = `%${escapeLike(term.phrase ?? text)}%`;
  const written = sql<SqlBool>`(${like(plain('tickets.title'), pattern)} OR ${like(plain('tickets.description'), pattern)}
    OR EXISTS (SELECT 1 FROM interactions AS ix WHERE ix.ticket_id = tickets.id AND ix.kind <> 'system'
      AND ${like(plain('ix.body'), pattern)}))`;
  if (term.match === null) return written;
  const indexed = sql<SqlBool>`${sql.raw(walked ? '+tickets.id' : 'tickets.id')} IN (SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH ${term.match})`;
  return term.phrase === null ? indexed : sql<SqlBool>`(${indexed} AND ${written})`;
}

/** Tickets matching every term when the query is nothing but bare free-text words (else null): counted in the index alone. */
export async function countByIndexAlone(db: Executor, query: ParsedQuery): Promise<number | null> {
  const terms = query.filters.map((f) => (f.field === 'text' && !f.negated ? textTerm(f.text) : null));
  if (terms.length === 0 || terms.some((t) => t === null || t.match === null || t.phrase !== null)) return null;
  if (dialectOf(db) === 'postgres')
    return pgCountWords(
      db,
      terms.map((t) => t!.words),
    );
  const match = terms.map((t) => `(${t!.match})`).join(' AND ');
  const row = await sql<{ n: number }>`SELECT count(*) AS n FROM ticket_fts WHERE ticket_fts MATCH ${match}`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

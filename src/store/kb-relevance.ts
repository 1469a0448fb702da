/**
 * How much of a ticket's title a suggested article covers (FTS5 on SQLite, ./kb-search-pg.ts on PostgreSQL), so that suggestions
 * that match only a minor word are left out: "Toner low" must not suggest "Computer is slow" or "Low
 * disk space" because of "low" when the KB's one page about toner is elsewhere. Each title word
 * counts by its rarity in the KB (inverse document frequency). Words that carry no subject (STOP) do
 * not count, nor do words no article holds (nothing to tell articles apart by); a title of only
 * those ("Help please") leaves the choice to the search over the description. An article covers the
 * words its title, tags or body match.
 */
import { sql } from 'kysely';
import { dialectOf } from '../db/dialect.js';
import { matchExpression, parseQuery, type QueryGroup } from '../domain/kb-query.js';
import type { Executor } from './executor.js';
import { pgArticlesMatching } from './kb-search-pg.js';

/** Suggestions must cover at least this share of the title's weight. */
export const MIN_COVERAGE = 0.5;

const STOP = new Set(
  'a an the my our your i we me to from on in at for of and or not no is are was be been after before since very can cannot cant will wont need needs please with do does dont have has it its this that every again when get got just still any help issue problem question urgent asap hi hello thanks'.split(
    ' ',
  ),
);

/** For each article id, the share (0–1) of the title's word weight it covers. */
export async function titleCoverage(db: Executor, title: string, ids: readonly number[]): Promise<Map<number, number>> {
  const groups = parseQuery(title).filter((g) => !STOP.has(g.word.replace(/'/g, '')));
  const out = new Map(ids.map((id) => [id, 0]));
  if (groups.length === 0 || ids.length === 0) return new Map(ids.map((id) => [id, 1]));
  const { rows: total } = await sql<{ n: number }>`SELECT count(*) AS n FROM kb_articles`.execute(db);
  const n = Number(total[0]?.n ?? 0);
  let sum = 0;
  const wanted = new Set(ids);
  for (const g of groups) {
    const rows = await articlesMatching(db, g);
    if (rows.length === 0) continue;
    const weight = Math.log((n + 1) / (rows.length + 0.5));
    sum += weight;
    for (const id of rows) if (wanted.has(id)) out.set(id, out.get(id)! + weight);
  }
  return new Map([...out].map(([id, w]) => [id, sum > 0 ? w / sum : 1]));
}

async function articlesMatching(db: Executor, group: QueryGroup): Promise<number[]> {
  if (dialectOf(db) === 'postgres') return pgArticlesMatching(db, group);
  const { rows } = await sql<{ id: number }>`SELECT rowid AS id FROM kb_fts WHERE kb_fts MATCH ${matchExpression([group], 'all')}`.execute(
    db,
  );
  return rows.map((r) => r.id);
}

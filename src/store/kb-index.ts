/**
 * The KB's full-text index on SQLite: FTS5 (kb_fts, kb_title_fts; src/db/migrations/002-kb.ts).
 * Candidates come ranked best first with `strength` 1 for the best of their pass (PostgreSQL ranks
 * in one statement: ./kb-search-pg-ranked.ts). `matchesAnything` serves both dialects
 * (./kb-search-pg.ts on PostgreSQL).
 */
import { sql } from 'kysely';
import { dialectOf } from '../db/dialect.js';
import { matchExpression, type QueryGroup } from '../domain/kb-query.js';
import { searchExpression, type SearchQuery } from '../domain/kb-search-query.js';
import type { Executor } from './executor.js';
import type { CandidateRow } from './kb-candidate.js';
import { pgMatchesAnything } from './kb-search-pg.js';

export interface KbIndexOptions {
  /** Drafts are left out unless asked for. */
  includeDrafts?: boolean;
}

export const CANDIDATES = 200;

export interface Candidate extends CandidateRow {
  /** 1 for the best bm25 of its pass, less for worse; matches of `any` count for less. */
  strength: number;
}

export type Index = 'kb_fts' | 'kb_title_fts';

export async function candidates(
  db: Executor,
  index: Index,
  query: SearchQuery,
  mode: 'all' | 'any',
  options: KbIndexOptions,
  weight: number,
): Promise<Candidate[]> {
  const rows = await sqliteCandidates(db, index, searchExpression(query, mode), options);
  const best = rows[0]?.rank ?? -1;
  return rows.map((r) => ({ ...r, strength: weight * (best < 0 ? r.rank / best : 1) }));
}

async function sqliteCandidates(
  db: Executor,
  index: Index,
  match: string,
  options: KbIndexOptions,
): Promise<Omit<Candidate, 'strength'>[]> {
  const published = options.includeDrafts ? sql`1` : sql`a.status = 'published'`;
  const { rows } = await sql<Omit<Candidate, 'strength'>>`
    SELECT a.id, a.slug, a.title, a.category, a.tags, a.audience, a.status, c.rank
    FROM (SELECT rowid AS id, rank FROM ${sql.table(index)} WHERE ${sql.table(index)} MATCH ${match} ORDER BY rank LIMIT ${CANDIDATES * 2}) AS c
    JOIN kb_articles AS a ON a.id = c.id
    WHERE ${published}
    ORDER BY c.rank LIMIT ${CANDIDATES}`.execute(db);
  return rows;
}

export async function matchesAnything(db: Executor, groups: QueryGroup[]): Promise<boolean> {
  if (dialectOf(db) === 'postgres') return pgMatchesAnything(db, groups);
  const { rows } = await sql`SELECT rowid FROM kb_fts WHERE kb_fts MATCH ${matchExpression(groups, 'all')} LIMIT 1`.execute(db);
  return rows.length > 0;
}

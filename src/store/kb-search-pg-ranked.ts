/**
 * KB search on PostgreSQL in one statement: the passes kb-search.ts makes on SQLite (title and tags
 * first, the whole article when they find fewer than TITLE_ENOUGH, any word when every word finds
 * fewer than the page), ranked on the server and returned with the text the snippets are cut from.
 * Each pass's strength is its ts_rank (weights of SQLite's bm25: title 10, tags 4, body 1) over the
 * pass's best, times the pass's weight (any word: 0.6); in place of fuse.js's closeness of title and
 * tags to the words, the share of query groups the title (3/4) and the tags (1/4) hold. Score: half
 * each. The statement also says how many articles matched every word (`strict_n`): none means the
 * caller corrects the words (kb-search.ts) and asks again.
 */
import { sql } from 'kysely';
import type { SearchQuery } from '../domain/kb-search-query.js';
import { groupsTsQuery, searchTsQuery } from '../domain/ts-query.js';
import type { Executor } from './executor.js';
import type { CandidateRow } from './kb-candidate.js';

const CANDIDATES = 200;
/** Share of the score from the title and tags holding the words; the rest is ts_rank. */
const TITLE_WEIGHT = 0.5;
const LOOSE_WEIGHT = 0.6;

export interface RankedRow extends Omit<CandidateRow, 'rank'> {
  score: number;
  /** Indexed body text (snippets) and the body as written (its apostrophes). */
  search_body: string;
  body: string;
  /** Articles matching every word (the first pass), before the page's limit. */
  strict_n: number;
}

export interface RankedOptions {
  mode: 'all' | 'any';
  includeDrafts: boolean;
  limit: number;
  /** With at least this many title/tag matches the body is not searched. */
  titleEnough: number;
}

/** The plan's three tsqueries (null: pass skipped) and the per-group title and tag queries. */
function plan(query: SearchQuery, mode: 'all' | 'any') {
  const anyOnly = mode === 'any';
  return {
    // With exclusions the body is searched at once: a word in the body leaves the article out too.
    titles: anyOnly || query.exclude.length ? null : searchTsQuery(query, 'all', 'titles'),
    strict: searchTsQuery(query, mode),
    loose: anyOnly || query.include.length < 2 ? null : searchTsQuery(query, 'any'),
    title: query.include.map((g) => groupsTsQuery([g], 'all', 'title')),
    tags: query.include.map((g) => groupsTsQuery([g], 'all', 'tags')),
  };
}

export async function pgRankedSearch(db: Executor, query: SearchQuery, options: RankedOptions): Promise<RankedRow[]> {
  const p = plan(query, options.mode);
  const drafts = options.includeDrafts;
  const { rows } = await sql<RankedRow>`
    WITH q AS MATERIALIZED (SELECT to_tsquery('deskline', ${p.titles}::text) AS titles,
        to_tsquery('deskline', ${p.strict}::text) AS strict, to_tsquery('deskline', ${p.loose}::text) AS loose),
      g AS MATERIALIZED (SELECT to_tsquery('deskline', t) AS title, to_tsquery('deskline', b) AS tags
        FROM unnest(${p.title}::text[], ${p.tags}::text[]) AS g(t, b)),
      titles AS MATERIALIZED (SELECT a.id, ts_rank('{0, 0, 0.4, 1.0}', a.search_doc, q.titles) AS r FROM kb_articles AS a, q
        WHERE a.search_doc @@ q.titles AND (${drafts} OR a.status = 'published') ORDER BY r DESC, a.id LIMIT ${sql.lit(CANDIDATES)}),
      strict AS MATERIALIZED (SELECT id, r FROM titles WHERE (SELECT count(*) FROM titles) >= ${options.titleEnough}
        UNION ALL (SELECT a.id, ts_rank('{0, 0.1, 0.4, 1.0}', a.search_doc, q.strict) AS r FROM kb_articles AS a, q
          WHERE (SELECT count(*) FROM titles) < ${options.titleEnough} AND a.search_doc @@ q.strict AND (${drafts} OR a.status = 'published')
          ORDER BY r DESC, a.id LIMIT ${sql.lit(CANDIDATES)})),
      loose AS (SELECT a.id, ts_rank('{0, 0.1, 0.4, 1.0}', a.search_doc, q.loose) AS r FROM kb_articles AS a, q
        WHERE (SELECT count(*) FROM strict) < ${options.limit} AND a.search_doc @@ q.loose AND (${drafts} OR a.status = 'published')
        ORDER BY r DESC, a.id LIMIT ${sql.lit(CANDIDATES)}),
      found AS (SELECT id, r, 1 AS pass, coalesce(r / nullif(max(r) OVER (), 0), 1) AS strength FROM strict
        UNION ALL SELECT * FROM (SELECT id, r, 2, ${sql.lit(LOOSE_WEIGHT)} * coalesce(r / nullif(max(r) OVER (), 0), 1) FROM loose) AS l
          WHERE id NOT IN (SELECT id FROM strict))
    SELECT a.id, a.slug, a.title, a.category, a.tags, a.audience, a.status, a.search_body, a.body,
      (SELECT count(*) FROM strict)::int AS strict_n,
      (${sql.lit(1 - TITLE_WEIGHT)} * f.strength + ${sql.lit(TITLE_WEIGHT)} * coalesce((SELECT avg(0.75 * (a.search_doc @@ g.title)::int
        + 0.25 * (a.search_doc @@ g.tags)::int) FROM g), 0))::float8 AS score
    FROM found AS f JOIN kb_articles AS a ON a.id = f.id
    ORDER BY score DESC, f.r DESC, f.pass, a.id LIMIT ${options.limit}`.execute(db);
  return rows;
}

/**
 * KB search (SQLite: FTS5 here; PostgreSQL: the same passes ranked in one statement,
 * ./kb-search-pg-ranked.ts). User text becomes quoted, synonym-expanded terms
 * (src/domain/kb-query.ts). Candidates are ranked by bm25 (title 10, tags 4, body 1), first on the
 * small title/tags index and, when fewer than TITLE_ENOUGH articles match there, on the full index;
 * the top 200 are re-ranked with fuse.js against title and tags. Words that find nothing are
 * corrected against title/tag words (src/store/kb-fuzzy.ts); when every word must match and too
 * few articles do, any word will do (ranked lower). Each result carries a snippet with the matched
 * words between « and ».
 */
import Fuse from 'fuse.js';
import { dialectOf } from '../db/dialect.js';
import type { KbAudience, KbStatus } from '../domain/kb-article.js';
import { parseQuery, queryWords, type QueryGroup } from '../domain/kb-query.js';
import { parseSearch, type SearchQuery } from '../domain/kb-search-query.js';
import { makeSnippet, restoreApostrophes } from '../domain/kb-snippet.js';
import type { Executor } from './executor.js';
import { correctWord } from './kb-fuzzy.js';
import { pgCorrectWord } from './kb-search-pg.js';
import { pgRankedSearch } from './kb-search-pg-ranked.js';
import { articleFields } from './kb.js';

export interface KbSearchOptions {
  limit?: number;
  /** Drafts are left out unless asked for. */
  includeDrafts?: boolean;
  /** `all` (default): every word must match, relaxed to `any` when too few do. */
  mode?: 'all' | 'any';
  /** `"phrases"`, `-word` and `NOT word` as operators (default); false for text that is no query (a ticket's title). */
  operators?: boolean;
}

export interface KbSearchResult {
  id: number;
  slug: string;
  title: string;
  category: string;
  tags: string[];
  audience: KbAudience;
  status: KbStatus;
  /** 0–1, higher is better. */
  score: number;
  /** Body text around the matches, matched words between « and ». */
  snippet: string;
  /** The words searched for, after typo correction (e.g. `printer jam` for `pritner jam`). */
  searched: string[];
}

import { CANDIDATES, candidates, matchesAnything, type Candidate } from './kb-index.js';

/** With at least this many title/tag matches the body index is not consulted. */
const TITLE_ENOUGH = 20;
/** Share of the final score from fuse.js closeness to title and tags; the rest is bm25. */
const TITLE_WEIGHT = 0.5;
const LOOSE_WEIGHT = 0.6;

export async function searchKb(db: Executor, query: string, options: KbSearchOptions = {}): Promise<KbSearchResult[]> {
  const limit = Math.max(1, Math.min(options.limit ?? 10, CANDIDATES));
  const parsed: SearchQuery = options.operators === false ? { include: parseQuery(query), exclude: [] } : parseSearch(query);
  const { exclude } = parsed;
  let groups = parsed.include;
  if (groups.length === 0) return [];
  if (dialectOf(db) === 'postgres') return searchPg(db, parsed, options, limit);
  let found: Candidate[];
  if (options.mode === 'any') {
    found = await candidates(db, 'kb_fts', { include: groups, exclude }, 'any', options, 1);
  } else {
    found = await strict(db, { include: groups, exclude }, options, limit);
    if (found.length < limit) {
      // An article matching every word means no word is missing: nothing to correct (two lookups saved).
      const corrected = found.length ? groups : await correctMissing(db, groups);
      if (corrected.length === 0) return [];
      if (corrected !== groups) found = await strict(db, { include: (groups = corrected), exclude }, options, limit);
      if (found.length < limit && groups.length > 1) {
        const seen = new Set(found.map((c) => c.id));
        const loose = await candidates(db, 'kb_fts', { include: groups, exclude }, 'any', options, LOOSE_WEIGHT);
        found = [...found, ...loose.filter((c) => !seen.has(c.id))];
      }
    }
  }
  const searched = queryWords(groups);
  const ranked = rerank(found, searched).slice(0, limit);
  const bodies = await searchBodies(
    db,
    ranked.map((c) => c.id),
  );
  return ranked.map((c) => ({
    ...articleFields(c),
    score: Number(c.score.toFixed(4)),
    snippet: snippetOf(bodies.get(c.id), groups),
    searched,
  }));
}

/**
 * PostgreSQL: the passes and the ranking in one statement (./kb-search-pg-ranked.ts); a second
 * only when no article holds every word and a word could be corrected.
 */
async function searchPg(db: Executor, parsed: SearchQuery, options: KbSearchOptions, limit: number): Promise<KbSearchResult[]> {
  const ranked = {
    mode: options.mode ?? 'all',
    includeDrafts: Boolean(options.includeDrafts),
    limit,
    titleEnough: Math.max(TITLE_ENOUGH, limit),
  };
  let groups = parsed.include;
  let rows = await pgRankedSearch(db, parsed, ranked);
  if (ranked.mode === 'all' && (rows[0]?.strict_n ?? 0) === 0) {
    const corrected = await correctMissing(db, groups);
    if (corrected.length === 0) return [];
    if (corrected !== groups) rows = await pgRankedSearch(db, { include: (groups = corrected), exclude: parsed.exclude }, ranked);
  }
  const searched = queryWords(groups);
  return rows.map((r) => ({
    ...articleFields(r),
    score: Number(r.score.toFixed(4)),
    snippet: snippetOf({ indexed: r.search_body, body: r.body }, groups),
    searched,
  }));
}

/**
 * Every included group must match and no excluded one: the title/tag index when it has enough, else
 * the full index (always with exclusions: a word in the body leaves the article out too).
 */
async function strict(db: Executor, query: SearchQuery, options: KbSearchOptions, limit: number): Promise<Candidate[]> {
  if (query.exclude.length) return candidates(db, 'kb_fts', query, 'all', options, 1);
  const titles = await candidates(db, 'kb_title_fts', query, 'all', options, 1);
  return titles.length >= Math.max(TITLE_ENOUGH, limit) ? titles : candidates(db, 'kb_fts', query, 'all', options, 1);
}

/** Replaces words with no match at all by their closest title/tag word; drops the hopeless ones. */
async function correctMissing(db: Executor, groups: QueryGroup[]): Promise<QueryGroup[]> {
  const out: QueryGroup[] = [];
  let changed = false;
  for (const group of groups) {
    if (await matchesAnything(db, [group])) {
      out.push(group);
      continue;
    }
    changed = true;
    const fixed = group.word.includes(' ') ? null : await (dialectOf(db) === 'postgres' ? pgCorrectWord : correctWord)(db, group.word);
    const replacement = fixed ? parseQuery(fixed)[0] : undefined;
    if (replacement && (await matchesAnything(db, [replacement]))) out.push(replacement);
  }
  return changed ? out : groups;
}

/**
 * bm25 strength blended with fuse.js closeness of title and tags to the query: each query word is
 * a fuzzy (Bitap) search over the candidates, and closeness is the mean over words, so a title
 * holding every word in any order beats one holding some (fuse's token search does the same job
 * several times slower).
 */
function rerank(found: readonly Candidate[], words: readonly string[]): (Candidate & { score: number })[] {
  const fuse = new Fuse(found, {
    keys: [
      { name: 'title', weight: 3 },
      { name: 'tags', weight: 1 },
    ],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.3,
    minMatchCharLength: 2,
  });
  const closeness = new Map<number, number>();
  for (const word of words) {
    for (const hit of fuse.search(word))
      closeness.set(hit.item.id, (closeness.get(hit.item.id) ?? 0) + (1 - (hit.score ?? 1)) / words.length);
  }
  return found
    .map((c) => ({ ...c, score: (1 - TITLE_WEIGHT) * c.strength + TITLE_WEIGHT * (closeness.get(c.id) ?? 0) }))
    .sort((a, b) => b.score - a.score || a.rank - b.rank);
}

/** The ranked articles' indexed text, and their bodies for the apostrophes the index dropped. */
async function searchBodies(db: Executor, ids: readonly number[]): Promise<Map<number, { indexed: string; body: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('kb_articles').select(['id', 'search_body', 'body']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { indexed: r.search_body, body: r.body }]));
}

function snippetOf(text: { indexed: string; body: string } | undefined, groups: readonly QueryGroup[]): string {
  return text ? restoreApostrophes(makeSnippet(text.indexed, groups), text.indexed, text.body) : '';
}

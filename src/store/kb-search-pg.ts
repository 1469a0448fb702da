/**
 * KB lookups on PostgreSQL (the twins of kb-fuzzy.ts's fuse.js vocabulary and kb-relevance.ts's and
 * kb-index.ts's per-word lookups; the search itself is ./kb-search-pg-ranked.ts): kb_articles.search_doc
 * (title A, tags B, body C; see src/db/pg/migrations/baseline/search.ts) queried with a tsquery built
 * from the parsed groups (src/domain/ts-query.ts: every lexeme quoted).
 */
import { sql } from 'kysely';
import { editDistance } from '../domain/edit-distance.js';
import type { QueryGroup } from '../domain/kb-query.js';
import { words } from '../domain/kb-text.js';
import { groupsTsQuery } from '../domain/ts-query.js';
import type { Executor } from './executor.js';

const tsquery = (query: string) => sql`to_tsquery('deskline', ${query})`;

export async function pgMatchesAnything(db: Executor, groups: readonly QueryGroup[]): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM kb_articles WHERE search_doc @@ ${tsquery(groupsTsQuery(groups, 'all'))} LIMIT 1`.execute(db);
  return rows.length > 0;
}

/** Ids of the articles (drafts too) matching one group. */
export async function pgArticlesMatching(db: Executor, group: QueryGroup): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    SELECT id FROM kb_articles WHERE search_doc @@ ${tsquery(groupsTsQuery([group], 'all'))}`.execute(db);
  return rows.map((r) => r.id);
}

/** Trigram closeness below which a published title/tag text is not read for candidates. */
const NEAR = 0.3;
const NEAR_ROWS = 200;

/**
 * The closest title/tag word of a published article to `word` within a small edit distance, or null
 * (kb-fuzzy.ts's rule): candidates from the titles and tags closest by trigram word_similarity.
 */
export async function pgCorrectWord(db: Executor, word: string): Promise<string | null> {
  if (word.length < 3) return null;
  const { rows } = await sql<{ title: string; tags: string }>`
    SELECT title, tags FROM kb_articles
    WHERE status = 'published' AND word_similarity(${word}, search_title || ' ' || search_tags) >= ${NEAR}
    ORDER BY word_similarity(${word}, search_title || ' ' || search_tags) DESC, id LIMIT ${NEAR_ROWS}`.execute(db);
  const counts = new Map<string, number>();
  for (const row of rows) {
    for (const w of new Set(words(`${row.title} ${row.tags.replace(/[,-]/g, ' ')}`))) {
      if (w.length >= 3 && !/^\d+$/.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  if (counts.has(word)) return null;
  const allowed = word.length <= 4 ? 1 : 2;
  let best: { word: string; d: number; n: number } | null = null;
  for (const [candidate, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const d = editDistance(word, candidate);
    if (d > allowed) continue;
    if (!best || d < best.d || (d === best.d && n > best.n)) best = { word: candidate, d, n };
  }
  return best?.word ?? null;
}

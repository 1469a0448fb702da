/**
 * The typo fallback for KB search: when a query word finds nothing in the index (`pritner`), it is
 * corrected against the words of published titles and tags with fuse.js, then checked by edit
 * distance (fuse matches substrings; `jam` must not become `pajamas`). The Fuse index is built
 * lazily, once per process and database, and rebuilt only when the articles change. Searching a
 * few thousand distinct words keeps it fast at 50k articles, where a Fuse index over every title
 * would not be.
 */
import Fuse from 'fuse.js';
import { sql } from 'kysely';
import { editDistance } from '../domain/edit-distance.js';
import { words } from '../domain/kb-text.js';
import type { Executor } from './executor.js';

interface Entry {
  word: string;
  /** Published articles whose title or tags hold the word. */
  n: number;
}

interface Vocabulary {
  signature: string;
  fuse: Fuse<Entry>;
}

const cache = new WeakMap<object, Vocabulary>();

/** Changes whenever an article is added, removed or edited. */
async function signature(db: Executor): Promise<string> {
  const row = await sql<{ n: number; at: number | null; id: number | null }>`
    SELECT count(*) AS n, max(updated_at) AS at, max(id) AS id FROM kb_articles`.execute(db);
  const r = row.rows[0]!;
  return `${r.n}:${r.at}:${r.id}`;
}

async function vocabulary(db: Executor): Promise<Vocabulary> {
  const key = await signature(db);
  const cached = cache.get(db);
  if (cached?.signature === key) return cached;
  const rows = await db.selectFrom('kb_articles').select(['title', 'tags']).where('status', '=', 'published').execute();
  const counts = new Map<string, number>();
  for (const row of rows) {
    for (const word of new Set(words(`${row.title} ${row.tags.replace(/[,-]/g, ' ')}`))) {
      if (word.length >= 3 && !/^\d+$/.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const entries = [...counts].map(([word, n]) => ({ word, n }));
  const fuse = new Fuse(entries, { keys: ['word'], includeScore: true, threshold: 0.4, ignoreLocation: true });
  const built = { signature: key, fuse };
  cache.set(db, built);
  return built;
}

/** The closest title/tag word to `word` within a small edit distance, or null. */
export async function correctWord(db: Executor, word: string): Promise<string | null> {
  if (word.length < 3) return null;
  const { fuse } = await vocabulary(db);
  const allowed = word.length <= 4 ? 1 : 2;
  let best: { word: string; d: number; n: number } | null = null;
  for (const { item } of fuse.search(word, { limit: 25 })) {
    if (item.word === word) return null;
    const d = editDistance(word, item.word);
    if (d > allowed) continue;
    if (!best || d < best.d || (d === best.d && item.n > best.n)) best = { word: item.word, d, n: item.n };
  }
  return best?.word ?? null;
}

/**
 * Many articles in one IMMEDIATE transaction, all or nothing, matched on slug: a new slug is
 * created, a known one updated (with a revision) or left alone when nothing differs.
 * Also the starter articles in fixtures/kb/ that a new desk (and the demo seed) loads.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withImmediate } from '../db/immediate.js';
import type { ArticleInput } from '../domain/kb-article.js';
// eslint-disable-next-line import-x/no-restricted-paths -- #12: layer leak, to be removed by the restructure
import { readMarkdownDir } from '../io/markdown-import.js';
import { SYSTEM_ACTOR, type Actor, type Executor } from './executor.js';
import { applyChanges, insertArticle, type KbArticle } from './kb.js';

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

export interface Upserted {
  article: KbArticle;
  outcome: UpsertOutcome;
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  articles: Upserted[];
}

export async function upsertArticles(
  db: Executor,
  inputs: readonly ArticleInput[],
  actor: Actor,
  now = Date.now(),
): Promise<ImportSummary> {
  const articles = await withImmediate(db, async (trx) => {
    const out: Upserted[] = [];
    for (const input of inputs) {
      const row = await trx.selectFrom('kb_articles').selectAll().where('slug', '=', input.slug).executeTakeFirst();
      if (!row) {
        out.push({ article: await insertArticle(trx, input, actor, now, 'import'), outcome: 'created' });
        continue;
      }
      const { slug: _slug, ...changes } = input;
      const article = await applyChanges(trx, row.id, changes, actor, { action: 'import', now });
      out.push({ article, outcome: article.version === row.version ? 'unchanged' : 'updated' });
    }
    return out;
  });
  const count = (o: UpsertOutcome) => articles.filter((a) => a.outcome === o).length;
  return { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), articles };
}

/** The nearest folder above this module holding package.json: the package root, from src/ or dist/. */
export function packageRoot(from = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

export function starterKbDir(): string {
  return join(packageRoot(), 'fixtures', 'kb');
}

/** Loads (or refreshes) the starter articles; safe to run again. */
export async function loadStarterKb(db: Executor, dir = starterKbDir(), actor: Actor = SYSTEM_ACTOR): Promise<ImportSummary> {
  return upsertArticles(
    db,
    readMarkdownDir(dir).map((f) => f.article),
    actor,
  );
}

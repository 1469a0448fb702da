/**
 * Many parsed articles in one IMMEDIATE transaction, all or nothing, matched on slug: a new slug is
 * created, a known one updated (with a revision) or left alone when nothing differs. Reading them
 * from Markdown files is io/'s business (io/kb-import.ts).
 */
import { withImmediate } from '../db/immediate.js';
import type { ArticleInput } from '../domain/kb-article.js';
import type { Actor, Executor } from './executor.js';
import { applyChanges } from './kb-edit.js';
import { insertArticle, type KbArticle } from './kb.js';

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

/**
 * Articles imported from another system (a Confluence space), in one IMMEDIATE transaction, all or
 * nothing, matched on their external id: a new one is created (its slug made unique against the
 * articles already here), a known one updated with a revision, or left alone when nothing differs.
 * An updated article keeps its slug, so links to it (`kb:<slug>`, ticket links) stay valid.
 */
import { withImmediate } from '../db/immediate.js';
import type { ArticleInput } from '../domain/kb-article.js';
import type { Actor, Executor } from './executor.js';
import { applyChanges } from './kb-edit.js';
import { insertArticle } from './kb.js';
import type { ImportSummary, Upserted } from './kb-upsert.js';

export interface ExternalArticle {
  externalId: string;
  article: ArticleInput;
}

export async function upsertExternalArticles(
  db: Executor,
  items: readonly ExternalArticle[],
  actor: Actor,
  now = Date.now(),
): Promise<ImportSummary> {
  const articles = await withImmediate(db, async (trx) => {
    const out: Upserted[] = [];
    for (const { externalId, article: input } of items) {
      const row = await trx.selectFrom('kb_articles').select(['id', 'version']).where('external_id', '=', externalId).executeTakeFirst();
      if (row) {
        const { slug: _slug, ...changes } = input;
        const article = await applyChanges(trx, row.id, changes, actor, { action: 'import', now });
        out.push({ article, outcome: article.version === row.version ? 'unchanged' : 'updated' });
        continue;
      }
      const slug = await freeSlug(trx, input.slug, externalId);
      const created = await insertArticle(trx, { ...input, slug }, actor, now, 'import', `imported from ${externalId}`);
      await trx.updateTable('kb_articles').set({ external_id: externalId }).where('id', '=', created.id).execute();
      out.push({ article: { ...created, slug }, outcome: 'created' });
    }
    return out;
  });
  const count = (o: Upserted['outcome']) => articles.filter((a) => a.outcome === o).length;
  return { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), articles };
}

/** `slug`, or `slug-<id>` (then `-2`, `-3` …) when an article here already has it. */
async function freeSlug(trx: Executor, slug: string, externalId: string): Promise<string> {
  const taken = async (s: string) =>
    (await trx.selectFrom('kb_articles').select('id').where('slug', '=', s).executeTakeFirst()) !== undefined;
  if (!(await taken(slug))) return slug;
  const base = `${slug}-${externalId.replace(/^.*:/, '')}`;
  let candidate = base;
  for (let n = 2; await taken(candidate); n++) candidate = `${base}-${n}`;
  return candidate;
}

/**
 * Many parsed articles in one IMMEDIATE transaction, all or nothing, matched on slug: a new slug is
 * created, a known one updated (with a revision) or left alone when nothing differs. Reading them
 * from Markdown files is io/'s business (io/kb-import.ts).
 */
import { withImmediate } from '../db/immediate.js';
import type { ArticleInput } from '../domain/kb-article.js';
import type { Actor, Executor } from './executor.js';
import { applyChanges } from './kb-edit.js';
import { articleRow, toArticle, type KbArticle } from './kb.js';

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

/** Articles per multi-row INSERT (17 columns each, well under SQLite's limit on parameters). */
const ROWS_PER_INSERT = 200;
/** Slugs per lookup. */
const SLUGS_PER_READ = 500;

/**
 * In bulk: the known slugs read in a few queries, the new articles and their first revisions written with
 * multi-row inserts (row at a time, 10k Markdown files took minutes); known ones compared and updated one by one.
 */
export async function upsertArticles(
  db: Executor,
  inputs: readonly ArticleInput[],
  actor: Actor,
  now = Date.now(),
): Promise<ImportSummary> {
  const articles = await withImmediate(db, async (trx) => {
    const known = new Map<string, number>();
    const slugs = [...new Set(inputs.map((i) => i.slug))];
    for (let i = 0; i < slugs.length; i += SLUGS_PER_READ) {
      const rows = await trx
        .selectFrom('kb_articles')
        .select(['id', 'slug'])
        .where('slug', 'in', slugs.slice(i, i + SLUGS_PER_READ))
        .execute();
      for (const r of rows) known.set(r.slug, r.id);
    }
    // The first input of a new slug creates it; a later one with the same slug updates what it created.
    const fresh = new Map<string, ArticleInput>();
    for (const input of inputs) if (!known.has(input.slug) && !fresh.has(input.slug)) fresh.set(input.slug, input);
    const created = await insertMany(trx, [...fresh.values()], actor, now);
    const out: Upserted[] = [];
    for (const input of inputs) {
      const made = fresh.get(input.slug) === input ? created.get(input.slug) : undefined;
      if (made) {
        out.push({ article: made, outcome: 'created' });
        continue;
      }
      const id = known.get(input.slug) ?? created.get(input.slug)!.id;
      const before = (await trx.selectFrom('kb_articles').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
      const { slug: _slug, ...changes } = input;
      const article = await applyChanges(trx, id, changes, actor, { action: 'import', now });
      out.push({ article, outcome: article.version === before ? 'unchanged' : 'updated' });
    }
    return out;
  });
  const count = (o: UpsertOutcome) => articles.filter((a) => a.outcome === o).length;
  return { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), articles };
}

async function insertMany(trx: Executor, inputs: readonly ArticleInput[], actor: Actor, now: number): Promise<Map<string, KbArticle>> {
  const out = new Map<string, KbArticle>();
  for (let i = 0; i < inputs.length; i += ROWS_PER_INSERT) {
    const rows = await trx
      .insertInto('kb_articles')
      .values(inputs.slice(i, i + ROWS_PER_INSERT).map((input) => articleRow(input, actor, now)))
      .returningAll()
      .execute();
    await trx
      .insertInto('kb_revisions')
      .values(
        rows.map((row) => ({
          article_id: row.id,
          version: 1,
          action: 'import',
          actor: actor.name,
          at: now,
          old_title: null,
          old_body: null,
          note: null,
        })),
      )
      .execute();
    for (const row of rows) out.set(row.slug, toArticle(row));
  }
  return out;
}

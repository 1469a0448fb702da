/** Changing a KB article: compare-and-set on `version`, one kb_revisions row holding the title and body as they were. */
import { withImmediate } from '../db/immediate.js';
import type { ArticleInput } from '../domain/kb-article.js';
import { searchColumns } from '../domain/kb-text.js';
import { EXIT, fail } from '../errors.js';
import type { Actor, Executor } from './executor.js';
import { getArticle, type KbArticle } from './kb.js';

export type ArticleChanges = Partial<Omit<ArticleInput, 'slug'>>;

const FIELDS = ['title', 'body', 'category', 'tags', 'audience', 'status'] as const;

export interface UpdateOptions {
  /** Compare-and-set: fail with a conflict when the article moved on since it was read. */
  expectedVersion?: number;
  action?: string;
  now?: number;
}

/** Changes an article; a no-op (nothing differs) writes nothing and returns it unchanged. */
export async function updateArticle(
  db: Executor,
  id: number,
  changes: ArticleChanges,
  actor: Actor,
  options: UpdateOptions = {},
): Promise<KbArticle> {
  return withImmediate(db, (trx) => applyChanges(trx, id, changes, actor, options));
}

/** The update inside the caller's transaction. */
export async function applyChanges(
  trx: Executor,
  id: number,
  changes: ArticleChanges,
  actor: Actor,
  options: UpdateOptions = {},
): Promise<KbArticle> {
  const before = await getArticle(trx, id);
  if (options.expectedVersion !== undefined && before.version !== options.expectedVersion) {
    fail(
      EXIT.conflict,
      `KB article ${before.slug} changed since you opened it (version ${options.expectedVersion} → ${before.version}): nothing saved`,
    );
  }
  const after = { ...before, ...definedOnly(changes) };
  const changed = FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
  if (changed.length === 0) return before;
  const now = options.now ?? Date.now();
  const result = await trx
    .updateTable('kb_articles')
    .set({
      title: after.title,
      body: after.body,
      category: after.category,
      tags: after.tags.join(','),
      audience: after.audience,
      status: after.status,
      updated_at: now,
      version: before.version + 1,
      ...searchColumns(after),
    })
    .where('id', '=', id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) fail(EXIT.conflict, `KB article ${before.slug} changed while saving: nothing saved`);
  await trx
    .insertInto('kb_revisions')
    .values({
      article_id: id,
      version: before.version + 1,
      action: options.action ?? 'edit',
      actor: actor.name,
      at: now,
      old_title: before.title,
      old_body: before.body,
      note: describeChanges(before, after, changed),
    })
    .execute();
  return getArticle(trx, id);
}

function definedOnly(changes: ArticleChanges): ArticleChanges {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as ArticleChanges;
}

function describeChanges(before: KbArticle, after: KbArticle, fields: readonly (typeof FIELDS)[number][]): string {
  const show = (v: unknown) => String(v) || '—';
  return fields.map((f) => (f === 'body' || f === 'title' ? f : `${f} ${show(before[f])} → ${show(after[f])}`)).join('; ');
}

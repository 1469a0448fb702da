/* eslint-disable max-lines -- #12: over 200 lines, to be split by the restructure */
/**
 * KB articles: create, read, change. Every change bumps `version` (compare-and-set) and writes a
 * kb_revisions row holding the title and body as they were before it. The `search_*` columns the
 * FTS5 triggers read are written here with every change (src/domain/kb-text.ts).
 */
import type { KbArticleRow, KbRevisionRow } from '../db/schema.js';
import { withImmediate } from '../db/immediate.js';
import type { ArticleInput, KbAudience, KbStatus } from '../domain/kb-article.js';
import { searchColumns } from '../domain/kb-text.js';
import { EXIT, fail } from '../errors.js';
import type { Actor, Executor } from './executor.js';

/** A stored article: the validated input plus who wrote it, when, and how it is used. */
export interface KbArticle extends ArticleInput {
  id: number;
  author: string;
  author_id: number | null;
  created_at: number;
  updated_at: number;
  view_count: number;
  helped_count: number;
  version: number;
}

export type ArticleChanges = Partial<Omit<ArticleInput, 'slug'>>;

const FIELDS = ['title', 'body', 'category', 'tags', 'audience', 'status'] as const;

export function toArticle(row: KbArticleRow): KbArticle {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    body: row.body,
    category: row.category,
    tags: row.tags ? row.tags.split(',') : [],
    audience: row.audience as KbAudience,
    status: row.status as KbStatus,
    author: row.author_name,
    author_id: row.author_id,
    created_at: row.created_at,
    updated_at: row.updated_at,
    view_count: row.view_count,
    helped_count: row.helped_count,
    version: row.version,
  };
}

/** By id (`12`, `KB-12`) or slug. */
export async function findArticle(db: Executor, ref: string | number): Promise<KbArticle | null> {
  const text = String(ref).trim();
  const id = /^(?:kb-)?\d{1,15}$/i.test(text) ? Number(text.replace(/^kb-/i, '')) : null;
  const query = db.selectFrom('kb_articles').selectAll();
  const row = await (id !== null ? query.where('id', '=', id) : query.where('slug', '=', text.toLowerCase())).executeTakeFirst();
  return row ? toArticle(row) : null;
}

export async function getArticle(db: Executor, ref: string | number): Promise<KbArticle> {
  return (await findArticle(db, ref)) ?? fail(EXIT.notFound, `no KB article '${ref}' (see 'deskline kb search')`);
}

/** A slug not yet taken: `slug`, then `slug-2`, `slug-3` … */
export async function freeSlug(db: Executor, slug: string): Promise<string> {
  const taken = new Set(
    (
      await db
        .selectFrom('kb_articles')
        .select('slug')
        .where((eb) => eb.or([eb('slug', '=', slug), eb('slug', 'like', `${slug}-%`)]))
        .execute()
    ).map((r) => r.slug),
  );
  if (!taken.has(slug)) return slug;
  let n = 2;
  while (taken.has(`${slug}-${n}`)) n++;
  return `${slug}-${n}`;
}

/** Creates one article (a free slug is chosen when the wanted one is taken). */
export async function createArticle(db: Executor, input: ArticleInput, actor: Actor, now = Date.now()): Promise<KbArticle> {
  return withImmediate(db, async (trx) => insertArticle(trx, { ...input, slug: await freeSlug(trx, input.slug) }, actor, now));
}

/** Inserts inside the caller's transaction; the slug must be free. */
export async function insertArticle(
  trx: Executor,
  input: ArticleInput,
  actor: Actor,
  now: number,
  action = 'create',
  note: string | null = null,
): Promise<KbArticle> {
  const row = await trx
    .insertInto('kb_articles')
    .values({
      slug: input.slug,
      title: input.title,
      body: input.body,
      category: input.category,
      tags: input.tags.join(','),
      audience: input.audience,
      status: input.status,
      author_id: actor.id,
      author_name: actor.name,
      created_at: now,
      updated_at: now,
      ...searchColumns(input),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('kb_revisions')
    .values({ article_id: row.id, version: 1, action, actor: actor.name, at: now, old_title: null, old_body: null, note })
    .execute();
  return toArticle(row);
}

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

export async function articleRevisions(db: Executor, articleId: number): Promise<KbRevisionRow[]> {
  return db.selectFrom('kb_revisions').selectAll().where('article_id', '=', articleId).orderBy('id').execute();
}

/** Every article, in category then slug order (for export). */
export async function listArticles(db: Executor, filter: { status?: KbStatus } = {}): Promise<KbArticle[]> {
  let query = db.selectFrom('kb_articles').selectAll().orderBy('category').orderBy('slug');
  if (filter.status) query = query.where('status', '=', filter.status);
  return (await query.execute()).map(toArticle);
}

/** Counts a read (`kb show`); a counter, not a change: no revision, no version bump. */
export async function recordView(db: Executor, id: number): Promise<void> {
  await db
    .updateTable('kb_articles')
    .set((eb) => ({ view_count: eb('view_count', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/**
 * KB articles: create and read (changes: ./kb-edit.ts). Every change bumps `version` (compare-and-set) and writes a
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

/** The fields a list of articles shows, from a row (or a search candidate) of kb_articles. */
export function articleFields(row: Pick<KbArticleRow, 'id' | 'slug' | 'title' | 'category' | 'tags' | 'audience' | 'status'>) {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    category: row.category,
    tags: row.tags ? row.tags.split(',') : [],
    audience: row.audience as KbAudience,
    status: row.status as KbStatus,
  };
}

export function toArticle(row: KbArticleRow): KbArticle {
  return {
    ...articleFields(row),
    body: row.body,
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

/** A new article's row (its slug must be free). */
export function articleRow(input: ArticleInput, actor: Actor, now: number) {
  return {
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
  };
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
    .values(articleRow(input, actor, now))
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('kb_revisions')
    .values({ article_id: row.id, version: 1, action, actor: actor.name, at: now, old_title: null, old_body: null, note })
    .execute();
  return toArticle(row);
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

export type ArticleSummary = ReturnType<typeof articleFields> & { updated_at: number };

/** Articles for a listing (`kb list`), most recently updated first, without their bodies; and how many match. */
export async function articleSummaries(
  db: Executor,
  filter: { limit: number; category?: string; status?: KbStatus },
): Promise<{ articles: ArticleSummary[]; total: number }> {
  let query = db.selectFrom('kb_articles');
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.status) query = query.where('status', '=', filter.status);
  const [rows, count] = await Promise.all([
    query
      .select(['id', 'slug', 'title', 'category', 'tags', 'audience', 'status', 'updated_at'])
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { articles: rows.map((r) => ({ ...articleFields(r), updated_at: r.updated_at })), total: Number(count.n) };
}

/** How many articles the knowledge base holds (the console's welcome screen says so). */
export async function countArticles(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('kb_articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Counts a read (`kb show`); a counter, not a change: no revision, no version bump. */
export async function recordView(db: Executor, id: number): Promise<void> {
  await db
    .updateTable('kb_articles')
    .set((eb) => ({ view_count: eb('view_count', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** JSON shapes and terminal lines for KB articles and search results (no store, no fuse, no marked). */
import type { KbArticle } from '../store/kb.js';
import type { KbSearchResult } from '../store/kb-search.js';
import type { Ctx } from './context.js';
import { cleanLine, iso, paint, table } from './format.js';

export function articleJson(a: KbArticle, withBody = true): Record<string, unknown> {
  return {
    id: a.id,
    slug: a.slug,
    title: a.title,
    category: a.category,
    tags: a.tags,
    audience: a.audience,
    status: a.status,
    author: a.author,
    views: a.view_count,
    helped: a.helped_count,
    version: a.version,
    created_at: iso(a.created_at),
    updated_at: iso(a.updated_at),
    ...(withBody ? { body: a.body } : {}),
  };
}

export function resultJson(r: KbSearchResult & { linked?: boolean }): Record<string, unknown> {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    category: r.category,
    tags: r.tags,
    audience: r.audience,
    status: r.status,
    score: r.score,
    snippet: r.snippet,
    ...(r.linked === undefined ? {} : { linked: r.linked }),
  };
}

/** `«word»` marks as bold yellow on a colour terminal, plain words otherwise. */
export function highlight(ctx: Ctx, snippet: string): string {
  const text = cleanLine(snippet);
  return text.replace(/«([^»]*)»/g, (_, word: string) => (ctx.color ? paint(true, 'yellow', paint(true, 'bold', word)) : `[${word}]`));
}

/** Results as a numbered list: id, slug, title, then the snippet indented. */
export function printResults(ctx: Ctx, results: readonly (KbSearchResult & { linked?: boolean })[]): void {
  const width = ctx.io.stdout.columns ?? 100;
  for (const [i, r] of results.entries()) {
    const mark = r.linked ? paint(ctx.color, 'green', ' (linked)') : '';
    const draft = r.status === 'draft' ? paint(ctx.color, 'gray', ' [draft]') : '';
    ctx.out(`${String(i + 1).padStart(2)}. ${paint(ctx.color, 'bold', cleanLine(r.title))}${draft}${mark}`);
    ctx.out(paint(ctx.color, 'gray', `    KB-${r.id}  ${r.slug}  ·  ${r.category}${r.tags.length ? `  ·  ${r.tags.join(', ')}` : ''}`));
    if (r.snippet) ctx.out(`    ${highlight(ctx, fit(r.snippet, Math.max(40, width - 4)))}`);
  }
}

/** Shortens a snippet to about `max` visible characters without cutting a mark in half. */
function fit(snippet: string, max: number): string {
  if (snippet.replace(/[«»]/g, '').length <= max) return snippet;
  let out = '';
  let visible = 0;
  for (const ch of snippet) {
    if (ch !== '«' && ch !== '»' && ++visible > max - 1) break;
    out += ch;
  }
  return `${out}${(out.match(/«/g)?.length ?? 0) > (out.match(/»/g)?.length ?? 0) ? '»' : ''}…`;
}

export function articleTable(ctx: Ctx, articles: readonly KbArticle[]): string {
  return table(
    ['ID', 'SLUG', 'STATUS', 'CATEGORY', 'TITLE'],
    articles.map((a) => [`KB-${a.id}`, a.slug, a.status, a.category, cleanLine(a.title)]),
    { maxWidth: ctx.io.stdout.columns ?? 120 },
  );
}

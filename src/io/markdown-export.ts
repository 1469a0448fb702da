/**
 * Writes KB articles as `<category>/<slug>.md` with front matter, the inverse of
 * markdown-import.ts: exporting and importing again changes nothing.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleInput } from '../domain/kb-article.js';
import { EXIT, fail } from '../errors.js';
import { makePrivateFolder } from '../private-files.js';
import { formatMarkdown } from './markdown-front-matter.js';

export function articleFile(article: ArticleInput): string {
  return formatMarkdown(
    { title: article.title, category: article.category, tags: article.tags, audience: article.audience, status: article.status },
    article.body,
  );
}

/** Writes every article; returns the relative paths written. Existing files of the same name are replaced. */
export function writeMarkdownDir(dir: string, articles: readonly ArticleInput[]): string[] {
  const written: string[] = [];
  try {
    for (const article of articles) {
      const folder = join(dir, article.category);
      makePrivateFolder(folder);
      const path = join(folder, `${article.slug}.md`);
      const partial = `${path}.tmp-${process.pid}`;
      writeFileSync(partial, articleFile(article), { mode: 0o600 });
      renameSync(partial, path);
      written.push(`${article.category}/${article.slug}.md`);
    }
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    return fail(EXIT.invalid, `cannot write to ${dir}: ${err.code ?? err.message}`);
  }
  return written;
}

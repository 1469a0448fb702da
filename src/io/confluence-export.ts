/**
 * A Confluence space HTML export folder read into KB article input, every page before any write:
 * each page becomes one article (Markdown through ./confluence-markdown.ts), its category the section
 * of the page tree it sits in (the page under the space home that it is, or is below), its external
 * id `confluence:<page id>` so that importing the export again updates the same articles. Pages that
 * cannot be read are listed with the reason, not thrown: the caller decides (all or nothing).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { validateArticle, type ArticleInput } from '../domain/kb-article.js';
import { slugify } from '../domain/kb-text.js';
import { InputError } from '../domain/ticket-input.js';
import { EXIT, fail } from '../errors.js';
import { pageMarkdown } from './confluence-markdown.js';
import { PageError, pageIdOf, readPage, spaceNameOf, type ConfluencePage } from './confluence-page.js';

export interface ConfluenceArticle {
  file: string;
  externalId: string;
  article: ArticleInput;
  /** Attachment paths the page refers to, and those of them the export does not hold. */
  attachments: string[];
  missingAttachments: string[];
}

export interface Unconverted {
  file: string;
  reason: string;
}

export interface ConfluenceExport {
  space: string | null;
  articles: ConfluenceArticle[];
  unconverted: Unconverted[];
}

export function readConfluenceExport(dir: string): ConfluenceExport {
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    return fail(EXIT.notFound, `no folder ${dir}`);
  }
  if (!isDir) fail(EXIT.invalid, `${dir} is not a folder (give the folder a Confluence space HTML export unpacks to)`);
  const files = readdirSync(dir)
    .filter((f) => pageIdOf(f) !== null)
    .sort();
  if (files.length === 0) fail(EXIT.invalid, `no Confluence pages in ${dir} (expected index.html and Title_12345.html files)`);
  const index = join(dir, 'index.html');
  const space = existsSync(index) ? spaceNameOf(readFileSync(index, 'utf8')) : null;

  const pages: Array<{ file: string; page: ConfluencePage }> = [];
  const unconverted: Unconverted[] = [];
  for (const file of files) {
    try {
      pages.push({ file, page: readPage(file, decode(readFileSync(join(dir, file))), space) });
    } catch (error) {
      if (!(error instanceof PageError)) throw error;
      unconverted.push({ file, reason: error.message });
    }
  }
  const slugOf = uniqueSlugs(pages.map((p) => p.page));
  const linkOf = (file: string) => {
    const id = pageIdOf(file);
    return id === null ? null : (slugOf.get(id) ?? null);
  };
  const articles: ConfluenceArticle[] = [];
  for (const { file, page } of pages) {
    try {
      const article = validateArticle({
        slug: slugOf.get(page.id),
        title: page.title,
        body: pageMarkdown(page.body, linkOf),
        category: categoryOf(page),
        tags: ['confluence'],
      });
      const missingAttachments = page.attachments.filter((a) => !existsSync(join(dir, a)));
      articles.push({ file, externalId: `confluence:${page.id}`, article, attachments: page.attachments, missingAttachments });
    } catch (error) {
      if (!(error instanceof InputError) && !(error instanceof PageError)) throw error;
      unconverted.push({ file, reason: error.message });
    }
  }
  return { space, articles, unconverted };
}

/** The section of the page tree: the page right under the space home that this page is, or is below. */
export function categoryOf(page: Pick<ConfluencePage, 'title' | 'ancestors'>): string {
  const section = page.ancestors.length >= 2 ? page.ancestors[1]! : page.ancestors.length === 1 ? page.title : null;
  return (section && slugify(section, 40)) || 'general';
}

/** A slug per page id from its title; titles that give the same slug (or none) get the page id added. */
function uniqueSlugs(pages: readonly ConfluencePage[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const p of pages) count.set(slugify(p.title), (count.get(slugify(p.title)) ?? 0) + 1);
  return new Map(
    pages.map((p) => {
      const slug = slugify(p.title);
      return [p.id, slug && count.get(slug) === 1 ? slug : `${slug || 'page'}-${p.id}`];
    }),
  );
}

function decode(bytes: Buffer): string {
  if (bytes.length === 0) throw new PageError('the file is empty');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PageError('it is not valid UTF-8 text');
  }
}

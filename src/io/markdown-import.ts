/**
 * Reads a folder of Markdown articles into validated KB input, all files before any write.
 * Per file: front matter `title`, `category`, `tags`, `audience`, `status` (other keys ignored);
 * else the title is the first `# heading` or the file name and the category the top folder.
 * The slug is the file name, so re-importing a file updates its article. A folder's README.md
 * describes the folder, not a help topic: it is skipped (and reported). Any problem is one
 * error naming the file and line (exit 4).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { firstHeading, titleFromName, validateArticle, type ArticleInput, type RawArticle } from '../domain/kb-article.js';
import { slugify } from '../domain/kb-text.js';
import { InputError } from '../domain/ticket-input.js';
import { EXIT, fail } from '../errors.js';
import { MarkdownError, parseMarkdown } from './markdown-front-matter.js';

export interface MarkdownFile {
  /** Path relative to the imported folder, with `/` separators. */
  path: string;
  article: ArticleInput;
}

const EXTENSIONS = /\.(md|markdown)$/i;
const README = /^readme\.(md|markdown)$/i;
const KEYS = ['title', 'category', 'tags', 'audience', 'status'] as const;

/** `onSkipped` hears of each README.md left out (its path relative to `dir`). */
export function readMarkdownDir(dir: string, onSkipped: (path: string) => void = () => {}): MarkdownFile[] {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    return fail(EXIT.notFound, `no folder ${dir}`);
  }
  if (!stat.isDirectory()) fail(EXIT.invalid, `${dir} is not a folder (kb import takes a folder of .md files)`);
  const found = walk(dir).map((p) => relative(dir, p).split(sep).join('/'));
  const paths = found.filter((path) => !README.test(basename(path)));
  if (paths.length === 0) fail(EXIT.invalid, `no Markdown (.md) files in ${dir}${found.length ? ' besides README.md' : ''}`);
  for (const path of found) if (!paths.includes(path)) onSkipped(path);
  const files = paths.map((path) => ({ path, article: readArticle(join(dir, path), path) }));
  const bySlug = new Map<string, string>();
  for (const file of files) {
    const other = bySlug.get(file.article.slug);
    if (other) fail(EXIT.invalid, `${file.path}:1: slug '${file.article.slug}' is also the slug of ${other} (rename one file)`);
    bySlug.set(file.article.slug, file.path);
  }
  return files;
}

function walk(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path);
    return entry.isFile() && EXTENSIONS.test(entry.name) ? [path] : [];
  });
}

/** One file as article input; `shown` is the name used in error messages. */
export function readArticle(file: string, shown: string): ArticleInput {
  const folders = shown.split('/').slice(0, -1);
  const name = basename(shown).replace(EXTENSIONS, '');
  return parseArticle(decode(readFileSync(file), shown), shown, {
    slug: slugify(name) || undefined,
    fallbackTitle: titleFromName(name),
    base: { category: folders.length ? slugify(folders[0]!, 40) || 'general' : 'general' },
  });
}

export interface ParseOptions {
  /** Slug when none is given (import: the file name; else from the title). */
  slug?: string;
  /** Title when neither front matter nor a `# heading` gives one. */
  fallbackTitle?: string;
  /** Values used when the front matter has none (import: the folder's category; edit: the article as it is). */
  base?: Omit<RawArticle, 'title' | 'body' | 'slug'>;
  /** Values that win over the front matter (command-line flags). */
  overrides?: RawArticle;
}

/** Markdown text (front matter optional) as validated article input; errors name `shown` and the line. */
export function parseArticle(text: string, shown: string, options: ParseOptions = {}): ArticleInput {
  let parsed;
  try {
    parsed = parseMarkdown(text);
  } catch (error) {
    if (error instanceof MarkdownError) fail(EXIT.invalid, `${shown}:${error.line}: ${error.message}`);
    throw error;
  }
  const { data, lines, body } = parsed;
  const front = Object.fromEntries(KEYS.filter((k) => data[k] !== undefined && data[k] !== null).map((k) => [k, data[k]]));
  const given = Object.fromEntries(Object.entries(options.overrides ?? {}).filter(([, v]) => v !== undefined));
  const raw: RawArticle = { slug: options.slug, ...options.base, ...front, ...given, body };
  raw.title ??= firstHeading(body) ?? options.fallbackTitle;
  if (raw.title === undefined)
    fail(EXIT.invalid, `${shown}:1: title: missing (give --title, a title: line in front matter, or a # heading)`);
  try {
    return validateArticle(raw);
  } catch (error) {
    if (error instanceof InputError) {
      const line = error.field in given ? null : (lines[error.field] ?? 1);
      fail(EXIT.invalid, line === null ? `--${error.message}` : `${shown}:${line}: ${error.message}`);
    }
    throw error;
  }
}

function decode(bytes: Buffer, shown: string): string {
  if (bytes.includes(0)) fail(EXIT.invalid, `${shown}:1: not a text file (it contains NUL bytes)`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = bytes.toString('utf8');
    const line = text.slice(0, Math.max(0, text.indexOf('\ufffd'))).split('\n').length;
    return fail(EXIT.invalid, `${shown}:${line}: not valid UTF-8 text`);
  }
}

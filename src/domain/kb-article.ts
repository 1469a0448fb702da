/** KB article vocabulary and input validation. Pure. */
import { checkText } from './text-rules.js';
import { InputError } from './ticket-input.js';
import { longerThan } from './graphemes.js';
import { normaliseTags, slugify } from './kb-text.js';

export const KB_AUDIENCES = ['internal', 'public'] as const;
export type KbAudience = (typeof KB_AUDIENCES)[number];

export const KB_STATUSES = ['draft', 'published'] as const;
export type KbStatus = (typeof KB_STATUSES)[number];

export const MAX_KB_TITLE = 200;
export const MAX_KB_BODY = 200_000;

/** A validated article as the store writes it. */
export interface ArticleInput {
  slug: string;
  title: string;
  body: string;
  category: string;
  tags: string[];
  audience: KbAudience;
  status: KbStatus;
}

/** Loose fields as they arrive from flags, front matter or JSON. */
export interface RawArticle {
  slug?: unknown;
  title?: unknown;
  body?: unknown;
  category?: unknown;
  tags?: unknown;
  audience?: unknown;
  status?: unknown;
}

export interface ArticleDefaults {
  category?: string;
  audience?: KbAudience;
  status?: KbStatus;
}

/** Validates and normalises; throws InputError naming the field. */
export function validateArticle(raw: RawArticle, defaults: ArticleDefaults = {}): ArticleInput {
  const title = text(raw.title, 'title').replace(/\s+/g, ' ').trim();
  if (!title) throw new InputError('title', 'must not be empty');
  if (longerThan(title, MAX_KB_TITLE)) throw new InputError('title', `must be at most ${MAX_KB_TITLE} characters`);
  const body = raw.body === undefined || raw.body === null ? '' : tidyBody(text(raw.body, 'body'));
  checkText('title', title, 'line');
  checkText('body', body, 'text');
  if (longerThan(body, MAX_KB_BODY)) throw new InputError('body', `must be at most ${MAX_KB_BODY} characters`);
  const slug = raw.slug === undefined || raw.slug === null ? slugify(title) : slugify(text(raw.slug, 'slug'));
  if (!slug) throw new InputError('slug', 'must contain a letter or digit');
  const category =
    raw.category === undefined || raw.category === null ? (defaults.category ?? 'general') : slugify(text(raw.category, 'category'), 40);
  if (!category) throw new InputError('category', 'must contain a letter or digit');
  return {
    slug,
    title,
    body,
    category,
    tags: tags(raw.tags),
    audience: oneOf(raw.audience, 'audience', KB_AUDIENCES, defaults.audience ?? 'internal'),
    status: oneOf(raw.status, 'status', KB_STATUSES, defaults.status ?? 'published'),
  };
}

/** LF line ends, no leading blank lines, no trailing white space: what a Markdown file gives back. */
export function tidyBody(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .replace(/\s+$/, '');
}

function text(value: unknown, field: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw new InputError(field, `must be text (got ${describe(value)})`);
}

function tags(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return normaliseTags(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return normaliseTags(value.map(String));
  }
  throw new InputError('tags', `must be a list of words or a comma-separated string (got ${describe(value)})`);
}

function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === null || value === '') return fallback;
  const v = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  throw new InputError(field, `must be one of ${allowed.join(', ')} (got ${describe(value)})`);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value.slice(0, 40)}'`;
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'a mapping' : String(value);
}

/** The first `# heading` of a Markdown body, if any. */
export function firstHeading(markdown: string): string | null {
  let fenced = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = fenced ? null : /^#[ \t]+(.+?)[ \t#]*$/.exec(line);
    if (m) return m[1]!.trim();
  }
  return null;
}

/** `vpn-split-tunnel` → `Vpn split tunnel` (title from a file name). */
export function titleFromName(name: string): string {
  const spaced = name
    .replace(/\.[^.]+$/, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return spaced ? spaced[0]!.toUpperCase() + spaced.slice(1) : 'Untitled';
}

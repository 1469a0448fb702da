/**
 * KB text normalisation, the same rules for what is indexed and what is searched:
 * compatibility forms folded, apostrophes dropped (`can't` → `cant`), accents and case folded
 * (by the tokenizer's `remove_diacritics 2` on the index side, by `words()` on the query side).
 * Pure.
 */

/** ' ’ ‘ ʼ ` ´ ′: all the ways an apostrophe arrives. */
export const APOSTROPHES = /['\u2018\u2019\u02bc`\u00b4\u2032]/g;
/** Snippet markers: never present in indexed text, so the marks found in a snippet are ours. */
export const MARK_OPEN = '«';
export const MARK_CLOSE = '»';
const MARKS = /[«»]/g;

/** Index side: folded and apostrophe-free, case and accents kept for readable snippets. */
export function indexText(text: string): string {
  return text.normalize('NFKC').replace(APOSTROPHES, '').replace(MARKS, '"');
}

/** Query side: lower-case words, accents stripped, apostrophes dropped; everything else splits. */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** NFKD, combining marks removed, lower case, apostrophes dropped. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(APOSTROPHES, '');
}

/**
 * A URL- and file-safe slug: `Can't print (4th floor)` → `cant-print-4th-floor`. A longer one is cut at
 * the last word that fits in `max` (a single word longer than that is cut where it must).
 */
export function slugify(text: string, max = 60): string {
  const slug = fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const end = slug.lastIndexOf('-', max);
  return (end > 0 ? slug.slice(0, end) : slug.slice(0, max)).replace(/-+$/, '');
}

/** Tag slugs from a list or a comma/space-separated string, deduplicated, order kept. */
export function normaliseTags(input: readonly string[] | string): string[] {
  const parts = typeof input === 'string' ? input.split(/[,\s]+/) : input.flatMap((t) => t.split(','));
  return [...new Set(parts.map((t) => slugify(t, 40)).filter(Boolean))];
}

/**
 * Markdown as plain text for the index and snippets: no heading/emphasis/code markers, links
 * reduced to their text, HTML tags dropped; list items and blocks separated by ` · `.
 */
export function markdownToPlain(markdown: string): string {
  const blocks: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) blocks.push(current.trim());
    current = '';
  };
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(raw) || /^\s*([-*_]\s*){3,}$/.test(raw) || /^\s*\|?[\s:|-]+\|[\s:|-]*$/.test(raw)) {
      flush();
      continue;
    }
    const startsBlock = /^\s*(#{1,6}\s|[-*+]\s|\d+[.)]\s|>|\|)/.test(raw);
    const line = inline(raw.replace(/^\s*(#{1,6}\s+|[-*+]\s+(\[[ xX]\]\s+)?|\d+[.)]\s+|>\s?)/, ''));
    if (!line.trim()) {
      flush();
      continue;
    }
    if (startsBlock) flush();
    current += `${current ? ' ' : ''}${line.trim()}`;
    if (/^\s*#{1,6}\s/.test(raw)) flush();
  }
  flush();
  return blocks.join(' · ');
}

/** Inline Markdown to text; each rule runs only when its marker is present (bulk imports of 50k articles). */
function inline(text: string): string {
  let out = text;
  if (out.includes('](')) out = out.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
  if (out.includes('<')) out = out.replace(/<\/?[A-Za-z][^>]*>/g, ' ');
  if (out.includes('`') || out.includes('**') || out.includes('__') || out.includes('~~')) out = out.replace(/(\*\*|__|~~|`)/g, '');
  if (out.includes('*') || out.includes('_')) out = out.replace(/(^|[\s(])[*_]([^*_\s][^*_]*)[*_](?=[\s).,;:!?]|$)/g, '$1$2');
  if (out.includes('|')) out = out.replace(/\s*\|\s*/g, ' ');
  return /\s\s|\t/.test(out) ? out.replace(/\s+/g, ' ') : out;
}

export interface SearchColumns {
  search_title: string;
  search_tags: string;
  search_body: string;
}

/**
 * The `search_*` columns stored beside an article for the FTS5 index. A leading `# heading` that
 * repeats the title is left out of the body: the title column already counts it, ten times over.
 */
export function searchColumns(article: { title: string; tags: readonly string[]; body: string }): SearchColumns {
  const heading = /^\s*#[ \t]+(.+?)[ \t#]*(?:\n|$)/.exec(article.body);
  const body = heading && fold(heading[1]!) === fold(article.title) ? article.body.slice(heading[0].length) : article.body;
  return {
    search_title: indexText(article.title),
    search_tags: article.tags.map((t) => t.replace(/-/g, ' ')).join(' '),
    search_body: indexText(markdownToPlain(body)),
  };
}

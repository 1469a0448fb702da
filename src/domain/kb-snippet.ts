/**
 * Search snippets: the stretch of an article's indexed text with the most query words, matched
 * words between « and ». Computed here rather than with FTS5 snippet(): that re-runs the whole
 * MATCH (every prefix term's doclist merged again) for each article shown, which at 50k articles
 * cost more than the search itself. Matching follows the index: folded words, prefix terms,
 * phrases as consecutive words. Pure.
 */
import type { QueryGroup } from './kb-query.js';
import { locateAscii, locateTokens, type Token } from './kb-snippet-locate.js';
import { MARK_CLOSE, MARK_OPEN } from './kb-text.js';

const WORD = /[\p{L}\p{N}]+/gu;
/** A letter or digit outside ASCII: only then does a word need the Unicode split and folding. */
const WIDE_WORD = /(?![\x00-\x7f])[\p{L}\p{N}]/u;
const ASCII_GAPS = /([^A-Za-z0-9]+)/;
/** Every letter and digit of `text` is ASCII. */
const plainText = (text: string) => !(/[^\x00-\x7f]/.test(text) && WIDE_WORD.test(text));

/**
 * The text's words with their folded form. Text whose letters and digits are all ASCII (most
 * articles) is split by one native regex and only lower-cased: the same words, at a fraction of
 * the cost of a Unicode match and fold per word, which dominated a search's own time.
 */
export function tokenize(text: string): Token[] {
  if (!plainText(text)) return tokenizeWide(text);
  const out: Token[] = [];
  const parts = text.split(ASCII_GAPS);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i % 2 === 0 && part) out.push({ start: at, end: at + part.length, folded: part.toLowerCase() });
    at += part.length;
  }
  return out;
}

/** Every word by the Unicode rule (letters and digits of any script, folded: `Café` → `cafe`). */
export function tokenizeWide(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const folded = /^[A-Za-z0-9]*$/.test(raw) ? raw.toLowerCase() : raw.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    out.push({ start: m.index!, end: m.index! + raw.length, folded });
  }
  return out;
}

/** About `size` words of `text` around the best cluster of matches, each match marked. */
export function makeSnippet(text: string, groups: readonly QueryGroup[], size = 16): string {
  const words = plainText(text) ? locateAscii(text, groups) : null;
  const { n, matches, startOf, endOf } = words ?? locateTokens(tokenize(text), groups);
  if (n === 0) return '';
  // Each match's window (from 3 words before it) scored by distinct groups, then matches, inside it.
  // Matches come in word order, so each window's matches are a run from the first at or after its start.
  let best = { start: 0, score: -1 };
  let from = 0;
  const seenIn = new Int32Array(groups.length); // the last window (1-based) that counted each group
  for (let w = 0; w < matches.length; w++) {
    const start = Math.max(0, Math.min(matches[w]!.first - 3, n - size));
    while (matches[from]!.first < start) from++;
    let score = 0;
    for (let i = from; i < matches.length && matches[i]!.first < start + size; i++) {
      const x = matches[i]!;
      if (x.last >= start + size) continue;
      score += seenIn[x.group] === w + 1 ? 1 : 1001;
      seenIn[x.group] = w + 1;
    }
    if (score > best.score) best = { start, score };
  }
  const end = Math.min(n, best.start + size) - 1;
  const to = endOf(end);
  let out = '';
  let at = startOf(best.start);
  for (const m of matches) {
    if (m.first < best.start || m.last > end || m.start < at) continue;
    out += `${text.slice(at, m.start)}${MARK_OPEN}${text.slice(m.start, m.end)}${MARK_CLOSE}`;
    at = m.end;
  }
  out += text.slice(at, to);
  const tail = end < n - 1 ? '…' : text.slice(to).trimEnd();
  return `${best.start > 0 ? '…' : ''}${out}${tail}`.replace(/\s+/g, ' ');
}

const APOSTROPHE = /['\u2019\u02bc]/g;
const LETTER = /[\p{L}\p{N}]/u;

/**
 * A snippet of the indexed text (which has no apostrophes: `cant` matches `can't`) with the apostrophes
 * of the article's own text put back: "VPN won't connect", not "VPN wont connect". A word is restored
 * only when the article writes it with an apostrophe every time (`its` stays when `its` and `it's` both occur).
 */
export function restoreApostrophes(snippet: string, indexed: string, source: string): string {
  if (!/['\u2019\u02bc]/.test(source)) return snippet;
  const forms = new Map<string, { form: string; count: number }>();
  for (const word of apostropheWords(source)) {
    const bare = word.replace(APOSTROPHE, '');
    const seen = forms.get(bare);
    forms.set(bare, { form: seen?.form ?? word, count: (seen?.count ?? 0) + 1 });
  }
  return snippet.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const found = forms.get(word);
    return found && occurrences(indexed, word) <= found.count ? found.form : word;
  });
}

/** Words written with an apostrophe inside (`won't`), found from the apostrophes: a long article is not tokenised whole. */
function* apostropheWords(text: string): Generator<string> {
  for (const m of text.matchAll(APOSTROPHE)) {
    let start = m.index;
    let end = m.index + 1;
    while (start > 0 && LETTER.test(text[start - 1]!)) start--;
    while (end < text.length && LETTER.test(text[end]!)) end++;
    if (start < m.index && end > m.index + 1) yield text.slice(start, end);
  }
}

/** How often `word` stands as a whole word in `text`. */
function occurrences(text: string, word: string): number {
  let count = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
    const before = text[at - 1];
    const after = text[at + word.length];
    if (!(before && LETTER.test(before)) && !(after && LETTER.test(after))) count++;
  }
  return count;
}

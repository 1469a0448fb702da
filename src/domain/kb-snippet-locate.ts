/**
 * Where a snippet's query terms stand in an article's text, in words: how many words it has, each
 * match's first and last word (and characters), and where any word starts and ends. Two ways to the
 * same answer: every word tokenised and compared (any text), or, when the text's letters and digits
 * are all ASCII and every term's words are plain `[a-z0-9]` (most articles and queries), one native
 * regex per query group over the lower-cased text, words counted natively, and only the few words a
 * snippet's edges need walked to. The second skips a JavaScript step per word of the article, which
 * was most of a search's own time. Pure.
 */
import type { QueryGroup } from './kb-query.js';

export interface Token {
  start: number;
  end: number;
  folded: string;
}

export interface Match {
  first: number;
  last: number;
  group: number;
  /** Characters: where the first word starts and the last one ends. */
  start: number;
  end: number;
}

export interface Located {
  /** Words in the text. */
  n: number;
  /** In word order, then group order; a group matches at most once per word. */
  matches: Match[];
  startOf(word: number): number;
  endOf(word: number): number;
}

/** Every term compared at every word whose first letter one could start with. */
export function locateTokens(tokens: readonly Token[], groups: readonly QueryGroup[]): Located {
  const terms = groups.flatMap((group, g) => group.terms.map((t) => ({ words: t.text.split(' '), prefix: t.prefix, group: g })));
  const starts = new Set(terms.map((t) => t.words[0]![0]));
  const hits = (token: Token | undefined, word: string, prefix: boolean) =>
    token !== undefined && (prefix ? token.folded.startsWith(word) : token.folded === word);
  const matches: Match[] = [];
  const done = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (!starts.has(tokens[i]!.folded[0])) continue;
    done.clear();
    for (const { words, prefix, group } of terms) {
      if (done.has(group)) continue;
      const last = words.length - 1;
      let ok = true;
      for (let k = 0; ok && k <= last; k++) ok = hits(tokens[i + k], words[k]!, prefix && k === last);
      if (!ok) continue;
      matches.push({ first: i, last: i + last, group, start: tokens[i]!.start, end: tokens[i + last]!.end });
      done.add(group);
    }
  }
  return { n: tokens.length, matches, startOf: (k) => tokens[k]!.start, endOf: (k) => tokens[k]!.end };
}

const PLAIN = /^[a-z0-9]+$/;
const WORDS = /[a-z0-9]+/g;
const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
const countWords = (text: string, from: number, to: number) => (from < to ? (text.slice(from, to).match(WORDS)?.length ?? 0) : 0);

/** `(?=(term|term…))` at each word start: the group's first term (in order) that matches there, as one alternation. */
function groupPattern(group: QueryGroup): RegExp | null {
  const terms: string[] = [];
  for (const t of group.terms) {
    const words = t.text.split(' ');
    if (!words.every((w) => PLAIN.test(w))) return null;
    terms.push(`${words.join('[^a-z0-9]+')}${t.prefix ? '[a-z0-9]*' : '(?![a-z0-9])'}`);
  }
  return new RegExp(`(?<![a-z0-9])(?=(${terms.join('|')}))`, 'g');
}

/** Null when a term has a word outside `[a-z0-9]` or lower case changes the text's length (then: locateTokens). */
export function locateAscii(text: string, groups: readonly QueryGroup[]): Located | null {
  const patterns = groups.map(groupPattern);
  const lower = text.toLowerCase();
  if (patterns.includes(null) || lower.length !== text.length) return null;
  const found: (Match & { words: number })[] = [];
  patterns.forEach((re, group) => {
    for (const m of lower.matchAll(re!)) {
      const term = m[1]!;
      found.push({ first: 0, last: 0, group, start: m.index, end: m.index + term.length, words: countWords(term, 0, term.length) });
    }
  });
  found.sort((a, b) => a.start - b.start || a.group - b.group);
  let before = 0;
  let at = 0;
  for (const f of found) {
    before += countWords(lower, at, f.start);
    at = f.start;
    f.first = before;
    f.last = before + f.words - 1;
  }
  const n = before + countWords(lower, at, lower.length);
  const first = lower.search(/[a-z0-9]/);
  // Known word starts to walk from: the first word, each match's, and the end of the text (as word n).
  const anchors = [{ word: 0, at: first }, ...found.map((f) => ({ word: f.first, at: f.start })), { word: n, at: lower.length }];
  const startOf = (k: number): number => {
    let below = anchors[0]!;
    let above = anchors[anchors.length - 1]!;
    for (const a of anchors) {
      if (a.word <= k && a.word >= below.word) below = a;
      if (a.word >= k && a.word < above.word) above = a;
    }
    if (k - below.word <= above.word - k) {
      const re = new RegExp(WORDS.source, 'g');
      re.lastIndex = below.at;
      for (let w = below.word; w < k; w++) re.exec(lower);
      return re.exec(lower)!.index;
    }
    let i = above.at;
    for (let w = above.word; w > k; w--) {
      i--;
      while (i > 0 && !isWordChar(lower.charCodeAt(i))) i--;
      while (i > 0 && isWordChar(lower.charCodeAt(i - 1))) i--;
    }
    return i;
  };
  const endOf = (k: number): number => {
    const re = new RegExp(WORDS.source, 'y');
    re.lastIndex = startOf(k);
    return re.lastIndex + re.exec(lower)![0].length;
  };
  return { n, matches: found.map(({ words: _, ...m }) => m), startOf, endOf };
}

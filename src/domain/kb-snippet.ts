/**
 * Search snippets: the stretch of an article's indexed text with the most query words, matched
 * words between « and ». Computed here rather than with FTS5 snippet(): that re-runs the whole
 * MATCH (every prefix term's doclist merged again) for each article shown, which at 50k articles
 * cost more than the search itself. Matching follows the index: folded words, prefix terms,
 * phrases as consecutive words. Pure.
 */
import type { QueryGroup } from './kb-query.js';
import { MARK_CLOSE, MARK_OPEN } from './kb-text.js';

interface Token {
  start: number;
  end: number;
  folded: string;
}

const WORD = /[\p{L}\p{N}]+/gu;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const folded = /^[A-Za-z0-9]*$/.test(raw) ? raw.toLowerCase() : raw.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    out.push({ start: m.index!, end: m.index! + raw.length, folded });
  }
  return out;
}

interface Match {
  first: number;
  last: number;
  group: number;
}

function findMatches(tokens: readonly Token[], groups: readonly QueryGroup[]): Match[] {
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
      matches.push({ first: i, last: i + last, group });
      done.add(group);
    }
  }
  return matches;
}

/** About `size` words of `text` around the best cluster of matches, each match marked. */
export function makeSnippet(text: string, groups: readonly QueryGroup[], size = 16): string {
  const tokens = tokenize(text);
  if (tokens.length === 0) return '';
  const matches = findMatches(tokens, groups);
  let best = { start: 0, score: -1 };
  for (const m of matches) {
    const start = Math.max(0, Math.min(m.first - 3, tokens.length - size));
    const inside = matches.filter((x) => x.first >= start && x.last < start + size);
    const score = new Set(inside.map((x) => x.group)).size * 1000 + inside.length;
    if (score > best.score) best = { start, score };
  }
  const end = Math.min(tokens.length, best.start + size) - 1;
  const from = tokens[best.start]!.start;
  const to = tokens[end]!.end;
  let out = '';
  let at = from;
  for (const m of matches) {
    if (m.first < best.start || m.last > end || tokens[m.first]!.start < at) continue;
    out += `${text.slice(at, tokens[m.first]!.start)}${MARK_OPEN}${text.slice(tokens[m.first]!.start, tokens[m.last]!.end)}${MARK_CLOSE}`;
    at = tokens[m.last]!.end;
  }
  out += text.slice(at, to);
  const tail = end < tokens.length - 1 ? '…' : text.slice(to).trimEnd();
  return `${best.start > 0 ? '…' : ''}${out}${tail}`.replace(/\s+/g, ' ');
}

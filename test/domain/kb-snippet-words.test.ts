/**
 * The snippet's word split and matching: text whose letters and digits are all ASCII takes fast
 * paths (one native split, lower-cased; the terms found by one regex per group); they must find
 * exactly the words, places, folded forms and matches the Unicode rule and the word-by-word
 * comparison find, and text with a letter or digit outside ASCII must take the Unicode rule.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QueryGroup } from '../../src/domain/kb-query.js';
import { locateAscii, locateTokens, type Located } from '../../src/domain/kb-snippet-locate.js';
import { makeSnippet, tokenize, tokenizeWide } from '../../src/domain/kb-snippet.js';

const ASCII_TEXT = fc.string({ unit: fc.constantFrom(...'aZq09 -.,:;\'"\\/()«»·…’—\t\n'.split('')), maxLength: 80 });
const ANY_TEXT = fc.string({ unit: fc.constantFrom(...'aZ09 -.·é É ñ ß 二 ² ١ İ ǅ ’'.split('')), maxLength: 60 });

const VOCABULARY = ['print', 'printer', 'Printers', 'jam', 'JAMS', 'paper', 'a', 'ab', 'x1', '42', 'stuck'];
const SEPARATORS = [' ', ' ', '. ', '-', ' · ', '’', '\n', '…'];
const TEXT = fc
  .array(fc.tuple(fc.constantFrom(...VOCABULARY), fc.constantFrom(...SEPARATORS)), { maxLength: 60 })
  .map((parts) => parts.flat().join(''));
const TERM = fc.record({
  text: fc
    .array(fc.constantFrom('print', 'printer', 'jam', 'jams', 'paper', 'a', 'x', '4', 'stuck'), { minLength: 1, maxLength: 2 })
    .map((w) => w.join(' ')),
  prefix: fc.boolean(),
});
const GROUPS = fc.array(
  fc.array(TERM, { minLength: 1, maxLength: 3 }).map((terms): QueryGroup => ({ word: terms[0]!.text, terms })),
  { minLength: 1, maxLength: 3 },
);
const everything = (l: Located) => ({ n: l.n, matches: l.matches, words: [...Array(l.n).keys()].map((k) => [l.startOf(k), l.endOf(k)]) });

/** The snippet as first written (every word compared, each window's matches filtered anew): the oracle for the faster one. */
function plainSnippet(text: string, groups: readonly QueryGroup[], size = 16): string {
  const { n, matches, startOf, endOf } = locateTokens(tokenizeWide(text), groups);
  if (n === 0) return '';
  let best = { start: 0, score: -1 };
  for (const m of matches) {
    const start = Math.max(0, Math.min(m.first - 3, n - size));
    const inside = matches.filter((x) => x.first >= start && x.last < start + size);
    const score = new Set(inside.map((x) => x.group)).size * 1000 + inside.length;
    if (score > best.score) best = { start, score };
  }
  const end = Math.min(n, best.start + size) - 1;
  let [out, at] = ['', startOf(best.start)];
  for (const m of matches) {
    if (m.first < best.start || m.last > end || m.start < at) continue;
    [out, at] = [`${out}${text.slice(at, m.start)}«${text.slice(m.start, m.end)}»`, m.end];
  }
  out += text.slice(at, endOf(end));
  return `${best.start > 0 ? '…' : ''}${out}${end < n - 1 ? '…' : text.slice(endOf(end)).trimEnd()}`.replace(/\s+/g, ' ');
}

describe('snippet words', () => {
  it('cuts the snippet the word-by-word way cuts it', () => {
    fc.assert(
      fc.property(TEXT, GROUPS, fc.constantFrom(2, 3, 5, 16), (text, groups, size) => {
        expect(makeSnippet(text, groups, size)).toBe(plainSnippet(text, groups, size));
      }),
      { numRuns: 1000 },
    );
  });

  it('finds the matches and word places by regex that the word-by-word comparison finds', () => {
    fc.assert(
      fc.property(TEXT, GROUPS, (text, groups) => {
        expect(everything(locateAscii(text, groups)!)).toEqual(everything(locateTokens(tokenizeWide(text), groups)));
      }),
      { numRuns: 400 },
    );
  });

  it('splits text of ASCII words as the Unicode rule does', () => {
    fc.assert(
      fc.property(ASCII_TEXT, (text) => {
        expect(tokenize(text)).toEqual(tokenizeWide(text));
      }),
      { numRuns: 500 },
    );
  });

  it('folds words outside ASCII as the index does (accents off, lower case)', () => {
    expect(tokenize('Résumé the CAFÉ · naïve ²').map((t) => t.folded)).toEqual(['resume', 'the', 'cafe', 'naive', '2']);
    fc.assert(
      fc.property(ANY_TEXT, (text) => {
        expect(tokenize(text)).toEqual(tokenizeWide(text));
      }),
      { numRuns: 500 },
    );
  });
});

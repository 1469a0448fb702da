/**
 * The snippet's word split: text whose letters and digits are all ASCII takes a fast path (one
 * native split, lower-cased); it must find exactly the words, places and folded forms the Unicode
 * rule finds, and text with a letter or digit outside ASCII must take the Unicode rule.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, tokenizeWide } from '../../src/domain/kb-snippet.js';

const ASCII_TEXT = fc.string({ unit: fc.constantFrom(...'aZq09 -.,:;\'"\\/()«»·…’—\t\n'.split('')), maxLength: 80 });
const ANY_TEXT = fc.string({ unit: fc.constantFrom(...'aZ09 -.·é É ñ ß 二 ² ١ İ ǅ ’'.split('')), maxLength: 60 });

describe('snippet words', () => {
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

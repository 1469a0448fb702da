/**
 * Grapheme counting in windows (domain/graphemes.ts) agrees with segmenting the whole text at once,
 * whatever falls on a window's edge, and a 50 MB title is judged too long at once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphemeCount, graphemes, longerThan } from '../../src/domain/graphemes.js';

const whole = (text: string) => Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment);

/** Pieces whose clusters span code points: flags, ZWJ families, skin tones, combining marks, Hangul jamo, Indic conjuncts, lone surrogates. */
const PIECES = [
  'a',
  'é',
  'e\u0301',
  '👍🏽',
  '👨‍👩‍👧',
  '🇫🇷',
  '🇩🇪',
  '\r\n',
  '\ud83d',
  '\udc4d',
  'x\u0301\u0302\u0303',
  '\u0915\u094d',
  '\u0937',
  '\u200d',
  '\u1100',
  '\u1161',
  '\u11a8',
  ' ',
];

describe('graphemes', () => {
  it('splits any text as one pass of Intl.Segmenter does, across window edges', () => {
    const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 900 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(graphemes(t)).toEqual(whole(t));
        expect(graphemeCount(t)).toBe(whole(t).length);
      }),
      { numRuns: 300 },
    );
  });

  it('widens the window for one cluster longer than it', () => {
    expect(graphemes(`x${'\u0301'.repeat(3000)}y`)).toHaveLength(2);
  });

  it('counts only as far as the limit: the first 201 of 50 MB are enough', () => {
    const huge = 'x'.repeat(50 * 1024 * 1024);
    expect(longerThan(huge, 200)).toBe(true);
    expect(longerThan('👨‍👩‍👧'.repeat(200), 200)).toBe(false);
    expect(longerThan('👨‍👩‍👧'.repeat(201), 200)).toBe(true);
  });
});

/**
 * How many terminal cells text takes, for the CLI's tables and the console alike (one answer for the
 * same text everywhere): CJK and emoji take two cells, combining marks and zero-width characters none.
 * ASCII and NARROW text are counted (no grapheme segmentation, no emoji pattern); anything else goes
 * to string-width. Input is sanitised text (no escapes).
 */
import stringWidth from 'string-width';

/**
 * Characters that always take one terminal cell on their own (Latin, Greek, Cyrillic, punctuation,
 * arrows, maths, box drawing, shapes, ✓ ✗ ⏎): a string of only these is as wide as its code point
 * count. test/tui/string-width-fast.test.ts checks every one of them against string-width.
 */
export const NARROW =
  /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0377\u037a-\u037f\u0384-\u038a\u038c\u038e-\u03a1\u03a3-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e\u2100-\u2187\u2190-\u21ff\u2200-\u22ff\u23ce\u2500-\u25fc\u2713-\u2717]*$/;

const ASCII = /^[\x20-\x7e]*$/;

/** The width of a string that matched NARROW: its code points (a surrogate pair counts once). */
export function narrowWidth(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) n += (text.charCodeAt(i) & 0xfc00) === 0xdc00 ? 0 : 1;
  return n;
}

/** Display width in terminal cells. */
export function displayWidth(text: string): number {
  if (ASCII.test(text)) return text.length;
  if (NARROW.test(text)) return narrowWidth(text);
  return stringWidth(text);
}

import fc from 'fast-check';
import realStringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { NARROW } from '../../src/domain/display-width.js';
import stringWidth from '../../src/tui/string-width-fast.js';

/** Every code point up to U+FFFF that NARROW accepts on its own. */
const narrowCodePoints = Array.from({ length: 0x10000 }, (_, cp) => cp).filter((cp) => NARROW.test(String.fromCodePoint(cp)));

describe('string-width stand-in of the console bundle', () => {
  it('every NARROW character is one cell to the real string-width, alone and styled', () => {
    expect(narrowCodePoints.length).toBeGreaterThan(1900);
    const wrong = narrowCodePoints.filter((cp) => {
      const c = String.fromCodePoint(cp);
      return realStringWidth(c) !== 1 || realStringWidth(`\u001b[1m${c}\u001b[22m`) !== 1;
    });
    expect(wrong.map((cp) => cp.toString(16))).toEqual([]);
  });

  it('agrees with the real string-width on any text, ANSI styling and options included (property)', () => {
    const narrow = fc.constantFrom(...narrowCodePoints).map((cp) => String.fromCodePoint(cp));
    const other = fc.constantFrom(
      '漢',
      '字',
      '👩‍💻',
      '✅',
      'e\u0301',
      '\t',
      '\u200d',
      '\ufe0f',
      '\u001b[1m',
      '\u001b[22m',
      '\u001b[38;5;203m',
      '\u009b0m',
    );
    const text = fc
      .array(fc.oneof({ weight: 5, arbitrary: narrow }, { weight: 1, arbitrary: other }), { maxLength: 24 })
      .map((a) => a.join(''));
    const options = fc.record({ ambiguousIsNarrow: fc.boolean(), countAnsiEscapeCodes: fc.boolean() }, { requiredKeys: [] });
    fc.assert(
      fc.property(text, options, (s, o) => stringWidth(s, o) === realStringWidth(s, o)),
      { numRuns: 3000 },
    );
  });

  it('counts the frames the console draws without the real one', () => {
    expect(stringWidth('▸ HD-7  ✓ ─│ Printer jams…')).toBe(26);
    expect(stringWidth('\u001b[1m▸\u001b[22m HD-7')).toBe(6);
    expect(stringWidth('')).toBe(0);
  });
});

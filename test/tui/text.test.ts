import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { NARROW } from '../../src/domain/display-width.js';
import { fit, truncate, width, wrap } from '../../src/tui/text/text.js';

describe('display width', () => {
  it('counts CJK and emoji as two cells and marks as none', () => {
    expect(width('abc')).toBe(3);
    expect(width('漢字')).toBe(4);
    expect(width('👩‍💻x')).toBe(3);
    expect(width('e\u0301')).toBe(1);
    expect(width('‼ ○ ✓ ─│▸ ⏎')).toBe(11);
  });

  it('agrees with string-width on its fast path (property)', () => {
    const narrow = fc
      .integer({ min: 0x20, max: 0x25ff })
      .map((cp) => String.fromCodePoint(cp))
      .filter((c) => NARROW.test(c));
    fc.assert(
      fc.property(
        fc.array(narrow, { maxLength: 20 }).map((a) => a.join('')),
        (s) => width(s) === stringWidth(s),
      ),
      { numRuns: 3000 },
    );
  });

  it('truncates and pads by cells, never splitting a wide character', () => {
    expect(truncate('Printer jams on floor 4', 10)).toBe('Printer j…');
    expect(truncate('漢字漢字漢字', 7)).toBe('漢字漢…');
    expect(width(fit('漢字漢字漢字', 8))).toBe(8);
    expect(fit('ab', 4, 'right')).toBe('  ab');
  });

  it('wraps words to a width and splits words longer than a line', () => {
    expect(wrap('the quick brown fox', 10)).toEqual(['the quick', 'brown fox']);
    expect(wrap('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
    expect(wrap('one\n\ntwo', 10)).toEqual(['one', '', 'two']);
  });
});

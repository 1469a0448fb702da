import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeLine, sanitizeText } from '../../src/domain/sanitize.js';

// Anything a terminal would act on: ESC, C0 but \n/\t, DEL, C1, bidi embeddings/overrides/isolates.
const FORBIDDEN_LINE = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
const FORBIDDEN_TEXT = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/** Strings rich in the characters that matter: escapes, controls, bidi, CJK, emoji, plain text. */
const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom('\x1b', '\x1b[', '\x1b]', '\x07', '\x1b\\', '\x9b', '\x9d', '\x9c', '\x90', '\r', '\n', '\t', '\x00', '\x7f', '\x85'),
      fc.constantFrom('\u202e', '\u2066', '\u2069', '\u200d', '\ufeff', '\u2028', '漢', '👍🏽', 'é', '[31m', ']0;x', ';', 'P', '\\'),
      fc.string({ unit: 'binary', maxLength: 4 }),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('sanitizeLine', () => {
  it('removes CSI, OSC and DCS sequences whole', () => {
    expect(sanitizeLine('\x1b]0;pwned\x07\x1b[2J evil')).toBe(' evil');
    expect(sanitizeLine('a\x1b[1;31mred\x1b[0mb')).toBe('aredb');
    expect(sanitizeLine('x\x1bP1$r\x1b\\y')).toBe('xy');
    expect(sanitizeLine('link \x1b]8;;http://evil\x1b\\text\x1b]8;;\x1b\\')).toBe('link text');
    expect(sanitizeLine('c1 \x9b2J csi')).toBe('c1  csi');
  });

  it('turns breaks and tabs into spaces and drops controls and bidi overrides', () => {
    expect(sanitizeLine('one\r\ntwo\tthree\nfour')).toBe('one two three four');
    expect(sanitizeLine('abc\u202edcba\u2066x\u2069')).toBe('abcdcbax');
    expect(sanitizeLine('bell\x07 nul\x00 del\x7f')).toBe('bell nul del');
  });

  it('keeps ordinary text, CJK, emoji and zero-width joiners', () => {
    expect(sanitizeLine('VPN 漢字 👩‍💻 café')).toBe('VPN 漢字 👩‍💻 café');
  });

  it('never lets a control through and is idempotent (property)', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const out = sanitizeLine(s);
        expect(out).not.toMatch(FORBIDDEN_LINE);
        expect(sanitizeLine(out)).toBe(out);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('sanitizeText', () => {
  it('keeps line breaks, normalises CR and expands tabs to stops of 4', () => {
    expect(sanitizeText('a\r\nb\rc\n\td\tx')).toBe('a\nb\nc\n    d   x');
  });

  it('strips escapes across lines', () => {
    expect(sanitizeText('line1\x1b[2J\nline2\x1b]0;t\x07')).toBe('line1\nline2');
  });

  it('never lets a control through, keeps only \\n, and is idempotent (property)', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const out = sanitizeText(s);
        expect(out).not.toMatch(FORBIDDEN_TEXT);
        expect(sanitizeText(out)).toBe(out);
      }),
      { numRuns: 2000 },
    );
  });
});

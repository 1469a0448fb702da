import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeLine, sanitizeText } from '../../src/domain/sanitize.js';
import { hostileText, unsafeIn } from '../helpers/hostile-text.js';

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
    expect(sanitizeLine('🏳️\u200d🌈 👍🏽\u200d👍')).toBe('🏳️\u200d🌈 👍🏽\u200d👍');
  });

  it('removes invisible format characters: ZWSP, LRM/RLM, U+0600–0605 and the rest of Cf (issue 13.10)', () => {
    expect(sanitizeLine('pass\u200bword')).toBe('password');
    expect(sanitizeLine('\u200eleft\u200f right\u061c')).toBe('left right');
    expect(sanitizeLine('\u0600\u0601\u0602\u0603\u0604\u0605num')).toBe('num');
    expect(sanitizeLine('soft\u00adhyphen wo\u2060rd \u{e0041}tag \ufff9ann')).toBe('softhyphen word tag ann');
    expect(sanitizeText('a\u200b\nb\u200e')).toBe('a\nb');
  });

  it('keeps a ZWJ only between emoji', () => {
    expect(sanitizeLine('a\u200db 👩\u200d x\u200d💻 \u200d👩')).toBe('ab 👩 x💻 👩');
  });

  it('never lets a control through and is idempotent (property)', () => {
    fc.assert(
      fc.property(hostileText, (s) => {
        const out = sanitizeLine(s);
        return unsafeIn(out, false) === null && sanitizeLine(out) === out;
      }),
      { numRuns: 1000 },
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
      fc.property(hostileText, (s) => {
        const out = sanitizeText(s);
        return unsafeIn(out, true) === null && sanitizeText(out) === out;
      }),
      { numRuns: 1000 },
    );
  });
});

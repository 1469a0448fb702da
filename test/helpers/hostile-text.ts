/**
 * Hostile text for property tests of the sanitiser (test/domain/sanitize.test.ts, and 100,000
 * cases in `npm run stress`): escapes, controls, bidi and invisible format characters mixed with
 * CJK, emoji sequences and plain text; and what must never come out.
 */
import fc from 'fast-check';

const PIECES = [
  ['\x1b', '\x1b[', '\x1b]', '\x07', '\x1b\\', '\x9b', '\x9d', '\x9c', '\x90', '\r', '\n', '\t', '\x00', '\x7f', '\x85'],
  ['\u202e', '\u2066', '\u2069', '\u200d', '\ufeff', '\u2028', '漢', '👍🏽', 'é', '[31m', ']0;x', ';', 'P', '\\'],
  ['\u200b', '\u200c', '\u200e', '\u200f', '\u0600', '\u0605', '\u061c', '\u00ad', '\u2060', '\u2064', '\u{e0041}', '\u{1d173}', '\ufff9'],
  ['👩', '💻', '\u{1f3fd}', '\ufe0f', '❤', '🏳', '\u200d', '👩\u200d💻', '🏳️\u200d🌈'],
];

export const hostileText = fc
  .array(fc.oneof(...PIECES.map((p) => fc.constantFrom(...p)), fc.string({ unit: 'binary', maxLength: 4 }), fc.string({ maxLength: 6 })), {
    maxLength: 30,
  })
  .map((parts) => parts.join(''));

/** Controls a terminal acts on (\n allowed when `multiLine`); and Cf, but a ZWJ between emoji. */
const CONTROL_LINE = /[\x00-\x1f\x7f-\x9f]/;
const CONTROL_TEXT = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;
const FORMAT =
  /(?!\u200d)\p{Cf}|(?<!\p{Extended_Pictographic}(?:[\u{1f3fb}-\u{1f3ff}]|\ufe0f)?)\u200d|\u200d(?!\p{Extended_Pictographic})/u;

/** What in `out` should not be there, or null. */
export function unsafeIn(out: string, multiLine: boolean): string | null {
  const hit = (multiLine ? CONTROL_TEXT : CONTROL_LINE).exec(out) ?? FORMAT.exec(out);
  return hit ? `U+${hit[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${hit.index}` : null;
}

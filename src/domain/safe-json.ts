/**
 * JSON for a terminal or a pipe: JSON.stringify, then every character a terminal could act on or
 * that hides text (DEL, C1 controls such as U+009B CSI and U+009D OSC, line/paragraph separators,
 * bidi and other format characters) written as a \uXXXX escape. The document means the same;
 * JSON.stringify already escapes C0 controls and lone surrogates.
 */
const UNSAFE = /[\u007f-\u009f\u2028\u2029]|\p{Cf}/gu;

const escapeUnits = (chars: string) =>
  Array.from({ length: chars.length }, (_, i) => `\\u${chars.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');

export function safeJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(UNSAFE, escapeUnits);
}

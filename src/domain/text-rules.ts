/**
 * What text Deskline accepts, for every write path (flags, JSON, stdin, files, the console's forms):
 * valid UTF-8, no NUL, no lone surrogate, and no line break in a one-line field (titles, names,
 * emails). A refusal names the field and exits 4 (InputError is a DesklineError with EXIT.invalid).
 */
import { DesklineError, EXIT } from '../errors.js';

export class InputError extends DesklineError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(EXIT.invalid, `${field}: ${message}`);
    this.name = 'InputError';
  }
}

/** `line`: one line (a title, a name); `text`: several lines allowed (a description, a reply). */
export type TextKind = 'line' | 'text';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Any surrogate: a cheap scan first, as most text has none (an import checks every description). */
const SURROGATE = /[\ud800-\udfff]/;
const LINE_BREAK = /[\r\n\u2028\u2029\x85\v\f]/;

/** Why `value` cannot be stored, or null when it can. */
export function textProblem(value: string, kind: TextKind): string | null {
  if (value.includes('\0')) return 'contains a NUL character';
  if (SURROGATE.test(value) && LONE_SURROGATE.test(value)) return 'contains a lone surrogate (not valid Unicode)';
  if (kind === 'line' && LINE_BREAK.test(value)) return 'must be one line (it contains a line break)';
  return null;
}

/** `value` when it can be stored; else an InputError naming `field`. */
export function checkText<T extends string | null | undefined>(field: string, value: T, kind: TextKind): T {
  const problem = typeof value === 'string' ? textProblem(value, kind) : null;
  if (problem) throw new InputError(field, problem);
  return value;
}

/** Bytes read from a file or stdin as text; invalid UTF-8 is refused (never turned into U+FFFD). */
export function decodeUtf8(bytes: Uint8Array, source: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(source, `is not valid UTF-8 text (first bad byte at offset ${firstBadByte(bytes)})`);
  }
}

/** The offset where decoding first fails: the longest prefix that decodes (a sequence may be cut at its end), by halving. */
export function firstBadByte(bytes: Uint8Array): number {
  const decodes = (n: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (decodes(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The query language's lexer: terms, quoted strings, field values; and its error type and hints.
 * Pure (dates and durations: ./query-literals.ts). Every error is a QueryError with a 1-based column (in code points) into the input.
 */

export class QueryError extends Error {
  constructor(
    readonly reason: string,
    readonly column: number,
    readonly hint = '',
  ) {
    super(`${escapeControls(reason)} at column ${column}${hint ? ` (${escapeControls(hint)})` : ''}`);
    this.name = 'QueryError';
  }
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const escapeControls = (text: string) => text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** User text as an error message quotes it: on one line, control characters escaped, at most 40 characters. */
export function shown(text: string): string {
  const chars = [...escapeControls(text)];
  return `'${chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : chars.join('')}'`;
}

/** One value of a field term; `at` is its index in the input. */
export interface Item {
  text: string;
  at: number;
}

export type Token =
  | { kind: 'field'; negated: boolean; at: number; name: string; nameAt: number; items: Item[] }
  | { kind: 'text'; negated: boolean; at: number; text: string };

const SPACE = /\s/;
const FIELD_NAME = /([A-Za-z_][A-Za-z0-9_]*):/y;

/** Splits a query into terms. `-` negates; `"…"` quotes (with `\"` and `\\`); `,` separates a field's values. */
export function lex(input: string): Token[] {
  const err = (reason: string, at: number, hint?: string) => new QueryError(reason, columnOf(input, at), hint);
  const tokens: Token[] = [];
  let i = 0;
  const quoted = (): string => {
    const open = i++;
    let out = '';
    while (i < input.length && input[i] !== '"') {
      if (input[i] === '\\' && (input[i + 1] === '"' || input[i + 1] === '\\')) i++;
      out += input[i++];
    }
    if (i >= input.length) throw err('unclosed quote', open, 'add the closing "');
    i++;
    return out;
  };
  const bare = (stop: RegExp): string => {
    const start = i;
    while (i < input.length && !stop.test(input[i]!)) i++;
    return input.slice(start, i);
  };
  while (i < input.length) {
    if (SPACE.test(input[i]!)) {
      i++;
      continue;
    }
    const at = i;
    const negated = input[i] === '-';
    if (negated) {
      i++;
      if (i >= input.length || SPACE.test(input[i]!)) throw err("nothing after '-'", at, 'write -word, -"phrase" or -field:value');
    }
    if (input[i] === '"') {
      const textAt = i;
      const text = quoted();
      if (text === '') throw err('empty phrase', textAt);
      tokens.push({ kind: 'text', negated, at, text });
    } else {
      FIELD_NAME.lastIndex = i;
      const m = FIELD_NAME.exec(input);
      if (m) tokens.push(field(at, negated, m));
      else tokens.push({ kind: 'text', negated, at, text: bare(/[\s"]/) });
    }
    if (i < input.length && !SPACE.test(input[i]!)) {
      throw err(`unexpected ${shown(String.fromCodePoint(input.codePointAt(i)!))}`, i, 'put a space between terms');
    }
  }
  function field(at: number, negated: boolean, m: RegExpExecArray): Token {
    const nameAt = i;
    const name = m[1]!.toLowerCase();
    i += m[0].length;
    const items: Item[] = [];
    for (;;) {
      const itemAt = i;
      const text = input[i] === '"' ? quoted() : bare(/[\s",]/);
      if (text === '') throw err(`empty value for '${name}'`, itemAt);
      items.push({ text, at: itemAt });
      if (input[i] !== ',') break;
      i++;
    }
    return { kind: 'field', negated, at, name, nameAt, items };
  }
  return tokens;
}

export function columnOf(input: string, index: number): number {
  return [...input.slice(0, index)].length + 1;
}

/** Quotes a word or value when the lexer would not read it back as one plain item. */
export function quote(text: string, inField: boolean): string {
  const plain = inField ? /^[^\s",\\]+$/ : /^[^\s"\\:-][^\s"\\:]*$/;
  return plain.test(text) ? text : `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

/** Levenshtein distance, for "did you mean" hints. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** `did you mean 'x'?` for the closest candidate within two edits, else the list of candidates. */
export function suggest(word: string, candidates: readonly string[], label = 'expected'): string {
  let best: string | null = null;
  let bestD = 3;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best !== null && bestD <= Math.max(1, Math.min(2, word.length - 2))
    ? `did you mean '${best}'?`
    : `${label}: ${candidates.join(', ')}`;
}

/* eslint-disable max-lines -- #12: over 200 lines, to be split by the restructure */
/**
 * The query language's lexer and literals: terms, quoted strings, dates and durations.
 * Pure. Every error is a QueryError with a 1-based column (in code points) into the input.
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

export type Cmp = '<' | '<=' | '>' | '>=';

/** Splits a leading comparison (`>=`, `<=`, `>`, `<`, `=`) off a value. */
export function splitOp(text: string): { op: Cmp | '=' | null; rest: string; skip: number } {
  const m = /^(>=|<=|>|<|=)/.exec(text);
  return m ? { op: m[1] as Cmp | '=', rest: text.slice(m[1]!.length), skip: m[1]!.length } : { op: null, rest: text, skip: 0 };
}

const UNIT_MS = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000 } as const;
const MAX_MS = 8_640_000_000_000_000;

/** `7d`, `2h`, `30m`, `1w` (and `-1h` when signed) → milliseconds; null if malformed or too long. */
export function parseDuration(text: string, signed: boolean): number | null {
  const m = (signed ? /^(-?)(\d{1,16})([mhdw])$/i : /^()(\d{1,16})([mhdw])$/i).exec(text);
  if (!m) return null;
  const ms = Number(m[2]) * UNIT_MS[m[3]!.toLowerCase() as keyof typeof UNIT_MS];
  if (ms > MAX_MS) return null;
  return m[1] && ms !== 0 ? -ms : ms;
}

/** Milliseconds in the largest unit that divides them: 1209600000 → `2w`. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  for (const [unit, size] of Object.entries(UNIT_MS)) if (abs % size === 0) return `${sign}${abs / size}${unit}`;
  return `${sign}${abs / 60_000}m`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const MIN_TIME = Date.UTC(1000, 0, 1);
const MAX_TIME = Date.UTC(10000, 0, 1);

/** An ISO date or date-time as the span it names: a whole UTC day, minute, second or millisecond. */
export function parseDate(text: string): { from: number; to: number } | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((v) => (v === undefined ? undefined : Number(v))) as number[];
  const frac = m[7];
  const ms = frac === undefined ? 0 : Number(frac.padEnd(3, '0'));
  const date = new Date(0);
  date.setUTCFullYear(y!, mo! - 1, d);
  date.setUTCHours(h, mi, s, ms);
  const valid =
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo! - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    date.getUTCSeconds() === s;
  if (!valid) return null;
  let offset = 0;
  const zone = m[8];
  if (zone && zone.toUpperCase() !== 'Z') {
    const zh = Number(zone.slice(1, 3));
    const zm = zone.length > 3 ? Number(zone.slice(-2)) : 0;
    if (zh > 23 || zm > 59) return null;
    offset = (zone[0] === '-' ? -1 : 1) * (zh * 60 + zm) * 60_000;
  }
  const from = date.getTime() - offset;
  if (from < MIN_TIME || from >= MAX_TIME) return null;
  const span = m[4] === undefined ? 86_400_000 : m[6] === undefined ? 60_000 : frac === undefined ? 1000 : 1;
  return { from, to: from + span };
}

/** The literal for a span from parseDate, in UTC: day, minute, second or millisecond precision. */
export function formatDate(from: number, to: number): string {
  const iso = new Date(from).toISOString();
  const span = to - from;
  return span === 86_400_000 ? iso.slice(0, 10) : span === 60_000 ? iso.slice(0, 16) : span === 1000 ? iso.slice(0, 19) : iso.slice(0, 23);
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

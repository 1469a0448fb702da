/** The query language's literals: comparisons, durations (`7d`) and dates (`2026-03-01`), read and printed back. Pure. */

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

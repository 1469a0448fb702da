/**
 * Dates as exported spreadsheets write them: ISO 8601 (`2026-03-02`, `2026-03-02T09:15:00Z`),
 * `DD-MM-YYYY HH:MM` and `MM/DD/YYYY` (with an optional `HH:MM[:SS]`), or a layout given by name
 * (`DD/MM/YYYY`, `MM-DD-YYYY`, …) when a file's dates are ambiguous. Times without a zone are UTC.
 * Pure: a result in ms, or a problem in words.
 */
export const DATE_LAYOUTS = ['YYYY-MM-DD', 'DD-MM-YYYY', 'MM-DD-YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY'] as const;
export type DateLayout = (typeof DATE_LAYOUTS)[number];

const ISO = /^\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?)?(Z|[+-]\d\d:?\d\d)?$/;
const DAY_FIRST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:[ T](\d{1,2}):(\d\d)(?::(\d\d))?)?$/;

/** Which layout a separator means when none is given: `-` and `.` day first, `/` month first. */
const BY_SEPARATOR: Record<string, 'dmy' | 'mdy'> = { '-': 'dmy', '.': 'dmy', '/': 'mdy' };

export type DateResult = { ok: true; ms: number } | { ok: false; problem: string };

export function parseLooseDate(text: string, layout?: DateLayout): DateResult {
  const t = text.trim();
  if (ISO.test(t) && (!layout || layout === 'YYYY-MM-DD')) {
    const ms = Date.parse(
      /[T ]\d/.test(t) && !/(Z|[+-]\d\d:?\d\d)$/.test(t) ? `${t.replace(' ', 'T')}Z` : t.length === 10 ? `${t}T00:00:00Z` : t,
    );
    return Number.isFinite(ms) ? { ok: true, ms } : { ok: false, problem: `'${text}' is not a date` };
  }
  const m = DAY_FIRST.exec(t);
  if (!m) return { ok: false, problem: `'${text}' is not a date (ISO 8601, DD-MM-YYYY HH:MM or MM/DD/YYYY)` };
  const [, a, sep, b, year, hh = '0', mm = '0', ss = '0'] = m;
  const order = layout ? (layout.startsWith('DD') ? 'dmy' : 'mdy') : BY_SEPARATOR[sep!]!;
  if (layout && !layout.includes(sep!)) return { ok: false, problem: `'${text}' does not match --date-format ${layout}` };
  const [day, month] = order === 'dmy' ? [Number(a), Number(b)] : [Number(b), Number(a)];
  const ms = Date.UTC(Number(year), month - 1, day, Number(hh), Number(mm), Number(ss));
  const back = new Date(ms);
  if (month < 1 || month > 12 || back.getUTCDate() !== day || Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) {
    const other = order === 'dmy' ? `MM${sep}DD${sep}YYYY` : `DD${sep}MM${sep}YYYY`;
    return {
      ok: false,
      problem: `'${text}' is not a date read as ${order === 'dmy' ? 'day first' : 'month first'} (use --date-format ${other} if it is)`,
    };
  }
  return { ok: true, ms };
}

/**
 * Report periods from user text: `--since 7d` / `--until 2026-03-31`. Relative spans count back from
 * `now` (7d = the last 7×24 hours); dates and naive date-times are read in the report's zone; a
 * date given to `--until` includes that whole day. A period is [since, until) in epoch ms. Pure.
 */
import type { Parsed } from './sla/calendar.js';
import { DAY, HOUR, dayNumber, dayString, instantToWall, isValidZone, wallToInstant } from './sla/zone.js';

export type { Parsed } from './sla/calendar.js';

export interface Period {
  /** null: from the beginning (only where a report allows it). */
  since: number | null;
  until: number;
}

export interface PeriodInput {
  since?: string;
  until?: string;
}

export interface PeriodContext {
  now: number;
  tz: string;
  /** Used when `since` is not given; null means "from the beginning". */
  defaultSince: string | null;
}

export const DEFAULT_SINCE = '30d';

const UNITS: Readonly<Record<string, number>> = { h: HOUR, d: DAY, w: 7 * DAY };
/** A century back is enough for any desk. */
const MAX_SPAN = 36_525 * DAY;
const EXPECTED = 'a span like 12h, 7d or 4w, a date like 2026-03-01, a time like 2026-03-01T09:00, today or now';

/**
 * One bound as an instant. `end` marks `--until`, where a whole day (`2026-03-31`, `today`) means
 * the end of that day.
 */
export function parseBound(text: string, now: number, tz: string, end: boolean): Parsed<number> {
  const t = text.trim().toLowerCase();
  const bad: Parsed<number> = { ok: false, error: `'${text}' is not ${EXPECTED}` };
  if (t === 'now') return { ok: true, value: now };
  const rel = /^(\d{1,7})\s*([hdw])$/.exec(t);
  if (rel) {
    const span = Number(rel[1]) * UNITS[rel[2]!]!;
    if (span > MAX_SPAN) return { ok: false, error: `'${text}' reaches back more than a hundred years` };
    return { ok: true, value: now - span };
  }
  const day = t === 'today' ? Math.floor(instantToWall(tz, now) / DAY) : dateDay(t);
  if (day !== null) return { ok: true, value: wallToInstant(tz, (end ? day + 1 : day) * DAY) };
  const m = /^(\d{4}-\d{2}-\d{2})[t ](\d{2}):(\d{2})(?::(\d{2}))?(z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (!m) return bad;
  const d = dayNumber(m[1]!);
  const [h, min, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (d === null || h > 23 || min > 59 || s > 59) return bad;
  const wall = d * DAY + h * HOUR + min * 60_000 + s * 1000;
  if (!m[5]) return { ok: true, value: wallToInstant(tz, wall) };
  if (m[5] === 'z') return { ok: true, value: wall };
  const z = /^([+-])(\d{2}):?(\d{2})$/.exec(m[5])!;
  const offset = (Number(z[2]) * 60 + Number(z[3])) * 60_000 * (z[1] === '-' ? -1 : 1);
  return { ok: true, value: wall - offset };
}

function dateDay(t: string): number | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(t) ? dayNumber(t) : null;
}

/** Both bounds, checked: errors name the flag. */
export function parsePeriod(input: PeriodInput, ctx: PeriodContext): Parsed<Period> {
  if (!isValidZone(ctx.tz)) return { ok: false, error: `time zone '${ctx.tz}' is unknown` };
  let since: number | null = null;
  const sinceText = input.since ?? ctx.defaultSince;
  if (sinceText !== null) {
    const p = parseBound(sinceText, ctx.now, ctx.tz, false);
    if (!p.ok) return { ok: false, error: `--since: ${p.error}` };
    since = p.value;
  }
  let until = ctx.now;
  if (input.until !== undefined) {
    const p = parseBound(input.until, ctx.now, ctx.tz, true);
    if (!p.ok) return { ok: false, error: `--until: ${p.error}` };
    until = p.value;
  }
  if (since !== null && since >= until) {
    return { ok: false, error: `--since (${new Date(since).toISOString()}) must be before --until (${new Date(until).toISOString()})` };
  }
  return { ok: true, value: { since, until } };
}

/** The local dates (`YYYY-MM-DD`) a period touches, oldest first. */
export function periodDays(since: number, until: number, tz: string): string[] {
  return localDays(since, until, tz).map((d) => d.date);
}

export interface LocalDay {
  date: string;
  /** The instants the local day starts and ends (the first may start before the period). */
  start: number;
  end: number;
}

/** The local days a period touches with the instants they span, oldest first. */
export function localDays(since: number, until: number, tz: string): LocalDay[] {
  const first = Math.floor(instantToWall(tz, since) / DAY);
  const last = Math.floor(instantToWall(tz, Math.max(since, until - 1)) / DAY);
  const out: LocalDay[] = [];
  let start = wallToInstant(tz, first * DAY);
  for (let d = first; d <= last; d++) {
    const end = wallToInstant(tz, (d + 1) * DAY);
    out.push({ date: dayString(d), start, end });
    start = end;
  }
  return out;
}

/**
 * Adds counts at ascending instants into the days they fall in: one pass, no zone lookup per
 * instant. Instants outside the days are ignored. Returns one total per day.
 */
export function countByDay(days: readonly LocalDay[], points: Iterable<{ at: number; n: number }>): number[] {
  const out = days.map(() => 0);
  let i = 0;
  for (const p of points) {
    while (i < days.length && days[i]!.end <= p.at) i++;
    if (i === days.length) break;
    if (p.at >= days[i]!.start) out[i]! += p.n;
  }
  return out;
}

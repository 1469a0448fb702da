/**
 * Business-time arithmetic over a calendar. A calendar is compiled once (cached per object) into
 * working intervals per local day, as UTC instants, built lazily and memoised: walking a span
 * costs one map lookup per day plus one step per shift — never a per-minute loop. `null` stands
 * for 24×7: every millisecond counts.
 */
import { WEEKDAYS, parseDay, type BusinessCalendar } from './calendar.js';
import { DAY, MINUTE, dayNumber, offsetAt, wallToInstant, weekdayOf } from './zone.js';

/** 24×7: pass `null` where a calendar is expected. */
export type Hours = BusinessCalendar | null;

interface Compiled {
  tz: string;
  /** Shift bounds in minutes per weekday (0 = Sunday), flat: [start, end, start, end, …]. */
  shifts: ReadonlyArray<readonly number[]>;
  holidays: ReadonlySet<number>;
  /** Local day number → working intervals as instants, flat [start, end, …], sorted, disjoint. */
  days: Map<number, readonly number[]>;
}

const EMPTY: readonly number[] = Object.freeze([]);
/** A local day's intervals all lie within [day·DAY − 14 h, (day+1)·DAY + 12 h]; one day is a safe margin. */
const MARGIN = DAY;
/** Stop walking after this many consecutive days without working time (a misconfigured calendar). */
const MAX_IDLE_DAYS = 3700;

const cache = new WeakMap<BusinessCalendar, Compiled>();

function compile(cal: BusinessCalendar): Compiled {
  let c = cache.get(cal);
  if (c) return c;
  const byMon = WEEKDAYS.map((d) => {
    const p = parseDay(cal.week[d] ?? []);
    if (!p.ok) throw new RangeError(`calendar ${cal.name}: ${d}: ${p.error}`);
    return p.value.flat();
  });
  // WEEKDAYS starts on Monday; weekdayOf() counts from Sunday.
  const shifts = [byMon[6]!, ...byMon.slice(0, 6)];
  if (shifts.every((s) => s.length === 0)) throw new RangeError(`calendar ${cal.name} has no working hours`);
  offsetAt(cal.tz, 0); // throws on an unknown zone
  const holidays = new Set<number>();
  for (const h of cal.holidays) {
    const n = dayNumber(h.date);
    if (n === null) throw new RangeError(`calendar ${cal.name}: holiday '${h.date}' is not a date`);
    holidays.add(n);
  }
  c = { tz: cal.tz, shifts, holidays, days: new Map() };
  cache.set(cal, c);
  return c;
}

function buildDay(c: Compiled, day: number): readonly number[] {
  const shifts = c.shifts[weekdayOf(day)]!;
  if (shifts.length === 0 || c.holidays.has(day)) return EMPTY;
  const wall0 = day * DAY;
  // One offset for the whole day unless a transition falls near it.
  const off = offsetAt(c.tz, wall0 - DAY);
  const fixed = off === offsetAt(c.tz, wall0 + 2 * DAY);
  const at = (minute: number) => (fixed ? wall0 + minute * MINUTE - off : wallToInstant(c.tz, wall0 + minute * MINUTE));
  const out: number[] = [];
  for (let i = 0; i < shifts.length; i += 2) {
    const s = at(shifts[i]!);
    const e = at(shifts[i + 1]!);
    if (e <= s) continue; // a shift swallowed by a spring-forward gap
    if (out.length && s <= out[out.length - 1]!) out[out.length - 1] = e;
    else out.push(s, e);
  }
  return out;
}

function intervals(c: Compiled, day: number): readonly number[] {
  let iv = c.days.get(day);
  if (iv === undefined) {
    iv = buildDay(c, day);
    c.days.set(day, iv);
  }
  return iv;
}

/** Where a walk ended: `done` when the budget ran out at `at`; otherwise `used` business ms up to the end. */
export interface Step {
  done: boolean;
  at: number;
  used: number;
}

/**
 * Walks business time from `start` towards `end` (may be Infinity), spending at most `budget` ms.
 * If the budget runs out first, `at` is the earliest instant by which it is spent.
 */
export function advance(start: number, end: number, budget: number, hours: Hours): Step {
  if (budget <= 0) return { done: true, at: start, used: 0 };
  if (end === Infinity && budget === Infinity) throw new RangeError('advance: an end or a budget is required');
  if (hours === null) {
    const span = Math.max(0, end - start);
    return budget <= span ? { done: true, at: start + budget, used: budget } : { done: false, at: end, used: span };
  }
  const c = compile(hours);
  let used = 0;
  let idle = 0;
  for (let day = Math.floor(start / DAY) - 1; day * DAY - MARGIN < end; day++) {
    const iv = intervals(c, day);
    if (iv.length === 0 && ++idle > MAX_IDLE_DAYS)
      throw new RangeError(`calendar ${hours.name} has no working time for ${MAX_IDLE_DAYS} days after ${new Date(start).toISOString()}`);
    for (let i = 0; i < iv.length; i += 2) {
      const s = iv[i]! > start ? iv[i]! : start;
      const e = iv[i + 1]! < end ? iv[i + 1]! : end;
      if (e <= s) continue;
      idle = 0;
      const left = budget - used;
      if (left <= e - s) return { done: true, at: s + left, used: budget };
      used += e - s;
    }
  }
  return { done: false, at: end, used };
}

/** The instant by which `durationMs` of business time has passed since `startMs`. */
export function addBusinessTime(startMs: number, durationMs: number, hours: Hours): number {
  return advance(startMs, Infinity, durationMs, hours).at;
}

/** Business milliseconds in [aMs, bMs); 0 when b ≤ a. */
export function businessTimeBetween(aMs: number, bMs: number, hours: Hours): number {
  if (bMs <= aMs) return 0;
  return advance(aMs, bMs, Infinity, hours).used;
}

/** True when `instant` falls inside working hours. */
export function isBusinessTime(instant: number, hours: Hours): boolean {
  return businessTimeBetween(instant, instant + 1, hours) === 1;
}

/** The next instant ≥ `instant` inside working hours (itself when already inside). */
export function nextBusinessInstant(instant: number, hours: Hours): number {
  return advance(instant, Infinity, 1, hours).at - 1;
}

/**
 * Business calendars as plain data: working hours per weekday (split shifts allowed), an IANA
 * time zone and holidays (local dates). Parsing turns user text into a frozen calendar or one
 * clear message; nothing here touches a clock.
 */
import { dayNumber, isValidZone } from './zone.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Working hours of one weekday: `['09:00-12:30', '13:30-17:00']`; empty is a day off. */
export type WeekHours = Readonly<Record<Weekday, readonly string[]>>;

export interface Holiday {
  /** `YYYY-MM-DD` in the calendar's zone. */
  date: string;
  name: string;
}

export interface BusinessCalendar {
  name: string;
  /** IANA zone the hours and holidays are written in, e.g. `Europe/London`; `UTC` by default. */
  tz: string;
  week: WeekHours;
  holidays: readonly Holiday[];
}

export const DEFAULT_WEEK: WeekHours = {
  mon: ['09:00-17:00'],
  tue: ['09:00-17:00'],
  wed: ['09:00-17:00'],
  thu: ['09:00-17:00'],
  fri: ['09:00-17:00'],
  sat: [],
  sun: [],
};

export const DEFAULT_CALENDAR: BusinessCalendar = Object.freeze({ name: 'default', tz: 'UTC', week: DEFAULT_WEEK, holidays: [] });

/** Result of parsing user input: the value, or one message naming the problem. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const err = <T>(error: string): Parsed<T> => ({ ok: false, error });

/** `09:00-17:00` → [540, 1020] minutes after local midnight; `24:00` ends a day. */
export function parseShift(text: string): Parsed<[number, number]> {
  const m = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return err(`'${text}' is not a shift like 09:00-17:00`);
  const start = Number(m[1]) * 60 + Number(m[2]);
  const end = Number(m[3]) * 60 + Number(m[4]);
  if (Number(m[2]) > 59 || Number(m[4]) > 59 || start > 24 * 60 || end > 24 * 60) return err(`'${text}' has a time past 24:00`);
  if (end <= start) return err(`'${text}' ends before it starts (split overnight shifts across two days: 22:00-24:00 and 00:00-06:00)`);
  return ok([start, end]);
}

/** Shifts of one day, sorted; overlapping shifts are an error. */
export function parseDay(shifts: readonly string[]): Parsed<Array<[number, number]>> {
  const out: Array<[number, number]> = [];
  for (const s of shifts) {
    const p = parseShift(s);
    if (!p.ok) return p;
    out.push(p.value);
  }
  out.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < out.length; i++) {
    if (out[i]![0] < out[i - 1]![1]) return err(`shifts ${shifts.join(', ')} overlap`);
  }
  return ok(out);
}

/**
 * `mon-fri=09:00-17:00`, `sat=10:00-12:00,13:00-15:00`, `sun=off`: one assignment per weekday
 * or range, applied over `base` (later assignments win).
 */
export function parseHours(assignments: readonly string[], base: WeekHours = DEFAULT_WEEK): Parsed<WeekHours> {
  const week: Record<Weekday, readonly string[]> = { ...base };
  for (const a of assignments) {
    const m = /^([a-z]{3})(?:-([a-z]{3}))?=(.+)$/i.exec(a.trim());
    if (!m) return err(`'${a}' is not like mon-fri=09:00-17:00 or sun=off`);
    const from = WEEKDAYS.indexOf(m[1]!.toLowerCase() as Weekday);
    const to = m[2] ? WEEKDAYS.indexOf(m[2].toLowerCase() as Weekday) : from;
    if (from < 0 || to < 0) return err(`'${a}': days are ${WEEKDAYS.join(', ')}`);
    if (to < from) return err(`'${a}': a day range runs mon→sun (write ${m[2]}-${m[1]} as two ranges)`);
    const value = m[3]!.trim().toLowerCase();
    const shifts = value === 'off' ? [] : value.split(',').map((s) => s.trim());
    const day = parseDay(shifts);
    if (!day.ok) return err(`'${a}': ${day.error}`);
    for (let d = from; d <= to; d++) week[WEEKDAYS[d]!] = day.value.map(formatShift);
  }
  return ok(week);
}

/** Checks a whole calendar (as stored or typed): a known zone, valid hours, some working time, real dates. */
export function parseCalendar(input: {
  name: string;
  tz: string;
  week: Partial<Record<string, unknown>>;
  holidays?: readonly Holiday[];
}): Parsed<BusinessCalendar> {
  if (!isValidZone(input.tz)) return err(`time zone '${input.tz}' is unknown: use an IANA name such as Europe/London or UTC`);
  const week = {} as Record<Weekday, readonly string[]>;
  let minutes = 0;
  for (const d of WEEKDAYS) {
    const raw = input.week[d] ?? [];
    if (!Array.isArray(raw) || raw.some((s) => typeof s !== 'string'))
      return err(`hours for ${d} must be a list of shifts like 09:00-17:00`);
    const day = parseDay(raw as string[]);
    if (!day.ok) return err(`${d}: ${day.error}`);
    week[d] = Object.freeze(day.value.map(formatShift));
    minutes += day.value.reduce((sum, [s, e]) => sum + e - s, 0);
  }
  if (minutes === 0) return err('the calendar has no working hours: give at least one day a shift');
  const holidays: Holiday[] = [];
  for (const h of input.holidays ?? []) {
    if (dayNumber(h.date) === null) return err(`holiday '${h.date}' is not a date like 2026-12-25`);
    holidays.push(Object.freeze({ date: h.date, name: h.name }));
  }
  holidays.sort((a, b) => a.date.localeCompare(b.date));
  return ok(Object.freeze({ name: input.name, tz: input.tz, week: Object.freeze(week), holidays: Object.freeze(holidays) }));
}

export function formatShift([start, end]: readonly [number, number]): string {
  const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `${hm(start)}-${hm(end)}`;
}

/** `Mon–Fri 09:00-17:00; Sat 10:00-14:00` — consecutive days with the same hours grouped. */
export function describeWeek(week: WeekHours): string {
  const parts: string[] = [];
  let i = 0;
  while (i < WEEKDAYS.length) {
    const hours = week[WEEKDAYS[i]!].join(',');
    let j = i;
    while (j + 1 < WEEKDAYS.length && week[WEEKDAYS[j + 1]!].join(',') === hours) j++;
    if (hours) {
      const name = (d: Weekday) => d[0]!.toUpperCase() + d.slice(1);
      parts.push(`${name(WEEKDAYS[i]!)}${j > i ? `–${name(WEEKDAYS[j]!)}` : ''} ${week[WEEKDAYS[i]!].join(', ')}`);
    }
    i = j + 1;
  }
  return parts.join('; ') || 'no working hours';
}

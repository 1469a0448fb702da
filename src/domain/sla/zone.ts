/**
 * Wall-clock ↔ instant for an IANA time zone, without the process time zone: every function takes
 * the zone explicitly and works on epoch milliseconds. A "wall" value is the local date and time
 * written as if it were UTC (`Date.UTC(y, m, d, h, min)`), so local days are `floor(wall / DAY)`.
 */
import { tzOffset } from '@date-fns/tz';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu', 'Z']);

/** True when the runtime knows the zone (IANA name such as `Europe/London`, or `UTC`). */
export function isValidZone(tz: string): boolean {
  if (UTC_NAMES.has(tz)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(tz);
  } catch {
    return false;
  }
}

/** UTC offset of `tz` at `instant`, in milliseconds (Europe/London in summer: +3 600 000). */
export function offsetAt(tz: string, instant: number): number {
  if (UTC_NAMES.has(tz)) return 0;
  const minutes = tzOffset(tz, new Date(instant));
  if (Number.isNaN(minutes)) throw new RangeError(`unknown time zone: ${tz}`);
  return Math.round(minutes * MINUTE);
}

/** The wall-clock value of an instant in `tz`. */
export function instantToWall(tz: string, instant: number): number {
  return instant + offsetAt(tz, instant);
}

/**
 * The earliest instant whose wall clock in `tz` reads `wall` or later — a monotone map, so
 * intervals stay ordered and never overlap:
 * - in a fall-back overlap (01:30 happens twice) it is the first 01:30;
 * - in a spring-forward gap (01:30 never happens) it is the moment the clocks jump.
 */
export function wallToInstant(tz: string, wall: number): number {
  const before = offsetAt(tz, wall - DAY);
  const after = offsetAt(tz, wall + DAY);
  if (before === after) return wall - before;
  const early = wall - before;
  const late = wall - after;
  const earlyOk = offsetAt(tz, early) === before;
  const lateOk = offsetAt(tz, late) === after;
  if (earlyOk && lateOk) return Math.min(early, late);
  if (earlyOk) return early;
  if (lateOk) return late;
  // A gap: find the transition, the first instant carrying the later offset.
  let lo = Math.min(early, late);
  let hi = Math.max(early, late);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(tz, mid) === after) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Local day number (days since 1970-01-01 in the zone) for `YYYY-MM-DD`, or null if not a date. */
export function dayNumber(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return ms / DAY;
}

/** `YYYY-MM-DD` for a local day number. */
export function dayString(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday for a local day number (day 0, 1970-01-01, was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The local date (`YYYY-MM-DD`) of an instant in `tz`. */
export function localDate(tz: string, instant: number): string {
  return dayString(Math.floor(instantToWall(tz, instant) / DAY));
}

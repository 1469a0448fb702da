import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  advance,
  businessTimeBetween,
  isBusinessTime,
  nextBusinessInstant,
} from '../../../src/domain/sla/business-time.js';
import { parseCalendar, type BusinessCalendar } from '../../../src/domain/sla/calendar.js';
import { HOUR, MINUTE } from '../../../src/domain/sla/zone.js';
import { at, calendar, duration, instant } from './arbitraries.js';

function cal(tz: string, week: Record<string, string[]>, holidays: string[] = []): BusinessCalendar {
  const p = parseCalendar({ name: 't', tz, week, holidays: holidays.map((date) => ({ date, name: 'holiday' })) });
  if (!p.ok) throw new Error(p.error);
  return p.value;
}
const OFFICE = { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] };
const ALL_DAY = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, ['00:00-24:00']]));
const iso = (ms: number) => new Date(ms).toISOString();

describe('business time: properties', () => {
  it('adding business time then measuring it back is the identity', () => {
    fc.assert(
      fc.property(calendar, instant, duration, (c, s, d) => {
        const due = addBusinessTime(s, d, c);
        expect(due).toBeGreaterThanOrEqual(s);
        expect(businessTimeBetween(s, due, c)).toBe(d);
      }),
      { numRuns: 400 },
    );
  });

  it('returns the earliest such instant, and is monotone in the duration', () => {
    fc.assert(
      fc.property(calendar, instant, duration, duration, (c, s, d1, d2) => {
        const due = addBusinessTime(s, d1, c);
        if (d1 > 0) expect(businessTimeBetween(s, due - 1, c)).toBeLessThan(d1);
        if (d1 <= d2) expect(due).toBeLessThanOrEqual(addBusinessTime(s, d2, c));
      }),
      { numRuns: 300 },
    );
  });

  it('measuring is additive over adjacent spans and never exceeds wall time', () => {
    fc.assert(
      fc.property(calendar, instant, fc.nat(40 * 24), fc.nat(40 * 24), (c, a, x, y) => {
        const b = a + x * HOUR + 17;
        const d = b + y * HOUR + 31;
        const ab = businessTimeBetween(a, b, c);
        expect(ab + businessTimeBetween(b, d, c)).toBe(businessTimeBetween(a, d, c));
        expect(ab).toBeLessThanOrEqual(b - a);
        expect(businessTimeBetween(b, a, c)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('counts 24×7 (null) as plain arithmetic', () => {
    fc.assert(
      fc.property(instant, duration, (s, d) => {
        expect(addBusinessTime(s, d, null)).toBe(s + d);
        expect(businessTimeBetween(s, s + d, null)).toBe(d);
      }),
    );
  });

  it('a fixed-offset zone is UTC shifted by its offset (results are instants, not wall times)', () => {
    fc.assert(
      fc.property(instant, duration, fc.integer({ min: -12, max: 14 }), (s, d, k) => {
        const zone = k === 0 ? 'UTC' : `Etc/GMT${k > 0 ? '-' : '+'}${Math.abs(k)}`; // Etc/GMT-3 is UTC+3
        const shifted = addBusinessTime(s + k * HOUR, d, cal('UTC', OFFICE)) - k * HOUR;
        expect(addBusinessTime(s, d, cal(zone, OFFICE))).toBe(shifted);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same instants whatever the process time zone', () => {
    const cases = fc.sample(fc.tuple(calendar, instant, duration), { numRuns: 150, seed: 42 });
    const run = () => cases.map(([c, s, d]) => [addBusinessTime(s, d, c), businessTimeBetween(s, s + d * 3, c)]);
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const base = run();
      for (const tz of ['America/New_York', 'Asia/Kathmandu', 'Pacific/Chatham']) {
        process.env.TZ = tz;
        // Fresh calendar objects so nothing cached under the previous TZ is reused.
        const fresh = cases.map(([c, s, d]) => [addBusinessTime(s, d, { ...c }), businessTimeBetween(s, s + d * 3, { ...c })]);
        expect(fresh).toEqual(base);
        expect(run()).toEqual(base);
      }
    } finally {
      process.env.TZ = saved;
    }
  });
});

describe('business time: golden cases', () => {
  const london = cal('Europe/London', OFFICE, ['2026-12-25', '2026-12-28']);

  it('a Friday-evening ticket is due on Monday', () => {
    expect(iso(addBusinessTime(at('2026-01-16T18:30:00Z'), 4 * HOUR, london))).toBe('2026-01-19T13:00:00.000Z');
    expect(iso(addBusinessTime(at('2026-01-16T16:00:00Z'), 4 * HOUR, london))).toBe('2026-01-19T12:00:00.000Z');
    // Exactly used up at the end of Friday: due Friday 17:00, not Monday 09:00.
    expect(iso(addBusinessTime(at('2026-01-16T09:00:00Z'), 8 * HOUR, london))).toBe('2026-01-16T17:00:00.000Z');
  });

  it('skips holidays in the calendar zone', () => {
    // Thu 24 Dec 16:00 + 8 h: 1 h on the 24th, Fri 25 (holiday), weekend, Mon 28 (holiday), 7 h on Tue 29.
    expect(iso(addBusinessTime(at('2026-12-24T16:00:00Z'), 8 * HOUR, london))).toBe('2026-12-29T16:00:00.000Z');
    expect(businessTimeBetween(at('2026-12-24T00:00:00Z'), at('2026-12-30T00:00:00Z'), london)).toBe(16 * HOUR);
    // A holiday is a local date: in Auckland (UTC+13 in December) the 25th starts at 11:00Z on the 24th.
    const auckland = cal('Pacific/Auckland', ALL_DAY, ['2026-12-25']);
    expect(businessTimeBetween(at('2026-12-24T00:00:00Z'), at('2026-12-26T00:00:00Z'), auckland)).toBe(24 * HOUR);
    expect(isBusinessTime(at('2026-12-24T10:59:00Z'), auckland)).toBe(true);
    expect(isBusinessTime(at('2026-12-24T11:00:00Z'), auckland)).toBe(false);
  });

  it('follows office hours across the London spring-forward and fall-back weekends', () => {
    // Fri 27 Mar 16:00 GMT + 4 h: 1 h Friday, then Monday 09:00 BST = 08:00Z + 3 h.
    expect(iso(addBusinessTime(at('2026-03-27T16:00:00Z'), 4 * HOUR, london))).toBe('2026-03-30T11:00:00.000Z');
    // Fri 23 Oct 16:00 BST (15:00Z) + 4 h: 1 h Friday, then Monday 09:00 GMT = 09:00Z + 3 h.
    expect(iso(addBusinessTime(at('2026-10-23T15:00:00Z'), 4 * HOUR, london))).toBe('2026-10-26T12:00:00.000Z');
  });

  it('counts the 23- and 25-hour days of a 24-hour calendar', () => {
    const uk = cal('Europe/London', ALL_DAY);
    expect(businessTimeBetween(at('2026-03-29T00:00:00Z'), at('2026-03-29T23:00:00Z'), uk)).toBe(23 * HOUR);
    expect(businessTimeBetween(at('2026-10-24T23:00:00Z'), at('2026-10-26T00:00:00Z'), uk)).toBe(25 * HOUR);
    expect(addBusinessTime(at('2026-03-28T12:00:00Z'), 48 * HOUR, uk)).toBe(at('2026-03-30T12:00:00Z'));
  });

  it('handles shifts that cross New York DST transitions (gap and overlap)', () => {
    const ny = cal('America/New_York', { sun: ['01:00-04:00'] });
    // 8 Mar 2026: 02:00 EST → 03:00 EDT. 01:00 EST = 06:00Z, 04:00 EDT = 08:00Z: 2 real hours.
    expect(businessTimeBetween(at('2026-03-08T00:00:00Z'), at('2026-03-09T00:00:00Z'), ny)).toBe(2 * HOUR);
    // 1 Nov 2026: 02:00 EDT → 01:00 EST. 01:00 EDT = 05:00Z, 04:00 EST = 09:00Z: 4 real hours.
    expect(businessTimeBetween(at('2026-11-01T00:00:00Z'), at('2026-11-02T00:00:00Z'), ny)).toBe(4 * HOUR);
    // A shift starting inside the gap starts when the clocks jump (03:00 EDT = 07:00Z).
    const gap = cal('America/New_York', { sun: ['02:30-05:00'] });
    expect(nextBusinessInstant(at('2026-03-08T00:00:00Z'), gap)).toBe(at('2026-03-08T07:00:00Z'));
    expect(businessTimeBetween(at('2026-03-08T00:00:00Z'), at('2026-03-09T00:00:00Z'), gap)).toBe(2 * HOUR);
    // In the overlap a shift starts at the first 01:30.
    const overlap = cal('America/New_York', { sun: ['01:30-02:00'] });
    expect(nextBusinessInstant(at('2026-11-01T00:00:00Z'), overlap)).toBe(at('2026-11-01T05:30:00Z'));
  });

  it('walks split shifts and per-day hours', () => {
    const split = cal('UTC', { mon: ['09:00-12:00', '13:00-17:00'], sat: ['10:00-12:00'] });
    expect(iso(addBusinessTime(at('2026-01-19T11:30:00Z'), HOUR, split))).toBe('2026-01-19T13:30:00.000Z');
    expect(iso(addBusinessTime(at('2026-01-19T16:00:00Z'), 2 * HOUR, split))).toBe('2026-01-24T11:00:00.000Z');
    expect(businessTimeBetween(at('2026-01-19T00:00:00Z'), at('2026-01-26T00:00:00Z'), split)).toBe(9 * HOUR);
  });

  it('a day that never happened (Samoa, 30 Dec 2011) has no working time', () => {
    const apia = cal('Pacific/Apia', ALL_DAY);
    expect(businessTimeBetween(at('2011-12-29T00:00:00Z'), at('2012-01-01T00:00:00Z'), apia)).toBe(72 * HOUR);
    const t = at('2011-12-30T09:00:00Z');
    expect(businessTimeBetween(t, addBusinessTime(t, 30 * MINUTE, apia), apia)).toBe(30 * MINUTE);
  });

  it('refuses to walk forever', () => {
    const onlyHolidays = { name: 'x', tz: 'UTC', week: { mon: ['09:00-10:00'] }, holidays: [] } as unknown as BusinessCalendar;
    expect(() => advance(0, Infinity, Infinity, onlyHolidays)).toThrow(/end or a budget/);
    const none = { name: 'x', tz: 'UTC', week: {}, holidays: [] } as unknown as BusinessCalendar;
    expect(() => addBusinessTime(0, HOUR, none)).toThrow(/no working hours/);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, describeWeek, parseCalendar, parseHours } from '../../../src/domain/sla/calendar.js';
import { computeClocks } from '../../../src/domain/sla/clocks.js';
import { explainClocks, formatInstant } from '../../../src/domain/sla/explain.js';
import { checkTarget, DEFAULT_POLICY, formatMinutes, parseMinutes } from '../../../src/domain/sla/policy.js';
import { at } from './arbitraries.js';

describe('explain', () => {
  it('says why: priority, targets, each clock, the pauses and reopens', () => {
    const cal = parseCalendar({
      name: 'uk',
      tz: 'Europe/London',
      week: { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] },
    });
    if (!cal.ok) throw new Error(cal.error);
    const history = {
      createdAt: at('2026-06-15T08:00:00Z'),
      statuses: [
        { at: at('2026-06-15T08:00:00Z'), status: 'new' as const },
        { at: at('2026-06-15T09:00:00Z'), status: 'pending' as const },
        { at: at('2026-06-16T08:00:00Z'), status: 'open' as const },
        { at: at('2026-06-16T09:00:00Z'), status: 'resolved' as const },
        { at: at('2026-06-17T08:00:00Z'), status: 'open' as const },
      ],
      firstResponseAt: at('2026-06-15T08:30:00Z'),
    };
    const clocks = computeClocks(history, DEFAULT_POLICY.high, cal.value);
    const why = explainClocks('high', DEFAULT_POLICY.high, cal.value, clocks, at('2026-06-17T13:30:00Z'));
    expect(why.lines).toEqual([
      'priority high: first response 4h, resolution 8h, business hours (calendar uk: Mon–Fri 09:00-17:00, Europe/London)',
      'first response: met: replied Mon 15 Jun 2026 09:30, due Mon 15 Jun 2026 13:00 (3h 30m business time to spare)',
      // 1 h Mon + 1 h Tue counted; reopened Wed 09:00 BST with 6 h left → due 15:00 BST; at 14:30 BST 30 m left.
      'resolution: running: 30m business time left, due Wed 17 Jun 2026 15:00 (at risk: under 25% left)',
      'paused 1 time(s): pending Mon 15 Jun 2026 10:00 → Tue 16 Jun 2026 09:00',
      'reopened 1 time(s): time counted before each resolve still counts',
    ]);
    expect(why.clocks.map((c) => c.state)).toEqual(['ok', 'at_risk']);
  });

  it('formats instants in the zone given, not the process zone', () => {
    expect(formatInstant(at('2026-01-01T00:30:00Z'), 'America/New_York')).toBe('Wed 31 Dec 2025 19:30');
  });
});

describe('parsing calendars and targets', () => {
  it('reads hours assignments over the default week', () => {
    const week = parseHours(['mon-thu=08:00-12:00,13:00-16:30', 'fri=off', 'sat=10:00-14:00']);
    expect(week.ok && describeWeek(week.value)).toBe('Mon–Thu 08:00-12:00, 13:00-16:30; Sat 10:00-14:00');
    expect(describeWeek(DEFAULT_CALENDAR.week)).toBe('Mon–Fri 09:00-17:00');
    expect(parseHours(['mon=17:00-09:00'])).toMatchObject({ ok: false, error: expect.stringMatching(/ends before it starts/) });
    expect(parseHours(['mon=09:00-12:00,11:00-13:00'])).toMatchObject({ ok: false, error: expect.stringMatching(/overlap/) });
    expect(parseHours(['fri-mon=off'])).toMatchObject({ ok: false });
    expect(parseHours(['mon=25:00-26:00'])).toMatchObject({ ok: false });
    expect(parseHours(['funday=09:00-10:00'])).toMatchObject({ ok: false });
  });

  it('checks zones, working time and holiday dates', () => {
    const week = { mon: ['09:00-17:00'] };
    expect(parseCalendar({ name: 'x', tz: 'Mars/Olympus', week })).toMatchObject({ ok: false, error: expect.stringMatching(/unknown/) });
    expect(parseCalendar({ name: 'x', tz: 'UTC', week: {} })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no working hours/),
    });
    expect(parseCalendar({ name: 'x', tz: 'UTC', week, holidays: [{ date: '2026-02-30', name: 'no' }] })).toMatchObject({ ok: false });
    expect(parseCalendar({ name: 'x', tz: 'Asia/Kolkata', week })).toMatchObject({ ok: true });
  });

  it('reads durations and checks targets', () => {
    expect(['4h', '90m', '1h30m', '1h30', '240'].map((t) => parseMinutes(t))).toEqual(
      [240, 90, 90, 90, 240].map((value) => ({ ok: true, value })),
    );
    for (const bad of ['', '0', '4d', 'h', '-5m', '9999h']) expect(parseMinutes(bad).ok).toBe(false);
    expect(formatMinutes(90)).toBe('1h 30m');
    expect(checkTarget('high', { firstResponseMinutes: 600, resolutionMinutes: 60, is24x7: false })).toMatchObject({ ok: false });
  });
});

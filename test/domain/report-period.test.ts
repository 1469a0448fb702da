import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBy } from '../../src/domain/report-group.js';
import { countByDay, localDays, parseBound, parsePeriod, periodDays } from '../../src/domain/report-period.js';

const H = 3_600_000;
const D = 24 * H;
const NOW = Date.UTC(2026, 2, 16, 12); // Mon 16 Mar 2026 12:00Z
const ctx = { now: NOW, tz: 'UTC', defaultSince: '30d' };

describe('parseBound', () => {
  it('reads relative spans back from now', () => {
    expect(parseBound('12h', NOW, 'UTC', false)).toEqual({ ok: true, value: NOW - 12 * H });
    expect(parseBound('7d', NOW, 'UTC', false)).toEqual({ ok: true, value: NOW - 7 * D });
    expect(parseBound(' 4W ', NOW, 'UTC', false)).toEqual({ ok: true, value: NOW - 28 * D });
    expect(parseBound('now', NOW, 'UTC', true)).toEqual({ ok: true, value: NOW });
  });

  it('reads dates in the zone; --until includes the whole day', () => {
    expect(parseBound('2026-03-01', NOW, 'UTC', false)).toEqual({ ok: true, value: Date.UTC(2026, 2, 1) });
    expect(parseBound('2026-03-01', NOW, 'UTC', true)).toEqual({ ok: true, value: Date.UTC(2026, 2, 2) });
    // New York is UTC-5 on 1 March 2026.
    expect(parseBound('2026-03-01', NOW, 'America/New_York', false)).toEqual({ ok: true, value: Date.UTC(2026, 2, 1, 5) });
    // Today in Auckland (UTC+13) is already Tuesday 17 March at NOW.
    expect(parseBound('today', NOW, 'Pacific/Auckland', false)).toEqual({ ok: true, value: Date.UTC(2026, 2, 16, 11) });
  });

  it('reads date-times, naive in the zone or with an explicit offset', () => {
    expect(parseBound('2026-03-01T09:30', NOW, 'Europe/Berlin', false)).toEqual({ ok: true, value: Date.UTC(2026, 2, 1, 8, 30) });
    expect(parseBound('2026-03-01 09:30:15Z', NOW, 'Europe/Berlin', false)).toEqual({ ok: true, value: Date.UTC(2026, 2, 1, 9, 30, 15) });
    expect(parseBound('2026-03-01T09:30-04:00', NOW, 'UTC', false)).toEqual({ ok: true, value: Date.UTC(2026, 2, 1, 13, 30) });
  });

  it('rejects anything else with one message', () => {
    for (const bad of ['', '7', '7x', '-7d', '2026-02-30', '2026-13-01', '2026-03-01T25:00', 'yesterday', '7 days']) {
      const p = parseBound(bad, NOW, 'UTC', false);
      expect(p.ok, bad).toBe(false);
      if (!p.ok) expect(p.error).not.toContain('\n');
    }
    expect(parseBound('9999999d', NOW, 'UTC', false)).toMatchObject({ ok: false, error: expect.stringContaining('hundred years') });
  });
});

describe('parsePeriod', () => {
  it('defaults to the last 30 days up to now, or to everything', () => {
    expect(parsePeriod({}, ctx)).toEqual({ ok: true, value: { since: NOW - 30 * D, until: NOW } });
    expect(parsePeriod({}, { ...ctx, defaultSince: null })).toEqual({ ok: true, value: { since: null, until: NOW } });
  });

  it('names the flag and refuses empty or reversed periods', () => {
    expect(parsePeriod({ since: 'soon' }, ctx)).toMatchObject({ ok: false, error: expect.stringMatching(/^--since: 'soon'/) });
    expect(parsePeriod({ until: 'later' }, ctx)).toMatchObject({ ok: false, error: expect.stringMatching(/^--until: 'later'/) });
    expect(parsePeriod({ since: '2026-03-10', until: '2026-03-01' }, ctx)).toMatchObject({
      ok: false,
      error: expect.stringContaining('must be before'),
    });
    expect(parsePeriod({}, { ...ctx, tz: 'Mars/Olympus' })).toMatchObject({ ok: false });
  });

  it('a single day is one day long', () => {
    expect(parsePeriod({ since: '2026-03-01', until: '2026-03-01' }, ctx)).toEqual({
      ok: true,
      value: { since: Date.UTC(2026, 2, 1), until: Date.UTC(2026, 2, 2) },
    });
  });
});

describe('periodDays', () => {
  it('lists every local day touched, partial ends included', () => {
    expect(periodDays(NOW - 2 * D, NOW, 'UTC')).toEqual(['2026-03-14', '2026-03-15', '2026-03-16']);
    expect(periodDays(Date.UTC(2026, 2, 1), Date.UTC(2026, 2, 3), 'UTC')).toEqual(['2026-03-01', '2026-03-02']);
    expect(periodDays(Date.UTC(2026, 2, 1), Date.UTC(2026, 2, 1, 0, 0, 1), 'Asia/Tokyo')).toEqual(['2026-03-01']);
  });

  it('has one entry per day across a DST change', () => {
    // Europe/London springs forward on 29 March 2026.
    const days = periodDays(Date.UTC(2026, 2, 27), Date.UTC(2026, 2, 31), 'Europe/London');
    expect(days).toEqual(['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31']);
  });

  it('adds sorted counts into local days of 23 and 25 hours', () => {
    // Europe/London: 29 March 2026 has 23 hours, 25 October 2026 has 25.
    const spring = localDays(Date.UTC(2026, 2, 29), Date.UTC(2026, 2, 30, 12), 'Europe/London');
    expect(spring.map((d) => (d.end - d.start) / H)).toEqual([23, 24]);
    const points = [
      Date.UTC(2026, 2, 28, 23, 59),
      Date.UTC(2026, 2, 29),
      Date.UTC(2026, 2, 29, 22, 59),
      Date.UTC(2026, 2, 29, 23),
      Date.UTC(2026, 2, 31),
    ];
    expect(
      countByDay(
        spring,
        points.map((at) => ({ at, n: 1 })),
      ),
    ).toEqual([2, 1]);
    const autumn = localDays(Date.UTC(2026, 9, 24, 23), Date.UTC(2026, 9, 26), 'Europe/London');
    expect(autumn.map((d) => [d.date, (d.end - d.start) / H])).toEqual([['2026-10-25', 25]]);
    expect(countByDay(autumn, [{ at: Date.UTC(2026, 9, 25, 23, 30), n: 3 }])).toEqual([3]);
  });

  it('is consecutive and covers both ends (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.integer({ min: 1, max: 90 * D }),
        fc.constantFrom('UTC', 'America/New_York', 'Asia/Kathmandu', 'Pacific/Chatham'),
        (since, span, tz) => {
          const days = periodDays(since, since + span, tz);
          for (let i = 1; i < days.length; i++) expect(Date.parse(days[i]!) - Date.parse(days[i - 1]!)).toBe(D);
          expect(days.length).toBeLessThanOrEqual(Math.ceil(span / D) + 2);
        },
      ),
    );
  });
});

describe('parseBy', () => {
  it('accepts the allowed fields only', () => {
    expect(parseBy(undefined, ['category'])).toEqual({ ok: true, value: null });
    expect(parseBy('Priority', ['category', 'priority'])).toEqual({ ok: true, value: 'priority' });
    expect(parseBy('priority', ['category', 'tier'])).toEqual({ ok: false, error: "--by: 'priority' is not one of category, tier" });
  });
});

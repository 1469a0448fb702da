/** The due badge read off stored due times: the same states as readClock() for a running clock. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertText, countAlerts, dueBadge, formatLeft, DEFAULT_SLA_SETTINGS, type SlaSettings } from '../../src/domain/sla-badge.js';
import { DEFAULT_CALENDAR } from '../../src/domain/sla/calendar.js';
import { computeClocks, dueTimesOf, readClock } from '../../src/domain/sla/clocks.js';
import { DEFAULT_POLICY } from '../../src/domain/sla/policy.js';
import { PRIORITIES, type Priority } from '../../src/domain/ticket.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2026, 2, 2, 9, 0); // Monday 09:00 UTC
const business: SlaSettings = {
  policy: DEFAULT_POLICY,
  calendars: Object.fromEntries(PRIORITIES.map((p) => [p, DEFAULT_CALENDAR])) as SlaSettings['calendars'],
};
const row = (priority: string, fr: number | null, res: number | null, next = fr ?? res) => ({
  priority,
  first_response_due_at: fr,
  resolution_due_at: res,
  next_due_at: next,
});

describe('dueBadge', () => {
  it('reads ok, at risk under 25 % of the next target, breached past due (24×7 urgent: first response 1 h)', () => {
    const r = row('urgent', T0 + HOUR, T0 + 4 * HOUR);
    expect(dueBadge(r, DEFAULT_SLA_SETTINGS, T0)).toEqual({ state: 'ok', leftMs: HOUR, dueInMs: HOUR, text: '1h' });
    expect(dueBadge(r, DEFAULT_SLA_SETTINGS, T0 + 45 * MIN)?.state).toBe('ok');
    expect(dueBadge(r, DEFAULT_SLA_SETTINGS, T0 + 46 * MIN)).toMatchObject({ state: 'at_risk', text: '14m' });
    expect(dueBadge(r, DEFAULT_SLA_SETTINGS, T0 + 3 * HOUR)).toMatchObject({
      state: 'breached',
      leftMs: -2 * HOUR,
      dueInMs: -2 * HOUR,
      text: '-2h',
    });
  });

  it('uses the resolution target once the first response is done, and nothing without a running clock', () => {
    const replied = row('urgent', T0 + HOUR, T0 + 4 * HOUR, T0 + 4 * HOUR);
    // Replied: next due is the resolution (4 h target, at risk under 1 h left).
    expect(dueBadge(replied, DEFAULT_SLA_SETTINGS, T0 + 2 * HOUR)).toMatchObject({ state: 'ok', text: '2h' });
    expect(dueBadge(replied, DEFAULT_SLA_SETTINGS, T0 + 3 * HOUR + 1)).toMatchObject({ state: 'at_risk', text: '59m' });
    expect(dueBadge(row('normal', null, null, null), DEFAULT_SLA_SETTINGS, T0)).toBeNull();
  });

  it('judges risk in business time of the priority calendar, but shows the wall-clock time to the due instant', () => {
    // normal: first response 8 business hours (09:00–17:00), due Tuesday 10:00; at Monday 16:30, 1 h 30 m counted left.
    const r = row('normal', T0 + 25 * HOUR, T0 + 3 * 24 * HOUR);
    const at = T0 + 7.5 * HOUR;
    expect(dueBadge(r, business, at)).toMatchObject({ state: 'at_risk', leftMs: 1.5 * HOUR, text: '17h' });
    expect(dueBadge(r, DEFAULT_SLA_SETTINGS, at)).toMatchObject({ state: 'ok', leftMs: 17.5 * HOUR, text: '17h' });
    // Breached at 17:00, read at 19:00: no working time has passed since, yet it is 2 h late.
    expect(dueBadge(row('normal', T0 + 8 * HOUR, null), business, T0 + 10 * HOUR)).toMatchObject({
      state: 'breached',
      leftMs: -0,
      text: '-2h',
    });
  });

  it('agrees with readClock on a running clock (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Priority>(...PRIORITIES),
        fc.integer({ min: 0, max: 14 * 24 * 60 }),
        fc.integer({ min: 0, max: 20 * 24 * 60 }),
        (priority, createdMin, elapsedMin) => {
          const created = T0 + createdMin * MIN;
          const now = created + elapsedMin * MIN;
          const clocks = computeClocks(
            { createdAt: created, statuses: [{ at: created, status: 'open' }], firstResponseAt: null },
            DEFAULT_POLICY[priority],
            DEFAULT_CALENDAR,
          );
          const due = dueTimesOf(clocks);
          const badge = dueBadge({ priority, ...due }, business, now)!;
          const clock = due.next_due_at === due.first_response_due_at ? clocks.firstResponse : clocks.resolution;
          const reading = readClock(clock, now);
          expect(badge.state).toBe(reading.state);
          if (reading.state !== 'breached') expect(badge.leftMs).toBe(reading.leftMs);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('alerts', () => {
  it('counts at risk and breached rows and words the header warning in full and short', () => {
    const rows = [
      row('urgent', T0 - HOUR, null),
      row('urgent', T0 + 10 * MIN, null),
      row('urgent', T0 + HOUR, null),
      row('urgent', T0 - MIN, null),
    ];
    const counts = countAlerts(rows, DEFAULT_SLA_SETTINGS, T0);
    expect(counts).toEqual({ atRisk: 1, breached: 2 });
    expect(alertText(counts)).toEqual({ full: '✗ 2 breached · ! 1 at risk', short: '✗2 !1' });
    expect(alertText({ atRisk: 3, breached: 0 })).toEqual({ full: '! 3 at risk', short: '!3' });
    expect(alertText({ atRisk: 0, breached: 0 })).toBeNull();
  });

  it('formats time left in at most 4 cells', () => {
    expect([0, 59_999, 45 * MIN, 5 * HOUR, 3 * 24 * HOUR, 9 * 7 * 24 * HOUR, -2 * HOUR, -20 * 24 * HOUR].map(formatLeft)).toEqual([
      '0m',
      '0m',
      '45m',
      '5h',
      '3d',
      '9w',
      '-2h',
      '-2w',
    ]);
    fc.assert(fc.property(fc.integer({ min: -1e13, max: 1e13 }), (ms) => formatLeft(ms).length <= 4));
  });
});

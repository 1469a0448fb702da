/** Follow-up times as technicians type them (pure; the clock and TZ=UTC are given). */
import { describe, expect, it } from 'vitest';
import { parseFollowup } from '../../src/domain/followup-time.js';

// Wednesday 2 December 2026, 14:51 (local time is UTC in tests).
const NOW = new Date(2026, 11, 2, 14, 51);
const at = (text: string) => {
  const r = parseFollowup(text, NOW);
  return r.ok ? new Date(r.at).toISOString().slice(0, 16) : `error: ${r.error}`;
};

describe('parseFollowup', () => {
  it('reads days, times and durations', () => {
    expect(NOW.getTimezoneOffset()).toBe(0); // vitest.config.ts sets TZ=UTC
    expect(at('thu 10:00')).toBe('2026-12-03T10:00');
    expect(at('Thursday 10')).toBe('2026-12-03T10:00');
    expect(at('wed')).toBe('2026-12-09T09:00'); // today's weekday means next week's
    expect(at('tomorrow')).toBe('2026-12-03T09:00');
    expect(at('10:00')).toBe('2026-12-03T10:00'); // past today: tomorrow
    expect(at('16:30')).toBe('2026-12-02T16:30');
    expect(at('2026-12-24 08:15')).toBe('2026-12-24T08:15');
    expect(at('+2d')).toBe('2026-12-04T14:51');
    expect(at('3h')).toBe('2026-12-02T17:51');
  });

  it('names what it cannot read', () => {
    expect(at('')).toMatch(/^error: is empty/);
    expect(at('someday')).toMatch(/^error: cannot read 'someday' as a day/);
    expect(at('thu 25:00')).toBe("error: '25:00' is no time of day");
    expect(at('2026-02-30')).toMatch(/^error: cannot read '2026-02-30'/);
    expect(at('2020-01-01 10:00')).toMatch(/has passed$/);
    expect(at('next thu 10:00')).toMatch(/^error: cannot read 'next thu 10:00'/);
  });
});

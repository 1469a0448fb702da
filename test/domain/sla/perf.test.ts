/**
 * Recomputing due times after a calendar change is pure work over every open ticket: it must run at
 * ≥ 100k tickets/s. A fresh calendar object starts with a cold cache, as after `sla calendar set`.
 */
import { describe, expect, it } from 'vitest';
import { parseCalendar } from '../../../src/domain/sla/calendar.js';
import { computeDue, type TicketHistory } from '../../../src/domain/sla/clocks.js';
import { DEFAULT_POLICY } from '../../../src/domain/sla/policy.js';
import { DAY, HOUR } from '../../../src/domain/sla/zone.js';
import { PRIORITIES, type Status } from '../../../src/domain/ticket.js';

function tickets(n: number): Array<{ priority: (typeof PRIORITIES)[number]; history: TicketHistory }> {
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const start = Date.UTC(2025, 0, 1);
  return Array.from({ length: n }, () => {
    const createdAt = start + Math.floor(rnd() * 365 * DAY);
    const statuses: Array<{ at: number; status: Status }> = [{ at: createdAt, status: 'new' }];
    let at = createdAt;
    const steps = Math.floor(rnd() * 4);
    for (let i = 0; i < steps; i++) statuses.push({ at: (at += Math.floor(rnd() * 3 * DAY)), status: (['open', 'pending', 'open', 'on_hold', 'resolved'] as const)[Math.floor(rnd() * 5)]! });
    return { priority: PRIORITIES[Math.floor(rnd() * 4)]!, history: { createdAt, statuses, firstResponseAt: rnd() < 0.6 ? createdAt + Math.floor(rnd() * 6 * HOUR) : null } };
  });
}

describe('SLA recompute throughput', () => {
  it('recomputes 100k tickets at ≥ 100k rows/s after a calendar change', () => {
    const rows = tickets(100_000);
    const week = { mon: ['08:30-12:30', '13:30-17:30'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-16:00'] };
    const holidays = ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-12-25', '2025-12-26'].map((date) => ({ date, name: 'bank holiday' }));
    let best = 0;
    for (let run = 0; run < 3; run++) {
      const cal = parseCalendar({ name: `run${run}`, tz: 'Europe/London', week, holidays });
      if (!cal.ok) throw new Error(cal.error);
      const t0 = performance.now();
      let check = 0;
      for (const r of rows) check += computeDue(r.history, DEFAULT_POLICY[r.priority], cal.value).resolution_due_at ?? 0;
      const rate = rows.length / ((performance.now() - t0) / 1000);
      expect(check).toBeGreaterThan(0);
      best = Math.max(best, rate);
    }
    console.log(`sla recompute: ${Math.round(best).toLocaleString('en-US')} rows/s`);
    expect(best).toBeGreaterThanOrEqual(100_000);
  });
});

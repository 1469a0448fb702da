import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessTime } from '../../../src/domain/sla/business-time.js';
import { parseCalendar, type BusinessCalendar } from '../../../src/domain/sla/calendar.js';
import { computeClocks, computeDue, readClock, type StatusChange, type TicketHistory } from '../../../src/domain/sla/clocks.js';
import { DEFAULT_POLICY, type SlaTarget } from '../../../src/domain/sla/policy.js';
import { DAY, HOUR, MINUTE } from '../../../src/domain/sla/zone.js';
import type { Status } from '../../../src/domain/ticket.js';
import { at, calendar, history } from './arbitraries.js';

const OFFICE = { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] };
const parsed = parseCalendar({ name: 'office', tz: 'Europe/London', week: OFFICE, holidays: [{ date: '2026-12-25', name: 'Christmas' }] });
if (!parsed.ok) throw new Error(parsed.error);
const LONDON: BusinessCalendar = parsed.value;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const h = (createdAt: string, changes: Array<[string, Status]> = [], reply: string | null = null): TicketHistory => ({
  createdAt: at(createdAt),
  statuses: [{ at: at(createdAt), status: 'new' }, ...changes.map(([t, status]) => ({ at: at(t), status }))],
  firstResponseAt: reply === null ? null : at(reply),
});

const target = fc.record({
  firstResponseMinutes: fc.integer({ min: 1, max: 6000 }),
  resolutionMinutes: fc.integer({ min: 1, max: 6000 }),
  is24x7: fc.boolean(),
});

/** The status in force at `t` in a history. */
function statusAt(list: readonly StatusChange[], t: number): Status {
  let s = list[0]!.status;
  for (const c of list) if (c.at <= t) s = c.status;
  return s;
}

describe('clocks: properties', () => {
  it('a ticket open from creation is due exactly target business time later', () => {
    fc.assert(
      fc.property(calendar, target, fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2039, 0, 1) }), (c, t, created) => {
        const due = computeDue({ createdAt: created, statuses: [{ at: created, status: 'open' }], firstResponseAt: null }, t, c);
        const hours = t.is24x7 ? null : c;
        expect(due.first_response_due_at).toBe(addBusinessTime(created, t.firstResponseMinutes * MINUTE, hours));
        expect(due.resolution_due_at).toBe(addBusinessTime(created, t.resolutionMinutes * MINUTE, hours));
        expect(due.next_due_at).toBe(Math.min(due.first_response_due_at!, due.resolution_due_at!));
      }),
      { numRuns: 200 },
    );
  });

  it('a pause never shortens a due time', () => {
    fc.assert(
      fc.property(
        calendar,
        target,
        history,
        fc.nat(30 * DAY),
        fc.nat(10 * DAY),
        fc.constantFrom<Status>('pending', 'on_hold'),
        (c, t, base, p0, len, pause) => {
          const p = base.createdAt + p0;
          const q = p + len;
          const list = base.statuses;
          const paused: StatusChange[] = [
            ...list.filter((s) => s.at < p || s === list[0]),
            { at: p, status: pause },
            { at: q, status: statusAt(list, q) },
            ...list.filter((s) => s.at > q),
          ];
          const before = computeClocks(base, t, c);
          const after = computeClocks({ ...base, statuses: paused }, t, c);
          for (const k of ['firstResponse', 'resolution'] as const) {
            const b = before[k].dueAt ?? Infinity;
            const a = after[k].dueAt ?? Infinity;
            expect(a).toBeGreaterThanOrEqual(b);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a running clock has exactly nothing left at its due instant, and is breached just after', () => {
    fc.assert(
      fc.property(calendar, target, history, (c, t, hist) => {
        const clocks = computeClocks(hist, t, c);
        for (const clock of [clocks.firstResponse, clocks.resolution]) {
          if (clock.phase !== 'running' || clock.reachedAt !== null) continue;
          expect(readClock(clock, clock.dueAt!).leftMs).toBe(0);
          expect(readClock(clock, clock.dueAt!).state).not.toBe('breached');
          expect(readClock(clock, clock.dueAt! + 1).state).toBe('breached');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the process time zone', () => {
    const cases = fc.sample(fc.tuple(calendar, target, history), { numRuns: 100, seed: 7 });
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const base = cases.map(([c, t, hi]) => computeDue(hi, t, { ...c }));
      process.env.TZ = 'Australia/Lord_Howe';
      expect(cases.map(([c, t, hi]) => computeDue(hi, t, { ...c }))).toEqual(base);
    } finally {
      process.env.TZ = saved;
    }
  });
});

describe('clocks: golden cases', () => {
  it('Friday-evening high ticket: both clocks due Monday', () => {
    const due = computeDue(h('2026-01-16T18:30:00Z'), DEFAULT_POLICY.high, LONDON);
    expect(iso(due.first_response_due_at)).toBe('2026-01-19T13:00:00.000Z');
    expect(iso(due.resolution_due_at)).toBe('2026-01-19T17:00:00.000Z');
    expect(iso(due.next_due_at)).toBe('2026-01-19T13:00:00.000Z');
  });

  it('urgent tickets count 24×7, weekends included', () => {
    const due = computeDue(h('2026-01-17T03:00:00Z'), DEFAULT_POLICY.urgent, LONDON);
    expect(iso(due.first_response_due_at)).toBe('2026-01-17T04:00:00.000Z');
    expect(iso(due.resolution_due_at)).toBe('2026-01-17T07:00:00.000Z');
  });

  it('a holiday pushes a normal ticket past Christmas', () => {
    // Thu 24 Dec 16:00, 8 h first response: 1 h Thursday, 25th holiday, weekend, 7 h Monday 28th.
    const due = computeDue(h('2026-12-24T16:00:00Z'), DEFAULT_POLICY.normal, LONDON);
    expect(iso(due.first_response_due_at)).toBe('2026-12-28T16:00:00.000Z');
  });

  it('the first public reply stops the first-response clock', () => {
    const clocks = computeClocks(
      h('2026-01-19T09:00:00Z', [['2026-01-19T09:05:00Z', 'open']], '2026-01-19T10:00:00Z'),
      DEFAULT_POLICY.high,
      LONDON,
    );
    expect(clocks.firstResponse.phase).toBe('stopped');
    expect(iso(clocks.firstResponse.dueAt)).toBe('2026-01-19T13:00:00.000Z');
    expect(readClock(clocks.firstResponse, at('2026-01-20T09:00:00Z'))).toMatchObject({ state: 'ok', leftMs: 3 * HOUR });
    const due = computeDue(h('2026-01-19T09:00:00Z', [], '2026-01-19T10:00:00Z'), DEFAULT_POLICY.high, LONDON);
    expect(iso(due.next_due_at)).toBe('2026-01-19T17:00:00.000Z');
    // A late reply is a recorded breach.
    const late = computeClocks(h('2026-01-19T09:00:00Z', [], '2026-01-19T14:00:00Z'), DEFAULT_POLICY.high, LONDON);
    expect(readClock(late.firstResponse, at('2026-01-21T00:00:00Z'))).toMatchObject({ state: 'breached', leftMs: -HOUR });
  });

  it('a ticket pending over a weekend is due later by the paused business time', () => {
    // Normal (24 h resolution). Thu 10:00 → pending Fri 12:00 → open Tue 10:00.
    // Counted 7 h + 3 h = 10 h before the pause; 14 h left from Tue 10:00: 7 h Tue, 7 h Wed → Wed 16:00.
    const hist = h(
      '2026-01-15T10:00:00Z',
      [
        ['2026-01-16T12:00:00Z', 'pending'],
        ['2026-01-20T10:00:00Z', 'open'],
      ],
      '2026-01-15T10:30:00Z',
    );
    const clocks = computeClocks(hist, DEFAULT_POLICY.normal, LONDON);
    expect(iso(clocks.resolution.dueAt)).toBe('2026-01-21T16:00:00.000Z');
    expect(iso(computeDue(h('2026-01-15T10:00:00Z'), DEFAULT_POLICY.normal, LONDON).resolution_due_at)).toBe('2026-01-20T10:00:00.000Z');
    // While pending: no due time, nothing running, 14 h left.
    const whilePending = computeClocks({ ...hist, statuses: hist.statuses.slice(0, 2) }, DEFAULT_POLICY.normal, LONDON);
    expect(whilePending.resolution).toMatchObject({ phase: 'paused', dueAt: null });
    expect(computeDue({ ...hist, statuses: hist.statuses.slice(0, 2) }, DEFAULT_POLICY.normal, LONDON).next_due_at).toBeNull();
    expect(readClock(whilePending.resolution, at('2026-01-19T12:00:00Z')).leftMs).toBe(14 * HOUR);
  });

  it('a reopened ticket resumes with the time counted before the resolve', () => {
    // High (8 h resolution). Mon 09:00, resolved 12:00 (3 h), reopened Tue 09:00 → due Tue 14:00.
    const resolved = h('2026-01-19T09:00:00Z', [['2026-01-19T12:00:00Z', 'resolved']], '2026-01-19T09:30:00Z');
    const whileResolved = computeClocks(resolved, DEFAULT_POLICY.high, LONDON);
    expect(whileResolved.resolution.phase).toBe('stopped');
    expect(readClock(whileResolved.resolution, at('2026-01-30T00:00:00Z'))).toMatchObject({ state: 'ok', leftMs: 5 * HOUR });
    expect(computeDue(resolved, DEFAULT_POLICY.high, LONDON).next_due_at).toBeNull();
    const reopened = { ...resolved, statuses: [...resolved.statuses, { at: at('2026-01-20T09:00:00Z'), status: 'open' as Status }] };
    const due = computeDue(reopened, DEFAULT_POLICY.high, LONDON);
    expect(iso(due.resolution_due_at)).toBe('2026-01-20T14:00:00.000Z');
    expect(iso(due.next_due_at)).toBe('2026-01-20T14:00:00.000Z');
  });

  it('a breach stays fixed at the moment the target was reached, even after a pause', () => {
    const t: SlaTarget = { firstResponseMinutes: 60, resolutionMinutes: 120, is24x7: true };
    const hist = h('2026-01-19T09:00:00Z', [['2026-01-19T12:00:00Z', 'on_hold']]);
    const clocks = computeClocks(hist, t, LONDON);
    expect(iso(clocks.resolution.dueAt)).toBe('2026-01-19T11:00:00.000Z');
    expect(readClock(clocks.resolution, at('2026-01-19T13:00:00Z'))).toMatchObject({ state: 'breached', leftMs: -HOUR });
  });

  it('marks a clock at risk under 25% left', () => {
    const clocks = computeClocks(h('2026-01-19T09:00:00Z'), DEFAULT_POLICY.high, LONDON);
    expect(readClock(clocks.firstResponse, at('2026-01-19T11:59:00Z')).state).toBe('ok');
    expect(readClock(clocks.firstResponse, at('2026-01-19T12:01:00Z')).state).toBe('at_risk');
    expect(readClock(clocks.firstResponse, at('2026-01-19T13:01:00Z')).state).toBe('breached');
  });
});

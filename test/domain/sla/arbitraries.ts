/** fast-check generators for SLA tests: calendars in real zones, instants, histories. */
import fc from 'fast-check';
import { formatShift, parseCalendar, WEEKDAYS, type BusinessCalendar, type Weekday } from '../../../src/domain/sla/calendar.js';
import type { StatusChange } from '../../../src/domain/sla/clocks.js';
import { DAY, HOUR, MINUTE } from '../../../src/domain/sla/zone.js';
import type { Status } from '../../../src/domain/ticket.js';

/** Zones with DST both ways, half/quarter-hour offsets, the date line, and plain UTC. */
export const ZONES = [
  'UTC',
  'Europe/London',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Pacific/Chatham',
  'Pacific/Apia',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'America/Santiago',
  'Asia/Tehran',
  'Europe/Dublin',
] as const;

/** 2000-01-01 … 2040-01-01. */
export const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) });

/** Up to two shifts a day, on a 15-minute grid, some touching midnight; some days off. */
const day = fc
  .oneof(
    { weight: 1, arbitrary: fc.constant([] as Array<[number, number]>) },
    {
      weight: 4,
      arbitrary: fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 2, maxLength: 4 }).map((q) => {
        const s = [...q].sort((a, b) => a - b);
        const out: Array<[number, number]> = [];
        for (let i = 0; i + 1 < s.length; i += 2) out.push([s[i]! * 15, s[i + 1]! * 15]);
        return out;
      }),
    },
  )
  .map((shifts) => shifts.map(formatShift));

export const calendar: fc.Arbitrary<BusinessCalendar> = fc
  .record({
    tz: fc.constantFrom(...ZONES),
    days: fc.array(day, { minLength: 7, maxLength: 7 }),
    holidays: fc.uniqueArray(fc.integer({ min: Date.UTC(2000, 0, 1) / DAY, max: Date.UTC(2040, 0, 1) / DAY }), { maxLength: 40 }),
  })
  .filter((r) => r.days.some((d) => d.length > 0))
  .map((r) => {
    const week = Object.fromEntries(WEEKDAYS.map((d, i) => [d, r.days[i]!])) as Record<Weekday, string[]>;
    const holidays = r.holidays.map((n) => ({ date: new Date(n * DAY).toISOString().slice(0, 10), name: 'h' }));
    const parsed = parseCalendar({ name: 'gen', tz: r.tz, week, holidays });
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.value;
  });

/** Business durations up to 200 h, whole minutes or arbitrary ms. */
export const duration = fc.oneof(
  fc.integer({ min: 0, max: 200 }).map((h) => h * HOUR),
  fc.integer({ min: 0, max: 200 * HOUR }),
  fc.integer({ min: 0, max: 12_000 }).map((m) => m * MINUTE),
);

const statuses: Status[] = ['new', 'open', 'pending', 'on_hold', 'resolved', 'closed'];

/** A created instant and a time-ordered list of status changes starting there. */
export const history = fc
  .record({
    createdAt: instant,
    first: fc.constantFrom<Status>('new', 'open', 'pending'),
    steps: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 10 * DAY }), status: fc.constantFrom(...statuses) }), { maxLength: 8 }),
    reply: fc.option(fc.integer({ min: 0, max: 20 * DAY }), { nil: null }),
  })
  .map(({ createdAt, first, steps, reply }) => {
    const list: StatusChange[] = [{ at: createdAt, status: first }];
    let at = createdAt;
    for (const s of steps) list.push({ at: (at += s.gap), status: s.status });
    return { createdAt, statuses: list, firstResponseAt: reply === null ? null : createdAt + reply };
  });

export const at = (iso: string): number => Date.parse(iso);

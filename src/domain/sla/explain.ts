/**
 * The human "why" behind a ticket's due times (`ticket show --why`): priority and targets, each
 * clock's phase, time left or over, and the pauses. Times are shown in the calendar's zone.
 */
import type { Priority } from '../ticket.js';
import { describeWeek, type BusinessCalendar } from './calendar.js';
import { readClock, type Clock, type SlaClocks, type SlaState } from './clocks.js';
import { describeTarget, type SlaTarget } from './policy.js';
import { MINUTE } from './zone.js';

export interface ClockExplanation {
  name: Clock['name'];
  phase: Clock['phase'];
  state: SlaState;
  dueAt: number | null;
  leftMs: number;
  text: string;
}

export interface Explanation {
  lines: string[];
  clocks: ClockExplanation[];
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `Mon 2 Mar 2026 11:00` in `tz`. */
export function formatInstant(ms: number, tz: string): string {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: tz,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(tz, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.weekday} ${p.day} ${p.month} ${p.year} ${p.hour}:${p.minute}`;
}

/** Business time as `1h 05m`, `45m`, `0m` (whole minutes, rounded towards zero). */
export function formatSpan(ms: number): string {
  const total = Math.floor(Math.abs(ms) / MINUTE);
  const h = Math.floor(total / 60);
  const m = total % 60;
  return h ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}m`;
}

const LABEL: Record<Clock['name'], string> = { first_response: 'first response', resolution: 'resolution' };

function describeClock(c: Clock, now: number, tz: string): ClockExplanation {
  const r = readClock(c, now);
  const due = c.dueAt === null ? null : formatInstant(c.dueAt, tz);
  const kind = c.calendar ? 'business time' : '24×7';
  const stopped = c.spans[c.spans.length - 1]!.status;
  let text: string;
  if (c.phase === 'stopped') {
    const how = stopped === 'replied' ? 'replied' : stopped;
    text =
      r.state === 'breached'
        ? `breached: ${how} ${formatInstant(c.since, tz)}, due ${due} (${formatSpan(-r.leftMs)} ${kind} over)`
        : `met: ${how} ${formatInstant(c.since, tz)}, due ${due} (${formatSpan(r.leftMs)} ${kind} to spare)`;
  } else if (c.phase === 'paused') {
    const status = c.spans[c.spans.length - 1]!.status;
    text =
      `paused while ${status} since ${formatInstant(c.since, tz)}; ` +
      (r.state === 'breached'
        ? `already breached at ${due} (${formatSpan(-r.leftMs)} ${kind} over)`
        : `${formatSpan(r.leftMs)} ${kind} left when it resumes`);
  } else {
    text =
      r.state === 'breached'
        ? `breached: was due ${due}, ${formatSpan(-r.leftMs)} ${kind} over`
        : `running: ${formatSpan(r.leftMs)} ${kind} left, due ${due}${r.state === 'at_risk' ? ' (at risk: under 25% left)' : ''}`;
  }
  return { name: c.name, phase: c.phase, state: r.state, dueAt: c.dueAt, leftMs: r.leftMs, text: `${LABEL[c.name]}: ${text}` };
}

/** Lines for `ticket show --why`, plus the same facts as data. */
export function explainClocks(
  priority: Priority,
  target: SlaTarget,
  calendar: BusinessCalendar,
  clocks: SlaClocks,
  now: number,
): Explanation {
  const tz = calendar.tz;
  const lines = [
    `priority ${describeTarget(priority, target)}` +
      (target.is24x7
        ? ''
        : ` (calendar ${calendar.name}: ${describeWeek(calendar.week)}, ${tz}${calendar.holidays.length ? `, ${calendar.holidays.length} holiday(s)` : ''})`),
  ];
  const explained = [clocks.firstResponse, clocks.resolution].map((c) => describeClock(c, now, tz));
  lines.push(...explained.map((e) => e.text));
  const pauses = clocks.resolution.spans.filter((s) => s.phase === 'paused' && s.from < now);
  if (pauses.length) {
    const list = pauses.map((s) => `${s.status} ${formatInstant(s.from, tz)} → ${s.to === null ? 'now' : formatInstant(s.to, tz)}`);
    lines.push(`paused ${pauses.length} time(s): ${list.join('; ')}`);
  }
  const resumed = clocks.resolution.spans.filter(
    (s, i) => s.phase === 'running' && i > 0 && clocks.resolution.spans[i - 1]!.phase === 'stopped',
  );
  if (resumed.length) lines.push(`reopened ${resumed.length} time(s): time counted before each resolve still counts`);
  return { lines, clocks: explained };
}

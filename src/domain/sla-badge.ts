/**
 * The queue's "time left" badge, read off a row's stored due times (no history walk). Its state is
 * the SLA engine's: ok, at risk (under 25 % of the next target left, counted in business time of the
 * priority's calendar unless the target is 24×7) or breached — readClock()'s rule for a running
 * clock. Its text is the wall-clock time to the due instant (`45m`, `17h`, `-2h`), as the detail pane
 * and `ticket list` show it: at 16:30 a ticket due 10:00 tomorrow with 1 h 30 m of working time left
 * reads `! 17h` — at risk, breaching in 17 hours.
 */
import type { BusinessCalendar } from './sla/calendar.js';
import { businessTimeBetween, type Hours } from './sla/business-time.js';
import type { SlaState } from './sla/clocks.js';
import { DEFAULT_POLICY, type SlaPolicy, type SlaTarget } from './sla/policy.js';
import { isOneOf, PRIORITIES, type Priority } from './ticket.js';
import { DAY, HOUR, MINUTE } from './sla/zone.js';

export interface DueRow {
  priority: string;
  next_due_at: number | null;
  first_response_due_at: number | null;
  resolution_due_at: number | null;
}

/** Targets and calendars per priority (store/sla-config's SlaConfig fits); null calendars count 24×7. */
export interface SlaSettings {
  policy: SlaPolicy;
  calendars: Readonly<Record<Priority, BusinessCalendar>> | null;
}

export const DEFAULT_SLA_SETTINGS: SlaSettings = { policy: DEFAULT_POLICY, calendars: null };

export interface DueBadge {
  state: SlaState;
  /** Time left on the next target at `now` (negative once over), in the target's own counting. */
  leftMs: number;
  /** Wall-clock time to the due instant (negative once past). */
  dueInMs: number;
  /** dueInMs as `45m`, `3h`, `2d`, `-2h`. */
  text: string;
}

/** A symbol and a word per state that read without colour (the word for screen readers), and the colour on top. */
export const DUE_LOOK: Readonly<Record<SlaState, { glyph: string; word: string; color: string }>> = {
  ok: { glyph: '✓', word: 'ok', color: 'green' },
  at_risk: { glyph: '!', word: 'risk', color: 'yellow' },
  breached: { glyph: '✗', word: 'late', color: 'red' },
};

/** 45s → `0m`, 45m, 5h, 3d, 9w, 2y; negative with a leading `-` (at most 4 cells). */
export function formatLeft(ms: number): string {
  const t = Math.abs(ms);
  const sign = ms < 0 ? '-' : '';
  if (t < HOUR) return `${sign}${Math.floor(t / MINUTE)}m`;
  if (t < DAY) return `${sign}${Math.floor(t / HOUR)}h`;
  if (t < 14 * DAY) return `${sign}${Math.floor(t / DAY)}d`;
  if (t < 365 * DAY) return `${sign}${Math.floor(t / (7 * DAY))}w`;
  return `${sign}${Math.min(99, Math.floor(t / (365 * DAY)))}y`;
}

/** The target the next due time belongs to: first response when it is that clock's due, else resolution. */
function nextTarget(row: DueRow, target: SlaTarget): number {
  const first = row.first_response_due_at !== null && row.first_response_due_at === row.next_due_at;
  return (first ? target.firstResponseMinutes : target.resolutionMinutes) * MINUTE;
}

/** The badge for a row, or null when no clock runs (paused, stopped, or no due time stored). */
export function dueBadge(row: DueRow, settings: SlaSettings, now: number): DueBadge | null {
  const due = row.next_due_at;
  if (due === null) return null;
  const priority: Priority = isOneOf(PRIORITIES, row.priority) ? row.priority : 'normal';
  const target = settings.policy[priority];
  const hours: Hours = target.is24x7 || !settings.calendars ? null : settings.calendars[priority];
  const leftMs = due > now ? businessTimeBetween(now, due, hours) : -businessTimeBetween(due, now, hours);
  const state: SlaState = due < now ? 'breached' : leftMs < nextTarget(row, target) / 4 ? 'at_risk' : 'ok';
  const dueInMs = due - now;
  return { state, leftMs, dueInMs, text: state === 'breached' ? `-${formatLeft(-dueInMs)}` : formatLeft(dueInMs) };
}

export interface AlertCounts {
  atRisk: number;
  breached: number;
}

/** Tallies the badges of rows (e.g. my open tickets) into the header's warning. */
export function countAlerts(rows: readonly DueRow[], settings: SlaSettings, now: number): AlertCounts {
  const out: AlertCounts = { atRisk: 0, breached: 0 };
  for (const r of rows) {
    if (r.next_due_at === null) continue;
    // Past due is breached without walking the calendar back over a long-overdue ticket.
    if (r.next_due_at < now) out.breached++;
    else if (dueBadge(r, settings, now)?.state === 'at_risk') out.atRisk++;
  }
  return out;
}

/** `✗ 2 breached · ! 3 at risk` in full, `✗2 !3` short (only the parts that are not zero); null when all is well. */
export function alertText(c: AlertCounts): { full: string; short: string } | null {
  const parts = (
    [
      ['breached', c.breached],
      ['at_risk', c.atRisk],
    ] as const
  ).filter(([, n]) => n > 0);
  if (!parts.length) return null;
  const label = { breached: 'breached', at_risk: 'at risk' } as const;
  return {
    full: parts.map(([state, n]) => `${DUE_LOOK[state].glyph} ${n} ${label[state]}`).join(' · '),
    short: parts.map(([state, n]) => `${DUE_LOOK[state].glyph}${n}`).join(' '),
  };
}

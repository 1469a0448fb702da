/**
 * SLA clocks from a ticket's history. Each clock counts business time while the ticket is `new` or
 * `open`, pauses while `pending`/`on_hold`, stops while `resolved`/`closed` (a reopen resumes it,
 * time before counts), and the first-response clock stops for good at the first public reply.
 *
 * The due instant is when the counted time reaches the target: fixed once reached, projected from
 * the current running span otherwise, projected from the stop for a stopped clock (so met/breached
 * can be read off it), and null while paused short of the target. Due times never depend on `now`.
 */
import type { Status } from '../ticket.js';
import { ON_ENTER, type Phase } from '../ticket-rules.js';
import { advance, businessTimeBetween, type Hours } from './business-time.js';
import type { BusinessCalendar } from './calendar.js';
import type { SlaTarget } from './policy.js';
import { MINUTE } from './zone.js';

export interface StatusChange {
  at: number;
  status: Status;
}

export interface TicketHistory {
  createdAt: number;
  /** Status changes in time order; the first is the status the ticket was created with. */
  statuses: readonly StatusChange[];
  /** The first public reply by a technician, or null. */
  firstResponseAt: number | null;
}

export type ClockName = 'first_response' | 'resolution';
export type { Phase };

/** A stretch of the clock's life in one phase; `status` is the ticket status that caused it. */
export interface Span {
  from: number;
  to: number | null;
  phase: Phase;
  status: Status | 'replied';
}

export interface Clock {
  name: ClockName;
  targetMs: number;
  /** null when counted 24×7. */
  calendar: BusinessCalendar | null;
  spans: readonly Span[];
  /** The phase now (at the end of history) and since when. */
  phase: Phase;
  since: number;
  dueAt: number | null;
  /** When counted time reached the target, if it has (the breach instant, unless met exactly then). */
  reachedAt: number | null;
}

export interface SlaClocks {
  firstResponse: Clock;
  resolution: Clock;
}

export interface DueTimes {
  first_response_due_at: number | null;
  resolution_due_at: number | null;
  next_due_at: number | null;
}

/** The status timeline, sorted and clamped to creation; an empty history means `new` since creation. */
function timeline(h: TicketHistory): StatusChange[] {
  const list = h.statuses.length ? [...h.statuses].sort((a, b) => a.at - b.at) : [{ at: h.createdAt, status: 'new' as Status }];
  return list.map((s, i) => ({ at: i === 0 ? h.createdAt : Math.max(s.at, h.createdAt), status: s.status }));
}

function spansOf(changes: readonly StatusChange[], stopAt: number | null): Span[] {
  const out: Span[] = [];
  const push = (from: number, phase: Phase, status: Span['status']) => {
    if (out.length && out[out.length - 1]!.from === from) out.pop(); // zero-length: the later change wins
    const prev = out[out.length - 1];
    if (prev && prev.phase === phase && (phase === 'running' || prev.status === status)) {
      prev.to = null;
      return;
    }
    if (prev) prev.to = from;
    out.push({ from, to: null, phase, status });
  };
  for (const c of changes) {
    if (stopAt !== null && c.at >= stopAt) break;
    push(c.at, ON_ENTER[c.status].clocks, c.status);
  }
  if (stopAt !== null) push(Math.max(stopAt, changes[0]!.at), 'stopped', 'replied');
  return out;
}

function clockFrom(name: ClockName, spans: Span[], targetMs: number, calendar: BusinessCalendar | null): Clock {
  const hours: Hours = calendar;
  let remaining = targetMs;
  let reachedAt: number | null = null;
  let projected: number | null = null;
  for (const s of spans) {
    if (s.phase !== 'running') continue;
    const step = advance(s.from, s.to ?? Infinity, remaining, hours);
    if (step.done) {
      if (s.to === null) projected = step.at;
      else reachedAt = step.at;
      break;
    }
    remaining -= step.used;
  }
  const phase = spans[spans.length - 1]!.phase;
  let first = spans.length - 1;
  while (first > 0 && spans[first - 1]!.phase === phase) first--;
  const since = spans[first]!.from;
  let dueAt = reachedAt ?? projected;
  if (dueAt === null && phase === 'stopped') dueAt = advance(since, Infinity, remaining, hours).at;
  return { name, targetMs, calendar, spans, phase, since, dueAt, reachedAt };
}

/** Both clocks for a ticket under one target; the calendar is ignored for a 24×7 target. */
export function computeClocks(history: TicketHistory, target: SlaTarget, calendar: BusinessCalendar): SlaClocks {
  const changes = timeline(history);
  const cal = target.is24x7 ? null : calendar;
  const reply = history.firstResponseAt === null ? null : Math.max(history.firstResponseAt, history.createdAt);
  return {
    firstResponse: clockFrom('first_response', spansOf(changes, reply), target.firstResponseMinutes * MINUTE, cal),
    resolution: clockFrom('resolution', spansOf(changes, null), target.resolutionMinutes * MINUTE, cal),
  };
}

/** The stored due columns: next_due_at is the earliest running clock's due (null when none runs). */
export function dueTimesOf(clocks: SlaClocks): DueTimes {
  const running = [clocks.firstResponse, clocks.resolution].filter((c) => c.phase === 'running' && c.dueAt !== null);
  return {
    first_response_due_at: clocks.firstResponse.dueAt,
    resolution_due_at: clocks.resolution.dueAt,
    next_due_at: running.length ? Math.min(...running.map((c) => c.dueAt!)) : null,
  };
}

export function computeDue(history: TicketHistory, target: SlaTarget, calendar: BusinessCalendar): DueTimes {
  return dueTimesOf(computeClocks(history, target, calendar));
}

export type SlaState = 'ok' | 'at_risk' | 'breached';

export interface ClockReading {
  state: SlaState;
  /** Business ms left at `now` (negative once over); for a stopped clock, what was left at the stop. */
  leftMs: number;
  elapsedMs: number;
}

/** Business time counted up to `now`. */
export function elapsedAt(clock: Clock, now: number): number {
  let total = 0;
  for (const s of clock.spans) {
    if (s.phase !== 'running' || s.from >= now) continue;
    total += businessTimeBetween(s.from, Math.min(s.to ?? now, now), clock.calendar);
  }
  return total;
}

/** The breach instant (the due time) if the clock is breached at `now`, else null. Cheap: no walking. */
export function breachedAt(clock: Clock, now: number): number | null {
  const countedUntil = clock.phase === 'running' ? now : Math.min(clock.since, now);
  return clock.dueAt !== null && clock.dueAt < countedUntil ? clock.dueAt : null;
}

/** ok / at_risk (< 25 % of the target left) / breached, at `now`. */
export function readClock(clock: Clock, now: number): ClockReading {
  const elapsedMs = elapsedAt(clock, now);
  const leftMs = clock.targetMs - elapsedMs;
  const breached = breachedAt(clock, now) !== null;
  const state: SlaState = breached ? 'breached' : clock.phase !== 'stopped' && leftMs < clock.targetMs / 4 ? 'at_risk' : 'ok';
  return { state, leftMs, elapsedMs };
}

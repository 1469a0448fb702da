/**
 * What happens to a ticket when its status changes, as data, and the pure functions that read it.
 * The store asks these functions what to write and writes exactly that; the SLA clocks read the
 * same table (./sla/clocks.ts). Three tables:
 *
 * - ON_ENTER: entering a status stamps or clears resolved_at / closed_at / resolution, and says what
 *   the SLA clocks do while the ticket is in it (run, pause, stop — a stopped clock resumes on reopen).
 * - ON_INTERACTION: which timeline entries stop the first-response clock (a technician's first public one).
 * - AUTO_MOVES: status moves nobody asks for, triggered by an event (a technician assigned, a
 *   requester's email). Automatic rules (follow-ups, auto-close after N days) are added here as
 *   more rows with more triggers; each move still goes through ON_ENTER and TRANSITIONS.
 */
import { TRANSITIONS, type InteractionKind, type Status } from './ticket.js';

/** What the SLA clocks do while a ticket is in a status. */
export type Phase = 'running' | 'paused' | 'stopped';

/** How entering a status treats a time stamp: set it to now, keep it (setting it if empty), or clear it. */
export type StampRule = 'now' | 'keep' | 'clear';
/** How entering a status treats the resolution text: it must be there, it may be, or it goes. */
export type ResolutionRule = 'required' | 'allowed' | 'cleared';

export interface StatusEntry {
  clocks: Phase;
  resolved_at: StampRule;
  closed_at: StampRule;
  resolution: ResolutionRule;
}

const WORKING: StatusEntry = { clocks: 'running', resolved_at: 'clear', closed_at: 'clear', resolution: 'cleared' };
const WAITING: StatusEntry = { clocks: 'paused', resolved_at: 'clear', closed_at: 'clear', resolution: 'cleared' };

export const ON_ENTER: Readonly<Record<Status, StatusEntry>> = {
  new: WORKING,
  open: WORKING,
  pending: WAITING,
  on_hold: WAITING,
  resolved: { clocks: 'stopped', resolved_at: 'now', closed_at: 'clear', resolution: 'required' },
  closed: { clocks: 'stopped', resolved_at: 'keep', closed_at: 'now', resolution: 'allowed' },
};

/** Timeline entries the requester sees: a technician's first one stops the first-response clock. */
export const ON_INTERACTION: Readonly<Record<InteractionKind, { firstResponse: boolean }>> = {
  reply: { firstResponse: true },
  call: { firstResponse: true },
  chat: { firstResponse: true },
  email_out: { firstResponse: true },
  email_in: { firstResponse: false },
  note: { firstResponse: false },
  system: { firstResponse: false },
};

/** What can happen to a ticket that may move it on its own. */
export type Trigger = 'assigned' | `interaction:${InteractionKind}`;

export interface AutoMove {
  /** The rule's name, as the audit trail records it (`rule:<name>`). */
  rule: string;
  on: Trigger;
  from: readonly Status[];
  to: Status;
}

const FIRST_REPLY = 'first-public-reply-opens';

export const AUTO_MOVES: readonly AutoMove[] = [
  // A technician taking a new ticket starts work on it.
  { rule: 'assigned-opens', on: 'assigned', from: ['new'], to: 'open' },
  // A requester writing back reopens the conversation.
  { rule: 'requester-reply-reopens', on: 'interaction:email_in', from: ['pending', 'resolved'], to: 'open' },
  // The first public answer to a new ticket starts work on it.
  { rule: FIRST_REPLY, on: 'interaction:reply', from: ['new'], to: 'open' },
  { rule: FIRST_REPLY, on: 'interaction:email_out', from: ['new'], to: 'open' },
  { rule: FIRST_REPLY, on: 'interaction:call', from: ['new'], to: 'open' },
  { rule: FIRST_REPLY, on: 'interaction:chat', from: ['new'], to: 'open' },
];

/** The fields the rules read and write. */
export interface TicketState {
  status: Status;
  resolved_at: number | null;
  closed_at: number | null;
  resolution: string | null;
  first_response_at: number | null;
}

export type RuleFields = Partial<TicketState>;

export type Decision = { ok: true; set: RuleFields } | { ok: false; field: 'status' | 'resolution'; error: string };

const stamp = (rule: StampRule, current: number | null, now: number) => (rule === 'now' ? now : rule === 'keep' ? (current ?? now) : null);

/** Entering `to` (or staying in it) with the resolution given, if any: the fields to write, or why not. */
function enter(before: TicketState, to: Status, now: number, resolution: string | undefined): Decision {
  const rule = ON_ENTER[to];
  const text = resolution === undefined ? before.resolution : resolution.trim() || null;
  if (rule.resolution === 'required' && text === null)
    return { ok: false, field: 'resolution', error: `is required to mark a ticket ${to}` };
  if (rule.resolution === 'cleared' && resolution !== undefined && text !== null)
    return { ok: false, field: 'resolution', error: `is kept only on resolved or closed tickets, not ${to}` };
  if (to === before.status) return { ok: true, set: text === before.resolution ? {} : { resolution: text } };
  return {
    ok: true,
    set: {
      status: to,
      resolved_at: stamp(rule.resolved_at, before.resolved_at, now),
      closed_at: stamp(rule.closed_at, before.closed_at, now),
      resolution: rule.resolution === 'cleared' ? null : text,
    },
  };
}

/** A move someone asked for: only along TRANSITIONS, with the entry rules of the new status. */
export function moveTo(before: TicketState, to: Status, now: number, resolution?: string): Decision {
  if (to !== before.status && !TRANSITIONS[before.status].includes(to)) {
    return {
      ok: false,
      field: 'status',
      error: `cannot go from ${before.status} to ${to} (allowed: ${TRANSITIONS[before.status].join(', ')})`,
    };
  }
  return enter(before, to, now, resolution);
}

/** The state a new ticket starts in: `status` entered at creation, then the automatic moves of `triggers`. */
export function initialState(status: Status, now: number, resolution: string | null, triggers: readonly Trigger[] = []): Decision {
  const blank: TicketState = { status: 'new', resolved_at: null, closed_at: null, resolution: null, first_response_at: null };
  const entered = enter(blank, status, now, resolution ?? undefined);
  if (!entered.ok) return entered;
  let state: TicketState = { ...blank, ...entered.set, status };
  for (const on of triggers) state = { ...state, ...react(state, on, now) };
  return { ok: true, set: state };
}

/** The automatic move an event makes on a ticket in its status, if any (the first row that applies). */
export function autoMove(status: Status, on: Trigger): AutoMove | undefined {
  return AUTO_MOVES.find((m) => m.on === on && m.from.includes(status));
}

/** What an event does on its own: the automatic moves that apply (each through ON_ENTER), in table order. */
export function react(before: TicketState, on: Trigger, now: number): RuleFields {
  const move = autoMove(before.status, on);
  return move ? entered(before, move.to, now) : {};
}

/** The fields entering `to` writes, with no resolution given (automatic moves, time rules); {} if it cannot. */
export function entered(before: TicketState, to: Status, now: number): RuleFields {
  const decision = enter(before, to, now, undefined);
  return decision.ok ? decision.set : {};
}

/** What a new timeline entry does: the first-response stamp and the automatic moves of its kind. */
export function onInteraction(before: TicketState, kind: InteractionKind, byTechnician: boolean, now: number): RuleFields {
  const set = react(before, `interaction:${kind}`, now);
  if (before.first_response_at === null && byTechnician && ON_INTERACTION[kind].firstResponse) set.first_response_at = now;
  return set;
}

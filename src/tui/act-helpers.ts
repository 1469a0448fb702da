/** Small pure helpers the act reducers share: the selection, targets, queueing an intent, notices. */
import { TRANSITIONS, type Status } from '../domain/ticket.js';
import type { TicketListRow } from '../store/ticket-list.js';
import type { ActState, Intent, Overlay, Target } from './act-types.js';
import { selected } from './queue-window.js';
import type { State } from './state.js';

export function selectedTicket(s: State): TicketListRow | undefined {
  return s.loaded ? selected(s.queue) : undefined;
}

export function withAct(s: State, patch: Partial<ActState>): State {
  return { ...s, act: { ...s.act, ...patch } };
}

export function notice(s: State, text: string, loud = true): State {
  return { ...withAct(s, { loud }), notice: text };
}

export function setOverlay(s: State, overlay: Overlay | null): State {
  return withAct(s, { overlay });
}

/** The selected ticket as a target, with the version last seen of it. */
export function single(s: State, row: TicketListRow): Target {
  const seen = s.act.seen;
  return {
    ids: [row.id],
    label: row.ref,
    bulk: false,
    statuses: [row.status],
    tier: row.tier,
    title: row.title,
    ...(seen && seen.id === row.id ? { version: seen.version } : {}),
  };
}

/** Every marked ticket (bulk), or the selected one. */
export function targetOf(s: State, row: TicketListRow | undefined, bulk: boolean): Target | null {
  const marks = s.act.marks;
  if (bulk && marks.length > 0) {
    return {
      ids: marks.map((m) => m.id),
      label: `${marks.length} ticket${marks.length === 1 ? '' : 's'}`,
      bulk: true,
      statuses: [...new Set(marks.map((m) => m.status))],
    };
  }
  return row ? single(s, row) : null;
}

/** Statuses every target may move to. */
export function allowedStatuses(t: Target): Status[] {
  const lists = t.statuses.map((st) => TRANSITIONS[st as Status] ?? []);
  return (lists[0] ?? []).filter((x) => lists.every((l) => l.includes(x)));
}

/** Queues an intent. `submit`: it comes from the open dialog, which closes (and returns if the write fails). */
export function enqueue(s: State, intent: Intent, submit = false): State {
  const seq = s.act.seq + 1;
  const draft = submit && s.act.overlay ? { ...s.act.overlay, ask: null } : null;
  const next = withAct(s, { seq, queue: [...s.act.queue, { seq, intent, draft }] });
  return submit ? closeOverlay(next) : next;
}

/** Closes the dialog; a dialog waiting to come back (its write failed meanwhile) opens instead. */
export function closeOverlay(s: State): State {
  return withAct(s, { overlay: s.act.restore, restore: null });
}

/** The intent's target, when it has one. */
export function targetOfIntent(i: Intent): Target | null {
  return 'target' in i ? i.target : null;
}

/** The keymap mode of a dialog: a pending question makes any dialog a confirmation. */
export function overlayMode(o: Overlay): 'picker' | 'compose' | 'form' | 'confirm' | 'help' {
  return o.ask ? 'confirm' : o.kind;
}

/** Small pure helpers of the act slice: targets (the selected ticket or the marked ones), queueing intents, dialogs. */
import { TRANSITIONS, type Status } from '../../../domain/ticket.js';
import type { TicketListRow } from '../../../store/ticket-list.js';
import type { ActState, Intent, Overlay, Target } from './types.js';

export function setOverlay(act: ActState, overlay: Overlay | null): ActState {
  return { ...act, overlay };
}

/** The selected ticket as a target, with the version last seen of it. */
export function single(act: ActState, row: TicketListRow): Target {
  const seen = act.seen;
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

/** Every marked ticket (bulk, with the versions they had when marked), or the selected one. */
export function targetOf(act: ActState, row: TicketListRow | undefined, bulk: boolean): Target | null {
  const marks = act.marks;
  if (bulk && marks.length > 0) {
    return {
      ids: marks.map((m) => m.id),
      label: `${marks.length} ticket${marks.length === 1 ? '' : 's'}`,
      bulk: true,
      statuses: [...new Set(marks.map((m) => m.status))],
      versions: Object.fromEntries(marks.map((m) => [m.id, m.version])),
    };
  }
  return row ? single(act, row) : null;
}

/** Statuses every target may move to. */
export function allowedStatuses(t: Target): Status[] {
  const lists = t.statuses.map((st) => TRANSITIONS[st as Status] ?? []);
  return (lists[0] ?? []).filter((x) => lists.every((l) => l.includes(x)));
}

/** Queues an intent. `submit`: it comes from the open dialog, which closes (and returns if the write fails). */
export function enqueue(act: ActState, intent: Intent, submit = false): ActState {
  const seq = act.seq + 1;
  // A bare confirmation keeps its question (it has nothing else to give back).
  const draft = submit && act.overlay ? (act.overlay.kind === 'confirm' ? act.overlay : { ...act.overlay, ask: null }) : null;
  const next = { ...act, seq, queue: [...act.queue, { seq, intent, draft }] };
  return submit ? closeOverlay(next) : next;
}

/** Closes the dialog; a dialog waiting to come back (its write failed meanwhile) opens instead. */
export function closeOverlay(act: ActState): ActState {
  return { ...act, overlay: act.restore, restore: null };
}

/** The intent's target, when it has one. */
export function targetOfIntent(i: Intent): Target | null {
  return 'target' in i ? i.target : null;
}

/** The keymap mode of a dialog: a pending question makes any dialog a confirmation. */
export function overlayMode(o: Overlay): 'picker' | 'compose' | 'form' | 'confirm' | 'help' | 'macro' | 'checklist' {
  return o.ask ? 'confirm' : o.kind;
}

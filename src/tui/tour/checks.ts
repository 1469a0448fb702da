/**
 * Whether a tour step is done, read off the console's real state (the reducer's) and the desk's rows
 * (through the store), never off the keys pressed: a step is done however it was done.
 */
import { TIERS } from '../../domain/ticket.js';
import type { Check, TicketField } from '../../domain/tour-lesson.js';
import type { Actor, Executor } from '../../store/executor.js';
import { timeline } from '../../store/interactions.js';
import { linkedArticles } from '../../store/kb-links.js';
import { findTicket, type TicketView } from '../../store/ticket-view.js';
import { selectedRow } from '../state/select.js';
import type { State } from '../state/types.js';

/** What the state was when the step began (the ticket selected, its tier, the marks, the time). */
export interface Baseline {
  rowId: number | null;
  tier: string | null;
  marks: readonly number[];
  at: number;
}

export function baselineOf(s: State, now: number): Baseline {
  const row = selectedRow(s);
  return { rowId: row?.id ?? null, tier: row?.tier ?? null, marks: s.act.marks.map((m) => m.id), at: now };
}

function hasFields(t: TicketView | null, want: Partial<Record<TicketField, string>>, me: Actor): boolean {
  if (!t) return false;
  return Object.entries(want).every(([field, value]) =>
    field === 'assignee'
      ? value === 'me'
        ? t.assignee?.id === me.id
        : t.assignee?.name === value
      : t[field as Exclude<TicketField, 'assignee'>] === value,
  );
}

/** Checks answered by the state alone (undefined: the check needs the store). */
function fromState(c: Check, s: State, base: Baseline): boolean | undefined {
  if (c.view !== undefined) return s.views[s.view]?.key === c.view;
  if (c.focus !== undefined) return s.focus === c.focus && !s.act.overlay && s.kb.screen === 'off' && !s.dashboard;
  if (c.moved) return (selectedRow(s)?.id ?? base.rowId) !== base.rowId;
  if (c.filter !== undefined)
    return s.focus !== 'filter' && (c.filter === '' ? s.filter.live.trim() === '' : s.filter.live.includes(c.filter));
  if (c.kb !== undefined) return (s.kb.screen !== 'off') === c.kb;
  if (c.marks !== undefined) return s.act.marks.length >= c.marks;
  if (c.dashboard !== undefined) return s.dashboard === c.dashboard;
  return undefined;
}

export async function isDone(c: Check, s: State, base: Baseline, db: Executor, me: Actor): Promise<boolean> {
  const quick = fromState(c, s, base);
  if (quick !== undefined) return quick;
  if (c.marked) {
    if (!base.marks.length) return false;
    const tickets = await Promise.all(base.marks.map((id) => findTicket(db, id)));
    return tickets.every((t) => hasFields(t, c.marked!, me));
  }
  const row = selectedRow(s);
  if (!row) return false;
  if (c.ticket) return hasFields(await findTicket(db, row.id), c.ticket, me);
  if (c.escalated) {
    const t = await findTicket(db, row.id);
    const before = row.id === base.rowId ? base.tier : null;
    return Boolean(t && before && TIERS.indexOf(t.tier as never) > TIERS.indexOf(before as never));
  }
  if (c.timeline) return (await timeline(db, row.id)).some((e) => e.kind === c.timeline && e.created_at >= base.at);
  if (c.links !== undefined) return (await linkedArticles(db, row.id)).length >= c.links;
  return false;
}

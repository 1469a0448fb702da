/**
 * `Y`: the open sync conflicts in a picker (1–9 pick one), then what to do with it: `c` keeps the
 * value that won, `t` takes the one that lost (a field change that syncs). Pure; the write is an
 * intent run through store/sync/resolve.ts, as `deskline sync resolve` runs it.
 */
import { formatRef } from '../../../domain/ticket.js';
import type { ConflictView } from '../../../store/sync/status.js';
import { said, step } from '../step.js';
import type { Step } from '../types.js';
import { picker } from './dialogs.js';
import { enqueue, setOverlay } from './targets.js';
import type { ActState, Overlay, PickOption, Target } from './types.js';

type Picker = Extract<Overlay, { kind: 'picker' }>;

const shown = (v: string | null) => (v === null ? 'nothing' : v);

const ticketTarget = (c: ConflictView): Target => ({ ids: [c.ticket_id], label: formatRef(c.ticket_id), bulk: false, statuses: [] });

export function conflictLabel(c: ConflictView): string {
  return `${formatRef(c.ticket_id)} ${c.field}: kept ${shown(c.kept)}, not ${shown(c.lost)}`;
}

export function openConflicts(act: ActState): Step<ActState> {
  const list = act.conflicts;
  if (list.length === 0) return said(act, 'no open sync conflicts');
  const options = list.map((c, i) => ({ value: String(c.id), label: conflictLabel(c), ...(i < 9 ? { key: String(i + 1) } : {}) }));
  const title = `Sync conflicts (${list.length}): ⏎ or 1–9 to settle one`;
  return step(setOverlay(act, picker(ticketTarget(list[0]!), 'conflict', title, options)));
}

/** The conflict picker's choice (which conflict, then which value). */
export function pickConflict(act: ActState, o: Picker, option: PickOption): Step<ActState> {
  const [id, take] = option.value.split(':');
  const c = act.conflicts.find((x) => String(x.id) === id);
  if (!c) return said(act, 'that conflict was settled meanwhile');
  const target = ticketTarget(c);
  if (o.purpose === 'conflict') {
    const options = [
      { value: `${c.id}:kept`, label: `keep ${shown(c.kept)} (the value that won)`, key: 'c' },
      { value: `${c.id}:lost`, label: `take ${shown(c.lost)} (the value that lost)`, key: 't' },
    ];
    return step(setOverlay(act, picker(target, 'conflictTake', `${conflictLabel(c)} — c keep · t take`, options)));
  }
  return step(enqueue(act, { kind: 'syncResolve', target, conflict: c.id, take: take === 'lost' ? 'lost' : 'kept' }, true));
}

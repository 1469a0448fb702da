/**
 * Relating tickets from the queue, pure: `M` merges the marked tickets into the selected one and `P`
 * makes the selected ticket their parent (each asks first, naming both sides); `F` opens a one-line
 * box for a follow-up time, read by the same parser as `ticket followup` when it is saved.
 */
import type { TicketListRow } from '../../../store/ticket-list.js';
import { said, step } from '../step.js';
import type { Step } from '../types.js';
import { compose } from './dialogs.js';
import { setOverlay, single, targetOf } from './targets.js';
import type { ActState, Intent, Target } from './types.js';

/** `HD-9, HD-10 and 3 more`: the marked refs a question names. */
function refsOf(act: ActState, except: number): string {
  const refs = act.marks.filter((m) => m.id !== except).map((m) => m.ref);
  return refs.length > 3 ? `${refs.slice(0, 3).join(', ')} and ${refs.length - 3} more` : refs.join(', ');
}

/** The marked tickets other than the selected one, as a bulk target (null when none is marked). */
function markedOthers(act: ActState, row: TicketListRow): Target | null {
  const others = { ...act, marks: act.marks.filter((m) => m.id !== row.id) };
  return others.marks.length ? targetOf(others, row, true) : null;
}

function ask(act: ActState, target: Target, question: string, intent: Intent): ActState {
  return setOverlay(act, { kind: 'confirm', target, ask: { question, intent } });
}

export function relationCommand(
  act: ActState,
  c: 'mergeMarked' | 'parentOfMarked' | 'followup',
  row: TicketListRow | undefined,
): Step<ActState> {
  if (!row) return said(act, 'no ticket selected');
  const one = single(act, row);
  if (c === 'followup') return step(setOverlay(act, compose(one, 'followup')));
  const marked = markedOthers(act, row);
  const verb = c === 'mergeMarked' ? 'merges them into' : 'makes it their parent';
  if (!marked) return said(act, `mark tickets with x first: then ${c === 'mergeMarked' ? 'M' : 'P'} on ${row.ref} ${verb}`);
  const refs = refsOf(act, row.id);
  if (c === 'mergeMarked')
    return step(ask(act, marked, `Merge ${refs} into ${row.ref}? (they close)`, { kind: 'merge', target: marked, into: one }));
  return step(ask(act, marked, `Make ${row.ref} the parent of ${refs}?`, { kind: 'parent', target: marked, parent: one }));
}

/**
 * The detail pane's related tickets as a list, pure: ⏎ in the detail pane focuses it, j/k move, ⏎
 * follows to the highlighted ticket (selected in the queue even when the view does not hold it), and
 * Esc comes back the way it went (a history stack), then leaves the list.
 */
import { pickQueue, reload } from './queue.js';
import { selectedRow } from './select.js';
import type { RelatedState, State } from './types.js';

/** The related tickets of the ticket the detail pane shows (none while it loads). */
function listOf(s: State) {
  const row = selectedRow(s);
  return row && s.detail.id === row.id ? (s.detail.related ?? []) : [];
}

/** Selects ticket `id` in the queue: kept there (the view may not hold it) and reloaded around it. */
function goTo(s: State, id: number, related: RelatedState, focus: State['focus']): State {
  const act = { ...s.act, keep: id };
  return { ...s, ...reload(pickQueue(s), { kind: 'anchor', id, select: true }), act, related, focus };
}

/** `j`/`k` in the related list. */
export function moveRelated(s: State, by: number): State {
  const index = Math.max(0, Math.min(listOf(s).length - 1, s.related.index + by));
  return index === s.related.index ? s : { ...s, related: { ...s.related, index } };
}

/** ⏎ in the detail pane focuses the list; ⏎ in the list goes to the highlighted ticket. */
export function pickRelated(s: State): State {
  const list = listOf(s);
  const row = selectedRow(s);
  const r = s.related;
  if (!row) return s;
  if (s.focus === 'related') {
    const to = list[r.index];
    return to ? goTo(s, to.id, { index: 0, history: [...r.history, { id: row.id, index: r.index }] }, 'related') : s;
  }
  if (s.detail.related === null || s.detail.id !== row.id) return { ...s, notice: `${row.ref}: related tickets are still loading` };
  if (list.length === 0) return { ...s, notice: `${row.ref} has no related tickets (links, merges and P make some)` };
  return { ...s, focus: 'related', related: { ...r, index: Math.min(r.index, list.length - 1) } };
}

/** Esc: back to the ticket followed from (the list keeps its place), else out of the list, else to the queue. */
export function backRelated(s: State): State {
  const last = s.related.history[s.related.history.length - 1];
  if (last) return goTo(s, last.id, { index: last.index, history: s.related.history.slice(0, -1) }, s.focus);
  if (s.focus === 'related') return { ...s, focus: 'detail' };
  return { ...s, focus: 'queue', related: { index: 0, history: [] } };
}

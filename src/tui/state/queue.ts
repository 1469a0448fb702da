/**
 * The queue's part of the state (QueueSlice), pure: moving the selection, asking for rows, taking
 * the answers. Each takes and returns the slice; the loader (hooks/use-queue-data.ts) answers requests.
 */
import type { TicketListRow } from '../../store/ticket-list.js';
import { addPage, move, replaceRows, scrollIntoView, selected } from './queue-window.js';
import type { LoadRequest, QueueSlice, StateAction } from './types.js';

export function pickQueue(s: QueueSlice): QueueSlice {
  return { queue: s.queue, gen: s.gen, request: s.request, loaded: s.loaded, waiting: s.waiting, pageSize: s.pageSize };
}

/** Asks for rows; an anchored reload keeps the old rows on screen until the answer. */
export function reload(q: QueueSlice, request: LoadRequest): QueueSlice {
  return { ...q, gen: q.gen + 1, request, loaded: request.kind === 'anchor' ? q.loaded : false, waiting: true };
}

/** Reload keeping the selected ticket where possible. */
export function reloadHere(q: QueueSlice): QueueSlice {
  const row = q.loaded ? selected(q.queue) : undefined;
  // A reload already asked for (after a write: the ticket to keep) is asked again rather than replaced.
  if (q.waiting && q.request.kind !== 'none') return reload(q, q.request);
  return reload(q, row ? { kind: 'anchor', id: row.id } : { kind: 'start' });
}

export function moveBy(q: QueueSlice, delta: number, page = false): QueueSlice {
  return { ...q, queue: move(q.queue, delta, q.pageSize, page) };
}

/** `g`: the first row, loading from the top when rows are missing above or a reload is on its way. */
export function toTop(q: QueueSlice): QueueSlice {
  if (q.queue.hasBefore || !q.loaded || q.waiting) return reload(q, { kind: 'start' });
  return moveBy(q, -q.queue.sel);
}

/** `G`: the last row, loading the end when rows are missing below or a reload is on its way. */
export function toBottom(q: QueueSlice): QueueSlice {
  if (q.queue.hasAfter || !q.loaded || q.waiting) return reload(q, { kind: 'end' });
  return moveBy(q, q.queue.rows.length - 1 - q.queue.sel);
}

export function rowsLoaded(q: QueueSlice, a: Extract<StateAction, { type: 'rowsLoaded' }>): QueueSlice {
  if (a.gen !== q.gen) return q;
  const req = q.request;
  const current = q.loaded ? selected(q.queue)?.id : undefined;
  // `select`: a ticket just created is selected even though another row still is.
  const keep = req.kind === 'anchor' && req.select ? req.id : (current ?? (req.kind === 'anchor' ? req.id : null));
  return { ...q, queue: replaceRows(q.queue, a.rows, a, keep, a.fallback, q.pageSize), loaded: true, waiting: false };
}

export function pageLoaded(q: QueueSlice, a: Extract<StateAction, { type: 'pageLoaded' }>): QueueSlice {
  const rows = q.queue.rows;
  const edge = a.dir === 'after' ? rows[rows.length - 1] : rows[0];
  if (a.gen !== q.gen || !q.loaded || edge?.id !== a.cursorId) return q;
  return { ...q, queue: addPage(q.queue, a.dir, a.rows, a.hasMore, q.pageSize) };
}

/** Written tickets show their new values at once (the reload that follows places them). */
export function patchRows(q: QueueSlice, rows: readonly TicketListRow[]): QueueSlice {
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (!q.queue.rows.some((r) => byId.has(r.id))) return q;
  // A written ticket's fresh values over the old row (which keeps what the ticket view lacks: the child count).
  const fresh = (r: TicketListRow) => (byId.has(r.id) ? { ...r, ...byId.get(r.id)! } : r);
  return { ...q, queue: { ...q.queue, rows: q.queue.rows.map(fresh) } };
}

/** A new page size (the layout changed): the selection stays on screen. */
export function fitPage(q: QueueSlice, pageSize: number): QueueSlice {
  return pageSize === q.pageSize ? q : { ...q, pageSize, queue: scrollIntoView(q.queue, pageSize) };
}

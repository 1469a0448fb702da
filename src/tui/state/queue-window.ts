/**
 * The queue's cache window, pure: a few screens of rows around the selection, fetched by keyset
 * pages, with the selection (`sel`) and first visible row (`top`) as indices into `rows`.
 * A move past the loaded edge while more rows exist waits in `pending` until the page arrives.
 */
import type { TicketListRow } from '../../store/ticket-list.js';

export interface QueueWindow {
  rows: TicketListRow[];
  hasBefore: boolean;
  hasAfter: boolean;
  sel: number;
  top: number;
  /** Rows still to move once the next page lands (+ down, − up). */
  pending: number;
}

export const EMPTY_WINDOW: QueueWindow = { rows: [], hasBefore: false, hasAfter: false, sel: 0, top: 0, pending: 0 };

/** How many rows the window keeps: about three screens, never fewer than 120. */
export function windowCap(pageSize: number): number {
  return Math.max(120, pageSize * 3);
}

/** How many rows one keyset page fetches. */
export function pageLimit(pageSize: number): number {
  return Math.max(40, pageSize);
}

export function selected(w: QueueWindow): TicketListRow | undefined {
  return w.rows[w.sel];
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

/** Keeps the selection on screen and the screen inside the loaded rows. */
export function scrollIntoView(w: QueueWindow, pageSize: number): QueueWindow {
  let top = w.top;
  if (w.sel < top) top = w.sel;
  if (w.sel >= top + pageSize) top = w.sel - pageSize + 1;
  top = clamp(top, 0, Math.max(0, w.rows.length - pageSize));
  return top === w.top ? w : { ...w, top };
}

/** Moves the selection by `delta` (after any move still pending); `page` scrolls the screen with it. */
export function move(w: QueueWindow, delta: number, pageSize: number, page = false): QueueWindow {
  if (w.rows.length === 0) return w;
  const last = w.rows.length - 1;
  const target = w.sel + w.pending + delta;
  let pending = 0;
  if (target > last && w.hasAfter) pending = target - last;
  if (target < 0 && w.hasBefore) pending = target;
  const sel = clamp(target, 0, last);
  const top = page ? w.top + (sel - w.sel) : w.top;
  return scrollIntoView({ ...w, sel, top, pending }, pageSize);
}

/** Adds a keyset page at one edge, trims the far edge down to the cap, then applies pending moves. */
export function addPage(
  w: QueueWindow,
  dir: 'after' | 'before',
  page: readonly TicketListRow[],
  hasMore: boolean,
  pageSize: number,
): QueueWindow {
  const known = new Set(w.rows.map((r) => r.id));
  const fresh = page.filter((r) => !known.has(r.id));
  const cap = windowCap(pageSize);
  let next: QueueWindow;
  if (dir === 'after') {
    const rows = [...w.rows, ...fresh];
    const drop = Math.max(0, Math.min(rows.length - cap, w.top));
    next = { ...w, rows: rows.slice(drop), hasAfter: hasMore, hasBefore: w.hasBefore || drop > 0, sel: w.sel - drop, top: w.top - drop };
  } else {
    const rows = [...fresh, ...w.rows];
    const visibleEnd = w.top + fresh.length + pageSize;
    const drop = Math.max(0, Math.min(rows.length - cap, rows.length - visibleEnd));
    next = {
      ...w,
      rows: rows.slice(0, rows.length - drop),
      hasBefore: hasMore,
      hasAfter: w.hasAfter || drop > 0,
      sel: w.sel + fresh.length,
      top: w.top + fresh.length,
    };
  }
  const pending = next.pending;
  const waiting = (pending > 0 && dir === 'after') || (pending < 0 && dir === 'before');
  return waiting ? move({ ...next, pending: 0 }, pending, pageSize) : next;
}

/**
 * Replaces the rows (first load, refresh, jump to an end). The selection stays on `keepId` when that
 * ticket is still there, at the same screen line; otherwise it lands on `fallback`.
 */
export function replaceRows(
  w: QueueWindow,
  rows: TicketListRow[],
  edges: { hasBefore: boolean; hasAfter: boolean },
  keepId: number | null,
  fallback: number,
  pageSize: number,
): QueueWindow {
  const kept = keepId === null ? -1 : rows.findIndex((r) => r.id === keepId);
  const sel = clamp(kept >= 0 ? kept : fallback, 0, Math.max(0, rows.length - 1));
  const offset = clamp(w.sel - w.top, 0, Math.max(0, pageSize - 1));
  const top = fallback >= rows.length - 1 && kept < 0 ? sel - pageSize + 1 : sel - offset;
  return scrollIntoView({ rows, ...edges, sel, top: Math.max(0, top), pending: 0 }, pageSize);
}

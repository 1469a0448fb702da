/**
 * Loading the queue's rows through the store, by keyset only: the first rows, the last rows (the
 * reversed sort), a keyset page at an edge, or the rows around one ticket (refresh keeps it selected).
 */
import type { ParsedQuery, SortKey } from '../../domain/query.js';
import type { Executor } from '../../store/executor.js';
import type { FilterContext } from '../../store/ticket-filter.js';
import { listTickets, type TicketListRow } from '../../store/ticket-list.js';
import { findTicket, type TicketView } from '../../store/ticket-view.js';

export interface Source {
  db: Executor;
  query: ParsedQuery;
  ctx(): FilterContext;
}

export interface Loaded {
  rows: TicketListRow[];
  hasBefore: boolean;
  hasAfter: boolean;
  /** Where the selection lands when the selected ticket is not among the rows. */
  fallback: number;
}

function list(src: Source, limit: number, cursor: { after?: TicketListRow; before?: TicketListRow } = {}, query = src.query) {
  return listTickets(src.db, { query, ctx: src.ctx(), limit, ...cursor });
}

export async function loadStart(src: Source, limit: number): Promise<Loaded> {
  const rows = await list(src, limit + 1);
  return { rows: rows.slice(0, limit), hasBefore: false, hasAfter: rows.length > limit, fallback: 0 };
}

export function reversedSort(sort: SortKey): SortKey {
  return (sort.startsWith('-') ? sort.slice(1) : `-${sort}`) as SortKey;
}

/** The last `limit` rows: the first rows of the reversed sort, turned around. */
export async function loadEnd(src: Source, limit: number): Promise<Loaded> {
  const reversed = await list(src, limit + 1, {}, { ...src.query, sort: reversedSort(src.query.sort) });
  const rows = reversed.slice(0, limit).reverse();
  return { rows, hasBefore: reversed.length > limit, hasAfter: false, fallback: rows.length - 1 };
}

export async function loadPage(
  src: Source,
  dir: 'after' | 'before',
  cursor: TicketListRow,
  limit: number,
): Promise<{ rows: TicketListRow[]; hasMore: boolean }> {
  const rows = await list(src, limit + 1, { [dir]: cursor });
  if (dir === 'after') return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
  return { rows: rows.slice(rows.length > limit ? 1 : 0), hasMore: rows.length > limit };
}

/** A ticket as a keyset cursor (and as a queue row): its current values (it may no longer match the query). */
export function cursorOf(t: TicketView): TicketListRow {
  return {
    id: t.id,
    ref: t.ref,
    title: t.title,
    status: t.status,
    priority: t.priority,
    priority_rank: t.priority_rank,
    category: t.category,
    channel: t.channel,
    tier: t.tier,
    created_at: t.created_at,
    updated_at: t.updated_at,
    next_due_at: t.next_due_at,
    first_response_due_at: t.first_response_due_at,
    resolution_due_at: t.resolution_due_at,
    requester_name: t.requester?.name ?? null,
    assignee_name: t.assignee?.name ?? null,
    version: t.version,
  };
}

/**
 * `above` rows before ticket `id` (at its current place in the order), the ticket itself if it still
 * matches, and `below` rows after it. A ticket gone from the view leaves the selection on its successor,
 * unless `sticky` (the console just acted on it): then it stays, at its place in the order.
 */
export async function loadAround(src: Source, id: number, above: number, below: number, sticky = false): Promise<Loaded> {
  const ticket = await findTicket(src.db, id);
  if (!ticket) return loadStart(src, above + below + 1);
  const cursor = cursorOf(ticket);
  const [before, after] = await Promise.all([list(src, above + 1, { before: cursor }), list(src, below + 1, { after: cursor })]);
  const prev = before[before.length - 1];
  const [first] = await list(src, 1, prev ? { after: prev } : {});
  const member = first?.id === id;
  const head = before.slice(Math.max(0, before.length - above));
  const rows = [...head, ...(member ? [first!] : sticky ? [cursor] : []), ...after.slice(0, below)];
  return { rows, hasBefore: before.length > above, hasAfter: after.length > below, fallback: head.length };
}

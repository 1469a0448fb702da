/**
 * The change feed (`ticket list --changed-since CURSOR --json`): tickets whose change_seq is above the
 * cursor, in change order, and the cursor to ask with next. change_seq is taken inside each writing
 * transaction (migration 013) and SQLite commits one writer at a time, so numbers become visible in
 * order: nothing can later appear at or below a cursor a reader has been given. A ticket changed
 * several times since the cursor appears once, as it is now.
 */
import { formatRef } from '../domain/ticket.js';
import type { Executor } from './executor.js';

export interface FeedRow {
  id: number;
  ref: string;
  title: string;
  status: string;
  priority: string;
  requester_name: string | null;
  assignee_name: string | null;
  updated_at: number;
  version: number;
  change_seq: number;
}

export interface FeedPage {
  tickets: FeedRow[];
  /** Ask with this next time; the same cursor when nothing changed. */
  cursor: number;
  /** True when `limit` cut the page short: ask again at once. */
  more: boolean;
}

export async function changedSince(db: Executor, cursor: number, limit: number): Promise<FeedPage> {
  const rows = await db
    .selectFrom('tickets')
    .leftJoin('requesters', 'requesters.id', 'tickets.requester_id')
    .leftJoin('technicians', 'technicians.id', 'tickets.assignee_id')
    .select([
      'tickets.id',
      'tickets.title',
      'tickets.status',
      'tickets.priority',
      'requesters.name as requester_name',
      'technicians.name as assignee_name',
      'tickets.updated_at',
      'tickets.version',
      'tickets.change_seq',
    ])
    .where('tickets.change_seq', '>', cursor)
    .orderBy('tickets.change_seq')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit).map((r) => ({ ...r, ref: formatRef(r.id) }));
  return { tickets: page, cursor: page.length ? page[page.length - 1]!.change_seq : cursor, more: rows.length > limit };
}

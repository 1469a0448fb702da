/** Reading tickets as the faces show them: fields, requester, assignee, tags — one ticket or many at once. */
import type { TicketRow } from '../db/schema.js';
import { formatRef } from '../domain/ticket.js';
import { EXIT, fail } from '../errors.js';
import type { Executor } from './executor.js';
import { tagsOf } from './tags.js';

export interface Person {
  id: number;
  name: string;
  email: string | null;
}

export interface RequesterContact extends Person {
  phone: string | null;
  department: string | null;
}

/** Written by triggers (013), so a view the store builds from what it wrote could not know them: left out. */
type TriggerColumns = 'change_seq' | 'status_at';

export interface TicketView extends Omit<TicketRow, TriggerColumns> {
  ref: string;
  requester: RequesterContact | null;
  assignee: Person | null;
  /** The group it is assigned to (011), if any. */
  group: { id: number; name: string } | null;
  tags: string[];
  /** Its attachments (name, size, the timeline entry they came with), when the reader asked for them (the console's detail pane). */
  attachments?: readonly { name: string; size: number; interactionId?: number | null }[];
}

/** A view from what the caller already holds (a row it just wrote, the people it resolved). */
export function viewOf(
  row: Omit<TicketRow, TriggerColumns> & Partial<Pick<TicketRow, TriggerColumns>>,
  requester: RequesterContact | null,
  assignee: Person | null,
  tags: readonly string[],
  group: { id: number; name: string } | null = null,
): TicketView {
  const { change_seq: _seq, status_at: _since, ...fields } = row;
  return { ...fields, ref: formatRef(row.id), requester, assignee, group, tags: [...tags].sort() };
}

const byId = <T extends { id: number }>(rows: readonly T[]) => new Map(rows.map((r) => [r.id, r]));
const present = (ids: readonly (number | null)[]) => [...new Set(ids.filter((id): id is number => id !== null))];

/** Ids per read: four queries for each this many tickets (well under SQLite's limit on parameters). */
const IDS_PER_READ = 500;

/** Views of many tickets, four queries per 500, in the order of `ids`; missing ids are left out. */
export async function ticketViews(db: Executor, ids: readonly number[]): Promise<TicketView[]> {
  const out: TicketView[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_READ) out.push(...(await viewsOfSome(db, ids.slice(i, i + IDS_PER_READ))));
  return out;
}

async function viewsOfSome(db: Executor, ids: readonly number[]): Promise<TicketView[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('tickets').selectAll().where('id', 'in', ids).execute();
  const requesterIds = present(rows.map((r) => r.requester_id));
  const assigneeIds = present(rows.map((r) => r.assignee_id));
  const groupIds = present(rows.map((r) => r.group_id));
  const [requesters, assignees, tags, groups] = await Promise.all([
    requesterIds.length
      ? db.selectFrom('requesters').select(['id', 'name', 'email', 'phone', 'department']).where('id', 'in', requesterIds).execute()
      : [],
    assigneeIds.length ? db.selectFrom('technicians').select(['id', 'name', 'email']).where('id', 'in', assigneeIds).execute() : [],
    tagsOf(
      db,
      rows.map((r) => r.id),
    ),
    groupIds.length ? db.selectFrom('groups').select(['id', 'name']).where('id', 'in', groupIds).execute() : [],
  ]);
  const groupOf = byId(groups);
  const found = byId(rows);
  const requesterOf = byId(requesters);
  const assigneeOf = byId(assignees);
  return ids.flatMap((id) => {
    const row = found.get(id);
    if (!row) return [];
    const requester = row.requester_id === null ? null : (requesterOf.get(row.requester_id) ?? null);
    const assignee = row.assignee_id === null ? null : (assigneeOf.get(row.assignee_id) ?? null);
    const group = row.group_id === null ? null : (groupOf.get(row.group_id) ?? null);
    return [viewOf(row, requester, assignee, tags.get(id) ?? [], group)];
  });
}

export async function findTicket(db: Executor, id: number): Promise<TicketView | null> {
  return (await ticketViews(db, [id]))[0] ?? null;
}

export async function getTicket(db: Executor, id: number): Promise<TicketView> {
  return (await findTicket(db, id)) ?? fail(EXIT.notFound, `no ticket ${formatRef(id)}`);
}

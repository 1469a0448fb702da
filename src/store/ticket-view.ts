/** Reading one ticket as the faces show it: fields, requester, assignee, tags. */
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

export interface TicketView extends TicketRow {
  ref: string;
  requester: RequesterContact | null;
  assignee: Person | null;
  tags: string[];
}

export async function findTicket(db: Executor, id: number): Promise<TicketView | null> {
  const row = await db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const [requester, assignee, tags] = await Promise.all([
    row.requester_id === null
      ? null
      : db
          .selectFrom('requesters')
          .select(['id', 'name', 'email', 'phone', 'department'])
          .where('id', '=', row.requester_id)
          .executeTakeFirst(),
    row.assignee_id === null
      ? null
      : db.selectFrom('technicians').select(['id', 'name', 'email']).where('id', '=', row.assignee_id).executeTakeFirst(),
    tagsOf(db, [row.id]),
  ]);
  return { ...row, ref: formatRef(row.id), requester: requester ?? null, assignee: assignee ?? null, tags: tags.get(row.id) ?? [] };
}

export async function getTicket(db: Executor, id: number): Promise<TicketView> {
  return (await findTicket(db, id)) ?? fail(EXIT.notFound, `no ticket ${formatRef(id)}`);
}

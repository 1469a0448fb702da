/** Creating tickets: validated input in, a stored ticket with due times and an audit event out. */
import type { TicketInput } from '../domain/ticket-input.js';
import { PRIORITY_RANK } from '../domain/ticket.js';
import { withImmediate } from '../db/immediate.js';
import { recordEvent } from './audit.js';
import type { Actor, Executor } from './executor.js';
import { resolveRequester } from './requesters.js';
import { addTags } from './tags.js';
import { recomputeDue } from './sla.js';
import { findTechnician } from './technicians.js';
import { getTicket, type TicketView } from './ticket-view.js';

export interface Created {
  ticket: TicketView;
  /** True when `externalId` matched a ticket created before: nothing was written. */
  existing: boolean;
}

/** Resolves `me` / `none` / a name or email to a technician id. */
export async function resolveAssignee(db: Executor, who: string | null, actor: Actor): Promise<number | null> {
  if (who === null || who.toLowerCase() === 'none') return null;
  if (who.toLowerCase() === 'me') return actor.id;
  return (await findTechnician(db, who)).id;
}

/** Creates tickets in one IMMEDIATE transaction: all or nothing. */
export async function createTickets(db: Executor, inputs: readonly TicketInput[], actor: Actor, now = Date.now()): Promise<Created[]> {
  return withImmediate(db, async (trx) => {
    const out: Created[] = [];
    for (const input of inputs) out.push(await insertTicket(trx, input, actor, now));
    return out;
  });
}

export async function createTicket(db: Executor, input: TicketInput, actor: Actor, now = Date.now()): Promise<Created> {
  return (await createTickets(db, [input], actor, now))[0]!;
}

/** Inserts one ticket inside the caller's transaction. */
export async function insertTicket(trx: Executor, input: TicketInput, actor: Actor, now: number): Promise<Created> {
  if (input.externalId) {
    const found = await trx.selectFrom('tickets').select('id').where('external_id', '=', input.externalId).executeTakeFirst();
    if (found) return { ticket: await getTicket(trx, found.id), existing: true };
  }
  const requesterId = input.requester ? await resolveRequester(trx, input.requester, now) : null;
  const assigneeId = await resolveAssignee(trx, input.assignee, actor);
  const status = input.status === 'new' && assigneeId !== null ? 'open' : input.status;
  const done = status === 'resolved' || status === 'closed';
  const { id } = await trx
    .insertInto('tickets')
    .values({
      title: input.title,
      description: input.description,
      status,
      priority: input.priority,
      priority_rank: PRIORITY_RANK[input.priority],
      category: input.category,
      channel: input.channel,
      requester_id: requesterId,
      assignee_id: assigneeId,
      tier: input.tier,
      external_id: input.externalId,
      created_at: now,
      updated_at: now,
      first_response_at: null,
      resolved_at: done ? now : null,
      closed_at: status === 'closed' ? now : null,
      resolution: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addTags(trx, id, input.tags);
  await recordEvent(trx, id, actor, 'create', [], now);
  await recomputeDue(trx, id, now);
  return { ticket: await getTicket(trx, id), existing: false };
}

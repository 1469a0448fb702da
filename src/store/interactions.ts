/** The timeline: replies, notes, calls, chats, emails and system events, with minutes spent. */
import type { InteractionRow } from '../db/schema.js';
import { withImmediate } from '../db/immediate.js';
import { PUBLIC_KINDS, type InteractionKind, type Status } from '../domain/ticket.js';
import { EXIT, fail } from '../errors.js';
import { recordEvent } from './audit.js';
import type { Actor, Executor } from './executor.js';
import { recomputeDue } from './sla.js';
import { getTicket } from './ticket-view.js';

export interface InteractionInput {
  kind: InteractionKind;
  body: string;
  minutes?: number;
}

/** A requester writing back reopens the conversation: status moves as data. */
const ON_REQUESTER_REPLY: Partial<Record<Status, Status>> = { pending: 'open', resolved: 'open' };

export async function addInteraction(
  db: Executor,
  ticketId: number,
  input: InteractionInput,
  actor: Actor,
  now = Date.now(),
): Promise<InteractionRow> {
  return withImmediate(db, (trx) => insertInteraction(trx, ticketId, input, actor, now));
}

export async function insertInteraction(
  trx: Executor,
  ticketId: number,
  input: InteractionInput,
  actor: Actor,
  now: number,
): Promise<InteractionRow> {
  const minutes = input.minutes ?? 0;
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 24 * 60)
    fail(EXIT.invalid, `minutes: must be a whole number from 0 to 1440 (got ${minutes})`);
  if (input.kind !== 'system' && input.body.trim() === '' && minutes === 0) fail(EXIT.invalid, 'text: is empty');
  const ticket = await getTicket(trx, ticketId);
  const row = await trx
    .insertInto('interactions')
    .values({
      ticket_id: ticketId,
      kind: input.kind,
      author_id: actor.id,
      author_name: actor.name,
      body: input.body,
      minutes,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

  const firstResponse =
    ticket.first_response_at === null && actor.id !== null && PUBLIC_KINDS.includes(input.kind) ? now : ticket.first_response_at;
  const status = input.kind === 'email_in' ? (ON_REQUESTER_REPLY[ticket.status as Status] ?? ticket.status) : ticket.status;
  await trx
    .updateTable('tickets')
    .set({
      updated_at: now,
      version: ticket.version + 1,
      first_response_at: firstResponse,
      status,
      ...(status !== ticket.status ? { resolved_at: null } : {}),
    })
    .where('id', '=', ticketId)
    .execute();
  const changes = status !== ticket.status ? [{ field: 'status', old: ticket.status, new: status }] : [];
  await recordEvent(trx, ticketId, actor, input.kind, [...changes, { field: 'minutes', old: null, new: String(minutes) }], now);
  await recomputeDue(trx, ticketId, now);
  return row;
}

export async function timeline(db: Executor, ticketId: number): Promise<InteractionRow[]> {
  return db.selectFrom('interactions').selectAll().where('ticket_id', '=', ticketId).orderBy('created_at').orderBy('id').execute();
}

/**
 * A technician's public reply to a requester with an address becomes an email in the outbox, in the
 * transaction that writes the reply: the subject, text, Message-ID (also kept on the entry) and
 * threading are fixed now. Notes, calls, chats and the system's entries never leave.
 */
import { randomBytes } from 'node:crypto';
import type { InteractionRow, OutboxRow } from '../db/schema.js';
import { messageIdDomain, newMessageId, replySubject, threadHeaders } from '../domain/mail-message.js';
import type { Actor, Executor } from './executor.js';
import { enqueueMessage } from './outbox.js';
import type { TicketView } from './ticket-view.js';

/** The Message-IDs of the ticket's earlier emails, oldest first (the ticket's own when it came by mail). */
async function earlierMessageIds(trx: Executor, ticket: TicketView, exceptEntry: number): Promise<string[]> {
  const rows = await trx
    .selectFrom('interactions')
    .select('message_id')
    .where('ticket_id', '=', ticket.id)
    .where('message_id', 'is not', null)
    .where('id', '!=', exceptEntry)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const own = ticket.external_id && /^<[^<>\s]+>$/.test(ticket.external_id) ? [ticket.external_id] : [];
  return [...own, ...rows.map((r) => r.message_id!)];
}

export function mailText(body: string, from: string, ref: string): string {
  return `${body.trimEnd()}\n\n-- \n${from} · ${ref}\n`;
}

/** Queues the email for a reply (nothing when it is no technician's reply or the requester has no address). */
export async function queueReplyMail(
  trx: Executor,
  ticket: TicketView,
  entry: InteractionRow,
  actor: Actor,
  now: number,
): Promise<OutboxRow | null> {
  if (entry.kind !== 'reply' || actor.id === null || !ticket.requester?.email) return null;
  const messageId = newMessageId(ticket.ref, entry.id, randomBytes(4).toString('hex'), messageIdDomain(actor.email));
  const thread = threadHeaders(await earlierMessageIds(trx, ticket, entry.id));
  await trx.updateTable('interactions').set({ message_id: messageId }).where('id', '=', entry.id).execute();
  return enqueueMessage(trx, {
    kind: 'reply',
    ticket_id: ticket.id,
    interaction_id: entry.id,
    message_id: messageId,
    to_address: ticket.requester.email.trim(),
    to_name: ticket.requester.name,
    from_name: actor.name,
    subject: replySubject(ticket.ref, ticket.title),
    body: mailText(entry.body, actor.name, ticket.ref),
    in_reply_to: thread.inReplyTo,
    refs: thread.references,
    next_attempt_at: now,
    created_at: now,
  });
}

/**
 * Queues the acknowledgement of a ticket just opened by mail, inside the transaction that opened it
 * (./mail-deliver.ts): to the sender, `[HD-n] <title>`, In-Reply-To the incoming Message-ID so it
 * threads in the requester's mail program. Never to automatic mail or the desk's own addresses.
 */
import { randomBytes } from 'node:crypto';
import { acknowledgementText, mayAcknowledge } from '../domain/acknowledgement.js';
import { messageIdDomain, newMessageId, replySubject, threadHeaders } from '../domain/mail-message.js';
import { formatRef } from '../domain/ticket.js';
import type { MailIn } from './mail-types.js';
import type { WriteSession } from './write-session.js';

export interface AcknowledgeOptions {
  /** The text, with placeholders (domain/acknowledgement.ts ACK_PLACEHOLDERS). */
  template: string;
  /** The name it comes from (the desk's address is added at send time). */
  fromName: string;
  /** The desk's own addresses: mail from them is never acknowledged. */
  deskAddresses: readonly string[];
}

/** Queues it; the outbox id, or null when this message gets none. */
export async function queueAcknowledgement(
  session: WriteSession,
  ticketId: number,
  mail: MailIn,
  options: AcknowledgeOptions,
  now: number,
): Promise<number | null> {
  if (!mayAcknowledge(mail, options.deskAddresses)) return null;
  const title = (await session.value<string>('SELECT title FROM tickets WHERE id = ?', ticketId))!;
  const ref = formatRef(ticketId);
  const made = mail.messageId.endsWith('@deskline.invalid>');
  const thread = threadHeaders([...[...mail.replyTo].reverse(), ...(made ? [] : [mail.messageId])]);
  const domain = messageIdDomain(options.deskAddresses[0]);
  const row = {
    kind: 'acknowledgement',
    ticket_id: ticketId,
    message_id: newMessageId(ref, 'ack', randomBytes(4).toString('hex'), domain),
    to_address: mail.from.email.trim(),
    to_name: mail.from.name ?? null,
    from_name: options.fromName,
    subject: replySubject(ref, title),
    body: acknowledgementText(options.template, { ref, title, name: mail.from.name, email: mail.from.email }),
    in_reply_to: thread.inReplyTo,
    refs: thread.references,
    next_attempt_at: now,
    created_at: now,
  };
  return session.insert(
    `INSERT INTO outbox (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
      .map(() => '?')
      .join(', ')})`,
    ...Object.values(row),
  );
}

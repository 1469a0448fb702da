/**
 * One email → the desk, inside the caller's transaction (an import's, or ./mail-deliver.ts's for IMAP
 * intake). Threading first: `[HD-12]` in the subject, else an In-Reply-To/References id matching a
 * ticket opened by email (its external_id) or an entry's message_id. A person's mail on a known ticket
 * is added as an incoming email, and the requester's reopens a pending or resolved ticket
 * (domain/ticket-rules.ts AUTO_MOVES, audited, SLA clocks recomputed); other mail opens a ticket.
 * Automatic mail (auto-replies, bulk, bounces) never opens a ticket: on a known ticket it becomes an
 * internal note, else it is left out. A Message-ID already on the desk adds nothing.
 */
import { InputError, validateTicketInput } from '../domain/ticket-input.js';
import { onInteraction, type TicketState } from '../domain/ticket-rules.js';
import { sessionAudit } from './audit-append.js';
import { RecordProblem } from './import-problem.js';
import type { ImportTicketIn, Outcome } from './import-types.js';
import type { WriterContext } from './import-tickets.js';
import type { ImportMailIn, MailIn, MailResult } from './mail-types.js';
import { dueRefresher } from './sla-refresh-raw.js';
import { SQL_WORDS } from './write-session.js';

/** How each fate counts in an import's summary. */
export const MAIL_OUTCOME: Readonly<Record<MailResult['fate'], Outcome>> = {
  created: 'created',
  replied: 'updated',
  reopened: 'updated',
  noted: 'updated',
  ignored: 'skipped',
  known: 'skipped',
};

type WriteTicket = (t: ImportTicketIn) => Promise<{ id: number }>;
type Row = TicketState & { id: number; requester_email: string | null; version: number };

const SUBJECT_REF = /\[HD-(\d{1,15})\]/i;
const REPLY_PREFIX = /^\s*((re|fw|fwd|aw|wg|sv|vs|tr|antw)\s*(\[\d+\])?\s*:\s*)+/i;

/** A subject as a ticket title: reply and forward prefixes and the `[HD-12]` tag off, at most 200 characters. */
export function titleOfSubject(subject: string, text: string): string {
  const title = subject.replace(SUBJECT_REF, ' ').replace(REPLY_PREFIX, '').replace(/\s+/g, ' ').trim();
  const chosen =
    title ||
    text
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ||
    '(no subject)';
  return Array.from(chosen).length > 200 ? `${Array.from(chosen).slice(0, 199).join('')}…` : chosen;
}

export function mailWriter(w: WriterContext, writeTicket: WriteTicket): (item: ImportMailIn) => Promise<MailResult> {
  const { session, sync } = w;
  const audit = sessionAudit(session).append;
  const refreshDue = dueRefresher(session, w.config, audit);
  const bump = (what: string) => (w.counts[what] = (w.counts[what] ?? 0) + 1);
  const q = {
    knownEntry: 'SELECT ticket_id FROM interactions WHERE message_id = ?',
    knownTicket: 'SELECT id FROM tickets WHERE external_id = ?',
    ticket: `SELECT t.id, t.status, t.resolved_at, t.closed_at, t.resolution, t.first_response_at, t.version, r.email AS requester_email
         FROM tickets t LEFT JOIN requesters r ON r.id = t.requester_id WHERE t.id = ?`,
    entry:
      'INSERT INTO interactions (ticket_id, kind, author_id, author_name, body, minutes, created_at, message_id) VALUES (?, ?, NULL, ?, ?, 0, ?, ?)',
    attachment:
      'INSERT INTO attachments (ticket_id, interaction_id, name, content_type, size, sha256, added_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    touch: `UPDATE tickets SET updated_at = ${SQL_WORDS[session.dialect].greatest}(updated_at, ?), version = version + 1 WHERE id = ?`,
  };
  const known = async (messageId: string) =>
    (await session.value<number>(q.knownTicket, messageId)) ?? (await session.value<number>(q.knownEntry, messageId));

  const threadOf = async (mail: MailIn): Promise<Row | null> => {
    const ref = SUBJECT_REF.exec(mail.subject)?.[1];
    const byRef = ref ? await session.get<Row>(q.ticket, Number(ref)) : undefined;
    if (byRef) return byRef;
    for (const id of mail.replyTo) {
      const ticketId = await known(id);
      if (ticketId !== undefined) return (await session.get<Row>(q.ticket, ticketId))!;
    }
    return null;
  };

  /** The columns a requester's reply set (it reopened the ticket), or null. */
  const reopen = async (before: Row, mail: MailIn, at: number): Promise<Partial<TicketState> | null> => {
    const fromRequester = mail.from?.email != null && mail.from.email === before.requester_email;
    const set = fromRequester ? onInteraction(before, 'email_in', false, at) : {};
    if (!set.status || set.status === before.status) return null;
    const columns = Object.keys(set) as (keyof TicketState)[];
    await session.run(
      `UPDATE tickets SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
      ...columns.map((c) => set[c] ?? null),
      before.id,
    );
    await audit({
      ticket_id: before.id,
      actor: mail.from!.name,
      at,
      action: 'email_in',
      field: 'status',
      old_value: before.status,
      new_value: set.status,
    });
    await refreshDue(before.id, w.now);
    return set;
  };

  const append = async (ticket: Row, mail: MailIn, at: number): Promise<MailResult> => {
    const automatic = mail.automatic !== null;
    const kind = automatic ? 'note' : 'email_in';
    const author = mail.from?.name || mail.from?.email || 'unknown sender';
    const body = automatic ? `Automatic mail (${mail.automatic}) from ${author}: ${mail.subject}\n\n${mail.text}` : mail.text;
    const entryId = await session.insert(q.entry, ticket.id, kind, author, body, at, mail.messageId);
    const files: number[] = [];
    for (const a of mail.attachments) {
      const values = [ticket.id, entryId, a.name, a.contentType, a.data.byteLength, w.blobs().put(a.data), w.actor, at];
      files.push(await (sync ? session.insert(q.attachment, ...values) : session.run(q.attachment, ...values)));
      bump('attachments');
    }
    await session.run(q.touch, at, ticket.id);
    const set = automatic ? null : await reopen(ticket, mail, at);
    const reopened = set !== null;
    // For the other desks (./sync/intake-ops.ts): the entry with the move it caused, then its files.
    sync?.entry(ticket.id, entryId, set ?? {});
    for (const id of files) sync?.attachment(ticket.id, id);
    if (!reopened) await audit({ ticket_id: ticket.id, actor: author, at, action: kind, field: null, old_value: null, new_value: null });
    w.touched.add(ticket.id);
    bump(automatic ? 'automatic mails kept as notes' : reopened ? 'replies that reopened' : 'replies');
    return { fate: automatic ? 'noted' : reopened ? 'reopened' : 'replied', ticketId: ticket.id };
  };

  const open = async (item: ImportMailIn, at: number): Promise<MailResult> => {
    const { mail } = item;
    let input;
    try {
      input = validateTicketInput({
        title: titleOfSubject(mail.subject, mail.text),
        description: mail.text,
        channel: 'email',
        externalId: mail.messageId,
        createdAt: at,
      });
    } catch (error) {
      if (error instanceof InputError) throw new RecordProblem(item.place, error.field, error.message.slice(error.field.length + 2));
      throw error;
    }
    const requester = mail.from
      ? { name: mail.from.name || mail.from.email!, email: mail.from.email, phone: null, department: null }
      : null;
    const attachments = mail.attachments.map((a) => ({ ...a, createdAt: at }));
    const { id } = await writeTicket({
      kind: 'ticket',
      place: item.place,
      externalId: mail.messageId,
      input,
      requester,
      assignee: null,
      interactions: [],
      attachments,
      history: [],
    });
    return { fate: 'created', ticketId: id };
  };

  return async (item) => {
    const { mail } = item;
    const there = await known(mail.messageId);
    if (there !== undefined) return { fate: 'known', ticketId: there };
    const at = mail.date ?? w.now;
    const ticket = await threadOf(mail);
    if (ticket) return append(ticket, mail, at);
    if (mail.automatic !== null) {
      bump(`automatic mails left out (${mail.automatic})`);
      return { fate: 'ignored', ticketId: null };
    }
    return open(item, at);
  };
}

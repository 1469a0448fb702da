/**
 * What forgetting a requester does inside its transaction, the same where it is asked (`requester
 * forget`, ./redaction.ts) and on a replica that pulls it (./sync/forget-op.ts): their fields blanked,
 * their name, email and phone cut from their tickets' texts, their own emails (and those emails'
 * attachments) removed whole, the audit trail scrubbed, a redaction recorded per ticket. The callers
 * run it in their dialect's scrubbing transaction and delete the dropped attachments' bytes after.
 */
import type { RequesterRow } from '../db/schema.js';
import { formatRef } from '../domain/ticket.js';
import { recordEvent } from './audit.js';
import { needleScrub, scrubAuditEvents } from './audit-redaction.js';
import type { Actor, Executor } from './executor.js';
import { FORGOTTEN, REDACTED } from './redaction-marks.js';

export interface Forgotten {
  tickets: string[];
  texts: number;
  audited: number;
  /** The texts removed (their words may have to leave the search indexes). */
  removed: string[];
  /** The ids of their tickets. */
  ticketIds: number[];
  /** The needles cut from texts (name, email, phone): what the sync log must lose too. */
  needles: string[];
}

export async function forgetWork(trx: Executor, who: RequesterRow, why: string, actor: Actor, now: number, doomed: string[]) {
  const needles = [who.email, who.phone, who.name].filter((n): n is string => Boolean(n && n.trim().length >= 3));
  const scrubAll = needleScrub(needles, REDACTED);
  const scrub = (text: string) => scrubAll(text, null);
  const tickets = await trx
    .selectFrom('tickets')
    .select(['id', 'title', 'description'])
    .where('requester_id', '=', who.id)
    .orderBy('id')
    .execute();
  let texts = 0;
  const removed = [...needles];
  for (const t of tickets) {
    const [title, description] = [scrub(t.title), scrub(t.description)];
    if (title !== t.title || description !== t.description) {
      texts += Number(title !== t.title) + Number(description !== t.description);
      await trx.updateTable('tickets').set({ title, description }).where('id', '=', t.id).execute();
    }
    for (const e of await trx.selectFrom('interactions').select(['id', 'kind', 'body']).where('ticket_id', '=', t.id).execute()) {
      if (e.kind === 'email_in') await dropAttachments(trx, [e.id], doomed);
      const body = e.kind === 'email_in' ? REDACTED : scrub(e.body);
      if (body === e.body) continue;
      texts++;
      if (e.kind === 'email_in') removed.push(e.body);
      await trx.updateTable('interactions').set({ body }).where('id', '=', e.id).execute();
    }
    await noteRedaction(trx, t.id, { interaction_id: null, requester_id: who.id, what: 'requester forgotten' }, why, actor, now);
  }
  await trx
    .updateTable('requesters')
    .set({ name: FORGOTTEN, email: null, phone: null, department: null })
    .where('id', '=', who.id)
    .execute();
  await trx.deleteFrom('ticket_followers').where('requester_id', '=', who.id).execute();
  const ticketIds = tickets.map((t) => t.id);
  const audited = await scrubAuditEvents(trx, { ticketIds, unattached: true }, scrubAll, actor, now);
  if (tickets.length === 0)
    await noteRedaction(trx, null, { interaction_id: null, requester_id: who.id, what: 'requester forgotten' }, why, actor, now);
  return { tickets: tickets.map((t) => formatRef(t.id)), texts, audited, removed, ticketIds, needles } satisfies Forgotten;
}

/** A redaction's record, and its audit event on the ticket. */
export async function noteRedaction(
  trx: Executor,
  ticketId: number | null,
  what: { interaction_id: number | null; requester_id: number | null; what: string },
  reason: string,
  actor: Actor,
  now: number,
): Promise<void> {
  await trx
    .insertInto('redactions')
    .values({ ticket_id: ticketId, ...what, reason, actor: actor.name, at: now })
    .execute();
  if (ticketId !== null)
    await recordEvent(trx, ticketId, actor, 'redact', [{ field: 'redacted', old: null, new: `${what.what}: ${reason}` }], now);
}

/** The files attached to these timeline entries: their rows go now, their bytes after the commit (`doomed`). */
export async function dropAttachments(trx: Executor, interactionIds: readonly number[], doomed: string[]): Promise<void> {
  const rows = await trx.selectFrom('attachments').select(['id', 'sha256']).where('interaction_id', 'in', interactionIds).execute();
  if (rows.length === 0) return;
  await trx
    .deleteFrom('attachments')
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  doomed.push(...rows.map((r) => r.sha256));
}

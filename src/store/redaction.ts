/**
 * Redaction: personal data removed for good. `ticket redact HD-7 --interaction 3` replaces one timeline
 * entry's text with a marker; `requester forget EMAIL` blanks a requester and every text of their tickets
 * that names them (and their own emails in whole). Each re-indexes the ticket (by trigger), records who
 * removed what and why (redactions, and an audit event per ticket) and drops the entries' attachments,
 * in one write transaction whose dialect module (SCRUB) also purges what the search keeps of the old
 * words and says what still holds the old text (SQLite: secure_delete, merged FTS5 segments, the WAL
 * checkpointed; PostgreSQL: the typo vocabulary, row versions until VACUUM). Audit events holding the
 * removed text get the marker as well, with a chained statement per event so `db check` still passes
 * (store/audit-redaction.ts).
 */
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dialectOf, type Dialect } from '../db/dialect.js';
import { formatRef } from '../domain/ticket.js';
import { checkText } from '../domain/text-rules.js';
import { EXIT, fail } from '../errors.js';
import { attachmentsFolder } from './attachment-files.js';
import { entryScrub, scrubAuditEvents } from './audit-redaction.js';
import type { Desk } from './desk.js';
import type { Actor, Executor } from './executor.js';
import { scrubPg } from './redaction-pg.js';
import { scrubSqlite } from './redaction-sqlite.js';
import type { ScrubbedWork } from './redaction-types.js';
import { getTicket } from './ticket-view.js';
import { REDACTED } from './redaction-marks.js';
import { dropAttachments, forgetWork, noteRedaction } from './requester-forget.js';
import { recordRedaction, refuseOnReplica } from './sync/redact-op.js';
import { recordForget } from './sync/forget-op.js';
import { dropServerBlobs } from './attachment-blobs.js';

export { FORGOTTEN, REDACTED } from './redaction-marks.js';

export interface RedactionResult {
  tickets: string[];
  /** Texts replaced (timeline entries, descriptions, titles, a resolution). */
  texts: number;
  /** Audit events whose old or new value held the removed text. */
  audited: number;
  /** What still holds the old text after the commit and when it goes (a reader kept SQLite's WAL; a server's old row versions), or null. */
  leftover: string | null;
}

type Work = (trx: Executor, doomed: string[]) => Promise<ScrubbedWork<Omit<RedactionResult, 'leftover'>>>;
const SCRUB: Record<Dialect, typeof scrubSqlite> = { sqlite: scrubSqlite, postgres: scrubPg };

/** Replaces the `position`-th entry (1-based, as `ticket show` numbers them) of a ticket's timeline. */
export async function redactInteraction(desk: Desk, ticketId: number, position: number, reason: string, actor: Actor, now = Date.now()) {
  refuseOnReplica(desk.db);
  const why = requireReason(reason);
  return scrubbing(desk, async (trx, doomed) => {
    const ticket = await getTicket(trx, ticketId);
    const entries = await trx
      .selectFrom('interactions')
      .select(['id', 'body'])
      .where('ticket_id', '=', ticketId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const entry =
      entries[position - 1] ?? fail(EXIT.notFound, `${formatRef(ticketId)} has no timeline entry ${position} (it has ${entries.length})`);
    if (entry.body !== REDACTED) await trx.updateTable('interactions').set({ body: REDACTED }).where('id', '=', entry.id).execute();
    await dropAttachments(trx, [entry.id], doomed);
    // The entry's words may have reached the ticket's resolution and the trail's values ("Resolved: …").
    const scrub = entryScrub(entry.body, REDACTED);
    const resolution = ticket.resolution === null ? null : scrub(ticket.resolution, 'resolution');
    if (resolution !== ticket.resolution) await trx.updateTable('tickets').set({ resolution }).where('id', '=', ticketId).execute();
    const audited = await scrubAuditEvents(trx, { ticketIds: [ticketId] }, scrub, actor, now);
    await noteRedaction(
      trx,
      ticketId,
      { interaction_id: entry.id, requester_id: null, what: `timeline entry ${position}` },
      why,
      actor,
      now,
    );
    // Replicas remove it at their next pull; the sync log's copy of the entry goes now.
    await recordRedaction(trx, ticketId, entry, why, actor, now);
    const texts = Number(entry.body !== REDACTED) + Number(resolution !== ticket.resolution);
    const removed = [entry.body, ...(resolution !== ticket.resolution ? [ticket.resolution!] : [])];
    return { result: { tickets: [formatRef(ticketId)], texts, audited }, removed };
  });
}

/** Forgets a requester: their fields blanked, their emails replaced, their name, email and phone cut from their tickets' texts. */
export async function forgetRequester(desk: Desk, email: string, reason: string, actor: Actor, now = Date.now()) {
  refuseOnReplica(desk.db);
  const why = requireReason(reason);
  return scrubbing(desk, async (trx, doomed) => {
    const who = await trx
      .selectFrom('requesters')
      .selectAll()
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
      .executeTakeFirst();
    if (!who) return fail(EXIT.notFound, `no requester with email ${email.trim()}`);
    const done = await forgetWork(trx, who, why, actor, now, doomed);
    // Replicas forget them at their next pull; the sync log's copies of their texts go now.
    await recordForget(trx, who.email!, done, why, actor, now);
    return { result: { tickets: done.tickets, texts: done.texts, audited: done.audited }, removed: done.removed };
  });
}

function requireReason(reason: string): string {
  const why = checkText('reason', reason, 'text').trim();
  return why || fail(EXIT.invalid, '--reason: is required (who asked, which law, what it held)');
}

/** Deletes the bytes no attachment row names any more (the same file may be attached elsewhere). */
async function deleteBytes(desk: Desk, hashes: readonly string[]): Promise<void> {
  for (const hash of new Set(hashes)) {
    const still = await desk.db.selectFrom('attachments').select('id').where('sha256', '=', hash).limit(1).executeTakeFirst();
    if (still) continue;
    const path = join(attachmentsFolder(desk), hash.slice(0, 2), hash);
    if (existsSync(path)) {
      writeFileSync(path, Buffer.alloc(statSync(path).size)); // zeros over the bytes before the name goes
      rmSync(path, { force: true });
    }
  }
  await dropServerBlobs(desk.db, hashes); // a server desk's copy (those no row names)
}

/** Runs `work` in the dialect's scrubbing transaction, then deletes the bytes of the attachments it dropped. */
async function scrubbing(desk: Desk, work: Work): Promise<RedactionResult> {
  const doomed: string[] = [];
  const { result, leftover } = await SCRUB[dialectOf(desk.db)](desk, (trx) => work(trx, doomed));
  await deleteBytes(desk, doomed);
  return { ...result, leftover };
}

/**
 * Redaction: personal data removed for good. `ticket redact HD-7 --interaction 3` replaces one timeline
 * entry's text with a marker; `requester forget EMAIL` blanks a requester and every text of their tickets
 * that names them (and their own emails in whole). Each runs with `secure_delete` on (freed space is
 * zeroed), re-indexes the ticket (the 006 triggers) and merges the search index so no segment keeps the
 * old words, records who removed what and why (redactions, and an audit event per ticket), then
 * checkpoints the WAL so the old pages leave the -wal file too. Audit events holding the removed text
 * get the marker as well, with a chained statement per event so `db check` still passes
 * (store/audit-redaction.ts).
 */
import type Database from 'better-sqlite3';
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withImmediate } from '../db/immediate.js';
import { formatRef } from '../domain/ticket.js';
import { checkText } from '../domain/text-rules.js';
import { EXIT, fail } from '../errors.js';
import { attachmentsFolder } from './attachment-files.js';
import { recordEvent } from './audit.js';
import { entryScrub, needleScrub, scrubAuditEvents } from './audit-redaction.js';
import type { Desk } from './desk.js';
import type { Actor, Executor } from './executor.js';
import { rawSqlite } from './sqlite-raw.js';
import { getTicket } from './ticket-view.js';
import { FORGOTTEN, REDACTED } from './redaction-marks.js';
import { recordRedaction, refuseOnReplica } from './sync/redact-op.js';

export { FORGOTTEN, REDACTED } from './redaction-marks.js';

export interface RedactionResult {
  tickets: string[];
  /** Texts replaced (timeline entries, descriptions, titles, a resolution). */
  texts: number;
  /** Audit events whose old or new value held the removed text. */
  audited: number;
  /** False when a reader kept the WAL from being emptied: its old pages go at the next checkpoint. */
  walCleared: boolean;
}

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
    await record(trx, ticketId, { interaction_id: entry.id, requester_id: null, what: `timeline entry ${position}` }, why, actor, now);
    // Replicas remove it at their next pull; the sync log's copy of the entry goes now.
    await recordRedaction(trx, ticketId, entry, why, actor, now);
    const texts = Number(entry.body !== REDACTED) + Number(resolution !== ticket.resolution);
    return { tickets: [formatRef(ticketId)], texts, audited };
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
        await trx.updateTable('interactions').set({ body }).where('id', '=', e.id).execute();
      }
      await record(trx, t.id, { interaction_id: null, requester_id: who.id, what: 'requester forgotten' }, why, actor, now);
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
      await record(trx, null, { interaction_id: null, requester_id: who.id, what: 'requester forgotten' }, why, actor, now);
    return { tickets: tickets.map((t) => formatRef(t.id)), texts, audited };
  });
}

function requireReason(reason: string): string {
  const why = checkText('reason', reason, 'text').trim();
  return why || fail(EXIT.invalid, '--reason: is required (who asked, which law, what it held)');
}

async function record(
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

/** The files attached to these timeline entries: their rows go now, their bytes after the commit (scrubbing). */
async function dropAttachments(trx: Executor, interactionIds: readonly number[], doomed: string[]): Promise<void> {
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
}

/** Runs `work` in one IMMEDIATE transaction with secure_delete on, merges the search index, then empties the WAL. */
async function scrubbing(
  desk: Desk,
  work: (trx: Executor, doomed: string[]) => Promise<Omit<RedactionResult, 'walCleared'>>,
): Promise<RedactionResult> {
  const sqlite = rawSqlite(desk);
  const doomed: string[] = [];
  const before = sqlite.pragma('secure_delete', { simple: true }) as number;
  sqlite.pragma('secure_delete = ON');
  try {
    const done = await withImmediate(desk.db, async (trx) => {
      const result = await work(trx, doomed);
      // A contentless index keeps deleted words in its segments until they merge: merge them all now.
      sqlite.prepare("INSERT INTO ticket_fts (ticket_fts) VALUES ('optimize')").run();
      // The same for 014's index, and 019's word counts keep no word the index no longer holds.
      sqlite.prepare("INSERT INTO ticket_text_fts (ticket_text_fts) VALUES ('optimize')").run();
      sqlite.prepare('DELETE FROM ticket_word_docs WHERE term NOT IN (SELECT term FROM ticket_text_vocab)').run();
      return result;
    });
    await deleteBytes(desk, doomed);
    return { ...done, walCleared: checkpoint(sqlite) };
  } finally {
    sqlite.pragma(`secure_delete = ${before ? 'ON' : 'OFF'}`);
  }
}

function checkpoint(sqlite: Database.Database): boolean {
  if (sqlite.pragma('journal_mode', { simple: true }) !== 'wal') return true;
  const [row] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return row?.busy === 0;
}

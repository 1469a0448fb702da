/**
 * A redaction travels as an operation (./ops.ts `redact`): the server records it when it redacts, and
 * each replica applies it at its next pull, so a timeline entry redacted on the server loses its text
 * on every replica. A replica does not redact itself: on a team desk only the owner may rewrite the
 * audit trail (src/db/pg/roles.ts), so a redaction pushed by a technician's laptop could never be
 * applied there and would hold up every push behind it. The entry
 * is named by its time, kind, author and place among entries alike (ids differ between desks), never
 * by its text. The sync tables' own copies of the text (the entry's operation in the server's log or
 * a replica's outbox, a resolution set from it) are scrubbed too, so no later pull hands it out.
 */
import { sql } from 'kysely';
import { dialectOf } from '../../db/dialect.js';
import { recordEvent } from '../audit.js';
import { entryScrub, scrubAuditEvents } from '../audit-redaction.js';
import { EXIT, fail } from '../../errors.js';
import type { Actor, Executor } from '../executor.js';
import { REDACTED } from '../redaction-marks.js';
import type { RedactBody } from './ops.js';
import { placeOf } from './entry-place.js';
import { recordOps } from './record.js';
import { dropAttachments } from '../requester-forget.js';
import { dropLocalBytes } from './blob-transfer.js';
import { syncRoleOf } from './role.js';

/** Redaction is the server's: a replica is told where to run it. */
export function refuseOnReplica(db: Executor): void {
  if (syncRoleOf(db)?.kind === 'replica')
    fail(EXIT.usage, "this desk is a replica: redact on the team's server (its owner runs it); this desk loses the text at its next sync");
}

/** Records the redaction of entry `entry` (its text as it was) for the other desks; nothing outside sync. */
export async function recordRedaction(
  trx: Executor,
  ticketId: number,
  entry: { id: number; body: string },
  reason: string,
  actor: Actor,
  now: number,
): Promise<void> {
  if (!syncRoleOf(trx)) return;
  const place = await placeOf(trx, ticketId, entry.id);
  if (!place) throw new Error(`redaction of entry ${entry.id}: no such entry on ticket ${ticketId}`); // the caller just read it
  const body: RedactBody = { ...place, reason, by: actor.name, at: now };
  await recordOps(trx, [{ ticketId, op: { kind: 'redact', body } }], now);
  await scrubLogged(trx, ticketId, entry.body);
}

/** Applies a redaction made elsewhere: the entry's text, the words it left in the resolution and the audit trail. */
export async function applyRedact(trx: Executor, ticketId: number, body: RedactBody): Promise<void> {
  const entries = await trx
    .selectFrom('interactions')
    .select(['id', 'body', 'created_at', 'kind', 'author_name'])
    .where('ticket_id', '=', ticketId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const alike = entries.filter((e) => e.created_at === body.created_at && e.kind === body.kind && e.author_name === body.author_name);
  const entry = alike[body.nth];
  if (!entry || entry.body === REDACTED) return;
  const sqlite = dialectOf(trx) === 'sqlite';
  if (sqlite) await sql`PRAGMA secure_delete = ON`.execute(trx);
  await trx.updateTable('interactions').set({ body: REDACTED }).where('id', '=', entry.id).execute();
  // Its files too, as on the server (their bytes, when no other attachment names them).
  const doomed: string[] = [];
  await dropAttachments(trx, [entry.id], doomed);
  await dropLocalBytes(trx, doomed);
  const scrub = entryScrub(entry.body, REDACTED);
  const ticket = await trx.selectFrom('tickets').select('resolution').where('id', '=', ticketId).executeTakeFirst();
  const resolution = ticket?.resolution == null ? null : scrub(ticket.resolution, 'resolution');
  if (ticket && resolution !== ticket.resolution) await trx.updateTable('tickets').set({ resolution }).where('id', '=', ticketId).execute();
  const actor: Actor = { id: null, name: body.by };
  await scrubAuditEvents(trx, { ticketIds: [ticketId] }, scrub, actor, body.at);
  const what = `timeline entry ${entries.indexOf(entry) + 1}`;
  await trx
    .insertInto('redactions')
    .values({ ticket_id: ticketId, interaction_id: entry.id, requester_id: null, what, reason: body.reason, actor: body.by, at: body.at })
    .execute();
  await recordEvent(trx, ticketId, actor, 'redact', [{ field: 'redacted', old: null, new: `${what}: ${body.reason}` }], body.at);
  await scrubLogged(trx, ticketId, entry.body);
  if (sqlite) {
    // As store/redaction.ts does: the search indexes keep no removed word in their segments.
    await sql`INSERT INTO ticket_fts (ticket_fts) VALUES ('optimize')`.execute(trx);
    await sql`INSERT INTO ticket_text_fts (ticket_text_fts) VALUES ('optimize')`.execute(trx);
    await sql`DELETE FROM ticket_word_docs WHERE term NOT IN (SELECT term FROM ticket_text_vocab)`.execute(trx);
  }
}

/** The entry's text in this desk's sync table (the server's log; a replica's outbox, where an edit made offline may quote it): gone. */
async function scrubLogged(trx: Executor, ticketId: number, text: string): Promise<void> {
  const role = syncRoleOf(trx);
  if (!role) return;
  const table = role.kind === 'server' ? 'sync_ops' : 'sync_outbox';
  const scrub = entryScrub(text, REDACTED);
  const rows = await trx
    .selectFrom(table)
    .select(['op_id', 'kind', 'payload'])
    .where('ticket_id', '=', ticketId)
    .where('kind', 'in', ['interaction', 'set', 'create'])
    .execute();
  for (const row of rows) {
    const payload = JSON.parse(row.payload) as Record<string, unknown>;
    if (row.kind === 'interaction' && payload.body === text) payload.body = REDACTED;
    if (row.kind === 'set' && typeof payload.value === 'string') {
      const field = payload.field as string;
      payload.value = scrub(payload.value, field);
      const columns = payload.columns as Record<string, unknown>;
      if (typeof columns[field] === 'string') columns[field] = scrub(columns[field], field);
    }
    if (row.kind === 'create') {
      const r = payload.row as Record<string, unknown>;
      for (const f of ['title', 'description', 'resolution']) if (typeof r[f] === 'string') r[f] = scrub(r[f], f);
    }
    const next = JSON.stringify(payload);
    if (next !== row.payload) await trx.updateTable(table).set({ payload: next }).where('op_id', '=', row.op_id).execute();
  }
}

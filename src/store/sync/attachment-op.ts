/**
 * An attachment travels as an operation (./ops.ts `attachment`): its row (name, type, size, SHA-256,
 * who added it and when), under the timeline entry it came with, if any, named as ./redact-op.ts
 * names an entry (ids differ between desks). The bytes travel beside the log (./blob-transfer.ts):
 * a replica uploads them before it pushes the operation, and downloads them before it applies one.
 * Applied once per operation (the server keeps op ids; a replica skips its own): files merge, none is lost.
 */
import type { AttachmentRow } from '../../db/schema.js';
import { safeFileName } from '../../domain/file-name.js';
import { formatRef } from '../../domain/ticket.js';
import { EXIT, fail } from '../../errors.js';
import { recordEvent } from '../audit.js';
import type { Executor } from '../executor.js';
import type { AttachmentBody, EntryPlace } from './ops.js';
import { placeOf } from './entry-place.js';
import { recordOps } from './record.js';
import { syncRoleOf } from './role.js';

/** Records attachments just added here for the other desks (nothing outside sync). */
export async function recordAttachments(trx: Executor, ticketId: number, rows: readonly AttachmentRow[], now: number): Promise<void> {
  if (!syncRoleOf(trx) || rows.length === 0) return;
  const ops = [];
  for (const r of rows) {
    const entry = r.interaction_id === null ? null : await placeOf(trx, ticketId, r.interaction_id);
    const { name, content_type, size, sha256, added_by, created_at } = r;
    const body: AttachmentBody = { name, content_type, size: Number(size), sha256, added_by, created_at: Number(created_at), entry };
    ops.push({ ticketId, op: { kind: 'attachment' as const, body } });
  }
  await recordOps(trx, ops, now);
}

/** Adds an attachment made elsewhere: its row (its bytes are in this desk's store already, or come later), and an audit event. */
export async function applyAttachment(trx: Executor, ticketId: number, body: AttachmentBody): Promise<void> {
  // Refused where it is pushed (the server), so no replica ever pulls a file it could not name.
  if (!/^[0-9a-f]{64}$/.test(String(body.sha256)))
    fail(EXIT.invalid, `sync: an attachment of ${formatRef(ticketId)} has no SHA-256 ('${String(body.sha256).slice(0, 70)}')`);
  const ticket = await trx.selectFrom('tickets').select('id').where('id', '=', ticketId).executeTakeFirst();
  if (!ticket) return;
  const interactionId = body.entry ? await entryAt(trx, ticketId, body.entry) : null;
  await trx
    .insertInto('attachments')
    .values({
      ticket_id: ticketId,
      interaction_id: interactionId,
      name: safeFileName(body.name),
      content_type: body.content_type,
      size: body.size,
      sha256: body.sha256,
      added_by: body.added_by,
      created_at: body.created_at,
    })
    .execute();
  const change = { field: 'attachment', old: null, new: body.name };
  await recordEvent(trx, ticketId, { id: null, name: body.added_by }, 'attach', [change], body.created_at);
}

/** The entry at a place on this desk, or null (not here: the file is then the ticket's). */
async function entryAt(trx: Executor, ticketId: number, place: EntryPlace): Promise<number | null> {
  const alike = await trx
    .selectFrom('interactions')
    .select('id')
    .where('ticket_id', '=', ticketId)
    .where('created_at', '=', place.created_at)
    .where('kind', '=', place.kind)
    .where('author_name', '=', place.author_name)
    .orderBy('id')
    .execute();
  return alike[place.nth]?.id ?? null;
}

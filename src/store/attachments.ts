/**
 * Attachments of a ticket: added in one IMMEDIATE transaction (rows, audit events, the bytes stored by
 * hash beside the database: ./attachment-files.ts, and on a server desk in it too: ./attachment-blobs.ts;
 * in sync, an operation per file: ./sync/attachment-op.ts), listed in order (N = position, 1-based),
 * read back with their hash checked.
 */
import { withImmediate } from '../db/immediate.js';
import type { AttachmentRow } from '../db/schema.js';
import { safeFileName } from '../domain/file-name.js';
import { EXIT, fail } from '../errors.js';
import { insertAuditEvents } from './audit.js';
import { blobStore, sha256 } from './attachment-files.js';
import { keepOnServer, readBytes } from './attachment-blobs.js';
import { recordAttachments } from './sync/attachment-op.js';
import type { Desk } from './desk.js';
import type { Actor, Executor } from './executor.js';

export interface NewAttachment {
  name: string;
  data: Uint8Array;
  contentType?: string | null;
}

export async function addAttachments(desk: Desk, ticketId: number, files: readonly NewAttachment[], actor: Actor, now = Date.now()) {
  const blobs = blobStore(desk);
  try {
    return await withImmediate(desk.db, async (trx) => {
      const ticket = await trx.selectFrom('tickets').select('id').where('id', '=', ticketId).executeTakeFirst();
      if (!ticket) fail(EXIT.notFound, `HD-${ticketId} not found`);
      const rows = [];
      for (const f of files) {
        const row = await trx
          .insertInto('attachments')
          .values({
            ticket_id: ticketId,
            interaction_id: null,
            name: safeFileName(f.name),
            content_type: f.contentType ?? null,
            size: f.data.byteLength,
            sha256: blobs.put(f.data),
            added_by: actor.name,
            created_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        rows.push(row);
      }
      await insertAuditEvents(
        trx,
        rows.map((r) => ({
          ticket_id: ticketId,
          actor: actor.name,
          at: now,
          action: 'attach',
          field: 'attachment',
          old_value: null,
          new_value: r.name,
        })),
      );
      await trx.updateTable('tickets').set({ updated_at: now }).where('id', '=', ticketId).execute();
      // On a server desk the bytes go to the database too (every technician reads them); in sync, the rows travel.
      await keepOnServer(trx, blobs, now);
      await recordAttachments(trx, ticketId, rows, now);
      return rows;
    });
  } catch (error) {
    blobs.discardNew();
    throw error;
  }
}

/** In the order they were attached (then by row): the same numbers on every desk a ticket syncs to, whatever order the rows arrived in. */
export async function listAttachments(db: Executor, ticketId: number): Promise<AttachmentRow[]> {
  return db.selectFrom('attachments').selectAll().where('ticket_id', '=', ticketId).orderBy('created_at').orderBy('id').execute();
}

/** Attachment N (1-based, in the order listed) of a ticket, with its bytes. */
export async function readAttachment(desk: Desk, ticketId: number, n: number): Promise<{ row: AttachmentRow; data: Buffer }> {
  const rows = await listAttachments(desk.db, ticketId);
  const row = rows[n - 1];
  if (!row) fail(EXIT.notFound, `HD-${ticketId} has no attachment ${n} (it has ${rows.length})`);
  const data = await readBytes(desk, row.sha256);
  if (sha256(data) !== row.sha256) fail(EXIT.database, `the file of attachment ${n} of HD-${ticketId} is damaged (its hash differs)`);
  return { row, data };
}

/**
 * One email → the desk in its own IMMEDIATE transaction (either dialect: ./mail-session.ts): what IMAP intake (or any other mail source)
 * calls per message. The same writer as `import eml` (./mail-intake.ts), so threading, reopening,
 * automatic mail and idempotency by Message-ID behave the same. The same transaction moves the
 * intake's cursor past the message (./mail-cursor.ts) and queues a new ticket's acknowledgement
 * (./mail-acknowledge.ts): the ticket, the cursor and the outbox agree after any crash. Attachment
 * files written for a message whose transaction rolls back are removed again.
 */
import { withImmediate } from '../db/immediate.js';
import { DesklineError } from '../errors.js';
import { blobStore, type BlobStore } from './attachment-files.js';
import { keepOnServer } from './attachment-blobs.js';
import type { Desk } from './desk.js';
import { ticketWriter } from './import-tickets.js';
import { mailWriter } from './mail-intake.js';
import type { MailIn, MailResult } from './mail-types.js';
import { loadSlaConfig } from './sla-config.js';
import { mailSession } from './mail-session.js';
import { queueAcknowledgement, type AcknowledgeOptions } from './mail-acknowledge.js';
import { moveCursor, type MailCursor } from './mail-cursor.js';
import { intakeOps } from './sync/intake-ops.js';

export interface DeliverOptions {
  /** Who the audit trail names for a new ticket ('mail intake'). */
  actor: string;
  now?: number;
  /** Where the message came from, for messages about it (`imap INBOX uid 42`). */
  place: string;
  /** IMAP intake: the mailbox's cursor, moved past this message (or batch). */
  cursor?: MailCursor;
  /** Acknowledge a ticket this message opens (settings: mail.acknowledge). */
  acknowledge?: AcknowledgeOptions | null;
}

export type Delivered = MailResult & { acknowledged: boolean };

/** One message of a batch: what became of it, or the refusal that left it out (a bad field: exit 4). */
export type BatchOutcome = Delivered | { refused: DesklineError };

export async function deliverMail(desk: Desk, mail: MailIn, options: DeliverOptions): Promise<Delivered> {
  const [outcome] = await deliverMails(desk, [{ mail, place: options.place }], options);
  if ('refused' in outcome!) throw outcome.refused;
  return outcome!;
}

/**
 * Several messages in one IMMEDIATE transaction (IMAP intake hands a batch of ~100): each in a
 * savepoint of its own, so a message the desk refuses is left out alone, and the cursor (when given:
 * the batch's last UID) moves with them all. One transaction and one set of prepared statements
 * per batch instead of per message.
 */
export async function deliverMails(
  desk: Desk,
  items: readonly { mail: MailIn; place: string }[],
  options: Omit<DeliverOptions, 'place'>,
): Promise<BatchOutcome[]> {
  const config = await loadSlaConfig(desk.db);
  let blobs: BlobStore | undefined;
  try {
    return await withImmediate(desk.db, async (trx) => {
      const { session, hold, finish } = mailSession(desk, trx);
      const touched = new Set<number>();
      const context = {
        session,
        actor: options.actor,
        now: options.now ?? Date.now(),
        config,
        blobs: () => (blobs ??= blobStore(desk)),
        counts: {},
        touched,
        sync: intakeOps(trx), // what the other desks learn (nothing on a desk outside sync)
      };
      await hold();
      const write = mailWriter(context, ticketWriter(context));
      const outcomes: BatchOutcome[] = [];
      for (const { mail, place } of items) {
        await session.run('SAVEPOINT mail_item');
        const before = new Set(touched);
        const noted = context.sync?.mark() ?? 0;
        try {
          const result = await write({ kind: 'mail', place, mail });
          const ack =
            result.fate === 'created' && options.acknowledge
              ? await queueAcknowledgement(session, result.ticketId!, mail, options.acknowledge, context.now)
              : null;
          await session.run('RELEASE mail_item');
          outcomes.push({ ...result, acknowledged: ack !== null });
        } catch (error) {
          await session.run('ROLLBACK TO mail_item');
          await session.run('RELEASE mail_item');
          // A ticket rolled back is not indexed (its id is no row's).
          for (const id of touched) if (!before.has(id)) touched.delete(id);
          context.sync?.undo(noted);
          if (error instanceof DesklineError) outcomes.push({ refused: error });
          else throw error;
        }
      }
      await context.sync?.flush(context.now);
      await finish(touched);
      if (blobs) await keepOnServer(trx, blobs, context.now); // a server desk's home of the bytes
      if (options.cursor) await moveCursor(session, options.cursor, context.now);
      return outcomes;
    });
  } catch (error) {
    blobs?.discardNew();
    throw error;
  }
}

/**
 * Where IMAP intake has read a mailbox up to (migration 016): its UIDVALIDITY and the highest UID
 * taken. Moved in the transaction that delivers each message (./mail-deliver.ts), never backwards
 * while the UIDVALIDITY holds, so two fetches at once cannot undo each other.
 */
import type { MailCursorRow } from '../db/schema-mail.js';
import { withImmediate } from '../db/immediate.js';
import type { Desk } from './desk.js';
import type { Executor } from './executor.js';
import { mailSession } from './mail-session.js';
import { SQL_WORDS, type WriteSession } from './write-session.js';

export interface MailCursor {
  mailbox: string;
  uidValidity: number;
  uid: number;
}

export async function readCursor(db: Executor, mailbox: string): Promise<MailCursorRow | null> {
  return (await db.selectFrom('mail_cursors').selectAll().where('mailbox', '=', mailbox).executeTakeFirst()) ?? null;
}

/** Inside the caller's transaction (columns named with their table: PostgreSQL finds a bare name ambiguous here). */
export async function moveCursor(session: WriteSession, cursor: MailCursor, now: number): Promise<void> {
  const { greatest } = SQL_WORDS[session.dialect];
  await session.run(
    `INSERT INTO mail_cursors (mailbox, uid_validity, last_uid, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (mailbox) DO UPDATE SET
         last_uid = CASE WHEN mail_cursors.uid_validity = excluded.uid_validity
           THEN ${greatest}(mail_cursors.last_uid, excluded.last_uid) ELSE excluded.last_uid END,
         uid_validity = excluded.uid_validity,
         updated_at = excluded.updated_at`,
    cursor.mailbox,
    cursor.uidValidity,
    cursor.uid,
    now,
  );
}

/** Past a message that was not delivered (unreadable), or to a new UIDVALIDITY before any message. */
export async function advanceCursor(desk: Desk, cursor: MailCursor, now = Date.now()): Promise<void> {
  await withImmediate(desk.db, async (trx) => moveCursor(mailSession(desk, trx).session, cursor, now));
}

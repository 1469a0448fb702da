/**
 * 016: where IMAP intake has read up to. Frozen once landed.
 *
 * - mail_cursors: one row per mailbox (`user@host:port/folder`): the folder's UIDVALIDITY when it was
 *   last read and the highest UID taken. Written in the transaction that delivers each message, so a
 *   message is on the desk exactly when the cursor has passed it. A new UIDVALIDITY (the server
 *   renumbered the folder) starts the cursor again; Message-IDs already on the desk keep a re-scan
 *   from adding anything twice.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE mail_cursors (
      mailbox TEXT PRIMARY KEY,
      uid_validity INTEGER NOT NULL,
      last_uid INTEGER NOT NULL DEFAULT 0,
      updated_at INTEGER NOT NULL
    )`.execute(db);
}

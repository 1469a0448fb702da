/**
 * 010: the outbox, the one way out for mail. Frozen once landed.
 *
 * - outbox: one row per outgoing message, written in the transaction of the change that causes it
 *   (a public reply, an acknowledgement). Everything the message needs is fixed at that moment
 *   (recipient, subject, text, Message-ID, threading) so a resend after a crash is the same message;
 *   only the desk's From address and the SMTP server come from settings at send time.
 * - status: queued (waiting, maybe after a failed try: next_attempt_at), sending (claimed by a sender
 *   until lease_until; a crashed sender's claim runs out), sent, failed (given up: `outbox retry`).
 * - interactions.message_id, which a sent reply keeps, comes from 009-mail (unique where set).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE outbox (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      ticket_id INTEGER REFERENCES tickets(id),
      interaction_id INTEGER REFERENCES interactions(id),
      message_id TEXT NOT NULL UNIQUE,
      to_address TEXT NOT NULL,
      to_name TEXT,
      from_name TEXT NOT NULL,
      subject TEXT NOT NULL,
      body TEXT NOT NULL,
      in_reply_to TEXT,
      refs TEXT,
      status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      next_attempt_at INTEGER NOT NULL,
      lease_until INTEGER,
      created_at INTEGER NOT NULL,
      sent_at INTEGER
    )`.execute(db);
  await sql`CREATE INDEX outbox_waiting ON outbox (status, next_attempt_at)`.execute(db);
}

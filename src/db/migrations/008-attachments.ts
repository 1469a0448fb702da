/**
 * 008: attachments, and what imports need. Frozen once landed.
 *
 * - attachments: a file on a ticket (optionally on one of its interactions). The bytes live beside the
 *   database, named by their SHA-256 (store/attachment-files.ts): the same file attached twice is
 *   stored once. `name` is the name shown and saved under, made safe when stored.
 * - Imports match tickets on tickets.external_id (unique since 001, so indexed) and record each run
 *   in the audit trail (action 'import', ticket_id NULL): no table of their own.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE attachments (
      id INTEGER PRIMARY KEY,
      ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
      interaction_id INTEGER REFERENCES interactions (id) ON DELETE SET NULL,
      name TEXT NOT NULL,
      content_type TEXT,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      added_by TEXT NOT NULL,
      created_at INTEGER NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX attachments_ticket ON attachments (ticket_id, id)`.execute(db);
  await sql`CREATE INDEX attachments_sha ON attachments (sha256)`.execute(db);
}

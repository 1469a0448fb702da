/** 016 on PostgreSQL: the twin of SQLite's 016-mail-intake (where IMAP intake has read up to). Frozen once landed. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE mail_cursors (
      mailbox TEXT PRIMARY KEY,
      uid_validity BIGINT NOT NULL,
      last_uid BIGINT NOT NULL DEFAULT 0,
      updated_at BIGINT NOT NULL
    )`.execute(db);
}

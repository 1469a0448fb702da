/**
 * 009: mail threading. Frozen once landed.
 *
 * - interactions.message_id: the Message-ID (`<id@host>`) of the email an entry came from (email in)
 *   or went out as (email out), so a reply's In-Reply-To/References find their ticket and importing
 *   the same message twice adds nothing. Unique where present; most entries have none.
 * - A ticket opened by an email keeps that email's Message-ID as its external_id (unique since 001).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE interactions ADD COLUMN message_id TEXT`.execute(db);
  await sql`CREATE UNIQUE INDEX interactions_message_id ON interactions (message_id) WHERE message_id IS NOT NULL`.execute(db);
}

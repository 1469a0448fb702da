/**
 * 024 on PostgreSQL: attachment bytes on the server (issue 22), one row per content keyed by its
 * SHA-256 (the name its file has in every desk's attachments folder). Filled when a file is attached
 * to the server desk or pushed by a replica; each machine's folder is then a cache of it, so a file
 * one technician attached is readable by every other, and by every replica. Frozen once landed.
 * The twin of SQLite's 024 (a no-op there: a desk file keeps its bytes beside it).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE attachment_blobs (
    sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'), size bigint NOT NULL, data bytea NOT NULL,
    added_at bigint NOT NULL, CHECK (octet_length(data) = size))`.execute(db);
}

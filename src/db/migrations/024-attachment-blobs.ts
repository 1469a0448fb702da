/**
 * 024: nothing on SQLite. Frozen once landed. Its PostgreSQL twin (pg/migrations/024-attachment-blobs.ts)
 * gives a server desk's attachment bytes a home every technician reads (issue 22); a desk file keeps
 * them in its folder beside it (store/attachment-files.ts), so here the number only keeps both
 * dialects at the same version.
 */
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<unknown>): Promise<void> {}

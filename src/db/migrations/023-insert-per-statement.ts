/**
 * 023: nothing on SQLite. Frozen once landed. Its PostgreSQL twin (pg/migrations/023-insert-per-statement.ts)
 * turns the AFTER INSERT row triggers on tickets (search, summaries, triage queue) into statement
 * triggers over the inserted rows. SQLite has no statement triggers; a sync pull there holds the
 * ticket index's triggers for its batch and indexes the tickets it touched once, as imports do
 * (store/sync/pull-index.ts). The number is kept so both dialects stand at the same version.
 */
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<unknown>): Promise<void> {}

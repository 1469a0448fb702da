/**
 * 021: nothing on SQLite. Frozen once landed. Its PostgreSQL twin (pg/migrations/021-search-per-statement.ts)
 * makes the search index follow a statement of new timeline entries once per ticket rather than once
 * per entry, which cost time quadratic in a ticket's entries there (a sync pushing 1,000 notes on
 * one ticket: 8.7 s). SQLite's FTS5 triggers index the one new entry each, so they stay; the number
 * is kept so both dialects stand at the same version.
 */
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<unknown>): Promise<void> {}

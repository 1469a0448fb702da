/**
 * 022: nothing on SQLite. Frozen once landed. Its PostgreSQL twin (pg/migrations/022-summary-per-statement.ts)
 * makes the report summaries follow a statement once per summary row rather than once per ticket:
 * there each rewrite of a shared row left a dead version that later rewrites in the same
 * transaction walked past (12,000 status changes in one transaction: 15.3 s). SQLite rewrites a row
 * in place, so its row triggers (007-report-summaries.ts) stay; the number is kept so both dialects
 * stand at the same version.
 */
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<unknown>): Promise<void> {}

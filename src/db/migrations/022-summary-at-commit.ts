/**
 * 022: nothing on SQLite. Frozen once landed. Its PostgreSQL twin (pg/migrations/022-summary-at-commit.ts)
 * writes the report summaries once per summary row at COMMIT rather than once per ticket: there each
 * rewrite of a shared row left a dead version that later rewrites in the same transaction walked past
 * (12,000 status changes in one transaction: 4.4 s against 0.6 s without triggers). SQLite rewrites a
 * row in place and stays linear (12,000: 0.36-0.49 s with its summary triggers, 0.14-0.40 s without,
 * at load 5 on 2 cores), so its row triggers (007-report-summaries.ts) stay; the number is kept so
 * both dialects stand at the same version.
 */
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<unknown>): Promise<void> {}

/**
 * 015 on PostgreSQL: everything SQLite's 001–015 make, in one step (a server desk starts here).
 * Frozen once landed. The parts, in the order they run:
 * - baseline/extensions.ts: pg_trgm, unaccent, citext (a clear error when the server lacks them),
 *   the `deskline` text search configuration, deskline_plain();
 * - baseline/tickets.ts, kb-sla.ts, work.ts: the tables and indexes;
 * - baseline/triggers.ts: report summaries, change_seq/status_at, the triage queue;
 * - baseline/search.ts: ticket_search, ticket_words, kb_articles.search_doc (FTS5's replacement);
 * - baseline/notify.ts: NOTIFY deskline_changes on every committed change;
 * - baseline/seeds.ts: SLA defaults, starter macros, counters.
 * SQLite-only objects have no twin: the FTS5 tables and vocabularies, ticket_fts_hold.
 */
import type { Kysely } from 'kysely';
import { createExtensions } from './baseline/extensions.js';
import { KB_SLA_TABLES } from './baseline/kb-sla.js';
import { NOTIFY } from './baseline/notify.js';
import { runAll } from './baseline/run.js';
import { SEARCH } from './baseline/search.js';
import { seed } from './baseline/seeds.js';
import { TICKET_TABLES } from './baseline/tickets.js';
import { TICKET_TRIGGERS } from './baseline/triggers.js';
import { WORK_TABLES } from './baseline/work.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await createExtensions(db);
  await runAll(db, [...TICKET_TABLES, ...KB_SLA_TABLES, ...WORK_TABLES, ...TICKET_TRIGGERS, ...SEARCH, ...NOTIFY]);
  await seed(db);
}

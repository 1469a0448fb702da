/**
 * 020: the PostgreSQL twin's change numbering and attachment signature (issue 21). Frozen once landed.
 *
 * Nothing changes in a file desk: SQLite's 013 triggers take change_seq from change_counter, whose
 * one row SQLite rewrites in place, one writer at a time. On a server (pg/migrations/020-…) the same
 * row rewritten once per ticket left one dead version per write that the rest of the transaction
 * walked past (N² in bulk), so numbers come from a sequence there; and an attachment a technician
 * adds carries the technician the login role maps to, as every other signature does since 018.
 * The version number is shared by both dialects, so this one is stamped here too.
 */
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<unknown>): Promise<void> {}

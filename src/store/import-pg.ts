/**
 * An import on PostgreSQL (./import.ts): the writers' statements on the import's transaction
 * (./write-session-pg.ts). The search data (ticket_search's tsvector, ticket_words for the trigram
 * typo lookups, kb_articles.search_doc) is kept by the schema's triggers and generated column as rows
 * are written, so nothing is indexed afterwards; but rows that kept the file's ids leave their table's
 * identity behind, and it is moved past them before COMMIT (or the next insert would take a used id).
 */
import type { Kysely } from 'kysely';
import type { ImportDialect } from './import-types.js';
import { pgSession } from './write-session-pg.js';
import type { WriteSession } from './write-session.js';

export const PG_IMPORT: ImportDialect = {
  before: () => () => undefined,
  async begin(_desk, trx) {
    const session = pgSession(trx as unknown as Kysely<unknown>);
    return { session, finish: ({ explicitIds }) => keepIdentities(session, explicitIds) };
  },
};

/** Moves each table's id identity to its largest id (tables named by the store's own specs, never by input). */
export async function keepIdentities(session: WriteSession, tables: Iterable<string>): Promise<void> {
  for (const table of tables) {
    const quoted = `"${table.replace(/"/g, '""')}"`;
    await session.get(`SELECT setval(pg_get_serial_sequence(?, 'id'), max(id)) FROM ${quoted} HAVING max(id) IS NOT NULL`, quoted);
  }
}

/**
 * An import on SQLite (./import.ts): prepared statements on the raw connection, the long-write pragmas
 * for the run, and the FTS5 ticket indexes held during the run and filled once before COMMIT for the
 * touched tickets (./import-index.ts).
 */
import { holdTextIndex, indexTickets } from './import-index.js';
import type { ImportDialect } from './import-types.js';
import { rawSqlite } from './sqlite-raw.js';
import { longWritePragmas } from './write-pragmas.js';
import { sqliteSession } from './write-session-sqlite.js';

export const SQLITE_IMPORT: ImportDialect = {
  before: (desk) => longWritePragmas(rawSqlite(desk)),
  async begin(desk) {
    const sqlite = rawSqlite(desk);
    sqlite.prepare('INSERT OR IGNORE INTO ticket_fts_hold (held) VALUES (1)').run();
    const indexText = holdTextIndex(sqlite);
    return {
      session: sqliteSession(sqlite),
      async finish({ touched }) {
        indexTickets(sqlite, touched);
        indexText(touched);
        sqlite.prepare('DELETE FROM ticket_fts_hold').run();
      },
    };
  },
};

/**
 * A redaction's transaction on a file desk: `secure_delete` on (freed space is zeroed), one IMMEDIATE
 * transaction, the search indexes merged so no segment keeps the old words (and 019's word counts
 * keep no word the index lost), then the WAL emptied so the old pages leave the -wal file too.
 */
import type Database from 'better-sqlite3';
import { withImmediate } from '../db/immediate.js';
import type { Desk } from './desk.js';
import type { Executor } from './executor.js';
import type { ScrubbedWork } from './redaction-types.js';
import { rawSqlite } from './sqlite-raw.js';

export const WAL_KEPT = 'another process is reading the desk: the old pages leave the -wal file at its next checkpoint';

export async function scrubSqlite<T>(
  desk: Desk,
  work: (trx: Executor) => Promise<ScrubbedWork<T>>,
): Promise<{ result: T; leftover: string | null }> {
  const sqlite = rawSqlite(desk);
  const before = sqlite.pragma('secure_delete', { simple: true }) as number;
  sqlite.pragma('secure_delete = ON');
  try {
    const { result } = await withImmediate(desk.db, async (trx) => {
      const done = await work(trx);
      // A contentless index keeps deleted words in its segments until they merge: merge them all now.
      sqlite.prepare("INSERT INTO ticket_fts (ticket_fts) VALUES ('optimize')").run();
      // The same for 014's index, and 019's word counts keep no word the index no longer holds.
      sqlite.prepare("INSERT INTO ticket_text_fts (ticket_text_fts) VALUES ('optimize')").run();
      sqlite.prepare('DELETE FROM ticket_word_docs WHERE term NOT IN (SELECT term FROM ticket_text_vocab)').run();
      return done;
    });
    return { result, leftover: checkpoint(sqlite) ? null : WAL_KEPT };
  } finally {
    sqlite.pragma(`secure_delete = ${before ? 'ON' : 'OFF'}`);
  }
}

function checkpoint(sqlite: Database.Database): boolean {
  if (sqlite.pragma('journal_mode', { simple: true }) !== 'wal') return true;
  const [row] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return row?.busy === 0;
}

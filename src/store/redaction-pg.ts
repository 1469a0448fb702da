/**
 * A redaction's transaction on a team desk (PostgreSQL). The search document follows the rewritten
 * texts by trigger (baseline/search.ts); what keeps words after them is cleaned here, in the same
 * transaction: the typo vocabulary (ticket_words, only ever added to) and 017's word counts lose
 * every word of the removed texts that no ticket's search document holds any more.
 *
 * Only the desk's owner may redact: a redaction rewrites audit events, and technicians may only
 * append to the trail (src/db/pg/roles.ts); a technician is told so before anything is written.
 * The server keeps a row's old version until VACUUM reclaims it (and its WAL until recycled): the
 * result says so, as SQLite's says when a reader kept the -wal file.
 */
import { sql } from 'kysely';
import { withImmediate } from '../db/immediate.js';
import { EXIT, fail } from '../errors.js';
import type { Desk } from './desk.js';
import type { Executor } from './executor.js';
import type { ScrubbedWork } from './redaction-types.js';

export const PG_KEPT =
  "the server keeps the old row versions until VACUUM reclaims them: the desk's owner may run VACUUM on interactions, tickets, audit_events and ticket_search now";

const REFUSED =
  "redaction rewrites the audit trail, which a technician may only append to: the desk's owner runs it (the role that ran 'deskline db init')";

export async function scrubPg<T>(
  desk: Desk,
  work: (trx: Executor) => Promise<ScrubbedWork<T>>,
): Promise<{ result: T; leftover: string | null }> {
  const { rows } = await sql<{ may: boolean }>`SELECT has_table_privilege('audit_events', 'UPDATE') AS may`.execute(desk.db);
  if (!rows[0]?.may) fail(EXIT.database, REFUSED);
  const { result } = await withImmediate(desk.db, async (trx) => {
    const done = await work(trx);
    await forgetWords(trx, done.removed);
    return done;
  });
  return { result, leftover: PG_KEPT };
}

/** Words of `texts` that no ticket's search document holds any more leave the vocabulary and the counts. */
async function forgetWords(trx: Executor, texts: readonly string[]): Promise<void> {
  if (texts.length === 0) return;
  const gone = sql`SELECT w FROM unnest(tsvector_to_array(to_tsvector('deskline', deskline_tokens(${texts.join('\n')})))) AS w
    WHERE NOT EXISTS (SELECT FROM ticket_search AS s
      WHERE s.doc @@ ('''' || replace(replace(w, '\\', '\\\\'), '''', '''''') || '''')::tsquery)`;
  await sql`DELETE FROM ticket_words WHERE word IN (${gone})`.execute(trx);
  await sql`DELETE FROM ticket_word_docs WHERE term IN (${gone})`.execute(trx);
}

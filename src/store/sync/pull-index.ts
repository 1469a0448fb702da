/**
 * A pull batch's ticket index (SQLite's ticket_fts, 006), filled once for the tickets the batch
 * touched instead of by its triggers row by row, as imports and mail delivery do (../import-index.ts).
 * The triggers rebuilt a ticket's whole row, timeline text included, for each ticket inserted and for
 * each timeline entry added: a batch of 1,000 entries on 100 tickets rebuilt each of them ten times.
 * While ticket_fts_hold has a row (written inside the batch's transaction, so no other connection sees
 * it) they do nothing; at the end of the batch each touched ticket's row is deleted and written again
 * from the tables, with the triggers' own expression (../import-index.ts), in two statements. Measured on
 * 7,000 notes in batches of 500: on 50 tickets 1.0-1.9 s with the triggers, 0.18 s held; on 1,000 tickets
 * (one entry per ticket per batch) and for new tickets, about the same either way (load 7-8 on 2 cores).
 */
import { sql } from 'kysely';
import { dialectOf } from '../../db/dialect.js';
import type { Executor } from '../executor.js';
import { TICKET_FTS_ROWS } from '../import-index.js';
import type { LoggedOp } from './server.js';

/** Operations whose batch keeps the triggers on (see holdTicketIndex). */
const UNHELD: ReadonlySet<string> = new Set(['redact', 'forget']);

/**
 * Holds ticket_fts's triggers for the rest of the caller's transaction (until indexHeld) and returns the
 * tickets to index then: every ticket an operation of the batch names, and a renumbered one under its
 * provisional id too, and a merge's target (its source's entries move there). Null (nothing held) on
 * PostgreSQL, and for a batch holding a redaction or a forgotten requester: applying one optimizes the
 * index so that no segment keeps the removed words (./redact-op.ts), which needs the rows rewritten
 * first, as the triggers do (and a forget names no ticket: it may touch any).
 */
export async function holdTicketIndex(trx: Executor, logged: readonly LoggedOp[]): Promise<Set<number> | null> {
  if (dialectOf(trx) === 'postgres' || logged.some((l) => UNHELD.has(l.op.kind))) return null;
  await sql`INSERT OR IGNORE INTO ticket_fts_hold (held) VALUES (1)`.execute(trx);
  return new Set(
    logged.flatMap(({ op, provisional_id }) => [
      op.ticket_id,
      ...(provisional_id === null ? [] : [provisional_id]),
      ...(op.kind === 'merge' ? [op.body.into] : []),
    ]),
  );
}

/** Writes the rows of `ids` in ticket_fts again (a ticket no longer there loses its row) and lifts the hold. */
export async function indexHeld(trx: Executor, ids: ReadonlySet<number>): Promise<void> {
  if (ids.size > 0) {
    const list = JSON.stringify([...ids]);
    await sql`DELETE FROM ticket_fts WHERE rowid IN (SELECT value FROM json_each(${list}))`.execute(trx);
    await sql`${sql.raw(TICKET_FTS_ROWS)} WHERE id IN (SELECT value FROM json_each(${list}))`.execute(trx);
  }
  await sql`DELETE FROM ticket_fts_hold`.execute(trx);
}

/**
 * A ticket made offline gets the server's number: its provisional (negative) id becomes the server's
 * in the ticket and in every table that points at it (found from SQLite's foreign keys, so a table
 * added later follows), and in the sync tables, which keep no foreign keys. Foreign keys are checked at
 * COMMIT (defer_foreign_keys), so the order of the updates does not matter. SQLite only: replicas are files.
 */
import { sql } from 'kysely';
import type { Executor } from '../executor.js';

const SYNC_TABLES = ['sync_fields', 'sync_conflicts', 'sync_outbox'] as const;

export async function renumberTicket(trx: Executor, from: number, to: number): Promise<void> {
  await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
  const refs = await sql<{ tbl: string; col: string }>`
    SELECT m.name AS tbl, f."from" AS col FROM sqlite_master m, pragma_foreign_key_list(m.name) f
    WHERE m.type = 'table' AND f."table" = 'tickets'`.execute(trx);
  await trx.updateTable('tickets').set({ id: to }).where('id', '=', from).execute();
  for (const { tbl, col } of refs.rows)
    await sql`UPDATE ${sql.table(tbl)} SET ${sql.ref(col)} = ${to} WHERE ${sql.ref(col)} = ${from}`.execute(trx);
  for (const tbl of SYNC_TABLES) await sql`UPDATE ${sql.table(tbl)} SET ticket_id = ${to} WHERE ticket_id = ${from}`.execute(trx);
  await trx.insertInto('sync_ticket_map').values({ provisional_id: from, ticket_id: to }).execute();
}

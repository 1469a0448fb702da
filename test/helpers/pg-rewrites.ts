/** What a piece of work inside one PostgreSQL transaction rewrote, table by table (pg_stat_xact_user_tables). */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../src/db/schema.js';

async function updatesSoFar(trx: Transaction<DB>): Promise<Map<string, number>> {
  const { rows } = await sql<{ table: string; updated: number }>`
    SELECT relname AS "table", n_tup_upd::int AS updated FROM pg_stat_xact_user_tables`.execute(trx);
  return new Map(rows.map((r) => [r.table, r.updated]));
}

/** Rows updated by `work`, per table it updated any in (the view also counts this connection's earlier transactions until they are reported: a difference). */
export async function rewrittenBy(trx: Transaction<DB>, work: () => Promise<void>): Promise<Record<string, number>> {
  const before = await updatesSoFar(trx);
  await work();
  const after = await updatesSoFar(trx);
  return Object.fromEntries([...after].map(([table, n]) => [table, n - (before.get(table) ?? 0)]).filter(([, n]) => n !== 0));
}

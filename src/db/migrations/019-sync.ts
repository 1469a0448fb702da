/**
 * 019: offline replicas that sync with a team's PostgreSQL desk (issue 22). Frozen once landed.
 * The same tables on both dialects (the PostgreSQL twin is pg/migrations/019-sync.ts); a server uses
 * sync_ops, sync_fields, sync_conflicts and sync_ticket_map, a replica all but sync_ticket_map.
 *
 * - sync_state: one row on a replica: the server (URL without password), this device's id (4 hex
 *   digits), the last server sequence pulled, the clock's last stamp, when it last synced.
 * - sync_outbox: operations made here and not yet accepted by the server, in clock order.
 * - sync_ops: the server's log: one order (seq) for every operation, idempotent by op_id.
 * - sync_fields: per ticket and single-valued field, the stamp and value last agreed.
 * - sync_conflicts: concurrent edits of one field: what was kept and what lost.
 * - sync_ticket_map: a provisional ticket id (negative, made offline) → the server's id.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  await run(`CREATE TABLE sync_state (
    id INTEGER PRIMARY KEY CHECK (id = 1), server TEXT NOT NULL, device TEXT NOT NULL,
    pulled_seq INTEGER NOT NULL DEFAULT 0, clock TEXT NOT NULL DEFAULT '', synced_at INTEGER)`);
  await run(`CREATE TABLE sync_outbox (
    op_id TEXT PRIMARY KEY, hlc TEXT NOT NULL, ticket_id INTEGER NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL)`);
  await run(`CREATE INDEX sync_outbox_hlc ON sync_outbox (hlc)`);
  await run(`CREATE TABLE sync_ops (
    seq INTEGER PRIMARY KEY, op_id TEXT NOT NULL UNIQUE, device TEXT NOT NULL, hlc TEXT NOT NULL,
    ticket_id INTEGER NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL, provisional_id INTEGER, received_at INTEGER NOT NULL)`);
  await run(`CREATE TABLE sync_fields (
    ticket_id INTEGER NOT NULL, field TEXT NOT NULL, hlc TEXT NOT NULL, value TEXT, PRIMARY KEY (ticket_id, field))`);
  await run(`CREATE TABLE sync_conflicts (
    id INTEGER PRIMARY KEY, op_id TEXT NOT NULL UNIQUE, ticket_id INTEGER NOT NULL, field TEXT NOT NULL,
    kept TEXT, lost TEXT, kept_hlc TEXT NOT NULL, lost_hlc TEXT NOT NULL, at INTEGER NOT NULL, resolved_at INTEGER)`);
  await run(`CREATE INDEX sync_conflicts_ticket ON sync_conflicts (ticket_id)`);
  await run(`CREATE TABLE sync_ticket_map (provisional_id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL)`);
}

/**
 * 019 on PostgreSQL: the twin of SQLite's 019-sync (offline replicas, issue 22): the server's log of
 * operations in one order (sync_ops.seq), the fields' last agreed stamps, conflicts, and provisional
 * ticket ids mapped to the server's. sync_state and sync_outbox are a replica's and stay empty here.
 * Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  await run(`CREATE TABLE sync_state (
    id integer PRIMARY KEY CHECK (id = 1), server text NOT NULL, device text NOT NULL,
    pulled_seq bigint NOT NULL DEFAULT 0, clock text NOT NULL DEFAULT '', synced_at bigint)`);
  await run(`CREATE TABLE sync_outbox (
    op_id text PRIMARY KEY, hlc text NOT NULL, ticket_id bigint NOT NULL, kind text NOT NULL, payload text NOT NULL)`);
  await run(`CREATE INDEX sync_outbox_hlc ON sync_outbox (hlc)`);
  await run(`CREATE TABLE sync_ops (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, op_id text NOT NULL UNIQUE, device text NOT NULL, hlc text NOT NULL,
    ticket_id bigint NOT NULL, kind text NOT NULL, payload text NOT NULL, provisional_id bigint, received_at bigint NOT NULL)`);
  await run(`CREATE TABLE sync_fields (
    ticket_id bigint NOT NULL, field text NOT NULL, hlc text NOT NULL, value text, PRIMARY KEY (ticket_id, field))`);
  await run(`CREATE TABLE sync_conflicts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, op_id text NOT NULL UNIQUE, ticket_id bigint NOT NULL, field text NOT NULL,
    kept text, lost text, kept_hlc text NOT NULL, lost_hlc text NOT NULL, at bigint NOT NULL, resolved_at bigint)`);
  await run(`CREATE INDEX sync_conflicts_ticket ON sync_conflicts (ticket_id)`);
  await run(`CREATE TABLE sync_ticket_map (provisional_id bigint PRIMARY KEY, ticket_id bigint NOT NULL)`);
}

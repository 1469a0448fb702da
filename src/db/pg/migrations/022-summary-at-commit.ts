/**
 * 022 on PostgreSQL: the report summaries (ticket_backlog_days, ticket_assignee_counts) rewritten once
 * per summary row per transaction, not once per ticket (issue 21). Frozen once landed. The twin of
 * SQLite's 022 (a no-op there).
 *
 * The baseline's row trigger (baseline/triggers.ts) upserted the shared summary rows for each ticket
 * written; each rewrite leaves a version that the next rewrite in the same transaction walks past, as
 * change_counter's did before 020: one transaction of single-ticket status changes cost n² (measured
 * at load 1 on 2 cores: 3,000 in 0.48 s, 12,000 in 4.4 s, against 0.17 s and 0.60 s with no triggers).
 * A statement trigger would not help: a bulk command writes one statement per ticket.
 *
 * Now the row trigger appends the ticket's change (−1 under its old values, +1 under its new) to
 * ticket_summary_changes, which is only inserted into until the end of the transaction, and marks the
 * transaction (a transaction-local setting). A deferred constraint trigger on those rows fires at
 * COMMIT (or at SET CONSTRAINTS … IMMEDIATE); the first firing after a mark folds every change in one
 * statement (delete them, add them up per summary row, one upsert each) and clears the mark, so the
 * others return at once. Committed, the table is empty: a reader sees the summaries as before. Inside
 * the writing transaction the summaries show its changes only once folded. Summary rows are locked
 * at COMMIT only, in key order. The fold finds its transaction's rows through an index on the
 * transaction's id, so the versions earlier transactions deleted and vacuum has not yet removed (all
 * of them while a long transaction, a pg_dump, holds vacuum back) are not read at each COMMIT.
 */
import type { Kysely } from 'kysely';
import { runAll } from './baseline/run.js';

const DAY = 86_400_000;
const CHANGES = 'ticket_summary_changes';
const TECHNICIAN_ROLE = 'deskline_technician'; // src/db/pg/roles.ts's group role (frozen here)
const MARK = `'deskline.summary_unfolded'`;
const COLUMNS = '(status, priority, day, assignee_id, n)';

const change = (row: 'NEW' | 'OLD', by: 1 | -1) =>
  `(${row}.status, ${row}.priority, ${row}.created_at / ${DAY}, coalesce(${row}.assignee_id, 0), ${by})`;

const fn = (name: string, body: string) => `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} END $$`;

const STATEMENTS = [
  `DROP TRIGGER tickets_summary_insert ON tickets`,
  `DROP TRIGGER tickets_summary_delete ON tickets`,
  `DROP TRIGGER tickets_summary_update ON tickets`,
  `DROP FUNCTION tickets_summary()`,
  `CREATE TABLE ${CHANGES} (status text NOT NULL, priority text NOT NULL, day bigint NOT NULL, assignee_id bigint NOT NULL,
    n bigint NOT NULL, xact bigint NOT NULL DEFAULT txid_current())`,
  `CREATE INDEX ${CHANGES}_xact ON ${CHANGES} (xact)`,
  `DO $$ BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${TECHNICIAN_ROLE}') THEN
      GRANT SELECT, INSERT, DELETE ON ${CHANGES} TO ${TECHNICIAN_ROLE};
    END IF;
  END $$`,
  fn(
    'tickets_summary',
    `IF TG_OP = 'UPDATE' THEN INSERT INTO ${CHANGES} ${COLUMNS} VALUES ${change('OLD', -1)}, ${change('NEW', 1)};
    ELSIF TG_OP = 'INSERT' THEN INSERT INTO ${CHANGES} ${COLUMNS} VALUES ${change('NEW', 1)};
    ELSE INSERT INTO ${CHANGES} ${COLUMNS} VALUES ${change('OLD', -1)};
    END IF;
    PERFORM set_config(${MARK}, 'yes', true);
    RETURN NULL;`,
  ),
  `CREATE TRIGGER tickets_summary_insert AFTER INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION tickets_summary()`,
  `CREATE TRIGGER tickets_summary_delete AFTER DELETE ON tickets FOR EACH ROW EXECUTE FUNCTION tickets_summary()`,
  `CREATE TRIGGER tickets_summary_update AFTER UPDATE OF status, priority, created_at, assignee_id ON tickets
    FOR EACH ROW EXECUTE FUNCTION tickets_summary()`,
  fn(
    'ticket_summary_fold',
    `IF coalesce(current_setting(${MARK}, true), '') <> 'yes' THEN RETURN NULL; END IF;
    PERFORM set_config(${MARK}, '', true);
    WITH folded AS (DELETE FROM ${CHANGES} WHERE xact = txid_current() RETURNING *),
    backlog AS (
      INSERT INTO ticket_backlog_days AS b (status, priority, day, n)
        SELECT status, priority, day, sum(n) FROM folded GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
        ON CONFLICT (status, priority, day) DO UPDATE SET n = b.n + excluded.n)
    INSERT INTO ticket_assignee_counts AS c (status, assignee_id, n)
      SELECT status, assignee_id, sum(n) FROM folded GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2
      ON CONFLICT (status, assignee_id) DO UPDATE SET n = c.n + excluded.n;
    RETURN NULL;`,
  ),
  // Its plan is made once per session, while the table looks empty: a scan of the table then stays.
  `ALTER FUNCTION ticket_summary_fold() SET enable_seqscan = off`,
  `CREATE CONSTRAINT TRIGGER ticket_summary_fold AFTER INSERT ON ${CHANGES} DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ticket_summary_fold()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runAll(db, STATEMENTS);
}

/**
 * 007: reports that do not grow with the desk. Frozen once landed.
 *
 * - ticket_backlog_days: tickets per status × priority × UTC day of creation. `report backlog`
 *   (ungrouped or by priority) sums it for whole days and reads only the days an age boundary or the
 *   period's ends cut through from tickets: at most a few thousand rows on any desk, where the open
 *   tickets themselves were 190k on a 1M desk.
 * - ticket_assignee_counts: tickets per status × assignee (`report workload`'s open column).
 * - Both are kept by triggers in the writing transaction (insert, delete, a change of status,
 *   priority, creation time or assignee), bulk writes included, and filled here for existing desks.
 * - Covering indexes for the period reports: resolved tickets by time (volume, workload), the SLA
 *   columns by creation time (sla), time logged by time (workload).
 */
import { sql, type Kysely } from 'kysely';

const DAY = 86_400_000;

const bump = (row: 'new' | 'old', by: 1 | -1) => `
  INSERT INTO ticket_backlog_days (status, priority, day, n) VALUES (${row}.status, ${row}.priority, ${row}.created_at / ${DAY}, ${by})
    ON CONFLICT (status, priority, day) DO UPDATE SET n = n + (${by});
  INSERT INTO ticket_assignee_counts (status, assignee_id, n) VALUES (${row}.status, ifnull(${row}.assignee_id, 0), ${by})
    ON CONFLICT (status, assignee_id) DO UPDATE SET n = n + (${by});`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE ticket_backlog_days (
      status TEXT NOT NULL, priority TEXT NOT NULL, day INTEGER NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (status, priority, day)
    ) WITHOUT ROWID`.execute(db);
  // assignee_id 0: unassigned (a primary key column cannot hold NULL in a WITHOUT ROWID table).
  await sql`
    CREATE TABLE ticket_assignee_counts (
      status TEXT NOT NULL, assignee_id INTEGER NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (status, assignee_id)
    ) WITHOUT ROWID`.execute(db);
  const triggers = [
    `CREATE TRIGGER tickets_summary_insert AFTER INSERT ON tickets BEGIN ${bump('new', 1)} END`,
    `CREATE TRIGGER tickets_summary_delete AFTER DELETE ON tickets BEGIN ${bump('old', -1)} END`,
    `CREATE TRIGGER tickets_summary_update AFTER UPDATE OF status, priority, created_at, assignee_id ON tickets
       BEGIN ${bump('old', -1)} ${bump('new', 1)} END`,
  ];
  for (const trigger of triggers) await sql.raw(trigger).execute(db);
  await sql
    .raw(
      `INSERT INTO ticket_backlog_days (status, priority, day, n)
    SELECT status, priority, created_at / ${DAY}, count(*) FROM tickets GROUP BY 1, 2, 3`,
    )
    .execute(db);
  await sql`INSERT INTO ticket_assignee_counts (status, assignee_id, n)
    SELECT status, ifnull(assignee_id, 0), count(*) FROM tickets GROUP BY 1, 2`.execute(db);

  await sql`CREATE INDEX tickets_resolved ON tickets (resolved_at, assignee_id)`.execute(db);
  await sql`CREATE INDEX tickets_sla ON tickets (created_at, status, first_response_at, first_response_due_at,
    resolved_at, resolution_due_at, priority, category, assignee_id, tier)`.execute(db);
  await sql`CREATE INDEX interactions_logged ON interactions (created_at, author_id, minutes)`.execute(db);
}

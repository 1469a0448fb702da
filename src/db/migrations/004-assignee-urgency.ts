/**
 * 004: an index for one technician's queue in urgency order (`1` My queue, `2` Unassigned, the
 * console's default views). Without it SQLite reads every ticket of the assignee through
 * tickets_assignee_status and sorts them: 8 ms for 2,400 open tickets of one technician on a 100k
 * desk, 26 ms cold. With it the first page is a walk of 41 index entries (0.2 ms).
 * The expression must match tickets_urgency (001) and URGENCY_EXPR in store/ticket-filter.ts.
 * Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX tickets_assignee_urgency ON tickets (assignee_id, ifnull(next_due_at, 8640000000000000), priority_rank, id)`.execute(
    db,
  );
}

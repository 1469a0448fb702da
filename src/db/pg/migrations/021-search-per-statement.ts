/**
 * 021 on PostgreSQL: new timeline entries refresh their tickets' search rows once per statement.
 * Frozen once landed. The baseline's row trigger (baseline/search.ts) called ticket_search_refresh
 * for each entry inserted, and the refresh reads the ticket's whole timeline: a statement of n
 * entries on one ticket did n refreshes of up to n entries each (1,000 notes on one ticket in one
 * statement: 8.7 s, 115 rows/s; on 1,000 tickets: 73 ms). A statement trigger over the inserted rows
 * (a transition table) refreshes each ticket once, after all of them, with the same result. Updates
 * and deletes keep their row triggers (one entry at a time: a redaction, an edit).
 */
import { sql, type Kysely } from 'kysely';

const STATEMENTS = [
  `DROP TRIGGER interactions_search_insert ON interactions`,
  `CREATE FUNCTION interactions_search_added() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    PERFORM ticket_search_refresh(t.ticket_id) FROM (SELECT DISTINCT ticket_id FROM added ORDER BY ticket_id) AS t;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER interactions_search_insert AFTER INSERT ON interactions
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION interactions_search_added()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const text of STATEMENTS) await sql.raw(text).execute(db);
}

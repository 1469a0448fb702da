/**
 * 023 on PostgreSQL: tickets inserted many to a statement (a sync push, an import, mail) keep their
 * search rows, report summaries and triage queue with one trigger call per statement, not per ticket
 * (issue 22). Frozen once landed. The twin of SQLite's 023 (a no-op there).
 *
 * The baseline's AFTER INSERT row triggers on tickets (baseline/search.ts, baseline/triggers.ts, 022)
 * ran a PL/pgSQL call per ticket: the search refresh alone (three tsvectors, an upsert, the new words)
 * was 25-50 ms of a 500-ticket push statement's 70, the summary change rows 5 more, and each row
 * queued a deferred fold call for COMMIT. Now statement triggers read the inserted rows from a
 * transition table (REFERENCING NEW TABLE, as 021 does for timeline entries) and do the same in a few
 * set-based statements:
 * - search: ticket_search_refresh_many(ids) builds every named ticket's document as
 *   ticket_search_refresh() does (the same expression), upserts them in id order and adds their words
 *   in word order; 021's timeline-entry trigger now calls it once per statement too, in place of a
 *   refresh per ticket;
 * - summaries: one change row per (status, priority, day, assignee) with the count, in place of a
 *   row of +1 per ticket; 022's fold adds them up at COMMIT as before, so the summaries are the same;
 * - triage: the resolved and closed among them queue in one INSERT … SELECT.
 * Row triggers stay for updates and deletes (one ticket at a time there: a status change, a merge;
 * and an UPDATE trigger with a column list cannot have a transition table). Statement triggers fire
 * after the row triggers of the same statement, and none of these reads what another writes.
 */
import type { Kysely } from 'kysely';
import { runAll } from './baseline/run.js';

const DAY = 86_400_000;
const MARK = `'deskline.summary_unfolded'`; // 022's transaction mark (frozen here)

const doc = (text: string, weight: 'A' | 'B' | 'C') => `setweight(to_tsvector('deskline', deskline_tokens(${text})), '${weight}')`;
// baseline/search.ts's document of ticket t, frozen here.
const NOTES = `coalesce((SELECT string_agg(body, ' ' ORDER BY id) FROM interactions
      WHERE ticket_id = t.id AND kind <> 'system'), '')`;

const REFRESH_MANY = `CREATE FUNCTION ticket_search_refresh_many(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    WITH indexed AS (
      INSERT INTO ticket_search AS s (ticket_id, doc)
        SELECT t.id, ${doc('t.title', 'A')} || ${doc('t.description', 'B')} || ${doc(NOTES, 'C')}
        FROM tickets AS t WHERE t.id = ANY (ids) ORDER BY t.id
        ON CONFLICT (ticket_id) DO UPDATE SET doc = excluded.doc
        RETURNING s.doc)
    INSERT INTO ticket_words (word)
      SELECT DISTINCT w FROM indexed, unnest(tsvector_to_array(indexed.doc)) AS w
        WHERE length(w) >= 3 AND w !~ '^[0-9]+$' ORDER BY w
      ON CONFLICT DO NOTHING;
  END $$`;

const statementFn = (name: string, body: string) =>
  `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} RETURN NULL; END $$`;

const onInserted = (trigger: string, fn: string) =>
  `CREATE TRIGGER ${trigger} AFTER INSERT ON tickets REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`;

const STATEMENTS = [
  `DROP TRIGGER tickets_search_insert ON tickets`,
  `DROP TRIGGER tickets_summary_insert ON tickets`,
  `DROP TRIGGER triage_queue_insert ON tickets`,
  REFRESH_MANY,
  statementFn('tickets_search_added', `PERFORM ticket_search_refresh_many(ARRAY(SELECT id FROM added));`),
  statementFn(
    'tickets_summary_added',
    `INSERT INTO ticket_summary_changes (status, priority, day, assignee_id, n)
      SELECT status, priority, created_at / ${DAY}, coalesce(assignee_id, 0), count(*) FROM added GROUP BY 1, 2, 3, 4;
    IF FOUND THEN PERFORM set_config(${MARK}, 'yes', true); END IF;`,
  ),
  statementFn(
    'triage_queue_added',
    `INSERT INTO triage_pending (ticket_id)
      SELECT a.id FROM added AS a
        WHERE a.status IN ('resolved', 'closed') AND NOT EXISTS (SELECT 1 FROM triage_learned WHERE ticket_id = a.id)
        ORDER BY a.id
      ON CONFLICT DO NOTHING;`,
  ),
  onInserted('tickets_search_insert', 'tickets_search_added'),
  onInserted('tickets_summary_insert', 'tickets_summary_added'),
  onInserted('triage_queue_insert', 'triage_queue_added'),
  statementFn('interactions_search_added', `PERFORM ticket_search_refresh_many(ARRAY(SELECT DISTINCT ticket_id FROM added));`),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runAll(db, STATEMENTS);
}

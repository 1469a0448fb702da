/**
 * 020 on PostgreSQL: the change feed's numbers in O(1) per ticket written, and attachments signed by
 * the mapped technician (issue 21). Frozen once landed. The twin of SQLite's 020 (a no-op there).
 *
 * - change_seq: the baseline's triggers (baseline/triggers.ts) rewrote change_counter's one row per
 *   ticket written. Each rewrite leaves a version that only the end of the transaction can reclaim,
 *   and the next write walks past all of them: 3,000 updates in one transaction took 0.4 s, 12,000
 *   took 7.3 s. Now the numbers come from a sequence (tickets_change_numbers, owned by the column,
 *   so a move from SQLite advances it past the copied numbers as it does the ids), taken after a
 *   transaction-level advisory lock ('DSKC'). The lock is what the counter row's lock was: ticket
 *   writers number one transaction at a time, held to COMMIT, so numbers still follow commit order
 *   (nothing later commits with a number at or below one a reader has seen: the feed relies on it).
 *   Taking it again in the same transaction costs a lookup in the session's lock table. Numbers a
 *   rolled-back transaction took are skipped, as ids are. change_counter stays (the file desk's
 *   twin, copied by a move) and is no longer written here.
 * - attachments: added_by is the mapped technician's name, like 018's signatures, except on a
 *   requester's mail (an email_in entry's files keep the sender, as mail intake writes it).
 *   Unmapped sessions are treated as 018 treats them: the owner's rows as written, others refused.
 */
import type { Kysely } from 'kysely';
import { runAll } from './baseline/run.js';

const CHANGE_LOCK = 1146309443; // 'DSKC' (frozen here)
const SEQUENCE = 'tickets_change_numbers';
const TECHNICIAN_ROLE = 'deskline_technician'; // src/db/pg/roles.ts's group role (frozen here)
const SECURE = 'SECURITY DEFINER SET search_path = public, pg_temp';
const NEXT = `PERFORM pg_advisory_xact_lock(${CHANGE_LOCK});
    NEW.change_seq := nextval('${SEQUENCE}');`;

const UNMAPPED = `RAISE EXCEPTION USING ERRCODE = '42DL1', MESSAGE = format(
  'login role %s is not a technician of this desk: the desk''s owner runs ''deskline technician add NAME -e EMAIL --role %s''',
  session_user, session_user)`;

const fn = (name: string, body: string) =>
  `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} END $$`;

const STATEMENTS = [
  `CREATE SEQUENCE ${SEQUENCE} OWNED BY tickets.change_seq`,
  `SELECT setval('${SEQUENCE}', greatest(c.seq, t.top, 1), greatest(c.seq, t.top) > 0)
    FROM (SELECT coalesce(max(seq), 0) AS seq FROM change_counter) AS c, (SELECT coalesce(max(change_seq), 0) AS top FROM tickets) AS t`,
  // Technicians already granted (`deskline db roles`) may take numbers without the roles being re-run.
  `DO $$ BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${TECHNICIAN_ROLE}') THEN
      GRANT USAGE, SELECT ON SEQUENCE ${SEQUENCE} TO ${TECHNICIAN_ROLE};
    END IF;
  END $$`,
  fn(
    'tickets_change_insert',
    `${NEXT}
    IF NEW.status_at = 0 THEN NEW.status_at := NEW.updated_at; END IF;
    RETURN NEW;`,
  ),
  fn(
    'tickets_change_update',
    `${NEXT}
    IF NEW.status IS DISTINCT FROM OLD.status THEN NEW.status_at := NEW.updated_at; END IF;
    RETURN NEW;`,
  ),
  `CREATE FUNCTION attachments_acting() RETURNS trigger LANGUAGE plpgsql ${SECURE} AS $$
    DECLARE who record;
    BEGIN
      SELECT * INTO who FROM deskline_acting();
      IF who.id IS NULL THEN
        IF who.owner THEN RETURN NEW; END IF;
        ${UNMAPPED};
      END IF;
      IF EXISTS (SELECT FROM interactions AS i WHERE i.id = NEW.interaction_id AND i.kind = 'email_in') THEN RETURN NEW; END IF;
      NEW.added_by := who.name;
      RETURN NEW;
    END $$`,
  `CREATE TRIGGER attachments_acting BEFORE INSERT ON attachments FOR EACH ROW EXECUTE FUNCTION attachments_acting()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runAll(db, STATEMENTS);
}

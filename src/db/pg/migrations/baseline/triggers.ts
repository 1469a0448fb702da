/**
 * SQLite's ticket triggers as PL/pgSQL, with the same effects inside the writing transaction:
 * - 007: the report summaries (tickets per status × priority × UTC day, per status × assignee),
 *   on insert, delete and a change of status, priority, creation time or assignee;
 * - 013: change_seq takes the next number of change_counter on every insert and update that does not
 *   set it, and status_at follows status. The counter's row stays locked until COMMIT, so ticket
 *   writers take numbers one at a time and the numbers follow commit order, as on SQLite (the change
 *   feed relies on it: nothing later commits with a number at or below one a reader has seen);
 * - 014: tickets reaching resolved/closed queue for the triage model once.
 */
const DAY = 86_400_000;

const bump = (row: 'NEW' | 'OLD', by: 1 | -1) => `
    INSERT INTO ticket_backlog_days AS b (status, priority, day, n)
      VALUES (${row}.status, ${row}.priority, ${row}.created_at / ${DAY}, ${by})
      ON CONFLICT (status, priority, day) DO UPDATE SET n = b.n + (${by});
    INSERT INTO ticket_assignee_counts AS c (status, assignee_id, n)
      VALUES (${row}.status, coalesce(${row}.assignee_id, 0), ${by})
      ON CONFLICT (status, assignee_id) DO UPDATE SET n = c.n + (${by});`;

const NEXT_SEQ = `UPDATE change_counter SET seq = seq + 1 WHERE id = 1 RETURNING seq INTO NEW.change_seq;`;
const QUEUE = `INSERT INTO triage_pending (ticket_id)
      SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM triage_learned WHERE ticket_id = NEW.id)
      ON CONFLICT DO NOTHING;`;
const RESOLVED = `NEW.status IN ('resolved', 'closed')`;

const fn = (name: string, body: string) => `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} END $$`;

export const TICKET_TRIGGERS: readonly string[] = [
  fn(
    'tickets_summary',
    `IF TG_OP IN ('UPDATE', 'DELETE') THEN ${bump('OLD', -1)} END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN ${bump('NEW', 1)} END IF;
    RETURN NULL;`,
  ),
  `CREATE TRIGGER tickets_summary_insert AFTER INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION tickets_summary()`,
  `CREATE TRIGGER tickets_summary_delete AFTER DELETE ON tickets FOR EACH ROW EXECUTE FUNCTION tickets_summary()`,
  `CREATE TRIGGER tickets_summary_update AFTER UPDATE OF status, priority, created_at, assignee_id ON tickets
    FOR EACH ROW EXECUTE FUNCTION tickets_summary()`,
  fn(
    'tickets_change_insert',
    `${NEXT_SEQ}
    IF NEW.status_at = 0 THEN NEW.status_at := NEW.updated_at; END IF;
    RETURN NEW;`,
  ),
  fn(
    'tickets_change_update',
    `${NEXT_SEQ}
    IF NEW.status IS DISTINCT FROM OLD.status THEN NEW.status_at := NEW.updated_at; END IF;
    RETURN NEW;`,
  ),
  `CREATE TRIGGER tickets_change_insert BEFORE INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION tickets_change_insert()`,
  `CREATE TRIGGER tickets_change_update BEFORE UPDATE ON tickets FOR EACH ROW
    WHEN (NEW.change_seq = OLD.change_seq) EXECUTE FUNCTION tickets_change_update()`,
  fn('triage_queue', `${QUEUE} RETURN NULL;`),
  `CREATE TRIGGER triage_queue_insert AFTER INSERT ON tickets FOR EACH ROW WHEN (${RESOLVED})
    EXECUTE FUNCTION triage_queue()`,
  `CREATE TRIGGER triage_queue_update AFTER UPDATE OF status ON tickets FOR EACH ROW
    WHEN (${RESOLVED} AND OLD.status NOT IN ('resolved', 'closed')) EXECUTE FUNCTION triage_queue()`,
  fn('triage_unqueue', `DELETE FROM triage_pending WHERE ticket_id = OLD.id; RETURN NULL;`),
  `CREATE TRIGGER triage_queue_delete AFTER DELETE ON tickets FOR EACH ROW EXECUTE FUNCTION triage_unqueue()`,
];

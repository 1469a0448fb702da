/**
 * 013: workflow — related tickets, major incidents, follow-ups, automatic transitions, the change feed,
 * redaction. Frozen once landed.
 *
 * - tickets.parent_id: a major incident's children point at it (one level: a parent is no child).
 * - tickets.followup_at: when someone means to look at the ticket again (null: no follow-up).
 * - tickets.status_at: when the ticket entered its current status (the time rules of
 *   domain/automation-rules.ts count from it); kept by the change trigger below, whoever writes.
 * - tickets.change_seq: the change feed's cursor. Every insert or update of a ticket takes the next
 *   number of change_counter inside the writing transaction. SQLite runs one writer at a time, so the
 *   numbers follow commit order: a reader that saw every change up to N sees nothing later commit
 *   with a number at or below N (`ticket list --changed-since N`).
 * - ticket_links: one link per pair of tickets (relates, duplicate: ticket_id duplicates other_id,
 *   blocks: ticket_id blocks other_id).
 * - ticket_followers: requesters who hear about a ticket besides its own (a merged ticket's requester).
 * - rule_firings: the last time each time rule fired on a ticket (a reminder fires once per wait).
 * - redactions: who removed what from which ticket, when and why (the text itself is gone).
 */
import { sql, type Kysely } from 'kysely';

const NEXT_SEQ = `UPDATE change_counter SET seq = seq + 1 WHERE id = 1;`;
const SEQ = `(SELECT seq FROM change_counter WHERE id = 1)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  await run(`ALTER TABLE tickets ADD COLUMN parent_id INTEGER REFERENCES tickets (id)`);
  await run(`ALTER TABLE tickets ADD COLUMN followup_at INTEGER`);
  await run(`ALTER TABLE tickets ADD COLUMN status_at INTEGER NOT NULL DEFAULT 0`);
  await run(`ALTER TABLE tickets ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0`);
  await run(`UPDATE tickets SET status_at = updated_at, change_seq = id`);
  await run(`CREATE TABLE change_counter (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL)`);
  await run(`INSERT INTO change_counter (id, seq) VALUES (1, (SELECT ifnull(max(id), 0) FROM tickets))`);
  await run(`CREATE INDEX tickets_change_seq ON tickets (change_seq)`);
  await run(`CREATE INDEX tickets_parent ON tickets (parent_id) WHERE parent_id IS NOT NULL`);
  await run(`CREATE INDEX tickets_followup ON tickets (followup_at) WHERE followup_at IS NOT NULL`);
  await run(`CREATE INDEX tickets_status_since ON tickets (status, status_at)`);

  // The insert trigger's own UPDATE moves change_seq, so the update trigger (WHEN unchanged) skips it;
  // the update trigger's UPDATE does not fire itself (recursive_triggers is off).
  await run(`CREATE TRIGGER tickets_change_insert AFTER INSERT ON tickets BEGIN
    ${NEXT_SEQ}
    UPDATE tickets SET change_seq = ${SEQ}, status_at = CASE WHEN new.status_at = 0 THEN new.updated_at ELSE new.status_at END
      WHERE id = new.id;
  END`);
  await run(`CREATE TRIGGER tickets_change_update AFTER UPDATE ON tickets WHEN new.change_seq = old.change_seq BEGIN
    ${NEXT_SEQ}
    UPDATE tickets SET change_seq = ${SEQ},
      status_at = CASE WHEN new.status IS old.status THEN new.status_at ELSE new.updated_at END
      WHERE id = new.id;
  END`);

  await run(`CREATE TABLE ticket_links (
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    other_id INTEGER NOT NULL REFERENCES tickets (id),
    kind TEXT NOT NULL CHECK (kind IN ('relates', 'duplicate', 'blocks')),
    linked_by TEXT NOT NULL,
    linked_at INTEGER NOT NULL,
    PRIMARY KEY (ticket_id, other_id),
    CHECK (ticket_id <> other_id)
  ) WITHOUT ROWID`);
  await run(`CREATE INDEX ticket_links_other ON ticket_links (other_id)`);
  await run(`CREATE TABLE ticket_followers (
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    requester_id INTEGER NOT NULL REFERENCES requesters (id),
    added_at INTEGER NOT NULL,
    PRIMARY KEY (ticket_id, requester_id)
  ) WITHOUT ROWID`);
  await run(`CREATE TABLE rule_firings (
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    rule TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (ticket_id, rule)
  ) WITHOUT ROWID`);
  await run(`CREATE TABLE redactions (
    id INTEGER PRIMARY KEY,
    ticket_id INTEGER REFERENCES tickets (id),
    interaction_id INTEGER,
    requester_id INTEGER,
    what TEXT NOT NULL,
    reason TEXT NOT NULL,
    actor TEXT NOT NULL,
    at INTEGER NOT NULL
  )`);
}

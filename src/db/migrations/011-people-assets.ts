/**
 * 011: requesters in full (location, VIP, notes, more mail addresses), groups of technicians that
 * tickets can be assigned to, and assets with their owners' history and the tickets about them.
 * Frozen once landed.
 *
 * - Dates (purchase, warranty) are UTC midnights in epoch ms, like every other time column.
 * - tag, hostname, serial and model are COLLATE NOCASE so a picker's `LIKE 'lt-00%'` seeks their
 *   indexes (SQLite's LIKE optimisation needs the column's collation to match its case rule).
 * - The requester picker seeks names by their start and by what follows the first word ("silva"
 *   finds "Ana Silva"): two NOCASE indexes, the second on an expression store/pickers.ts repeats.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE requesters ADD COLUMN location TEXT`.execute(db);
  await sql`ALTER TABLE requesters ADD COLUMN vip INTEGER NOT NULL DEFAULT 0`.execute(db);
  await sql`ALTER TABLE requesters ADD COLUMN notes TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`CREATE INDEX requesters_name_nocase ON requesters (name COLLATE NOCASE, id)`.execute(db);
  await sql`CREATE INDEX requesters_later_words ON requesters (substr(name, instr(name, ' ') + 1) COLLATE NOCASE) WHERE instr(name, ' ') > 0`.execute(
    db,
  );
  await sql`CREATE INDEX requesters_email_nocase ON requesters (email COLLATE NOCASE)`.execute(db);
  await sql`
    CREATE TABLE requester_emails (
      email TEXT PRIMARY KEY COLLATE NOCASE,
      requester_id INTEGER NOT NULL REFERENCES requesters (id),
      added_at INTEGER NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX requester_emails_requester ON requester_emails (requester_id)`.execute(db);

  await sql`
    CREATE TABLE groups (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      created_at INTEGER NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE group_members (
      group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
      technician_id INTEGER NOT NULL REFERENCES technicians (id),
      PRIMARY KEY (group_id, technician_id)
    ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX group_members_technician ON group_members (technician_id, group_id)`.execute(db);
  await sql`ALTER TABLE tickets ADD COLUMN group_id INTEGER REFERENCES groups (id)`.execute(db);
  // A group's unassigned tickets in urgency order (My queue's second half); matches tickets_urgency (001).
  await sql`CREATE INDEX tickets_group_urgency ON tickets (group_id, assignee_id, ifnull(next_due_at, 8640000000000000), priority_rank, id)
    WHERE group_id IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE assets (
      id INTEGER PRIMARY KEY,
      tag TEXT NOT NULL UNIQUE COLLATE NOCASE,
      type TEXT NOT NULL,
      model TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
      serial TEXT COLLATE NOCASE,
      owner_id INTEGER REFERENCES requesters (id),
      location TEXT,
      hostname TEXT COLLATE NOCASE,
      protocol TEXT,
      status TEXT NOT NULL,
      purchased_at INTEGER,
      warranty_until INTEGER,
      notes TEXT NOT NULL DEFAULT '',
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX assets_owner ON assets (owner_id, tag)`.execute(db);
  await sql`CREATE INDEX assets_hostname ON assets (hostname)`.execute(db);
  await sql`CREATE INDEX assets_serial ON assets (serial)`.execute(db);
  await sql`CREATE INDEX assets_model ON assets (model)`.execute(db);
  await sql`
    CREATE TABLE asset_owners (
      id INTEGER PRIMARY KEY,
      asset_id INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
      requester_id INTEGER REFERENCES requesters (id),
      at INTEGER NOT NULL,
      actor TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX asset_owners_asset ON asset_owners (asset_id, at, id)`.execute(db);
  await sql`CREATE INDEX asset_owners_requester ON asset_owners (requester_id)`.execute(db);
  await sql`
    CREATE TABLE ticket_assets (
      ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
      asset_id INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
      linked_at INTEGER NOT NULL,
      linked_by TEXT NOT NULL,
      PRIMARY KEY (ticket_id, asset_id)
    ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX ticket_assets_asset ON ticket_assets (asset_id, ticket_id)`.execute(db);
}

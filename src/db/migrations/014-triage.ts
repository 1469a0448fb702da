/**
 * 014: the triage assistant's model (issue 23). Frozen once landed.
 *
 * - triage_labels: per field (category, priority, tier) and label, the tickets learned and the
 *   features counted over them.
 * - triage_counts: per feature, field and label, the tickets holding that feature. Keyed by feature
 *   first, so a suggestion reads only its own ticket's features (a few hundred rows at most).
 * - triage_state: one row: the vocabulary size (distinct features, for smoothing), when the model
 *   was last fully trained, and how many tickets it holds.
 * - triage_vocabulary: the distinct features, so an incremental learn knows which are new.
 * - triage_learned: the tickets already in the model (a ticket resolved twice is learned once).
 * - triage_pending: tickets resolved since, whoever resolved them (CLI, console, bulk, import): a
 *   trigger queues them here and the resolve workflow learns the queue in its own transaction
 *   (src/store/triage-learn.ts); `triage train` rebuilds everything and empties it.
 * - ticket_text_fts: titles and descriptions with positions (detail = full) for similar tickets
 *   ranked by bm25 (title 3, description 1): 006's ticket_fts keeps rowids only (detail = none),
 *   where bm25 scores every row 0. Contentless (the text stays in tickets), kept by triggers that
 *   fire for every writer, bulk included, and built here for the tickets a desk already has;
 *   ticket_text_vocab gives each word's document count (its rarity weighs it).
 */
import { sql, type Kysely } from 'kysely';

/** The apostrophes src/domain/kb-text.ts drops (as 006 does): \`can't\` indexes as \`cant\`. */
const APOSTROPHES = ["''", '\u2018', '\u2019', '\u02bc', '`', '\u00b4', '\u2032'];
const plain = (column: string) => APOSTROPHES.reduce((inner, a) => `replace(${inner}, '${a}', '')`, column);
const RESOLVED = `new.status IN ('resolved', 'closed')`;
const QUEUE = `INSERT OR IGNORE INTO triage_pending (ticket_id)
  SELECT new.id WHERE NOT EXISTS (SELECT 1 FROM triage_learned WHERE ticket_id = new.id);`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE triage_labels (
      field TEXT NOT NULL, label TEXT NOT NULL, docs INTEGER NOT NULL, features INTEGER NOT NULL,
      PRIMARY KEY (field, label)
    ) WITHOUT ROWID`.execute(db);
  await sql`
    CREATE TABLE triage_counts (
      feature TEXT NOT NULL, field TEXT NOT NULL, label TEXT NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (feature, field, label)
    ) WITHOUT ROWID`.execute(db);
  await sql`CREATE TABLE triage_vocabulary (feature TEXT PRIMARY KEY) WITHOUT ROWID`.execute(db);
  await sql`
    CREATE TABLE triage_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      vocabulary INTEGER NOT NULL, learned INTEGER NOT NULL, trained_at INTEGER
    )`.execute(db);
  await sql`INSERT INTO triage_state (id, vocabulary, learned, trained_at) VALUES (1, 0, 0, NULL)`.execute(db);
  await sql`CREATE TABLE triage_learned (ticket_id INTEGER PRIMARY KEY)`.execute(db);
  await sql`CREATE TABLE triage_pending (ticket_id INTEGER PRIMARY KEY)`.execute(db);
  await sql.raw(`CREATE TRIGGER triage_queue_insert AFTER INSERT ON tickets WHEN ${RESOLVED} BEGIN ${QUEUE} END`).execute(db);
  await sql
    .raw(
      `CREATE TRIGGER triage_queue_update AFTER UPDATE OF status ON tickets
         WHEN ${RESOLVED} AND old.status NOT IN ('resolved', 'closed') BEGIN ${QUEUE} END`,
    )
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER triage_queue_delete AFTER DELETE ON tickets BEGIN DELETE FROM triage_pending WHERE ticket_id = old.id; END`)
    .execute(db);
  await sql`
    CREATE VIRTUAL TABLE ticket_text_fts USING fts5(
      title, description, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
  await sql`CREATE VIRTUAL TABLE ticket_text_vocab USING fts5vocab(ticket_text_fts, 'row')`.execute(db);
  await sql`INSERT INTO ticket_text_fts (ticket_text_fts, rank) VALUES ('rank', 'bm25(3.0, 1.0)')`.execute(db);
  const index = (row: string) =>
    `INSERT INTO ticket_text_fts (rowid, title, description) VALUES (${row}.id, ${plain(`${row}.title`)}, ${plain(`substr(${row}.description, 1, 2000)`)});`;
  await sql.raw(`CREATE TRIGGER ticket_text_insert AFTER INSERT ON tickets BEGIN ${index('new')} END`).execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ticket_text_update AFTER UPDATE OF title, description ON tickets
         BEGIN DELETE FROM ticket_text_fts WHERE rowid = old.id; ${index('new')} END`,
    )
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER ticket_text_delete AFTER DELETE ON tickets BEGIN DELETE FROM ticket_text_fts WHERE rowid = old.id; END`)
    .execute(db);
  await sql
    .raw(
      `INSERT INTO ticket_text_fts (rowid, title, description) SELECT id, ${plain('title')}, ${plain('substr(description, 1, 2000)')} FROM tickets`,
    )
    .execute(db);
  // Tickets an existing desk already resolved wait for `triage train` (or the next resolves, a batch at a time).
  await sql`INSERT INTO triage_pending (ticket_id) SELECT id FROM tickets WHERE status IN ('resolved', 'closed')`.execute(db);
}

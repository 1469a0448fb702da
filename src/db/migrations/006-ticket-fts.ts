/**
 * 006: free text over tickets at any size. Frozen once landed.
 *
 * - ticket_fts indexes each ticket's title, description and the text of its timeline (every
 *   interaction but system events, joined with spaces) under rowid = tickets.id. It is contentless
 *   (the text stays in tickets/interactions) with `contentless_delete = 1`, so a ticket's row can be
 *   replaced by rowid without the old values, and `detail = none` (rowids only): the ticket query
 *   asks "which tickets hold words starting with …" and checks phrases against the rows themselves
 *   (src/store/ticket-text.ts), so positions would only make the index twice as slow to build.
 * - Apostrophes are dropped before tokenizing (`can't` indexes as `cant`), as the query does
 *   (the same characters as src/domain/kb-text.ts).
 * - Triggers keep it in step inside the writing transaction, whoever writes: a ticket inserted, its
 *   title or description changed, an interaction added, edited (redacted), moved (merged) or deleted.
 *   While ticket_fts_hold has a row they do nothing: the bulk writer (store/bulk-rows.ts) holds them
 *   for the length of one chunk and indexes the chunk's tickets itself before its COMMIT.
 * - ticket_fts_vocab lists the indexed words (the typo fallback looks candidates up in it).
 * - The index is built here for the tickets an existing desk already has.
 */
import { sql, type Kysely } from 'kysely';

/** The apostrophes src/domain/kb-text.ts drops: ' ‘ ’ ʼ ` ´ ′. */
const APOSTROPHES = ["''", '\u2018', '\u2019', '\u02bc', '`', '\u00b4', '\u2032'];
const plain = (column: string) => APOSTROPHES.reduce((inner, a) => `replace(${inner}, '${a}', '')`, column);
const notesOf = (ticket: string) =>
  `(SELECT ifnull(group_concat(${plain('body')}, ' '), '') FROM interactions WHERE ticket_id = ${ticket} AND kind <> 'system')`;
const indexTickets = (where: string) =>
  `INSERT INTO ticket_fts (rowid, title, description, notes)
     SELECT id, ${plain('title')}, ${plain('description')}, ${notesOf('tickets.id')} FROM tickets WHERE ${where};`;
const refresh = (ticket: string) => `DELETE FROM ticket_fts WHERE rowid = ${ticket}; ${indexTickets(`id = ${ticket}`)}`;
const UNHELD = 'WHEN NOT EXISTS (SELECT 1 FROM ticket_fts_hold)';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE VIRTUAL TABLE ticket_fts USING fts5(
      title, description, notes,
      content = '', contentless_delete = 1, detail = none,
      tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
  await sql`CREATE VIRTUAL TABLE ticket_fts_vocab USING fts5vocab(ticket_fts, 'row')`.execute(db);
  await sql`CREATE TABLE ticket_fts_hold (held INTEGER PRIMARY KEY CHECK (held = 1))`.execute(db);

  const triggers = [
    `CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets ${UNHELD} BEGIN ${indexTickets('id = new.id')} END`,
    `CREATE TRIGGER tickets_fts_update AFTER UPDATE OF id, title, description ON tickets ${UNHELD}
       BEGIN DELETE FROM ticket_fts WHERE rowid = old.id; ${refresh('new.id')} END`,
    `CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets BEGIN DELETE FROM ticket_fts WHERE rowid = old.id; END`,
    `CREATE TRIGGER interactions_fts_insert AFTER INSERT ON interactions ${UNHELD} BEGIN ${refresh('new.ticket_id')} END`,
    `CREATE TRIGGER interactions_fts_update AFTER UPDATE OF ticket_id, kind, body ON interactions ${UNHELD}
       BEGIN ${refresh('old.ticket_id')} ${refresh('new.ticket_id')} END`,
    `CREATE TRIGGER interactions_fts_delete AFTER DELETE ON interactions ${UNHELD} BEGIN ${refresh('old.ticket_id')} END`,
  ];
  for (const trigger of triggers) await sql.raw(trigger).execute(db);
  await sql.raw(indexTickets('1')).execute(db);
}

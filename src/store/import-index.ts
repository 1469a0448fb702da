/**
 * The free-text indexes of tickets an import or a delivered email created or changed, filled once
 * at the end instead of by triggers per row (SQLite-only). Every statement that writes an FTS5 table
 * inside a long transaction makes FTS5 flush what it holds in memory into a new segment, so one row
 * per statement cost a segment per ticket (and the merges after): here each index gets one DELETE and
 * one INSERT … SELECT over all the run's tickets.
 * - ticket_fts (006): its triggers wait while ticket_fts_hold has a row (the caller holds it).
 * - ticket_text_fts (014): its triggers have no hold, so an import lifts them for its transaction
 *   (holdTextIndex) and puts them back, as they were, before COMMIT; other connections never see
 *   them missing, and a rollback restores them too.
 */
import type Database from 'better-sqlite3';
import { plainSql } from './ticket-text.js';

const IDS = 'SELECT value FROM json_each(?)';

/** ticket_fts's row of each ticket as 006's triggers write it (notes: the timeline's text), for a WHERE on tickets. */
export const TICKET_FTS_ROWS = `INSERT INTO ticket_fts (rowid, title, description, notes)
  SELECT id, ${plainSql('title')}, ${plainSql('description')},
    (SELECT ifnull(group_concat(${plainSql('body')}, ' '), '') FROM interactions WHERE ticket_id = tickets.id AND kind <> 'system')
  FROM tickets`;

/** ticket_fts for the run's tickets, rebuilt whole. */
export function indexTickets(sqlite: Database.Database, ids: ReadonlySet<number>): void {
  if (ids.size === 0) return;
  const list = JSON.stringify([...ids]);
  sqlite.prepare(`DELETE FROM ticket_fts WHERE rowid IN (${IDS})`).run(list);
  sqlite.prepare(`${TICKET_FTS_ROWS} WHERE id IN (${IDS})`).run(list);
}

const TEXT_TRIGGERS = ['ticket_text_insert', 'ticket_text_update'];

/**
 * Lifts 014's ticket_text_fts insert and update triggers inside the caller's transaction; the function
 * returned puts them back and indexes the given tickets as those triggers would have (title, the
 * description's first 2,000 characters).
 */
export function holdTextIndex(sqlite: Database.Database): (ids: ReadonlySet<number>) => void {
  const saved = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${TEXT_TRIGGERS.map(() => '?').join(', ')})`)
    .all(...TEXT_TRIGGERS) as { name: string; sql: string }[];
  for (const t of saved) sqlite.exec(`DROP TRIGGER ${t.name}`);
  return (ids) => {
    for (const t of saved) sqlite.exec(t.sql);
    if (ids.size === 0 || saved.length === 0) return;
    const list = JSON.stringify([...ids]);
    sqlite.prepare(`DELETE FROM ticket_text_fts WHERE rowid IN (${IDS})`).run(list);
    sqlite
      .prepare(
        `INSERT INTO ticket_text_fts (rowid, title, description)
           SELECT id, ${plainSql('title')}, ${plainSql('substr(description, 1, 2000)')} FROM tickets WHERE id IN (${IDS})`,
      )
      .run(list);
  };
}

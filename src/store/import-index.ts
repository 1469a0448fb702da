/** The free-text index of tickets an import or a delivered email created or changed (their triggers held meanwhile). */
import { type rawSqlite } from './sqlite-raw.js';
import { plainSql } from './ticket-text.js';

/** The free-text index of the tickets the run created or changed, rebuilt whole (its triggers were held). */
export function indexTickets(sqlite: ReturnType<typeof rawSqlite>, ids: ReadonlySet<number>): void {
  if (ids.size === 0) return;
  const remove = sqlite.prepare('DELETE FROM ticket_fts WHERE rowid = ?');
  const add = sqlite.prepare(
    `INSERT INTO ticket_fts (rowid, title, description, notes)
       SELECT id, ${plainSql('title')}, ${plainSql('description')},
         (SELECT ifnull(group_concat(${plainSql('body')}, ' '), '') FROM interactions WHERE ticket_id = tickets.id AND kind <> 'system')
       FROM tickets WHERE id = ?`,
  );
  for (const id of ids) {
    remove.run(id);
    add.run(id);
  }
}

/** Tags: a vocabulary table and the ticket ↔ tag links. */
import type { Executor } from './executor.js';

async function tagIds(db: Executor, names: readonly string[]): Promise<number[]> {
  if (names.length === 0) return [];
  await db
    .insertInto('tags')
    .values(names.map((name) => ({ name })))
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const rows = await db.selectFrom('tags').select('id').where('name', 'in', names).execute();
  return rows.map((r) => r.id);
}

export async function addTags(db: Executor, ticketId: number, names: readonly string[]): Promise<void> {
  const ids = await tagIds(db, names);
  if (ids.length === 0) return;
  await db
    .insertInto('ticket_tags')
    .values(ids.map((tag_id) => ({ ticket_id: ticketId, tag_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function removeTags(db: Executor, ticketId: number, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await db
    .deleteFrom('ticket_tags')
    .where('ticket_id', '=', ticketId)
    .where('tag_id', 'in', (eb) => eb.selectFrom('tags').select('id').where('name', 'in', names))
    .execute();
}

/** Tags of many tickets in one query: ticket id → sorted names. */
export async function tagsOf(db: Executor, ticketIds: readonly number[]): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>();
  if (ticketIds.length === 0) return map;
  const rows = await db
    .selectFrom('ticket_tags')
    .innerJoin('tags', 'tags.id', 'ticket_tags.tag_id')
    .select(['ticket_tags.ticket_id as ticket_id', 'tags.name as name'])
    .where('ticket_tags.ticket_id', 'in', ticketIds)
    .orderBy('tags.name')
    .execute();
  for (const r of rows) map.set(r.ticket_id, [...(map.get(r.ticket_id) ?? []), r.name]);
  return map;
}

/** Tags: a vocabulary table and the ticket ↔ tag links. */
import { sql } from 'kysely';
import type { Executor } from './executor.js';
import { numberValue } from './values-list.js';

/** Adds names to the vocabulary (known ones are left alone). */
async function addNames(db: Executor, names: readonly string[]): Promise<void> {
  await db
    .insertInto('tags')
    .values(names.map((name) => ({ name })))
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

/** Tags of tickets just inserted (so with no links yet), in two statements for any number of tickets. */
export async function linkNewTags(db: Executor, tickets: readonly { ticketId: number; tags: readonly string[] }[]): Promise<void> {
  const id = numberValue(db);
  const pairs = tickets.flatMap((t) => t.tags.map((tag) => sql`(${id(t.ticketId)}, ${tag})`));
  if (pairs.length === 0) return;
  await addNames(db, [...new Set(tickets.flatMap((t) => t.tags))]);
  for (let i = 0; i < pairs.length; i += 500) {
    await sql`INSERT INTO ticket_tags (ticket_id, tag_id)
      SELECT v.column1, tags.id FROM (VALUES ${sql.join(pairs.slice(i, i + 500))}) AS v JOIN tags ON tags.name = v.column2`.execute(db);
  }
}

async function tagIds(db: Executor, names: readonly string[]): Promise<number[]> {
  if (names.length === 0) return [];
  await addNames(db, names);
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

/**
 * What the sync fault stress (./sync-faults.ts) checks after each round: rows the server holds twice
 * (tickets by title, timeline entries by ticket and text: the stress makes every one unique), and
 * whether the laptop's replica equals the server (tickets, tags, timelines, conflicts; outbox empty).
 */
import type pg from 'pg';
import { openDesk } from '../../src/store/desk.js';
import type { Executor } from '../../src/store/executor.js';

/** Extra copies on the server: a ticket title or a timeline entry (ticket, text) present more than once. */
export async function serverDoubles(c: pg.Client): Promise<number> {
  const twice = async (text: string) => Number((await c.query(text)).rows[0].n ?? 0);
  return (
    (await twice(`SELECT coalesce(sum(n - 1), 0) AS n FROM (SELECT count(*) AS n FROM tickets GROUP BY title HAVING count(*) > 1) d`)) +
    (await twice(
      `SELECT coalesce(sum(n - 1), 0) AS n FROM (SELECT count(*) AS n FROM interactions GROUP BY ticket_id, body HAVING count(*) > 1) d`,
    ))
  );
}

async function contents(db: Executor): Promise<string> {
  const tickets = await db.selectFrom('tickets').select(['id', 'title', 'status', 'priority']).orderBy('id').execute();
  const tags = await db
    .selectFrom('ticket_tags')
    .innerJoin('tags', 'tags.id', 'ticket_tags.tag_id')
    .select(['ticket_id', 'name'])
    .orderBy('ticket_id')
    .orderBy('name')
    .execute();
  const entries = await db.selectFrom('interactions').select(['ticket_id', 'kind', 'body', 'created_at']).execute();
  const conflicts = await db
    .selectFrom('sync_conflicts')
    .select(['op_id', 'ticket_id', 'field', 'kept', 'lost'])
    .orderBy('op_id')
    .execute();
  const lines = entries.map((e) => `${e.ticket_id}|${e.kind}|${e.created_at}|${e.body}`).sort();
  const numbers = (rows: object[]) =>
    rows.map((r) => Object.values(r).map((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v)));
  return JSON.stringify([numbers(tickets), numbers(tags), lines, numbers(conflicts)]);
}

/** True when the replica file and the server desk hold different tickets, or the replica still has operations to push. */
export async function desksDiffer(file: string, url: string): Promise<boolean> {
  const [laptop, server] = [await openDesk(file), await openDesk(url)];
  try {
    const waiting = await laptop.db.selectFrom('sync_outbox').select('op_id').limit(1).execute();
    return waiting.length > 0 || (await contents(laptop.db)) !== (await contents(server.db));
  } finally {
    await Promise.all([laptop.close(), server.close()]);
  }
}

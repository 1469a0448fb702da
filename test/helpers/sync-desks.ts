/**
 * A server desk (a fresh PostgreSQL database, opened as the faces open it) and replicas of it (SQLite
 * files made replicas by initReplica, then opened again so they carry their role), closed after the test.
 */
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openDesk, type Desk } from '../../src/store/desk.js';
import { initReplica } from '../../src/store/sync/init.js';
import { shownTarget } from '../../src/store/desk-target.js';
import { tempPgDatabase } from './pg.js';
import { tempDir } from './temp.js';
import type { Executor } from '../../src/store/executor.js';

const opened: Desk[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});

export async function serverDesk(): Promise<Desk & { url: string }> {
  const url = await tempPgDatabase();
  const desk = await openDesk(url);
  opened.push(desk);
  return Object.assign(desk, { url });
}

export interface Replica {
  desk: Desk;
  path: string;
  device: string;
}

/** A new SQLite desk made a replica of `server`, opened again as a replica. */
export async function replicaOf(server: Desk & { url: string }, dir = tempDir()): Promise<Replica> {
  const path = join(dir, `replica-${opened.length}.db`);
  const fresh = await openDesk(path);
  const { device } = await initReplica(fresh.db, server.db, shownTarget(server.url));
  await fresh.close();
  const desk = await openDesk(path);
  opened.push(desk);
  return { desk, path, device };
}

/** What a desk holds of the tickets, in a form the same on both dialects (people by email, entries as text), with links, parents, checklists and identity checks. */
export async function snapshot(db: Executor) {
  const tickets = await db
    .selectFrom('tickets')
    .leftJoin('technicians', 'technicians.id', 'tickets.assignee_id')
    .select(['tickets.id', 'title', 'status', 'priority', 'technicians.email as assignee', 'parent_id'])
    .orderBy('tickets.id')
    .execute();
  const tags = await db
    .selectFrom('ticket_tags')
    .innerJoin('tags', 'tags.id', 'ticket_tags.tag_id')
    .select(['ticket_id', 'name'])
    .orderBy('ticket_id')
    .orderBy('name')
    .execute();
  const entries = await db.selectFrom('interactions').select(['ticket_id', 'kind', 'body', 'author_name', 'created_at']).execute();
  const conflicts = await db
    .selectFrom('sync_conflicts')
    .select(['op_id', 'ticket_id', 'field', 'kept', 'lost'])
    .orderBy('op_id')
    .execute();
  const links = await db
    .selectFrom('ticket_links')
    .select(['ticket_id', 'other_id', 'kind'])
    .orderBy('ticket_id')
    .orderBy('other_id')
    .execute();
  const checklists = await db
    .selectFrom('ticket_checklist_items')
    .select(['ticket_id', 'position', 'text', 'done_at', 'done_by'])
    .orderBy('ticket_id')
    .orderBy('position')
    .execute();
  const verified = await db
    .selectFrom('identity_verifications')
    .select(['ticket_id', 'method', 'verified_by', 'verified_at'])
    .orderBy('ticket_id')
    .orderBy('verified_at')
    .execute();
  const key = (e: (typeof entries)[number]) => `${e.ticket_id}|${e.kind}|${e.created_at}|${e.author_name}|${e.body}`;
  return { tickets, tags, entries: entries.map(key).sort(), conflicts, links, checklists, verified };
}

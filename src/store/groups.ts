/** Groups of technicians (Service Desk L1, Desktop Support L2 …): tickets can be assigned to one. */
import { sql } from 'kysely';
import type { GroupRow } from '../db/schema.js';
import { withImmediate } from '../db/immediate.js';
import { checkText } from '../domain/text-rules.js';
import { EXIT, fail } from '../errors.js';
import type { Executor } from './executor.js';
import { escapeLike, like } from './like.js';
import { findTechnician } from './technicians.js';
import type { Person } from './ticket-view.js';
import { recordOps } from './sync/record.js';

export interface GroupSummary extends GroupRow {
  members: number;
  /** Open tickets of the group that no one has taken. */
  waiting: number;
}

export async function addGroup(db: Executor, name: string, now = Date.now()): Promise<GroupRow> {
  const clean = checkText('name', name, 'line').trim();
  if (!clean) fail(EXIT.invalid, 'name: is required');
  if (clean.length > 80) fail(EXIT.invalid, 'name: at most 80 characters');
  return withImmediate(db, async (trx) => {
    const taken = await trx.selectFrom('groups').select('name').where('name', '=', clean).executeTakeFirst();
    if (taken) fail(EXIT.conflict, `group '${taken.name}' already exists`);
    const made = await trx.insertInto('groups').values({ name: clean, created_at: now }).returningAll().executeTakeFirstOrThrow();
    // In sync, every desk gets it (by name: ids differ between desks).
    await recordOps(trx, [{ ticketId: 0, op: { kind: 'group', body: { name: clean, at: now } } }], now);
    return made;
  });
}

export async function listGroups(db: Executor): Promise<GroupSummary[]> {
  return db
    .selectFrom('groups')
    .selectAll('groups')
    .select((eb) => [
      eb
        .selectFrom('group_members')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('group_members.group_id', '=', 'groups.id')
        .as('members'),
      eb
        .selectFrom('tickets')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('tickets.group_id', '=', 'groups.id')
        .where('tickets.assignee_id', 'is', null)
        .where('tickets.status', 'in', ['new', 'open', 'pending', 'on_hold'])
        .as('waiting'),
    ])
    .orderBy('groups.name')
    .execute() as Promise<GroupSummary[]>;
}

/** A group by its name (any case), or the one group whose name starts so. Exit 2 / 4 otherwise. */
export async function findGroup(db: Executor, name: string): Promise<GroupRow> {
  const needle = name.trim();
  const exact = await db.selectFrom('groups').selectAll().where('name', '=', needle).executeTakeFirst();
  if (exact) return exact;
  const prefix = await db
    .selectFrom('groups')
    .selectAll()
    .where(like(sql.ref('name'), `${escapeLike(needle)}%`))
    .limit(3)
    .execute();
  if (prefix.length === 1) return prefix[0]!;
  if (prefix.length > 1) fail(EXIT.invalid, `group '${name}' is ambiguous: ${prefix.map((g) => g.name).join(', ')}`);
  return fail(EXIT.notFound, `no group '${name}' (see 'deskline group list')`);
}

/** `none` → null; else the group. */
export async function resolveGroup(db: Executor, name: string): Promise<GroupRow | null> {
  return name.trim().toLowerCase() === 'none' ? null : findGroup(db, name);
}

export async function groupMembers(db: Executor, groupId: number): Promise<Person[]> {
  return db
    .selectFrom('group_members')
    .innerJoin('technicians', 'technicians.id', 'group_members.technician_id')
    .select(['technicians.id', 'technicians.name', 'technicians.email'])
    .where('group_members.group_id', '=', groupId)
    .orderBy('technicians.name')
    .execute();
}

/** Adds and removes members (technician names or emails) in one transaction; returns the members after. */
export async function changeMembers(
  db: Executor,
  group: string,
  add: readonly string[],
  remove: readonly string[],
): Promise<{ group: GroupRow; members: Person[] }> {
  return withImmediate(db, async (trx) => {
    const g = await findGroup(trx, group);
    const adding = await Promise.all(add.map((who) => findTechnician(trx, who)));
    const removing = await Promise.all(remove.map((who) => findTechnician(trx, who)));
    if (adding.length)
      await trx
        .insertInto('group_members')
        .values(adding.map((t) => ({ group_id: g.id, technician_id: t.id })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    if (removing.length)
      await trx
        .deleteFrom('group_members')
        .where('group_id', '=', g.id)
        .where(
          'technician_id',
          'in',
          removing.map((t) => t.id),
        )
        .execute();
    return { group: g, members: await groupMembers(trx, g.id) };
  });
}

/** The groups a technician belongs to. */
export async function groupsOf(db: Executor, technicianId: number): Promise<GroupRow[]> {
  return db
    .selectFrom('group_members')
    .innerJoin('groups', 'groups.id', 'group_members.group_id')
    .selectAll('groups')
    .where('group_members.technician_id', '=', technicianId)
    .orderBy('groups.name')
    .execute();
}

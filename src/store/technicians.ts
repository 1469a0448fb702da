/** Technicians: the people working the desk. */
import { sql } from 'kysely';
import type { TechnicianRow } from '../db/schema.js';
import { OPEN_STATUSES } from '../domain/ticket.js';
import { EXIT, fail } from '../errors.js';
import type { Actor, Executor } from './executor.js';
import { escapeLike, like } from './like.js';

export interface TechnicianInput {
  name: string;
  email: string;
  tier: string;
}

export async function addTechnician(db: Executor, input: TechnicianInput, now = Date.now()): Promise<TechnicianRow> {
  const email = input.email.trim().toLowerCase();
  const existing = await db.selectFrom('technicians').selectAll().where('email', '=', email).executeTakeFirst();
  if (existing) fail(EXIT.conflict, `a technician with email ${email} already exists (${existing.name})`);
  return db
    .insertInto('technicians')
    .values({ name: input.name.trim(), email, tier: input.tier, created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listTechnicians(db: Executor): Promise<TechnicianRow[]> {
  return db.selectFrom('technicians').selectAll().orderBy('name').orderBy('id').execute();
}

/** The technician at the keyboard as an actor, created on first use from settings. */
export async function ensureTechnician(db: Executor, who: TechnicianInput, now = Date.now()): Promise<Actor> {
  const email = who.email.trim().toLowerCase();
  const found = await db.selectFrom('technicians').select(['id', 'name']).where('email', '=', email).executeTakeFirst();
  if (found) return found;
  const row = await db
    .insertInto('technicians')
    .values({ name: who.name, email, tier: who.tier, created_at: now })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning(['id', 'name'])
    .executeTakeFirst();
  return row ?? (await db.selectFrom('technicians').select(['id', 'name']).where('email', '=', email).executeTakeFirstOrThrow());
}

/** Finds a technician by email or (case-insensitive) name; a name matching several is ambiguous. */
export async function findTechnician(db: Executor, who: string): Promise<TechnicianRow> {
  const needle = who.trim().toLowerCase();
  const rows = await db
    .selectFrom('technicians')
    .selectAll()
    .where((eb) => eb.or([eb('email', '=', needle), eb(sql`lower(name)`, '=', needle)]))
    .limit(3)
    .execute();
  if (rows.length === 0) {
    const prefix = await db
      .selectFrom('technicians')
      .selectAll()
      .where(like(sql.ref('name'), `${escapeLike(needle)}%`))
      .limit(3)
      .execute();
    if (prefix.length === 1) return prefix[0]!;
    if (prefix.length > 1) fail(EXIT.invalid, `technician '${who}' is ambiguous: ${prefix.map((r) => r.name).join(', ')}`);
    return fail(EXIT.notFound, `no technician '${who}' (see 'deskline technician list')`);
  }
  if (rows.length > 1) fail(EXIT.invalid, `technician '${who}' is ambiguous: ${rows.map((r) => r.email).join(', ')}`);
  return rows[0]!;
}

/** Open tickets per technician id (new, open, pending, on hold). */
export async function openCounts(db: Executor): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('tickets')
    .select(['assignee_id', db.fn.countAll<number>().as('n')])
    .where('status', 'in', [...OPEN_STATUSES])
    .where('assignee_id', 'is not', null)
    .groupBy('assignee_id')
    .execute();
  return new Map(rows.map((r) => [r.assignee_id!, Number(r.n)]));
}

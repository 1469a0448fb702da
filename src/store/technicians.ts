/** Technicians: the people working the desk. */
import { checkText } from '../domain/text-rules.js';
import { sql } from 'kysely';
import type { TechnicianRow } from '../db/schema.js';
import { OPEN_STATUSES } from '../domain/ticket.js';
import { EXIT, fail } from '../errors.js';
import type { Actor, Executor } from './executor.js';
import { escapeLike, like } from './like.js';
import { mappedActor, sessionActor } from './session-actor.js';
import type { Person } from './ticket-view.js';

export interface TechnicianInput {
  name: string;
  email: string;
  tier: string;
}

export async function addTechnician(db: Executor, input: TechnicianInput, now = Date.now()): Promise<TechnicianRow> {
  for (const field of ['name', 'email'] as const) checkText(field, input[field], 'line');
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

const ACTOR = ['id', 'name', 'email'] as const;

/**
 * The technician at the keyboard as an actor, created on first use from settings. On a team server
 * it is the technician the login role maps to, whatever settings say (./session-actor.ts); a role
 * mapping to none is refused unless it owns the desk.
 */
export async function ensureTechnician(db: Executor, who: TechnicianInput, now = Date.now()): Promise<Actor> {
  const mapped = await mappedActor(db, who.email);
  if (mapped) return mapped;
  const email = who.email.trim().toLowerCase();
  const found = await db.selectFrom('technicians').select(ACTOR).where('email', '=', email).executeTakeFirst();
  if (found) return found;
  const row = await db
    .insertInto('technicians')
    .values({ name: who.name, email, tier: who.tier, created_at: now })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning(ACTOR)
    .executeTakeFirst();
  return row ?? (await db.selectFrom('technicians').select(ACTOR).where('email', '=', email).executeTakeFirstOrThrow());
}

/**
 * The technician with this email, looked up without creating anything (reads stay reads). On a team
 * server, the one the login role maps to comes first; a role mapping to none may still read.
 */
export async function technicianIdByEmail(db: Executor, email: string): Promise<number | null> {
  const session = await sessionActor(db);
  if (session?.actor) return session.actor.id;
  const row = await db.selectFrom('technicians').select('id').where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  return row?.id ?? null;
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

/** `me`, `none` (or nothing) and names or emails of technicians, each resolved once: text → person (null: nobody). */
export async function resolveAssignees(
  db: Executor,
  whos: readonly (string | null)[],
  actor: Actor,
): Promise<Map<string | null, Person | null>> {
  const out = new Map<string | null, Person | null>();
  for (const who of new Set(whos)) out.set(who, await resolveAssignee(db, who, actor));
  return out;
}

/** Resolves `me` / `none` / a name or email to a technician. */
export async function resolveAssignee(db: Executor, who: string | null, actor: Actor): Promise<Person | null> {
  if (who === null || who.toLowerCase() === 'none') return null;
  if (who.toLowerCase() !== 'me') {
    const { id, name, email } = await findTechnician(db, who);
    return { id, name, email };
  }
  if (actor.id === null) return null;
  if (actor.email !== undefined) return { id: actor.id, name: actor.name, email: actor.email };
  return (await db.selectFrom('technicians').select(['id', 'name', 'email']).where('id', '=', actor.id).executeTakeFirst()) ?? null;
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

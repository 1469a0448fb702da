/** Requesters: the people asking for help. */
import { sql } from 'kysely';
import type { RequesterRow } from '../db/schema.js';
import { EXIT, fail } from '../errors.js';
import type { Executor } from './executor.js';
import { escapeLike, like } from './like.js';

export interface RequesterInput {
  name: string;
  email?: string | null;
  phone?: string | null;
  department?: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export async function addRequester(db: Executor, input: RequesterInput, now = Date.now()): Promise<RequesterRow> {
  const email = input.email ? input.email.trim().toLowerCase() : null;
  if (email && !EMAIL.test(email)) fail(EXIT.invalid, `email: '${input.email}' is not an email address`);
  if (!input.name.trim()) fail(EXIT.invalid, 'name: is required');
  if (email) {
    const existing = await db.selectFrom('requesters').selectAll().where('email', '=', email).executeTakeFirst();
    if (existing) fail(EXIT.conflict, `a requester with email ${email} already exists (${existing.name})`);
  }
  return db
    .insertInto('requesters')
    .values({ name: input.name.trim(), email, phone: input.phone ?? null, department: input.department ?? null, created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Resolves the requester of a new ticket: an email finds or creates that person; a name finds
 * the one person of that name or creates them.
 */
export async function resolveRequester(db: Executor, who: string, now = Date.now()): Promise<number> {
  const text = who.trim();
  const angle = /^(.*)<([^>]+)>$/.exec(text); // "Ana Silva <ana@example.com>"
  const email = (angle ? angle[2]! : EMAIL.test(text) ? text : '').trim().toLowerCase();
  const name = (angle ? angle[1]! : email ? email.split('@')[0]! : text).trim().replace(/^"|"$/g, '');
  if (email) {
    const found = await db.selectFrom('requesters').select('id').where('email', '=', email).executeTakeFirst();
    if (found) return found.id;
    return (await addRequester(db, { name: name || email, email }, now)).id;
  }
  const byName = await db
    .selectFrom('requesters')
    .select('id')
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .limit(2)
    .execute();
  if (byName.length === 1) return byName[0]!.id;
  if (byName.length > 1) fail(EXIT.invalid, `requester '${who}' is ambiguous: give an email address`);
  return (await addRequester(db, { name }, now)).id;
}

export async function getRequester(db: Executor, key: string): Promise<RequesterRow> {
  const k = key.trim().toLowerCase();
  const id = /^\d+$/.test(k) ? Number(k) : -1;
  const row = await db
    .selectFrom('requesters')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', id), eb('email', '=', k), eb(sql`lower(name)`, '=', k)]))
    .executeTakeFirst();
  return row ?? fail(EXIT.notFound, `no requester '${key}'`);
}

export async function listRequesters(db: Executor, search = '', limit = 100): Promise<RequesterRow[]> {
  let q = db.selectFrom('requesters').selectAll().orderBy('name').orderBy('id').limit(limit);
  if (search) {
    const pattern = `%${escapeLike(search)}%`;
    q = q.where((eb) => eb.or([like(sql.ref('name'), pattern), like(sql.ref('email'), pattern)]));
  }
  return q.execute();
}

/** A requester's most recent tickets, newest first. */
export async function ticketsOfRequester(db: Executor, requesterId: number, limit = 20) {
  return db
    .selectFrom('tickets')
    .select(['id', 'title', 'status', 'priority', 'created_at'])
    .where('requester_id', '=', requesterId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

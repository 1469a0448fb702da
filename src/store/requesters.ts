/** Requesters: the people asking for help. */
import { checkText } from '../domain/text-rules.js';
import { sql } from 'kysely';
import type { RequesterRow } from '../db/schema.js';
import { EXIT, fail } from '../errors.js';
import type { Executor } from './executor.js';
import { escapeLike, like } from './like.js';
import type { RequesterContact } from './ticket-view.js';

export interface RequesterInput {
  name: string;
  email?: string | null;
  phone?: string | null;
  department?: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export async function addRequester(db: Executor, input: RequesterInput, now = Date.now()): Promise<RequesterRow> {
  for (const field of ['name', 'email', 'phone', 'department'] as const) checkText(field, input[field], 'line');
  const email = input.email ? input.email.trim().toLowerCase() : null;
  if (email && !EMAIL.test(email)) fail(EXIT.invalid, `email: '${input.email}' is not an email address`);
  if (!input.name.trim()) fail(EXIT.invalid, 'name: is required');
  if (email) await emailFree(db, email);
  return db
    .insertInto('requesters')
    .values({ name: input.name.trim(), email, phone: input.phone ?? null, department: input.department ?? null, created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Exit 3 when a requester already has this address (as theirs or as a further one). */
export async function emailFree(db: Executor, email: string, except: number | null = null): Promise<void> {
  const existing = await db
    .selectFrom('requesters')
    .select(['id', 'name'])
    .where((eb) =>
      eb.or([eb('email', '=', email), eb('id', '=', eb.selectFrom('requester_emails').select('requester_id').where('email', '=', email))]),
    )
    .executeTakeFirst();
  if (existing && existing.id !== except) fail(EXIT.conflict, `a requester with email ${email} already exists (${existing.name})`);
}

/** "Ana Silva <ana@example.com>", "ana@example.com" or "Ana Silva" as the email (lower case, or '') and the name. */
function parseWho(who: string): { email: string; name: string } {
  const text = who.trim();
  const angle = /^(.*)<([^>]+)>$/.exec(text);
  const email = (angle ? angle[2]! : EMAIL.test(text) ? text : '').trim().toLowerCase();
  const name = (angle ? angle[1]! : email ? email.split('@')[0]! : text).trim().replace(/^"|"$/g, '');
  return { email, name: name || email };
}

const CONTACT = ['id', 'name', 'email', 'phone', 'department'] as const;

/**
 * Resolves the requesters of new tickets (each distinct text once): an email finds or creates that
 * person (one statement for every email given); a name finds the one person of that name or creates them.
 */
export async function resolveRequesters(db: Executor, whos: readonly string[], now = Date.now()): Promise<Map<string, RequesterContact>> {
  const out = new Map<string, RequesterContact>();
  const byEmail = new Map<string, { name: string; who: string[] }>();
  for (const who of new Set(whos)) {
    const { email, name } = parseWho(who);
    if (email && !EMAIL.test(email)) fail(EXIT.invalid, `email: '${email}' is not an email address`);
    if (email) byEmail.set(email, { name: byEmail.get(email)?.name ?? name, who: [...(byEmail.get(email)?.who ?? []), who] });
    else out.set(who, await requesterByName(db, who, name, now));
  }
  // An address a merge moved (requester_emails) names the person it now belongs to.
  if (byEmail.size) {
    const aliases = await db
      .selectFrom('requester_emails')
      .innerJoin('requesters', 'requesters.id', 'requester_emails.requester_id')
      .select(['requester_emails.email as alias', ...CONTACT.map((c) => `requesters.${c}` as const)])
      .where('requester_emails.email', 'in', [...byEmail.keys()])
      .execute();
    for (const { alias, ...row } of aliases) {
      for (const who of byEmail.get(alias.toLowerCase())?.who ?? []) out.set(who, row);
      byEmail.delete(alias.toLowerCase());
    }
  }
  if (byEmail.size === 0) return out;
  // Inserts the new ones; the no-op update on a known email makes RETURNING give that row too.
  const rows = await db
    .insertInto('requesters')
    .values([...byEmail].map(([email, { name }]) => ({ name, email, phone: null, department: null, created_at: now })))
    .onConflict((oc) => oc.column('email').doUpdateSet({ email: (eb) => eb.ref('excluded.email') }))
    .returning(CONTACT)
    .execute();
  for (const row of rows) for (const who of byEmail.get(row.email!)?.who ?? []) out.set(who, row);
  return out;
}

async function requesterByName(db: Executor, who: string, name: string, now: number): Promise<RequesterContact> {
  const found = await db
    .selectFrom('requesters')
    .select(CONTACT)
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .limit(2)
    .execute();
  if (found.length > 1) fail(EXIT.invalid, `requester '${who}' is ambiguous: give an email address`);
  if (found[0]) return found[0];
  const { id, email, phone, department } = await addRequester(db, { name }, now);
  return { id, name: name.trim(), email, phone, department };
}

export async function getRequester(db: Executor, key: string): Promise<RequesterRow> {
  const k = key.trim().toLowerCase();
  const id = /^\d+$/.test(k) ? Number(k) : -1;
  const row = await db
    .selectFrom('requesters')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('id', '=', id),
        eb('email', '=', k),
        eb(sql`lower(name)`, '=', k),
        eb('id', '=', eb.selectFrom('requester_emails').select('requester_id').where('email', '=', k)),
      ]),
    )
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

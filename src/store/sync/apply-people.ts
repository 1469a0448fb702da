/**
 * The people and groups an operation names, found on the desk it is applied to or made there (issue
 * 22: a requester or a group made on a laptop exists on the server and every other laptop after sync):
 * - a ticket's requester by email (or an address a merge moved to someone: requester_emails), else by
 *   name alone; made with the name, phone and department the operation carries when there is none;
 * - a group by name (any case, as the desk compares them), made when there is none.
 * Ids differ between desks; names and emails are what travel.
 */
import { sql } from 'kysely';
import type { Executor } from '../executor.js';
import type { RequesterPerson } from './ops.js';

/** The requester's id here: found by email (or by name when there is none), else made from `person`; null for no one. */
export async function requesterIdOf(trx: Executor, email: string | null, person: RequesterPerson | null | undefined, now: number) {
  const address = email?.trim().toLowerCase() || null;
  if (address) {
    const found =
      (await trx.selectFrom('requesters').select('id').where('email', '=', address).executeTakeFirst()) ??
      (await trx.selectFrom('requester_emails').select('requester_id as id').where('email', '=', address).executeTakeFirst());
    if (found) return found.id;
  } else {
    if (!person?.name) return null;
    const byName = await trx
      .selectFrom('requesters')
      .select('id')
      .where(sql`lower(name)`, '=', person.name.toLowerCase())
      .where('email', 'is', null)
      .orderBy('id')
      .executeTakeFirst();
    if (byName) return byName.id;
  }
  const made = await trx
    .insertInto('requesters')
    .values({
      name: person?.name || address!.split('@')[0]!,
      email: address,
      phone: person?.phone ?? null,
      department: person?.department ?? null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return made.id;
}

/** The group of this name here (made when there is none); null for none. */
export async function groupIdOf(trx: Executor, name: string | null, now: number): Promise<number | null> {
  if (name === null) return null;
  const found = await trx.selectFrom('groups').select('id').where('name', '=', name).executeTakeFirst();
  if (found) return found.id;
  const made = await trx.insertInto('groups').values({ name, created_at: now }).returning('id').executeTakeFirstOrThrow();
  return made.id;
}

/**
 * Changing requesters: their fields, and merging two records of one person. A merge moves every
 * ticket, asset (and its owner history) and mail address of the one merged away onto the one kept,
 * fills the kept one's empty fields, then deletes the other: one IMMEDIATE transaction, all or nothing.
 */
import { sql } from 'kysely';
import type { RequesterRow } from '../db/schema.js';
import { withImmediate } from '../db/immediate.js';
import { checkText } from '../domain/text-rules.js';
import { EXIT, fail } from '../errors.js';
import { insertAuditEvents } from './audit.js';
import type { Actor, Executor } from './executor.js';
import { emailFree, getRequester } from './requesters.js';

export interface RequesterChanges {
  name?: string;
  email?: string | null;
  phone?: string | null;
  department?: string | null;
  location?: string | null;
  vip?: boolean;
  notes?: string;
}

export interface Merged {
  kept: RequesterRow;
  /** The record merged away (deleted). */
  gone: RequesterRow;
  tickets: number;
  assets: number;
  emails: number;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const LINES = ['name', 'email', 'phone', 'department', 'location'] as const;

export async function updateRequester(db: Executor, key: string, changes: RequesterChanges): Promise<RequesterRow> {
  for (const field of LINES) checkText(field, changes[field], 'line');
  checkText('notes', changes.notes, 'text');
  if (Object.keys(changes).length === 0) fail(EXIT.usage, 'nothing to change');
  if (changes.name !== undefined && !changes.name.trim()) fail(EXIT.invalid, 'name: cannot be empty');
  return withImmediate(db, async (trx) => {
    const before = await getRequester(trx, key);
    const set: Partial<Omit<RequesterRow, 'id' | 'created_at'>> = {};
    if (changes.name !== undefined) set.name = changes.name.trim();
    if (changes.email !== undefined) {
      const email = changes.email?.trim().toLowerCase() || null;
      if (email && !EMAIL.test(email)) fail(EXIT.invalid, `email: '${changes.email}' is not an email address`);
      if (email) await emailFree(trx, email, before.id);
      // Their own further address becoming the main one leaves the further list.
      if (email) await trx.deleteFrom('requester_emails').where('email', '=', email).execute();
      set.email = email;
    }
    for (const field of ['phone', 'department', 'location'] as const)
      if (changes[field] !== undefined) set[field] = changes[field]?.trim() || null;
    if (changes.vip !== undefined) set.vip = changes.vip ? 1 : 0;
    if (changes.notes !== undefined) set.notes = changes.notes.trim();
    return trx.updateTable('requesters').set(set).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow();
  });
}

/** Merges `goneKey` into `keepKey` (each an id, email or name). */
export async function mergeRequesters(db: Executor, keepKey: string, goneKey: string, actor: Actor, now = Date.now()): Promise<Merged> {
  return withImmediate(db, async (trx) => {
    const kept = await getRequester(trx, keepKey);
    const gone = await getRequester(trx, goneKey);
    if (kept.id === gone.id) fail(EXIT.invalid, `'${keepKey}' and '${goneKey}' are the same requester (${kept.id})`);
    const tickets = await trx.selectFrom('tickets').select('id').where('requester_id', '=', gone.id).execute();
    if (tickets.length) {
      await trx
        .updateTable('tickets')
        .set({ requester_id: kept.id, version: sql`version + 1` })
        .where('requester_id', '=', gone.id)
        .execute();
      const change = {
        actor: actor.name,
        at: now,
        action: 'merge-requester',
        field: 'requester',
        old_value: gone.name,
        new_value: kept.name,
      };
      await insertAuditEvents(
        trx,
        tickets.map((t) => ({ ticket_id: t.id, ...change })),
      );
    }
    const assets = await trx.selectFrom('assets').select('id').where('owner_id', '=', gone.id).execute();
    await trx.updateTable('assets').set({ owner_id: kept.id, updated_at: now }).where('owner_id', '=', gone.id).execute();
    // The owner history names the person, whoever's record it was under.
    await trx.updateTable('asset_owners').set({ requester_id: kept.id }).where('requester_id', '=', gone.id).execute();
    const moved = await trx
      .updateTable('requester_emails')
      .set({ requester_id: kept.id })
      .where('requester_id', '=', gone.id)
      .executeTakeFirst();
    let emails = Number(moved.numUpdatedRows);
    if (gone.email && gone.email !== kept.email) {
      await trx.insertInto('requester_emails').values({ email: gone.email, requester_id: kept.id, added_at: now }).execute();
      emails++;
    }
    await trx.deleteFrom('requesters').where('id', '=', gone.id).execute();
    const fill = <K extends 'email' | 'phone' | 'department' | 'location'>(k: K) => kept[k] ?? (k === 'email' ? null : gone[k]);
    const notes = [kept.notes, gone.notes].filter((n) => n.trim()).join('\n');
    const after = await trx
      .updateTable('requesters')
      .set({ phone: fill('phone'), department: fill('department'), location: fill('location'), vip: Math.max(kept.vip, gone.vip), notes })
      .where('id', '=', kept.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { kept: after, gone, tickets: tickets.length, assets: assets.length, emails };
  });
}

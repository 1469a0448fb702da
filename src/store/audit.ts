/** The audit trail: every change to a ticket, who made it, when, field, old → new. */
import type { AuditEventRow } from '../db/schema.js';
import type { Actor, Executor } from './executor.js';

export interface FieldChange {
  field: string;
  old: string | null;
  new: string | null;
}

export async function recordEvent(
  db: Executor,
  ticketId: number,
  actor: Actor,
  action: string,
  changes: readonly FieldChange[] = [],
  at = Date.now(),
): Promise<void> {
  const rows = changes.length
    ? changes.map((c) => ({ ticket_id: ticketId, actor: actor.name, at, action, field: c.field, old_value: c.old, new_value: c.new }))
    : [{ ticket_id: ticketId, actor: actor.name, at, action, field: null, old_value: null, new_value: null }];
  await db.insertInto('audit_events').values(rows).execute();
}

export async function ticketHistory(db: Executor, ticketId: number): Promise<AuditEventRow[]> {
  return db.selectFrom('audit_events').selectAll().where('ticket_id', '=', ticketId).orderBy('at').orderBy('id').execute();
}

/** The newest change's events (one action by one actor at one time), for conflict messages. */
export async function latestChange(db: Executor, ticketId: number): Promise<AuditEventRow[]> {
  const last = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last) return [];
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .where('at', '=', last.at)
    .where('actor', '=', last.actor)
    .orderBy('id')
    .execute();
}

export function describeChange(events: readonly AuditEventRow[]): string {
  const fields = events.filter((e) => e.field).map((e) => `${e.field} ${e.old_value ?? '—'} → ${e.new_value ?? '—'}`);
  return fields.length ? fields.join(', ') : (events[0]?.action ?? 'a change');
}

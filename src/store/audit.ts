/** The audit trail: every change to a ticket, who made it, when, field, old → new; chained by hash. */
import { chainEvents, type AuditContent } from '../domain/audit-chain.js';
import type { AuditEventRow } from '../db/schema.js';
import type { Actor, Executor } from './executor.js';

export interface FieldChange {
  field: string;
  old: string | null;
  new: string | null;
}

/** An event as the faces read it: its content, without the chain's hashes. */
export type AuditEvent = Omit<AuditEventRow, 'digest' | 'chain'>;
const CONTENT = ['id', 'ticket_id', 'actor', 'at', 'action', 'field', 'old_value', 'new_value'] as const;

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
  await insertAuditEvents(db, rows);
}

/**
 * Appends events, in order, to the hash chain (src/domain/audit-chain.ts). Always inside the write
 * transaction that made the change: reading the newest chain and inserting after it must not be split.
 */
export async function insertAuditEvents(db: Executor, events: readonly AuditContent[]): Promise<void> {
  if (events.length === 0) return;
  const newest = await db
    .selectFrom('audit_events')
    .select('chain')
    .where('chain', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  await db
    .insertInto('audit_events')
    .values(chainEvents(newest?.chain ?? null, events))
    .execute();
}

export async function ticketHistory(db: Executor, ticketId: number): Promise<AuditEvent[]> {
  return db.selectFrom('audit_events').select(CONTENT).where('ticket_id', '=', ticketId).orderBy('at').orderBy('id').execute();
}

/** The newest change's events (one action by one actor at one time), for conflict messages. */
export async function latestChange(db: Executor, ticketId: number): Promise<AuditEvent[]> {
  const last = await db
    .selectFrom('audit_events')
    .select(CONTENT)
    .where('ticket_id', '=', ticketId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last) return [];
  return db
    .selectFrom('audit_events')
    .select(CONTENT)
    .where('ticket_id', '=', ticketId)
    .where('at', '=', last.at)
    .where('actor', '=', last.actor)
    .orderBy('id')
    .execute();
}

export function describeChange(events: readonly AuditEvent[]): string {
  const fields = events.filter((e) => e.field).map((e) => `${e.field} ${e.old_value ?? '—'} → ${e.new_value ?? '—'}`);
  return fields.length ? fields.join(', ') : (events[0]?.action ?? 'a change');
}

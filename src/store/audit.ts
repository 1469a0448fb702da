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

/** What an action without field changes did, in words (an interaction's minutes are added to it). */
const DID: Record<string, string> = {
  create: 'created it',
  reply: 'replied',
  note: 'added a note',
  call: 'logged a call',
  chat: 'logged a chat',
  email_in: 'added an email from the requester',
  email_out: 'sent an email',
  remote: 'logged a remote session',
  system: 'added a system note',
  kb_link: 'linked an article',
  kb_draft: 'drafted an article from it',
  sla_breach: 'recorded an SLA breach',
};

/** One change (the events one actor wrote at one moment) in plain words: "Sam changed priority normal → high". */
export function describeChange(events: readonly AuditEvent[]): string {
  const first = events[0];
  if (!first) return 'someone changed it';
  const minutes = Number(events.find((e) => e.field === 'minutes')?.new_value ?? 0);
  const fields = events
    .filter((e) => e.field && e.field !== 'minutes')
    .map((e) => `${e.field} ${e.old_value ?? '—'} → ${e.new_value ?? '—'}`)
    .join(', ');
  const did = DID[first.action];
  const done = did ? `${did}${minutes > 0 ? ` (${minutes} min)` : ''}` : '';
  const changed = fields ? `changed ${fields}` : '';
  return `${first.actor} ${[done, changed].filter(Boolean).join(' and ') || `changed it (${first.action})`}`;
}

/**
 * The SLA inputs the store reads: a ticket's due columns, its status history (audit_events with
 * field = 'status'; creation writes no status row, so the first change's old value is the creation
 * status) and the breaches already recorded (action 'sla_breach').
 */
import { breachedAt, computeClocks, type DueTimes, type SlaClocks, type StatusChange, type TicketHistory } from '../domain/sla/clocks.js';
import { isOneOf, PRIORITIES, STATUSES, type Priority } from '../domain/ticket.js';
import { insertAuditEvents } from './audit.js';
import type { Executor } from './executor.js';
import type { SlaConfig } from './sla-config.js';

export interface TicketSlaRow {
  id: number;
  priority: string;
  status: string;
  created_at: number;
  first_response_at: number | null;
  first_response_due_at: number | null;
  resolution_due_at: number | null;
  next_due_at: number | null;
}

export interface StatusRow {
  ticket_id: number | null;
  at: number;
  old_value: string | null;
  new_value: string | null;
}

export const SLA_COLUMNS = [
  'id',
  'priority',
  'status',
  'created_at',
  'first_response_at',
  'first_response_due_at',
  'resolution_due_at',
  'next_due_at',
] as const;

/** The creation status is the first change's old value (creation writes no status row), else the current one. */
export function historyOf(t: TicketSlaRow, rows: readonly StatusRow[]): TicketHistory {
  const initial = rows[0]?.old_value ?? t.status;
  const statuses: StatusChange[] = [{ at: t.created_at, status: isOneOf(STATUSES, initial) ? initial : 'open' }];
  for (const r of rows) if (r.new_value && isOneOf(STATUSES, r.new_value)) statuses.push({ at: r.at, status: r.new_value });
  return { createdAt: t.created_at, statuses, firstResponseAt: t.first_response_at };
}

export const priorityOf = (t: TicketSlaRow): Priority => (isOneOf(PRIORITIES, t.priority) ? t.priority : 'normal');

export function clocksOf(t: TicketSlaRow, rows: readonly StatusRow[], config: SlaConfig): SlaClocks {
  const priority = priorityOf(t);
  return computeClocks(historyOf(t, rows), config.policy[priority], config.calendars[priority]);
}

export const sameDue = (t: TicketSlaRow, d: DueTimes) =>
  t.first_response_due_at === d.first_response_due_at && t.resolution_due_at === d.resolution_due_at && t.next_due_at === d.next_due_at;

export interface Breach {
  ticket_id: number;
  field: 'first_response' | 'resolution';
  at: number;
  priority: string;
}

export function breachesOf(t: TicketSlaRow, clocks: SlaClocks, now: number): Breach[] {
  const out: Breach[] = [];
  for (const c of [clocks.firstResponse, clocks.resolution]) {
    const at = breachedAt(c, now);
    if (at !== null) out.push({ ticket_id: t.id, field: c.name, at, priority: t.priority });
  }
  return out;
}

export async function insertBreaches(trx: Executor, breaches: readonly Breach[]): Promise<void> {
  for (let i = 0; i < breaches.length; i += 500) {
    const rows = breaches.slice(i, i + 500).map((b) => ({
      ticket_id: b.ticket_id,
      actor: 'system',
      at: b.at,
      action: 'sla_breach',
      field: b.field,
      old_value: null,
      new_value: b.priority,
    }));
    await insertAuditEvents(trx, rows);
  }
}

/** Status changes of the given tickets (ids ascending): by id range when dense, else by list. */
export async function statusRows(trx: Executor, ids: readonly number[]): Promise<StatusRow[]> {
  const from = ids[0]!;
  const to = ids[ids.length - 1]!;
  let q = trx.selectFrom('audit_events').select(['ticket_id', 'at', 'old_value', 'new_value']).where('field', '=', 'status');
  q = to - from < ids.length * 2 ? q.where('ticket_id', '>=', from).where('ticket_id', '<=', to) : q.where('ticket_id', 'in', ids);
  return q.orderBy('ticket_id').orderBy('at').orderBy('id').execute();
}

export async function recordedBreaches(trx: Executor, from: number, to: number): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('audit_events')
    .select(['ticket_id', 'field'])
    .where('action', '=', 'sla_breach')
    .where('ticket_id', '>=', from)
    .where('ticket_id', '<=', to)
    .execute();
  return new Set(rows.map((r) => `${r.ticket_id}:${r.field}`));
}

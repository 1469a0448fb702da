/* eslint-disable max-lines -- #12: over 200 lines, to be split by the restructure */
/**
 * SLA due times in the database. Status history for pauses is read from audit_events
 * (field = 'status'); the first public reply from tickets.first_response_at. Due columns are
 * derived data: recomputing them never bumps `version` or `updated_at`.
 */
import { sql } from 'kysely';
import { withImmediate } from '../db/immediate.js';
import {
  breachedAt,
  computeClocks,
  dueTimesOf,
  type DueTimes,
  type SlaClocks,
  type StatusChange,
  type TicketHistory,
} from '../domain/sla/clocks.js';
import { explainClocks, type Explanation } from '../domain/sla/explain.js';
import { isOneOf, PRIORITIES, STATUSES, type Priority } from '../domain/ticket.js';
import { EXIT, fail } from '../errors.js';
import type { Executor } from './executor.js';
import { insertAuditEvents } from './audit.js';
import { loadSlaConfig, type SlaConfig } from './sla-config.js';

interface TicketSlaRow {
  id: number;
  priority: string;
  status: string;
  created_at: number;
  first_response_at: number | null;
  first_response_due_at: number | null;
  resolution_due_at: number | null;
  next_due_at: number | null;
}

interface StatusRow {
  ticket_id: number | null;
  at: number;
  old_value: string | null;
  new_value: string | null;
}

const COLUMNS = [
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
function historyOf(t: TicketSlaRow, rows: readonly StatusRow[]): TicketHistory {
  const initial = rows[0]?.old_value ?? t.status;
  const statuses: StatusChange[] = [{ at: t.created_at, status: isOneOf(STATUSES, initial) ? initial : 'open' }];
  for (const r of rows) if (r.new_value && isOneOf(STATUSES, r.new_value)) statuses.push({ at: r.at, status: r.new_value });
  return { createdAt: t.created_at, statuses, firstResponseAt: t.first_response_at };
}

const priorityOf = (t: TicketSlaRow): Priority => (isOneOf(PRIORITIES, t.priority) ? t.priority : 'normal');

function clocksOf(t: TicketSlaRow, rows: readonly StatusRow[], config: SlaConfig): SlaClocks {
  const priority = priorityOf(t);
  return computeClocks(historyOf(t, rows), config.policy[priority], config.calendars[priority]);
}

const sameDue = (t: TicketSlaRow, d: DueTimes) =>
  t.first_response_due_at === d.first_response_due_at && t.resolution_due_at === d.resolution_due_at && t.next_due_at === d.next_due_at;

interface Breach {
  ticket_id: number;
  field: 'first_response' | 'resolution';
  at: number;
  priority: string;
}

function breachesOf(t: TicketSlaRow, clocks: SlaClocks, now: number): Breach[] {
  const out: Breach[] = [];
  for (const c of [clocks.firstResponse, clocks.resolution]) {
    const at = breachedAt(c, now);
    if (at !== null) out.push({ ticket_id: t.id, field: c.name, at, priority: t.priority });
  }
  return out;
}

async function insertBreaches(trx: Executor, breaches: readonly Breach[]): Promise<void> {
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
async function statusRows(trx: Executor, ids: readonly number[]): Promise<StatusRow[]> {
  const from = ids[0]!;
  const to = ids[ids.length - 1]!;
  let q = trx.selectFrom('audit_events').select(['ticket_id', 'at', 'old_value', 'new_value']).where('field', '=', 'status');
  q = to - from < ids.length * 2 ? q.where('ticket_id', '>=', from).where('ticket_id', '<=', to) : q.where('ticket_id', 'in', ids);
  return q.orderBy('ticket_id').orderBy('at').orderBy('id').execute();
}

async function recordedBreaches(trx: Executor, from: number, to: number): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('audit_events')
    .select(['ticket_id', 'field'])
    .where('action', '=', 'sla_breach')
    .where('ticket_id', '>=', from)
    .where('ticket_id', '<=', to)
    .execute();
  return new Set(rows.map((r) => `${r.ticket_id}:${r.field}`));
}

/**
 * Recomputes one ticket's due times from its history and records new breaches (action 'sla_breach',
 * at = the due instant). Call inside the transaction that changed the ticket, after its audit event.
 */
export async function recomputeDue(trx: Executor, ticketId: number, now = Date.now(), config?: SlaConfig): Promise<DueTimes> {
  const cfg = config ?? (await loadSlaConfig(trx));
  const t = await trx.selectFrom('tickets').select(COLUMNS).where('id', '=', ticketId).executeTakeFirst();
  if (!t) return fail(EXIT.notFound, `no ticket ${ticketId}`);
  const clocks = clocksOf(t, await statusRows(trx, [ticketId]), cfg);
  const due = dueTimesOf(clocks);
  if (!sameDue(t, due)) await trx.updateTable('tickets').set(due).where('id', '=', ticketId).execute();
  const breaches = breachesOf(t, clocks, now);
  if (breaches.length) {
    const known = await recordedBreaches(trx, ticketId, ticketId);
    await insertBreaches(
      trx,
      breaches.filter((b) => !known.has(`${b.ticket_id}:${b.field}`)),
    );
  }
  return due;
}

export interface RecomputeResult {
  tickets: number;
  changed: number;
  breaches: number;
  ms: number;
}

export interface RecomputeOptions {
  now?: number;
  batchSize?: number;
  /** Only tickets whose next due time is before this instant (the breach sweep). */
  dueBefore?: number;
}

/** Recomputes every ticket (after a policy or calendar change) in IMMEDIATE batches keyed by id. */
export async function recomputeAll(db: Executor, options: RecomputeOptions = {}): Promise<RecomputeResult> {
  const { now = Date.now(), batchSize = 5000, dueBefore } = options;
  const started = performance.now();
  const config = await loadSlaConfig(db);
  const result: RecomputeResult = { tickets: 0, changed: 0, breaches: 0, ms: 0 };
  for (let lastId = 0; ;) {
    const done = await withImmediate(db, async (trx) => {
      let q = trx.selectFrom('tickets').select(COLUMNS).where('id', '>', lastId).orderBy('id').limit(batchSize);
      if (dueBefore !== undefined) q = q.where(sql<number>`ifnull(next_due_at, 8640000000000000)`, '<', dueBefore);
      const tickets = await q.execute();
      if (tickets.length === 0) return true;
      const from = tickets[0]!.id;
      const to = tickets[tickets.length - 1]!.id;
      const byTicket = new Map<number, StatusRow[]>();
      for (const r of await statusRows(
        trx,
        tickets.map((t) => t.id),
      )) {
        const list = byTicket.get(r.ticket_id!);
        if (list) list.push(r);
        else byTicket.set(r.ticket_id!, [r]);
      }
      const known = await recordedBreaches(trx, from, to);
      const updates: Array<[number, DueTimes]> = [];
      const breaches: Breach[] = [];
      for (const t of tickets) {
        const clocks = clocksOf(t, byTicket.get(t.id) ?? [], config);
        const due = dueTimesOf(clocks);
        if (!sameDue(t, due)) updates.push([t.id, due]);
        for (const b of breachesOf(t, clocks, now)) if (!known.has(`${b.ticket_id}:${b.field}`)) breaches.push(b);
      }
      for (let i = 0; i < updates.length; i += 500) {
        const values = sql.join(
          updates.slice(i, i + 500).map(([id, d]) => sql`(${id}, ${d.first_response_due_at}, ${d.resolution_due_at}, ${d.next_due_at})`),
        );
        await sql`UPDATE tickets SET first_response_due_at = v.column2, resolution_due_at = v.column3, next_due_at = v.column4
          FROM (VALUES ${values}) AS v WHERE tickets.id = v.column1`.execute(trx);
      }
      await insertBreaches(trx, breaches);
      result.tickets += tickets.length;
      result.changed += updates.length;
      result.breaches += breaches.length;
      lastId = to;
      return tickets.length < batchSize;
    });
    if (done) break;
  }
  result.ms = performance.now() - started;
  return result;
}

/** The "why" behind a ticket's due times, at `now` (for `ticket show --why`). */
export async function explainTicket(db: Executor, ticketId: number, now = Date.now()): Promise<Explanation> {
  const config = await loadSlaConfig(db);
  const t = await db.selectFrom('tickets').select(COLUMNS).where('id', '=', ticketId).executeTakeFirst();
  if (!t) return fail(EXIT.notFound, `no ticket ${ticketId}`);
  const priority = priorityOf(t);
  const clocks = clocksOf(t, await statusRows(db, [ticketId]), config);
  return explainClocks(priority, config.policy[priority], config.calendars[priority], clocks, now);
}

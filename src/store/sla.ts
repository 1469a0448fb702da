/**
 * SLA due times in the database. Status history for pauses is read from audit_events
 * (field = 'status'); the first public reply from tickets.first_response_at. Due columns are
 * derived data: recomputing them never bumps `version` or `updated_at`.
 */
import { sql } from 'kysely';
import { dialectOf } from '../db/dialect.js';
import { withImmediate } from '../db/immediate.js';
import { dueTimesOf, type DueTimes } from '../domain/sla/clocks.js';
import { explainClocks, type Explanation } from '../domain/sla/explain.js';
import { EXIT, fail } from '../errors.js';
import type { Executor } from './executor.js';
import { loadSlaConfig, type SlaConfig } from './sla-config.js';
import { ifnullSql } from './ticket-sort.js';
import { numberValue } from './values-list.js';
import {
  breachesOf,
  clocksOf,
  insertBreaches,
  priorityOf,
  recordedBreaches,
  sameDue,
  SLA_COLUMNS,
  statusRows,
  type Breach,
  type StatusRow,
  type TicketSlaRow,
} from './sla-history.js';

/**
 * Recomputes one ticket's due times from its history and records new breaches (action 'sla_breach',
 * at = the due instant). Call inside the transaction that changed the ticket, after its audit event.
 */
export async function recomputeDue(trx: Executor, ticketId: number, now = Date.now(), config?: SlaConfig): Promise<DueTimes> {
  const cfg = config ?? (await loadSlaConfig(trx));
  const t = await trx.selectFrom('tickets').select(SLA_COLUMNS).where('id', '=', ticketId).executeTakeFirst();
  if (!t) return fail(EXIT.notFound, `no ticket ${ticketId}`);
  return refreshDue(trx, t, now, cfg);
}

/** The same for a ticket row the caller holds as it now is in the database (its due columns as stored). */
export async function refreshDue(trx: Executor, t: TicketSlaRow, now: number, config: SlaConfig): Promise<DueTimes> {
  const clocks = clocksOf(t, await statusRows(trx, [t.id]), config);
  const due = dueTimesOf(clocks);
  if (!sameDue(t, due)) await trx.updateTable('tickets').set(due).where('id', '=', t.id).execute();
  const breaches = breachesOf(t, clocks, now);
  if (breaches.length) {
    const known = await recordedBreaches(trx, t.id, t.id);
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
      let q = trx.selectFrom('tickets').select(SLA_COLUMNS).where('id', '>', lastId).orderBy('id').limit(batchSize);
      if (dueBefore !== undefined) q = q.where(sql.raw<number>(ifnullSql(dialectOf(db), 'next_due_at')), '<', dueBefore);
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
      const n = numberValue(trx);
      for (let i = 0; i < updates.length; i += 500) {
        const values = sql.join(
          updates
            .slice(i, i + 500)
            .map(([id, d]) => sql`(${n(id)}, ${n(d.first_response_due_at)}, ${n(d.resolution_due_at)}, ${n(d.next_due_at)})`),
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
  const t = await db.selectFrom('tickets').select(SLA_COLUMNS).where('id', '=', ticketId).executeTakeFirst();
  if (!t) return fail(EXIT.notFound, `no ticket ${ticketId}`);
  const priority = priorityOf(t);
  const clocks = clocksOf(t, await statusRows(db, [ticketId]), config);
  return explainClocks(priority, config.policy[priority], config.calendars[priority], clocks, now);
}

/** SLA breaches: swept into the audit trail (action 'sla_breach', at = the due instant) and listed. */
import { formatRef } from '../domain/ticket.js';
import type { Executor } from './executor.js';
import { recomputeAll, type RecomputeResult } from './sla.js';

export interface BreachView {
  ticket_id: number;
  ref: string;
  title: string;
  /** Priority when the breach was recorded. */
  priority: string;
  clock: string;
  /** The due instant that was missed. */
  at: number;
  status: string;
  assignee: string | null;
}

/** Records breaches of clocks still running past their due time (late replies are recorded when they happen). */
export async function sweepBreaches(db: Executor, now = Date.now()): Promise<RecomputeResult> {
  return recomputeAll(db, { now, dueBefore: now });
}

/** Breaches recorded at or after `since`, newest first. */
export async function listBreaches(db: Executor, since: number, limit = 1000): Promise<BreachView[]> {
  const rows = await db
    .selectFrom('audit_events as a')
    .innerJoin('tickets as t', 't.id', 'a.ticket_id')
    .leftJoin('technicians as tech', 'tech.id', 't.assignee_id')
    .select(['t.id as ticket_id', 't.title', 'a.new_value as priority', 'a.field as clock', 'a.at', 't.status', 'tech.name as assignee'])
    .where('a.action', '=', 'sla_breach')
    .where('a.at', '>=', since)
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, ref: formatRef(r.ticket_id), priority: r.priority ?? '', clock: r.clock ?? '' }));
}

/**
 * `report workload`: per technician, open tickets assigned now, tickets resolved in the period
 * (credited to the assignee) and minutes logged in the period (interactions by author). The open
 * counts come from ticket_assignee_counts, the others from covering indexes on their times
 * (migration 007), merged by technician; unassigned open tickets get a row of their own.
 */
import { sql } from 'kysely';
import { OPEN_STATUSES } from '../domain/ticket.js';
import { UNASSIGNED } from '../domain/report-group.js';
import type { Executor } from './executor.js';
import { inPeriod } from './reports-group.js';

export interface WorkloadRow {
  /** null for the unassigned row. */
  technicianId: number | null;
  technician: string;
  tier: string | null;
  open: number;
  resolved: number;
  minutes: number;
}

export interface WorkloadOptions {
  since: number | null;
  until: number;
}

export async function workloadReport(db: Executor, opts: WorkloadOptions): Promise<WorkloadRow[]> {
  const [techs, open, resolved, minutes] = await Promise.all([
    db.selectFrom('technicians').select(['id', 'name', 'tier', 'active']).execute(),
    // Open tickets per assignee from the counts the store keeps (migration 007; 0 is unassigned).
    sql<{ id: number | null; n: number }>`
      SELECT nullif(assignee_id, 0) AS id, sum(n) AS n FROM ticket_assignee_counts
      WHERE status IN (${sql.join(OPEN_STATUSES)}) GROUP BY assignee_id`
      .execute(db)
      .then((r) => r.rows),
    db
      .selectFrom('tickets')
      .select(['assignee_id as id', db.fn.countAll<number>().as('n')])
      .where(inPeriod('resolved_at', opts.since, opts.until))
      .groupBy('assignee_id')
      .execute(),
    db
      .selectFrom('interactions')
      .select(['author_id as id', db.fn.sum<number>('minutes').as('n')])
      .where(inPeriod('created_at', opts.since, opts.until))
      .where('author_id', 'is not', null)
      .groupBy('author_id')
      .execute(),
  ]);
  const index = (list: Array<{ id: number | null; n: number | string | bigint | null }>) =>
    new Map(list.map((r) => [r.id, Number(r.n ?? 0)]));
  const [o, r, m] = [index(open), index(resolved), index(minutes)];
  const rows: WorkloadRow[] = techs
    .map((t) => ({
      technicianId: t.id,
      technician: t.name,
      tier: t.tier,
      open: o.get(t.id) ?? 0,
      resolved: r.get(t.id) ?? 0,
      minutes: m.get(t.id) ?? 0,
      active: t.active,
    }))
    // Inactive technicians appear only while they still have figures.
    .filter((t) => t.active || t.open || t.resolved || t.minutes)
    .map(({ active: _active, ...row }) => row)
    .sort((a, b) => a.technician.localeCompare(b.technician) || a.technicianId - b.technicianId);
  const unassigned = { open: o.get(null) ?? 0, resolved: r.get(null) ?? 0 };
  if (unassigned.open || unassigned.resolved)
    rows.push({ technicianId: null, technician: UNASSIGNED, tier: null, ...unassigned, minutes: 0 });
  return rows;
}

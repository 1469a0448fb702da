/**
 * `report backlog`: tickets still open now, counted by group × status × priority × age bucket in
 * one GROUP BY over the (status, priority, id) index; the shape is filled in here.
 */
import { sql } from 'kysely';
import type { By } from '../domain/report-group.js';
import { AGE_BUCKETS } from '../domain/report-stats.js';
import { OPEN_STATUSES, PRIORITIES, type Priority } from '../domain/ticket.js';
import type { Executor } from './executor.js';
import { groupKey, inPeriod, labelGroups } from './reports-group.js';

export interface BacklogRow {
  group: string;
  status: string;
  byPriority: Record<Priority, number>;
  /** Counts per AGE_BUCKETS entry, in order. */
  byAge: number[];
  total: number;
}

export interface BacklogReport {
  rows: BacklogRow[];
  total: BacklogRow;
}

export interface BacklogOptions {
  by: By | null;
  /** Only tickets created in [since, until); null since: every open ticket. */
  since: number | null;
  until: number;
  /** Ages are measured at this instant. */
  now: number;
}

function emptyRow(group: string, status: string): BacklogRow {
  return { group, status, byPriority: { urgent: 0, high: 0, normal: 0, low: 0 }, byAge: AGE_BUCKETS.map(() => 0), total: 0 };
}

function ageCase(now: number) {
  const whens = AGE_BUCKETS.slice(0, -1).map((b, i) => sql`WHEN ${now} - created_at < ${b.below} THEN ${i}`);
  return sql<number>`CASE ${sql.join(whens, sql` `)} ELSE ${AGE_BUCKETS.length - 1} END`;
}

export async function backlogReport(db: Executor, opts: BacklogOptions): Promise<BacklogReport> {
  const counts = await db
    .selectFrom('tickets')
    .select([groupKey(opts.by).as('grp'), 'status', 'priority', ageCase(opts.now).as('bucket'), db.fn.countAll<number>().as('n')])
    .where('status', 'in', OPEN_STATUSES)
    .where(inPeriod('created_at', opts.since, opts.until))
    .groupBy([sql`grp`, 'status', 'priority', sql`bucket`])
    .execute();

  const groups = await labelGroups(
    db,
    opts.by,
    counts.map((c) => c.grp),
  );
  const rows = new Map<string, BacklogRow>();
  const keyOf = (grp: unknown, status: string) => `${String(grp)}\u0000${status}`;
  // Ungrouped: every open status gets a row, zeros included; grouped: only statuses present.
  for (const g of groups) {
    for (const status of OPEN_STATUSES) {
      if (opts.by === null || counts.some((c) => c.grp === g.key && c.status === status))
        rows.set(keyOf(g.key, status), emptyRow(g.label, status));
    }
  }
  if (opts.by === null && groups.length === 0) for (const s of OPEN_STATUSES) rows.set(keyOf(null, s), emptyRow('all', s));
  const total = emptyRow('all', 'total');
  for (const c of counts) {
    const n = Number(c.n);
    for (const row of [rows.get(keyOf(c.grp, c.status))!, total]) {
      if ((PRIORITIES as readonly string[]).includes(c.priority)) row.byPriority[c.priority as Priority] += n;
      row.byAge[c.bucket]! += n;
      row.total += n;
    }
  }
  return { rows: [...rows.values()], total };
}

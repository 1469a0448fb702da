/**
 * `report backlog`: tickets still open now, counted by group × status × priority × age bucket
 * (./reports-backlog-counts.ts, from the daily summary where it can); the shape is filled in here.
 */
import type { By } from '../domain/report-group.js';
import { AGE_BUCKETS } from '../domain/report-stats.js';
import { OPEN_STATUSES, PRIORITIES, type Priority } from '../domain/ticket.js';
import type { Executor } from './executor.js';
import { backlogCounts } from './reports-backlog-counts.js';
import { labelGroups } from './reports-group.js';

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

export async function backlogReport(db: Executor, opts: BacklogOptions): Promise<BacklogReport> {
  const counts = await backlogCounts(db, opts);

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

/**
 * `report sla`: first-response and resolution compliance over tickets created in a period, from
 * the stored due columns, in one GROUP BY over the covering tickets_sla index (migration 007). A clock is met when it
 * stopped by its due time, breached when it stopped later or is still running past due at `now`;
 * tickets with no due time, or closed without that milestone, are not counted either way.
 */
import { sql } from 'kysely';
import type { By } from '../domain/report-group.js';
import { compliance } from '../domain/report-stats.js';
import { OPEN_STATUSES } from '../domain/ticket.js';
import { dialectOf } from '../db/dialect.js';
import type { Executor } from './executor.js';
import { groupKey, inPeriod, labelGroups } from './reports-group.js';

export interface SlaRow {
  group: string;
  tickets: number;
  firstResponseMet: number;
  firstResponseBreached: number;
  /** Percentage with one decimal, null when nothing was met or breached. */
  firstResponsePct: number | null;
  resolutionMet: number;
  resolutionBreached: number;
  resolutionPct: number | null;
}

export interface SlaReport {
  rows: SlaRow[];
  total: SlaRow;
}

export interface SlaOptions {
  by: By | null;
  since: number | null;
  until: number;
  now: number;
}

interface Row {
  grp: string | number | null;
  tickets: number;
  fr_met: number;
  fr_breached: number;
  res_met: number;
  res_breached: number;
}

const count = (cond: ReturnType<typeof sql>) => sql<number>`coalesce(sum(CASE WHEN ${cond} THEN 1 ELSE 0 END), 0)`;

export async function slaReport(db: Executor, opts: SlaOptions): Promise<SlaReport> {
  const open = sql`status IN (${sql.join(OPEN_STATUSES)})`;
  const frBreached = sql`first_response_at > first_response_due_at OR (first_response_at IS NULL AND ${open} AND first_response_due_at < ${opts.now})`;
  const resBreached = sql`resolved_at > resolution_due_at OR (resolved_at IS NULL AND ${open} AND resolution_due_at < ${opts.now})`;
  // INDEXED BY (SQLite): the planner would take tickets_created and read every ticket row of the period.
  // A bulk write into an empty desk drops the indexes until its last chunk: then it reads the table.
  // PostgreSQL has no such hint (its planner picks tickets_sla for an index-only scan by itself).
  const query = (from: string) => sql<Row>`
      SELECT ${groupKey(opts.by)} AS grp, count(*) AS tickets,
        ${count(sql`first_response_at <= first_response_due_at`)} AS fr_met, ${count(frBreached)} AS fr_breached,
        ${count(sql`resolved_at <= resolution_due_at`)} AS res_met, ${count(resBreached)} AS res_breached
      FROM ${sql.raw(from)}
      WHERE ${inPeriod('created_at', opts.since, opts.until)}
      GROUP BY grp`;
  const rows = (
    await query(dialectOf(db) === 'postgres' ? 'tickets' : 'tickets INDEXED BY tickets_sla')
      .execute(db)
      .catch((error: Error) => {
        if (!/no such index/.test(error.message)) throw error;
        return query('tickets').execute(db);
      })
  ).rows;

  const groups = await labelGroups(
    db,
    opts.by,
    rows.map((r) => r.grp),
  );
  const byKey = new Map(rows.map((r) => [r.grp, r]));
  const out = groups.map((g) => {
    const r = byKey.get(g.key)!;
    return finish(g.label, Number(r.tickets), Number(r.fr_met), Number(r.fr_breached), Number(r.res_met), Number(r.res_breached));
  });
  const sum = (f: (r: SlaRow) => number) => out.reduce((a, r) => a + f(r), 0);
  const total = finish(
    'all',
    sum((r) => r.tickets),
    sum((r) => r.firstResponseMet),
    sum((r) => r.firstResponseBreached),
    sum((r) => r.resolutionMet),
    sum((r) => r.resolutionBreached),
  );
  return { rows: out, total };
}

function finish(group: string, tickets: number, frMet: number, frBreached: number, resMet: number, resBreached: number): SlaRow {
  return {
    group,
    tickets,
    firstResponseMet: frMet,
    firstResponseBreached: frBreached,
    firstResponsePct: compliance(frMet, frBreached),
    resolutionMet: resMet,
    resolutionBreached: resBreached,
    resolutionPct: compliance(resMet, resBreached),
  };
}

/**
 * `report times`: median and p90 of first-response and resolution times, in business time of a
 * calendar, over tickets created in a period. Business time cannot be summed in SQL, so rows are
 * read in keyset pages over the (created_at, id) index, four columns each, and only the durations
 * are kept (8 bytes a ticket): memory stays flat however many tickets there are.
 */
import type { By } from '../domain/report-group.js';
import { Samples } from '../domain/report-stats.js';
import { businessTimeBetween, type Hours } from '../domain/sla/business-time.js';
import type { Executor } from './executor.js';
import { groupKey, inPeriod, labelGroups } from './reports-group.js';

export interface TimesRow {
  group: string;
  /** Tickets with a first response / a resolution counted. */
  responded: number;
  firstResponseMedianMs: number | null;
  firstResponseP90Ms: number | null;
  resolved: number;
  resolutionMedianMs: number | null;
  resolutionP90Ms: number | null;
}

export interface TimesReport {
  rows: TimesRow[];
  total: TimesRow;
}

export interface TimesOptions {
  by: By | null;
  since: number | null;
  until: number;
  /** Business hours to count in; null counts 24×7. */
  hours: Hours;
  /** Rows per page (tests use small pages to cross page bounds). */
  pageSize?: number;
}

interface Acc {
  firstResponse: Samples;
  resolution: Samples;
}

const acc = (): Acc => ({ firstResponse: new Samples(), resolution: new Samples() });

export async function timesReport(db: Executor, opts: TimesOptions): Promise<TimesReport> {
  const pageSize = opts.pageSize ?? 5000;
  const groups = new Map<string | number | null, Acc>();
  const all = acc();
  let after: { created_at: number; id: number } | null = null;
  for (;;) {
    let q = db
      .selectFrom('tickets')
      .select(['id', 'created_at', 'first_response_at', 'resolved_at', groupKey(opts.by).as('grp')])
      .where(inPeriod('created_at', opts.since, opts.until));
    if (after) {
      const a: { created_at: number; id: number } = after;
      q = q.where((eb) => eb.or([eb('created_at', '>', a.created_at), eb.and([eb('created_at', '=', a.created_at), eb('id', '>', a.id)])]));
    }
    const page = await q.orderBy('created_at').orderBy('id').limit(pageSize).execute();
    for (const r of page) {
      // Every group with a ticket gets a row, even one with nothing answered yet.
      let g = groups.get(r.grp);
      if (!g) groups.set(r.grp, (g = acc()));
      if (r.first_response_at !== null) {
        const ms = businessTimeBetween(r.created_at, r.first_response_at, opts.hours);
        g.firstResponse.push(ms);
        all.firstResponse.push(ms);
      }
      if (r.resolved_at !== null) {
        const ms = businessTimeBetween(r.created_at, r.resolved_at, opts.hours);
        g.resolution.push(ms);
        all.resolution.push(ms);
      }
    }
    if (page.length < pageSize) break;
    after = page[page.length - 1]!;
  }
  const labelled = await labelGroups(db, opts.by, groups.keys());
  return { rows: labelled.map((g) => figures(g.label, groups.get(g.key)!)), total: figures('all', all) };
}

function figures(group: string, a: Acc): TimesRow {
  return {
    group,
    responded: a.firstResponse.size,
    firstResponseMedianMs: a.firstResponse.percentile(50),
    firstResponseP90Ms: a.firstResponse.percentile(90),
    resolved: a.resolution.size,
    resolutionMedianMs: a.resolution.percentile(50),
    resolutionP90Ms: a.resolution.percentile(90),
  };
}

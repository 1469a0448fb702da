/**
 * `report volume`: tickets created and resolved per local day. SQL counts per quarter hour (every
 * zone's offset and DST change falls on a quarter hour, so a quarter never straddles two local
 * days); the quarters are then added into days of the report's zone, zero days included.
 */
import { sql } from 'kysely';
import { dateIn, periodDays } from '../domain/report-period.js';
import type { Executor } from './executor.js';
import { inPeriod } from './reports-group.js';

const QUARTER = 15 * 60_000;

export interface VolumeRow {
  date: string;
  created: number;
  resolved: number;
}

export interface VolumeOptions {
  since: number;
  until: number;
  tz: string;
}

async function perQuarter(db: Executor, column: 'created_at' | 'resolved_at', since: number, until: number) {
  return db
    .selectFrom('tickets')
    .select([sql<number>`${sql.ref(column)} / ${QUARTER}`.as('q'), db.fn.countAll<number>().as('n')])
    .where(inPeriod(column, since, until))
    .groupBy(sql`q`)
    .execute();
}

export async function volumeReport(db: Executor, opts: VolumeOptions): Promise<VolumeRow[]> {
  const rows = periodDays(opts.since, opts.until, opts.tz).map((date) => ({ date, created: 0, resolved: 0 }));
  const byDate = new Map(rows.map((r) => [r.date, r]));
  const [created, resolved] = await Promise.all([
    perQuarter(db, 'created_at', opts.since, opts.until),
    perQuarter(db, 'resolved_at', opts.since, opts.until),
  ]);
  for (const [list, field] of [[created, 'created'], [resolved, 'resolved']] as const) {
    for (const c of list) {
      // Integer division in SQLite truncates towards zero; instants before 1970 are not expected.
      const row = byDate.get(dateIn(opts.tz, Math.max(opts.since, Number(c.q) * QUARTER)));
      if (row) row[field] += Number(c.n);
    }
  }
  return rows;
}

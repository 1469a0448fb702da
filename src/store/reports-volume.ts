/**
 * `report volume`: tickets created and resolved per local day. SQL counts per quarter hour (every
 * zone's offset and DST change falls on a quarter hour, so a quarter never straddles two local
 * days); the quarters are then added into days of the report's zone, zero days included.
 */
import { sql } from 'kysely';
import { countByDay, localDays } from '../domain/report-period.js';
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

/** Counts per quarter hour, in time order. */
async function perQuarter(db: Executor, column: 'created_at' | 'resolved_at', since: number, until: number) {
  const rows = await db
    .selectFrom('tickets')
    // A literal divisor: a bound number arrives as REAL and would make every instant its own group.
    .select([sql<number>`${sql.ref(column)} / ${sql.lit(QUARTER)}`.as('q'), db.fn.countAll<number>().as('n')])
    .where(inPeriod(column, since, until))
    .groupBy(sql`q`)
    .orderBy(sql`q`)
    .execute();
  return rows.map((r) => ({ at: Number(r.q) * QUARTER, n: Number(r.n) }));
}

export async function volumeReport(db: Executor, opts: VolumeOptions): Promise<VolumeRow[]> {
  const days = localDays(opts.since, opts.until, opts.tz);
  const created = countByDay(days, await perQuarter(db, 'created_at', opts.since, opts.until));
  const resolved = countByDay(days, await perQuarter(db, 'resolved_at', opts.since, opts.until));
  return days.map((d, i) => ({ date: d.date, created: created[i]!, resolved: resolved[i]! }));
}

/**
 * The counts behind `report backlog`: open tickets per group × status × priority × age bucket.
 * Ungrouped or by priority they come from ticket_backlog_days (migration 007) for every whole UTC
 * day that no age boundary cuts through, and from tickets (the tickets_sla index, creation time
 * first) for the rest: the period's partial first and last days and the four days an age boundary
 * falls in. Other groupings read the open tickets themselves.
 */
import { sql } from 'kysely';
import { dialectOf } from '../db/dialect.js';
import type { By } from '../domain/report-group.js';
import { AGE_BUCKETS, ageBucket } from '../domain/report-stats.js';
import { OPEN_STATUSES } from '../domain/ticket.js';
import type { Executor } from './executor.js';
import { groupKey, inPeriod } from './reports-group.js';

export interface BacklogCount {
  grp: string | number | null;
  status: string;
  priority: string;
  bucket: number;
  n: number;
}

export interface CountOptions {
  by: By | null;
  since: number | null;
  until: number;
  now: number;
}

const DAY = 86_400_000;

function ageCase(now: number) {
  const whens = AGE_BUCKETS.slice(0, -1).map((b, i) => sql`WHEN ${now} - created_at < ${b.below} THEN ${i}`);
  return sql<number>`CASE ${sql.join(whens, sql` `)} ELSE ${AGE_BUCKETS.length - 1} END`;
}

/** Open tickets created in the given [from, to) spans (and the period), counted exactly from their rows. */
async function fromTickets(db: Executor, opts: CountOptions, spans: Array<[number, number]> | null): Promise<BacklogCount[]> {
  if (spans !== null && spans.length === 0) return [];
  const within =
    spans &&
    sql.join(
      spans.map(([from, to]) => sql`(created_at >= ${from} AND created_at < ${to})`),
      sql` OR `,
    );
  const rows = await db
    .selectFrom('tickets')
    .select([groupKey(opts.by).as('grp'), 'status', 'priority', ageCase(opts.now).as('bucket'), db.fn.countAll<number>().as('n')])
    // With spans, `+status`: the few days' creation times lead (tickets_sla), not every open ticket
    // through the status index (the planner's choice on a 1M desk: 4.6 s instead of milliseconds).
    // (`+column` is SQLite's hint; PostgreSQL plans without it.)
    .where(
      spans === null || dialectOf(db) === 'postgres'
        ? sql<boolean>`status IN (${sql.join(OPEN_STATUSES)})`
        : sql<boolean>`+status IN (${sql.join(OPEN_STATUSES)})`,
    )
    .where(inPeriod('created_at', opts.since, opts.until))
    .$if(within !== null, (q) => q.where(sql<boolean>`(${within})`))
    .groupBy([sql`grp`, 'status', 'priority', sql`bucket`])
    .execute();
  return rows.map((r) => ({ grp: r.grp, status: r.status, priority: r.priority, bucket: Number(r.bucket), n: Number(r.n) }));
}

export async function backlogCounts(db: Executor, opts: CountOptions): Promise<BacklogCount[]> {
  // Whole days inside the period: [first, last).
  const first = opts.since === null ? -Infinity : Math.ceil(opts.since / DAY);
  const last = Math.floor(opts.until / DAY);
  if ((opts.by !== null && opts.by !== 'priority') || first >= last) return fromTickets(db, opts, null);
  const cut = new Set(AGE_BUCKETS.slice(0, -1).map((b) => Math.floor((opts.now - b.below) / DAY)));
  const spans: Array<[number, number]> = [];
  if (opts.since !== null) spans.push([opts.since, first * DAY]);
  spans.push([last * DAY, opts.until]);
  for (const day of cut) if (day >= first && day < last) spans.push([day * DAY, (day + 1) * DAY]);
  const exact = await fromTickets(
    db,
    opts,
    spans.filter(([from, to]) => from < to),
  );
  const days = await sql<{ status: string; priority: string; day: number; n: number }>`
    SELECT status, priority, day, n FROM ticket_backlog_days
    WHERE status IN (${sql.join(OPEN_STATUSES)}) AND day >= ${Number.isFinite(first) ? first : -1e15} AND day < ${last} AND n <> 0`.execute(
    db,
  );
  const summed = days.rows
    .filter((r) => !cut.has(r.day))
    .map((r) => ({
      grp: opts.by === 'priority' ? r.priority : null,
      status: r.status,
      priority: r.priority,
      // No age boundary inside the day: its first instant is in the same bucket as every other.
      bucket: ageBucket(opts.now - r.day * DAY),
      n: Number(r.n),
    }));
  return [...exact, ...summed];
}

/**
 * Reports over a seeded demo desk (100k tickets; 20k with --quick), every ticket in the period:
 * each store report (kysely, the code the CLI runs) against the same aggregate written as raw SQL
 * on a raw better-sqlite3 handle, interleaved in one process. Results are compared before timing,
 * so a wrong report never looks fast. Target: at most 2× raw. The CLI's wall time is an extra.
 * DESKLINE_BENCH_REPORTS_DB=<file> reuses an already seeded desk instead of seeding one.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { openDatabase, type Desk } from '../../src/db/database.js';
import { AGE_BUCKETS, Samples } from '../../src/domain/report-stats.js';
import { DEFAULT_CALENDAR, businessTimeBetween } from '../../src/domain/sla/index.js';
import { OPEN_STATUSES } from '../../src/domain/ticket.js';
import { backlogReport } from '../../src/store/reports-backlog.js';
import { slaReport } from '../../src/store/reports-sla.js';
import { timesReport } from '../../src/store/reports-times.js';
import { volumeReport } from '../../src/store/reports-volume.js';
import { workloadReport } from '../../src/store/reports-workload.js';
import { benchDesk, deskline } from '../lib/env.js';
import type { Measurement, Scenario } from '../lib/scenario.js';
import { timeOnce } from '../lib/timer.js';

const TARGET = { op: '<=', value: 2 } as const;
const SINCE = Date.UTC(2000, 0, 1);
const OPEN = `(${OPEN_STATUSES.map((s) => `'${s}'`).join(',')})`;

interface Case {
  label: string;
  ours(desk: Desk, now: number): Promise<unknown>;
  raw(db: Database.Database, now: number): unknown;
  /** Figures both sides must agree on. */
  check(ours: unknown, raw: unknown): [unknown, unknown];
  cli: string[];
}

const num = (v: unknown) => Number(v ?? 0);
type Rows = Array<Record<string, unknown>>;

const CASES: Case[] = [
  {
    label: 'report backlog',
    ours: (d, now) => backlogReport(d.db, { by: null, since: null, until: now, now }),
    raw: (db, now) =>
      db
        .prepare(
          `SELECT status, priority, CASE ${AGE_BUCKETS.slice(0, -1)
            .map((b, i) => `WHEN ${now} - created_at < ${b.below} THEN ${i}`)
            .join(' ')} ELSE 4 END AS bucket, count(*) AS n
      FROM tickets WHERE status IN ${OPEN} GROUP BY status, priority, bucket`,
        )
        .all(),
    check: (o, r) => [
      (o as Awaited<ReturnType<typeof backlogReport>>).total.byAge,
      AGE_BUCKETS.map((_, i) => (r as Rows).filter((x) => x.bucket === i).reduce((a, x) => a + num(x.n), 0)),
    ],
    cli: ['report', 'backlog', '--json'],
  },
  {
    label: 'report sla --by priority',
    ours: (d, now) => slaReport(d.db, { by: 'priority', since: SINCE, until: now, now }),
    raw: (db, now) =>
      db
        .prepare(
          `SELECT priority, count(*) AS n,
        sum(first_response_at <= first_response_due_at) AS fm,
        sum(first_response_at > first_response_due_at OR (first_response_at IS NULL AND status IN ${OPEN} AND first_response_due_at < @now)) AS fb,
        sum(resolved_at <= resolution_due_at) AS rm,
        sum(resolved_at > resolution_due_at OR (resolved_at IS NULL AND status IN ${OPEN} AND resolution_due_at < @now)) AS rb
      FROM tickets WHERE created_at >= @since AND created_at < @now GROUP BY priority`,
        )
        .all({ now, since: SINCE }),
    check: (o, r) => [
      (o as Awaited<ReturnType<typeof slaReport>>).rows.map((x) => x.resolutionBreached).sort(),
      (r as Rows).map((x) => num(x.rb)).sort(),
    ],
    cli: ['report', 'sla', '--by', 'priority', '--since', '2000-01-01', '--json'],
  },
  {
    label: 'report times --by priority',
    ours: (d, now) => timesReport(d.db, { by: 'priority', since: SINCE, until: now, hours: DEFAULT_CALENDAR }),
    raw: (db, now) => {
      const groups = new Map<string, [Samples, Samples]>();
      const rows = db
        .prepare('SELECT priority, created_at, first_response_at, resolved_at FROM tickets WHERE created_at >= ? AND created_at < ?')
        .raw()
        .iterate(SINCE, now);
      for (const [p, c, f, r] of rows as Iterable<[string, number, number | null, number | null]>) {
        let g = groups.get(p);
        if (!g) groups.set(p, (g = [new Samples(), new Samples()]));
        if (f !== null) g[0].push(businessTimeBetween(c, f, DEFAULT_CALENDAR));
        if (r !== null) g[1].push(businessTimeBetween(c, r, DEFAULT_CALENDAR));
      }
      return [...groups.values()].map(([f, r]) => [f.percentile(50), r.percentile(90)]);
    },
    check: (o, r) => [
      (o as Awaited<ReturnType<typeof timesReport>>).rows.map((x) => [x.firstResponseMedianMs, x.resolutionP90Ms].join()).sort(),
      (r as unknown[][]).map((x) => x.join()).sort(),
    ],
    cli: ['report', 'times', '--by', 'priority', '--since', '2000-01-01', '--json'],
  },
  {
    label: 'report volume (UTC days)',
    ours: (d, now) => volumeReport(d.db, { since: SINCE, until: now, tz: 'UTC' }),
    raw: (db, now) =>
      ['created_at', 'resolved_at'].map((c) =>
        db
          .prepare(`SELECT date(${c} / 1000, 'unixepoch') AS d, count(*) AS n FROM tickets WHERE ${c} >= ? AND ${c} < ? GROUP BY d`)
          .all(SINCE, now),
      ),
    check: (o, r) => [
      (o as Awaited<ReturnType<typeof volumeReport>>)
        .filter((x) => x.created || x.resolved)
        .map((x) => `${x.date}:${x.created}`)
        .slice(-5),
      (r as Rows[])[0]!.map((x) => `${x.d}:${x.n}`).slice(-5),
    ],
    cli: ['report', 'volume', '--since', '2000-01-01', '--json'],
  },
  {
    label: 'report workload',
    ours: (d, now) => workloadReport(d.db, { since: SINCE, until: now }),
    raw: (db, now) => [
      db.prepare('SELECT id, name, tier, active FROM technicians').all(),
      db.prepare(`SELECT assignee_id, count(*) AS n FROM tickets WHERE status IN ${OPEN} GROUP BY assignee_id`).all(),
      db
        .prepare('SELECT assignee_id, count(*) AS n FROM tickets WHERE resolved_at >= ? AND resolved_at < ? GROUP BY assignee_id')
        .all(SINCE, now),
      db
        .prepare(
          'SELECT author_id, sum(minutes) AS n FROM interactions WHERE created_at >= ? AND created_at < ? AND author_id IS NOT NULL GROUP BY author_id',
        )
        .all(SINCE, now),
    ],
    check: (o, r) => [
      (o as Awaited<ReturnType<typeof workloadReport>>).reduce((a, x) => a + x.minutes, 0),
      (r as Rows[])[3]!.reduce((a, x) => a + num(x.n), 0),
    ],
    cli: ['report', 'workload', '--since', '2000-01-01', '--json'],
  },
];

function seed(file: string, tickets: number, env: NodeJS.ProcessEnv): void {
  const [node, ...args] = deskline('--db', file, 'demo', 'seed', '--tickets', String(tickets));
  const r = spawnSync(node, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`demo seed failed: ${r.stderr?.toString().trim().split('\n')[0] ?? r.error?.message}`);
}

const ms = async (f: () => unknown) => {
  const start = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

const reports: Scenario = {
  name: 'reports',
  async run({ quick }) {
    const tmp = benchDesk('deskline-bench-reports-');
    const tickets = quick ? 20_000 : 100_000;
    const file = process.env.DESKLINE_BENCH_REPORTS_DB ?? join(tmp.dir, 'reports.db');
    try {
      if (!process.env.DESKLINE_BENCH_REPORTS_DB) seed(file, tickets, tmp.env);
      const desk = await openDatabase(file);
      const raw = new Database(file, { readonly: true });
      const total = num((raw.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n);
      const now = Date.now();
      const out: Measurement[] = [];
      try {
        for (const c of CASES) {
          const [a, b] = c.check(await c.ours(desk, now), c.raw(raw, now));
          if (JSON.stringify(a) !== JSON.stringify(b))
            throw new Error(`${c.label}: report and raw SQL disagree: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
          const samples: number[] = [];
          const base: number[] = [];
          for (let i = 0; i < (quick ? 3 : 9); i++) {
            // Alternate who goes first, so drift hits both alike.
            if (i % 2) {
              samples.push(await ms(() => c.ours(desk, now)));
              base.push(await ms(() => c.raw(raw, now)));
            } else {
              base.push(await ms(() => c.raw(raw, now)));
              samples.push(await ms(() => c.ours(desk, now)));
            }
          }
          const cli = timeOnce({ label: c.label, argv: deskline('--db', file, ...c.cli), env: tmp.env });
          out.push({
            label: `${c.label} (${total.toLocaleString('en-US')} tickets)`,
            unit: 'ms',
            samples,
            baseline: { label: 'raw better-sqlite3, same aggregate', samples: base },
            target: TARGET,
            extra: { cli_wall_ms: Math.round(cli), tickets: total },
          });
        }
      } finally {
        raw.close();
        await desk.close();
      }
      return out;
    } finally {
      tmp.dispose();
    }
  },
};

export default reports;

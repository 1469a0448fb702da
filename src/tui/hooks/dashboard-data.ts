/**
 * The dashboard's figures, from the report queries (never a query of its own): backlog by category
 * and priority, created vs resolved per day for 30 days, SLA compliance this week vs last, tickets
 * per technician. Runs in the dashboard worker over its own read-only connection; returns plain data.
 */
import { PRIORITIES } from '../../domain/ticket.js';
import { DAY, instantToWall, isValidZone, wallToInstant, weekdayOf } from '../../domain/sla/zone.js';
import type { Executor } from '../../store/executor.js';
import { backlogReport } from '../../store/reports-backlog.js';
import { slaReport } from '../../store/reports-sla.js';
import { volumeReport, type VolumeRow } from '../../store/reports-volume.js';
import { workloadReport } from '../../store/reports-workload.js';

export const VOLUME_DAYS = 30;

export interface Bar {
  label: string;
  n: number;
}

export interface Compliance {
  tickets: number;
  firstResponsePct: number | null;
  resolutionPct: number | null;
}

export interface TechnicianLoad {
  technician: string;
  open: number;
  resolved: number;
  minutes: number;
}

export interface DashboardData {
  at: number;
  tz: string;
  backlog: { total: number; byCategory: Bar[]; byPriority: Bar[] };
  volume: VolumeRow[];
  sla: { thisWeek: Compliance; lastWeek: Compliance };
  /** Resolved and minutes count this week (since Monday 00:00 in `tz`). */
  workload: TechnicianLoad[];
  /** How long the queries took, in ms. */
  tookMs: number;
}

/** $TZ when it names a zone, else the system's (as the reports do). */
export function dashboardZone(env: NodeJS.ProcessEnv): string {
  const tz = env.TZ?.replace(/^:/, '');
  if (tz && isValidZone(tz)) return tz;
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Local midnight starting the day `days` after the one holding `now` (negative: before). */
function dayStart(now: number, tz: string, days: number): number {
  return wallToInstant(tz, (Math.floor(instantToWall(tz, now) / DAY) + days) * DAY);
}

/** Monday 00:00 of the week holding `now`, in `tz`. */
export function weekStart(now: number, tz: string): number {
  const today = Math.floor(instantToWall(tz, now) / DAY);
  return dayStart(now, tz, -((weekdayOf(today) + 6) % 7));
}

export async function loadDashboard(db: Executor, opts: { now: number; tz: string }): Promise<DashboardData> {
  const { now, tz } = opts;
  const started = performance.now();
  const monday = weekStart(now, tz);
  const lastMonday = dayStart(monday, tz, -7);
  const [backlog, volume, thisWeek, lastWeek, workload] = [
    await backlogReport(db, { by: 'category', since: null, until: now + 1, now }),
    await volumeReport(db, { since: dayStart(now, tz, -(VOLUME_DAYS - 1)), until: now + 1, tz }),
    await slaReport(db, { by: null, since: monday, until: now + 1, now }),
    await slaReport(db, { by: null, since: lastMonday, until: monday, now }),
    await workloadReport(db, { since: monday, until: now + 1 }),
  ];
  const byCategory = new Map<string, number>();
  for (const r of backlog.rows) byCategory.set(r.group, (byCategory.get(r.group) ?? 0) + r.total);
  const compliance = (t: typeof thisWeek.total): Compliance => ({
    tickets: t.tickets,
    firstResponsePct: t.firstResponsePct,
    resolutionPct: t.resolutionPct,
  });
  return {
    at: now,
    tz,
    backlog: {
      total: backlog.total.total,
      byCategory: [...byCategory].map(([label, n]) => ({ label, n })).sort((a, b) => b.n - a.n || a.label.localeCompare(b.label)),
      byPriority: PRIORITIES.map((p) => ({ label: p, n: backlog.total.byPriority[p] })),
    },
    volume,
    sla: { thisWeek: compliance(thisWeek.total), lastWeek: compliance(lastWeek.total) },
    workload: workload
      .map(({ technician, open, resolved, minutes }) => ({ technician, open, resolved, minutes }))
      .sort((a, b) => b.open - a.open || b.resolved - a.resolved || a.technician.localeCompare(b.technician)),
    tookMs: Math.round(performance.now() - started),
  };
}

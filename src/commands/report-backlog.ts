/** `deskline report backlog`: what is still open, by status × priority, with age buckets. */
import { AGE_BUCKETS } from '../domain/report-stats.js';
import { PRIORITIES } from '../domain/ticket.js';
import { backlogReport, type BacklogRow } from '../store/reports-backlog.js';
import type { Ctx } from './context.js';
import { emit, groupColumn, reportSubcommand, resolveFlags, type Column, type ReportFlags, type ReportSpec } from './report-common.js';

const SPEC: ReportSpec = {
  name: 'backlog',
  description: 'open tickets (new, open, pending, on hold) by status × priority, with their ages',
  by: ['category', 'assignee', 'tier'],
  defaultSince: null,
  notes: 'A snapshot of now: every open ticket unless --since/--until limit when they were created.\nAges: <1d, 1–3d, 3–7d, 1–4w, >4w since creation.',
  examples: [
    'deskline report backlog',
    'deskline report backlog --by assignee',
    'deskline report backlog --since 4w --by category --json',
    'deskline report backlog --csv > backlog.csv',
  ],
};

const COLUMNS: ReadonlyArray<Column<BacklogRow>> = [
  { key: 'status', header: 'STATUS', value: (r) => r.status },
  ...PRIORITIES.map((p): Column<BacklogRow> => ({ key: p, header: p.toUpperCase(), value: (r) => r.byPriority[p], numeric: true })),
  { key: 'total', header: 'TOTAL', value: (r) => r.total, numeric: true },
  ...AGE_BUCKETS.map((b, i): Column<BacklogRow> => ({ key: b.key, header: b.label, value: (r) => r.byAge[i]!, numeric: true })),
];

export function reportBacklogCommand(ctx: Ctx) {
  return reportSubcommand(SPEC).action(async (flags: ReportFlags) => {
    const resolved = resolveFlags(ctx, flags, SPEC);
    const { db } = await ctx.desk();
    const { rows, total } = await backlogReport(db, { by: resolved.by, since: resolved.period.since, until: resolved.period.until, now: resolved.now });
    await emit(ctx, flags, { report: 'backlog', resolved, columns: [...groupColumn<BacklogRow>(resolved.by), ...COLUMNS], rows, total });
  });
}

/** `deskline report backlog`: what is still open, by status × priority, with age buckets. */
import { AGE_BUCKETS } from '../domain/report-stats.js';
import { PRIORITIES } from '../domain/ticket.js';
import { backlogReport, type BacklogRow } from '../store/reports-backlog.js';
import type { Ctx } from './context.js';
import {
  countColumn,
  emit,
  groupColumn,
  reportSubcommand,
  resolveFlags,
  type Column,
  type ReportFlags,
  type ReportSpec,
} from './report-common.js';

const SPEC: ReportSpec = {
  name: 'backlog',
  description: 'open tickets (new, open, pending, on hold) by status × priority, with their ages',
  by: ['category', 'assignee', 'tier'],
  defaultSince: null,
  notes:
    'A snapshot of now: every open ticket unless --since/--until limit when they were created.\nAges: <1d, 1–3d, 3–7d, 1–4w, >4w since creation.',
  examples: [
    'deskline report backlog',
    'deskline report backlog --by assignee',
    'deskline report backlog --since 4w --by category --json',
    'deskline report backlog --csv > backlog.csv',
  ],
};

const num = countColumn<BacklogRow>;

const COLUMNS: ReadonlyArray<Column<BacklogRow>> = [
  { key: 'status', header: 'STATUS', value: (r) => r.status },
  ...PRIORITIES.map((p) => num(p, p.toUpperCase(), (r) => r.byPriority[p])),
  num('total', 'TOTAL', (r) => r.total),
  ...AGE_BUCKETS.map((b, i) => num(b.key, b.label, (r) => r.byAge[i]!)),
];

export function reportBacklogCommand(ctx: Ctx) {
  return reportSubcommand(SPEC).action(async (flags: ReportFlags) => {
    const resolved = resolveFlags(ctx, flags, SPEC);
    const { db } = await ctx.desk();
    const { rows, total } = await backlogReport(db, {
      by: resolved.by,
      since: resolved.period.since,
      until: resolved.period.until,
      now: resolved.now,
    });
    await emit(ctx, flags, { report: 'backlog', resolved, columns: [...groupColumn<BacklogRow>(resolved.by), ...COLUMNS], rows, total });
  });
}

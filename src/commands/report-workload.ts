/** `deskline report workload`: per technician, open tickets now, resolved and minutes logged in the period. */
import { MINUTE, formatSpan } from '../domain/sla/index.js';
import { workloadReport, type WorkloadRow } from '../store/reports-workload.js';
import type { Ctx } from './context.js';
import { cleanLine } from './format.js';
import { countColumn, emit, reportSubcommand, resolveFlags, type Column, type ReportFlags, type ReportSpec } from './report-common.js';

const SPEC: ReportSpec = {
  name: 'workload',
  description: 'per technician: open tickets assigned now, tickets resolved and time logged in the period',
  by: [],
  defaultSince: '30d',
  notes:
    'OPEN counts new/open/pending/on-hold tickets assigned now, whatever the period. RESOLVED credits the\nassignee; LOGGED adds the minutes on the interactions each technician wrote.',
  examples: [
    'deskline report workload',
    'deskline report workload --since 7d',
    'deskline report workload --since 2026-03-01 --until 2026-03-31 --json',
  ],
};

const num = countColumn<WorkloadRow>;

const COLUMNS: ReadonlyArray<Column<WorkloadRow>> = [
  { key: 'technician', header: 'TECHNICIAN', value: (r) => r.technician, text: (r) => cleanLine(r.technician) },
  { key: 'tier', header: 'TIER', value: (r) => r.tier },
  num('open', 'OPEN', (r) => r.open),
  num('resolved', 'RESOLVED', (r) => r.resolved),
  { key: 'minutes', header: 'LOGGED', value: (r) => r.minutes, text: (r) => formatSpan(r.minutes * MINUTE), numeric: true },
];

export function reportWorkloadCommand(ctx: Ctx) {
  return reportSubcommand(SPEC).action(async (flags: ReportFlags) => {
    const resolved = resolveFlags(ctx, flags, SPEC);
    const { db } = await ctx.desk();
    const rows = await workloadReport(db, { since: resolved.period.since, until: resolved.period.until });
    const sum = (f: (r: WorkloadRow) => number) => rows.reduce((a, r) => a + f(r), 0);
    const total: WorkloadRow = {
      technicianId: null,
      technician: 'total',
      tier: null,
      open: sum((r) => r.open),
      resolved: sum((r) => r.resolved),
      minutes: sum((r) => r.minutes),
    };
    await emit(ctx, flags, { report: 'workload', resolved, columns: COLUMNS, rows, total });
  });
}

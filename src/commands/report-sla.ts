/** `deskline report sla`: first-response and resolution compliance over tickets created in a period. */
import { slaReport, type SlaRow } from '../store/reports-sla.js';
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
  name: 'sla',
  description: 'SLA compliance: first response and resolution met / breached, over tickets created in the period',
  by: ['category', 'priority', 'assignee', 'tier'],
  defaultSince: '30d',
  notes:
    'Compliance = met / (met + breached). A clock is met when it stopped by its due time; breached when it\nstopped later or is still running past due now. Tickets without a due time are not counted.',
  examples: [
    'deskline report sla',
    'deskline report sla --since 7d --by priority',
    'deskline report sla --since 2026-01-01 --until 2026-03-31 --by assignee --csv',
  ],
};

const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);
const num = countColumn<SlaRow>;

const COLUMNS: ReadonlyArray<Column<SlaRow>> = [
  num('tickets', 'TICKETS', (r) => r.tickets),
  num('first_response_met', 'FR MET', (r) => r.firstResponseMet),
  num('first_response_breached', 'FR BREACHED', (r) => r.firstResponseBreached),
  { key: 'first_response_pct', header: 'FR %', value: (r) => r.firstResponsePct, text: (r) => pct(r.firstResponsePct), numeric: true },
  num('resolution_met', 'RES MET', (r) => r.resolutionMet),
  num('resolution_breached', 'RES BREACHED', (r) => r.resolutionBreached),
  { key: 'resolution_pct', header: 'RES %', value: (r) => r.resolutionPct, text: (r) => pct(r.resolutionPct), numeric: true },
];

export function reportSlaCommand(ctx: Ctx) {
  return reportSubcommand(SPEC).action(async (flags: ReportFlags) => {
    const resolved = resolveFlags(ctx, flags, SPEC);
    const { db } = await ctx.desk();
    const report = await slaReport(db, { by: resolved.by, since: resolved.period.since, until: resolved.period.until, now: resolved.now });
    const columns = [...groupColumn<SlaRow>(resolved.by), ...COLUMNS];
    // Ungrouped, the one row is the total.
    const rows = resolved.by === null ? [report.total] : report.rows;
    await emit(ctx, flags, { report: 'sla', resolved, columns, rows, ...(resolved.by === null ? {} : { total: report.total }) });
  });
}

/** `deskline report times`: median and p90 first-response and resolution times, in business hours. */
import { toHours } from '../domain/report-stats.js';
import { describeWeek, formatSpan } from '../domain/sla/index.js';
import { getCalendar } from '../store/sla-config.js';
import { timesReport, type TimesRow } from '../store/reports-times.js';
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
  name: 'times',
  description: 'median and p90 time to first response and to resolution, in business hours, over tickets created in the period',
  by: ['category', 'priority', 'assignee', 'tier'],
  defaultSince: '30d',
  notes: `Business time of an SLA calendar (see: deskline sla calendar), from creation to the first public reply / to
resolution; pauses are not subtracted. JSON and CSV give hours with two decimals.`,
  examples: [
    'deskline report times',
    'deskline report times --since 4w --by category',
    'deskline report times --calendar night-shift',
    'deskline report times --by assignee --json | jq ".rows[] | {assignee, resolution_p90_hours}"',
  ],
};

type Ms = (r: TimesRow) => number | null;
const hours = (key: string, header: string, get: Ms): Column<TimesRow> => ({
  key,
  header,
  value: (r) => toHours(get(r)),
  text: (r) => {
    const v = get(r);
    return v === null ? '—' : formatSpan(v);
  },
  numeric: true,
});
const count = countColumn<TimesRow>;

const COLUMNS: ReadonlyArray<Column<TimesRow>> = [
  count('responded', 'RESPONDED', (r) => r.responded),
  hours('first_response_median_hours', 'FR MEDIAN', (r) => r.firstResponseMedianMs),
  hours('first_response_p90_hours', 'FR P90', (r) => r.firstResponseP90Ms),
  count('resolved', 'RESOLVED', (r) => r.resolved),
  hours('resolution_median_hours', 'RES MEDIAN', (r) => r.resolutionMedianMs),
  hours('resolution_p90_hours', 'RES P90', (r) => r.resolutionP90Ms),
];

export function reportTimesCommand(ctx: Ctx) {
  return reportSubcommand(SPEC)
    .option('--calendar <name>', 'the SLA calendar whose business hours count', 'default')
    .action(async (flags: ReportFlags & { calendar: string }) => {
      const resolved = resolveFlags(ctx, flags, SPEC);
      const { db } = await ctx.desk();
      const calendar = await getCalendar(db, flags.calendar);
      const report = await timesReport(db, {
        by: resolved.by,
        since: resolved.period.since,
        until: resolved.period.until,
        hours: calendar,
      });
      const columns = [...groupColumn<TimesRow>(resolved.by), ...COLUMNS];
      const rows = resolved.by === null ? [report.total] : report.rows;
      await emit(ctx, flags, {
        report: 'times',
        resolved,
        columns,
        rows,
        ...(resolved.by === null ? {} : { total: report.total }),
        meta: { calendar: { name: calendar.name, tz: calendar.tz } },
        caption: `business hours of calendar ${calendar.name}: ${describeWeek(calendar.week)}, ${calendar.tz}`,
      });
    });
}

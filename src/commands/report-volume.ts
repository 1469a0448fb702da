/** `deskline report volume`: tickets created vs resolved per day, zero days included. */
import { volumeReport, type VolumeRow } from '../store/reports-volume.js';
import type { Ctx } from './context.js';
import { thousands } from './format.js';
import { countColumn, emit, reportSubcommand, resolveFlags, type Column, type ReportFlags, type ReportSpec } from './report-common.js';

const SPEC: ReportSpec = {
  name: 'volume',
  description: 'tickets created and resolved per day over the period (every day listed, zero days included)',
  by: [],
  defaultSince: '30d',
  notes:
    'Days are local days in the report zone; the first and last day may be partial.\nNET = created − resolved: positive days grew the backlog.',
  examples: [
    'deskline report volume',
    'deskline report volume --since 2026-03-01 --until 2026-03-31',
    'deskline report volume --since 12w --csv > volume.csv',
  ],
};

type Row = VolumeRow & { net: number };

const num = countColumn<Row>;

const COLUMNS: ReadonlyArray<Column<Row>> = [
  { key: 'date', header: 'DATE', value: (r) => r.date },
  num('created', 'CREATED', (r) => r.created),
  num('resolved', 'RESOLVED', (r) => r.resolved),
  { key: 'net', header: 'NET', value: (r) => r.net, text: (r) => (r.net > 0 ? `+${thousands(r.net)}` : thousands(r.net)), numeric: true },
];

export function reportVolumeCommand(ctx: Ctx) {
  return reportSubcommand(SPEC).action(async (flags: ReportFlags) => {
    const resolved = resolveFlags(ctx, flags, SPEC);
    const since = resolved.period.since!; // volume always has a start (default 30d)
    const { db } = await ctx.desk();
    const rows: Row[] = (await volumeReport(db, { since, until: resolved.period.until, tz: resolved.tz })).map((r) => ({
      ...r,
      net: r.created - r.resolved,
    }));
    const sum = (f: (r: Row) => number) => rows.reduce((a, r) => a + f(r), 0);
    const total: Row = { date: 'total', created: sum((r) => r.created), resolved: sum((r) => r.resolved), net: sum((r) => r.net) };
    await emit(ctx, flags, { report: 'volume', resolved, columns: COLUMNS, rows, total });
  });
}

/**
 * What every `report` subcommand shares: the period/grouping/output flags, their checking (bad
 * values exit 4 with one line), and one way to print rows as an aligned table, JSON or CSV from
 * columns held as data.
 */
import { Command, Option } from 'commander';
import { parsePeriod, type Period } from '../domain/report-period.js';
import { parseBy, type By } from '../domain/report-group.js';
import { isValidZone } from '../domain/sla/zone.js';
import { EXIT, fail } from '../errors.js';
import type { Ctx } from './context.js';
import { cleanLine, iso, paint, table, thousands } from './format.js';

export interface ReportFlags {
  since?: string;
  until?: string;
  by?: string;
  json?: boolean;
  csv?: boolean;
}

export interface ReportSpec {
  name: string;
  description: string;
  /** Groupings `--by` accepts; empty: no `--by` flag. */
  by: readonly By[];
  /** `--since` when not given; null: from the first ticket. */
  defaultSince: string | null;
  examples: string[];
  notes?: string;
}

/** A subcommand with the shared flags and help; the caller adds the action. */
export function reportSubcommand(spec: ReportSpec): Command {
  const since = spec.defaultSince ?? 'the first ticket';
  const cmd = new Command(spec.name)
    .description(spec.description)
    .option('--since <when>', `start: 12h, 7d, 4w, a date (2026-03-01), a time (2026-03-01T09:00) or today (default: ${since})`)
    .option('--until <when>', 'end, same forms; a date includes that whole day (default: now)');
  if (spec.by.length) cmd.option('--by <field>', `group rows by ${spec.by.join(' | ')}`);
  cmd.addOption(new Option('--json', 'print JSON').conflicts('csv')).addOption(new Option('--csv', 'print CSV'));
  return cmd.addHelpText(
    'after',
    `${spec.notes ? `\n${spec.notes}\n` : ''}
Dates and days are read in $TZ (else the system zone). Relative spans count back from now: 7d = the last 7×24 hours.
Examples:
${spec.examples.map((e) => `  ${e}`).join('\n')}`,
  );
}

/** The zone reports count days in: $TZ when it names an IANA zone, else the system's. */
export function reportZone(ctx: Ctx): string {
  const tz = ctx.io.env.TZ?.replace(/^:/, '');
  if (tz && isValidZone(tz)) return tz;
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export interface Resolved {
  period: Period;
  by: By | null;
  tz: string;
  now: number;
}

export function resolveFlags(ctx: Ctx, flags: ReportFlags, spec: ReportSpec, now = Date.now()): Resolved {
  const tz = reportZone(ctx);
  const by = parseBy(flags.by, spec.by);
  if (!by.ok) fail(EXIT.invalid, by.error);
  const period = parsePeriod({ since: flags.since, until: flags.until }, { now, tz, defaultSince: spec.defaultSince });
  if (!period.ok) fail(EXIT.invalid, period.error);
  return { period: period.value, by: by.value, tz, now };
}

export interface Column<R> {
  /** JSON key and CSV header. */
  key: string;
  header: string;
  value(row: R): string | number | null;
  /** Human cell; defaults to the value (— for null). */
  text?(row: R): string;
  /** Numbers are right-aligned in the table. */
  numeric?: boolean;
}

/** A whole-number column: right-aligned, with thousands separators in the table. */
export function countColumn<R>(key: string, header: string, get: (row: R) => number): Column<R> {
  return { key, header, value: get, text: (r) => thousands(get(r)), numeric: true };
}

/** The `--by` column, present only when grouping. */
export function groupColumn<R extends { group: string }>(by: By | null): Array<Column<R>> {
  return by === null ? [] : [{ key: by, header: by.toUpperCase(), value: (r) => r.group, text: (r) => cleanLine(r.group) }];
}

export interface Output<R> {
  report: string;
  resolved: Resolved;
  columns: ReadonlyArray<Column<R>>;
  rows: readonly R[];
  /** Shown as the table's last line and as `total` in JSON; never in CSV. */
  total?: R;
  /** More top-level JSON fields, and words for the human footnote. */
  meta?: Record<string, unknown>;
  caption?: string;
}

const cellText = <R>(c: Column<R>, r: R) => (c.text ? c.text(r) : String(c.value(r) ?? '—'));

export async function emit<R>(ctx: Ctx, flags: ReportFlags, out: Output<R>): Promise<void> {
  const { columns, rows, total, resolved } = out;
  const record = (r: R) => Object.fromEntries(columns.map((c) => [c.key, c.value(r)]));
  if (flags.json) {
    return ctx.json({
      report: out.report,
      since: iso(resolved.period.since),
      until: iso(resolved.period.until),
      tz: resolved.tz,
      by: resolved.by,
      ...out.meta,
      rows: rows.map(record),
      ...(total ? { total: record(total) } : {}),
    });
  }
  if (flags.csv) {
    return ctx.csv([columns.map((c) => c.key), ...rows.map((r) => columns.map((c) => c.value(r)))]);
  }
  const body = [...rows, ...(total ? [total] : [])].map((r) => columns.map((c) => cellText(c, r)));
  const headers = columns.map((c) => c.header);
  const widths = headers.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const align = (cells: string[]) => cells.map((cell, i) => (columns[i]!.numeric ? cell.padStart(widths[i]!) : cell));
  const lastRow = total ? body.length - 1 : -1;
  const style = (row: number, _col: number, cell: string) => (row === lastRow ? paint(ctx.color, 'bold', cell) : cell);
  if (body.length) ctx.out(table(align(headers), body.map(align), { maxWidth: ctx.io.stdout.columns ?? Infinity, flexible: 0, style }));
  const from = resolved.period.since === null ? 'the first ticket' : stamp(resolved.period.since, resolved.tz);
  ctx.note(
    `${out.report}: ${from} → ${stamp(resolved.period.until, resolved.tz)} (${resolved.tz})${out.caption ? `; ${out.caption}` : ''}${body.length ? '' : ': nothing to report'}`,
  );
}

/** `2026-03-01 09:00` in the report's zone. */
function stamp(ms: number, tz: string): string {
  const f = new Intl.DateTimeFormat('sv-SE', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return f.format(new Date(ms));
}

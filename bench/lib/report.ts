/** The bench report: an aligned text table, a summary line, and the results.json document. */
import { arch, cpus, hostname, loadavg, platform, release, totalmem } from 'node:os';
import type { Row } from './stats.js';

const HEADERS = ['scenario', 'unit', 'n', 'median', 'p95', 'baseline', 'ratio', 'target', 'pass'] as const;

function figure(value: number, unit: Row['unit']): string {
  if (unit === 'rows/s') return Math.round(value).toLocaleString('en-US');
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

function cells(row: Row): string[] {
  return [
    `${row.scenario}: ${row.label}`,
    row.unit,
    String(row.n),
    figure(row.median, row.unit),
    figure(row.p95, row.unit),
    `${figure(row.baseline.median, row.unit)} (${row.baseline.label})`,
    `${row.ratio.toFixed(2)}×`,
    `${row.target.op} ${row.target.value}`,
    row.pass ? 'yes' : 'NO',
  ];
}

/** Numbers right-aligned, text left-aligned, two spaces between columns. */
export function table(rows: readonly Row[]): string {
  const body = rows.map(cells);
  const all = [[...HEADERS], ...body];
  const widths = HEADERS.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const numeric = new Set([2, 3, 4, 6]);
  const line = (r: string[]) =>
    r
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(all[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function summaryLine(rows: readonly Row[]): string {
  return `${rows.filter((r) => r.pass).length} of ${rows.length} targets met`;
}

export function machine() {
  const cpu = cpus();
  return {
    host: hostname(),
    platform: `${platform()} ${release()} ${arch()}`,
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/** A warning when other work competes for the CPU: wall times are then noisy and ratios drift (usually up). */
export function loadWarning(): string | null {
  const [one] = loadavg();
  const cores = cpus().length;
  return one! > cores * 0.75 ? `note: load average ${one!.toFixed(1)} on ${cores} cores: figures are noisy` : null;
}

export function results(rows: readonly Row[], options: { quick: boolean; errors: readonly string[] }) {
  return {
    date: new Date().toISOString(),
    node: process.version,
    machine: machine(),
    quick: options.quick,
    summary: summaryLine(rows),
    rows,
    errors: options.errors,
  };
}

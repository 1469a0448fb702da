/**
 * The dashboard as lines of styled segments for a width × height, pure: a title line, the blocks
 * (backlog by category, by priority, SLA this week vs last, tickets per technician) packed into one
 * to three columns by height, then the 30-day created/resolved chart across the full width. Blocks
 * that do not fit are cut with `… N more`; wider and taller terminals get longer bars and more rows.
 */
import { formatLeft } from '../../domain/sla-badge.js';
import { sanitizeLine } from '../../domain/sanitize.js';
import { bar, grouped, percent, sparkline } from './charts.js';
import type { DashboardData } from '../hooks/dashboard-data.js';
import { priorityLook } from './format.js';
import { fit, truncate, width as cells } from './text.js';

export interface Seg {
  text: string;
  color?: string;
  dim?: boolean;
  bold?: boolean;
}
export type Line = Seg[];

interface Block {
  rows: Line[];
  /** The last row when rows are cut. */
  more(hidden: number): Line;
}

const GAP = 2;
const title = (text: string): Line => [{ text, bold: true }];
const moreRow = (hidden: number): Line => [{ text: `… ${hidden} more`, dim: true }];

interface BarRow {
  label: string;
  n: number;
  color?: string;
  glyph?: string;
  note?: string;
}

function bars(heading: string, list: readonly BarRow[], w: number): Block {
  const max = Math.max(0, ...list.map((r) => r.n));
  const countW = Math.max(1, ...list.map((r) => grouped(r.n).length));
  const noteW = Math.max(0, ...list.map((r) => cells(r.note ?? '')));
  const labelW = Math.min(Math.max(6, Math.floor(w / 3)), Math.max(1, ...list.map((r) => cells(r.label) + (r.glyph ? 2 : 0))));
  const barW = Math.max(1, w - labelW - countW - 2 - (noteW ? noteW + 1 : 0));
  const rows = list.map((r): Line => [
    ...(r.glyph ? [{ text: `${r.glyph} `, color: r.color }] : []),
    { text: fit(r.label, labelW - (r.glyph ? 2 : 0)) + ' ' },
    { text: fit(bar(r.n, max, barW), barW), color: r.color ?? 'cyan' },
    { text: ' ' + grouped(r.n).padStart(countW) },
    ...(noteW ? [{ text: ' ' + fit(r.note ?? '', noteW, 'right'), dim: true }] : []),
  ]);
  return { rows: [title(heading), ...(list.length ? rows : [[{ text: 'nothing open', dim: true }]])], more: moreRow };
}

const pctColor = (p: number | null) => (p === null ? undefined : p >= 90 ? 'green' : p >= 75 ? 'yellow' : 'red');

function trend(now: number | null, before: number | null): Seg {
  if (now === null || before === null || now === before) return { text: '  ' };
  return now > before ? { text: ' ▲', color: 'green' } : { text: ' ▼', color: 'red' };
}

function slaBlock(d: DashboardData, w: number): Block {
  const { thisWeek: a, lastWeek: b } = d.sla;
  const labelW = Math.max(8, Math.min(16, w - 20));
  const row = (label: string, x: number | null, y: number | null): Line => [
    { text: fit(label, labelW) },
    { text: percent(x).padStart(8), color: pctColor(x) },
    { text: percent(y).padStart(9), color: pctColor(y) },
    trend(x, y),
  ];
  return {
    rows: [
      [
        { text: fit('SLA compliance', labelW), bold: true },
        { text: ' this wk  last wk', dim: true },
      ],
      row('first response', a.firstResponsePct, b.firstResponsePct),
      row('resolution', a.resolutionPct, b.resolutionPct),
      [{ text: fit('tickets', labelW) }, { text: grouped(a.tickets).padStart(8) + grouped(b.tickets).padStart(9), dim: true }],
    ],
    more: moreRow,
  };
}

function volumeBlock(d: DashboardData, width: number): Line[] {
  const created = d.volume.map((v) => v.created);
  const resolved = d.volume.map((v) => v.resolved);
  const max = Math.max(0, ...created, ...resolved);
  const sum = (xs: number[]) => grouped(xs.reduce((a, x) => a + x, 0));
  const totalW = Math.max(sum(created).length, sum(resolved).length);
  const per = Math.max(1, Math.min(3, Math.floor((width - 9 - totalW - 1) / Math.max(1, d.volume.length))));
  const first = d.volume[0]?.date ?? '';
  const last = d.volume[d.volume.length - 1]?.date ?? '';
  return [
    [
      { text: `Created vs resolved per day · ${first} → ${last}`, bold: true },
      { text: ` (max ${max}/day)`, dim: true },
    ],
    [{ text: 'created  ' }, { text: sparkline(created, max, per), color: 'cyan' }, { text: ` ${sum(created).padStart(totalW)}` }],
    [{ text: 'resolved ' }, { text: sparkline(resolved, max, per), color: 'green' }, { text: ` ${sum(resolved).padStart(totalW)}` }],
  ];
}

/** Fits a line to exactly `w` cells, cutting segments from the right. */
export function fitLine(line: Line, w: number): Line {
  const out: Line = [];
  let used = 0;
  for (const s of line) {
    if (used >= w) break;
    const text = cells(s.text) <= w - used ? s.text : truncate(s.text, w - used);
    out.push({ ...s, text });
    used += cells(text);
  }
  if (used < w) out.push({ text: ' '.repeat(w - used) });
  return out;
}

/** Packs blocks into columns, each into the one with the most room left, cutting what does not fit. */
function pack(blocks: readonly Block[], columns: number, height: number): Line[][] {
  const cols: Line[][] = Array.from({ length: columns }, () => []);
  for (const b of blocks) {
    const room = (c: Line[]) => height - c.length - (c.length ? 1 : 0);
    const col = cols.reduce((best, c) => (room(c) > room(best) ? c : best), cols[0]!);
    const r = room(col);
    if (r < 2) continue;
    if (col.length) col.push([]);
    const rows = b.rows.length <= r ? b.rows : [...b.rows.slice(0, r - 1), b.more(b.rows.length - (r - 1))];
    col.push(...rows);
  }
  return cols;
}

/** Open tickets as the bar; resolved (`12✓`) and time logged this week as aligned notes. */
function technicianRows(d: DashboardData): BarRow[] {
  const logged = (m: number) => (m ? formatLeft(m * 60_000) : '');
  const rw = Math.max(0, ...d.workload.map((t) => String(t.resolved).length));
  const mw = Math.max(0, ...d.workload.map((t) => logged(t.minutes).length));
  return d.workload.map((t) => ({
    label: sanitizeLine(t.technician),
    n: t.open,
    color: 'blue',
    note: `${String(t.resolved).padStart(rw)}✓${mw ? ` ${logged(t.minutes).padStart(mw)}` : ''}`,
  }));
}

export function dashboardLines(d: DashboardData, width: number, height: number): Line[] {
  const columns = width >= 120 ? 3 : width >= 60 ? 2 : 1;
  const colW = Math.floor((width - GAP * (columns - 1)) / columns);
  const when = new Date(d.at).toLocaleTimeString('en-GB', { timeZone: d.tz, hour: '2-digit', minute: '2-digit' });
  const head: Line = [
    { text: 'Dashboard', bold: true },
    { text: ` · ${grouped(d.backlog.total)} open · as of ${when} ${d.tz} · ${d.tookMs} ms`, dim: true },
  ];
  const volume = volumeBlock(d, width);
  const top = Math.max(0, height - 1 - volume.length - 1);
  const blocks: Block[] = [
    bars(
      'Backlog by category',
      d.backlog.byCategory.map((b) => ({ label: sanitizeLine(b.label), n: b.n })),
      colW,
    ),
    bars(
      'Backlog by priority',
      d.backlog.byPriority.map((b) => {
        const look = priorityLook(b.label);
        return { label: b.label, n: b.n, glyph: look.glyph, color: look.color };
      }),
      colW,
    ),
    slaBlock(d, colW),
    bars('Technicians: open · ✓ this week', technicianRows(d), colW),
  ];
  const cols = pack(blocks, columns, top);
  const rowsUsed = Math.max(0, ...cols.map((c) => c.length));
  const grid: Line[] = [];
  for (let i = 0; i < rowsUsed; i++) {
    const line: Line = [];
    cols.forEach((c, j) => {
      if (j) line.push({ text: ' '.repeat(GAP) });
      line.push(...fitLine(c[i] ?? [], colW));
    });
    grid.push(line);
  }
  return [head, ...grid, [], ...volume].slice(0, height).map((l) => fitLine(l, width));
}

/** How ticket fields look in the console: symbols that read without colour, colours on top, short ages. */
import { DUE_LOOK, type DueBadge } from '../../domain/sla-badge.js';
import { sanitizeLine } from '../../domain/sanitize.js';
import type { TicketListRow } from '../../store/ticket-list.js';
import { fit } from './text.js';

export interface Look {
  glyph: string;
  color?: string;
  bold?: boolean;
  dim?: boolean;
}

export const PRIORITY_LOOK: Record<string, Look> = {
  urgent: { glyph: '‼', color: 'red', bold: true },
  high: { glyph: '!', color: 'yellow' },
  normal: { glyph: '·' },
  low: { glyph: '↓', dim: true },
};

export const STATUS_LOOK: Record<string, Look & { short: string }> = {
  new: { glyph: '•', short: 'new', color: 'cyan', bold: true },
  open: { glyph: '○', short: 'open', color: 'green' },
  pending: { glyph: '…', short: 'pending', color: 'magenta' },
  on_hold: { glyph: '‖', short: 'on hold', color: 'blue' },
  resolved: { glyph: '✓', short: 'resolved', dim: true },
  closed: { glyph: '✗', short: 'closed', dim: true },
};

const FALLBACK: Look & { short: string } = { glyph: '?', short: '?' };

export function priorityLook(p: string): Look {
  return PRIORITY_LOOK[p] ?? FALLBACK;
}

export function statusLook(s: string): Look & { short: string } {
  return STATUS_LOOK[s] ?? { ...FALLBACK, short: sanitizeLine(s) };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** 45s → `now`, 12m, 5h, 3d, 9w, 2y. */
export function age(ms: number): string {
  const t = Math.max(0, ms);
  if (t < MINUTE) return 'now';
  if (t < HOUR) return `${Math.floor(t / MINUTE)}m`;
  if (t < DAY) return `${Math.floor(t / HOUR)}h`;
  if (t < 14 * DAY) return `${Math.floor(t / DAY)}d`;
  if (t < 365 * DAY) return `${Math.floor(t / (7 * DAY))}w`;
  return `${Math.floor(t / (365 * DAY))}y`;
}

/** `just now`, `5h ago`. */
export function ago(ms: number): string {
  const a = age(ms);
  return a === 'now' ? 'just now' : `${a} ago`;
}

/** `2025-03-04 09:15` in the local zone (TZ decides). */
export function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Column widths of a queue row for a pane `total` cells wide; the title takes what is left. */
export interface RowLayout {
  ref: number;
  status: number;
  /** Time left on the next SLA target: `✓  45m`, `!  12m`, `✗  -2h`. */
  due: number;
  age: number;
  requester: number;
  title: number;
  assignee: number;
  tier: number;
}

/** Columns given up, in this order, when the title would get fewer than TITLE_MIN cells. */
const DROP_ORDER = ['requester', 'status', 'age', 'due'] as const;
const TITLE_MIN = 10;

/** Cells before the title: the three glyphs and the mark, the ref, each other column with its space, the title's space. */
function usedBy(l: Omit<RowLayout, 'title'>): number {
  const { ref, ...others } = l;
  return 4 + ref + Object.values(others).reduce((n, w) => n + (w > 0 ? w + 1 : 0), 0) + 1;
}

/**
 * The columns for a pane `total` cells wide: they always fit in it (a row never wraps), giving up the
 * requester, the status word (its glyph stays), the age and last the due time as the pane narrows.
 */
export function rowLayout(total: number): RowLayout {
  const size = total >= 110 ? 'wide' : total >= 86 ? 'medium' : 'narrow';
  const l = {
    ref: 8,
    status: 8,
    due: 6,
    age: 4,
    requester: size === 'wide' ? 16 : 12,
    assignee: size === 'wide' ? 14 : size === 'medium' ? 12 : 0,
    tier: size === 'narrow' ? 0 : 2,
  };
  for (const column of DROP_ORDER) {
    if (usedBy(l) + TITLE_MIN <= total) break;
    l[column] = 0;
  }
  return { ...l, title: Math.max(1, total - usedBy(l)) };
}

/** Table cells mark a cut with `~` (as tig does): ASCII keeps the row on Ink's fast measuring path. */
const CUT = '~';

/**
 * The cells of a row after its three glyph cells (marker, priority, status), sanitised and fitted,
 * in display order. The glyphs live apart so the rest is usually plain ASCII, which Ink measures
 * on its fast path (measuring a line with any wide-range character segments all of it).
 */
export function rowCells(r: TicketListRow, l: RowLayout, now: number, due: DueBadge | null = null): { key: string; text: string }[] {
  const text: Record<keyof RowLayout, () => string> = {
    ref: () => fit(r.ref, l.ref),
    status: () => fit(statusLook(r.status).short, l.status),
    due: () => dueCell(due, l.due),
    age: () => fit(age(now - r.created_at), l.age, 'right'),
    requester: () => fit(sanitizeLine(r.requester_name) || '-', l.requester, 'left', CUT),
    // A major incident's parent shows its child count first (`+3`), inside the title's own width.
    title: () => fit(`${r.child_count ? `+${r.child_count} ` : ''}${sanitizeLine(r.title)}`, l.title, 'left', CUT),
    assignee: () => fit(sanitizeLine(r.assignee_name) || '-', l.assignee, 'left', CUT),
    tier: () => fit(r.tier, l.tier),
  };
  return COLUMN_ORDER.filter((k) => l[k] > 0).map((key) => ({ key, text: text[key]() }));
}

/** The due cell: the state's symbol (reads without colour), then the time left, right-aligned; blank with no running clock. */
export function dueCell(due: DueBadge | null, size: number): string {
  return due ? fit(`${DUE_LOOK[due.state].glyph}${due.text.padStart(size - 1)}`, size) : ' '.repeat(size);
}

/** The order cells appear in (rowCells follows it). */
export const COLUMN_ORDER: readonly (keyof RowLayout)[] = ['ref', 'status', 'due', 'age', 'requester', 'title', 'assignee', 'tier'];

export const HEADER_LABELS: Record<string, string> = {
  ref: 'REF',
  status: 'STATUS',
  due: '   DUE',
  age: 'AGE',
  requester: 'REQUESTER',
  title: 'TITLE',
  assignee: 'ASSIGNEE',
  tier: 'T',
};

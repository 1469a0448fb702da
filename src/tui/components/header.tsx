/** The top line: view tabs with counts, then the database file and the technician. */
import { Text } from 'ink';
import { useColor } from '../hooks/console-context.js';
import { sanitizeLine } from '../../domain/sanitize.js';
import { truncate, width } from '../text/text.js';
import type { View } from '../state/views.js';

export interface HeaderProps {
  views: readonly View[];
  active: number;
  counts: Record<string, number>;
  dbName: string;
  technician: string;
  columns: number;
  /** Tickets marked for a bulk change (`x`). */
  marked?: number;
  /** My tickets at risk or breached: first on the right, in full or short (`✗2 !3`) as room allows. */
  alert?: { full: string; short: string } | null;
}

/** 987, 1.5k, 15k, 100k, 1.2M: tab counts stay short. */
export function compactCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 10_000) return `${(Math.floor(n / 100) / 10).toFixed(1).replace(/\.0$/, '')}k`;
  if (n < 1_000_000) return `${Math.floor(n / 1000)}k`;
  return `${(Math.floor(n / 100_000) / 10).toFixed(1).replace(/\.0$/, '')}M`;
}

function tabText(v: View, count: number | undefined, style: 'full' | 'short' | 'key'): string {
  const n = count === undefined ? '' : ` ${compactCount(count)}`;
  const name = sanitizeLine(v.name);
  if (style === 'key') return ` ${v.key}${n} `;
  return ` ${v.key} ${style === 'short' ? truncate(name, 7) : name}${n} `;
}

export function Header({ views, active, counts, dbName, technician, columns, marked = 0, alert = null }: HeaderProps) {
  const color = useColor();
  const right = ` ${sanitizeLine(dbName)} · ${sanitizeLine(technician)}`;
  // The count of marked tickets (`x`) is kept in full like the SLA warning: bulk keys act on them.
  const markText = marked ? `*${marked} marked ` : '';
  // Full tab names keep room for the right side; short names (five tabs on 80 columns) win over it,
  // but never over the SLA warning.
  const reserve = (style: 'full' | 'short' | 'key') =>
    width(markText) + (alert ? width(alert.short) + 1 : style === 'full' ? Math.min(width(right), 12) : 0);
  let tabs: string[] = [];
  for (const style of ['full', 'short', 'key'] as const) {
    tabs = views.map((v) => tabText(v, counts[v.key], style));
    if (tabs.reduce((n, t) => n + width(t) + 1, 0) + reserve(style) <= columns) break;
  }
  const used = tabs.reduce((n, t) => n + width(t) + 1, 0);
  const shownMark = truncate(markText, Math.max(0, columns - used));
  const room = Math.max(0, columns - used - width(shownMark));
  const shownAlert = !alert ? '' : width(alert.full) + 1 <= room ? `${alert.full} ` : truncate(`${alert.short} `, room);
  const rightRoom = room - width(shownAlert);
  const shownRight = rightRoom >= 8 ? truncate(right, rightRoom) : '';
  const gap = ' '.repeat(Math.max(0, room - width(shownAlert) - width(shownRight)));
  return (
    <Text wrap="truncate-end">
      {tabs.map((t, i) => (
        <Text key={views[i]!.key} inverse={i === active} bold={i === active}>
          {t}
          <Text inverse={false}> </Text>
        </Text>
      ))}
      {gap}
      {shownMark && <Text bold>{shownMark}</Text>}
      {shownAlert && (
        <Text color={color('red')} bold>
          {shownAlert}
        </Text>
      )}
      <Text dimColor>{shownRight}</Text>
    </Text>
  );
}

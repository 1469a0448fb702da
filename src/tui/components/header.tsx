/** The top line: view tabs with counts, then the database file and the technician (text/header-layout.ts places them). */
import { Text } from 'ink';
import { useMemo } from 'react';
import { useColor } from '../hooks/console-context.js';
import { sanitizeLine } from '../../domain/sanitize.js';
import { headerLayout } from '../text/header-layout.js';
import { tabViews, type View } from '../state/views.js';

export { compactCount } from '../text/header-layout.js';

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

export function Header({ views, active, counts, dbName, technician, columns, marked = 0, alert = null }: HeaderProps) {
  const color = useColor();
  const tabs = useMemo(() => tabViews(views, counts, active), [views, counts, active]);
  const l = useMemo(
    () =>
      headerLayout({
        views: tabs.map(({ view: v }) => ({ key: v.key, name: sanitizeLine(v.name) })),
        counts,
        dbName: sanitizeLine(dbName),
        technician: sanitizeLine(technician),
        columns,
        marked,
        alert,
      }),
    [tabs, counts, dbName, technician, columns, marked, alert],
  );
  return (
    <Text wrap="truncate-end">
      {l.tabs.map((t, i) => (
        <Text key={tabs[i]!.view.key} inverse={tabs[i]!.index === active} bold={tabs[i]!.index === active}>
          {t}
          <Text inverse={false}> </Text>
        </Text>
      ))}
      {' '.repeat(l.gap)}
      {l.mark && <Text bold>{l.mark}</Text>}
      {l.alert && (
        <Text color={color('red')} bold>
          {l.alert}
        </Text>
      )}
      <Text dimColor>{l.right}</Text>
    </Text>
  );
}

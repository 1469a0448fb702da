/**
 * The dashboard (`D`): figures from the report queries, loaded in a worker thread (hooks/use-dashboard)
 * so the console keeps answering keys; a spinner until the first answer, Esc goes back. Laid out by
 * dashboard-layout.ts for the space it is given.
 */
import { Spinner } from '@inkjs/ui';
import { Box, Text } from 'ink';
import { useColor } from '../hooks/console-context.js';
import { useDashboard } from '../hooks/use-dashboard.js';
import { dashboardLines, type Line } from '../text/dashboard-layout.js';

export interface DashboardProps {
  /** The desk's file: the worker opens its own read-only connection to it. */
  path: string;
  version: number;
  now: () => number;
  width: number;
  height: number;
}

export function Dashboard({ path, version, now, width, height }: DashboardProps) {
  const feed = useDashboard(path, true, version, now);
  const color = useColor();
  if (!feed.data) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        {feed.error ? (
          <Text color={color('red')} wrap="truncate-end">{`dashboard: ${feed.error}`}</Text>
        ) : (
          <Spinner label="Loading the dashboard…" />
        )}
      </Box>
    );
  }
  const lines = dashboardLines(feed.data, width, height);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {lines.map((line, i) => (
        <DashboardLine key={i} line={line} />
      ))}
    </Box>
  );
}

function DashboardLine({ line }: { line: Line }) {
  const color = useColor();
  if (line.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {line.map((s, i) => (
        <Text key={i} color={color(s.color)} dimColor={s.dim} bold={s.bold}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
}

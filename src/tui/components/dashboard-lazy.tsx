/** The dashboard, loaded on first use: its charts and @inkjs/ui stay off the console's start-up path. */
import { Text } from 'ink';
import { lazy, Suspense } from 'react';
import type { DashboardProps } from './dashboard.js';

const Dashboard = lazy(async () => ({ default: (await import('./dashboard.js')).Dashboard }));

export function LazyDashboard(props: DashboardProps) {
  return (
    <Suspense fallback={<Text dimColor>Loading the dashboard…</Text>}>
      <Dashboard {...props} />
    </Suspense>
  );
}

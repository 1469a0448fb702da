/**
 * The dashboard's worker thread: its own read-only connection to the desk, so the report queries
 * never block the console's event loop (better-sqlite3 is synchronous). Each request `{ id, now, tz }`
 * is answered with `{ id, ok, data | error }` as plain data. Bundled as dist/dashboard-worker.mjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDesk, type Desk } from '../store/desk.js';
import { loadDashboard } from './hooks/dashboard-data.js';

export interface DashboardRequest {
  id: number;
  now: number;
  tz: string;
}

const port = parentPort;
if (!port) throw new Error('dashboard-worker runs as a worker thread');
const { path } = workerData as { path: string };

let desk: Promise<Desk> | null = null;
port.on('message', async (req: DashboardRequest) => {
  try {
    desk ??= openDesk(path, { readonly: true });
    const data = await loadDashboard((await desk).db, req);
    port.postMessage({ id: req.id, ok: true, data });
  } catch (error) {
    // Start over with a fresh connection next time (the file may have been replaced or migrated).
    void desk?.then((d) => d.close()).catch(() => undefined);
    desk = null;
    port.postMessage({ id: req.id, ok: false, error: (error as Error).message.split('\n')[0] ?? 'error' });
  }
});

/**
 * Feeds the dashboard from its worker thread: a worker starts when the dashboard opens and stops
 * when it closes; a data change while open asks again (one request in flight at a time, the last
 * figures stay on screen meanwhile). From the bundle the worker is dist/dashboard-worker.mjs beside
 * this chunk; from the sources (vitest, tsx) it is the .ts file, run through tsx.
 */
import { useEffect, useRef, useState } from 'react';
import { Worker } from 'node:worker_threads';
import type { DashboardRequest } from '../dashboard-worker.js';
import { dashboardZone, type DashboardData } from './dashboard-data.js';

export interface DashboardFeed {
  data: DashboardData | null;
  error: string | null;
  loading: boolean;
}

type Answer = { id: number; ok: true; data: DashboardData } | { id: number; ok: false; error: string };

interface Channel {
  ask(): void;
}

/**
 * How to start a worker (the dashboard's by default): the bundled .mjs next to this chunk; from the sources, a small bootstrap
 * that registers tsx in the worker first (Node 20 does not apply `--import` hooks to a worker's entry).
 */
export function workerSource(
  here = import.meta.url,
  resolve = (s: string) => import.meta.resolve(s),
  name = 'dashboard-worker',
): { script: string | URL; eval: boolean } {
  if (/\.[cm]js$/.test(here)) return { script: new URL(`./${name}.mjs`, here), eval: false };
  const entry = new URL(`../${name}.ts`, here).href;
  const tsx = resolve('tsx/esm/api');
  return { script: `import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(entry)}))`, eval: true };
}

export function useDashboard(path: string, open: boolean, version: number, now: () => number): DashboardFeed {
  const [feed, setFeed] = useState<DashboardFeed>({ data: null, error: null, loading: false });
  const channel = useRef<Channel | null>(null);

  useEffect(() => {
    if (!open) return;
    const source = workerSource();
    const worker = new Worker(source.script, { workerData: { path }, eval: source.eval });
    worker.unref();
    let alive = true;
    let id = 0;
    let inflight = false;
    let again = false;
    const post = () => {
      const req: DashboardRequest = { id: ++id, now: now(), tz: dashboardZone(process.env) };
      inflight = true;
      again = false;
      setFeed((f) => (f.loading ? f : { ...f, loading: true }));
      worker.postMessage(req);
    };
    channel.current = { ask: () => (inflight ? (again = true) : post()) };
    worker.on('message', (a: Answer) => {
      if (!alive || a.id !== id) return;
      inflight = false;
      setFeed((f) => (a.ok ? { data: a.data, error: null, loading: false } : { data: f.data, error: a.error, loading: false }));
      if (again) post();
    });
    worker.on('error', (error) => {
      if (alive) setFeed((f) => ({ data: f.data, error: `worker: ${error.message.split('\n')[0]}`, loading: false }));
    });
    return () => {
      alive = false;
      channel.current = null;
      void worker.terminate();
    };
  }, [open, path, now]);

  useEffect(() => {
    if (open) channel.current?.ask();
  }, [open, version, path, now]);

  return feed;
}

/**
 * Background sync in the console, for a replica (`deskline sync init`): a worker thread
 * (../sync-worker.ts) pushes and pulls at start, SYNC_SOON_MS after a local write (operations wait),
 * every SYNC_EVERY_MS, and while offline after a growing delay (state/sync-line.ts). One sync in flight; never on the keystroke path. What it pulls shows through the desk's data version
 * like any other process's commit. Open conflicts go to the reducer (`Y` lists them) on every desk.
 */
import { useEffect, useRef, useState, type Dispatch } from 'react';
import { Worker } from 'node:worker_threads';
import { openConflicts, syncStatus } from '../../store/sync/status.js';
import { nextSyncDelay, SYNC_SOON_MS, syncLine, type SyncPhase } from '../state/sync-line.js';
import type { StateAction } from '../state/types.js';
import type { SyncAnswer, SyncRequest } from '../sync-worker.js';
import { useDesk } from './desk-context.js';
import { workerSource } from './use-dashboard.js';
import { useDeskQuery } from './use-desk-query.js';

export function useSync(dispatch: Dispatch<StateAction>, conflicts: number, conflictKey: string, now: number): string {
  const { desk } = useDesk();
  const [phase, setPhase] = useState<SyncPhase>({ kind: 'idle' });
  const [round, setRound] = useState(0);
  // Read again after each sync (its own commits) as well as after every change of the desk's data.
  const status = useDeskQuery(`sync-status:${round}`, (db) => syncStatus(db), { live: true });
  useDeskQuery('sync-conflicts', (db) => openConflicts(db), { live: true, onAnswer: (list) => dispatch({ type: 'conflicts', list }) });
  const soon = useRef<(() => void) | null>(null);
  const replica = Boolean(status);

  useEffect(() => {
    if (!replica) return;
    const source = workerSource(undefined, undefined, 'sync-worker');
    const worker = new Worker(source.script, { workerData: { path: desk.target ?? desk.path }, eval: source.eval });
    worker.unref();
    let alive = true;
    let id = 0;
    let inflight = false;
    let failures = 0;
    let again = false;
    let timer: NodeJS.Timeout | undefined;
    const run = () => {
      if (inflight || !alive) return;
      inflight = true;
      setPhase({ kind: 'syncing' });
      worker.postMessage({ id: ++id } satisfies SyncRequest);
    };
    const after = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(run, ms);
      timer.unref();
    };
    // After a local write: soon, unless the server is not answering (then the backoff's time stands).
    soon.current = () => {
      if (inflight) again = true;
      else if (failures === 0) after(SYNC_SOON_MS);
    };
    worker.on('message', (a: SyncAnswer) => {
      inflight = false;
      if (!alive) return;
      failures = a.ok ? 0 : failures + 1;
      setPhase(a.ok ? { kind: 'ok' } : a.offline ? { kind: 'offline' } : { kind: 'error', error: a.error ?? 'error' });
      setRound((r) => r + 1);
      after(again && a.ok ? SYNC_SOON_MS : nextSyncDelay(failures));
      again = false;
    });
    worker.on('error', (error) => {
      inflight = false;
      failures++;
      if (alive) setPhase({ kind: 'error', error: `worker: ${error.message.split('\n')[0]}` });
    });
    run();
    return () => {
      alive = false;
      soon.current = null;
      clearTimeout(timer);
      void worker.terminate();
    };
  }, [replica, desk.path, desk.target]);

  // Each answer is a fresh object: a second write before the count was read as 0 still asks (the count alone would not move).
  useEffect(() => {
    if (status && status.waiting > 0) soon.current?.();
  }, [status]);

  return syncLine(status, phase, conflicts, conflictKey, now);
}

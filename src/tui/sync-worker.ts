/**
 * The console's background sync, a worker thread: its own connection to the replica and the one to
 * the team's server live here, so a push or pull never holds up a keypress. Each request `{ id }`
 * runs one `deskline sync` (push, then pull) and is answered `{ id, ok, offline, error, … }`: offline
 * when the server cannot be reached or the connection broke (the next request opens it again).
 * Batches are smaller than the CLI's so the replica's write lock is held briefly. Bundled as dist/sync-worker.mjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EXIT, isDesklineError } from '../errors.js';
import { openDesk, type Desk } from '../store/desk.js';
import { syncNow } from '../store/sync/replica.js';
import { syncStatus } from '../store/sync/status.js';

export interface SyncRequest {
  id: number;
}

export interface SyncAnswer {
  id: number;
  ok: boolean;
  /** The server did not answer (or stopped answering): try again later. */
  offline: boolean;
  pushed: number;
  pulled: number;
  conflicts: number;
  /** What went wrong, one line. */
  error: string | null;
}

// A pull batch holds the replica's write lock while applied (200 notes: 0.8–2.5 s at load ~13 on 2 cores): small batches.
const BATCH = { push: 200, pull: 50 };
const port = parentPort;
if (!port) throw new Error('sync-worker runs as a worker thread');
const { path } = workerData as { path: string };

let local: Promise<Desk> | null = null;
let server: Promise<Desk> | null = null;

const line = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'error';

/** During a sync: a refusal from our own checks is an error (counts that disagree: a broken link); anything else a broken link. */
const isOffline = (error: unknown) => !isDesklineError(error) || error.exitCode === EXIT.delivery;

port.on('message', async (req: SyncRequest) => {
  const answer: SyncAnswer = { id: req.id, ok: false, offline: false, pushed: 0, pulled: 0, conflicts: 0, error: null };
  try {
    local ??= openDesk(path);
    const { db } = await local;
    const state = await syncStatus(db);
    if (!state) throw new Error('this desk is not a replica');
    let opened = false;
    try {
      server ??= openDesk(state.server);
      const remote = await server;
      opened = true;
      const done = await syncNow(db, remote.db, undefined, BATCH);
      Object.assign(answer, { ok: true, pushed: done.pushed, pulled: done.pulled, conflicts: done.conflicts });
    } catch (error) {
      const broken = server;
      server = null;
      void broken?.then((d) => d.close()).catch(() => undefined);
      // Not opening at all (refused, unreachable, login) is offline, as `deskline sync` says it.
      throw Object.assign(new Error(line(error)), { offline: !opened || isOffline(error) });
    }
  } catch (error) {
    answer.offline = (error as { offline?: boolean }).offline === true;
    answer.error = line(error);
  }
  port.postMessage(answer);
});

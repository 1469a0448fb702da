/**
 * "Something changed on the desk": the one interface the console's live refresh uses, whatever the
 * dialect. SQLite: `PRAGMA data_version` polled (./data-version.ts; it moves only for other
 * connections' commits, so refresh explicitly after the console's own writes). PostgreSQL:
 * LISTEN/NOTIFY on a dedicated connection (./notify-pg.ts), no polling of the server.
 */
import type pg from 'pg';
import { dialectOf } from '../db/dialect.js';
import { dataVersion } from './data-version.js';
import type { Desk } from './desk.js';
import { listenPg, type ListenStatus } from './notify-pg.js';

export interface WatchOptions {
  /** SQLite: how often data_version is read (ms). */
  pollMs?: number;
  /** PostgreSQL: how to open the listening connection (default: the desk's URL, which `pg` completes from PG* variables and ~/.pgpass). */
  connection?: pg.ClientConfig;
  /** PostgreSQL: the listening connection was lost or is back. */
  onStatus?: (status: ListenStatus, error?: Error) => void;
}

export interface ChangeWatch {
  /** Resolves once changes are being watched. */
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

/** Calls `onChange` after another connection commits a change (PostgreSQL: with `<table>:<id>`, or `*`). */
export function watchChanges(desk: Desk, onChange: (what: string) => void, options: WatchOptions = {}): ChangeWatch {
  if (dialectOf(desk.db) === 'postgres') {
    const listener = listenPg(options.connection ?? { connectionString: desk.path }, onChange, { onStatus: options.onStatus });
    return { ready: listener.ready, stop: () => listener.stop() };
  }
  return pollDataVersion(desk, onChange, options.pollMs ?? 500);
}

function pollDataVersion(desk: Desk, onChange: (what: string) => void, pollMs: number): ChangeWatch {
  let last: number | null = null;
  let busy = false;
  let alive = true;
  const poll = async () => {
    if (busy || !alive) return;
    busy = true;
    try {
      const v = await dataVersion(desk.db);
      if (alive && last !== null && v !== last) onChange('*');
      last = v;
    } catch {
      // the database went away (closing): the next tick tries again, stop() ends it
    } finally {
      busy = false;
    }
  };
  const ready = poll();
  const timer = setInterval(() => void poll(), pollMs);
  return {
    ready,
    async stop() {
      alive = false;
      clearInterval(timer);
    },
  };
}

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
import type { ListenStatus, PgListener } from './notify-pg.js';

/** The listening connection's application_name (pg_stat_activity shows it). */
export const LISTEN_NAME = 'deskline-listen';

export interface WatchOptions {
  /** SQLite: how often data_version is read (ms). */
  pollMs?: number;
  /** PostgreSQL: how to open the listening connection (default: as the desk's pool connects, named LISTEN_NAME). */
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
    const connection = options.connection ?? {
      ...(desk.server ?? { connectionString: desk.target ?? desk.path }),
      application_name: LISTEN_NAME,
    };
    return listenLazily(connection, onChange, options.onStatus);
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

/** pg is loaded only for a server desk: an SQLite console never pays for it. */
function listenLazily(connection: pg.ClientConfig, onChange: (what: string) => void, onStatus: WatchOptions['onStatus']): ChangeWatch {
  let stopped = false;
  const loaded = import('./notify-pg.js').then(({ listenPg }) => (stopped ? null : listenPg(connection, onChange, { onStatus })));
  return {
    ready: loaded.then((listener: PgListener | null) => listener?.ready),
    async stop() {
      stopped = true;
      await (await loaded)?.stop();
    },
  };
}

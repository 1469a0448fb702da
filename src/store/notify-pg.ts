/**
 * Change notification on PostgreSQL: one dedicated client (never a pooled one: a LISTEN lives on its
 * connection) that LISTENs on `deskline_changes`, which the baseline's triggers notify at every
 * commit (src/db/pg/migrations/baseline/notify.ts: `<table>:<id>`, or `<table>:*` for many rows).
 * A lost connection is reported and retried with backoff (0.25 s doubling to 10 s); after it comes
 * back, `*` is delivered once, since changes made meanwhile were not heard.
 */
import pg from 'pg';

export const CHANGES_CHANNEL = 'deskline_changes';

export type ListenStatus = 'connected' | 'lost';

export interface PgListenOptions {
  /** Connection state, for a banner ("reconnecting…") in the console. */
  onStatus?: (status: ListenStatus, error?: Error) => void;
  /** First and longest wait before reconnecting (ms). */
  backoff?: { first: number; max: number };
}

export interface PgListener {
  /** Resolves once the first LISTEN is in place. */
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

export function listenPg(config: pg.ClientConfig, onChange: (payload: string) => void, options: PgListenOptions = {}): PgListener {
  const { first, max } = options.backoff ?? { first: 250, max: 10_000 };
  let client: pg.Client | null = null;
  let stopped = false;
  let wait = first;
  let timer: NodeJS.Timeout | null = null;
  let connectedOnce = false;
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));

  const lost = (error: Error) => {
    if (stopped || client === null) return;
    const dead = client;
    client = null;
    dead.removeAllListeners();
    dead.on('error', () => undefined);
    void dead.end().catch(() => undefined);
    options.onStatus?.('lost', error);
    timer = setTimeout(() => void connect(), wait);
    wait = Math.min(max, wait * 2);
  };

  const connect = async () => {
    timer = null;
    if (stopped) return;
    const next = new pg.Client(config);
    client = next;
    next.on('notification', (n) => {
      if (n.channel === CHANGES_CHANNEL) onChange(n.payload ?? '*');
    });
    next.on('error', (e) => lost(e));
    next.on('end', () => lost(new Error('connection closed')));
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (e) {
      if (client === next) lost(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    if (stopped) return;
    wait = first;
    options.onStatus?.('connected');
    if (connectedOnce) onChange('*');
    connectedOnce = true;
    resolveReady();
  };

  void connect();
  return {
    ready,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const last = client;
      client = null;
      if (last) {
        last.removeAllListeners();
        last.on('error', () => undefined);
        await last.end().catch(() => undefined);
      }
    },
  };
}

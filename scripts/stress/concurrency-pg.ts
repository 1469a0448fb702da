/**
 * The concurrency stress against a PostgreSQL server (`npm run stress -- --pg [URL]`): a database
 * of its own (from template0, dropped after), N worker processes × M mixed operations through the
 * store (./worker.ts, as on a file), then what was acknowledged and is missing, how many
 * serialisation failures or deadlocks reached a caller, and the integrity queries: `db check`'s
 * (schema version, audit chain), every ticket acknowledged once, and each hot ticket's counter
 * against its audit trail (one title event per acknowledged increment, no value written twice).
 */
import pg from 'pg';
import { openDesk } from '../../src/store/desk.js';
import { checkServerDesk } from '../../src/store/desk-server.js';
import { runWorker, type ConcurrencyFigures } from './concurrency.js';
import { tempServer } from './pg-database.js';

export const PG_SERVER = process.env.DESKLINE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface PgConcurrencyFigures extends ConcurrencyFigures {
  /** Integrity queries that found something (empty: clean). */
  integrity: string[];
  tickets: number;
  seconds: number;
}

export async function concurrencyPg(worker: string, server: string, processes: number, ops: number): Promise<PgConcurrencyFigures> {
  const { url, drop } = await tempServer(server, `deskline_stress_${process.pid}`);
  try {
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: processes }, (_, w) => runWorker(worker, ['mixed', url, String(w + 1), String(ops), '-'])),
    );
    const seconds = (performance.now() - started) / 1000;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    let figures: Omit<PgConcurrencyFigures, 'integrity' | 'seconds' | 'processes' | 'operations' | 'busy' | 'busyWhere' | 'otherErrors'>;
    const integrity: string[] = [];
    try {
      const col = async <T>(q: string): Promise<T[]> => (await client.query(q)).rows.map((r) => Object.values(r)[0] as T);
      const ext = new Set(await col<string>('SELECT external_id FROM tickets WHERE external_id IS NOT NULL'));
      const notes = new Set((await col<string>("SELECT id FROM interactions WHERE kind = 'note'")).map(Number));
      const hot = (await client.query("SELECT id, title FROM tickets WHERE external_id LIKE 'hot-%' ORDER BY external_id")).rows as {
        id: string;
        title: string;
      }[];
      const acked = hot.map((_, k) => results.reduce((n, r) => n + r.hot[k]!, 0));
      const lostUpdates = hot.reduce((sum, t, k) => sum + Math.abs(acked[k]! - Number(t.title.split(' ')[2])), 0);
      const created = results.flatMap((r) => r.created);
      const lostWrites =
        created.filter((e) => !ext.has(e)).length + results.flatMap((r) => r.comments).filter((id) => !notes.has(id)).length;
      const tickets = Number((await col<string>('SELECT count(*) FROM tickets'))[0]);
      if (tickets !== new Set(created).size + hot.length)
        integrity.push(`${tickets} tickets for ${new Set(created).size + hot.length} acknowledged`);
      for (const [k, t] of hot.entries()) {
        const events = await client.query(
          "SELECT count(*) AS n, count(DISTINCT new_value) AS d FROM audit_events WHERE ticket_id = $1 AND field = 'title'",
          [t.id],
        );
        const { n, d } = events.rows[0] as { n: string; d: string };
        if (Number(n) !== acked[k] || Number(d) !== acked[k])
          integrity.push(`hot ${k}: ${acked[k]} increments, ${n} title events, ${d} distinct`);
      }
      figures = { lostUpdates, lostWrites, tickets };
    } finally {
      await client.end();
    }
    const desk = await openDesk(url);
    try {
      integrity.push(...(await checkServerDesk(desk)).audit);
    } finally {
      await desk.close();
    }
    return {
      processes,
      operations: processes * ops,
      ...figures,
      busy: results.reduce((n, r) => n + r.busy, 0),
      busyWhere: results.flatMap((r) => r.busyWhere),
      otherErrors: results.flatMap((r) => r.errors),
      integrity,
      seconds,
    };
  } finally {
    await drop();
  }
}

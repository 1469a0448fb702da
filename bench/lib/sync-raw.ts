/**
 * The raw baselines of the sync bench (bench/scenarios/sync.ts), on a bare pg.Client and a bare
 * better-sqlite3 connection, timed in the same run:
 * - insert: the pushed ticket rows as multi-row INSERTs of 500 into a TEMP table (LIKE tickets: no
 *   triggers, no indexes, no WAL): the issue's baseline;
 * - floor: the same INSERTs into the server's own `tickets`, one transaction per 500 as push commits,
 *   every trigger on (summaries, change sequence, triage queue, search index, notify): what any
 *   writer of those rows pays on that server, so the ceiling of push's ratio against `insert`;
 * - bare: the same INSERTs into a plain copy of the server's tickets (LIKE tickets INCLUDING ALL: its
 *   18 indexes, defaults and checks, no triggers, no foreign keys): what the table itself costs, the
 *   floor under `floor` that no trigger work can go below;
 * - select: the log read back in pages of 1,000 (the pull's baseline);
 * - pullFloor: that read plus the same ticket rows inserted into an empty desk file with prepared
 *   statements, its triggers on (FTS, word index, summaries): the least a replica's pull can cost.
 */
import Database from 'better-sqlite3';
import pg from 'pg';

async function insertTickets(c: pg.Client, table: string, rows: number, tag: string): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < rows; i += 500) {
    const n = Math.min(500, rows - i);
    const values = Array.from(
      { length: n },
      (_, k) => `($${k * 3 + 1}, '', 'new', 'normal', 2, 'general', 'cli', $${k * 3 + 2}, $${k * 3 + 3})`,
    );
    const params = Array.from({ length: n }, (_, k) => [`${tag} ${i + k}`, Date.now(), Date.now()]).flat();
    await c.query('BEGIN');
    await c.query(
      `INSERT INTO ${table} (title, description, status, priority, priority_rank, category, channel, created_at, updated_at) VALUES ${values.join(',')}`,
      params,
    );
    await c.query('COMMIT');
  }
  return performance.now() - t0;
}

/** The log's create payloads into the desk file `file` (migrated, empty), timed. */
function insertIntoDesk(file: string, logged: readonly { payload: string; ticket_id: string | number }[]): number {
  const desk = new Database(file);
  try {
    const t0 = performance.now();
    const rows = logged.map((l) => ({ ...(JSON.parse(l.payload) as { row: Record<string, unknown> }).row, id: Number(l.ticket_id) }));
    const cols = Object.keys(rows[0]!);
    const insert = desk.prepare(`INSERT INTO tickets (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
    for (let i = 0; i < rows.length; i += 1000) desk.transaction(() => rows.slice(i, i + 1000).forEach((r) => insert.run(r)))();
    return performance.now() - t0;
  } finally {
    desk.close();
  }
}

export async function rawSyncFigures(url: string, rows: number, emptyDesk: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('CREATE TEMP TABLE raw_tickets (LIKE tickets INCLUDING DEFAULTS INCLUDING IDENTITY)');
    const insertMs = await insertTickets(c, 'raw_tickets', rows, 'offline');
    const t1 = performance.now();
    const logged: { payload: string; ticket_id: string }[] = [];
    for (let after = 0; ;) {
      const r = await c.query('SELECT * FROM sync_ops WHERE seq > $1 ORDER BY seq LIMIT 1000', [after]);
      logged.push(...r.rows);
      if (r.rows.length < 1000) break;
      after = Number(r.rows[r.rows.length - 1].seq);
    }
    const selectMs = performance.now() - t1;
    const deskMs = insertIntoDesk(emptyDesk, logged);
    const floorMs = await insertTickets(c, 'tickets', rows, 'raw floor');
    await c.query('CREATE TABLE bench_bare_tickets (LIKE tickets INCLUDING ALL)');
    const bareMs = await insertTickets(c, 'bench_bare_tickets', rows, 'raw floor');
    await c.query('DROP TABLE bench_bare_tickets');
    return { insertMs, floorMs, bareMs, selectMs, pullFloorMs: selectMs + deskMs, read: logged.length };
  } finally {
    await c.end();
  }
}

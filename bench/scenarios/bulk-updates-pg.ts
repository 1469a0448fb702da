/**
 * bulk-updates-pg (issue 21): one transaction of N single-ticket updates on a PostgreSQL desk, the
 * way a bulk command or a sync batch writes, at N = 3,000 and 12,000 (1,000 and 4,000 with --quick),
 * against the same statements on a bare copy of the tickets table (same columns and indexes, no
 * triggers) through raw `pg`, in the same run (a server-side loop of UPDATE statements in both). The ratio is what the desk's triggers cost per row;
 * it must not grow with N (before migration 020 the change-number trigger made it N²: measured at
 * load 11 on 2 cores, 2.5× at 3,000 and 3.5× at 12,000; after, 1.2× at both). Twice: updates of a
 * column nothing counts, and status changes, which the report summaries count (before migration 022,
 * at load 1.7: 2.8× at 3,000 and 7.4× at 12,000; after, at load 5.3: 1.3× and 1.5×). In process: no process start is timed.
 * The server is DESKLINE_BENCH_PG (a URL whose database part is ignored), else 127.0.0.1:5432 as postgres.
 */
import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PG_MIGRATIONS } from '../../src/db/pg/migrations/index.js';
import { onClient, PG_BENCH_SERVER } from '../lib/scale-pg-desk.js';
import type { Measurement, Scenario } from '../lib/scenario.js';

const SERVER = PG_BENCH_SERVER;
const BARE = 'bare_tickets';

/** A desk at the latest schema with `tickets` tickets, and a trigger-less copy of them; dropped by `drop`. */
async function desk(tickets: number): Promise<{ url: string; drop(): Promise<unknown> }> {
  const name = `deskline_bench_${randomBytes(4).toString('hex')}`;
  await onClient(SERVER, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`));
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 1 }) }) });
  await db.transaction().execute(async (trx) => {
    for (const m of PG_MIGRATIONS) await m.up(trx);
  });
  await db.destroy();
  await onClient(url.toString(), async (c) => {
    await c.query(
      `INSERT INTO tickets (title, status, priority, priority_rank, category, channel, created_at, updated_at)
      SELECT 'ticket ' || g, 'open', 'normal', 3, 'general', 'email', g, g FROM generate_series(1, $1::int) AS g`,
      [tickets],
    );
    await c.query(`CREATE TABLE ${BARE} (LIKE tickets INCLUDING DEFAULTS INCLUDING INDEXES)`);
    await c.query(`INSERT INTO ${BARE} SELECT * FROM tickets`);
    await c.query('VACUUM ANALYZE');
  });
  return { url: url.toString(), drop: () => onClient(SERVER, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}

/**
 * ms for one transaction of `n` updates of `table`, one statement per ticket, looped on the server so
 * that round trips (noise on a loaded machine) do not hide what the server does per row.
 */
async function updates(client: pg.Client, table: string, n: number, round: number, change: Change): Promise<number> {
  const started = performance.now();
  await client.query(`DO $$ BEGIN
    FOR i IN 1..${n} LOOP UPDATE ${table} SET ${change.set(round)} WHERE id = i; END LOOP;
  END $$`);
  return performance.now() - started;
}

/** What each update changes: a plain column, or the status the report summaries count (issue 21). */
interface Change {
  what: string;
  set(round: number): string;
}
const CHANGES: readonly Change[] = [
  { what: 'ticket updates', set: (round) => `updated_at = ${round * 1e6} + i` },
  { what: 'status changes', set: (round) => `status = '${round % 2 ? 'pending' : 'open'}', updated_at = ${round * 1e6} + i` },
];

const bulkUpdatesPg: Scenario = {
  name: 'bulk-updates-pg',
  async run({ quick }) {
    const sizes = quick ? [1_000, 4_000] : [3_000, 12_000];
    const made = await desk(sizes.at(-1)!);
    const out: Measurement[] = [];
    try {
      await onClient(made.url, async (client) => {
        for (const change of CHANGES)
          for (const n of sizes) {
            const ours: number[] = [];
            const raw: number[] = [];
            for (let round = 1; round <= (quick ? 2 : 4); round++) {
              ours.push(await updates(client, 'tickets', n, round, change));
              raw.push(await updates(client, BARE, n, round, change));
            }
            out.push({
              label: `${n.toLocaleString('en-US')} ${change.what} in one transaction (PostgreSQL, the desk's triggers)`,
              unit: 'ms',
              samples: ours,
              baseline: { label: 'the same updates on a bare copy of tickets, raw pg', samples: raw },
              target: { op: '<=', value: 1.5 },
            });
          }
      });
    } finally {
      await made.drop();
    }
    return out;
  },
};

export default bulkUpdatesPg;

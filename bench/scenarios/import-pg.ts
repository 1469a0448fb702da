/**
 * Moving in on PostgreSQL (issue 21), against a baseline in the same run, every process started without
 * NODE_EXTRA_CA_CERTS (DESIGN.md §6):
 * - import-jsonl-pg: `deskline import jsonl` of a 100k-ticket export (10k with --quick, from an SQLite demo
 *   desk) into an empty PostgreSQL desk vs bench/raw/import-jsonl-pg.cjs writing the same rows with raw `pg`
 *   multi-row inserts. Rows/s. Both fill the same search data (the schema's triggers), so the ratio is what
 *   the import's checks, id mapping, audit chain and row-at-a-time statements cost.
 * The server is DESKLINE_BENCH_PG (a URL whose database part is ignored), else 127.0.0.1:5432 as postgres.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { BIN, benchDesk, type BenchDesk } from '../lib/env.js';
import type { Scenario } from '../lib/scenario.js';

const RAW = fileURLToPath(new URL('../raw/', import.meta.url));
const SERVER = process.env.DESKLINE_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function run(env: NodeJS.ProcessEnv, argv: string[]): number {
  const { NODE_EXTRA_CA_CERTS: _ca, ...clean } = { ...process.env, ...env };
  const started = performance.now();
  const r = spawnSync(process.execPath, argv, { env: clean, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${argv.slice(1).join(' ')}: exit ${r.status}: ${r.stderr.slice(0, 300)}`);
  return ms;
}

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** An empty PostgreSQL desk, migrated by a first command; dropped by `drop`. */
async function pgDesk(home: BenchDesk): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `deskline_bench_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  run({ ...home.env, DESKLINE_DB: url.toString() }, [BIN, 'ticket', 'list', '-n', '1']);
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export const importJsonlPg: Scenario = {
  name: 'import-jsonl-pg',
  async run({ quick }) {
    const tickets = quick ? 10_000 : 100_000;
    const source = benchDesk('deskline-bench-import-pg-');
    run(source.env, [BIN, 'demo', 'seed', '--tickets', String(tickets)]);
    const file = join(source.dir, 'desk.jsonl');
    run(source.env, [BIN, 'export', 'jsonl', '--out', file]);
    const rows = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{"table"')).length;
    const ours: number[] = [];
    const raw: number[] = [];
    try {
      for (let i = 0; i < (quick ? 1 : 2); i++) {
        const a = await pgDesk(source);
        ours.push(rows / (run({ ...source.env, DESKLINE_DB: a.url }, [BIN, 'import', 'jsonl', file]) / 1000));
        await a.drop();
        const b = await pgDesk(source);
        raw.push(rows / (run(source.env, [join(RAW, 'import-jsonl-pg.cjs'), b.url, file]) / 1000));
        await b.drop();
      }
    } finally {
      source.dispose();
    }
    return [
      {
        label: `import jsonl on PostgreSQL, ${tickets.toLocaleString('en-US')} tickets (${rows.toLocaleString('en-US')} rows)`,
        unit: 'rows/s',
        samples: ours,
        baseline: { label: 'raw pg multi-row inserts of the same rows', samples: raw },
        target: { op: '>=', value: 0.5 },
      },
    ];
  },
};

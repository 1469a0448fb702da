/**
 * `db migrate --from-sqlite` (issue 21): a seeded demo desk (100k tickets, 10k with --quick) moved
 * onto a fresh PostgreSQL database vs bench/raw/pg-insert-rows.cjs writing the same rows with raw
 * `pg` (triggers and foreign keys off as a superuser, no checks, no search data) into another fresh
 * one, both already through `db init` (untimed), alternated, processes without NODE_EXTRA_CA_CERTS.
 * Rows/s over the whole process; the move's own split (copy vs search/index rebuild) as extras.
 * The server is DESKLINE_TEST_PG or 127.0.0.1:5432 (trust), as for the tests.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { BIN, benchDesk, type BenchDesk } from '../lib/env.js';
import type { Scenario } from '../lib/scenario.js';

const RAW = fileURLToPath(new URL('../raw/', import.meta.url));
const SERVER = process.env.DESKLINE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function run(desk: BenchDesk, argv: string[]): { ms: number; stdout: string } {
  const { NODE_EXTRA_CA_CERTS: _ca, ...env } = { ...process.env, ...desk.env };
  const started = performance.now();
  const r = spawnSync(process.execPath, argv, { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${argv.slice(1).join(' ')}: exit ${r.status}: ${r.stderr.slice(0, 300)}`);
  return { ms, stdout: r.stdout };
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh database through `db init`; returns its URL and a drop. */
async function freshServerDesk(desk: BenchDesk): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `deskline_bench_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  run(desk, [BIN, '--db', url.toString(), 'db', 'init']);
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export const pgMigrate: Scenario = {
  name: 'pg-migrate',
  async run({ quick }) {
    const tickets = quick ? 10_000 : 100_000;
    const desk = benchDesk('deskline-bench-pg-migrate-');
    const ours: number[] = [];
    const raw: number[] = [];
    const split = { copy: 0, rebuild: 0 };
    let rows = 0;
    try {
      run(desk, [BIN, 'demo', 'seed', '--tickets', String(tickets)]);
      const file = desk.env.DESKLINE_DB;
      for (let i = 0; i < (quick ? 1 : 2); i++) {
        const a = await freshServerDesk(desk);
        const moved = run(desk, [BIN, '--db', a.url, 'db', 'migrate', '--from-sqlite', file, '--json']);
        const summary = JSON.parse(moved.stdout) as { rows: number; phases: { copy: number; rebuild: number } };
        rows = summary.rows;
        ours.push(rows / (moved.ms / 1000));
        split.copy += summary.phases.copy;
        split.rebuild += summary.phases.rebuild;
        await a.drop();
        const b = await freshServerDesk(desk);
        const plain = run(desk, [join(RAW, 'pg-insert-rows.cjs'), b.url, file]);
        if (Number(plain.stdout.trim()) !== rows) throw new Error(`raw baseline wrote ${plain.stdout.trim()} rows, the move ${rows}`);
        raw.push(rows / (plain.ms / 1000));
        await b.drop();
      }
    } finally {
      desk.dispose();
    }
    return [
      {
        label: `db migrate --from-sqlite, ${tickets.toLocaleString('en-US')} tickets (${rows.toLocaleString('en-US')} rows)`,
        unit: 'rows/s',
        samples: ours,
        baseline: { label: 'raw pg multi-row inserts of the same rows (no checks, no search data)', samples: raw },
        target: { op: '>=', value: 0.5 },
        extra: {
          'copy ms (mean)': Math.round(split.copy / ours.length),
          'search + indexes + keys ms (mean)': Math.round(split.rebuild / ours.length),
        },
      },
    ];
  },
};

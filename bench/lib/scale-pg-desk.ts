/**
 * The scale desks on PostgreSQL (`npm run bench -- --scale 1m scale-pg`): the same demo rows as the
 * cached SQLite desk of that size (bench/lib/scale-desks.ts), copied into a database of the bench's
 * own on the server (deskline_bench_<size>_schema<N>, kept for later runs like the SQLite cache and
 * marked 'seeded' once done). The schema comes from `openDesk` (the migrations); rows go in as
 * multi-row inserts of 5,000 (json_populate_recordset), with the ticket triggers on (summaries,
 * change sequence, triage queue, notifications) except the per-row search index, which is built
 * after in one statement with the same expression. Timelines (interactions) and the audit trail are
 * not copied: none of the timed queries reads them. The KB comes in through `deskline kb import`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { PG_LATEST_VERSION } from '../../src/db/pg/migrations/index.js';
import { openDesk } from '../../src/store/desk.js';
import { deskline, type BenchEnv } from './env.js';

export const PG_BENCH_SERVER = process.env.DESKLINE_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TABLES = ['technicians', 'requesters', 'groups', 'group_members', 'tags', 'tickets', 'ticket_tags'] as const;
const BATCH = 5000;
const KB = fileURLToPath(new URL('../../fixtures/kb', import.meta.url));

export const withDatabase = (server: string, name: string) => {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
};

/** Runs `fn` on a client of its own, ended after. */
export async function onClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const doc = (text: string, weight: string) => `setweight(to_tsvector('deskline', deskline_tokens(${text})), '${weight}')`;

async function copyTable(sqlite: Database.Database, client: pg.Client, table: string, log: (s: string) => void): Promise<void> {
  const theirs = (
    await client.query(`SELECT column_name AS c FROM information_schema.columns WHERE table_name = $1 AND is_generated = 'NEVER'`, [table])
  ).rows.map((r: { c: string }) => r.c);
  const cols = (sqlite.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name).filter((c) => theirs.includes(c));
  const list = cols.join(', ');
  const insert = `INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(null::${table}, $1) ON CONFLICT DO NOTHING`;
  let batch: unknown[] = [];
  let n = 0;
  const flush = async () => {
    await client.query(insert, [JSON.stringify(batch)]);
    n += batch.length;
    batch = [];
    if (n % 100_000 < BATCH) log(`${table}: ${n}`);
  };
  for (const row of sqlite.prepare(`SELECT ${list} FROM ${table}`).iterate()) {
    batch.push(row);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length) await flush();
  if (cols.includes('id')) await client.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
}

/** The URL of the PostgreSQL desk holding the rows of `sqliteFile` (seeded first when there is none). */
export async function scalePgDesk(label: string, sqliteFile: string, env: BenchEnv, log: (s: string) => void): Promise<string> {
  const name = `deskline_bench_${label}_schema${PG_LATEST_VERSION}`;
  const url = withDatabase(PG_BENCH_SERVER, name);
  const admin = withDatabase(PG_BENCH_SERVER, 'postgres');
  const mark = `SELECT shobj_description(oid, 'pg_database') AS c FROM pg_database WHERE datname = $1`;
  if ((await onClient(admin, (c) => c.query(mark, [name]))).rows[0]?.c === 'seeded') return url;
  log(`seeding ${label} tickets into ${name} on the server (kept for later runs) …`);
  await onClient(admin, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  });
  await (await openDesk(url)).close();
  const sqlite = new Database(sqliteFile, { readonly: true });
  try {
    await onClient(url, async (c) => {
      await c.query('ALTER TABLE tickets DISABLE TRIGGER tickets_search_insert');
      for (const table of TABLES) await copyTable(sqlite, c, table, log);
      await c.query('ALTER TABLE tickets ENABLE TRIGGER tickets_search_insert');
      log('ticket_search: one statement');
      await c.query(`INSERT INTO ticket_search (ticket_id, doc) SELECT id, ${doc('title', 'A')} || ${doc('description', 'B')} FROM tickets
        ON CONFLICT (ticket_id) DO UPDATE SET doc = excluded.doc`);
      await c.query(`INSERT INTO ticket_words (word) SELECT DISTINCT w FROM ticket_search, unnest(tsvector_to_array(doc)) AS w
        WHERE length(w) >= 3 AND w !~ '^[0-9]+$' ON CONFLICT DO NOTHING`);
      await c.query('VACUUM ANALYZE');
    });
  } finally {
    sqlite.close();
  }
  const [node, ...args] = deskline('kb', 'import', KB);
  const kb = spawnSync(node, args, { env: { ...env, DESKLINE_DB: url }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (kb.status !== 0) throw new Error(`kb import on ${name} failed (exit ${kb.status ?? kb.signal})`);
  await onClient(admin, (c) => c.query(`COMMENT ON DATABASE ${name} IS 'seeded'`));
  return url;
}

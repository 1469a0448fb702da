/**
 * The environment of a CLI test whose desk follows the test switch: `tempEnv()` with DESKLINE_DB an
 * SQLite file, or with DESKLINE_TEST_DIALECT=postgres (npm run test:pg) a fresh database on the test
 * server (dropped after the test; the first command migrates it). Its rows are read with `deskRows`
 * and compared whole with `deskSnapshot`, on either dialect.
 */
import pg from 'pg';
import { openDesk } from '../../src/store/desk.js';
import { snapshot } from './db-snapshot.js';
import { tempPgDatabase } from './pg.js';
import { dbRows, TEST_DIALECT, tempEnv } from './temp.js';

const isPg = (env: Record<string, string>) => /^postgres(ql)?:\/\//.test(env.DESKLINE_DB ?? '');

export async function deskEnv(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  if (TEST_DIALECT !== 'postgres') return tempEnv(extra);
  return tempEnv({ DESKLINE_DB: await tempPgDatabase(), ...extra });
}

/** A PostgreSQL test desk's env, whatever the switch says. */
export async function pgDeskEnv(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  return tempEnv({ DESKLINE_DB: await tempPgDatabase(), ...extra });
}

/** Reads the env's PostgreSQL desk (opened once first, as dbRows opens an SQLite one: a desk no command made yet is migrated). */
async function pgQuery<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  await (await openDesk(url)).close();
  const client = new pg.Client({ connectionString: url });
  // As the desk reads them (src/db/pg/types.ts): int8 and numeric as numbers.
  client.setTypeParser(20, Number);
  client.setTypeParser(1700, Number);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Rows of one query (written to run on both dialects) against the env's desk. */
export async function deskRows(env: Record<string, string>, query: string): Promise<unknown[]> {
  if (!isPg(env)) return dbRows(env, query);
  return pgQuery(env.DESKLINE_DB!, async (c) => (await c.query(query)).rows);
}

/** Every table's rows, sorted (and the schema version): equal when nothing was written. */
export async function deskSnapshot(env: Record<string, string>): Promise<string> {
  if (!isPg(env)) return snapshot(env.DESKLINE_DB!);
  return pgQuery(env.DESKLINE_DB!, async (c) => {
    const tables = await c.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
    );
    const dump: unknown[] = [];
    for (const { name } of tables.rows) {
      const rows = await c.query(`SELECT * FROM "${name}"`);
      dump.push([name, rows.rows.map((r) => JSON.stringify(r)).sort()]);
    }
    return JSON.stringify(dump);
  });
}

/** The PostgreSQL migration runner against the real server: one transaction, the advisory lock, refusals. */
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Migration } from '../../../src/db/migrations/index.js';
import { openPgDatabase } from '../../../src/db/pg/open.js';
import { isDesklineError } from '../../../src/errors.js';
import { tempPgDatabase } from '../../helpers/pg.js';

/** Two small migrations; the first logs each run, so a second run would show. */
const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: '001-things',
    up: async (db: Kysely<unknown>) => {
      await sql`CREATE TABLE things (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL)`.execute(db);
      await sql`CREATE TABLE runs (migration text NOT NULL, at timestamptz NOT NULL DEFAULT now())`.execute(db);
      await sql`INSERT INTO runs (migration) VALUES ('001')`.execute(db);
      await sql`SELECT pg_sleep(0.3)`.execute(db); // long enough for a second opener to arrive
    },
  },
  {
    version: 2,
    name: '002-more',
    up: async (db: Kysely<unknown>) => {
      await sql`ALTER TABLE things ADD COLUMN tier text NOT NULL DEFAULT 'L1'`.execute(db);
      await sql`INSERT INTO runs (migration) VALUES ('002')`.execute(db);
    },
  },
];

async function query<T>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

async function failure(run: Promise<unknown>): Promise<{ exitCode: number; message: string }> {
  try {
    await run;
  } catch (error) {
    if (isDesklineError(error)) return { exitCode: error.exitCode, message: error.message };
    throw error;
  }
  throw new Error('expected a failure');
}

describe('PostgreSQL migrations', () => {
  it('creates the schema in an empty database and stamps its version', async () => {
    const url = await tempPgDatabase();
    const opened = await openPgDatabase(url, { migrations: MIGRATIONS });
    await opened.close();
    expect(opened.version).toBe(2);
    expect(await query(url, 'SELECT version FROM deskline_schema')).toEqual([{ version: 2 }]);
    expect(await query(url, 'SELECT migration FROM runs ORDER BY migration')).toEqual([{ migration: '001' }, { migration: '002' }]);
  });

  it('two processes opening a new database at once: one migrates, the other finds it done', async () => {
    const url = await tempPgDatabase();
    const both = await Promise.all([openPgDatabase(url, { migrations: MIGRATIONS }), openPgDatabase(url, { migrations: MIGRATIONS })]);
    await Promise.all(both.map((o) => o.close()));
    expect(both.map((o) => o.version)).toEqual([2, 2]);
    expect(await query(url, 'SELECT migration FROM runs ORDER BY migration')).toEqual([{ migration: '001' }, { migration: '002' }]);
  });

  it('runs only the pending migrations on an older desk', async () => {
    const url = await tempPgDatabase();
    await (await openPgDatabase(url, { migrations: MIGRATIONS.slice(0, 1) })).close();
    const opened = await openPgDatabase(url, { migrations: MIGRATIONS });
    await opened.close();
    expect(await query(url, 'SELECT migration FROM runs ORDER BY migration')).toEqual([{ migration: '001' }, { migration: '002' }]);
  });

  it('refuses a database newer than this build with exit 5 and changes nothing', async () => {
    const url = await tempPgDatabase();
    await (await openPgDatabase(url, { migrations: MIGRATIONS })).close();
    const { exitCode, message } = await failure(openPgDatabase(url, { migrations: MIGRATIONS.slice(0, 1) }));
    expect(exitCode).toBe(5);
    expect(message).toMatch(/has schema version 2, newer than this Deskline knows \(1\): upgrade Deskline$/);
    expect(message).not.toContain('\n');
  });

  it('refuses a database holding tables that are not a desk', async () => {
    const url = await tempPgDatabase();
    await query(url, 'CREATE TABLE payroll (id int)');
    const { exitCode, message } = await failure(openPgDatabase(url, { migrations: MIGRATIONS }));
    expect(exitCode).toBe(5);
    expect(message).toMatch(/holds tables but is not a Deskline database/);
    expect(await query(url, "SELECT to_regclass('deskline_schema') AS t")).toEqual([{ t: null }]);
  });

  it('a failing migration leaves the database as it was (one transaction)', async () => {
    const url = await tempPgDatabase();
    const broken: Migration = {
      version: 3,
      name: '003-broken',
      up: (db) => sql`ALTER TABLE nowhere ADD COLUMN x int`.execute(db).then(() => undefined),
    };
    await expect(openPgDatabase(url, { migrations: [...MIGRATIONS, broken] })).rejects.toThrow(
      /migration 003-broken failed: relation "nowhere" does not exist/,
    );
    expect(await query(url, "SELECT to_regclass('things') AS things, to_regclass('deskline_schema') AS stamp")).toEqual([
      { things: null, stamp: null },
    ]);
  });

  it('readonly opening refuses a database that needs migrating', async () => {
    const url = await tempPgDatabase();
    const { exitCode, message } = await failure(openPgDatabase(url, { migrations: MIGRATIONS, readonly: true }));
    expect([exitCode, message]).toEqual([5, `${new URL(url).toString()} needs a schema upgrade: open it once without --readonly`]);
  });
});

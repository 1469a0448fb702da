/**
 * A PostgreSQL database of its own for one test with the PostgreSQL schema applied (PG_MIGRATIONS in
 * one transaction, as the runner does), through kysely's PostgreSQL dialect. Closed before the
 * database is dropped (test/helpers/pg.ts).
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterEach } from 'vitest';
import type { DB } from '../../src/db/schema.js';
import { PG_MIGRATIONS } from '../../src/db/pg/migrations/index.js';
import { setPgNumberTypes } from '../../src/db/pg/types.js';
import { tempPgDatabase } from './pg.js';

const opened: Kysely<never>[] = [];

afterEach(async () => {
  while (opened.length) await opened.pop()!.destroy();
});

/**
 * A pool whose idle connections may be ended by the server (a test that terminates its database's
 * backends, a DROP DATABASE … WITH (FORCE)): pg emits 'error' on the pool, and with no listener that
 * is an uncaught exception in the worker, which fails the whole run. The next query reports it instead.
 */
export function idleSafe(pool: pg.Pool): pg.Pool {
  pool.on('error', () => undefined);
  return pool;
}

export interface PgTestDb {
  db: Kysely<DB>;
  url: string;
}

/** Kysely on a fresh empty database (no schema), closed after the test. */
export async function tempPgKysely(): Promise<PgTestDb> {
  setPgNumberTypes();
  const url = await tempPgDatabase();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: idleSafe(new pg.Pool({ connectionString: url, max: 4 })) }) });
  opened.push(db as unknown as Kysely<never>);
  return { db, url };
}

/** Applies PG_MIGRATIONS inside one transaction. */
export async function applyPgMigrations(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const m of PG_MIGRATIONS) await m.up(trx as unknown as Kysely<unknown>);
  });
}

/** A fresh database with the PostgreSQL schema at its latest version. */
export async function tempPgDesk(): Promise<PgTestDb> {
  const made = await tempPgKysely();
  await applyPgMigrations(made.db);
  return made;
}

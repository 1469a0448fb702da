import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { dialectOf, isPostgresUrl } from '../../src/db/dialect.js';
import { idleSafe } from '../helpers/pg-desk.js';
import { tempPgDatabase } from '../helpers/pg.js';
import { tempDb } from '../helpers/temp.js';

describe('dialectOf', () => {
  it('tells a SQLite desk, and a transaction on it', async () => {
    const desk = await tempDb();
    expect(dialectOf(desk.db)).toBe('sqlite');
    await desk.db.transaction().execute(async (trx) => expect(dialectOf(trx)).toBe('sqlite'));
  });

  it('tells a PostgreSQL database, and a transaction on it', async () => {
    const url = await tempPgDatabase();
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: idleSafe(new pg.Pool({ connectionString: url, max: 1 })) }) });
    try {
      expect(dialectOf(db)).toBe('postgres');
      await db.transaction().execute(async (trx) => expect(dialectOf(trx)).toBe('postgres'));
    } finally {
      await db.destroy();
    }
  });

  it('knows a server URL from a file path', () => {
    expect(isPostgresUrl('postgres://ann@db/desk')).toBe(true);
    expect(isPostgresUrl('postgresql://db/desk?sslmode=require')).toBe(true);
    expect(isPostgresUrl('/home/ann/postgres/desk.db')).toBe(false);
    expect(isPostgresUrl('desk.db')).toBe(false);
  });
});

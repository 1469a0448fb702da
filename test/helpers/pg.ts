/**
 * A PostgreSQL database of its own for one test (DESIGN.md: each test creates its database and
 * drops it after). The server is the machine's, at 127.0.0.1:5432 with trust authentication;
 * DESKLINE_TEST_PG names another (a URL whose database part is ignored).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach } from 'vitest';

const SERVER = process.env.DESKLINE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const made: string[] = [];

afterEach(async () => {
  while (made.length) await dropDatabase(made.pop()!);
});

const urlFor = (name: string) => {
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return url.toString();
};

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlFor('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database (from template0) dropped after the test; returns its URL. */
export async function tempPgDatabase(): Promise<string> {
  const name = `deskline_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`));
  made.push(name);
  return urlFor(name);
}

export async function dropDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** Temporary folders and databases for tests: each test gets its own HOME/XDG and desk file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { openDesk, type Desk as StoreDesk, type OpenDeskOptions } from '../../src/store/desk.js';
import { rawSqlite } from '../../src/store/sqlite-raw.js';
import { tempPgDatabase } from './pg.js';

/** The store's desk handle, with its raw connection beside it for tests that read the file with SQL. */
export type Desk = StoreDesk & { readonly sqlite: Database.Database };

const made: string[] = [];
const opened: Desk[] = [];

afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

/** A fresh folder removed after the test. */
export function tempDir(prefix = 'deskline-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** An isolated environment: HOME and XDG folders inside a temp dir, a database path, no colour. */
export function tempEnv(extra: Record<string, string> = {}): Record<string, string> {
  return envIn(tempDir(), extra);
}

/** The same environment in a folder the caller made and removes (for work shared by a file's tests, in beforeAll). */
export function envIn(dir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_STATE_HOME: join(dir, 'state'),
    DESKLINE_DB: join(dir, 'desk.db'),
    USER: 'tester',
    NO_COLOR: '1',
    LANG: 'C.UTF-8',
    TZ: 'UTC',
    ...extra,
  };
}

/** Which database `tempDb()` makes: `DESKLINE_TEST_DIALECT=postgres` (npm run test:pg) runs the store tests on the server. */
export const TEST_DIALECT = process.env.DESKLINE_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

/**
 * A migrated desk (opened as the faces open it), closed after the test: an SQLite file in a temp
 * folder, or with DESKLINE_TEST_DIALECT=postgres a fresh database on the test server (dropped after).
 */
export async function tempDb(): Promise<Desk> {
  if (TEST_DIALECT === 'postgres') return testPgDesk(await tempPgDatabase());
  return testDesk(join(tempDir(), 'desk.db'));
}

/** A desk on a PostgreSQL database: no raw SQLite connection (a test that reads one fails saying so). */
async function testPgDesk(url: string): Promise<Desk> {
  const desk = await openDesk(url);
  const withRaw = Object.defineProperty(desk, 'sqlite', {
    get: () => {
      throw new Error('this test reads the desk with raw SQLite: not on PostgreSQL');
    },
  }) as Desk;
  opened.push(withRaw);
  return withRaw;
}

/** Opens `path` with openDesk and closes it after the test. */
export async function testDesk(path: string, options?: OpenDeskOptions): Promise<Desk> {
  const desk = await openDesk(path, options);
  const withRaw = Object.assign(desk, { sqlite: rawSqlite(desk) });
  opened.push(withRaw);
  return withRaw;
}

/**
 * tempEnv() whose DESKLINE_DB is a desk of the dialect under test: the file, or under
 * `npm run test:pg` a fresh database on the test server (dropped after the test).
 */
export async function tempDeskEnv(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const env = tempEnv(extra);
  if (TEST_DIALECT === 'postgres') env.DESKLINE_DB = await tempPgDatabase();
  return env;
}

/** Rows of one SQL query (SQL both dialects read) against the desk a test environment points at (opened, read, closed). */
export async function dbRows(env: Record<string, string>, query: string): Promise<unknown[]> {
  const desk = await openDesk(env.DESKLINE_DB!);
  try {
    return (await sql.raw(query).execute(desk.db)).rows;
  } finally {
    await desk.close();
  }
}

/** Runs `fn` on the test desk's file opened with better-sqlite3 alone, as another tool would write it. */
export function rawDesk<T>(env: Record<string, string>, fn: (db: Database.Database) => T): T {
  const db = new Database(env.DESKLINE_DB!);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

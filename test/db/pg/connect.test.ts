/**
 * Reaching the server: passwords from each source, and every way a connection fails giving one line
 * with exit 5 and no password. Real servers only: the machine's (trust) and one that checks passwords.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgDatabase, type PgOpenOptions } from '../../../src/db/pg/open.js';
import { isDesklineError } from '../../../src/errors.js';
import { startPasswordServer, type PasswordServer } from '../../helpers/pg-password-server.js';
import { tempPgDatabase } from '../../helpers/pg.js';
import { tempDir } from '../../helpers/temp.js';

const NONE = { migrations: [] } satisfies PgOpenOptions;

async function failure(run: Promise<unknown>): Promise<{ exitCode: number; message: string }> {
  try {
    await run;
  } catch (error) {
    if (isDesklineError(error)) return { exitCode: error.exitCode, message: error.message };
    throw error;
  }
  throw new Error('expected a failure');
}

async function whoAmI(url: string, options: PgOpenOptions): Promise<string> {
  const opened = await openPgDatabase(url, { ...NONE, ...options });
  try {
    return (await sql<{ who: string }>`SELECT session_user AS who`.execute(opened.db)).rows[0]!.who;
  } finally {
    await opened.close();
  }
}

describe('a server that checks passwords', () => {
  let server: PasswordServer;
  const url = (password?: string) =>
    `postgres://postgres${password === undefined ? '' : `:${encodeURIComponent(password)}`}@127.0.0.1:${server.port}/postgres`;
  /** An environment with no password anywhere: its own HOME, no PGPASSWORD. */
  const bare = () => ({ HOME: tempDir() });

  beforeAll(async () => {
    server = await startPasswordServer();
  }, 90_000);
  afterAll(async () => server?.stop());

  it('a wrong password in the URL: one line naming the user, exit 5, the password nowhere', async () => {
    const { exitCode, message } = await failure(openPgDatabase(url('wrong-Pa55'), { ...NONE, env: bare() }));
    expect(exitCode).toBe(5);
    expect(message).toBe(`PostgreSQL at 127.0.0.1:${server.port} refused user postgres: password authentication failed`);
  });

  it('no password anywhere: says where one may come from', async () => {
    const { exitCode, message } = await failure(openPgDatabase(url(), { ...NONE, env: bare() }));
    expect(exitCode).toBe(5);
    expect(message).toMatch(/wants a password for postgres: none in the URL, \$PGPASSWORD, db.passwordFile or ~\/.pgpass$/);
  });

  it('the password from the URL, PGPASSWORD, db.passwordFile or ~/.pgpass logs in', async () => {
    expect(await whoAmI(url(server.password), { env: bare() })).toBe('postgres');
    expect(await whoAmI(url(), { env: { ...bare(), PGPASSWORD: server.password } })).toBe('postgres');

    const file = join(tempDir(), 'pg-password');
    writeFileSync(file, `${server.password}\n`, { mode: 0o600 });
    expect(await whoAmI(url(), { env: bare(), passwordFile: file })).toBe('postgres');

    const home = tempDir();
    const escaped = server.password.replace(/[:\\]/g, (c) => `\\${c}`);
    writeFileSync(join(home, '.pgpass'), `# desk\notherhost:*:*:*:nope\n127.0.0.1:${server.port}:*:postgres:${escaped}\n`, { mode: 0o600 });
    expect(await whoAmI(url(), { env: { HOME: home } })).toBe('postgres');
  });

  it('a password file others may read is refused (db.passwordFile) or ignored (~/.pgpass, as libpq does)', async () => {
    const file = join(tempDir(), 'pg-password');
    writeFileSync(file, server.password);
    chmodSync(file, 0o644);
    const refused = await failure(openPgDatabase(url(), { ...NONE, env: bare(), passwordFile: file }));
    expect(refused).toEqual({ exitCode: 5, message: `db.passwordFile ${file} is readable by others (mode 644): chmod 600 it` });

    const home = tempDir();
    writeFileSync(join(home, '.pgpass'), `*:*:*:*:${server.password}\n`);
    chmodSync(join(home, '.pgpass'), 0o644);
    expect((await failure(openPgDatabase(url(), { ...NONE, env: { HOME: home } }))).message).toMatch(/wants a password/);
  });
});

describe('the machine server', () => {
  it('a port nobody listens on: connection refused, one line, no password', async () => {
    const { exitCode, message } = await failure(openPgDatabase('postgres://postgres:hunter2@127.0.0.1:1/desk', NONE));
    expect([exitCode, message]).toEqual([
      5,
      'cannot connect to PostgreSQL at 127.0.0.1:1: connection refused (is the server running, and on that port?)',
    ]);
  });

  it('a database that does not exist', async () => {
    const { exitCode, message } = await failure(openPgDatabase('postgres://postgres:hunter2@127.0.0.1:5432/deskline_no_such_db', NONE));
    expect([exitCode, message]).toEqual([
      5,
      "database deskline_no_such_db does not exist on 127.0.0.1:5432 (create it, then run 'deskline db init')",
    ]);
  });

  it('a connection lost in the middle of a command: one line, exit 5; the next command connects again', async () => {
    const url = await tempPgDatabase();
    const opened = await openPgDatabase(url, NONE);
    try {
      const running = failure(sql`SELECT pg_sleep(60)`.execute(opened.db));
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        // Wait for the query to be running, then end its backend as an administrator (or a restart) would.
        const kill = `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'SELECT pg_sleep(60)%'`;
        while ((await admin.query(kill)).rowCount === 0);
      } finally {
        await admin.end();
      }
      const { exitCode, message } = await running;
      expect([exitCode, message]).toEqual([
        5,
        'lost the connection to 127.0.0.1:5432 (the server closed it): the command did not finish; try again',
      ]);
      expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(opened.db)).rows).toEqual([{ one: 1 }]);
    } finally {
      await opened.close();
    }
  });

  it('a connection lost between two queries of one command (a sync mid-push): one line, exit 5, no crash', async () => {
    const url = await tempPgDatabase();
    const opened = await openPgDatabase(url, NONE);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const held = opened.db.connection().execute(async (c) => {
        const { pid } = (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(c)).rows[0]!;
        // Ended while held but idle: pg says so by an 'error' event on the client, which nobody awaits.
        await admin.query('SELECT pg_terminate_backend($1)', [pid]);
        while ((await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).rowCount);
        return sql`SELECT 1`.execute(c);
      });
      const { exitCode, message } = await failure(held);
      expect([exitCode, message]).toEqual([
        5,
        'lost the connection to 127.0.0.1:5432 (the server closed it): the command did not finish; try again',
      ]);
      expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(opened.db)).rows).toEqual([{ one: 1 }]);
    } finally {
      await admin.end();
      await opened.close();
    }
  });

  it('sslmode and sslrootcert in the URL reach pg: TLS demanded of a server without it, a CA file missing', async () => {
    const tls = await failure(openPgDatabase('postgres://postgres:hunter2@127.0.0.1:5432/postgres?sslmode=require', NONE));
    expect([tls.exitCode, tls.message]).toEqual([5, 'TLS to 127.0.0.1:5432 failed: The server does not support SSL connections']);
    const ca = await failure(
      openPgDatabase('postgres://postgres:hunter2@127.0.0.1:5432/postgres?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem', NONE),
    );
    expect(ca.exitCode).toBe(5);
    expect(ca.message).toMatch(/^cannot read a file the database URL names: .*\/nonexistent\/ca\.pem/);
    expect(ca.message).not.toContain('hunter2');
  });

  it('a URL that cannot be read is refused without echoing its password', async () => {
    const { exitCode, message } = await failure(openPgDatabase('postgres://ana:s3cr%t@[bad/desk', NONE));
    expect(exitCode).toBe(5);
    expect(message).toContain('postgres://ana:***@');
    expect(message).not.toContain('s3cr');
  });
});

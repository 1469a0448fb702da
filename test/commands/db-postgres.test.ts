/**
 * The built binary as a real process against the PostgreSQL server: `--db URL`, DESKLINE_DB and the
 * `db.url` setting reach it; `db init` / `db path` / `db check` / `db backup` speak for a server; a
 * server that cannot be reached gives one line and exit 5; no password is ever printed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PG_LATEST_VERSION } from '../../src/db/pg/migrations/index.js';
import { runBin, runCli } from '../helpers/cli.js';
import { tempPgDatabase } from '../helpers/pg.js';
import { tempEnv } from '../helpers/temp.js';

const withPassword = (url: string) => url.replace('postgres@', 'postgres:Hush-42@');

describe('deskline on PostgreSQL (built binary)', () => {
  it('db init creates the schema; db path / check / backup name the server without its password', async () => {
    const url = withPassword(await tempPgDatabase());
    const shown = url.replace(':Hush-42', '');
    const env = tempEnv();
    const init = await runBin(['--db', url, 'db', 'init'], { env });
    expect([init.code, init.stderr, init.stdout]).toEqual([0, '', `ready: ${shown} at schema version ${PG_LATEST_VERSION}\n`]);

    const created = await runBin(['--db', url, 'ticket', 'create', '-t', 'Printer jam on 3rd floor', '-r', 'Ana Silva <ana@example.com>'], {
      env,
    });
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);

    const path = await runBin(['db', 'path'], { env: { ...env, DESKLINE_DB: url } });
    expect(path.stdout).toBe(`${shown}\n`);

    const check = await runBin(['--db', url, 'db', 'check'], { env });
    expect([check.code, check.stdout]).toEqual([
      0,
      `ok: ${shown} (PostgreSQL) at schema version ${PG_LATEST_VERSION}, audit trail intact; the server itself keeps pages sound and enforces foreign keys\n`,
    ]);

    const backup = await runBin(['--db', url, 'db', 'backup', '/tmp/desk.dump'], { env });
    expect(backup.code).toBe(1);
    expect(backup.stderr).toContain(`pg_dump --format=custom --no-owner --file='/tmp/desk.dump' '${shown}'`);
    for (const out of [init, created, path, check, backup]) expect(out.stdout + out.stderr).not.toContain('Hush-42');
  });

  it('the db.url setting is used when no --db or DESKLINE_DB is given; a password is refused there', async () => {
    const url = await tempPgDatabase();
    const { DESKLINE_DB: _file, ...env } = tempEnv();
    const refused = await runCli(['config', 'set', 'db.url', withPassword(url)], { env });
    expect([refused.code, refused.stderr]).toEqual([
      4,
      'deskline: db.url: no password in settings: use PGPASSWORD, ~/.pgpass or db.passwordFile\n',
    ]);
    expect((await runCli(['config', 'set', 'db.url', url], { env })).code).toBe(0);
    const init = await runBin(['db', 'init'], { env });
    expect([init.code, init.stdout]).toEqual([0, `ready: ${url} at schema version ${PG_LATEST_VERSION}\n`]);
  });

  it('config get/list never print a password written into db.url by hand', async () => {
    const env = tempEnv();
    mkdirSync(env.XDG_CONFIG_HOME + '/deskline', { recursive: true });
    writeFileSync(
      `${env.XDG_CONFIG_HOME}/deskline/config.json`,
      JSON.stringify({ db: { url: 'postgres://ana:Hush-42@db.example.com/desk' } }),
    );
    const get = await runCli(['config', 'get', 'db.url'], { env });
    const list = await runCli(['config', 'list'], { env });
    expect(get.stdout).toBe('postgres://ana@db.example.com/desk\n');
    expect(list.stdout).toContain('db.url = postgres://ana@db.example.com/desk\n');
    expect(get.stdout + list.stdout + (await runCli(['config', 'list', '--json'], { env })).stdout).not.toContain('Hush-42');
  });

  it('a server that cannot be reached, a missing database: one line on stderr, exit 5, no stack, no password', async () => {
    const env = tempEnv();
    const refused = await runBin(['--db', 'postgres://postgres:Hush-42@127.0.0.1:1/desk', 'ticket', 'list'], { env });
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([
      5,
      '',
      'deskline: cannot connect to PostgreSQL at 127.0.0.1:1: connection refused (is the server running, and on that port?)\n',
    ]);
    const missing = await runBin(['--db', 'postgres://postgres:Hush-42@127.0.0.1:5432/deskline_nowhere', 'ticket', 'list'], { env });
    expect(missing.code).toBe(5);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('database deskline_nowhere does not exist on 127.0.0.1:5432');
  });
});

describe('the technician role (deskline db roles)', () => {
  it('a technician logs in with their own role (mapped by technician add --role), writes tickets, and cannot alter or delete audit rows', async () => {
    const url = await tempPgDatabase();
    const env = tempEnv();
    expect((await runBin(['--db', url, 'db', 'init'], { env })).code).toBe(0);
    const roles = await runBin(['--db', url, 'db', 'roles'], { env });
    expect(roles.code).toBe(0);
    const tech = `deskline_test_tech_${process.pid}_${Date.now() % 100000}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(roles.stdout);
      await admin.query(`CREATE ROLE ${tech} LOGIN`);
      const mapped = await runBin(['--db', url, 'technician', 'add', 'Tess Tech', '-e', 'tess@example.com', '--role', tech], { env });
      expect([mapped.code, mapped.stderr]).toEqual([0, '']);
      const asTech = url.replace('postgres@', `${tech}@`);
      const created = await runBin(['--db', asTech, 'ticket', 'create', '-t', 'VPN drops', '-r', 'Ana Silva <ana@example.com>'], { env });
      expect([created.code, created.stderr]).toEqual([0, '']);

      const client = new pg.Client({ connectionString: asTech });
      await client.connect();
      try {
        expect((await client.query('SELECT count(*)::int AS n FROM audit_events')).rows[0].n).toBeGreaterThan(0);
        for (const statement of ["UPDATE audit_events SET actor = 'someone else'", 'DELETE FROM audit_events', 'TRUNCATE audit_events']) {
          await expect(client.query(statement)).rejects.toThrow(/permission denied for table audit_events/);
        }
      } finally {
        await client.end();
      }
      const check = await runBin(['--db', asTech, 'db', 'check'], { env });
      expect(check.code).toBe(0);
    } finally {
      await admin.query(`DROP OWNED BY ${tech}`).catch(() => undefined);
      await admin.end();
      await dropRole(tech);
    }
  });
});

async function dropRole(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await client.connect();
  try {
    await client.query(`DROP ROLE IF EXISTS ${name}`).catch(() => undefined);
  } finally {
    await client.end();
  }
}

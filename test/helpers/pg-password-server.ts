/**
 * A PostgreSQL server of the test's own that checks passwords (scram-sha-256), on a free loopback
 * port: the machine's server trusts every loopback login, so a wrong password could not fail there.
 * initdb and postgres refuse to run as root: both run as the `postgres` user. Stopped after the file.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const BIN = process.env.DESKLINE_TEST_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PasswordServer {
  port: number;
  /** The superuser `postgres`'s password. */
  password: string;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** Runs as the postgres user when we are root (and as ourselves otherwise); setpriv execs, so a signal reaches the server itself. */
const asPostgres = (args: string[]) =>
  (userInfo().uid === 0
    ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', ...args]]
    : [args[0]!, args.slice(1)]) as [string, string[]];

export async function startPasswordServer(): Promise<PasswordServer> {
  const dir = mkdtempSync(join(tmpdir(), 'deskline-pgauth-'));
  const password = 'Sup3r secret:pw@1';
  writeFileSync(join(dir, 'pw'), `${password}\n`);
  if (userInfo().uid === 0) {
    const { uid, gid } = pgUser();
    for (const path of [dir, join(dir, 'pw')]) chownSync(path, uid, gid);
  }
  chmodSync(dir, 0o700);
  const init = spawnSync(
    ...asPostgres([
      `${BIN}/initdb`,
      '-D',
      join(dir, 'data'),
      '-U',
      'postgres',
      '-A',
      'scram-sha-256',
      `--pwfile=${join(dir, 'pw')}`,
      '-E',
      'UTF8',
      '--no-sync',
      '--no-instructions',
    ]),
    { encoding: 'utf8' },
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const server: ChildProcess = spawn(
    ...asPostgres([
      `${BIN}/postgres`,
      '-D',
      join(dir, 'data'),
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
    ]),
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  await until(async () => {
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      return false;
    }
  });
  return {
    port,
    password,
    stop: async () => {
      server.kill('SIGINT'); // fast shutdown
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function pgUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Polls the condition (the server accepting logins), up to 60 s. */
async function until(ready: () => Promise<boolean>): Promise<void> {
  for (const start = Date.now(); Date.now() - start < 60_000;) {
    if (await ready()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('the test PostgreSQL server did not start within 60 s');
}

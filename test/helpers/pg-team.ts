/**
 * A team desk on the test server (issue 21): the schema, the technician group role's grants
 * (`deskline db roles`), and fresh login roles in the server's cluster, unique per run and dropped
 * after the test, with the clients connected as them closed first.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, expect } from 'vitest';
import { technicianRoleSql } from '../../src/db/pg/roles.js';
import { runCli } from './cli.js';
import { tempPgDatabase } from './pg.js';
import { tempEnv } from './temp.js';

const roles: string[] = [];
const clients: pg.Client[] = [];

afterEach(async () => {
  while (clients.length) await clients.pop()!.end();
  const admin = await connect('postgres://postgres@127.0.0.1:5432/postgres');
  while (roles.length) await admin.query(`DROP ROLE IF EXISTS ${roles.pop()}`);
});

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  clients.push(client);
  return client;
}

export const asRole = (url: string, role: string) => url.replace('postgres@', `${role}@`);

/** A desk at the latest schema with the technician group role's grants, and `count` fresh login roles. */
export async function teamDesk(count: number) {
  const url = await tempPgDatabase();
  const env = tempEnv();
  expect((await runCli(['--db', url, 'db', 'init'], { env })).code).toBe(0);
  const owner = await connect(url);
  await owner.query(technicianRoleSql(new URL(url).pathname.slice(1)));
  const tag = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const logins = Array.from({ length: count }, (_, i) => `deskline_t_${tag}_${i}`);
  for (const login of logins) {
    roles.push(login);
    await owner.query(`CREATE ROLE ${login} LOGIN`);
  }
  return { url, env, owner, logins };
}

export const cli = (url: string, env: Record<string, string>, ...args: string[]) => runCli(['--db', url, ...args], { env });

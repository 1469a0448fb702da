/**
 * `db migrate --from-sqlite FILE --db postgres://…` through the CLI against the real server: a demo
 * desk (300 tickets, KB, attachments, audit trail) arrives whole (every table's count, rows field by
 * field, the same CLI output on both), a second run is refused (exit 3) and changes nothing, a row the
 * server refuses half way leaves the server desk empty, and files that are not desks are refused.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { setPgNumberTypes } from '../../src/db/pg/types.js';
import { runCli } from '../helpers/cli.js';
import { tempPgDatabase } from '../helpers/pg.js';
import { tempDir, tempEnv } from '../helpers/temp.js';

setPgNumberTypes();
let env: Record<string, string>;
let file: string;
const attached = [Buffer.from('flicker at 60 Hz\n'), Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251))];

/** A copy of the demo desk (VACUUM INTO: nothing left in a -wal behind). */
function copyOfDesk(to: string): string {
  const db = new Database(file, { readonly: true });
  db.exec(`VACUUM INTO '${to.replace(/'/g, "''")}'`);
  db.close();
  return to;
}

beforeAll(async () => {
  // Made here, not with tempEnv(): the helpers remove their folders after each test, and every test reads this desk.
  const home = mkdtempSync(join(tmpdir(), 'deskline-migrate-'));
  env = {
    ...tempEnv(),
    HOME: home,
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CONFIG_HOME: join(home, 'config'),
    DESKLINE_DB: join(home, 'desk.db'),
  };
  file = env.DESKLINE_DB!;
  expect((await runCli(['demo', 'seed', '--tickets', '300'], { env })).code).toBe(0);
  const dir = tempDir();
  attached.forEach((bytes, i) => writeFileSync(join(dir, `file-${i}.bin`), bytes));
  const r = await runCli(['ticket', 'attach', 'HD-12', join(dir, 'file-0.bin'), join(dir, 'file-1.bin')], { env });
  expect(r.code).toBe(0);
  expect((await runCli(['ticket', 'attach', 'HD-200', join(dir, 'file-0.bin')], { env })).code).toBe(0);
  return () => rmSync(home, { recursive: true, force: true });
}, 120_000);

async function onServer<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Row counts of every table the file and the server share. */
async function counts(url: string, path: string): Promise<{ file: Record<string, number>; server: Record<string, number> }> {
  const sqlite = new Database(path, { readonly: true });
  try {
    return await onServer(url, async (c) => {
      const { rows } = await c.query(`SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`);
      const shared = rows
        .map((r) => r.relname as string)
        .filter((t) => sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE name = ?`).get(t));
      const result = { file: {} as Record<string, number>, server: {} as Record<string, number> };
      for (const t of shared.sort()) {
        result.file[t] = (sqlite.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n;
        result.server[t] = Number((await c.query(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n);
      }
      return result;
    });
  } finally {
    sqlite.close();
  }
}

/** Every index, constraint and trigger (with its enabled state) of a server desk. */
const schemaShape = (url: string) =>
  onServer(url, async (c) => {
    const { rows } = await c.query(`
      SELECT 'index ' || indexdef AS d FROM pg_indexes WHERE schemaname = 'public'
      UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
      UNION ALL SELECT 'trigger ' || tgname || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal
      ORDER BY 1`);
    return rows.map((r) => r.d as string);
  });

const cli = (args: string[], db: string) => runCli(['--db', db, ...args], { env });

describe('db migrate --from-sqlite (PostgreSQL)', () => {
  it('moves a demo desk whole: counts, rows, search, attachments, audit chain; a second run is refused and changes nothing', async () => {
    const url = await tempPgDatabase();
    const moved = await cli(['db', 'migrate', '--from-sqlite', file], url);
    expect([moved.code, moved.stderr.split('\n').filter((l) => l && !/^(made |moving rows: |rows copied; )/.test(l))]).toEqual([0, []]);
    expect(moved.stdout).toMatch(
      /^moved .* to postgres:\/\/.*: \d+ tables, [\d,]+ rows in .* counts checked, search index built; 2 attachment file\(s\) into /,
    );
    expect(moved.stderr).toMatch(/^made .*server-attachments\/127\.0\.0\.1-5432-deskline_test_\w+ \(0700\)/);

    const { file: inFile, server } = await counts(url, file);
    expect(inFile.tickets).toBe(300);
    expect(inFile.kb_articles).toBeGreaterThan(10);
    expect(inFile.audit_events).toBeGreaterThan(300);
    expect(server).toEqual(inFile);
    expect(Object.keys(server).length).toBeGreaterThan(35);

    // A sample of rows, field by field (the server's generated search column aside).
    const sqlite = new Database(file, { readonly: true });
    for (const [table, where] of [
      ['tickets', 'id IN (1, 150, 300)'],
      ['interactions', 'id % 97 = 1'],
      ['audit_events', 'id % 89 = 1'],
      ['kb_articles', 'id IN (1, 5)'],
      ['attachments', 'true'],
      ['requesters', 'id % 50 = 1'],
    ] as const) {
      const local = sqlite.prepare(`SELECT * FROM ${table} WHERE ${where} ORDER BY 1`).all() as Record<string, unknown>[];
      const remote = (await onServer(url, (c) => c.query(`SELECT * FROM ${table} WHERE ${where} ORDER BY 1`))).rows;
      expect(local.length).toBeGreaterThan(0);
      expect(remote.map((r) => Object.fromEntries(Object.keys(local[0]!).map((k) => [k, r[k]])))).toEqual(local);
    }
    sqlite.close();

    // The same answers through the CLI on both.
    for (const args of [
      ['ticket', 'list', '-n', '60'],
      ['ticket', 'list', 'status:open', 'printer'],
      ['ticket', 'list', 'prnter'],
      ['ticket', 'list', 'prio:high', '--json'],
      ['ticket', 'show', 'HD-12', '--why'],
      ['ticket', 'show', 'HD-150', '--json'],
      ['ticket', 'attachment', 'list', 'HD-12'],
      ['kb', 'list'],
      ['report', 'backlog'],
    ]) {
      const [a, b] = [await cli(args, file), await cli(args, url)];
      expect({ args, code: b.code, out: b.stdout, err: b.stderr }).toEqual({ args, code: a.code, out: a.stdout, err: a.stderr });
    }
    // KB ranking is the dialect's own (bm25 vs ts_rank): the same articles are found.
    const found = async (db: string) =>
      (JSON.parse((await cli(['kb', 'search', 'vpn', '--limit', '100', '--json'], db)).stdout).results as { slug: string }[])
        .map((r) => r.slug)
        .sort();
    expect(await found(url)).toEqual(await found(file));
    expect((await found(url)).length).toBeGreaterThan(2);

    const out = join(tempDir(), 'saved.bin');
    expect((await cli(['ticket', 'attachment', 'save', 'HD-12', '2', out], url)).code).toBe(0);
    expect(readFileSync(out)).toEqual(attached[1]);
    // The bytes are in the server's database too (issue 22): every technician's machine reads them there.
    const blobs = (await onServer(url, (c) => c.query('SELECT size FROM attachment_blobs ORDER BY size'))).rows;
    expect(blobs.map((r) => Number(r.size))).toEqual(attached.map((b) => b.length).sort((x, y) => x - y));

    expect((await cli(['db', 'check'], url)).code).toBe(0);
    // Indexes, keys and triggers dropped or switched off for the load are all back, as `db init` makes them.
    const fresh = await tempPgDatabase();
    expect((await cli(['db', 'init'], fresh)).code).toBe(0);
    expect(await schemaShape(url)).toEqual(await schemaShape(fresh));
    const created = await cli(['ticket', 'create', '-t', 'After the move'], url);
    expect(created.stdout).toMatch(/^created HD-301 /);

    const before = await counts(url, file);
    const again = await cli(['db', 'migrate', '--from-sqlite', file], url);
    expect([again.code, again.stdout]).toEqual([3, '']);
    expect(again.stderr).toMatch(/^deskline: postgres:\/\/\S+ already holds a desk \(.*\): .* nothing changed\n$/);
    expect(await counts(url, file)).toEqual(before);
  }, 180_000);

  it('a row the server refuses half way through leaves the server desk empty, and db check passes', async () => {
    const url = await tempPgDatabase();
    const bad = copyOfDesk(join(tempDir(), 'bad.db'));
    const sqlite = new Database(bad);
    // SQLite keeps a NUL inside text; PostgreSQL refuses it. interactions is copied after tickets and the audit trail.
    sqlite.prepare(`UPDATE interactions SET body = 'half' || char(0) || 'way' WHERE id = (SELECT max(id) FROM interactions)`).run();
    sqlite.close();

    const r = await cli(['db', 'migrate', '--from-sqlite', bad], url);
    expect([r.code, r.stdout]).toEqual([5, '']);
    expect(r.stderr).toMatch(/^deskline: the server refused a row of interactions \(rows \d+–\d+ of the file\): .*nothing moved\n$/);
    const { server } = await counts(url, bad);
    const seeded = ['change_counter', 'macros', 'sla_calendars', 'sla_policies', 'triage_state'];
    expect(Object.entries(server).filter(([t, n]) => n > 0 && !seeded.includes(t))).toEqual([]);
    expect(server.sla_policies).toBe(4);
    const folder = r.stderr.match(/made (\S+)/)?.[1];
    if (folder) expect(readdirSync(folder, { recursive: true }).filter((f) => statSync(join(folder, String(f))).isFile())).toEqual([]);
    expect((await cli(['db', 'check'], url)).code).toBe(0);
    expect((await cli(['db', 'migrate', '--from-sqlite', file], url)).code).toBe(0);
  }, 180_000);

  it('refuses what is not a desk at the server version, and a target that is not a server, with one line', async () => {
    const url = await tempPgDatabase();
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'not a database at all, just some text that is long enough to be read'.repeat(3));
    const older = copyOfDesk(join(dir, 'older.db'));
    const db = new Database(older);
    db.pragma('user_version = 16');
    db.close();
    const cases: [string[], number, RegExp][] = [
      [['--from-sqlite', join(dir, 'notes.txt'), '--db', url], 4, /is not a Deskline desk/],
      [['--from-sqlite', join(dir, 'missing.db'), '--db', url], 2, /no such desk file/],
      [['--from-sqlite', older, '--db', url], 5, /at schema version 16, the server at \d+: open it once/],
      [['--from-sqlite', file, '--db', join(dir, 'other.db')], 1, /give the server to move to with --db postgres/],
    ];
    for (const [args, code, message] of cases) {
      const r = await runCli(['db', 'migrate', ...args], { env });
      expect([r.code, r.stdout, r.stderr.split('\n').length]).toEqual([code, '', 2]);
      expect(r.stderr).toMatch(message);
    }
    const { server } = await counts(url, file);
    expect(server.tickets).toBe(0);
  }, 60_000);

  it("a technician role (not the tables' owner) is refused before anything runs", async () => {
    const url = await tempPgDatabase();
    expect((await cli(['db', 'init'], url)).code).toBe(0);
    const roles = await cli(['db', 'roles'], url);
    const tech = `deskline_test_mover_${process.pid}_${Date.now() % 100000}`;
    await onServer(url, async (c) => {
      await c.query(roles.stdout);
      await c.query(`CREATE ROLE ${tech} LOGIN IN ROLE deskline_technician`);
    });
    try {
      const r = await cli(['db', 'migrate', '--from-sqlite', file], url.replace('postgres@', `${tech}@`));
      expect([r.code, r.stdout, r.stderr]).toEqual([
        5,
        '',
        'deskline: moving a desk needs the role that owns its tables (postgres): connect as that role; nothing changed\n',
      ]);
      expect((await counts(url, file)).server.tickets).toBe(0);
    } finally {
      await onServer(url, async (c) => {
        await c.query(`DROP OWNED BY ${tech}`);
        await c.query(`DROP ROLE ${tech}`);
      });
    }
  }, 60_000);
});

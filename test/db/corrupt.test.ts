/**
 * A desk with pages overwritten: once anything has seen the damage (`db check`, a read that hits a bad
 * page), writes are refused with one line, exit 5, and the file is left as it is; restoring a sound
 * copy lifts the refusal. Real files: a seeded desk with some of its ticket pages overwritten.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, openSync, readdirSync, readFileSync, closeSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { seedDemo } from '../../src/demo/seed.js';
import { runBin, type CliResult } from '../helpers/cli.js';
import { tempDir, tempEnv } from '../helpers/temp.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A 2,000-ticket desk, closed (no -wal), with a pristine copy beside it, then a run of its ticket pages overwritten. */
async function damagedDesk(): Promise<{ env: Record<string, string>; db: string; pristine: string }> {
  const dir = tempDir();
  const db = join(dir, 'desk.db');
  const desk = await openDatabase(db);
  await seedDemo(desk, { tickets: 2_000, now: Date.UTC(2026, 2, 18) });
  await desk.close();
  const pristine = join(tempDir(), 'pristine.db');
  copyFileSync(db, pristine);

  const raw = new Database(db); // read-write: closing it removes the -wal and -shm it made
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  const leaves = raw
    .prepare("SELECT pageno FROM dbstat WHERE name = 'tickets' AND pagetype = 'leaf' ORDER BY pageno")
    .pluck()
    .all() as number[];
  raw.close();
  expect(leaves.length).toBeGreaterThan(20);
  // Pages in the middle of the table: a new ticket goes to the last page and never reads these.
  const fd = openSync(db, 'r+');
  for (const page of leaves.slice(5, 10)) writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
  return { env: tempEnv({ DESKLINE_DB: db }), db, pristine };
}

function expectRefused(r: CliResult, db: string): void {
  expect(r.code).toBe(5);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^deskline: [^\n]+\n$/);
  expect(r.stderr).toContain(`${db} is corrupt (`);
  expect(r.stderr).toContain('writes are refused');
}

const ticketCount = (db: string) => {
  const raw = new Database(db, { readonly: true });
  try {
    return raw.prepare('SELECT max(id) FROM tickets').pluck().get();
  } finally {
    raw.close();
  }
};

describe('a desk with damaged pages', () => {
  it('db check names the damage (exit 5); from then on ticket create is refused and the file left as it is', async () => {
    const { env, db } = await damagedDesk();
    const check = await runBin(['db', 'check'], { env });
    expect(check.code).toBe(5);
    expect(check.stderr).toMatch(/^deskline: \d+ problem\(s\): [^\n]+\n$/);
    expect(statSync(`${db}-corrupt`).mode & 0o777).toBe(0o600);
    const before = sha(db);

    expectRefused(await runBin(['ticket', 'create', '-t', 'Written into a broken file', '-q'], { env }), db);
    expectRefused(await runBin(['ticket', 'create', '-t', 'Nor this', '-q'], { env }), db);
    expect(sha(db)).toBe(before);
    expect(readdirSync(join(db, '..')).sort()).toEqual(['desk.db', 'desk.db-corrupt']);
    expect(ticketCount(db)).toBe(2_000);
  });

  it('a read that hits a damaged page marks the desk too; reads that miss it still work', async () => {
    const { env, db } = await damagedDesk();
    // Every ticket of every status: a read of every row, so of every damaged page (free text no
    // longer scans: it reads the full-text index and only the rows that match).
    const search = await runBin(['ticket', 'list', 'status:new,open,pending,on_hold,resolved,closed', '--limit', '5000'], { env });
    expect(search.code).toBe(5);
    expect(search.stderr).toMatch(/^deskline: [^\n]+ is corrupt \([^\n]+\n$/);
    expectRefused(await runBin(['ticket', 'create', '-t', 'Written into a broken file', '-q'], { env }), db);
    expect((await runBin(['ticket', 'show', 'HD-2000'], { env })).code).toBe(0);
    expect(ticketCount(db)).toBe(2_000);
  });

  it('restoring a sound copy over it lifts the refusal', async () => {
    const { env, db, pristine } = await damagedDesk();
    expect((await runBin(['db', 'check'], { env })).code).toBe(5);
    copyFileSync(pristine, db);
    const r = await runBin(['ticket', 'create', '-t', 'After the restore', '-q'], { env });
    expect(r).toEqual({ code: 0, stdout: 'HD-2001\n', stderr: '' });
    expect(existsSync(`${db}-corrupt`)).toBe(false);
    expect((await runBin(['db', 'check'], { env })).code).toBe(0);
  });
});

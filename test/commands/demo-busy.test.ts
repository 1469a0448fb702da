/**
 * A long demo seed and the other processes on the same desk, as real processes through the built binary:
 * the seed commits in chunks so a `ticket create` gets in while it runs; a seed killed half way is
 * reported (by `demo seed` and `db check`) and `demo seed --resume` finishes it with exactly the rows an
 * uninterrupted seed writes; a desk held by another writer gives one line saying so.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { demoData } from '../../src/demo/data.js';
import { writeBulk } from '../../src/store/bulk.js';
import { BIN, runBin } from '../helpers/cli.js';
import { TEST_DIALECT, tempDir, tempEnv, testDesk } from '../helpers/temp.js';
import { seedDemoExtras } from '../../src/store/demo-extras.js';

function start(args: string[], env: Record<string, string>): ChildProcess & { exited: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  return Object.assign(child, { exited: new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code))) });
}

/** Polls the desk (read-only, beside the writer) until `sql` gives a number above `min`. */
async function waitFor(path: string, sql: string, min: number): Promise<number> {
  for (;;) {
    if (existsSync(path)) {
      const db = new Database(path, { readonly: true });
      try {
        const n = db.prepare(sql).pluck().get() as number;
        if (n > min) return n;
      } catch {
        // not migrated yet
      } finally {
        db.close();
      }
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A digest of the rows a seed writes (audit events aside: the run's marks differ). */
function digest(db: Database.Database): string {
  const hash = createHash('sha256');
  for (const t of ['tickets', 'interactions', 'ticket_tags', 'requesters', 'technicians', 'tags']) {
    for (const row of db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

// Processes sharing one SQLite file (better-sqlite3 readers beside the writer, a BEGIN IMMEDIATE holder):
// nothing here reaches the server, so `npm run test:pg` would only run the SQLite tests again. The server's
// seed is covered by demo-pg.test.ts, and a failed chunk resumed by test/demo/seed.test.ts on both dialects.
describe.skipIf(TEST_DIALECT === 'postgres')('a long demo seed and other processes', () => {
  it('lets a ticket create from another process in while a 300k seed runs; killed, the seed is reported', { timeout: 60_000 }, async () => {
    const env = tempEnv();
    expect((await runBin(['demo', 'seed', '--tickets', '100'], { env })).code).toBe(0);
    const seed = start(['demo', 'seed', '--append', '--tickets', '300000'], env);
    await waitFor(env.DESKLINE_DB!, 'SELECT count(*) FROM tickets', 100); // its first chunk is in
    const create = await runBin(['ticket', 'create', '-t', 'Printer on fire', '-q'], { env });
    expect(create).toMatchObject({ code: 0, stderr: '' });
    expect(seed.exitCode).toBeNull(); // in while the seed was still writing, not after it
    seed.kill('SIGKILL');
    await seed.exited;

    const db = new Database(env.DESKLINE_DB!, { readonly: true });
    try {
      const id = db.prepare("SELECT id FROM tickets WHERE title = 'Printer on fire'").pluck().get() as number;
      expect(create.stdout).toBe(`HD-${id}\n`);
      const total = db.prepare('SELECT count(*) FROM tickets').pluck().get() as number;
      expect(total).toBeLessThan(300_101);
      // Every ticket that is there is whole: its create event and its timeline came in the same chunk.
      expect(db.prepare("SELECT count(*) FROM audit_events WHERE action = 'create'").pluck().get()).toBe(total);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
    // Not a whole desk: the next seed and the health check say so.
    const again = await runBin(['demo', 'seed', '--append'], { env });
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(
      /^deskline: an earlier demo seed stopped after [\d,]+ of 300,000 tickets: run 'deskline demo seed --resume' to finish it\n$/,
    );
    const check = await runBin(['db', 'check'], { env });
    expect(check.code).toBe(5);
    expect(check.stderr).toContain('demo seed stopped after');
  });

  it(
    'a seed killed as it starts leaves its indexes to build; --resume writes exactly what an uninterrupted seed writes',
    { timeout: 60_000 },
    async () => {
      const env = tempEnv();
      const seed = start(['demo', 'seed', '--tickets', '20000'], env);
      // Killed as soon as its start is recorded: people written, ticket indexes dropped, no ticket in yet.
      await waitFor(env.DESKLINE_DB!, "SELECT count(*) FROM audit_events WHERE action = 'bulk_write'", 0);
      seed.kill('SIGKILL');
      await seed.exited;
      const check = await runBin(['db', 'check'], { env });
      expect(check).toMatchObject({ code: 5 });
      expect(check.stderr).toMatch(/demo seed stopped after [\d,]+ of 20,000 tickets/);

      const resumed = await runBin(['demo', 'seed', '--resume', '--json'], { env });
      expect(resumed.code).toBe(0);
      expect(await runBin(['db', 'check'], { env })).toMatchObject({ code: 0 });

      const db = new Database(env.DESKLINE_DB!, { readonly: true });
      try {
        const marks = db.prepare("SELECT new_value FROM audit_events WHERE action = 'bulk_write' AND field = 'started'").pluck().all();
        expect(marks).toHaveLength(1);
        const { params } = JSON.parse(marks[0] as string) as { params: Parameters<typeof demoData>[0] & Record<string, unknown> };
        const fresh = await testDesk(join(tempDir(), 'desk.db')); // an SQLite file, as the seeded desk is
        const data = demoData(params);
        await writeBulk(fresh, {
          ...data,
          tickets: data.tickets(),
          total: params.tickets,
          actor: 'demo',
          now: params.now,
          params,
          label: 'demo seed',
          resumeWith: '',
          emptyOnly: true,
        });
        // What the seed writes after its tickets (groups, a ticket's group, assets), as demo seed does.
        await seedDemoExtras(fresh.db, params.now);
        expect(db.prepare('SELECT count(*) FROM tickets').pluck().get()).toBe(20_000);
        expect(digest(db)).toBe(digest(fresh.sqlite));
        const indexes = "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tickets' ORDER BY name";
        expect(db.prepare(indexes).pluck().all()).toEqual(fresh.sqlite.prepare(indexes).pluck().all());
      } finally {
        db.close();
      }
    },
  );

  it('a desk another process holds gives one line saying so, after waiting', { timeout: 30_000 }, async () => {
    const env = tempEnv();
    expect((await runBin(['ticket', 'create', '-t', 'First'], { env })).code).toBe(0);
    const holder = new Database(env.DESKLINE_DB!);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const r = await runBin(['ticket', 'create', '-t', 'Second'], { env });
      expect(r).toMatchObject({ code: 5, stdout: '' });
      expect(r.stderr).toMatch(/^deskline: the desk is busy: another process holds it for writing[^\n]*\n$/);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });
});

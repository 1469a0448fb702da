/**
 * withImmediate under writers that take turns: SQLite's busy handler is no queue, so a waiter can
 * time out while others keep committing. A BEGIN that times out is tried again while the desk moves
 * (data_version), and still gives up when one holder keeps it. A real second process holds the lock.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { withImmediate } from '../../src/db/immediate.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A process that holds the write lock `rounds` times for `holdMs`, committing between (no gap a sleeping waiter would catch). */
function holder(path: string, rounds: number, holdMs: number): Promise<ChildProcess> {
  const code = `
    const Database = (await import(${JSON.stringify(`${ROOT}node_modules/better-sqlite3/lib/index.js`)})).default;
    const db = new Database(process.argv[1]);
    const pause = new Int32Array(new SharedArrayBuffer(4));
    for (let i = 0; i < ${rounds}; i++) {
      db.exec('BEGIN IMMEDIATE');
      db.prepare("INSERT INTO tags (name) VALUES (?)").run('held-' + i);
      if (i === 0) process.stdout.write('holding');
      Atomics.wait(pause, 0, 0, ${holdMs});
      db.exec('COMMIT');
    }
    db.close();`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code, path], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => child.stdout!.once('data', () => resolve(child)));
}

const ended = (child: ChildProcess) => new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(null)));

describe('withImmediate while other writers take turns', () => {
  it('waits through other writers committing in turn, past one busy_timeout', { timeout: 30_000 }, async () => {
    const path = join(tempDir(), 'desk.db');
    const desk = await openDatabase(path);
    try {
      desk.sqlite.pragma('busy_timeout = 200');
      const child = await holder(path, 10, 40);
      await withImmediate(desk.db, (trx) => trx.insertInto('tags').values({ name: 'mine' }).execute());
      await ended(child);
      const names = (desk.sqlite.prepare('SELECT name FROM tags ORDER BY id').all() as { name: string }[]).map((r) => r.name);
      expect(names).toContain('mine');
      expect(names.filter((n) => n.startsWith('held-'))).toHaveLength(10);
    } finally {
      await desk.close();
    }
  });

  it('still gives up with SQLITE_BUSY when one holder keeps the desk', { timeout: 30_000 }, async () => {
    const path = join(tempDir(), 'desk.db');
    const desk = await openDatabase(path);
    try {
      desk.sqlite.pragma('busy_timeout = 200');
      const child = await holder(path, 1, 3000);
      await expect(withImmediate(desk.db, (trx) => trx.insertInto('tags').values({ name: 'mine' }).execute())).rejects.toMatchObject({
        code: 'SQLITE_BUSY',
      });
      await ended(child);
    } finally {
      await desk.close();
    }
  });
});

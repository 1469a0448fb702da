/**
 * withImmediate: read-then-write work on separate connections to one file never loses an update,
 * and a throw rolls everything back. Real connections, real files; concurrency across processes
 * (better-sqlite3 is synchronous: a connection waiting for the lock blocks its whole thread).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Desk } from '../../src/db/database.js';
import { withImmediate } from '../../src/db/immediate.js';
import { bundleWorker } from '../helpers/bundle-worker.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Reads the tag's counter, yields to the event loop, writes counter + 1: the classic lost-update shape. */
function increment(desk: Desk): Promise<void> {
  return withImmediate(desk.db, async (trx) => {
    const row = await trx.selectFrom('tags').select('name').where('id', '=', 1).executeTakeFirstOrThrow();
    await new Promise((r) => setTimeout(r, 1));
    await trx
      .updateTable('tags')
      .set({ name: String(Number(row.name) + 1) })
      .where('id', '=', 1)
      .execute();
  });
}

/** The same increment, `times` times, in a separate Node process with its own connection (bundled: no tsx per process). */
const WORKER = `
  import { openDatabase } from ${JSON.stringify(`${ROOT}src/db/database.ts`)};
  import { withImmediate } from ${JSON.stringify(`${ROOT}src/db/immediate.ts`)};
  const [path, times] = process.argv.slice(2);
  const desk = await openDatabase(path);
  process.stdout.write('ready');
  await new Promise((r) => process.stdin.once('data', r)); // start together
  for (let i = 0; i < Number(times); i++) {
    await withImmediate(desk.db, async (trx) => {
      const row = await trx.selectFrom('tags').select('name').where('id', '=', 1).executeTakeFirstOrThrow();
      await new Promise((r) => setTimeout(r, 1));
      await trx.updateTable('tags').set({ name: String(Number(row.name) + 1) }).where('id', '=', 1).execute();
    });
  }
  await desk.close();
`;

/** Starts `count` workers, waits until each has its connection open, then lets them all go at once. */
async function race(path: string, count: number, times: number): Promise<{ code: number | null; stderr: string }[]> {
  const worker = await bundleWorker({ code: WORKER });
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, [worker, path, String(times)], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    }),
  );
  const done = children.map(
    (child) =>
      new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        let stderr = '';
        child.stderr.on('data', (c) => (stderr += c));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stderr }));
      }),
  );
  // A worker that dies before it is ready ends the wait too, and its stderr shows in the result.
  await Promise.all(children.map((child) => new Promise((r) => (child.stdout.once('data', r), child.once('close', r)))));
  for (const child of children) child.stdin.end('go');
  return Promise.all(done);
}

async function counterDesk(): Promise<{ path: string; desk: Desk }> {
  const path = join(tempDir(), 'desk.db');
  const desk = await openDatabase(path);
  await desk.db.insertInto('tags').values({ id: 1, name: '0' }).execute();
  return { path, desk };
}

const counter = async (desk: Desk) =>
  Number((await desk.db.selectFrom('tags').select('name').where('id', '=', 1).executeTakeFirstOrThrow()).name);

describe('withImmediate', () => {
  it('loses no update when connections in separate processes read then write at once', async () => {
    const { path, desk } = await counterDesk();
    await desk.close();
    const results = await race(path, 3, 30);
    expect(results).toEqual(Array(3).fill({ code: 0, stderr: '' }));
    const check = await openDatabase(path);
    try {
      expect(await counter(check)).toBe(90);
    } finally {
      await check.close();
    }
  }, 60_000);

  it('makes the second of two connections in one thread fail loudly (SQLITE_BUSY), never overwrite', async () => {
    const { path, desk: a } = await counterDesk();
    const b = await openDatabase(path);
    try {
      b.sqlite.pragma('busy_timeout = 50'); // it would block this thread for the full 5 s otherwise
      const [first, second] = await Promise.allSettled([increment(a), increment(b)]);
      expect(first.status).toBe('fulfilled');
      expect(second).toMatchObject({ status: 'rejected', reason: { code: 'SQLITE_BUSY' } });
      expect(await counter(a)).toBe(1);
      await increment(b); // the loser's connection is usable again: no transaction left open
      expect(await counter(a)).toBe(2);
    } finally {
      await b.close();
      await a.close();
    }
  });

  it('rolls back everything when the work throws, and releases the write lock', async () => {
    const { path, desk: a } = await counterDesk();
    const b = await openDatabase(path);
    try {
      await expect(
        withImmediate(a.db, async (trx) => {
          await trx.updateTable('tags').set({ name: '41' }).where('id', '=', 1).execute();
          await trx.insertInto('tags').values({ name: 'half-done' }).execute();
          throw new Error('no network');
        }),
      ).rejects.toThrow('no network');
      expect(await counter(b)).toBe(0);
      expect(await b.db.selectFrom('tags').select('name').where('name', '=', 'half-done').execute()).toEqual([]);
      b.sqlite.pragma('busy_timeout = 50');
      await increment(b); // would be SQLITE_BUSY if a still held the lock
      await increment(a); // and a's connection is out of its transaction
      expect(await counter(a)).toBe(2);
    } finally {
      await b.close();
      await a.close();
    }
  });

  it('returns what the work returns', async () => {
    const { desk } = await counterDesk();
    try {
      expect(await withImmediate(desk.db, async (trx) => (await trx.selectFrom('tags').selectAll().execute()).length)).toBe(1);
    } finally {
      await desk.close();
    }
  });
});

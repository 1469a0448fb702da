/**
 * Files Deskline must not touch: a newer schema, a file that is not SQLite, someone else's SQLite
 * database. Each is refused with one clear line (exit code 5) and left exactly as it was.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { LATEST_VERSION } from '../../src/db/migrations/index.js';
import { DesklineError } from '../../src/errors.js';
import { copyOldDesk } from '../../fixtures/db/old-desk.js';
import { tempDir } from '../helpers/temp.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Opens `path` expecting a refusal; returns the error. Checks the file and its folder are untouched. */
async function refused(path: string, options: { readonly?: boolean } = {}): Promise<DesklineError> {
  const before = { hash: sha(path), files: readdirSync(join(path, '..')).sort() };
  const error = await openDatabase(path, options).then(
    () => expect.fail('opened a file it should refuse'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DesklineError);
  expect((error as DesklineError).exitCode).toBe(5);
  expect((error as DesklineError).message).not.toContain('\n');
  expect(sha(path)).toBe(before.hash);
  expect(readdirSync(join(path, '..')).sort()).toEqual(before.files); // no -wal, -shm or backups/
  return error as DesklineError;
}

function setPragmas(path: string, pragmas: string[]): void {
  const db = new Database(path);
  for (const p of pragmas) db.pragma(p);
  db.close();
}

describe('refusing files that are not ours to change', () => {
  it('refuses a Deskline database with a newer schema (WAL mode, as Deskline leaves it)', async () => {
    const path = copyOldDesk(tempDir());
    setPragmas(path, [`user_version = ${LATEST_VERSION + 7}`]);
    const error = await refused(path);
    expect(error.message).toBe(
      `${path} has schema version ${LATEST_VERSION + 7}, newer than this Deskline knows (${LATEST_VERSION}): upgrade Deskline`,
    );
    await refused(path, { readonly: true });
  });

  it('refuses a newer schema in rollback-journal mode too', async () => {
    const path = copyOldDesk(tempDir());
    setPragmas(path, ['journal_mode = DELETE', `user_version = ${LATEST_VERSION + 1}`]);
    expect((await refused(path)).message).toContain('newer than this Deskline knows');
  });

  it.each([
    ['random bytes', randomBytes(8192)],
    ['a text file', 'ticket,title\n1,VPN drops\n'],
    ['a one-line note', 'x'],
    ['an SQLite look-alike header', Buffer.concat([Buffer.from('SQLite format 3\0'), randomBytes(4080)])],
  ])('refuses %s', async (_name, content) => {
    const path = join(tempDir(), 'desk.db');
    writeFileSync(path, content, { mode: 0o600 });
    const error = await refused(path);
    expect(error.message).toMatch(/is not a Deskline database \(not an SQLite file\)|is corrupt/);
  });

  it.each([
    ['rollback journal', 'DELETE'],
    ['WAL', 'WAL'],
  ])('refuses a foreign SQLite database with tables (%s)', async (_name, journal) => {
    const path = join(tempDir(), 'photos.db');
    const db = new Database(path);
    db.pragma(`journal_mode = ${journal}`);
    db.exec("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos (name) VALUES ('cat.jpg')");
    db.close();
    const error = await refused(path);
    expect(error.message).toBe(`${path} is an SQLite database but not a Deskline one: refusing to touch it`);
  });

  it('refuses a database stamped by another application even with no tables', async () => {
    const path = join(tempDir(), 'other.db');
    setPragmas(path, ['journal_mode = WAL', 'application_id = 1234']);
    expect((await refused(path)).message).toContain('not a Deskline one');
  });

  it('adopts an empty SQLite file with no tables (a first run that never got to migrate)', async () => {
    const path = join(tempDir(), 'desk.db');
    setPragmas(path, ['journal_mode = WAL']);
    const desk = await openDatabase(path);
    await desk.close();
    expect(desk.sqlite.open).toBe(false);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });
});

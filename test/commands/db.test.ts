/**
 * `deskline db path|backup|check` through the built binary, as a user runs it: real process, real
 * files in a temp HOME/XDG, exit codes and one-line errors.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { integrityProblems } from '../../src/db/backup.js';
import { runBin, type CliResult } from '../helpers/cli.js';
import { tempEnv } from '../helpers/temp.js';

const DIST = fileURLToPath(new URL('../../dist/cli.mjs', import.meta.url));
const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

beforeAll(() => {
  if (!existsSync(DIST)) throw new Error('dist/cli.mjs is missing: run `node scripts/build.mjs` (npm test does)');
});

/** A desk made by the binary itself (so its schema is the built one), holding one requester. */
async function seededEnv(): Promise<Record<string, string>> {
  const env = tempEnv();
  expect((await runBin(['db', 'check'], { env })).code).toBe(0);
  const raw = new Database(env.DESKLINE_DB!);
  raw.prepare("INSERT INTO requesters (name, email, created_at) VALUES ('Ana Silva', 'ana@example.com', 1)").run();
  raw.close();
  return env;
}

function expectOneLineError(r: CliResult, code: number, text: string): void {
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^deskline: [^\n]+\n$/);
  expect(r.stderr).toContain(text);
}

describe('deskline db path', () => {
  it('prefers --db, then DESKLINE_DB, then <XDG_DATA_HOME>/deskline/desk.db, and creates nothing', async () => {
    const env = tempEnv();
    const { DESKLINE_DB: fromEnv, ...noDbEnv } = env;
    const flag = join(env.HOME!, 'elsewhere.db');
    expect(await runBin(['--db', flag, 'db', 'path'], { env })).toEqual({ code: 0, stdout: `${flag}\n`, stderr: '' });
    expect(await runBin(['db', 'path'], { env })).toEqual({ code: 0, stdout: `${fromEnv}\n`, stderr: '' });
    const fallback = join(env.XDG_DATA_HOME!, 'deskline', 'desk.db');
    expect(await runBin(['db', 'path'], { env: noDbEnv })).toEqual({ code: 0, stdout: `${fallback}\n`, stderr: '' });
    // Node >= 22 may leave its compile cache in ~/.cache (README: safe to delete); nothing else.
    expect(readdirSync(env.HOME!).filter((f) => f !== '.cache')).toEqual([]);
  });
});

describe('deskline db backup', () => {
  it('writes a private copy that passes integrity_check and holds the data', async () => {
    const env = await seededEnv();
    const dest = join(env.HOME!, 'backups', 'desk-copy.db');
    const r = await runBin(['db', 'backup', dest], { env });
    expect(r).toEqual({ code: 0, stdout: `backed up ${env.DESKLINE_DB} to ${dest}\n`, stderr: '' });
    expect(mode(dest)).toBe('600');
    expect(mode(join(dest, '..'))).toBe('700');
    expect(integrityProblems(dest)).toEqual([]);
    const copy = new Database(dest, { readonly: true });
    expect(copy.prepare('SELECT name FROM requesters').all()).toEqual([{ name: 'Ana Silva' }]);
    copy.close();
    expect(readdirSync(join(dest, '..'))).toEqual(['desk-copy.db']); // one self-contained file, no -wal/-shm
  });

  it('refuses to overwrite an existing file (exit 3) and leaves it as it was', async () => {
    const env = await seededEnv();
    const dest = join(env.HOME!, 'precious.txt');
    writeFileSync(dest, 'not yours\n');
    const before = sha(dest);
    expectOneLineError(await runBin(['db', 'backup', dest], { env }), 3, `${dest} already exists`);
    expect(sha(dest)).toBe(before);
  });

  it('fails with exit 5 and one line when the copy cannot be written', async () => {
    const env = await seededEnv();
    const file = join(env.HOME!, 'a-file');
    writeFileSync(file, '');
    expectOneLineError(await runBin(['db', 'backup', join(file, 'copy.db')], { env }), 5, `cannot write backup ${file}/copy.db`);
  });
});

describe('deskline db check', () => {
  it('prints ok and exits 0 for a sound database', async () => {
    const env = await seededEnv();
    expect(await runBin(['db', 'check'], { env })).toEqual({
      code: 0,
      stdout: `ok: ${env.DESKLINE_DB} passed integrity, foreign-key and audit-trail checks\n`,
      stderr: '',
    });
  });

  it('exits 5 naming a broken reference', async () => {
    const env = await seededEnv();
    const raw = new Database(env.DESKLINE_DB!);
    raw.pragma('foreign_keys = OFF');
    raw.prepare("INSERT INTO interactions (ticket_id, kind, author_name, created_at) VALUES (42, 'note', 'x', 1)").run();
    raw.close();
    expectOneLineError(await runBin(['db', 'check'], { env }), 5, 'interactions row 1 points at a missing tickets');
  });

  it('refuses a file that is not a Deskline database and leaves it untouched', async () => {
    const env = tempEnv();
    writeFileSync(env.DESKLINE_DB!, 'name,email\nAna,ana@example.com\n');
    const before = sha(env.DESKLINE_DB!);
    expectOneLineError(await runBin(['db', 'check'], { env }), 5, 'is not a Deskline database');
    expect(sha(env.DESKLINE_DB!)).toBe(before);
    expect(readdirSync(env.HOME!).filter((f) => f !== '.cache')).toEqual(['desk.db']); // .cache: Node >= 22's compile cache
  });
});

describe('a database that cannot be created', () => {
  it('exits 5 with one line when part of the path is a regular file', async () => {
    const env = tempEnv();
    const file = join(env.HOME!, 'notes.txt');
    writeFileSync(file, 'hello\n');
    const db = join(file, 'desk.db');
    expectOneLineError(await runBin(['db', 'check'], { env: { ...env, DESKLINE_DB: db } }), 5, `cannot create database ${db}`);
    expect(readFileSync(file, 'utf8')).toBe('hello\n');
  });
});

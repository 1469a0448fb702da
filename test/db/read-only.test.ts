/**
 * A desk this user cannot write (a read-only folder, a read-only file) is still read: lists, shows,
 * checks and backups work; writes end with one line saying why, exit 5, and leave nothing behind.
 *
 * Root ignores permissions, and CI runs as root, so the binary then runs as `nobody` through
 * setpriv; where the checkout is not readable by nobody, `chattr +i` (which stops root too) locks the
 * folder and file instead. When neither works the test fails: it must never pass without a lock.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, createReadStream, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runBin, type CliResult } from '../helpers/cli.js';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

interface Lock {
  how: string;
  run(args: string[], env: Record<string, string>): Promise<CliResult>;
  lock(path: string, kind: 'folder' | 'file'): void;
  unlock(path: string, kind: 'folder' | 'file'): void;
  /** Gives a fresh folder to the user the binary runs as. */
  own(path: string): void;
}

function runAsNobody(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const ids = [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'];
    const child = spawn('setpriv', [...ids, process.execPath, BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end('');
  });
}

const chattr = (flag: string, path: string) => execFileSync('chattr', [flag, path], { stdio: 'ignore' });

const byPermissions: Omit<Lock, 'how' | 'run' | 'own'> = {
  lock: (path, kind) => chmodSync(path, kind === 'folder' ? 0o500 : 0o400),
  unlock: (path, kind) => chmodSync(path, kind === 'folder' ? 0o700 : 0o600),
};

/** How this machine can make a desk read-only to the binary. */
function chooseLock(): Lock {
  if (!isRoot) return { how: 'permissions', run: (args, env) => runBin(args, { env }), own: () => undefined, ...byPermissions };
  try {
    execFileSync(
      'setpriv',
      [
        `--reuid=${NOBODY}`,
        `--regid=${NOBODY}`,
        '--clear-groups',
        process.execPath,
        '-e',
        `require('fs').accessSync(${JSON.stringify(BIN)})`,
      ],
      {
        stdio: 'ignore',
      },
    );
    return { how: 'permissions, as nobody', run: runAsNobody, own: (path) => chownSync(path, NOBODY, NOBODY), ...byPermissions };
  } catch {
    // nobody cannot run the checkout: lock with the immutable attribute instead
  }
  const probe = mkdtempSync(join(tmpdir(), 'deskline-chattr-'));
  try {
    chattr('+i', probe);
    chattr('-i', probe);
  } catch {
    throw new Error('running as root with neither setpriv (as nobody) nor chattr +i usable: cannot make a desk read-only here');
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
  return {
    how: 'chattr +i',
    run: (args, env) => runBin(args, { env }),
    own: () => undefined,
    lock: (path) => chattr('+i', path),
    unlock: (path) => chattr('-i', path),
  };
}

const lock = chooseLock();

function sha(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (c) => hash.update(c))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

/** A desk with two tickets, made by the user the binary runs as, in a folder of its own. */
async function deskOfTwo(): Promise<{ env: Record<string, string>; folder: string; db: string }> {
  const home = mkdtempSync(join(tmpdir(), 'deskline-ro-'));
  made.push(home);
  lock.own(home);
  const folder = join(home, 'desk');
  const db = join(folder, 'desk.db');
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    DESKLINE_DB: db,
    USER: 'tester',
    NO_COLOR: '1',
    TZ: 'UTC',
  };
  for (const title of ['VPN drops', 'Printer jams']) {
    const r = await lock.run(['ticket', 'create', '-t', title, '-q'], env);
    expect(r.stderr).toBe('');
  }
  return { env, folder, db };
}

async function expectReadsWork(env: Record<string, string>): Promise<void> {
  const list = await lock.run(['ticket', 'list', '--json'], env);
  expect(list.stderr).toBe('');
  expect(list.code).toBe(0);
  expect((JSON.parse(list.stdout) as { tickets: { title: string }[] }).tickets.map((t) => t.title).sort()).toEqual([
    'Printer jams',
    'VPN drops',
  ]);
  const show = await lock.run(['ticket', 'show', 'HD-2'], env);
  expect(show.code).toBe(0);
  expect(show.stdout).toContain('Printer jams');
  expect(await lock.run(['db', 'check'], env)).toMatchObject({ code: 0, stderr: '' });
}

async function expectWriteRefused(env: Record<string, string>, why: string): Promise<void> {
  const r = await lock.run(['ticket', 'create', '-t', 'Not written', '-q'], env);
  expect(r.code).toBe(5);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(`deskline: cannot write: ${why}\n`);
}

describe(`a desk this user cannot write (locked by ${lock.how})`, () => {
  it('in a read-only folder: reads work, a write is refused in one line, nothing changes', async () => {
    const { env, folder, db } = await deskOfTwo();
    const before = await sha(db);
    lock.lock(folder, 'folder');
    try {
      await expectReadsWork(env);
      await expectWriteRefused(env, `the folder of ${db} is read-only to you`);
      expect(readdirSync(folder)).toEqual(['desk.db']); // no -wal, -shm or marker left behind
    } finally {
      lock.unlock(folder, 'folder');
    }
    expect(await sha(db)).toBe(before);
  });

  it('a read-only file in a writable folder: reads work, a write is refused in one line', async () => {
    const { env, db } = await deskOfTwo();
    const before = await sha(db);
    const fileMode = statSync(db).mode & 0o777;
    lock.lock(db, 'file');
    try {
      await expectReadsWork(env);
      await expectWriteRefused(env, `${db} is read-only to you`);
    } finally {
      lock.unlock(db, 'file');
    }
    expect(await sha(db)).toBe(before);
    expect(statSync(db).mode & 0o777).toBe(fileMode);
  });

  it('a new desk in a read-only folder is not created: one line, exit 5', async () => {
    const { env, folder } = await deskOfTwo();
    const db = join(folder, 'other.db');
    lock.lock(folder, 'folder');
    try {
      const r = await lock.run(['ticket', 'list'], { ...env, DESKLINE_DB: db });
      expect(r).toEqual({ code: 5, stdout: '', stderr: `deskline: cannot create database ${db}: permission denied\n` });
      expect(readdirSync(folder)).toEqual(['desk.db']);
    } finally {
      lock.unlock(folder, 'folder');
    }
  });
});

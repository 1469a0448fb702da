/**
 * Odd database and backup paths, through the built binary: each ends at once with exit 5 and one
 * line naming the path and the problem. Under /proc, Node's recursive mkdir used to spin at 100 % CPU
 * forever: every run here is killed after 15 s, so a hang fails the test instead of stalling it.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, type CliResult } from '../helpers/cli.js';
import { tempEnv } from '../helpers/temp.js';

const LIMIT_MS = 15_000;

/** The binary, killed after LIMIT_MS; the result says how long it ran. */
function runTimed(args: string[], env: Record<string, string>): Promise<CliResult & { ms: number; signal: string | null }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'], timeout: LIMIT_MS });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, stdout, stderr, signal, ms: Date.now() - started }));
    child.stdin.end('');
  });
}

async function expectOneLine(args: string[], env: Record<string, string>, text: string): Promise<void> {
  const r = await runTimed(args, env);
  expect(r.signal, `killed after ${r.ms} ms: it hung`).toBeNull();
  expect(r.code).toBe(5);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^deskline: [^\n]+\n$/);
  expect(r.stderr).toContain(text);
}

describe('database paths that cannot be a desk', () => {
  it('a desk under /proc ends at once', { timeout: LIMIT_MS + 5_000 }, async () => {
    await expectOneLine(
      ['--db', '/proc/nope/desk.db', 'ticket', 'list'],
      tempEnv(),
      'cannot create database /proc/nope/desk.db: /proc/nope',
    );
  });

  it('a backup under /proc ends at once', { timeout: LIMIT_MS + 5_000 }, async () => {
    const env = tempEnv();
    await expectOneLine(['db', 'backup', '/proc/nope/x.db'], env, 'cannot write backup /proc/nope/x.db: /proc/nope');
  });

  it('a folder given as --db is named as a folder (not "disk I/O error")', async () => {
    const env = tempEnv();
    const folder = join(env.HOME!, 'desks');
    mkdirSync(folder);
    await expectOneLine(['--db', folder, 'ticket', 'list'], env, `${folder} is a folder, not a database file`);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('a dangling symbolic link is named with its target (not EEXIST), and nothing is created', async () => {
    const env = tempEnv();
    const link = join(env.HOME!, 'desk-link.db');
    const target = join(env.HOME!, 'gone', 'desk.db');
    symlinkSync(target, link);
    await expectOneLine(
      ['--db', link, 'ticket', 'create', '-t', 'x'],
      env,
      `${link} is a symbolic link to ${target}, which does not exist`,
    );
    expect(readdirSync(env.HOME!).filter((f) => f !== '.cache')).toEqual(['desk-link.db']); // .cache: Node >= 22's compile cache
  });

  it('a device is not taken for a desk', async () => {
    await expectOneLine(['--db', '/dev/null', 'ticket', 'list'], tempEnv(), '/dev/null is not a regular file');
  });

  it('a path through a regular file names that file', async () => {
    const env = tempEnv();
    await expectOneLine(
      ['--db', join(env.HOME!, 'x', 'y', 'desk.db'), 'db', 'backup', '/etc/hostname/copy.db'],
      env,
      '/etc/hostname: not a folder',
    );
  });
});

/**
 * Every file Deskline writes is 0600 in folders it creates 0700, even at umask 000: the built binary
 * run by a shell that sets the umask, as a careless login profile would.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { copyOldDesk } from '../../fixtures/db/old-desk.js';
import { BIN, type CliResult } from '../helpers/cli.js';
import { tempDir, tempEnv } from '../helpers/temp.js';

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

/** The binary under `umask 000`. */
function runLax(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', 'umask 000 && exec "$0" "$@"', process.execPath, BIN, ...args], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end('');
  });
}

async function ok(args: string[], env: Record<string, string>): Promise<CliResult> {
  const r = await runLax(args, env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r;
}

describe('files written at umask 000', () => {
  it('the umask really is 000 in the child (so the checks below can fail)', async () => {
    const r = await new Promise<string>((resolve) => {
      const child = spawn('sh', ['-c', 'umask 000 && exec "$0" -e "process.stdout.write(process.umask().toString(8))"', process.execPath]);
      let out = '';
      child.stdout.on('data', (c) => (out += c));
      child.on('close', () => resolve(out));
    });
    expect(r).toBe('0');
  });

  it('settings: a new config.json is 0600 in 0700 folders', async () => {
    const env = tempEnv();
    await ok(['config', 'set', 'user.name', 'Ana Silva'], env);
    const folder = join(env.XDG_CONFIG_HOME!, 'deskline');
    expect(mode(join(folder, 'config.json'))).toBe('600');
    expect(mode(folder)).toBe('700');
    expect(mode(env.XDG_CONFIG_HOME!)).toBe('700');
  });

  it('settings: an existing 0644 config.json in a 0755 folder is narrowed on the next change', async () => {
    const env = tempEnv();
    const folder = join(env.XDG_CONFIG_HOME!, 'deskline');
    mkdirSync(folder, { recursive: true, mode: 0o755 });
    chmodSync(folder, 0o755);
    writeFileSync(join(folder, 'config.json'), '{"user":{"name":"Ana"}}', { mode: 0o644 });
    chmodSync(join(folder, 'config.json'), 0o644);
    await ok(['config', 'set', 'user.email', 'ana@example.com'], env);
    expect(mode(join(folder, 'config.json'))).toBe('600');
    expect(mode(folder)).toBe('700');
    expect((await ok(['config', 'get', 'user.name'], env)).stdout).toBe('Ana\n');
  });

  it('kb export: every file 0600, every folder it creates 0700', async () => {
    const env = tempEnv();
    await ok(['kb', 'import', '--starter'], env);
    const dir = join(env.HOME!, 'out', 'kb');
    await ok(['kb', 'export', dir], env);
    const categories = readdirSync(dir);
    expect(categories.length).toBeGreaterThan(1);
    for (const folder of [join(env.HOME!, 'out'), dir, ...categories.map((c) => join(dir, c))]) expect(mode(folder), folder).toBe('700');
    const files = categories.flatMap((c) => readdirSync(join(dir, c)).map((f) => join(dir, c, f)));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(mode(file), file).toBe('600');
  });

  it('the desk: new file 0600 in 0700 folders; backups 0600 in 0700 folders', async () => {
    const env = tempEnv({ DESKLINE_DB: join(tempDir(), 'a', 'b', 'desk.db') });
    await ok(['ticket', 'create', '-t', 'Printer jams', '-q'], env);
    expect(mode(env.DESKLINE_DB!)).toBe('600');
    expect(mode(join(env.DESKLINE_DB!, '..'))).toBe('700');
    expect(mode(join(env.DESKLINE_DB!, '..', '..'))).toBe('700');
    const copy = join(env.HOME!, 'saved', 'copies', 'desk.db');
    await ok(['db', 'backup', copy], env);
    expect([mode(copy), mode(join(copy, '..')), mode(join(copy, '..', '..'))]).toEqual(['600', '700', '700']);
  });

  it('an existing 0644 desk given as --db, and its -wal/-shm, become 0600', async () => {
    const env = tempEnv();
    const db = env.DESKLINE_DB!;
    await ok(['ticket', 'create', '-t', 'First', '-q'], env);
    chmodSync(db, 0o644);
    // Another connection keeps the -wal and -shm alive (they are removed when the last one closes).
    const holder = new Database(db);
    try {
      holder.pragma('journal_mode = WAL');
      holder.prepare('SELECT count(*) FROM tickets').get();
      expect([mode(db), mode(`${db}-wal`), mode(`${db}-shm`)]).toEqual(['644', '644', '644']);
      await ok(['ticket', 'create', '-t', 'Second', '-q'], env);
      expect([mode(db), mode(`${db}-wal`), mode(`${db}-shm`)]).toEqual(['600', '600', '600']);
    } finally {
      holder.close();
    }
  });

  it('the backup taken before a schema upgrade is 0600 in a 0700 folder', async () => {
    const dir = tempDir();
    const db = copyOldDesk(dir);
    expect((await runLax(['ticket', 'list'], tempEnv({ DESKLINE_DB: db }))).code).toBe(0);
    const backups = join(dir, 'backups');
    expect(mode(backups)).toBe('700');
    const files = readdirSync(backups);
    expect(files).toHaveLength(1);
    expect(mode(join(backups, files[0]!))).toBe('600');
    expect(existsSync(`${db}-wal`)).toBe(false);
  });
});

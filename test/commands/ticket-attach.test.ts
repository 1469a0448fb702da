/** Attachments through the CLI: stored by hash in a private folder, listed, saved back byte for byte, limited in size. */
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../src/domain/file-name.js';
import { runCli } from '../helpers/cli.js';
import { snapshot } from '../helpers/db-snapshot.js';
import { tempDir, tempEnv } from '../helpers/temp.js';

async function deskWithTicket() {
  const env = tempEnv();
  expect((await runCli(['ticket', 'create', '-t', 'Screen flickers'], { env })).code).toBe(0);
  return env;
}

describe('ticket attach / attachment save', () => {
  it('stores files by content in a 0700 folder beside the database and saves them back byte for byte', async () => {
    const env = await deskWithTicket();
    const dir = tempDir();
    const bytes = randomBytes(70_000);
    writeFileSync(join(dir, 'dump.bin'), bytes);
    writeFileSync(join(dir, 'note.txt'), 'flicker at 60 Hz');
    const r = await runCli(['ticket', 'attach', 'HD-1', join(dir, 'dump.bin'), join(dir, 'note.txt')], { env });
    expect(r.stdout).toBe('attached 1. dump.bin  (68 KB) to HD-1\nattached 2. note.txt  (16 B) to HD-1\n');
    const folder = join(dirname(env.DESKLINE_DB!), 'desk-attachments');
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    const stored = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(stored).toHaveLength(2);
    for (const f of stored) expect(statSync(join(f.parentPath, f.name)).mode & 0o777).toBe(0o600);

    const show = await runCli(['ticket', 'show', 'HD-1'], { env });
    expect(show.stdout).toMatch(/Attachments \(2\).*\n {2}1\. dump\.bin {2}68 KB .*\n {2}2\. note\.txt {2}16 B /);
    const out = tempDir();
    const saved = await runCli(['ticket', 'attachment', 'save', 'HD-1', '1', out], { env });
    expect(saved.code).toBe(0);
    expect(readFileSync(join(out, 'dump.bin')).equals(bytes)).toBe(true);
    const again = await runCli(['ticket', 'attachment', 'save', 'HD-1', '1', out], { env });
    expect([again.code, again.stderr]).toEqual([3, `deskline: ${join(out, 'dump.bin')} exists: use --force to replace it\n`]);
  });

  it('refuses a file over the size limit in settings, naming the file, and writes nothing', async () => {
    const env = await deskWithTicket();
    expect((await runCli(['config', 'set', 'attachments.max_mb', '1'], { env })).code).toBe(0);
    const big = join(tempDir(), 'video.mp4');
    writeFileSync(big, Buffer.alloc(1024 * 1024 + 1));
    const before = snapshot(env.DESKLINE_DB!);
    const r = await runCli(['ticket', 'attach', 'HD-1', big], { env });
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(`deskline: ${big}: 1.0 MB is over the attachment limit of 1.0 MB (deskline config set attachments.max_mb N)\n`);
    expect(snapshot(env.DESKLINE_DB!)).toBe(before);
  });

  it('an attachment number the ticket does not have is exit 2', async () => {
    const env = await deskWithTicket();
    const r = await runCli(['ticket', 'attachment', 'save', 'HD-1', '3'], { env });
    expect([r.code, r.stderr]).toEqual([2, 'deskline: HD-1 has no attachment 3 (it has 0)\n']);
  });
});

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..', 'attachment'],
    ['C:\\Users\\ana\\report.pdf', 'report.pdf'],
    ['.bashrc', 'bashrc'],
    ['evil\u202egnp.exe', 'evilgnp.exe'],
    ['a\nb\u0000c.txt', 'abc.txt'],
    ['', 'attachment'],
  ])('%j → %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });
});

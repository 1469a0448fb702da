/** `deskline import`: all or nothing, idempotent, a dry run that writes nothing, bad records named (exit 4). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { deskEnv, deskRows, deskSnapshot } from '../helpers/desk-env.js';

const SMALL = fileURLToPath(new URL('../../fixtures/import/small.jsonl', import.meta.url));

describe('deskline import', () => {
  it('imports once, then finds everything there and creates nothing', async () => {
    const env = await deskEnv();
    const first = await runCli(['import', 'jsonl', SMALL], { env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('imported: 7 created, 0 updated, 0 skipped');
    const before = await deskSnapshot(env);
    const again = await runCli(['import', 'jsonl', SMALL], { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing new (7 already there, skipped)');
    expect(await deskSnapshot(env)).toBe(before);
    expect(await deskRows(env, 'SELECT id, title, external_id FROM tickets')).toEqual([
      { id: 1, title: 'VPN drops every hour', external_id: 'legacy-1' },
    ]);
  });

  it('--dry-run lists what it would create and leaves the desk as it was', async () => {
    const env = await deskEnv();
    await runCli(['ticket', 'create', '-t', 'Existing'], { env });
    const before = await deskSnapshot(env);
    const r = await runCli(['import', 'jsonl', SMALL, '--dry-run'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/would create +tickets HD-\d+ +VPN drops every hour/);
    expect(r.stdout).toContain('dry run, nothing written: 7 created');
    expect(await deskSnapshot(env)).toBe(before);
  });

  it('a bad record late in the file names file, line and field, exits 4 and writes nothing', async () => {
    const env = await deskEnv();
    await runCli(['ticket', 'create', '-t', 'Existing'], { env });
    const before = await deskSnapshot(env);
    const bad = join(tempDir(), 'bad.jsonl');
    const lines = (await import('node:fs')).readFileSync(SMALL, 'utf8').trimEnd().split('\n');
    writeFileSync(
      bad,
      [
        ...lines,
        '{"table":"interactions","row":{"id":9,"ticket_id":1,"kind":"shout","author_id":null,"author_name":"x","body":"b","minutes":0,"created_at":1}}',
      ].join('\n'),
    );
    const r = await runCli(['import', 'jsonl', bad], { env });
    expect(r.code).toBe(4);
    expect(r.stderr.trim()).toBe(`deskline: ${bad}:9: kind: must be one of reply, note, call, chat, email_in, email_out, remote, system`);
    expect(await deskSnapshot(env)).toBe(before);
  });

  it('an unknown format is a usage error naming the known ones', async () => {
    const r = await runCli(['import', 'nope', SMALL], { env: await deskEnv() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unknown format 'nope' (known: jsonl");
  });
});

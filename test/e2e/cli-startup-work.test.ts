/**
 * What the built CLI does at start-up that a command may not need: string-width's Intl.Segmenter
 * (ICU's break-iterator data) is made on the first text that is not narrow, not at load (counted by
 * a preload that wraps the constructor in the spawned binary); `--version` answers before commander
 * loads, with what commander prints.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, runBin } from '../helpers/cli.js';
import { tempDir, tempEnv } from '../helpers/temp.js';

function counting(): string {
  const file = join(tempDir(), 'count-segmenters.mjs');
  writeFileSync(
    file,
    `const Made = Intl.Segmenter; let made = 0;
Intl.Segmenter = class extends Made { constructor(...a) { super(...a); made++; } };
process.on('exit', () => process.stderr.write('segmenters made: ' + made + '\\n'));\n`,
  );
  return pathToFileURL(file).href;
}

function run(preload: string, env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', preload, BIN, ...args], { env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, made: Number(/segmenters made: (\d+)/.exec(r.stderr)?.[1]) };
}

describe('the CLI at start-up', () => {
  it('makes no Intl.Segmenter for commands that print narrow text, and one when text needs it', () => {
    const preload = counting();
    const env = tempEnv();
    expect(run(preload, env, 'ticket', 'create', '-t', 'Printer jams on floor 2', '-q')).toMatchObject({ code: 0, made: 0 });
    expect(run(preload, env, 'ticket', 'list')).toMatchObject({ code: 0, made: 0 });
    expect(run(preload, env, 'ticket', 'create', '-t', '打印机 卡纸 🖨️', '-q')).toMatchObject({ code: 0, made: 0 });
    const wide = run(preload, env, 'ticket', 'list');
    expect(wide).toMatchObject({ code: 0, made: 1 });
    expect(wide.stdout).toContain('打印机 卡纸');
  });

  it('--version and -V print the package version, as commander does when they come with other options', async () => {
    const env = tempEnv();
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const args of [['--version'], ['-V'], ['--db', env.DESKLINE_DB!, '--version']]) {
      expect(await runBin(args, { env })).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });
});

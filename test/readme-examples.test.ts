/**
 * The README's command-line examples run as written, in order, on a fresh desk (issue 13 #16): each
 * line of every `sh` block (but the npm ones) goes to bash with `deskline` on PATH as the built binary,
 * in a folder holding the files the examples read (fixtures/readme/), and must exit 0.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN } from './helpers/cli.js';
import { tempEnv } from './helpers/temp.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The lines of the README's `sh` blocks that call deskline, in order. */
function exampleLines(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks
    .filter((block) => !block.includes('npm '))
    .flatMap((block) => block.split('\n'))
    .filter((line) => /^\S/.test(line) && line.includes('deskline'));
}

describe("the README's examples", () => {
  it('run in order on a fresh desk, each exiting 0', { timeout: 300_000 }, () => {
    const env = tempEnv();
    const bin = join(env.HOME!, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'deskline'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(bin, 'deskline'), 0o755);
    const cwd = join(env.HOME!, 'work');
    cpSync(join(root, 'fixtures', 'readme'), cwd, { recursive: true });
    cpSync(join(root, 'fixtures', 'import', 'confluence'), join(cwd, 'it-space'), { recursive: true });
    const lines = exampleLines();
    expect(lines.length).toBeGreaterThan(30);
    const failed: string[] = [];
    for (const line of lines) {
      const r = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', line], {
        cwd,
        env: { ...env, PATH: `${bin}:${env.PATH}` },
        encoding: 'utf8',
      });
      if (r.status !== 0) failed.push(`${line}\n  → exit ${r.status}: ${r.stderr.trim()}`);
    }
    expect(failed).toEqual([]);
  });
});

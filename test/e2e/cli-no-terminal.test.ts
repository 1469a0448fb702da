/**
 * The built binary with no command and no terminal (a pipe, cron, CI): the console cannot open, so
 * it prints the help and exits 0, with or without `--db` (it printed nothing when `--db` was given).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tempDir, tempEnv } from '../helpers/temp.js';

describe('deskline with no command and no terminal', () => {
  it.each([[[]], [['--db', 'DESK']]])('%j prints the help, exit 0, and creates no desk', async (args) => {
    const desk = join(tempDir(), 'desk.db');
    const result = await runBin(
      args.map((a) => (a === 'DESK' ? desk : a)),
      { env: tempEnv() },
    );
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(/^Usage: deskline \[options\] \[command\]\n/);
    expect(result.stdout).toContain('ticket|t ');
  });
});

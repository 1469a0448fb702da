/**
 * NO_COLOR everywhere in the CLI (issue 24): on a terminal, every command that colours (tables,
 * tickets, KB results and articles, report totals) paints without NO_COLOR and writes no escape
 * sequence with it, and says the same words (a low-priority ticket: its due time moves in hours, not minutes, between runs).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempEnv } from '../helpers/temp.js';

const STARTER = fileURLToPath(new URL('../../fixtures/kb/', import.meta.url));
const ESC = /\x1b\[/;
/** Ages and due times count on between two runs (0s, then 1s): compare the words, not the clock. */
const clockless = (text: string) => text.replace(/\b\d+[smhdw]\b/g, '#');

const COMMANDS = [
  ['ticket', 'list'],
  ['ticket', 'show', 'HD-1'],
  ['kb', 'search', 'printer'],
  ['kb', 'show', 'password-reset'],
  ['report', 'backlog'],
];

async function desk(): Promise<Record<string, string>> {
  const env = tempEnv();
  const run = (args: string[]) => runCli(args, { env });
  expect((await run(['ticket', 'create', '-t', 'Printer jams', '-p', 'low', '-q'])).code).toBe(0);
  expect((await run(['kb', 'import', STARTER])).code).toBe(0);
  const { NO_COLOR: _, ...coloured } = env;
  return coloured;
}

describe('NO_COLOR in the CLI', () => {
  it('colours a terminal without it, and writes no escape sequence with it (set, or set empty)', async () => {
    const env = await desk();
    for (const args of COMMANDS) {
      const painted = await runCli(args, { env, stdoutColumns: 120 });
      expect([args.join(' '), painted.code]).toEqual([args.join(' '), 0]);
      expect(painted.stdout, args.join(' ')).toMatch(ESC);
      for (const value of ['1', '']) {
        const plain = await runCli(args, { env: { ...env, NO_COLOR: value }, stdoutColumns: 120 });
        expect(plain.code).toBe(0);
        expect(plain.stdout, `${args.join(' ')} NO_COLOR=${value}`).not.toMatch(ESC);
        // The same text, less the paint (KB results mark matches with [ ] instead of colour).
        if (args[0] !== 'kb') expect(clockless(plain.stdout)).toBe(clockless(painted.stdout.replace(/\x1b\[[0-9;]*m/g, '')));
      }
    }
    const list = await runCli(['ticket', 'list'], { env: { ...env, NO_COLOR: '1' }, stdoutColumns: 120 });
    expect(list.stdout).toMatch(/HD-1 +low +new/);
  });
});

/**
 * Plain mode from the built binary: `--plain` through a pipe, TERM=dumb in a terminal (tmux), and
 * the `plain` setting. The raw bytes it writes to the terminal hold no escape sequence, and it never
 * switches to the alternate screen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runBin } from '../helpers/cli.js';
import { tempDir, tempEnv } from '../helpers/temp.js';
import { tmuxSession, type TmuxSession } from '../helpers/tmux.js';

const sessions: TmuxSession[] = [];
afterEach(async () => {
  while (sessions.length) await sessions.pop()!.kill();
});

async function deskWithTicket(): Promise<Record<string, string>> {
  const env = tempEnv();
  expect((await runBin(['ticket', 'create', '-t', 'Printer jams on floor 2', '-q'], { env })).code).toBe(0);
  return env;
}

describe('plain mode (built binary)', () => {
  it('--plain reads commands from a pipe and answers in sentences', async () => {
    const env = await deskWithTicket();
    const r = await runBin(['--plain'], { env, stdin: 'view 2\nnext\ntake\nquit\n' });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('\nHD-1 assigned to you.\n');
    expect(r.stdout).not.toMatch(/[\x1b\x9b]/);
    expect(JSON.parse((await runBin(['ticket', 'show', 'HD-1', '--json'], { env })).stdout).ticket.assignee.name).toBe('tester');
  });

  it('TERM=dumb in a terminal opens plain mode: no escape sequence, no alternate screen', async () => {
    const env = await deskWithTicket();
    const s = await tmuxSession({ cols: 80, rows: 24, env, command: ['env', 'TERM=dumb', process.execPath, BIN] });
    sessions.push(s);
    const raw = join(tempDir(), 'raw.out');
    await s.pipePane(raw);
    await s.waitFor('Say next to hear the first', 10_000);
    await s.type('view 2');
    await s.sendKeys('Enter');
    await s.waitFor('Unassigned: 1 ticket.');
    await s.type('next');
    await s.sendKeys('Enter');
    await s.waitFor(/1 of 1 ticket\. HD-1, normal priority, new, unassigned, due in \d+[mhd], (ok|risk): Print/);
    expect(await s.paneFormat('#{alternate_on}')).toBe('0');
    await s.type('quit');
    await s.sendKeys('Enter');
    expect(await s.exited()).toBe('0');
    expect(readFileSync(raw, 'utf8')).not.toMatch(/[\x1b\x9b]/);
  });

  it('`config set plain true` makes a bare deskline open plain mode', async () => {
    const env = await deskWithTicket();
    expect((await runBin(['config', 'set', 'plain', 'true'], { env })).code).toBe(0);
    expect((await runBin(['config', 'set', 'plain', 'maybe'], { env })).stderr).toBe('deskline: plain: must be true or false\n');
    const s = await tmuxSession({ cols: 80, rows: 24, env, command: [process.execPath, BIN] });
    sessions.push(s);
    await s.waitFor('Deskline plain mode, desk desk.db', 10_000);
    await s.type('quit');
    await s.sendKeys('Enter');
    expect(await s.exited()).toBe('0');
  });
});

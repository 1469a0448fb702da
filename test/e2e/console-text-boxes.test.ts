/**
 * The built console in tmux (issue 13 item 14): `x j x` marks two neighbouring rows; Enter in the
 * tags box saves; Ctrl+C in a reply box says how to leave and keeps the text; Esc then takes the
 * box and its messages away.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runBin } from '../helpers/cli.js';
import { tempEnv } from '../helpers/temp.js';
import { tmuxSession, type TmuxSession } from '../helpers/tmux.js';

const sessions: TmuxSession[] = [];
afterEach(async () => {
  while (sessions.length) await sessions.pop()!.kill();
});

const selected = (screen: string) => screen.split('\n').find((l) => l.startsWith('▸')) ?? '';

describe('console text boxes and marks in tmux (built binary)', () => {
  it('x j x, tags with Enter, Ctrl+C in a reply box', async () => {
    const env = tempEnv();
    for (const title of ['VPN drops every hour', 'Printer jams', 'Mouse broken'])
      expect((await runBin(['ticket', 'create', '-t', title, '--assignee', 'me', '-q'], { env })).code).toBe(0);
    const s = await tmuxSession({ cols: 80, rows: 24, env, command: [process.execPath, BIN] });
    sessions.push(s);
    await s.waitFor((x) => selected(x).includes('VPN drops') && x.includes('Detail · HD-1'), 10_000);

    await s.sendKeys('x', 'j', 'x');
    let screen = await s.waitFor((x) => x.includes('*2 marked') && selected(x).includes('*HD-2'));
    expect(screen).toMatch(/\*HD-1 .*VPN drops/);
    expect(screen).not.toMatch(/\*HD-3/);
    await s.sendKeys('X');
    await s.waitFor((x) => !x.includes('marked '));

    await s.sendKeys('#');
    await s.type('vpn');
    await s.sendKeys('Enter');
    await s.waitFor('HD-2 tags +vpn');

    await s.sendKeys('r');
    await s.type('Half a reply');
    await s.sendKeys('C-c');
    screen = await s.waitFor('Esc cancels · Ctrl+S saves');
    expect(screen).toContain('Half a reply');
    await s.sendKeys('Escape');
    await s.waitFor('Discard what you typed?');
    await s.sendKeys('y');
    screen = await s.waitFor((x) => !x.includes('Public reply to') && x.includes('Detail · HD-2'));
    expect(screen).not.toContain('Esc cancels');
    await s.sendKeys('q');
    expect(await s.exited()).toBe('0');
    const tags = await runBin(['ticket', 'show', 'HD-2', '--json'], { env });
    expect(JSON.parse(tags.stdout).ticket.tags).toEqual(['vpn']);
  });
});

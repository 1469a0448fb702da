/**
 * `u` in the built console, in tmux at 80×24: the selected ticket's requester fills the body with
 * their contact, notes, open tickets and assets; Esc goes back to the queue with the ticket selected.
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

describe('the requester screen in tmux (built binary)', () => {
  it('u opens the ticket’s requester: notes, open tickets, assets; Esc returns', async () => {
    const env = tempEnv();
    const run = async (...args: string[]) => expect((await runBin(args, { env })).code).toBe(0);
    await run('requester', 'add', 'Ana Silva', '-e', 'ana@example.com', '--department', 'Finance');
    await run('requester', 'update', 'ana@example.com', '--vip', '--location', 'HQ 3rd floor', '--notes', 'Prefers phone calls');
    await run('asset', 'add', 'LT-0042', '--type', 'laptop', '--model', 'Latitude 5440', '--owner', 'ana@example.com');
    await run('ticket', 'create', '-t', 'Old VPN issue', '-r', 'ana@example.com');
    await run('ticket', 'resolve', 'HD-1', '--resolution', 'Reinstalled the client');
    await run('ticket', 'create', '-t', 'Laptop fan noise', '-r', 'ana@example.com', '-a', 'me');
    const s = await tmuxSession({ cols: 80, rows: 24, env, command: [process.execPath, BIN] });
    sessions.push(s);
    await s.waitFor((x) => selected(x).includes('HD-2'), 10_000);

    await s.sendKeys('u');
    const screen = await s.waitFor((x) => x.includes('Requester · HD-2') && x.includes('Assets (1)'), 10_000);
    expect(screen).toContain('Ana Silva  ★ VIP');
    expect(screen).toContain('ana@example.com · Finance · HQ 3rd floor');
    expect(screen).toContain('Prefers phone calls');
    expect(screen).toMatch(/Open tickets \(1\)[\s\S]*HD-2 .*Laptop fan noise/);
    expect(screen).toMatch(/LT-0042 +laptop +deployed +Latitude 5440/);
    expect(screen).toMatch(/Past tickets \(1\)[\s\S]*HD-1 .*Old VPN issue/);
    const lines = screen.split('\n');
    expect(lines[23]!.trim()).toBe('');
    expect(lines[22]).toMatch(/Esc back/);

    await s.sendKeys('Escape');
    await s.waitFor((x) => selected(x).includes('HD-2') && !x.includes('Requester · HD-2'));
    await s.sendKeys('q');
    await s.exited();
  });
});

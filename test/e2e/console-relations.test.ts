/**
 * Issue 18 in the built console, in tmux at 80×24: mark two duplicates with x, merge them into the
 * selected ticket with M (after the question naming the refs), mark again and make a parent with P
 * (the row shows +N), then follow a related ticket with ⏎ and come back with Esc. The database is
 * checked afterwards through the CLI.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runBin } from '../helpers/cli.js';
import { tempEnv } from '../helpers/temp.js';
import { tmuxSession, type TmuxSession } from '../helpers/tmux.js';

const sessions: TmuxSession[] = [];
afterEach(async () => {
  while (sessions.length) await sessions.pop()!.kill();
});

async function cli(env: Record<string, string>, ...args: string[]) {
  const r = await runBin(args, { env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

const selected = (screen: string) => screen.split('\n').find((l) => l.startsWith('▸')) ?? '';

describe('merge and parent in the built console (tmux)', () => {
  it('80×24: x x M merges two duplicates after asking; x x P makes a parent shown as +2; ⏎ follows, Esc comes back', async () => {
    const env = tempEnv();
    for (const title of ['VPN outage in Leeds', 'VPN down for me', 'VPN broken again', 'Printer jams', 'Mouse broken'])
      await cli(env, 'ticket', 'create', '-t', title, '-q');
    const s = await tmuxSession({ cols: 80, rows: 24, env, command: [process.execPath, BIN] });
    sessions.push(s);
    await s.waitFor('No tickets match this view.', 10_000);
    await s.sendKeys('2');
    await s.waitFor((x) => selected(x).includes('VPN outage'));
    await s.sendKeys('j', 'x', 'j', 'x', 'g');
    await s.waitFor((x) => x.includes('*2 marked') && selected(x).includes('VPN outage'));
    await s.sendKeys('M');
    await s.waitFor('Merge HD-2, HD-3 into HD-1? (they close)');
    await s.sendKeys('y');
    await s.waitFor((x) => x.includes('HD-2, HD-3 merged into HD-1') && !x.includes('marked'));
    const merged = JSON.parse(await cli(env, 'ticket', 'show', 'HD-2', '--json'));
    expect(merged.ticket.status).toBe('closed');
    expect(merged.related.map((r: { label: string; ref: string }) => `${r.label} ${r.ref}`)).toEqual(['duplicate of HD-1']);

    // The merged tickets closed: they leave the Unassigned view (the detail pane lists them as related).
    await s.waitFor((x) => /HD-4 +new/.test(x) && !/HD-2 +new/.test(x));
    await s.sendKeys('j', 'x', 'j', 'x', 'g', 'P');
    await s.waitFor('Make HD-1 the parent of HD-4, HD-5?');
    await s.sendKeys('y');
    await s.waitFor((x) => x.includes('HD-1 now the parent of HD-4, HD-5') && selected(x).includes('+2 VPN outage'));
    const parent = JSON.parse(await cli(env, 'ticket', 'list', 'parent:HD-1', '--json'));
    expect(parent.tickets.map((t: { ref: string }) => t.ref).sort()).toEqual(['HD-4', 'HD-5']);
    for (const line of (await s.capture()).split('\n')) expect([...line].length).toBeLessThanOrEqual(80);

    await s.sendKeys('Enter', 'Enter');
    await s.waitFor('▸ duplicated by HD-2');
    await s.sendKeys('Enter');
    await s.waitFor((x) => x.includes('Detail · HD-2') && x.includes('duplicate of  HD-1'));
    await s.sendKeys('Escape');
    await s.waitFor((x) => x.includes('Detail · HD-1') && x.includes('▸ duplicated by HD-2'));
  }, 90_000);
});

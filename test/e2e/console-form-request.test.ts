/**
 * The built console in tmux at 80×24: a new ticket from the form as a new-hire request — the
 * requester's laptop ticked, the template's fields asked (a bad date named beside its field), the
 * checklist created — checked afterwards through the CLI. `npm test` builds dist/ first.
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
  expect([r.code, r.stderr]).toEqual([0, '']);
  return r.stdout;
}

describe('the new-ticket form with a template, in tmux (built binary)', () => {
  it('80×24: requester, an asset ticked, new-hire fields (a bad date refused), saved with its checklist', { timeout: 60_000 }, async () => {
    const env = tempEnv();
    await cli(env, 'requester', 'add', 'Kim Manager', '-e', 'kim@example.com');
    await cli(env, 'asset', 'add', 'LT-0042', '--type', 'laptop', '--model', 'Latitude 5440', '--owner', 'kim@example.com');
    await cli(env, 'ticket', 'create', '-t', 'Something else', '-r', 'kim@example.com');
    const s = await tmuxSession({ cols: 80, rows: 24, env, command: [process.execPath, BIN] });
    sessions.push(s);
    await s.sendKeys('2');
    await s.waitFor(/^▸.*Something else/m, 10_000);
    await s.sendKeys('n');
    await s.waitFor('New ticket');
    await s.sendKeys('Tab');
    await s.type('kim@example.com');
    await s.waitFor('[ ] LT-0042 laptop Latitude 5440');
    await s.sendKeys('Tab', 'Space');
    await s.waitFor('[x] LT-0042');
    await s.sendKeys('Tab', 'n');
    await s.waitFor((x) => x.includes('‹ new-hire ›') && x.includes('Start date*'));
    await s.sendKeys('Tab');
    await s.type('Lea Park');
    await s.sendKeys('Tab');
    await s.type('2027-13-01');
    await s.sendKeys('C-s');
    const form = await s.waitFor(/▸ Start date\*.*✗ is not a calendar date/);
    // The whole form fits at 80×24: the header stays on the first line and the description is there.
    expect(form.split('\n')[0]).toContain('1 My que');
    expect(form).toContain('Description');
    await s.sendKeys('C-u');
    await s.type('2027-01-04');
    await s.sendKeys('C-s');
    await s.waitFor('HD-2 created (checklist: 6 items; LT-0042 linked)');

    const t = JSON.parse(await cli(env, 'ticket', 'show', 'HD-2', '--json')) as {
      ticket: { title: string; tags: string[] };
      request?: { template: string; checklist: unknown[] };
      assets?: { tag: string }[];
    };
    expect(t.ticket.title).toBe('New hire: Lea Park starts 2027-01-04');
    expect(t.request?.template).toBe('new-hire');
    expect(t.request?.checklist).toHaveLength(6);
    expect(await cli(env, 'asset', 'show', 'LT-0042')).toContain('HD-2');
  });
});

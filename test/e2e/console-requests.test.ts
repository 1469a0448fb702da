/**
 * Service requests and macros in the built console, in tmux: a macro applied to three marked
 * tickets (preview, a yes, one reply each), and a new-hire checklist ticked to done with Space and
 * resolved. The desk is checked afterwards through the CLI. `npm test` builds dist/ first.
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

async function show(env: Record<string, string>, ref: string) {
  return JSON.parse(await cli(env, 'ticket', 'show', ref, '--json')) as {
    ticket: { status: string; tags: string[] };
    request?: { checklist: { done: boolean; done_by: string | null }[] };
    timeline: { kind: string; body: string }[];
  };
}

async function open(env: Record<string, string>, cols: number, rows: number) {
  const s = await tmuxSession({ cols, rows, env, command: [process.execPath, BIN] });
  sessions.push(s);
  return s;
}

describe('service requests and macros in tmux (built binary)', () => {
  it('80×24: a macro applied to three marked tickets, after its preview and a yes', { timeout: 60_000 }, async () => {
    const env = tempEnv();
    for (const who of ['Ana Silva <ana@example.com>', 'Bo Lind <bo@example.com>', 'Cy Moreau <cy@example.com>'])
      await cli(env, 'ticket', 'create', '-t', `Mail is down for ${who.split(' ')[0]}`, '-r', who);
    await cli(env, 'ticket', 'create', '-t', 'Not this one', '-r', 'Di Park <di@example.com>');
    const s = await open(env, 80, 24);
    await s.sendKeys('2');
    await s.waitFor(/^▸.*Mail is down for Ana/m, 10_000);
    await s.sendKeys('x', 'j', 'x', 'j', 'x');
    await s.waitFor('*3 marked');
    await s.sendKeys('m');
    await s.waitFor('Macro for 3 tickets');
    await s.type('outage');
    const preview = await s.waitFor((screen) => screen.includes('▸ known-outage') && screen.includes('status → on_hold'));
    expect(preview).toContain('Hi {{requester.first_name}},');
    await s.sendKeys('Enter');
    await s.waitFor('Apply known-outage? (3 tickets)');
    await s.sendKeys('y');
    await s.waitFor((screen) => screen.includes('3 tickets known-outage applied: reply sent') && !screen.includes('marked'));
    for (const [ref, name] of [
      ['HD-1', 'Ana'],
      ['HD-2', 'Bo'],
      ['HD-3', 'Cy'],
    ] as const) {
      const t = await show(env, ref);
      expect([t.ticket.status, t.ticket.tags]).toEqual(['on_hold', ['outage']]);
      expect(t.timeline.filter((e) => e.kind === 'reply').map((e) => e.body.split('\n')[0])).toEqual([`Hi ${name},`]);
    }
    expect((await show(env, 'HD-4')).timeline).toEqual([]);
  });

  it('160×48: a new-hire checklist ticked to done with Space, then resolved', { timeout: 60_000 }, async () => {
    const env = tempEnv();
    await cli(env, 'ticket', 'create', '--template', 'new-hire', '--field', 'name=Lea Park', '--field', 'start=2027-01-04');
    const s = await open(env, 160, 48);
    await s.sendKeys('2');
    await s.waitFor(/^▸.*New hire: Lea Park starts 2027-01-04/m, 10_000);
    await s.waitFor('Checklist 0/6');
    await s.sendKeys('c');
    await s.waitFor('Checklist HD-1 0/6 · Space ticks');
    for (let i = 1; i <= 6; i++) {
      await s.sendKeys('Space');
      await s.waitFor(`HD-1 item ${i} done (${i}/6)`);
      if (i < 6) await s.sendKeys('j');
    }
    await s.sendKeys('Escape');
    await s.waitFor((screen) => screen.includes('Checklist 6/6') && !screen.includes('Space ticks ·'));
    await s.sendKeys('R');
    await s.waitFor('Resolve HD-1');
    await s.type('Account, mailbox and laptop ready');
    await s.sendKeys('C-s');
    await s.waitFor('HD-1 resolved');
    const t = await show(env, 'HD-1');
    expect(t.ticket.status).toBe('resolved');
    expect(t.request!.checklist.every((i) => i.done && i.done_by === 'tester')).toBe(true);
  });
});

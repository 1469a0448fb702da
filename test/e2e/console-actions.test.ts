/**
 * Acting on tickets in the built console, in tmux: a triage (take, prioritise, note, reply,
 * resolve), three marked tickets assigned at once, a ticket created with the form, and $EDITOR
 * (a script that writes text) with the console coming back in working order. Each flow checks the
 * database afterwards through the CLI. `npm test` builds dist/ first.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runBin } from '../helpers/cli.js';
import { tempDir, tempEnv } from '../helpers/temp.js';
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
    ticket: {
      title: string;
      status: string;
      priority: string;
      category: string;
      channel: string;
      description: string;
      resolution: string | null;
      assignee: { name: string } | null;
      requester: { name: string; email: string } | null;
    };
    timeline: { kind: string; body: string }[];
  };
}

async function open(env: Record<string, string>, cols = 80, rows = 24) {
  const s = await tmuxSession({ cols, rows, env, command: [process.execPath, BIN] });
  sessions.push(s);
  return s;
}

const VIM = '/usr/bin/vim';
const selected = (screen: string) => screen.split('\n').find((l) => l.startsWith('▸')) ?? '';
const lastRowBlank = (screen: string, rows: number) => (screen.split('\n')[rows - 1] ?? '').trim() === '';

describe('console actions in tmux (built binary)', () => {
  it('80×24: takes, prioritises, notes, replies to and resolves a ticket', async () => {
    const env = tempEnv();
    await cli(
      env,
      'ticket',
      'create',
      '-t',
      'Outlook asks for the password',
      '-r',
      'Ana Silva <ana@example.com>',
      '--description',
      'Since this morning.',
    );
    await cli(env, 'ticket', 'create', '-t', 'Mine already', '--assignee', 'me');
    const s = await open(env);
    await s.waitFor('Mine already', 10_000);
    await s.sendKeys('2');
    await s.waitFor((x) => selected(x).includes('Outlook asks') && x.includes('Since this morning.'));
    await s.sendKeys('Enter');
    await s.waitFor('Esc back');
    await s.sendKeys('a');
    await s.waitFor('HD-1 assigned to you');
    await s.sendKeys('p', 'h');
    await s.waitFor('HD-1 priority high');
    await s.sendKeys('i');
    await s.waitFor('Internal note on HD-1');
    await s.type('Cached credentials in the vault.');
    await s.waitFor('Cached credentials in the vault.');
    await s.sendKeys('C-s');
    await s.waitFor('HD-1 internal note added');
    await s.sendKeys('r');
    await s.type('Please sign in again; it should stick now.');
    await s.waitFor('Please sign in again; it should stick now.');
    await s.sendKeys('C-s');
    await s.waitFor('HD-1 reply sent');
    await s.sendKeys('R');
    await s.type('Removed stale credentials.');
    await s.waitFor('Removed stale credentials.');
    await s.sendKeys('C-s');
    const screen = await s.waitFor((x) => x.includes('HD-1 resolved') && /HD-1 +resolved/.test(selected(x)));
    expect(lastRowBlank(screen, 24)).toBe(true);

    const { ticket, timeline } = await show(env, 'HD-1');
    expect([ticket.assignee?.name, ticket.priority, ticket.status, ticket.resolution]).toEqual([
      'tester',
      'high',
      'resolved',
      'Removed stale credentials.',
    ]);
    expect(timeline.map((e) => `${e.kind}: ${e.body}`)).toEqual([
      'note: Cached credentials in the vault.',
      'reply: Please sign in again; it should stick now.',
      'system: Resolved: Removed stale credentials.',
    ]);
  });

  it('160×48: marks three tickets and assigns them to a colleague in one go', async () => {
    const env = tempEnv();
    await cli(env, 'technician', 'add', 'Sam Okafor', '-e', 'sam@example.com', '--tier', 'L2');
    for (const title of ['VPN drops', 'Printer jams', 'Mouse broken', 'Screen flickers']) await cli(env, 'ticket', 'create', '-t', title);
    const s = await open(env, 160, 48);
    await s.waitFor('No tickets match this view.', 10_000);
    await s.sendKeys('2');
    await s.waitFor((x) => selected(x).includes('VPN drops'));
    // x marks and stays (issue 13.14): x j x j x marks three neighbours.
    await s.sendKeys('x', 'j', 'x', 'j', 'x');
    await s.waitFor((x) => x.includes('*3 marked') && selected(x).includes('Mouse broken'));
    await s.sendKeys('A');
    await s.waitFor((x) => x.includes('Assign 3 tickets to…') && x.includes('2  Sam Okafor'));
    await s.sendKeys('2');
    await s.waitFor('Assign to Sam Okafor? (3 tickets)');
    await s.sendKeys('y');
    const screen = await s.waitFor((x) => x.includes('3 of 3 tickets assigned to Sam Okafor') && !x.includes('marked'));
    expect(lastRowBlank(screen, 48)).toBe(true);
    for (const ref of ['HD-1', 'HD-2', 'HD-3']) expect((await show(env, ref)).ticket.assignee?.name).toBe('Sam Okafor');
    expect((await show(env, 'HD-4')).ticket.assignee).toBeNull();
  });

  it('80×24: creates a ticket with the form, requester completed from the known ones', async () => {
    const env = tempEnv();
    await cli(env, 'ticket', 'create', '-t', 'Older ticket', '-r', 'Ana Silva <ana@example.com>', '--assignee', 'me');
    const s = await open(env);
    await s.waitFor('Older ticket', 10_000);
    await s.sendKeys('n');
    await s.waitFor('▸ Title');
    await s.type('Wi-Fi drops in room 4.12');
    await s.sendKeys('Tab');
    await s.type('ana');
    await s.waitFor('Ana Silva <ana@example.com>');
    await s.sendKeys('Down', 'Tab');
    await s.waitFor('▸ Template'); // none: a plain ticket
    await s.sendKeys('Tab');
    await s.waitFor('▸ Category');
    await s.sendKeys('n', 'Tab', 'u', 'Tab', 'w', 'Tab');
    await s.waitFor((x) => x.includes('‹ network ›') && x.includes('‹ urgent ›') && x.includes('‹ walk_in ›'));
    await s.type('Laptop and phone both drop.');
    await s.sendKeys('Enter');
    await s.type('Started after the AP firmware update.');
    await s.waitFor('Started after the AP firmware update.');
    await s.sendKeys('C-s');
    await s.waitFor((x) => x.includes('HD-2 created') && selected(x).includes('Wi-Fi drops in room 4.12'));
    const { ticket } = await show(env, 'HD-2');
    expect([ticket.title, ticket.requester?.email, ticket.category, ticket.priority, ticket.channel, ticket.status]).toEqual([
      'Wi-Fi drops in room 4.12',
      'ana@example.com',
      'network',
      'urgent',
      'walk_in',
      'new',
    ]);
    expect(ticket.description).toBe('Laptop and phone both drop.\nStarted after the AP firmware update.');
  });

  it('80×24: E hands the terminal to $EDITOR and comes back to a working screen', async () => {
    const dir = tempDir();
    const editor = join(dir, 'editor.sh');
    writeFileSync(editor, '#!/bin/sh\nprintf "Reset the VPN profile.\\nTry again from home tonight.\\n" > "$1"\n');
    chmodSync(editor, 0o755);
    const env = tempEnv({ EDITOR: editor });
    await cli(env, 'ticket', 'create', '-t', 'VPN drops every hour', '--assignee', 'me');
    await cli(env, 'ticket', 'create', '-t', 'Printer jams', '--assignee', 'me', '-p', 'low');
    const s = await open(env);
    await s.waitFor((x) => selected(x).includes('VPN drops every hour'), 10_000);
    await s.sendKeys('E');
    let screen = await s.waitFor((x) => x.includes('Public reply to HD-1') && x.includes('Try again from home tonight.'));
    expect(await s.paneFormat('#{alternate_on}')).toBe('1');
    expect(screen.split('\n')[0]).toMatch(/My q/);
    expect(lastRowBlank(screen, 24)).toBe(true);
    await s.sendKeys('C-s');
    await s.waitFor('HD-1 reply sent');
    await s.sendKeys('g');
    screen = await s.waitFor((x) => selected(x).includes('Printer jams') && x.includes('Detail · HD-2'));
    await s.sendKeys('G');
    screen = await s.waitFor((x) => selected(x).includes('VPN drops every hour') && x.includes('Timeline (1)'));
    await s.sendKeys('q');
    expect(await s.exited()).toBe('0');
    const { timeline } = await show(env, 'HD-1');
    expect(timeline).toEqual([expect.objectContaining({ kind: 'reply', body: 'Reset the VPN profile.\nTry again from home tonight.' })]);
  });

  it('80×24: a real editor (vim) gets the keys while it runs; the console takes them back after', async () => {
    const env = tempEnv({ EDITOR: `${VIM} -u NONE -i NONE -n` });
    await cli(env, 'ticket', 'create', '-t', 'VPN drops every hour', '--assignee', 'me');
    await cli(env, 'ticket', 'create', '-t', 'Printer jams', '--assignee', 'me', '-p', 'low');
    const s = await open(env);
    await s.waitFor((x) => selected(x).includes('VPN drops every hour'), 10_000);
    await s.sendKeys('i');
    await s.waitFor('Internal note on HD-1');
    await s.sendKeys('C-e');
    await s.waitFor((x) => !x.includes('Internal note on HD-1') && x.includes('~'));
    // Keys a console in raw mode would take (j, q, a) go to vim: insert mode, then save and quit.
    await s.sendKeys('i');
    await s.type('jump queue again');
    await s.sendKeys('Escape');
    await s.type(':wq');
    await s.sendKeys('Enter');
    let screen = await s.waitFor((x) => x.includes('Internal note on HD-1') && x.includes('jump queue again'));
    expect(await s.paneFormat('#{alternate_on}')).toBe('1');
    expect(selected(screen)).toContain('VPN drops every hour');
    await s.sendKeys('C-s');
    await s.waitFor('HD-1 internal note added');
    await s.sendKeys('j');
    screen = await s.waitFor((x) => selected(x).includes('Printer jams'));
    expect(lastRowBlank(screen, 24)).toBe(true);
    const { ticket, timeline } = await show(env, 'HD-1');
    expect(timeline.map((e) => `${e.kind}: ${e.body}`)).toEqual(['note: jump queue again']);
    expect(ticket.status).toBe('open');
  });
});

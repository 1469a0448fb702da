import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { timeline } from '../../src/store/interactions.js';
import { getTicket } from '../../src/store/ticket-view.js';
import { KEYS, renderTui } from '../helpers/render-tui.js';
import { tempDb, tempDir } from '../helpers/temp.js';
import { addTickets, consoleElement } from './seed.js';

const selectedLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('▸')) ?? '';
const lineCount = (frame: string) => frame.split('\n').length;
const CTRL_S = '\x13';
const CTRL_E = '\x05';

async function desk() {
  const d = await tempDb();
  await addTickets(d, [
    { title: 'VPN drops every hour', requester: 'Ana Silva <ana@example.com>' },
    { title: 'Printer jams', requester: 'Anton Berg <anton@example.com>' },
    { title: 'Mouse broken' },
    { title: 'Screen flickers' },
  ]);
  return d;
}

async function open(columns = 80, rows = 24, props: Parameters<typeof consoleElement>[1] = {}) {
  const d = await desk();
  const tui = renderTui(await consoleElement(d, props), { columns, rows });
  await tui.waitForFrame((f) => f.includes('No tickets match this view.'));
  tui.type('2');
  await tui.waitForFrame((f) => selectedLine(f).includes('VPN drops'));
  return { d, tui };
}

describe('console: marking and bulk changes', () => {
  it('x marks rows (counted in the header), A assigns all marked after a confirmation, in one go', async () => {
    const { d, tui } = await open();
    tui.type('x', 'j', 'x', 'j', 'x', 'j');
    let frame = await tui.waitForFrame((f) => f.includes('*3 marked') && selectedLine(f).includes('Screen flickers'));
    expect(frame).toMatch(/\*HD-1 .*VPN drops/);
    expect(frame).toMatch(/\*HD-3 .*Mouse broken/);
    expect(frame).not.toMatch(/\*HD-4/);
    tui.type('A');
    frame = await tui.waitForFrame((f) => f.includes('Assign 3 tickets to…'));
    expect(frame).toMatch(/1 {2}Tess Tester \(you\)/);
    expect(frame).toMatch(/2 {2}Olga Other/);
    expect(frame).toMatch(/0 {2}nobody/);
    tui.type('2');
    await tui.waitForFrame((f) => f.includes('Assign to Olga Other? (3 tickets)'));
    tui.type('y');
    frame = await tui.waitForFrame((f) => f.includes('3 of 3 tickets assigned to Olga Other') && !f.includes('marked'));
    for (const id of [1, 2, 3]) expect((await getTicket(d.db, id)).assignee?.name).toBe('Olga Other');
    expect((await getTicket(d.db, 4)).assignee).toBeNull();
  });

  it('n at the question keeps the marks and writes nothing; X clears them; bulk resolve asks with the count', async () => {
    const { d, tui } = await open();
    tui.type('x', 'j', 'x');
    await tui.waitForFrame((f) => f.includes('*2 marked'));
    tui.type('p', 'u');
    await tui.waitForFrame((f) => f.includes('Set priority urgent? (2 tickets)'));
    tui.type('n');
    await tui.waitForFrame((f) => !f.includes('Set priority urgent?') && f.includes('Priority of 2 tickets'));
    tui.type(KEYS.escape);
    await tui.waitForFrame((f) => f.includes('Detail ·') && f.includes('*2 marked'));
    expect((await getTicket(d.db, 1)).priority).toBe('normal');
    tui.type('R', 'Duplicate of a known outage', CTRL_S);
    await tui.waitForFrame((f) => f.includes('Resolve? (2 tickets)'));
    tui.type(KEYS.enter);
    await tui.waitForFrame((f) => f.includes('2 of 2 tickets resolved') && !f.includes('marked'));
    expect([(await getTicket(d.db, 1)).status, (await getTicket(d.db, 2)).status, (await getTicket(d.db, 3)).status]).toEqual([
      'resolved',
      'resolved',
      'new',
    ]);
    tui.type('x');
    await tui.waitForFrame((f) => f.includes('*1 marked'));
    tui.type('X');
    await tui.waitForFrame((f) => !f.includes('marked') && f.includes('marks cleared'));
  });
});

describe('console: the new-ticket form', () => {
  it('fills title, requester (completed from known requesters), choices and a multi-line description; Ctrl+S creates and selects it', async () => {
    const { d, tui } = await open();
    tui.type('n');
    let frame = await tui.waitForFrame((f) => f.includes('New ticket') && f.includes('▸ Title'));
    expect(lineCount(frame)).toBeLessThanOrEqual(23);
    tui.type('Laptop will not dock', KEYS.tab, 'an');
    frame = await tui.waitForFrame((f) => f.includes('Ana Silva <ana@example.com>') && f.includes('Anton Berg <anton@example.com>'));
    tui.type(KEYS.down);
    await tui.waitForFrame((f) => /▸ Ana Silva <ana@example.com>/.test(f));
    tui.type(KEYS.tab);
    await tui.waitForFrame((f) => f.includes('▸ Template') && f.includes('none (a plain ticket)'));
    tui.type(KEYS.tab);
    frame = await tui.waitForFrame((f) => f.includes('▸ Category') && /Requester +Ana Silva <ana@example.com>/.test(f));
    tui.type('h');
    await tui.waitForFrame((f) => f.includes('‹ hardware ›'));
    tui.type(KEYS.tab, 'h', KEYS.tab, KEYS.right, KEYS.right);
    frame = await tui.waitForFrame((f) => f.includes('‹ high ›') && f.includes('‹ chat ›'));
    tui.type(KEYS.tab, 'Docking station USB-C.', KEYS.enter, 'Tried two cables.');
    await tui.waitForFrame((f) => f.includes('Tried two cables.'));
    tui.type(CTRL_S);
    frame = await tui.waitForFrame((f) => f.includes('HD-5 created') && selectedLine(f).includes('Laptop will not dock'));
    const t = await getTicket(d.db, 5);
    expect([t.title, t.requester?.email, t.category, t.priority, t.channel, t.description]).toEqual([
      'Laptop will not dock',
      'ana@example.com',
      'hardware',
      'high',
      'chat',
      'Docking station USB-C.\nTried two cables.',
    ]);
  });

  it('shows a validation error beside its field and puts the focus there; Esc asks first when something was typed', async () => {
    const { d, tui } = await open();
    tui.type('n', KEYS.tab, 'Someone new', CTRL_S);
    let frame = await tui.waitForFrame((f) => /▸ Title .*✗ is required/.test(f));
    expect(frame).toContain('title: is required');
    tui.type('Fixed it');
    await tui.waitForFrame((f) => f.includes('Fixed it') && !f.includes('✗'));
    tui.type(KEYS.escape);
    await tui.waitForFrame((f) => f.includes('Discard what you typed?'));
    tui.type('y');
    frame = await tui.waitForFrame((f) => !f.includes('New ticket') && f.includes('Detail ·'));
    expect(await getTicket(d.db, 5).catch(() => null)).toBeNull();
    tui.type('n', KEYS.escape);
    await tui.waitForFrame((f) => !f.includes('New ticket') && f.includes('Detail ·'));
  });
});

describe('console: the text editor', () => {
  it('edits with arrows, backspace, Home/End, newlines and pastes (newlines kept, control characters dropped)', async () => {
    const { d, tui } = await open();
    tui.type('i');
    await tui.waitForFrame((f) => f.includes('Internal note on HD-1'));
    tui.type('hello world');
    for (let i = 0; i < 5; i++) tui.type(KEYS.left);
    tui.type(KEYS.backspace, ',', ' ');
    await tui.waitForFrame((f) => f.includes('hello, world'));
    tui.type(KEYS.end, KEYS.enter, 'second line\rthird \x07line');
    await tui.waitForFrame((f) => f.includes('third line') && f.includes('second line'));
    tui.type(KEYS.up, KEYS.home, '> ');
    await tui.waitForFrame((f) => f.includes('> second line'));
    tui.type(KEYS.up, KEYS.end, KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace);
    await tui.waitForFrame((f) => /hello,\s*$/m.test(f));
    tui.type(KEYS.right, KEYS.backspace);
    await tui.waitForFrame((f) => f.includes('hello,> second line'));
    tui.type(CTRL_S);
    await tui.waitForFrame((f) => f.includes('HD-1 internal note added'));
    expect((await timeline(d.db, 1))[0]!.body).toBe('hello,> second line\nthird line');
  });

  it('wraps long lines to the box and keeps the cursor line in view', async () => {
    const { tui } = await open(60, 16);
    tui.type('r');
    await tui.waitForFrame((f) => f.includes('Public reply to HD-1'));
    const words = Array.from({ length: 40 }, (_, i) => `word${i + 1}`).join(' ');
    tui.type(words);
    const frame = await tui.waitForFrame((f) => f.includes('word40'));
    expect(lineCount(frame)).toBeLessThanOrEqual(15);
    expect(Math.max(...frame.split('\n').map((l) => l.length))).toBeLessThanOrEqual(60);
  });
});

describe('console: $EDITOR and the clipboard', () => {
  it('E writes the reply in $EDITOR (the console suspends and comes back), then Ctrl+S sends it; Ctrl+E fills the form description', async () => {
    const dir = tempDir();
    const editor = join(dir, 'fake-editor.sh');
    writeFileSync(editor, '#!/bin/sh\nprintf "Written in the editor.\\nSecond line.\\n" > "$1"\n');
    chmodSync(editor, 0o755);
    const { d, tui } = await open(80, 24, { env: { ...process.env, EDITOR: editor } });
    tui.type('E');
    let frame = await tui.waitForFrame((f) => f.includes('Public reply to HD-1') && f.includes('Second line.'));
    expect(frame).toContain('text from $EDITOR');
    tui.type(CTRL_S);
    await tui.waitForFrame((f) => f.includes('HD-1 reply sent'));
    expect((await timeline(d.db, 1))[0]).toMatchObject({ kind: 'reply', body: 'Written in the editor.\nSecond line.' });
    tui.type('n', 'From the form', KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab, CTRL_E);
    frame = await tui.waitForFrame((f) => f.includes('New ticket') && f.includes('Second line.'));
    tui.type(CTRL_S);
    await tui.waitForFrame((f) => f.includes('HD-5 created'));
    expect((await getTicket(d.db, 5)).description).toBe('Written in the editor.\nSecond line.');
  });

  it('without $EDITOR says so and keeps the box; y copies the ref with OSC 52', async () => {
    const env = { ...process.env };
    delete env.EDITOR;
    delete env.VISUAL;
    const { tui } = await open(80, 24, { env });
    tui.type('r', 'typed here', CTRL_E);
    await tui.waitForFrame((f) => f.includes('set $EDITOR') && f.includes('typed here'));
    tui.type(KEYS.escape, 'y', 'y');
    await tui.waitForFrame((f) => f.includes('HD-1 copied to the clipboard'));
    expect(tui.stdout.frames.join('')).toContain(`\x1b]52;c;${Buffer.from('HD-1').toString('base64')}\x07`);
  });
});

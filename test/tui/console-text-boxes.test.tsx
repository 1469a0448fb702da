/**
 * Issue 13 item 14, typed as a person would: a cancel takes its stale message with it; Enter in a
 * one-line box saves (tags) or moves on (the form's title); Ctrl+C in a text box says how to leave;
 * `x` marks without moving (`x j x` marks two neighbours); the form says how to take a requester
 * completion, and its labels read cleanly.
 */
import { describe, expect, it } from 'vitest';
import { getTicket } from '../../src/store/ticket-view.js';
import { KEYS, renderTui } from '../helpers/render-tui.js';
import { tempDb } from '../helpers/temp.js';
import { addTickets, consoleElement } from './seed.js';

const selectedLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('▸')) ?? '';
const statusBar = (frame: string) => frame.split('\n').at(-1) ?? '';
const CTRL_S = '\x13';

async function open() {
  const d = await tempDb();
  await addTickets(d, [
    { title: 'VPN drops every hour', assignee: 'me', requester: 'Ana Silva <ana@example.com>' },
    { title: 'Printer jams', assignee: 'me', requester: 'Anton Berg <anton@example.com>' },
    { title: 'Mouse broken', assignee: 'me' },
  ]);
  const tui = renderTui(await consoleElement(d), { columns: 100, rows: 30 });
  await tui.waitForFrame((f) => selectedLine(f).includes('VPN drops') && f.includes('Detail · HD-1'));
  return { d, tui };
}

describe('console: text boxes and marks', () => {
  it('a cancelled reply takes its "required" message with it', async () => {
    const { tui } = await open();
    tui.type('r', CTRL_S);
    await tui.waitForFrame((f) => statusBar(f).includes('the reply is required'));
    tui.type(KEYS.escape);
    const frame = await tui.waitForFrame((f) => !f.includes('Public reply to'));
    expect(frame).not.toContain('the reply is required');
  });

  it('Enter in the tags box saves; Enter in the form title moves to the requester', async () => {
    const { d, tui } = await open();
    tui.type('#', 'vpn', KEYS.enter);
    await tui.waitForFrame((f) => f.includes('HD-1 tags +vpn'));
    expect((await getTicket(d.db, 1)).tags).toContain('vpn');
    tui.type('n', 'Laptop will not dock', KEYS.enter);
    const frame = await tui.waitForFrame((f) => f.includes('▸ Requester'));
    expect(frame).not.toContain('▸ Title');
  });

  it('Ctrl+C in a text box says how to leave, and the box stays open with its text', async () => {
    const { tui } = await open();
    tui.type('r', 'Half a reply', KEYS.ctrlC);
    const frame = await tui.waitForFrame((f) => f.includes('Esc cancels · Ctrl+S saves'));
    expect(frame).toContain('Public reply to HD-1');
    expect(frame).toContain('Half a reply');
  });

  it('x marks without moving: x j x marks two neighbouring rows, x again unmarks', async () => {
    const { tui } = await open();
    tui.type('x');
    let frame = await tui.waitForFrame((f) => f.includes('*1 marked'));
    expect(selectedLine(frame)).toContain('*HD-1');
    tui.type('j', 'x');
    frame = await tui.waitForFrame((f) => f.includes('*2 marked'));
    expect(frame).toMatch(/\*HD-1 .*VPN drops/);
    expect(selectedLine(frame)).toMatch(/\*HD-2 .*Printer jams/);
    expect(frame).not.toMatch(/\*HD-3/);
    tui.type('x');
    await tui.waitForFrame((f) => f.includes('*1 marked') && selectedLine(f).includes(' HD-2'));
  });

  it('the form says how to take a requester completion and labels its description cleanly', async () => {
    const { tui } = await open();
    tui.type('n', KEYS.tab, 'an');
    let frame = await tui.waitForFrame((f) => f.includes('Anton Berg <anton@example.com>'));
    expect(frame).toContain('↓/↑ picks a known requester · Tab or ⏎ takes it');
    tui.type(KEYS.down, KEYS.tab);
    frame = await tui.waitForFrame((f) => f.includes('▸ Template'));
    tui.type(KEYS.tab);
    frame = await tui.waitForFrame((f) => f.includes('▸ Category'));
    expect(frame).toMatch(/Requester +Ana Silva <ana@example\.com>/);
    tui.type(KEYS.tab, KEYS.tab, KEYS.tab);
    frame = await tui.waitForFrame((f) => f.includes('▸ Description'));
    expect(frame).toMatch(/▸ Description +\(↑ at the top goes back; ⏎ new line\)/);
  });
});

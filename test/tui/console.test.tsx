import { describe, expect, it } from 'vitest';
import { KEYS, renderTui } from '../helpers/render-tui.js';
import { tempDb } from '../helpers/temp.js';
import { addTickets, consoleElement } from './seed.js';

const selectedLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('▸')) ?? '';
const lineCount = (frame: string) => frame.split('\n').length;

async function deskWithTickets() {
  const desk = await tempDb();
  await addTickets(desk, [
    {
      title: 'VPN drops every hour',
      priority: 'urgent',
      assignee: 'me',
      requester: 'Ana Silva <ana@example.com>',
      description: 'Since Monday.',
      tags: 'vpn',
    },
    { title: 'Printer jams', priority: 'low', assignee: 'me', description: 'Paper tray 2.' },
    { title: 'Nobody owns me', priority: 'high' },
    { title: 'Olga has this', assignee: 'olga@example.com' },
    { title: 'Old and done', status: 'resolved', resolution: 'Done', assignee: 'me' },
  ]);
  return desk;
}

describe('console: the queue', () => {
  it('opens on My queue: tabs with counts, database, technician, rows, detail and key hints in rows − 1 lines', async () => {
    const desk = await deskWithTickets();
    const tui = renderTui(await consoleElement(desk), { columns: 80, rows: 24 });
    const frame = await tui.waitForFrame(
      (f) => f.includes('VPN drops') && f.includes('Ana Silva · ana@example.com') && /2 Unass… 1/.test(f),
    );
    const lines = frame.split('\n');
    // Five tabs on 80 columns: names shortened evenly, the technician whole (the database gives way).
    expect(lines[0]).toMatch(/^ 1 My qu… 2 {3}2 Unass… 1 {3}3 Breac… 1 {3}4 All o… 4 {3}5 Resol… 1 +Tess Tester$/);
    expect(selectedLine(frame)).toMatch(/^▸‼○ HD-1 +open +✓ +(59m|1h) +now Ana Silva +VPN drops every hour/);
    expect(frame).toMatch(/ ↓○ HD-2 +open/);
    expect(frame).not.toContain('Nobody owns me');
    expect(frame).toContain('j/k move');
    expect(lineCount(frame)).toBeLessThanOrEqual(23);
  });

  it('moves with j/k and arrows, and the detail pane follows the selection', async () => {
    const desk = await deskWithTickets();
    const tui = renderTui(await consoleElement(desk), { columns: 80, rows: 24 });
    await tui.waitForFrame((f) => f.includes('Since Monday.') || f.includes('Ana Silva ·'));
    tui.type('j');
    await tui.waitForFrame((f) => selectedLine(f).includes('HD-2') && f.includes('Detail · HD-2'));
    tui.type('k');
    await tui.waitForFrame((f) => selectedLine(f).includes('HD-1'));
    tui.type(KEYS.down);
    await tui.waitForFrame((f) => selectedLine(f).includes('HD-2'));
    tui.type(KEYS.up, 'G');
    await tui.waitForFrame((f) => selectedLine(f).includes('HD-2'));
    tui.type('g');
    await tui.waitForFrame((f) => selectedLine(f).includes('HD-1'));
  });

  it('switches views with 1–5 and highlights the tab', async () => {
    const desk = await deskWithTickets();
    const tui = renderTui(await consoleElement(desk), { columns: 80, rows: 24 });
    await tui.waitForFrame((f) => f.includes('VPN drops'));
    tui.type('2');
    let frame = await tui.waitForFrame((f) => selectedLine(f).includes('Nobody owns me'));
    expect(frame).not.toContain('VPN drops');
    tui.type('4');
    frame = await tui.waitForFrame((f) => f.includes('Olga has this') && f.includes('VPN drops'));
    expect(frame).not.toContain('Old and done');
    tui.type('5');
    frame = await tui.waitForFrame((f) => selectedLine(f).includes('Old and done'));
    expect(frame).toMatch(/✓ HD-5 +resolved/);
  });

  it('Enter focuses the detail pane, j scrolls it, Esc goes back to the queue', async () => {
    const desk = await tempDb();
    const description = Array.from({ length: 40 }, (_, i) => `line ${i + 1} of the story`).join('\n');
    await addTickets(desk, [
      { title: 'Long story', assignee: 'me', description },
      { title: 'Second', assignee: 'me' },
    ]);
    const tui = renderTui(await consoleElement(desk), { columns: 80, rows: 24 });
    await tui.waitForFrame((f) => f.includes('Long story') && f.includes('Assignee'));
    tui.type(KEYS.enter);
    let frame = await tui.waitForFrame((f) => f.includes('Esc back') && f.includes('line 5 of the story'));
    tui.type('j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j', 'j');
    frame = await tui.waitForFrame((f) => f.includes('line 12 of the story') && !f.includes('Assignee'));
    expect(selectedLine(frame)).toContain('Long story');
    tui.type('G');
    frame = await tui.waitForFrame((f) => f.includes('(nothing yet)'));
    tui.type(KEYS.escape);
    await tui.waitForFrame((f) => f.includes('j/k move') && !f.includes('Esc back'));
    tui.type('j');
    frame = await tui.waitForFrame((f) => selectedLine(f).includes('Second'));
    expect(lineCount(frame)).toBeLessThanOrEqual(23);
  });

  it('puts the detail pane on the right at 160×48', async () => {
    const desk = await deskWithTickets();
    const tui = renderTui(await consoleElement(desk), { columns: 160, rows: 48 });
    const frame = await tui.waitForFrame((f) => f.includes('Since Monday.'));
    const row = frame.split('\n').find((l) => l.startsWith('▸'))!;
    expect(row).toMatch(/VPN drops every hour +Tess Tester +L1 +│ HD-1 +VPN drops every hour/);
    expect(lineCount(frame)).toBeLessThanOrEqual(47);
  });

  it('follows resizes and never draws more than rows − 1 lines', async () => {
    const desk = await deskWithTickets();
    const tui = renderTui(await consoleElement(desk), { columns: 160, rows: 48 });
    await tui.waitForFrame((f) => f.includes('Since Monday.'));
    tui.resize(80, 24);
    let frame = await tui.waitForFrame((f) => f.includes('Detail · HD-1') && lineCount(f) <= 23);
    expect(Math.max(...frame.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    tui.resize(100, 30);
    frame = await tui.waitForFrame((f) => lineCount(f) === 29);
    expect(frame).toContain('VPN drops');
  });

  it('q quits', async () => {
    const desk = await deskWithTickets();
    const tui = renderTui(await consoleElement(desk), { columns: 80, rows: 24 });
    await tui.waitForFrame((f) => f.includes('VPN drops'));
    const exited = tui.instance.waitUntilExit();
    tui.type('q');
    await expect(exited).resolves.toBeUndefined();
  });
});

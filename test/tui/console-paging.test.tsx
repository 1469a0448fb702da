import { describe, expect, it } from 'vitest';
import { KEYS, renderTui } from '../helpers/render-tui.js';
import { tempDb } from '../helpers/temp.js';
import { consoleElement, manyTickets } from './seed.js';

const selectedLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('▸')) ?? '';
const queueRows = (frame: string) => frame.split('\n').filter((l) => /^[▸ ]\S\S HD-\d+/.test(l));

describe('console: a long queue', () => {
  it('renders only the visible rows, pages by keyset, jumps to the end with G and back with g', async () => {
    const desk = await tempDb();
    await manyTickets(desk, 1500);
    const tui = renderTui(await consoleElement(desk), { columns: 80, rows: 24 });
    tui.type('4');
    let frame = await tui.waitForFrame((f) => /Ticket 1$/.test(selectedLine(f)) && /4 All op(en|…) 1.5k/.test(f));
    expect(queueRows(frame)).toHaveLength(10);

    tui.type('G');
    frame = await tui.waitForFrame((f) => selectedLine(f).includes('HD-1500'));
    expect(queueRows(frame).at(-1)).toContain('HD-1500');
    tui.type('k');
    await tui.waitForFrame((f) => selectedLine(f).includes('HD-1499'));
    tui.type('g');
    await tui.waitForFrame((f) => selectedLine(f).includes('HD-1 '));

    // Page down well past the first loaded window: rows keep coming.
    for (let i = 0; i < 30; i++) tui.type(KEYS.pageDown);
    frame = await tui.waitForFrame((f) => selectedLine(f).includes('HD-301 '));
    expect(queueRows(frame)).toHaveLength(10);
    for (let i = 0; i < 30; i++) tui.type('k');
    await tui.waitForFrame((f) => selectedLine(f).includes('HD-271 '));
    for (let i = 0; i < 25; i++) tui.type(KEYS.pageUp);
    await tui.waitForFrame((f) => selectedLine(f).includes('HD-21 '));
  });

  it('moves back up across a trimmed window edge after G', async () => {
    const desk = await tempDb();
    await manyTickets(desk, 600);
    const tui = renderTui(await consoleElement(desk), { columns: 80, rows: 24 });
    tui.type('4', 'G');
    await tui.waitForFrame((f) => selectedLine(f).includes('HD-600'));
    for (let i = 0; i < 20; i++) tui.type(KEYS.pageUp);
    await tui.waitForFrame((f) => selectedLine(f).includes('HD-400 '));
  });
});

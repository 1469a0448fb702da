import { describe, expect, it } from 'vitest';
import { KEYS, renderTui } from '../helpers/render-tui.js';
import { tempDb } from '../helpers/temp.js';
import { addTickets, consoleElement } from './seed.js';

const selectedLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('▸')) ?? '';

async function open() {
  const desk = await tempDb();
  await addTickets(desk, [
    { title: 'VPN drops every hour', priority: 'urgent', tags: 'vpn' },
    { title: 'Printer jams', priority: 'low' },
    { title: 'VPN slow from home', priority: 'normal', tags: 'vpn' },
    { title: 'New laptop', priority: 'high' },
  ]);
  const tui = renderTui(await consoleElement(desk), { columns: 80, rows: 24 });
  tui.type('4');
  await tui.waitForFrame((f) => f.includes('New laptop') && f.includes('Printer jams'));
  return tui;
}

describe('console: the / filter', () => {
  it('filters live as you type (debounced), Enter keeps it, Esc clears it', async () => {
    const tui = await open();
    tui.type('/');
    await tui.waitForFrame((f) => f.includes('⏎ keep'));
    for (const ch of 'tag:vpn') tui.type(ch);
    let frame = await tui.waitForFrame((f) => !f.includes('Printer jams') && f.includes('VPN slow from home'));
    expect(frame).not.toContain('New laptop');
    expect(frame).toContain(' / tag:vpn');
    tui.type(KEYS.enter);
    frame = await tui.waitForFrame((f) => f.includes('j/k move'));
    expect(frame).not.toContain('Printer jams');
    expect(frame).toContain(' / tag:vpn');
    tui.type('j');
    await tui.waitForFrame((f) => selectedLine(f).includes('VPN slow from home'));
    tui.type(KEYS.escape);
    frame = await tui.waitForFrame((f) => f.includes('Printer jams') && f.includes('New laptop'));
    expect(frame).not.toContain(' / tag:vpn');
    expect(selectedLine(frame)).toContain('VPN slow from home');
  });

  it('forgives a typo in free text and says which word it used', async () => {
    const tui = await open();
    tui.type('/');
    for (const ch of 'prnter') tui.type(ch);
    tui.type(KEYS.enter);
    const frame = await tui.waitForFrame((f) => f.includes("showing 'printer' for 'prnter'"));
    expect(frame).toContain('Printer jams');
    expect(frame).not.toContain('VPN slow from home');
    expect(frame).not.toContain('New laptop');
  });

  it('shows a query error inline under the box with a caret at its column, and keeps the last good rows', async () => {
    const tui = await open();
    tui.type('/');
    for (const ch of 'prio:bogus') tui.type(ch);
    const frame = await tui.waitForFrame((f) => f.includes("unknown priority 'bogus'"));
    const lines = frame.split('\n');
    const box = lines.findIndex((l) => l.startsWith(' / prio:bogus'));
    expect(lines[box + 1]).toMatch(/^ {8}\^ unknown priority 'bogus' at column 6/);
    expect(frame).toContain('Printer jams');
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
    tui.type(KEYS.enter);
    await tui.waitForFrame((f) => f.includes("unknown priority 'bogus'") && f.includes('⏎ keep'));
    tui.type(KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace);
    for (const ch of 'low') tui.type(ch);
    await tui.waitForFrame((f) => !f.includes('unknown priority') && f.includes('Printer jams') && !f.includes('New laptop'));
  });

  it('combines free text with the view and cycles sorts with s', async () => {
    const tui = await open();
    tui.type('/');
    for (const ch of '"vpn"') tui.type(ch);
    tui.type(KEYS.enter);
    let frame = await tui.waitForFrame((f) => f.includes('j/k move') && !f.includes('Printer jams') && f.includes('VPN slow'));
    expect(selectedLine(frame)).toContain('VPN drops every hour');
    tui.type('s', 's');
    frame = await tui.waitForFrame((f) => f.includes('sort: newest') && selectedLine(f).includes('VPN slow from home'));
    expect(frame).not.toContain('Printer jams');
  });
});

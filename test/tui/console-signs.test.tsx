/**
 * Signs that read without colour (issue 24): the detail pane spells the due state out beside its sign
 * (✓ ok, ! risk, ✗ late), and the help overlay says what each sign means in words.
 */
import { describe, expect, it } from 'vitest';
import { renderTui } from '../helpers/render-tui.js';
import { tempDb } from '../helpers/temp.js';
import { addTickets, consoleElement } from './seed.js';

const MIN = 60_000;

describe('console: signs with words', () => {
  it('the detail pane says ok, risk or late beside the sign; the help lists the three', async () => {
    const desk = await tempDb();
    const now = Date.now();
    // Urgent tickets count 24×7 (first response 1 h): due times do not depend on the weekday.
    await addTickets(desk, [{ title: 'Fresh urgent', priority: 'urgent', assignee: 'me' }], now);
    await addTickets(desk, [{ title: 'Nearly due', priority: 'urgent', assignee: 'me' }], now - 50 * MIN);
    await addTickets(desk, [{ title: 'Long overdue', priority: 'urgent', assignee: 'me' }], now - 3 * 60 * MIN);
    const tui = renderTui(await consoleElement(desk), { columns: 100, rows: 30 });
    // Most urgent first: the overdue ticket is selected.
    let frame = await tui.waitForFrame((f) => f.includes('Due: ✗ late, 2h over'));
    expect(frame).toContain('Long overdue');
    tui.type('j');
    frame = await tui.waitForFrame((f) => /Due: ! risk, in (9|10)m/.test(f));
    tui.type('j');
    frame = await tui.waitForFrame((f) => /Due: ✓ ok, in (59m|1h)/.test(f));
    // The help fits side by side at 160×48: the signs' line is on its one page.
    const wide = renderTui(await consoleElement(desk), { columns: 160, rows: 48 });
    await wide.waitForFrame((f) => f.includes('Long overdue'));
    wide.type('?');
    frame = await wide.waitForFrame((f) => f.includes('Due signs'));
    expect(frame).toMatch(/Due signs +✓ ok · ! risk · ✗ late/);
  });
});

/**
 * Issue 18 in the console, with real keys: mark (`x`) then `M` merges the marked tickets into the
 * selected one and `P` makes it their parent (each asks first, naming both sides); the detail pane
 * lists related tickets, ⏎ goes to one and Esc comes back; `F` sets a follow-up through the CLI's
 * parser (a bad time keeps the box open and writes nothing); the Follow-up view (6) lists them.
 */
import { describe, expect, it } from 'vitest';
import { linksOf } from '../../src/store/ticket-links.js';
import { getTicket } from '../../src/store/ticket-view.js';
import { KEYS, renderTui } from '../helpers/render-tui.js';
import { tempDb } from '../helpers/temp.js';
import { addTickets, consoleElement } from './seed.js';

const selectedLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('▸')) ?? '';
const TICKETS = [{ title: 'VPN outage in Leeds' }, { title: 'VPN down for me too' }, { title: 'Printer jams on floor 2' }];

async function openConsole(columns = 100, rows = 30) {
  const d = await tempDb();
  await addTickets(d, TICKETS);
  const tui = renderTui(await consoleElement(d), { columns, rows });
  await tui.waitForFrame((f) => f.includes('No tickets match this view.'));
  tui.type('2');
  await tui.waitForFrame((f) => selectedLine(f).includes('VPN outage'));
  return { d, tui };
}

describe('console: merge, parent, related tickets, follow-ups', () => {
  it('x then M merges the marked ticket into the selected one after a question naming both; ⏎ follows the link and Esc comes back', async () => {
    const { d, tui } = await openConsole();
    tui.type('M');
    await tui.waitForFrame((f) => f.includes('mark tickets with x first: then M on HD-1 merges them into'));
    tui.type('j', 'x', 'k');
    await tui.waitForFrame((f) => f.includes('*1 marked') && selectedLine(f).includes('VPN outage'));
    tui.type('M');
    await tui.waitForFrame((f) => f.includes('Merge HD-2 into HD-1? (they close)'));
    expect((await getTicket(d.db, 2)).status).toBe('new');
    tui.type('y');
    await tui.waitForFrame((f) => f.includes('HD-2 merged into HD-1'));
    expect((await getTicket(d.db, 2)).status).toBe('closed');
    expect((await linksOf(d.db, 2)).map((l) => `${l.label} ${l.ref}`)).toEqual(['duplicate of HD-1']);
    // The detail pane lists it; ⏎ picks from the list, ⏎ again goes there (closed, out of this view), Esc comes back.
    await tui.waitForFrame((f) => !f.includes('*1 marked') && f.includes('duplicated by HD-2'));
    tui.type(KEYS.enter, KEYS.enter);
    await tui.waitForFrame((f) => f.includes('▸ duplicated by HD-2'));
    tui.type(KEYS.enter);
    await tui.waitForFrame((f) => f.includes('Detail · HD-2') && f.includes('▸ duplicate of  HD-1'));
    expect(selectedLine(tui.lastFrame())).toContain('HD-2');
    tui.type(KEYS.escape);
    await tui.waitForFrame((f) => f.includes('Detail · HD-1') && f.includes('▸ duplicated by HD-2'));
    tui.type(KEYS.escape);
    await tui.waitForFrame((f) => f.includes('duplicated by HD-2') && !f.includes('▸ duplicated by'));
    tui.type(KEYS.escape, 'j');
    await tui.waitForFrame((f) => selectedLine(f).includes('Printer jams'));
  });

  it('x x then P makes the selected ticket the parent; the row shows +2 at 80 columns and the children list it', async () => {
    const { d, tui } = await openConsole(80, 24);
    tui.type('j', 'x', 'j', 'x', 'g');
    await tui.waitForFrame((f) => f.includes('*2 marked') && selectedLine(f).includes('VPN outage'));
    tui.type('P');
    await tui.waitForFrame((f) => f.includes('Make HD-1 the parent of HD-2, HD-3?'));
    tui.type('n');
    await tui.waitForFrame((f) => !f.includes('Make HD-1 the parent'));
    expect((await getTicket(d.db, 2)).parent_id).toBeNull();
    tui.type('P');
    await tui.waitForFrame((f) => f.includes('Make HD-1 the parent of HD-2, HD-3?'));
    tui.type('y');
    await tui.waitForFrame((f) => f.includes('HD-1 now the parent of HD-2, HD-3') && selectedLine(f).includes('+2 VPN outage'));
    expect([(await getTicket(d.db, 2)).parent_id, (await getTicket(d.db, 3)).parent_id]).toEqual([1, 1]);
    for (const line of tui.lines()) expect(line.length).toBeLessThanOrEqual(80);
    tui.type(KEYS.enter);
    await tui.waitForFrame((f) => f.includes('Related (2, 2 children') && /parent of +HD-3/.test(f));
  });

  it('F sets a follow-up as `ticket followup` reads it; a bad time keeps the box and writes nothing; view 6 lists follow-ups; none clears it', async () => {
    const { d, tui } = await openConsole();
    // The Follow-up tab is quiet: no tab while no ticket has a follow-up (its key works all the same).
    expect(tui.lastFrame().split('\n')[0]).not.toContain('Follow-up');
    tui.type('j', 'F');
    await tui.waitForFrame((f) => f.includes('Follow-up (thu 10:00, tomorrow, 2h, none) for HD-2'));
    tui.type('someday', KEYS.enter);
    await tui.waitForFrame((f) => f.includes("when: cannot read 'someday' as a day"));
    expect((await getTicket(d.db, 2)).followup_at).toBeNull();
    await tui.waitForFrame((f) => f.includes('Follow-up (thu 10:00'));
    for (let i = 0; i < 7; i++) tui.type(KEYS.backspace);
    const before = Date.now();
    tui.type('2h', KEYS.enter);
    await tui.waitForFrame((f) => f.includes('HD-2 follow-up '));
    const at = (await getTicket(d.db, 2)).followup_at!;
    expect(at).toBeGreaterThanOrEqual(before + 2 * 3_600_000);
    expect(at).toBeLessThan(Date.now() + 2 * 3_600_000);
    await tui.waitForFrame((f) => / 6 Follow-up 1\b/.test(f));
    tui.type('6');
    await tui.waitForFrame((f) => selectedLine(f).includes('VPN down for me too') && !f.includes('Printer jams'));
    tui.type(KEYS.enter);
    await tui.waitForFrame((f) => /Follow-up +\d{4}-\d\d-\d\d \d\d:\d\d \(in [12]h\)/.test(f));
    // `none` clears it: the Follow-up count drops to 0.
    tui.type(KEYS.escape);
    await tui.waitForFrame((f) => selectedLine(f).includes('VPN down for me too'));
    tui.type('F');
    await tui.waitForFrame((f) => f.includes('Follow-up (thu 10:00, tomorrow, 2h, none) for HD-2'));
    for (let i = 0; i < 20; i++) tui.type(KEYS.backspace);
    tui.type('none', KEYS.enter);
    await tui.waitForFrame((f) => f.includes('HD-2 has no follow-up'));
    expect((await getTicket(d.db, 2)).followup_at).toBeNull();
    await tui.waitForFrame((f) => / 6 Follow-up 0\b/.test(f));
  });
});

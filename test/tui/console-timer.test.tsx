/**
 * The running timer (`T`) with an injected clock (no sleeps): the status bar shows `⏱ HD-1 12:34`;
 * stopping logs the minutes, rounded up, as an internal note that `report workload` sums.
 */
import { describe, expect, it } from 'vitest';
import { timeline } from '../../src/store/interactions.js';
import { workloadReport } from '../../src/store/reports-workload.js';
import { KEYS, renderTui } from '../helpers/render-tui.js';
import { tempDb } from '../helpers/temp.js';
import { addTickets, consoleElement } from './seed.js';

describe('console: timer', () => {
  it('T starts a timer on the selected ticket, the status bar counts, T stops it and logs 13 min as a note', async () => {
    const desk = await tempDb();
    await addTickets(desk, [
      { title: 'Printer on fire', priority: 'urgent', assignee: 'me' },
      { title: 'Mouse squeaks', priority: 'low', assignee: 'me' },
    ]);
    let now = Date.now();
    const clock = () => now;
    const tui = renderTui(await consoleElement(desk, { clock }), { columns: 80, rows: 24 });
    await tui.waitForFrame((f) => f.includes('Printer on fire') && f.includes('Mouse squeaks'));
    tui.type('T');
    await tui.waitForFrame((f) => f.includes('⏱ HD-1 00:00'));
    now += 12 * 60_000 + 34_000;
    await tui.waitForFrame((f) => f.includes('⏱ HD-1 12:34'), 3000);

    // The timer stays on its ticket while the selection moves; T stops it.
    tui.type('j');
    await tui.waitForFrame((f) => f.includes('Detail · HD-2') && f.includes('⏱ HD-1'));
    tui.type('T');
    let frame = await tui.waitForFrame((f) => f.includes('Time logged: 13 min on HD-1'));
    expect(frame).not.toContain('⏱');
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);

    const notes = (await timeline(desk.db, 1)).filter((e) => e.kind === 'note');
    expect(notes).toMatchObject([{ body: 'Time logged: 13 min', minutes: 13, author_name: 'Tess Tester', created_at: now }]);
    const workload = await workloadReport(desk.db, { since: null, until: now + 1 });
    expect(workload.find((r) => r.technician === 'Tess Tester')?.minutes).toBe(13);

    // The detail pane of HD-1 shows the note after the console's own write.
    tui.type('k');
    frame = await tui.waitForFrame(
      (f) => f.includes('Detail · HD-1') && /Timeline \(1, 13 min\)/.test(f) && f.includes('Time logged: 13 min'),
    );
  });

  it('q with a timer running logs it before quitting (at least a minute)', async () => {
    const desk = await tempDb();
    await addTickets(desk, [{ title: 'Quick fix', assignee: 'me' }]);
    let now = Date.now();
    const tui = renderTui(await consoleElement(desk, { clock: () => now }), { columns: 80, rows: 24 });
    await tui.waitForFrame((f) => f.includes('Quick fix'));
    tui.type('T');
    await tui.waitForFrame((f) => f.includes('⏱ HD-1 00:00'));
    now += 5_000;
    tui.type('q');
    await tui.instance.waitUntilExit();
    expect((await timeline(desk.db, 1)).filter((e) => e.kind === 'note')).toMatchObject([{ body: 'Time logged: 1 min', minutes: 1 }]);
  });

  it('Esc does not stop the timer; it keeps running across views', async () => {
    const desk = await tempDb();
    await addTickets(desk, [{ title: 'Long call', assignee: 'me' }]);
    const tui = renderTui(await consoleElement(desk, { clock: () => 0 }), { columns: 80, rows: 24 });
    await tui.waitForFrame((f) => f.includes('Long call'));
    tui.type('T', KEYS.escape, '4');
    await tui.waitForFrame((f) => /4 All o… 1/.test(f) && f.includes('⏱ HD-1 00:00'));
  });
});

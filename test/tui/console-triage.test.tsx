/** The triage assistant in the console: the detail pane shows the suggestion and similar tickets; S (real key) applies it, nothing before. */
import { describe, expect, it } from 'vitest';
import { getTicket } from '../../src/store/ticket-view.js';
import { trainModel } from '../../src/store/triage-train.js';
import { renderTui } from '../helpers/render-tui.js';
import { tempDb } from '../helpers/temp.js';
import { addTickets, consoleElement } from './seed.js';

const KINDS = [
  { title: 'Printer jams on floor', description: 'Paper stuck in the tray.', category: 'printer', priority: 'normal', tier: 'L1' },
  { title: 'VPN tunnel drops', description: 'GlobalProtect disconnects from home.', category: 'network', priority: 'high', tier: 'L2' },
  { title: 'Account locked', description: 'Too many password attempts.', category: 'account', priority: 'normal', tier: 'L1' },
];

describe('console: triage suggestions', () => {
  it('shows the suggestion and tickets solved before, and S applies it in one update', async () => {
    const d = await tempDb();
    await addTickets(
      d,
      KINDS.flatMap((k) =>
        Array.from({ length: 20 }, (_, n) => ({
          ...k,
          title: `${k.title} ${n}`,
          status: 'resolved',
          resolution: `Fixed the ${k.category} (${n})`,
        })),
      ),
    );
    await trainModel(d.db);
    await addTickets(d, [{ title: 'VPN tunnel keeps dropping', description: 'GlobalProtect disconnects every hour' }]);
    const tui = renderTui(await consoleElement(d), { columns: 160, rows: 48 });
    await tui.waitForFrame((f) => f.includes('2 Unassigned 1'));
    tui.type('2');
    const frame = await tui.waitForFrame((f) => f.includes('Suggested (S accepts)'));
    expect(frame).toMatch(/category network {2}\d+%/);
    expect(frame).toMatch(/priority high {2}\d+%/);
    expect(frame).toMatch(/tier {5}L2 {2}\d+%/);
    expect(frame).toMatch(/HD-\d+ {2}VPN tunnel drops \d+/);
    expect(frame).toContain('Solved before');
    expect(frame).toMatch(/↳ Fixed the network/);
    // Reading it changed nothing.
    expect((await getTicket(d.db, 61)).category).toBe('other');
    tui.type('S');
    await tui.waitForFrame((f) => f.includes('set from the suggestion: category network, priority high, tier L2'));
    const t = await getTicket(d.db, 61);
    expect([t.category, t.priority, t.tier, t.version]).toEqual(['network', 'high', 'L2', 2]);
    const events = d.sqlite.prepare("SELECT DISTINCT action FROM audit_events WHERE ticket_id = 61 AND action = 'triage'").all();
    expect(events).toEqual([{ action: 'triage' }]);
    // Applied: nothing left to suggest, and S says so.
    await tui.waitForFrame((f) => !f.includes('Suggested (S accepts)'));
    tui.type('S');
    await tui.waitForFrame((f) => f.includes('HD-61: no triage suggestion to accept'));
  });
});

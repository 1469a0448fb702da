/**
 * The triage suggestion in the new-ticket form: it appears once typing pauses (read off the
 * keystroke path), follows the text, changes nothing until Ctrl+T (a real key) takes it, and the
 * ticket is saved with what was taken, tier included.
 */
import { describe, expect, it } from 'vitest';
import { getTicket } from '../../src/store/ticket-view.js';
import { trainModel } from '../../src/store/triage-train.js';
import { KEYS, renderTui } from '../helpers/render-tui.js';
import { tempDb } from '../helpers/temp.js';
import { addTickets, consoleElement } from './seed.js';

const CTRL_S = '\x13';
const CTRL_T = '\x14';

const KINDS = [
  { title: 'Printer jams on floor', description: 'Paper stuck in the tray.', category: 'printer', priority: 'normal', tier: 'L1' },
  { title: 'VPN tunnel drops', description: 'GlobalProtect disconnects from home.', category: 'network', priority: 'high', tier: 'L2' },
  { title: 'Account locked', description: 'Too many password attempts.', category: 'account', priority: 'normal', tier: 'L1' },
];

describe('console: triage suggestion in the new-ticket form', () => {
  it('suggests from the title as it is typed; Ctrl+T takes category, priority and tier; saved with them', async () => {
    const d = await tempDb();
    await addTickets(
      d,
      KINDS.flatMap((k) =>
        Array.from({ length: 20 }, (_, n) => ({ ...k, title: `${k.title} ${n}`, status: 'resolved', resolution: 'Fixed.' })),
      ),
    );
    await trainModel(d.db);
    const tui = renderTui(await consoleElement(d), { columns: 120, rows: 30 });
    await tui.waitForFrame((f) => f.includes('No tickets match this view'));
    tui.type('n');
    await tui.waitForFrame((f) => f.includes('New ticket') && f.includes('▸ Title'));
    // Nothing typed: nothing suggested; a key before Ctrl+T's answer says so.
    tui.type(CTRL_T);
    await tui.waitForFrame((f) => f.includes('no triage suggestion to take'));
    tui.type('Printer jams again');
    let frame = await tui.waitForFrame((f) => /Suggested +category printer \d+%/.test(f));
    expect(frame).toContain('‹ other ›');
    // The text moves on: the suggestion follows it.
    for (let i = 0; i < 'Printer jams again'.length; i++) tui.type(KEYS.backspace);
    tui.type('VPN tunnel drops from home');
    frame = await tui.waitForFrame((f) => /Suggested +category network \d+% · priority high \d+% · tier L2 \d+% · \^T takes them/.test(f));
    expect(frame).toContain('‹ other ›');
    expect(frame).toContain('‹ normal ›');
    tui.type(CTRL_T);
    frame = await tui.waitForFrame((f) => f.includes('took the suggestion: category network, priority high, tier L2'));
    expect(frame).toContain('‹ network ›');
    expect(frame).toContain('‹ high ›');
    expect(frame).toMatch(/Suggested +tier L2 \(taken\)/);
    tui.type(KEYS.tab, 'ana@example.com', CTRL_S);
    await tui.waitForFrame((f) => f.includes('HD-61 created'));
    const t = await getTicket(d.db, 61);
    expect([t.title, t.category, t.priority, t.tier]).toEqual(['VPN tunnel drops from home', 'network', 'high', 'L2']);
  });
});

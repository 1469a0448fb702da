/**
 * Bulk changes compare and set per ticket: each marked ticket keeps the version it had when marked,
 * and a ticket someone else changed meanwhile is reported, not overwritten; nothing of the bulk change
 * is written (all or nothing), the marks stay, and the question comes back for another try.
 */
import { describe, expect, it } from 'vitest';
import { ensureTechnician } from '../../src/store/technicians.js';
import { updateTicket } from '../../src/store/ticket-changes.js';
import { getTicket } from '../../src/store/ticket-view.js';
import { renderTui } from '../helpers/render-tui.js';
import { tempDb } from '../helpers/temp.js';
import { addTickets, consoleElement, OTHER, secondConnection } from './seed.js';

const selectedLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('▸')) ?? '';

describe('console: bulk changes and other writers', () => {
  for (const [what, open, choose, question, done, check] of [
    [
      'priority',
      'p',
      'h',
      'Set priority high? (2 tickets)',
      '2 of 2 tickets priority high',
      (t: { priority: string }) => t.priority === 'high',
    ],
    ['resolve', 'R', '\x13', 'Resolve? (2 tickets)', '2 of 2 tickets resolved', (t: { status: string }) => t.status === 'resolved'],
  ] as const) {
    it(`${what}: a marked ticket changed by someone else stops the whole change; the next try writes`, async () => {
      const d = await tempDb();
      await addTickets(d, [{ title: 'VPN drops every hour' }, { title: 'Printer jams' }, { title: 'Mouse broken' }]);
      const tui = renderTui(await consoleElement(d), { columns: 100, rows: 30 });
      await tui.waitForFrame((f) => f.includes('No tickets match this view.'));
      tui.type('2');
      await tui.waitForFrame((f) => selectedLine(f).includes('VPN drops'));
      tui.type('x', 'j', 'x');
      await tui.waitForFrame((f) => f.includes('*2 marked'));
      const other = await secondConnection(d);
      try {
        await updateTicket(other.db, 2, { category: 'printer' }, await ensureTechnician(other.db, OTHER));
      } finally {
        await other.close();
      }
      tui.type(open);
      if (what === 'resolve') tui.type('Fixed upstream');
      tui.type(choose);
      await tui.waitForFrame((f) => f.includes(question));
      tui.type('y');
      await tui.waitForFrame((f) =>
        f.includes('HD-2: Olga Other changed category other → printer meanwhile — none of the 2 tickets written'),
      );
      expect(check((await getTicket(d.db, 1)) as never)).toBe(false);
      expect(check((await getTicket(d.db, 2)) as never)).toBe(false);
      // Nothing written, marks kept, the dialog back (the resolution typed in it); the next try compares with what is there now.
      await tui.waitForFrame((f) => f.includes(what === 'resolve' ? 'Fixed upstream' : 'Priority of 2 tickets') && f.includes('*2 marked'));
      tui.type(choose);
      await tui.waitForFrame((f) => f.includes(question));
      tui.type('y');
      await tui.waitForFrame((f) => f.includes(done));
      for (const id of [1, 2]) expect(check((await getTicket(d.db, id)) as never)).toBe(true);
      expect((await getTicket(d.db, 2)).category).toBe('printer');
      expect(check((await getTicket(d.db, 3)) as never)).toBe(false);
    });
  }
});

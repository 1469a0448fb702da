import { describe, expect, it } from 'vitest';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import { ensureTechnician } from '../../src/store/technicians.js';
import { createTicket } from '../../src/store/tickets.js';
import { demoLoader } from '../../src/tui/session/demo.js';
import { KEYS, renderTui } from '../helpers/render-tui.js';
import { tempDb } from '../helpers/temp.js';
import { addTickets, consoleElement, ME, secondConnection } from './seed.js';

const selectedLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('▸')) ?? '';

describe('console: live data', () => {
  it('shows a ticket another connection creates without a keypress, keeping the selection on the same ticket', async () => {
    const desk = await tempDb();
    await addTickets(desk, [
      { title: 'First normal', assignee: 'me' },
      { title: 'Second normal', assignee: 'me' },
    ]);
    const tui = renderTui(await consoleElement(desk), { columns: 80, rows: 24 });
    await tui.waitForFrame((f) => f.includes('Second normal'));
    tui.type('j');
    await tui.waitForFrame((f) => selectedLine(f).includes('Second normal'));

    const other = await secondConnection(desk);
    try {
      const actor = await ensureTechnician(other.db, ME);
      await createTicket(other.db, validateTicketInput({ title: 'Brand new urgent outage', priority: 'urgent', assignee: 'me' }), actor);
    } finally {
      await other.close();
    }
    const frame = await tui.waitForFrame((f) => f.includes('Brand new urgent outage') && /1 My qu… 3/.test(f), 2000);
    const rows = frame.split('\n').filter((l) => / HD-\d/.test(l) && !l.startsWith('HD-'));
    expect(rows[0]).toContain('Brand new urgent outage');
    expect(selectedLine(frame)).toContain('Second normal');
  });

  it('never lets escape sequences, control characters or bidi overrides from a ticket reach the terminal', async () => {
    const desk = await tempDb();
    await addTickets(desk, [
      {
        title: '\x1b]0;pwned\x07\x1b[2J evil \u202eesrever',
        assignee: 'me',
        requester: 'Mallory \x1b[31mRed <mallory@example.com>',
        description: 'body \x1bP1$r\x1b\\ with\ttab\r\nand \x9b2J C1 and \x07 bell',
      },
    ]);
    const tui = renderTui(await consoleElement(desk), { columns: 100, rows: 30 });
    const frame = await tui.waitForFrame((f) => /body +with +tab\n *and +C1 and +bell/.test(f));
    expect(selectedLine(frame)).toMatch(/Mallory Red +evil esrever +Tess Tester/);
    const everything = tui.stdout.frames.join('');
    expect(everything).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    expect(everything).not.toContain('pwned');
  });
});

describe('console: welcome, saved views, remapped keys', () => {
  it('opens a welcome screen on an empty database; d asks, y loads demo data and shows the queue', async () => {
    const desk = await tempDb();
    const tui = renderTui(await consoleElement(desk, { demo: demoLoader(ME, 300) }), { columns: 80, rows: 24 });
    await tui.waitForFrame((f) => f.includes('has no tickets yet') && f.includes('d load demo data (300 demo tickets'));
    tui.type('d');
    await tui.waitForFrame((f) => f.includes('Load 300 demo tickets into desk.db? y/n'));
    tui.type('y');
    const frame = await tui.waitForFrame((f) => selectedLine(f) !== '' && /1 My qu\S* [1-9]/.test(f));
    expect(frame).not.toContain('has no tickets yet');
    expect(frame).toMatch(/1 My qu\S* [1-9]/);
  });

  it('leaves the welcome screen when another process adds the first ticket', async () => {
    const desk = await tempDb();
    const tui = renderTui(await consoleElement(desk), { columns: 80, rows: 24 });
    await tui.waitForFrame((f) => f.includes('has no tickets yet'));
    const other = await secondConnection(desk);
    try {
      await createTicket(other.db, validateTicketInput({ title: 'Someone else wrote this' }), await ensureTechnician(other.db, ME));
    } finally {
      await other.close();
    }
    await tui.waitForFrame((f) => f.includes('No tickets match this view.') && /2 Unass… 1/.test(f));
    tui.type('2');
    await tui.waitForFrame((f) => selectedLine(f).includes('Someone else wrote this'));
  });

  it('appends saved views from the settings as tabs and follows keymap remaps', async () => {
    const desk = await tempDb();
    await addTickets(desk, [{ title: 'VPN down', tags: 'vpn' }, { title: 'Mouse broken' }, { title: 'VPN again', tags: 'vpn' }]);
    const tui = renderTui(await consoleElement(desk, { saved: { vpn: 'tag:vpn status:active' }, remaps: { down: 'n' } }), {
      columns: 100,
      rows: 24,
    });
    // Saved views take the keys after the built-in ones (6 is Follow-up).
    await tui.waitForFrame((f) => /7 vpn 2/.test(f));
    tui.type('7');
    let frame = await tui.waitForFrame((f) => selectedLine(f).includes('VPN down'));
    expect(frame).not.toContain('Mouse broken');
    expect(frame).toContain('n/k move');
    tui.type('n');
    frame = await tui.waitForFrame((f) => selectedLine(f).includes('VPN again'));
    tui.type(KEYS.up, 'j');
    frame = await tui.waitForFrame((f) => selectedLine(f).includes('VPN down'));
  });
});

/**
 * The SLA in the console: the due column (time left on the next target, ✓ ok / ! at risk / ✗ breached,
 * readable without colour), view 3 Breaching soon, and the header's warning about my tickets.
 */
import { describe, expect, it } from 'vitest';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import { ensureTechnician } from '../../src/store/technicians.js';
import { createTicket } from '../../src/store/tickets.js';
import { renderTui } from '../helpers/render-tui.js';
import { tempDb } from '../helpers/temp.js';
import { addTickets, consoleElement, ME, secondConnection } from './seed.js';

const MIN = 60_000;
const rowOf = (frame: string, title: string) => frame.split('\n').find((l) => l.includes(title) && / HD-\d/.test(l)) ?? '';

/** Urgent tickets count 24×7 (first response 1 h), so their due times do not depend on the weekday. */
async function deskWithClocks() {
  const desk = await tempDb();
  const now = Date.now();
  await addTickets(desk, [{ title: 'Fresh urgent', priority: 'urgent', assignee: 'me' }], now);
  await addTickets(desk, [{ title: 'Nearly due', priority: 'urgent', assignee: 'me' }], now - 50 * MIN);
  await addTickets(desk, [{ title: 'Long overdue', priority: 'urgent', assignee: 'me' }], now - 3 * 60 * MIN);
  await addTickets(desk, [{ title: 'Waiting on user', priority: 'urgent', assignee: 'me', status: 'pending' }], now - 10 * MIN);
  await addTickets(desk, [{ title: 'Someone else late', priority: 'urgent' }], now - 3 * 60 * MIN);
  await addTickets(desk, [{ title: 'Plenty of time', priority: 'low' }], now);
  return desk;
}

describe('console: SLA time left', () => {
  it('shows time left on the next target per row: ✓ ok, ! at risk (< 25 % left), ✗ breached with a minus, nothing while paused', async () => {
    const desk = await deskWithClocks();
    const tui = renderTui(await consoleElement(desk), { columns: 100, rows: 24 });
    const frame = await tui.waitForFrame((f) => f.includes('Waiting on user') && /✗ +-2h/.test(f));
    expect(frame).toMatch(/REF +STATUS +DUE +AGE/);
    expect(rowOf(frame, 'Fresh urgent')).toMatch(/HD-1 +open +✓ +(59m|1h) +now /);
    expect(rowOf(frame, 'Nearly due')).toMatch(/HD-2 +open +! +(9|10)m +50m /);
    expect(rowOf(frame, 'Long overdue')).toMatch(/HD-3 +open +✗ +-2h +3h /);
    expect(rowOf(frame, 'Waiting on user')).toMatch(/HD-4 +pending +\d+m /);
    expect(rowOf(frame, 'Waiting on user')).not.toMatch(/[✓!✗]/);
  });

  it('warns in the header when my open tickets are at risk or breached, and follows changes from another process', async () => {
    const desk = await deskWithClocks();
    const tui = renderTui(await consoleElement(desk), { columns: 120, rows: 24 });
    let frame = await tui.waitForFrame((f) => f.includes('✗ 1 breached · ! 1 at risk'));
    expect(frame.split('\n')[0]).toMatch(/✗ 1 breached · ! 1 at risk +Tess Tester$/);

    const other = await secondConnection(desk);
    try {
      await createTicket(
        other.db,
        validateTicketInput({ title: 'Another fire', priority: 'urgent', assignee: 'me' }),
        await ensureTechnician(other.db, ME),
        Date.now() - 2 * 60 * MIN,
      );
    } finally {
      await other.close();
    }
    frame = await tui.waitForFrame((f) => f.includes('✗ 2 breached · ! 1 at risk'));
    expect(frame.split('\n')[0]).toContain('✗ 2 breached');
  });

  it('keeps the warning short on 80 columns, and shows none when nothing of mine is late', async () => {
    const desk = await deskWithClocks();
    const tui = renderTui(await consoleElement(desk), { columns: 80, rows: 24 });
    const frame = await tui.waitForFrame((f) => /✗1 !1/.test(f.split('\n')[0] ?? ''));
    expect(frame.split('\n')[0]!.length).toBeLessThanOrEqual(80);

    const calm = await tempDb();
    await addTickets(calm, [{ title: 'All fine', priority: 'low', assignee: 'me' }]);
    const quiet = renderTui(await consoleElement(calm), { columns: 120, rows: 24 });
    const f2 = await quiet.waitForFrame((f) => /1 My queue 1/.test(f) && f.includes('All fine'));
    expect(f2.split('\n')[0]).not.toMatch(/breached|at risk/);
  });
});

describe('console: view 3 Breaching soon', () => {
  it('lists open tickets due within 2 hours, overdue included, most urgent first; paused and distant ones stay out', async () => {
    const desk = await deskWithClocks();
    const tui = renderTui(await consoleElement(desk), { columns: 100, rows: 24 });
    await tui.waitForFrame((f) => f.includes('Fresh urgent') && /3 Breaching soon 4/.test(f));
    tui.type('3');
    const frame = await tui.waitForFrame(
      (f) => f.includes('Someone else late') && f.split('\n').some((l) => l.startsWith('▸') && l.includes('Long overdue')),
    );
    const rows = frame.split('\n').filter((l) => /^[▸ ][‼!·↓]. HD-\d/.test(l));
    const titles = rows.map((l) =>
      ['Long overdue', 'Someone else late', 'Nearly due', 'Fresh urgent', 'Waiting on user', 'Plenty of time'].find((t) => l.includes(t)),
    );
    expect(titles).toEqual(['Long overdue', 'Someone else late', 'Nearly due', 'Fresh urgent']);
  });
});

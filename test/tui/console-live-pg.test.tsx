/**
 * The console on a PostgreSQL desk: another technician's commit reaches the frame through
 * LISTEN/NOTIFY (hooks/use-desk-changes.ts), and when the server drops the console's connections
 * the status bar says so, the feed reconnects by itself and later changes show again.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import { openDesk, type Desk } from '../../src/store/desk.js';
import { ensureTechnician } from '../../src/store/technicians.js';
import { createTicket } from '../../src/store/tickets.js';
import { LINK_BACK, LINK_LOST } from '../../src/tui/state/link.js';
import { renderTui } from '../helpers/render-tui.js';
import { tempPgDatabase } from '../helpers/pg.js';
import { addTickets, consoleElement, ME } from './seed.js';

/** Another technician's process: its own connections, one ticket, closed. */
async function anotherTechnicianCreates(url: string, title: string): Promise<void> {
  const other = await openDesk(url);
  try {
    await createTicket(other.db, validateTicketInput({ title, priority: 'urgent', assignee: 'me' }), await ensureTechnician(other.db, ME));
  } finally {
    await other.close();
  }
}

/** What a server restart or a network cut does to the console: every connection to its database ends. */
async function terminateBackends(url: string): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rows } = await admin.query(
      'SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return rows.length;
  } finally {
    await admin.end();
  }
}

describe('console on a PostgreSQL desk: live refresh', () => {
  it('shows another connection’s commit, survives its connections being terminated, and shows a later change', async () => {
    const url = await tempPgDatabase();
    const desk: Desk = await openDesk(url);
    const tui = renderTui(await consoleElement(desk, { pollMs: 60_000 }), { columns: 100, rows: 24 });
    try {
      await addTickets(desk, [{ title: 'First normal', assignee: 'me' }]);
      // The console's own connection wrote that: its feed hears its own commits too.
      await tui.waitForFrame((f) => f.includes('First normal'));

      await anotherTechnicianCreates(url, 'Brand new urgent outage');
      await tui.waitForFrame((f) => f.includes('Brand new urgent outage'), 2000);

      expect(await terminateBackends(url)).toBeGreaterThanOrEqual(1);
      await tui.waitForFrame((f) => f.includes(LINK_LOST));
      await tui.waitForFrame((f) => f.includes(LINK_BACK) && !f.includes(LINK_LOST));

      await anotherTechnicianCreates(url, 'Later change after the cut');
      const frame = await tui.waitForFrame((f) => f.includes('Later change after the cut'), 2000);
      expect(frame).toContain('Brand new urgent outage');
      expect(frame).not.toContain('cannot load');
    } finally {
      tui.unmount();
      await desk.close();
    }
  });
});

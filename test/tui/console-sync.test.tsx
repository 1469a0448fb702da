/**
 * The console on a replica (issue 22): it syncs in the background with a real PostgreSQL server desk
 * made by the test — a note typed in the console reaches the server without `deskline sync`, the
 * status bar says how the sync stands (`synced just now`, `offline · 2 waiting`), and a sync conflict
 * is listed with `Y` and settled with a key (taking the lost value, which syncs like any edit).
 */
import { describe, expect, it, vi } from 'vitest';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import { addInteraction, timeline } from '../../src/store/interactions.js';
import { ensureTechnician } from '../../src/store/technicians.js';
import { updateTicket } from '../../src/store/ticket-changes.js';
import { createTicket } from '../../src/store/tickets.js';
import { renderTui } from '../helpers/render-tui.js';
import { replicaOf, serverDesk } from '../helpers/sync-desks.js';
import { consoleElement, ME } from './seed.js';

const CTRL_S = '\x13';
const BOSS = { name: 'Bo Boss', email: 'bo@example.com', tier: 'L2' };
const SIZE = { columns: 160, rows: 48 }; // the whole help shows at once at this size
const statusLine = (frame: string) => frame.split('\n').at(-1) ?? '';

async function serverWithTwoTickets() {
  const server = await serverDesk();
  const boss = await ensureTechnician(server.db, BOSS);
  await ensureTechnician(server.db, ME);
  for (const title of ['Printer offline', 'VPN drops']) await createTicket(server.db, validateTicketInput({ title }), boss);
  return { server, boss };
}

async function bodiesOnServer(server: Awaited<ReturnType<typeof serverDesk>>): Promise<string[]> {
  const all = await Promise.all([1, 2].map((id) => timeline(server.db, id)));
  return all.flat().map((e) => e.body);
}

describe('console on a replica: background sync', () => {
  it('pushes a typed note without being asked, lists a conflict with Y and takes the lost value with a key', async () => {
    const { server, boss } = await serverWithTwoTickets();
    const a = await replicaOf(server);
    // Before the console opens: both sides change HD-1's priority without seeing each other (the server's is later: it wins).
    await updateTicket(a.desk.db, 1, { priority: 'high' }, await ensureTechnician(a.desk.db, ME));
    await updateTicket(server.db, 1, { priority: 'low' }, boss);

    const tui = renderTui(await consoleElement(a.desk), SIZE);
    let frame = await tui.waitForFrame((f) => statusLine(f).includes('synced just now · 1 conflict (Y)'), 20_000);
    expect(statusLine(frame)).not.toContain('waiting');

    // The key is in the help, generated from the keymap.
    tui.type('?');
    await tui.waitForFrame((f) => /Y +sync conflicts: keep or/.test(f));
    tui.type('\x1b');
    await tui.waitForFrame((f) => !f.includes('sync conflicts: keep or'));
    tui.type('Y');
    frame = await tui.waitForFrame((f) => f.includes('Sync conflicts (1)'));
    expect(frame).toContain('HD-1 priority: kept low, not high');
    tui.type('1');
    await tui.waitForFrame((f) => f.includes('keep low (the value that won)') && f.includes('take high (the value that lost)'));
    tui.type('t');
    await tui.waitForFrame((f) => f.includes('HD-1 priority high taken — conflict settled'));
    // The settling and the field change reach the server by themselves.
    await vi.waitFor(
      async () => {
        const c = await server.db.selectFrom('sync_conflicts').select('resolved_at').executeTakeFirstOrThrow();
        const t = await server.db.selectFrom('tickets').select('priority').where('id', '=', 1).executeTakeFirstOrThrow();
        expect({ resolved: c.resolved_at !== null, priority: t.priority }).toEqual({ resolved: true, priority: 'high' });
      },
      { timeout: 20_000, interval: 100 },
    );

    tui.type('4'); // all open tickets (my queue is empty)
    await tui.waitForFrame((f) => f.includes('Printer offline') && f.includes('VPN drops'));
    tui.type('i', 'Swapped the toner', CTRL_S);
    await tui.waitForFrame((f) => f.includes('internal note added'));
    await vi.waitFor(async () => expect(await bodiesOnServer(server)).toContain('Swapped the toner'), { timeout: 20_000, interval: 100 });
    tui.type('j'); // the selection moves: the note's message gives the line back
    frame = await tui.waitForFrame((f) => statusLine(f).includes('synced just now') && !statusLine(f).includes('waiting'), 20_000);
    expect(statusLine(frame)).not.toContain('conflict');
  }, 60_000);

  it('says offline and counts what waits when the server cannot be reached', async () => {
    const { server } = await serverWithTwoTickets();
    const a = await replicaOf(server);
    await a.desk.db.updateTable('sync_state').set({ server: 'postgres://nobody@127.0.0.1:1/desk' }).execute();
    await addInteraction(a.desk.db, 1, { kind: 'note', body: 'written on the train' }, await ensureTechnician(a.desk.db, ME));

    const tui = renderTui(await consoleElement(a.desk), SIZE);
    await tui.waitForFrame((f) => statusLine(f).includes('offline · 1 waiting'), 20_000);
    tui.type('4');
    await tui.waitForFrame((f) => f.includes('Printer offline') && f.includes('VPN drops'));
    tui.type('i', 'and another', CTRL_S);
    await tui.waitForFrame((f) => f.includes('internal note added'));
    tui.type('j');
    await tui.waitForFrame((f) => statusLine(f).includes('offline · 2 waiting'), 20_000);
    expect(await bodiesOnServer(server)).toEqual([]);
  }, 60_000);
});

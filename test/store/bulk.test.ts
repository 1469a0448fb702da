/**
 * The bulk writer and the desk's one connection: a chunk holds kysely's connection while it writes, so a
 * query sent through kysely meanwhile (the console writing while it seeds) waits for the chunk and runs
 * in a transaction of its own — never inside the chunk, never rolled back with it.
 */
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.js';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import { ensureTechnician } from '../../src/store/technicians.js';
import { createTicket, type Created } from '../../src/store/tickets.js';
import { sql } from 'kysely';
import { isPg, rowsOf, countOf } from '../helpers/db-rows.js';
import { addFailTrigger } from '../helpers/fail-trigger.js';
import { tempDb } from '../helpers/temp.js';

const NOW = Date.UTC(2026, 2, 18, 14, 30);
const ME = { name: 'Lee Chen', email: 'lee@example.com', tier: 'L1' };

describe('bulk writes beside kysely', () => {
  it('a kysely write during a chunk waits for it and is not rolled back when the chunk fails', async () => {
    const desk = await tempDb();
    const actor = await ensureTechnician(desk.db, ME);
    // The seed's own rows fail at its 3,000th ticket, after the write below was sent.
    const when = "NEW.id = 3000 AND NEW.title <> 'Sent mid-seed'";
    await addFailTrigger(desk.db, { name: 'fail_late', table: 'tickets', when, message: 'disk went away' });
    let during: Promise<Created> | undefined;
    let inChunk = false;
    const seeding = seedDemo(desk, {
      tickets: 5_000,
      now: NOW,
      me: ME,
      onProgress: (done) => {
        if (done === 0 || during) return;
        // On PostgreSQL progress is reported between chunks (each a transaction under the write lock), so
        // the write queues on that lock instead: there is no chunk open to look at.
        if (!isPg) inChunk = desk.sqlite.inTransaction;
        during = createTicket(desk.db, validateTicketInput({ title: 'Sent mid-seed' }), actor);
      },
    });
    await expect(seeding).rejects.toThrow('disk went away');
    if (!isPg) expect(inChunk).toBe(true); // it was sent while the chunk's transaction was open
    const created = await during!;
    const rows = await rowsOf<{ id: number; title: string }>(desk.db, sql`SELECT id, title FROM tickets ORDER BY id`);
    // The chunk the write waited for may have committed (chunks end by time), the failing one did not.
    expect(rows.at(-1)).toEqual({ id: created.ticket.id, title: 'Sent mid-seed' });
    expect(rows.filter((r) => r.title === 'Sent mid-seed')).toHaveLength(1);
    const creates = await rowsOf(desk.db, sql`SELECT ticket_id, actor FROM audit_events WHERE action = 'create' ORDER BY id`);
    expect(creates).toHaveLength(rows.length);
    expect(creates.at(-1)).toEqual({ ticket_id: created.ticket.id, actor: 'Lee Chen' });
    if (!isPg) expect(desk.sqlite.inTransaction).toBe(false);
  });

  it('a kysely write during a seed that succeeds lands beside it, each ticket with its own create event', async () => {
    const desk = await tempDb();
    const actor = await ensureTechnician(desk.db, ME);
    let during: Promise<Created> | undefined;
    const summary = await seedDemo(desk, {
      tickets: 5_000,
      now: NOW,
      me: ME,
      onProgress: (done) => {
        if (done > 0 && !during) during = createTicket(desk.db, validateTicketInput({ title: 'Sent mid-seed' }), actor);
      },
    });
    const created = await during!;
    expect(summary.tickets).toBe(5_000);
    expect(await countOf(desk.db, 'tickets')).toBe(5_001);
    // The write waited for the chunk: its ticket comes after that chunk's rows, not inside them.
    expect(created.ticket.id).toBeGreaterThan(2_000);
    // Ordered by the code points of the names, whatever the server's collation.
    const events = await rowsOf(desk.db, sql`SELECT actor, count(*) AS n FROM audit_events WHERE action = 'create' GROUP BY actor`);
    expect(events.sort((a, b) => (String(a.actor) < String(b.actor) ? -1 : 1))).toEqual([
      { actor: 'Lee Chen', n: 1 },
      { actor: 'demo', n: 5_000 },
    ]);
    // SQLite checks foreign keys only when asked; PostgreSQL refuses a broken one at the insert.
    if (!isPg) expect(desk.sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});

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
import { tempDb } from '../helpers/temp.js';

const NOW = Date.UTC(2026, 2, 18, 14, 30);
const ME = { name: 'Lee Chen', email: 'lee@example.com', tier: 'L1' };

describe('bulk writes beside kysely', () => {
  it('a kysely write during a chunk waits for it and is not rolled back when the chunk fails', async () => {
    const desk = await tempDb();
    const actor = await ensureTechnician(desk.db, ME);
    // The seed's own rows fail at its 3,000th ticket, after the write below was sent.
    desk.sqlite.exec(
      "CREATE TRIGGER fail_late BEFORE INSERT ON tickets WHEN NEW.id = 3000 AND NEW.title <> 'Sent mid-seed' BEGIN SELECT RAISE(ABORT, 'disk went away'); END",
    );
    let during: Promise<Created> | undefined;
    let inChunk = false;
    const seeding = seedDemo(desk, {
      tickets: 5_000,
      now: NOW,
      me: ME,
      onProgress: (done) => {
        if (done === 0 || during) return;
        inChunk = desk.sqlite.inTransaction;
        during = createTicket(desk.db, validateTicketInput({ title: 'Sent mid-seed' }), actor);
      },
    });
    await expect(seeding).rejects.toThrow('disk went away');
    expect(inChunk).toBe(true); // it was sent while the chunk's transaction was open
    const created = await during!;
    const rows = desk.sqlite.prepare('SELECT id, title FROM tickets ORDER BY id').all() as { id: number; title: string }[];
    // The chunk the write waited for may have committed (chunks end by time), the failing one did not.
    expect(rows.at(-1)).toEqual({ id: created.ticket.id, title: 'Sent mid-seed' });
    expect(rows.filter((r) => r.title === 'Sent mid-seed')).toHaveLength(1);
    const creates = desk.sqlite.prepare("SELECT ticket_id, actor FROM audit_events WHERE action = 'create' ORDER BY id").all();
    expect(creates).toHaveLength(rows.length);
    expect(creates.at(-1)).toEqual({ ticket_id: created.ticket.id, actor: 'Lee Chen' });
    expect(desk.sqlite.inTransaction).toBe(false);
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
    expect(desk.sqlite.prepare('SELECT count(*) FROM tickets').pluck().get()).toBe(5_001);
    // The write waited for the chunk: its ticket comes after that chunk's rows, not inside them.
    expect(created.ticket.id).toBeGreaterThan(2_000);
    const events = desk.sqlite.prepare(
      "SELECT actor, count(*) AS n FROM audit_events WHERE action = 'create' GROUP BY actor ORDER BY actor",
    );
    expect(events.all()).toEqual([
      { actor: 'Lee Chen', n: 1 },
      { actor: 'demo', n: 5_000 },
    ]);
    expect(desk.sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});

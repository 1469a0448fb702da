/**
 * A pull fills a replica's ticket index (ticket_fts) once per batch for the tickets it touched
 * (src/store/sync/pull-index.ts), not by the triggers row by row. The index must end exactly as the
 * triggers would leave it: the same rows as 006's own triggers write when every ticket is indexed
 * again, the timeline's words findable, nothing left under a provisional id, the hold lifted, and
 * `deskline db check`'s checks clean. Small batches, so tickets, notes and renumbering span several.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { validateTicketInput } from '../../../src/domain/ticket-input.js';
import { checkDesk } from '../../../src/store/desk-maintenance.js';
import type { Desk } from '../../../src/store/desk.js';
import { addInteraction } from '../../../src/store/interactions.js';
import { pull, push } from '../../../src/store/sync/replica.js';
import { ensureTechnician } from '../../../src/store/technicians.js';
import { updateTicket } from '../../../src/store/ticket-changes.js';
import { createTickets } from '../../../src/store/tickets.js';
import { replicaOf, serverDesk } from '../../helpers/sync-desks.js';

const SAM = { name: 'Sam Ito', email: 'sam@example.com', tier: 'L1' };
const KIM = { name: 'Kim Ode', email: 'kim@example.com', tier: 'L1' };

type Executor = Desk['db'];

/** What a contentless, detail=none index holds, in full: each indexed word and the tickets (rowids) holding it. */
async function indexed(db: Executor): Promise<Record<string, number[]>> {
  const words = (await sql<{ term: string }>`SELECT term FROM ticket_fts_vocab ORDER BY term`.execute(db)).rows;
  const out: Record<string, number[]> = {};
  for (const { term } of words) {
    const rows = await sql<{ rowid: number }>`SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH ${`"${term}"`} ORDER BY rowid`.execute(
      db,
    );
    out[term] = rows.rows.map((r) => r.rowid);
  }
  return out;
}

/** ticket_fts as 006's triggers write it: every ticket indexed again by its update trigger, read, and rolled back. */
async function asTriggersWriteIt(desk: Desk): Promise<Record<string, number[]>> {
  const undo = new Error('undo');
  let words: Record<string, number[]> = {};
  await desk.db
    .transaction()
    .execute(async (trx) => {
      await sql`UPDATE tickets SET title = title`.execute(trx);
      words = await indexed(trx);
      throw undo;
    })
    .catch((e: unknown) => {
      if (e !== undo) throw e;
    });
  return words;
}

describe('pull and the ticket index', () => {
  it('leaves ticket_fts as the triggers would: new tickets, notes, a title change, renumbered tickets', async () => {
    const server = await serverDesk();
    const a = await replicaOf(server);
    const b = await replicaOf(server);
    const sam = await ensureTechnician(a.desk.db, SAM);
    const kim = await ensureTechnician(b.desk.db, KIM);
    const made = await createTickets(
      a.desk.db,
      ['Printer jams on 3rd floor', "VPN can't connect", 'Café Wi-Fi drops', 'Dock dead'].map((title) => validateTicketInput({ title })),
      sam,
    );
    const ids = made.map((m) => m.ticket.id);
    for (let i = 0; i < 9; i++)
      await addInteraction(a.desk.db, ids[i % ids.length]!, { kind: 'note', body: `swapped toner cartridge${i}` }, sam);
    await updateTicket(a.desk.db, ids[1]!, { title: 'VPN tunnel refused' }, sam);
    const own = await createTickets(b.desk.db, [validateTicketInput({ title: 'Monitor flickers' })], kim);
    await addInteraction(b.desk.db, own[0]!.ticket.id, { kind: 'note', body: 'reseated the cable' }, kim);

    await push(a.desk.db, server.db, undefined, 5);
    await push(b.desk.db, server.db, undefined, 5);
    for (const r of [a, b]) await pull(r.desk.db, server.db, undefined, 4);

    for (const { desk } of [a, b]) {
      const words = await indexed(desk.db);
      expect(words).toEqual(await asTriggersWriteIt(desk));
      // Each ticket under its server number only, with its timeline and its last title.
      expect([...new Set(Object.values(words).flat())].sort()).toEqual([1, 2, 3, 4, 5]);
      expect(words).toMatchObject({ cartridge8: [1], tunnel: [2], reseated: [5], printer: [1] });
      expect(words.vpn).toEqual([2]);
      expect([words.cant, words.connect]).toEqual([undefined, undefined]); // the old title's words are gone
      const held = await sql<{ n: number }>`SELECT count(*) AS n FROM ticket_fts_hold`.execute(desk.db);
      expect(held.rows[0]!.n).toBe(0);
      await sql`INSERT INTO ticket_fts (ticket_fts, rank) VALUES ('integrity-check', 1)`.execute(desk.db);
      expect(await checkDesk(desk)).toEqual({ integrity: [], references: [], audit: [] });
    }
  });
});

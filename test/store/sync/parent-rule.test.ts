/**
 * One level of parents after sync (issue 22): two laptops make concurrent moves that each obey the
 * rule (a parent is no child, a child no parent) but break it together. Whatever order the desks sync
 * in, every desk ends with the later move by clock, the move it contradicts undone, and one conflict
 * record with a system note on the ticket whose parent was undone.
 */
import { describe, expect, it } from 'vitest';
import { validateTicketInput } from '../../../src/domain/ticket-input.js';
import type { Executor } from '../../../src/store/executor.js';
import { setParent } from '../../../src/store/incidents.js';
import { timeline } from '../../../src/store/interactions.js';
import { syncNow } from '../../../src/store/sync/replica.js';
import { resolveConflict } from '../../../src/store/sync/resolve.js';
import { openConflicts } from '../../../src/store/sync/status.js';
import { ensureTechnician } from '../../../src/store/technicians.js';
import { createTicket } from '../../../src/store/tickets.js';
import { replicaOf, serverDesk } from '../../helpers/sync-desks.js';

const SAM = { name: 'Sam Ito', email: 'sam@example.com', tier: 'L1' };
const KIM = { name: 'Kim Ode', email: 'kim@example.com', tier: 'L1' };
const T = 1_800_000_000_000;

const parents = async (db: Executor) =>
  (await db.selectFrom('tickets').select(['id', 'parent_id']).orderBy('id').execute()).map((t) => t.parent_id);

/** A makes X a child of Y, B makes Y a child of Z; `later` says whose move is later by clock; `first` who syncs first. */
async function run(later: 'a' | 'b', first: 'a' | 'b') {
  const server = await serverDesk();
  const boss = await ensureTechnician(server.db, SAM);
  const ids: number[] = [];
  for (const title of ['X', 'Y', 'Z']) ids.push((await createTicket(server.db, validateTicketInput({ title }), boss)).ticket.id);
  const a = await replicaOf(server);
  const b = await replicaOf(server);
  const sam = await ensureTechnician(a.desk.db, SAM);
  const kim = await ensureTechnician(b.desk.db, KIM);
  await setParent(a.desk.db, ids[1]!, [ids[0]!], sam, later === 'a' ? T + 2 : T + 1);
  await setParent(b.desk.db, ids[2]!, [ids[1]!], kim, later === 'b' ? T + 2 : T + 1);
  const order = first === 'a' ? [a, b, a] : [b, a, b];
  for (const r of order) await syncNow(r.desk.db, server.db);
  return { desks: [server, a.desk, b.desk], ids, server, a, b };
}

describe('one level of parents after sync', () => {
  for (const first of ['a', 'b'] as const)
    it(`keeps the later move (Y under Z) and undoes X under Y, ${first} syncing first`, async () => {
      const { desks, ids } = await run('b', first);
      for (const desk of desks) {
        expect(await parents(desk.db)).toEqual([null, ids[2], null]);
        const conflicts = await openConflicts(desk.db);
        expect(conflicts.map((c) => [c.ticket_id, c.field, c.kept, c.lost])).toEqual([[ids[0], 'parent', null, 'HD-2']]);
        const notes = (await timeline(desk.db, ids[0]!)).map((e) => e.body).filter((t) => t.startsWith('Sync conflict'));
        expect(notes).toEqual([expect.stringContaining('HD-2 is a child of HD-3')]);
      }
    });

  for (const first of ['a', 'b'] as const)
    it(`keeps the later move (X under Y) and undoes Y under Z, ${first} syncing first`, async () => {
      const { desks, ids } = await run('a', first);
      for (const desk of desks) {
        expect(await parents(desk.db)).toEqual([ids[1], null, null]);
        const conflicts = await openConflicts(desk.db);
        expect(conflicts.map((c) => [c.ticket_id, c.field, c.kept, c.lost])).toEqual([[ids[1], 'parent', null, 'HD-3']]);
        const notes = (await timeline(desk.db, ids[1]!)).map((e) => e.body).filter((t) => t.startsWith('Sync conflict'));
        expect(notes).toEqual([expect.stringContaining('HD-2 is a parent (of HD-1)')]);
      }
    });

  it('refuses to take an undone move again while what undid it stands; once that goes, the move comes back by itself', async () => {
    const { desks, ids, server, a, b } = await run('a', 'a');
    const sam = await ensureTechnician(a.desk.db, SAM);
    const [conflict] = await openConflicts(a.desk.db);
    await expect(resolveConflict(a.desk.db, conflict!.id, 'lost', sam)).rejects.toThrow('HD-2 is a parent itself (of HD-1)');
    // X moves under a new ticket W on the server: Y is no parent any more, and its wanted move (under Z) stands again.
    const boss = await ensureTechnician(server.db, SAM);
    const w = (await createTicket(server.db, validateTicketInput({ title: 'W' }), boss)).ticket.id;
    await setParent(server.db, w, [ids[0]!], boss);
    await resolveConflict(a.desk.db, conflict!.id, 'kept', sam);
    for (const r of [a, b, a]) await syncNow(r.desk.db, server.db);
    for (const desk of desks) {
      expect(await parents(desk.db)).toEqual([w, ids[2], null, null]);
      expect(await openConflicts(desk.db)).toEqual([]);
    }
  });
});

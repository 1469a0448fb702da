/**
 * Convergence (issue 22), as a property: 2–4 SQLite replicas of one PostgreSQL server desk work
 * offline (field edits, notes, tags, new tickets) and push and pull in random orders; after a final
 * round every replica holds what the server holds, every note exists exactly once everywhere, and the
 * conflicts recorded are exactly the concurrent single-field edits, judged by a model that knows only
 * the server's order and what each device had pulled when it made each edit.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDesklineError } from '../../../src/errors.js';
import { validateTicketInput } from '../../../src/domain/ticket-input.js';
import { openDesk, type Desk } from '../../../src/store/desk.js';
import { shownTarget } from '../../../src/store/desk-target.js';
import { addInteraction } from '../../../src/store/interactions.js';
import { initReplica } from '../../../src/store/sync/init.js';
import { pull, push } from '../../../src/store/sync/replica.js';
import { ensureTechnician } from '../../../src/store/technicians.js';
import { updateTicket } from '../../../src/store/ticket-changes.js';
import { createTicket } from '../../../src/store/tickets.js';
import { serverDesk, snapshot } from '../../helpers/sync-desks.js';
import { tempDir } from '../../helpers/temp.js';

const PEOPLE = [
  { name: 'Sam Ito', email: 'sam@example.com', tier: 'L1' },
  { name: 'Kim Ode', email: 'kim@example.com', tier: 'L1' },
  { name: 'Ana Ruiz', email: 'ana@example.com', tier: 'L1' },
  { name: 'Lou Park', email: 'lou@example.com', tier: 'L1' },
];
const VALUES = {
  priority: ['low', 'normal', 'high', 'urgent'],
  status: ['open', 'pending', 'on_hold'],
  assignee: PEOPLE.map((p) => p.email),
};
type Field = keyof typeof VALUES;

const replicaIx = fc.nat(3);
const action = fc.oneof(
  {
    arbitrary: fc.record({
      t: fc.constant('edit' as const),
      r: replicaIx,
      k: fc.nat(),
      field: fc.constantFrom<Field>('priority', 'status', 'assignee'),
      v: fc.nat(3),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ t: fc.constant('note' as const), r: replicaIx, k: fc.nat() }), weight: 2 },
  {
    arbitrary: fc.record({
      t: fc.constant('tag' as const),
      r: replicaIx,
      k: fc.nat(),
      tag: fc.constantFrom('vpn', 'printer', 'vip'),
      add: fc.boolean(),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ t: fc.constant('create' as const), r: replicaIx }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constantFrom('push' as const, 'pull' as const, 'sync' as const), r: replicaIx }), weight: 3 },
);

describe('sync convergence', () => {
  it('every replica ends equal to the server, no entry lost or doubled, one conflict per concurrent field edit', async () => {
    const server = await serverDesk();
    for (const p of PEOPLE) await ensureTechnician(server.db, p);
    const boss = await ensureTechnician(server.db, PEOPLE[0]!);
    let run = 0;
    let concurrent = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 4 }), fc.array(action, { minLength: 5, maxLength: 40 }), async (count, actions) => {
        run++;
        // Edits go to this run's tickets (the one made here and those made offline), so they meet often.
        const first = (await createTicket(server.db, validateTicketInput({ title: `run ${run} ticket` }), boss)).ticket.id;
        const startSeq = Number(
          (
            await server.db
              .selectFrom('sync_ops')
              .select((eb) => eb.fn.max('seq').as('s'))
              .executeTakeFirst()
          )?.s ?? 0,
        );
        const dir = tempDir();
        const desks: Desk[] = [];
        const pulledAt = new Map<string, number>(); // op id → its device's pulled sequence when it was made
        try {
          for (let i = 0; i < count; i++) {
            const fresh = await openDesk(join(dir, `r${i}.db`));
            await initReplica(fresh.db, server.db, shownTarget(server.url));
            await fresh.close();
            desks.push(await openDesk(join(dir, `r${i}.db`)));
          }
          const actors = await Promise.all(desks.map((d, i) => ensureTechnician(d.db, PEOPLE[i]!)));
          let notes = 0;
          for (const a of actions) {
            const r = a.r % count;
            const db = desks[r]!.db;
            if (a.t === 'push') await push(db, server.db);
            else if (a.t === 'pull') await pull(db, server.db);
            else if (a.t === 'sync') await push(db, server.db).then(() => pull(db, server.db));
            else {
              const ids = (
                await db
                  .selectFrom('tickets')
                  .select('id')
                  .where((eb) => eb.or([eb('id', '>=', first), eb('id', '<', 0)]))
                  .execute()
              ).map((t) => t.id);
              const id = ids[('k' in a ? a.k : 0) % ids.length]!;
              const seq = (await db.selectFrom('sync_state').select('pulled_seq').executeTakeFirstOrThrow()).pulled_seq;
              const before = new Set((await db.selectFrom('sync_outbox').select('op_id').execute()).map((o) => o.op_id));
              try {
                if (a.t === 'edit') await updateTicket(db, id, { [a.field]: VALUES[a.field][a.v % VALUES[a.field].length] }, actors[r]!);
                if (a.t === 'note') await addInteraction(db, id, { kind: 'note', body: `note ${run}.${++notes}` }, actors[r]!);
                if (a.t === 'tag') await updateTicket(db, id, a.add ? { addTags: [a.tag] } : { removeTags: [a.tag] }, actors[r]!);
                if (a.t === 'create') await createTicket(db, validateTicketInput({ title: `made on ${r}` }), actors[r]!);
              } catch (error) {
                if (!isDesklineError(error)) throw error; // a move the status rules refuse: nothing written
              }
              for (const o of await db.selectFrom('sync_outbox').select('op_id').execute())
                if (!before.has(o.op_id)) pulledAt.set(o.op_id, seq);
            }
          }
          // The final round: everyone pushes, then everyone pulls.
          for (const d of desks) await push(d.db, server.db);
          for (const d of desks) await pull(d.db, server.db);

          const truth = await snapshot(server.db);
          for (const d of desks) expect(await snapshot(d.db)).toEqual(truth);
          for (let n = 1; n <= notes; n++)
            expect(truth.entries.filter((e) => e.endsWith(`|note ${run}.${n}`)).length).toBeLessThanOrEqual(1);
          const made = [...pulledAt.keys()];
          const notesMade = (
            await server.db.selectFrom('sync_ops').select('op_id').where('kind', '=', 'interaction').where('seq', '>', startSeq).execute()
          ).filter((o) => pulledAt.has(o.op_id));
          expect(truth.entries.filter((e) => e.includes(`|note ${run}.`))).toHaveLength(notesMade.length);
          expect(new Set(made).size).toBe(made.length);

          // The model: an edit is concurrent when the newest stamp the server held for its field came from another device's edit it had not pulled.
          const log = await server.db.selectFrom('sync_ops').selectAll().where('seq', '>', startSeq).orderBy('seq').execute();
          const sets = log.filter((o) => o.kind === 'set');
          const expected = sets.filter((o) => {
            const field = JSON.parse(o.payload).field;
            const earlier = sets.filter((p) => p.seq < o.seq && p.ticket_id === o.ticket_id && JSON.parse(p.payload).field === field);
            const newest = earlier.reduce<(typeof earlier)[number] | null>((m, p) => (m === null || p.hlc > m.hlc ? p : m), null);
            return newest !== null && newest.device !== o.device && newest.seq > pulledAt.get(o.op_id)!;
          });
          const recorded = log.filter((o) => o.kind === 'conflict').map((o) => JSON.parse(o.payload).pushed_op);
          expect(recorded.sort()).toEqual(expected.map((o) => o.op_id).sort());
          expect(truth.conflicts.filter((c) => log.some((o) => o.op_id === c.op_id))).toHaveLength(expected.length);
          concurrent += expected.length;
        } finally {
          for (const d of desks) await d.close();
        }
      }),
      { numRuns: 15 },
    );
    expect(concurrent, 'the runs met concurrent edits at all').toBeGreaterThan(0);
  }, 300_000);
});

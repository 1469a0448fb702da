/**
 * Convergence (issue 22), as a property: 2–4 SQLite replicas of one PostgreSQL server desk work
 * offline (field edits, notes, tags, new tickets and requests, links, parents, checklist ticks: see
 * ./convergence-actions.ts) and push and pull in random orders; after a final round every replica
 * holds what the server holds (fields, tags, entries, links, parents, checklists), parents keep one
 * level on every desk, every note exists exactly once everywhere, and the conflicts recorded for
 * fields are exactly the concurrent single-field edits, judged by a model that knows only the server's
 * order and what each device had pulled when it made each edit.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateTicketInput } from '../../../src/domain/ticket-input.js';
import { templateBySlug } from '../../../src/io/template-files.js';
import { openDesk, type Desk } from '../../../src/store/desk.js';
import { shownTarget } from '../../../src/store/desk-target.js';
import { createRequest } from '../../../src/store/requests.js';
import { initReplica } from '../../../src/store/sync/init.js';
import { pull, push } from '../../../src/store/sync/replica.js';
import { ensureTechnician } from '../../../src/store/technicians.js';
import { createTicket } from '../../../src/store/tickets.js';
import { serverDesk, snapshot } from '../../helpers/sync-desks.js';
import { tempDir } from '../../helpers/temp.js';
import { action, PEOPLE, perform } from './convergence-actions.js';

describe('sync convergence', () => {
  it('every replica ends equal to the server, no entry lost or doubled, one conflict per concurrent field edit', async () => {
    const server = await serverDesk();
    for (const p of PEOPLE) await ensureTechnician(server.db, p);
    const boss = await ensureTechnician(server.db, PEOPLE[0]!);
    let run = 0;
    let concurrent = 0;
    const met = { parents: 0, links: 0, ticks: 0, undone: 0 };
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 4 }), fc.array(action, { minLength: 5, maxLength: 40 }), async (count, actions) => {
        run++;
        // Edits go to this run's tickets (the one made here and those made offline), so they meet often.
        const first = (await createTicket(server.db, validateTicketInput({ title: `run ${run} ticket` }), boss)).ticket.id;
        const input = validateTicketInput({ title: `run ${run} request`, requester: 'Ana Silva <ana@example.com>' });
        await createRequest(server.db, await templateBySlug(server.db, 'password-reset'), { account: 'ana' }, input, boss);
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
              const seq = (await db.selectFrom('sync_state').select('pulled_seq').executeTakeFirstOrThrow()).pulled_seq;
              const before = new Set((await db.selectFrom('sync_outbox').select('op_id').execute()).map((o) => o.op_id));
              await perform(db, a, first, actors[r]!, () => `note ${run}.${++notes}`);
              for (const o of await db.selectFrom('sync_outbox').select('op_id').execute())
                if (!before.has(o.op_id)) pulledAt.set(o.op_id, seq);
            }
          }
          // The final round: everyone pushes, then everyone pulls.
          for (const d of desks) await push(d.db, server.db);
          for (const d of desks) await pull(d.db, server.db);

          const truth = await snapshot(server.db);
          for (const d of desks) expect(await snapshot(d.db)).toEqual(truth);
          const parents = new Set(truth.tickets.map((t) => t.parent_id).filter((p) => p !== null));
          expect(
            truth.tickets.filter((t) => t.parent_id !== null && parents.has(t.id)),
            'a parent that is also a child',
          ).toEqual([]);
          for (let n = 1; n <= notes; n++)
            expect(truth.entries.filter((e) => e.endsWith(`|note ${run}.${n}`)).length).toBeLessThanOrEqual(1);
          const made = [...pulledAt.keys()];
          const notesMade = (
            await server.db
              .selectFrom('sync_ops')
              .select(['op_id', 'payload'])
              .where('kind', '=', 'interaction')
              .where('seq', '>', startSeq)
              .execute()
          ).filter((o) => pulledAt.has(o.op_id) && JSON.parse(o.payload).body.startsWith(`note ${run}.`));
          expect(truth.entries.filter((e) => e.includes(`|note ${run}.`))).toHaveLength(notesMade.length);
          expect(new Set(made).size).toBe(made.length);

          // The model: an edit is concurrent when the newest stamp the server held for its field came from another device's edit it had not pulled.
          const log = await server.db.selectFrom('sync_ops').selectAll().where('seq', '>', startSeq).orderBy('seq').execute();
          const sets = log.filter((o) => o.kind === 'set');
          const fieldConflicts = log.filter((o) => o.kind === 'conflict' && JSON.parse(o.payload).field !== 'parent');
          const expected = sets.filter((o) => {
            const field = JSON.parse(o.payload).field;
            const earlier = sets.filter((p) => p.seq < o.seq && p.ticket_id === o.ticket_id && JSON.parse(p.payload).field === field);
            const newest = earlier.reduce<(typeof earlier)[number] | null>((m, p) => (m === null || p.hlc > m.hlc ? p : m), null);
            return newest !== null && newest.device !== o.device && newest.seq > pulledAt.get(o.op_id)!;
          });
          const recorded = fieldConflicts.map((o) => JSON.parse(o.payload).pushed_op);
          expect(recorded.sort()).toEqual(expected.map((o) => o.op_id).sort());
          expect(truth.conflicts.filter((c) => fieldConflicts.some((o) => o.op_id === c.op_id))).toHaveLength(expected.length);
          concurrent += expected.length;
          const ofRun = (id: number) => id >= first;
          met.parents += truth.tickets.filter((t) => ofRun(t.id) && t.parent_id !== null).length;
          met.links += truth.links.filter((l) => ofRun(l.ticket_id)).length;
          met.ticks += truth.checklists.filter((i) => ofRun(i.ticket_id) && i.done_at !== null).length;
          met.undone += log.filter((o) => o.kind === 'conflict').length - fieldConflicts.length;
        } finally {
          for (const d of desks) await d.close();
        }
      }),
      { numRuns: 15 },
    );
    expect(concurrent, 'the runs met concurrent edits at all').toBeGreaterThan(0);
    expect(Math.min(met.parents, met.links, met.ticks), 'the runs ended with parents, links and ticks').toBeGreaterThan(0);
  }, 300_000);
});

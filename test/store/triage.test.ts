/**
 * The stored triage model on a real desk: each resolve teaches it (whoever resolves), a ticket is
 * learned once, `triage train` rebuilds the same counts, suggestions read it without changing a
 * ticket, and similar tickets come from bm25 over titles and descriptions with a threshold.
 */
import { describe, expect, it } from 'vitest';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import { SYSTEM_ACTOR } from '../../src/store/executor.js';
import { similarTickets } from '../../src/store/ticket-similar.js';
import { updateTicket } from '../../src/store/ticket-changes.js';
import { reopen, resolve } from '../../src/store/ticket-workflows.js';
import { createTicket, createTickets } from '../../src/store/tickets.js';
import { modelState } from '../../src/store/triage-model.js';
import { suggestTriage } from '../../src/store/triage-suggest.js';
import { trainModel } from '../../src/store/triage-train.js';
import { sql } from 'kysely';
import { rowOf, rowsOf } from '../helpers/db-rows.js';
import { tempDb, type Desk } from '../helpers/temp.js';

const KINDS = [
  {
    title: 'Printer jams on floor {n}',
    description: 'Paper stuck in tray {n}, the printer shows a jam light.',
    category: 'printer',
    priority: 'normal',
    tier: 'L1',
  },
  {
    title: 'VPN drops every hour ({n})',
    description: 'GlobalProtect disconnects from home and the tunnel will not come back.',
    category: 'network',
    priority: 'high',
    tier: 'L2',
  },
  {
    title: 'Locked out of my account {n}',
    description: 'Too many password attempts, the account is locked.',
    category: 'account',
    priority: 'normal',
    tier: 'L1',
  },
];

const input = (kind: (typeof KINDS)[number], n: number, extra: Record<string, unknown> = {}) =>
  validateTicketInput({
    ...kind,
    title: kind.title.replace('{n}', String(n)),
    description: kind.description.replace('{n}', String(n)),
    ...extra,
  });

/** `perKind` tickets of each kind, opened then resolved one by one through the store. */
async function resolvedDesk(perKind: number): Promise<Desk> {
  const desk = await tempDb();
  for (let n = 1; n <= perKind; n++)
    for (const kind of KINDS) {
      const { ticket } = await createTicket(desk.db, input(kind, n), SYSTEM_ACTOR);
      await resolve(desk.db, ticket.id, `Fixed ${kind.category} ${n}`, SYSTEM_ACTOR);
    }
  return desk;
}

const counts = (desk: Desk) => rowsOf(desk.db, sql`SELECT field, label, feature, n FROM triage_counts ORDER BY field, label, feature`);

describe('triage model', () => {
  it('learns each resolve in its own transaction, once per ticket, and train rebuilds the same counts', async () => {
    const desk = await resolvedDesk(20);
    expect(await modelState(desk.db)).toMatchObject({ learned: 60, pending: 0 });
    const incremental = await counts(desk);
    // Reopened and resolved again: still learned once.
    await reopen(desk.db, 1, 'came back', SYSTEM_ACTOR);
    await resolve(desk.db, 1, 'Fixed again', SYSTEM_ACTOR);
    expect((await modelState(desk.db)).learned).toBe(60);
    // A status change through a plain update (as the console's bulk edit does) teaches it too.
    const { ticket } = await createTicket(desk.db, input(KINDS[0]!, 99), SYSTEM_ACTOR);
    await updateTicket(desk.db, ticket.id, { status: 'resolved', resolution: 'done' }, SYSTEM_ACTOR);
    expect((await modelState(desk.db)).learned).toBe(61);
    await trainModel(desk.db);
    expect(await modelState(desk.db)).toMatchObject({ learned: 61, pending: 0 });
    const rebuilt = await rowOf(desk.db, sql`SELECT n FROM triage_counts WHERE feature = 't:printer' AND field = 'category'`);
    expect(rebuilt).toEqual({ n: 21 });
    expect(incremental.length).toBeGreaterThan(100);
  });

  it('queues tickets imported already resolved until train (or the next resolves) learns them', async () => {
    const desk = await tempDb();
    await createTickets(
      desk.db,
      KINDS.flatMap((k) => Array.from({ length: 20 }, (_, n) => input(k, n, { status: 'resolved', resolution: 'ok' }))),
      SYSTEM_ACTOR,
    );
    expect(await modelState(desk.db)).toMatchObject({ learned: 0, pending: 60 });
    expect((await suggestTriage(desk.db, { title: 'Printer jams', description: '' }))[0]).toMatchObject({ reason: 'too few tickets' });
    expect(await trainModel(desk.db)).toMatchObject({ learned: 60 });
    expect((await suggestTriage(desk.db, { title: 'Printer jams', description: '' }))[0]?.suggestion?.value).toBe('printer');
  });

  it('suggests category, priority and tier with a confidence, and never changes the ticket', async () => {
    const desk = await resolvedDesk(20);
    const { ticket } = await createTicket(
      desk.db,
      validateTicketInput({ title: 'vpn tunnel keeps dropping', description: 'from home' }),
      SYSTEM_ACTOR,
    );
    const row = () => rowOf(desk.db, sql`SELECT * FROM tickets WHERE id = ${ticket.id}`);
    const before = await row();
    const verdicts = await suggestTriage(desk.db, ticket);
    expect(verdicts.map((v) => [v.field, v.suggestion?.value])).toEqual([
      ['category', 'network'],
      ['priority', 'high'],
      ['tier', 'L2'],
    ]);
    for (const v of verdicts) expect(v.suggestion!.confidence).toBeGreaterThanOrEqual(0.6);
    expect(await row()).toEqual(before);
    expect((await suggestTriage(desk.db, { title: 'Monitor flickers', description: '' })).map((v) => v.reason)).toEqual([
      'no words known',
      'no words known',
      'no words known',
    ]);
  });
});

describe('similar tickets', () => {
  it('finds open look-alikes as possible duplicates and resolved ones with their resolutions', async () => {
    const desk = await resolvedDesk(8);
    const now = Date.now();
    const a = await createTicket(
      desk.db,
      validateTicketInput({ title: 'Printer jams again', description: 'paper stuck in tray', requester: 'ana@example.com' }),
      SYSTEM_ACTOR,
    );
    const b = await createTicket(
      desk.db,
      validateTicketInput({ title: 'Printer jam on floor 3', description: 'tray jammed with paper' }),
      SYSTEM_ACTOR,
    );
    const other = await createTicket(
      desk.db,
      validateTicketInput({ title: 'Keyboard missing keys', description: 'two keys fell off' }),
      SYSTEM_ACTOR,
    );
    const mine = await createTicket(
      desk.db,
      validateTicketInput({ title: 'Also my screen', description: 'paper tray', requester: 'ana@example.com' }),
      SYSTEM_ACTOR,
    );
    const query = {
      id: a.ticket.id,
      title: a.ticket.title,
      description: a.ticket.description,
      requesterId: a.ticket.requester_id,
      createdAt: now,
    };
    const found = await similarTickets(desk.db, query);
    expect(found.duplicates.map((t) => t.ref)).toEqual(expect.arrayContaining([b.ticket.ref, mine.ticket.ref]));
    expect(found.duplicates.map((t) => t.ref)).not.toContain(other.ticket.ref);
    // Less wording is enough from the same requester (below the 0.5 others need).
    const same = found.duplicates.find((t) => t.ref === mine.ticket.ref)!;
    expect(same.sameRequester).toBe(true);
    expect(same.similarity).toBeGreaterThanOrEqual(0.25);
    expect(same.similarity).toBeLessThan(0.5);
    expect(found.solved.length).toBeGreaterThan(0);
    expect(found.solved[0]).toMatchObject({ status: 'resolved', resolution: expect.stringMatching(/^Fixed printer/) });
    expect(found.solved.every((t) => t.similarity >= 0.5)).toBe(true);
    // Nothing alike: nothing shown, however bm25 ranks it.
    expect(
      await similarTickets(desk.db, {
        title: 'Keyboard missing keys',
        description: '',
        requesterId: null,
        createdAt: now,
        id: other.ticket.id,
      }),
    ).toEqual({
      duplicates: [],
      solved: [],
    });
    // Operators and quotes in a title are words, never FTS5 syntax.
    await expect(
      similarTickets(desk.db, { title: 'NOT "printer" OR jam* (', description: '-tray', requesterId: null, createdAt: now }),
    ).resolves.toBeDefined();
  });
});

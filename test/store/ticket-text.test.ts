/**
 * Free text through the ticket index (migration 006, store/ticket-text.ts): the same tickets as the
 * LIKE filter it replaced wherever the two should agree, kept in step with every kind of write,
 * built for the tickets of an upgraded desk, and forgiving one typo.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { seedDemo } from '../../src/demo/seed.js';
import { words } from '../../src/domain/kb-text.js';
import { parseQuery } from '../../src/domain/query.js';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import type { Executor } from '../../src/store/executor.js';
import { addInteraction } from '../../src/store/interactions.js';
import { updateTicket } from '../../src/store/ticket-changes.js';
import { countTickets, listTickets, planText } from '../../src/store/ticket-list.js';
import { createTicket } from '../../src/store/tickets.js';
import { copyOldDesk } from '../../fixtures/db/old-desk.js';
import { isPg, rowsOf, valueOf } from '../helpers/db-rows.js';
import { tempDb, tempDir } from '../helpers/temp.js';

const NOW = Date.UTC(2026, 10, 25, 12);
const ACTOR = { id: null, name: 'tester' };
const CTX = { meId: null, now: NOW };

/** Words none of which holds another's first three letters or more anywhere but at its start: there LIKE and the index agree. */
const VOCAB = ['printer', 'toner', 'paper', 'jam', 'vpn', 'outlook', 'laptop', 'screen', 'network', 'driver', 'mail', 'login'];
const PREFIXES = VOCAB.flatMap((w) => Array.from({ length: w.length - 2 }, (_, i) => w.slice(0, i + 3)));
it('the vocabulary has the property the equality test needs', () => {
  for (const p of PREFIXES) for (const w of VOCAB) if (w.includes(p)) expect(w.startsWith(p)).toBe(true);
});

/** The old semantics: the text anywhere in the title, the description or a timeline entry, ASCII case folded. */
async function likeIds(db: Executor, text: string): Promise<number[]> {
  const pattern = `%${text}%`;
  const rows = await sql<{ id: number }>`
    SELECT id FROM tickets WHERE title LIKE ${pattern} OR description LIKE ${pattern}
      OR EXISTS (SELECT 1 FROM interactions i WHERE i.ticket_id = tickets.id AND i.kind <> 'system' AND i.body LIKE ${pattern})
    ORDER BY id`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** Tickets the index itself holds a word for: FTS5's ticket_fts, or PostgreSQL's ticket_search. */
async function indexedIds(db: Executor, word: string): Promise<number[]> {
  const query = isPg
    ? sql`SELECT ticket_id AS id FROM ticket_search WHERE doc @@ to_tsquery('deskline', ${word}) ORDER BY ticket_id`
    : sql`SELECT rowid AS id FROM ticket_fts WHERE ticket_fts MATCH ${`"${word}"`} ORDER BY rowid`;
  return (await rowsOf<{ id: number }>(db, query)).map((r) => r.id);
}

async function listIds(db: Executor, text: string, sort = 'id'): Promise<number[]> {
  const rows = await listTickets(db, { query: parseQuery(`${text} sort:${sort}`), ctx: CTX, limit: 10_000 });
  return rows.map((r) => r.id);
}

const phrase = fc
  .array(fc.constantFrom(...VOCAB, 'The', 'a', 'on', 'IS', 'Printer', 'JAM'), { minLength: 0, maxLength: 6 })
  .map((w) => w.join(' '));
const ticketArb = fc.record({ title: phrase.map((t) => t || 'untitled'), description: phrase, notes: fc.array(phrase, { maxLength: 3 }) });
const queryArb = fc.oneof(
  fc.constantFrom(...PREFIXES),
  fc.constantFrom(...VOCAB).map((w) => w.toUpperCase()),
  fc.tuple(fc.constantFrom(...VOCAB), fc.constantFrom(...VOCAB)).map(([a, b]) => `"${a} ${b}"`),
);

describe('the ticket index', () => {
  it('finds what LIKE found, in the sort order, on random desks (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(ticketArb, { minLength: 1, maxLength: 25 }),
        fc.array(queryArb, { minLength: 1, maxLength: 4 }),
        async (tickets, queries) => {
          const desk = await openDatabase(':memory:');
          try {
            for (const t of tickets) {
              const { ticket } = await createTicket(
                desk.db,
                validateTicketInput({ title: t.title, description: t.description }),
                ACTOR,
                NOW,
              );
              for (const body of t.notes.filter(Boolean)) await addInteraction(desk.db, ticket.id, { kind: 'note', body }, ACTOR, NOW);
            }
            for (const q of queries) {
              const expected = await likeIds(desk.db, q.replace(/"/g, ''));
              expect(await listIds(desk.db, q)).toEqual(expected);
              expect(await listIds(desk.db, `-${q}`)).toEqual((await listIds(desk.db, '')).filter((id) => !expected.includes(id)));
              expect(await countTickets(desk.db, parseQuery(q), CTX)).toBe(expected.length);
            }
          } finally {
            await desk.close();
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('follows every write: create, title, timeline, redaction, merge, delete', async () => {
    const desk = await tempDb();
    const db = desk.db;
    const a = (await createTicket(db, validateTicketInput({ title: 'Kestrel console hangs', description: 'since Monday' }), ACTOR, NOW))
      .ticket;
    const b = (await createTicket(db, validateTicketInput({ title: 'Other ticket' }), ACTOR, NOW)).ticket;
    expect(await listIds(db, 'kestrel')).toEqual([a.id]);

    await updateTicket(db, a.id, { title: 'Console hangs' }, ACTOR);
    expect(await listIds(db, 'kestrel')).toEqual([]);
    expect(await listIds(db, 'monday')).toEqual([a.id]);

    await addInteraction(db, a.id, { kind: 'note', body: 'Password hunter2xyz was typed into the chat' }, ACTOR, NOW);
    expect(await listIds(db, 'hunter2xyz')).toEqual([a.id]);
    // Redaction rewrites the entry in place: the word leaves the index in the same statement.
    await db
      .updateTable('interactions')
      .set({ body: 'Password [redacted] was typed into the chat' })
      .where('ticket_id', '=', a.id)
      .execute();
    expect(await listIds(db, 'hunter2xyz')).toEqual([]);
    expect(await indexedIds(db, 'hunter2xyz')).toEqual([]);
    expect(await listIds(db, 'redacted')).toEqual([a.id]);

    // A merge moves the timeline: its words move with it.
    await db.updateTable('interactions').set({ ticket_id: b.id }).where('ticket_id', '=', a.id).execute();
    expect(await listIds(db, 'redacted')).toEqual([b.id]);

    await db.deleteFrom('interactions').where('ticket_id', '=', b.id).execute();
    await db.deleteFrom('ticket_tags').execute();
    await db.deleteFrom('audit_events').where('ticket_id', '=', a.id).execute();
    await db.deleteFrom('tickets').where('id', '=', a.id).execute();
    expect(await listIds(db, 'redacted')).toEqual([]);
    expect(await listIds(db, 'console')).toEqual([]);
    expect(await indexedIds(db, 'console')).toEqual([]);
    if (!isPg) expect(await valueOf(db, sql`SELECT count(*) AS n FROM ticket_fts_vocab WHERE term = 'console'`)).toBe(0);
  });

  it('a demo seed indexes every ticket with its timeline (the bulk writer, not the triggers)', async () => {
    const desk = await tempDb();
    await seedDemo(desk, { tickets: 400, now: NOW });
    const rows = await sql<{ id: number; title: string; description: string; notes: string | null }>`
      SELECT id, title, description, (SELECT string_agg(body, ' ') FROM interactions i WHERE i.ticket_id = tickets.id AND i.kind <> 'system') AS notes
      FROM tickets ORDER BY id`.execute(desk.db);
    for (const word of ['printer', 'vpn', 'outlook', 'password']) {
      const expected = rows.rows
        .filter((r) => words(`${r.title} ${r.description} ${r.notes ?? ''}`).some((w) => w.startsWith(word)))
        .map((r) => r.id);
      expect(expected.length).toBeGreaterThan(0);
      expect(await listIds(desk.db, word)).toEqual(expected);
    }
    // Keyset pages in urgency order, whichever way the term is read (a common word walks the sort's index).
    for (const text of ['printer', 'vpn', 'zzzz']) {
      const query = parseQuery(text);
      const all = await listTickets(desk.db, { query, ctx: CTX, limit: 10_000 });
      const seen: number[] = [];
      for (let page = await listTickets(desk.db, { query, ctx: CTX, limit: 7 }); page.length;) {
        seen.push(...page.map((r) => r.id));
        page = await listTickets(desk.db, { query, ctx: CTX, limit: 7, after: page.at(-1)! });
      }
      expect(seen).toEqual(all.map((r) => r.id));
    }
  });

  it('is built for the tickets of a desk upgraded from an old version', async () => {
    const desk = await openDatabase(copyOldDesk(tempDir()));
    try {
      const all = await desk.db.selectFrom('tickets').select(['id', 'title']).orderBy('id').execute();
      const word = words(all[0]!.title).find((w) => w.length >= 4)!;
      expect(await listIds(desk.db, word)).toContain(all[0]!.id);
      expect(await listIds(desk.db, 'dhcp')).toHaveLength(1);
    } finally {
      await desk.close();
    }
  });

  it('a word that matches nothing falls back to the closest indexed word, and says which', async () => {
    const desk = await tempDb();
    const printer = (await createTicket(desk.db, validateTicketInput({ title: 'Printer offline on 3rd floor' }), ACTOR, NOW)).ticket;
    await createTicket(desk.db, validateTicketInput({ title: 'Pointer lag' }), ACTOR, NOW);
    const plan = await planText(desk.db, parseQuery('prnter'));
    expect(plan.corrections).toEqual([{ from: 'prnter', to: 'printer' }]);
    expect(await listIds(desk.db, 'prnter')).toEqual([printer.id]);
    expect(await listIds(desk.db, '"offline prnter"')).toEqual([]);
    expect(await listIds(desk.db, 'offlien')).toEqual([printer.id]);
    // Too far from any word, or a word that exists: nothing is changed.
    expect((await planText(desk.db, parseQuery('prxxtr'))).corrections).toEqual([]);
    expect((await planText(desk.db, parseQuery('pointer'))).corrections).toEqual([]);
    expect(await listIds(desk.db, '-prnter')).toHaveLength(2);
  });
});

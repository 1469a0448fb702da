/**
 * A few tickets and their timelines written the same way to a SQLite desk and a PostgreSQL database
 * (plain kysely inserts: each dialect's triggers index them), for tests that compare search results.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.js';

export const T0 = Date.UTC(2026, 10, 25, 12);

interface FixtureTicket {
  title: string;
  description?: string;
  status?: string;
  notes?: string[];
  system?: string[];
  due?: number | null;
}

export const TICKETS: readonly FixtureTicket[] = [
  { title: 'Printer jam on floor 2', description: 'Paper stuck in tray 3', notes: ['toner low as well'], due: T0 + 3_600_000 },
  { title: 'VPN drops every hour', description: 'wi-fi at home', system: ['printer mentioned by the system'], due: null },
  { title: "Can't print from Outlook", description: 'Café printer on 4th floor', status: 'open', due: T0 + 60_000 },
  { title: 'Mouse broken', description: 'ann@example.com needs a new one', status: 'resolved', due: null },
  { title: 'Screen flickers', description: 'HD-123 was about the same screen', notes: ['printer jam unrelated'], due: T0 },
];

/** Writes TICKETS (ids 1…n in order) with their interactions. */
export async function writeFixture(db: Kysely<DB>): Promise<void> {
  for (const [i, t] of TICKETS.entries()) {
    const { id } = await db
      .insertInto('tickets')
      .values({
        title: t.title,
        description: t.description ?? '',
        status: t.status ?? 'new',
        priority: 'normal',
        priority_rank: 2,
        category: 'general',
        channel: 'cli',
        tier: 'L1',
        requester_id: null,
        assignee_id: null,
        external_id: null,
        first_response_at: null,
        resolved_at: null,
        closed_at: null,
        first_response_due_at: null,
        resolution_due_at: null,
        resolution: null,
        version: 1,
        created_at: T0 + i,
        updated_at: T0 + i,
        next_due_at: t.due ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const entries = [
      ...(t.notes ?? []).map((body) => ['note', body] as const),
      ...(t.system ?? []).map((body) => ['system', body] as const),
    ];
    for (const [kind, body] of entries)
      await db
        .insertInto('interactions')
        .values({ ticket_id: id, kind, author_id: null, author_name: 'tester', body, minutes: 0, created_at: T0 + i })
        .execute();
  }
}

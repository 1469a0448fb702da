/**
 * Timeline entries (interaction operations) applied many at once, on the server (push) and on a
 * replica (pull): the authors looked up in one query, the entries inserted in one statement
 * (./json-rows.ts), and their tickets' version and first response written in one UPDATE. One at a
 * time an entry cost four round trips (author, provisional id, insert, update): a push of notes ran
 * at 160 operations/s on a loaded machine. The callers keep the order: they apply the entries
 * gathered before any operation that reads or writes the timeline.
 */
import { sql } from 'kysely';
import { dialectOf } from '../../db/dialect.js';
import type { Executor } from '../executor.js';
import { entryTargets } from './apply-merge.js';
import { insertJsonRows } from './json-rows.js';
import type { InteractionBody } from './ops.js';

export interface Entry {
  ticketId: number;
  body: InteractionBody;
}

/** Technicians' ids by email, looked up once per batch (a cache the callers keep for the batch). */
export class TechnicianIds {
  private readonly known = new Map<string, number | null>();
  constructor(private readonly trx: Executor) {}

  async load(emails: readonly (string | null)[]): Promise<void> {
    const wanted = [...new Set(emails.filter((e): e is string => !!e && !this.known.has(e)))];
    if (wanted.length === 0) return;
    const rows = await this.trx.selectFrom('technicians').select(['id', 'email']).where('email', 'in', wanted).execute();
    for (const e of wanted) this.known.set(e, null);
    for (const r of rows) if (r.email) this.known.set(r.email, r.id);
  }

  get(email: string | null | undefined): number | null {
    return email ? (this.known.get(email) ?? null) : null;
  }
}

export async function applyEntries(trx: Executor, entries: readonly Entry[], people = new TechnicianIds(trx)): Promise<void> {
  if (entries.length === 0) return;
  await people.load(entries.map((e) => e.body.author_email));
  const goesTo = await entryTargets(
    trx,
    entries.map((e) => e.ticketId),
  );
  entries = entries.map((e) => ({ ...e, ticketId: goesTo(e.ticketId, e.body.created_at) }));
  await insertJsonRows(
    trx,
    'interactions',
    entries.map(({ ticketId, body }) => ({
      ticket_id: ticketId,
      kind: body.kind,
      author_id: people.get(body.author_email),
      author_name: body.author_name,
      body: body.body,
      minutes: body.minutes,
      created_at: body.created_at,
    })),
  );
  // Per ticket: how many entries (the version moves once each) and the first response among them.
  const tickets = new Map<number, { id: number; n: number; f: number | null }>();
  for (const { ticketId, body } of entries) {
    const t = tickets.get(ticketId) ?? { id: ticketId, n: 0, f: null };
    t.n++;
    t.f ??= body.first_response_at;
    tickets.set(ticketId, t);
  }
  const json = JSON.stringify([...tickets.values()]);
  const source =
    dialectOf(trx) === 'postgres'
      ? sql`json_to_recordset(${json}::json) AS v(id bigint, n integer, f bigint)`
      : sql`(SELECT value ->> '$.id' AS id, value ->> '$.n' AS n, value ->> '$.f' AS f FROM json_each(${json})) AS v`;
  await sql`UPDATE tickets SET version = tickets.version + v.n, first_response_at = coalesce(tickets.first_response_at, v.f)
    FROM ${source} WHERE tickets.id = v.id`.execute(trx);
}

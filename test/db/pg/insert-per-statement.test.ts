/**
 * Migration 023 on PostgreSQL: the AFTER INSERT triggers on tickets (search, report summaries, triage
 * queue) and the timeline's search trigger run once per statement over the inserted rows. The same
 * mixed writes on a desk at 022 (the row triggers) and on one at 023 must leave the same rows in every
 * table those triggers keep: ticket_search (the documents as text), ticket_words, the summaries, the
 * triage queue, and the tickets' change numbers and status times.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { runPgMigrations } from '../../../src/db/pg/migrate.js';
import { PG_MIGRATIONS } from '../../../src/db/pg/migrations/index.js';
import { idleSafe } from '../../helpers/pg-desk.js';
import { tempPgDatabase } from '../../helpers/pg.js';

const DAY = 86_400_000;
const STATUSES = ['new', 'open', 'resolved', 'closed', 'pending'];
const PRIORITIES = ['urgent', 'high', 'normal', 'low'];
const TITLES = ["Can't print on 3rd floor", 'VPN drops: café Wi-Fi', 'printer.corp.local jams', 'Outlook 2016 crash', 'Écran noir'];

/** A desk at `version` (022: the row triggers; 023: the statement triggers), on a database of its own. */
async function deskAt(version: number): Promise<Kysely<unknown>> {
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: idleSafe(new pg.Pool({ connectionString: await tempPgDatabase(), max: 1 })) }),
  });
  await runPgMigrations(
    db,
    PG_MIGRATIONS.filter((m) => m.version <= version),
    'test',
  );
  return db;
}

const ticketValues = (from: number, n: number) =>
  Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const status = STATUSES[i % STATUSES.length]!;
    const priority = PRIORITIES[i % PRIORITIES.length]!;
    const assignee = i % 3 === 0 ? 'NULL' : String((i % 2) + 1);
    const description = i % 4 === 0 ? '' : `Ticket ${i}: user ann@example.com says /var/log is full (HD-${i})`;
    return `(${i}, '${TITLES[i % TITLES.length]!.replace(/'/g, "''")} ${i}', '${description}', '${status}', '${priority}',
      ${(i % 4) + 1}, 'general', 'email', ${assignee}, ${(i % 5) * DAY + i}, ${(i % 5) * DAY + i + 7}, 0)`;
  }).join(', ');

const INSERT_TICKETS = `INSERT INTO tickets (id, title, description, status, priority, priority_rank, category, channel,
  assignee_id, created_at, updated_at, status_at) VALUES `;

/** The writes: a mixed multi-row statement, a single row, timeline entries many to a statement, a learned ticket. */
async function write(db: Kysely<unknown>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  await run(
    `INSERT INTO technicians (name, email, tier, created_at) VALUES ('Ana', 'ana@desk.test', 'L1', 1), ('Bo', 'bo@desk.test', 'L2', 1)`,
  );
  await run(`INSERT INTO triage_learned (ticket_id) VALUES (7), (12)`);
  await db.transaction().execute(async (trx) => {
    await sql.raw(`${INSERT_TICKETS}${ticketValues(1, 40)}`).execute(trx);
    await sql.raw(`${INSERT_TICKETS}${ticketValues(41, 1)}`).execute(trx);
    await sql
      .raw(
        `INSERT INTO interactions (ticket_id, kind, author_name, body, minutes, created_at)
          SELECT 1 + g % 9, (ARRAY['note', 'reply', 'system', 'email_in'])[1 + g % 4], 'Ana', 'Rebooted the router ' || g || ' (it''s fine)', 0, g
          FROM generate_series(1, 30) AS g`,
      )
      .execute(trx);
  });
  await run(`${INSERT_TICKETS}${ticketValues(42, 12)}`);
  await run(
    `INSERT INTO interactions (ticket_id, kind, author_name, body, minutes, created_at) VALUES (42, 'note', 'Bo', 'Swapped the toner', 5, 9)`,
  );
}

/** Every row the insert triggers keep, as text, table by table. */
async function kept(db: Kysely<unknown>) {
  const read = async (query: string) => (await sql.raw(query).execute(db)).rows;
  return {
    ticket_search: await read(`SELECT ticket_id::int, doc::text FROM ticket_search ORDER BY ticket_id`),
    ticket_words: await read(`SELECT word FROM ticket_words ORDER BY word`),
    ticket_backlog_days: await read(`SELECT status, priority, day::int, n::int FROM ticket_backlog_days WHERE n <> 0 ORDER BY 1, 2, 3`),
    ticket_assignee_counts: await read(`SELECT status, assignee_id::int, n::int FROM ticket_assignee_counts WHERE n <> 0 ORDER BY 1, 2`),
    ticket_summary_changes: await read(`SELECT * FROM ticket_summary_changes`),
    triage_pending: await read(`SELECT ticket_id::int FROM triage_pending ORDER BY 1`),
    tickets: await read(`SELECT id::int, change_seq::int, status_at::text FROM tickets ORDER BY id`),
  };
}

describe('migration 023: insert triggers per statement', () => {
  it('leave the same search rows, words, summaries, triage queue and change numbers as the row triggers of 022', async () => {
    const [before, after] = await Promise.all([deskAt(22), deskAt(23)]);
    try {
      await write(before);
      await write(after);
      const [old, now] = [await kept(before), await kept(after)];
      expect(now).toEqual(old);
      // The writes reached every kind of row (an empty comparison would pass as well).
      expect(now.ticket_search).toHaveLength(53);
      expect(now.triage_pending.length).toBeGreaterThan(5);
      expect(now.triage_pending).not.toContainEqual({ ticket_id: 7 });
      expect(now.ticket_words).toContainEqual({ word: 'rebooted' });
      expect(now.ticket_backlog_days.length).toBeGreaterThan(10);
      const triggers = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_trigger
        WHERE tgrelid = 'tickets'::regclass AND tgname IN ('tickets_search_insert', 'tickets_summary_insert', 'triage_queue_insert')
          AND tgtype & 1 = 0`.execute(after);
      expect(triggers.rows[0]!.n).toBe(3);
    } finally {
      await Promise.all([before.destroy(), after.destroy()]);
    }
  });
});

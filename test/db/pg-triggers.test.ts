import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/schema.js';
import { tempPgDesk } from '../helpers/pg-desk.js';

const T = 1_700_000_000_000;
const DAY = 86_400_000;

async function newTicket(db: Kysely<DB>, title: string, extra: { status?: string; description?: string } = {}): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO tickets (title, description, status, priority, priority_rank, category, channel, created_at, updated_at)
    VALUES (${title}, ${extra.description ?? ''}, ${extra.status ?? 'new'}, 'high', 1, 'general', 'cli', ${T}, ${T})
    RETURNING id`.execute(db);
  return rows[0]!.id;
}

const rowsOf = async <R>(db: Kysely<DB>, query: ReturnType<typeof sql<R>>) => (await query.execute(db)).rows;

describe('the PostgreSQL triggers', () => {
  it('keep the report summaries (007) through insert, update and delete', async () => {
    const { db } = await tempPgDesk();
    const a = await newTicket(db, 'one');
    await newTicket(db, 'two');
    await sql`UPDATE tickets SET status = 'open', assignee_id = NULL WHERE id = ${a}`.execute(db);
    const days = await rowsOf(
      db,
      sql<{ status: string; day: number; n: number }>`
      SELECT status, day, n FROM ticket_backlog_days WHERE n <> 0 ORDER BY status`,
    );
    expect(days).toEqual([
      { status: 'new', day: Math.floor(T / DAY), n: 1 },
      { status: 'open', day: Math.floor(T / DAY), n: 1 },
    ]);
    await sql`DELETE FROM tickets`.execute(db);
    const left = await rowsOf(db, sql<{ n: number }>`SELECT sum(n) AS n FROM ticket_assignee_counts`);
    expect(left[0]!.n).toBe(0);
  });

  it('number changes in order (013), move status_at with the status only, and queue resolved tickets (014) once', async () => {
    const { db } = await tempPgDesk();
    const a = await newTicket(db, 'one');
    const b = await newTicket(db, 'two', { status: 'resolved' });
    await sql`UPDATE tickets SET followup_at = 5, updated_at = ${T + 10} WHERE id = ${a}`.execute(db);
    await sql`UPDATE tickets SET status = 'closed', updated_at = ${T + 20} WHERE id = ${b}`.execute(db);
    const rows = await rowsOf(
      db,
      sql<{ id: number; change_seq: number; status_at: number }>`
      SELECT id, change_seq, status_at FROM tickets ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: a, change_seq: 3, status_at: T },
      { id: b, change_seq: 4, status_at: T + 20 },
    ]);
    const pending = await rowsOf(db, sql<{ ticket_id: number }>`SELECT ticket_id FROM triage_pending`);
    expect(pending).toEqual([{ ticket_id: b }]);
  });

  it("index a ticket's title, description and notes for search, weighted, and follow edits", async () => {
    const { db } = await tempPgDesk();
    const id = await newTicket(db, "Printer can't print", { description: 'Café on floor 2' });
    await sql`INSERT INTO interactions (ticket_id, kind, author_name, body, created_at) VALUES
      (${id}, 'note', 'ann', 'toner replaced', ${T}), (${id}, 'system', 'desk', 'escalated', ${T})`.execute(db);
    const doc = async () =>
      (await rowsOf(db, sql<{ doc: string }>`SELECT doc::text AS doc FROM ticket_search WHERE ticket_id = ${id}`))[0]?.doc;
    expect(await doc()).toBe("'2':7B 'cafe':4B 'cant':2A 'floor':6B 'on':5B 'print':3A 'printer':1A 'replaced':9C 'toner':8C");
    await sql`UPDATE interactions SET body = '' WHERE kind = 'note'`.execute(db);
    expect(await doc()).not.toContain('toner');
    const words = await rowsOf(db, sql<{ word: string }>`SELECT word FROM ticket_words ORDER BY word`);
    expect(words.map((w) => w.word)).toEqual(['cafe', 'cant', 'floor', 'print', 'printer', 'replaced', 'toner']);
    await sql`DELETE FROM tickets WHERE id = ${id}`.execute(db);
    expect(await doc()).toBeUndefined();
  });

  it('notify deskline_changes at commit, not before and not on rollback', async () => {
    const { db, url } = await tempPgDesk();
    const listener = new pg.Client({ connectionString: url });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(`${n.channel} ${n.payload}`));
    await listener.query('LISTEN deskline_changes');
    try {
      await db
        .transaction()
        .execute(async (trx) => {
          await newTicket(trx as unknown as Kysely<DB>, 'lost');
          throw new Error('roll back');
        })
        .catch(() => undefined);
      const id = await newTicket(db, 'kept');
      await listener.query('SELECT 1');
      expect(heard).toEqual([`deskline_changes tickets:${id}`]);
    } finally {
      await listener.end();
    }
  });
});

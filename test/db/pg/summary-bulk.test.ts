/**
 * The report summaries on PostgreSQL (migration 022): a transaction that changes the status,
 * priority or assignee of many tickets folds its changes into ticket_backlog_days and
 * ticket_assignee_counts once per summary row, at COMMIT, rather than rewriting a shared row per
 * ticket (N² in bulk: 12,000 status changes took 4.4 s; `npm run bench` times it, bulk-updates-pg).
 * This checks the counts against a recount from tickets, and the shape: the rows each table rewrote,
 * read from pg_stat_xact_user_tables (as change-seq-bulk.test.ts does).
 */
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '../../../src/db/schema.js';
import { rewrittenBy } from '../../helpers/pg-rewrites.js';
import { tempPgDesk } from '../../helpers/pg-desk.js';

const N = 300;
const DAY = 86_400_000;
const ticket = (i: number) => ({
  title: `t${i}`,
  description: '',
  tier: 'L1',
  status: 'open',
  priority: 'normal',
  priority_rank: 3,
  category: 'general',
  channel: 'email',
  created_at: (i % 3) * DAY + 1,
  updated_at: 1,
});

type Counts = Record<string, number>;

/** The summaries as committed (rows at zero left out) and the same counts recounted from tickets. */
async function summariesAndRecount(db: Kysely<DB>): Promise<[Counts, Counts][]> {
  const read = async (query: string) =>
    Object.fromEntries((await sql<{ k: string; n: number }>`${sql.raw(query)}`.execute(db)).rows.map((r) => [r.k, Number(r.n)]));
  return [
    [
      await read(`SELECT concat_ws('/', status, priority, day) AS k, n FROM ticket_backlog_days WHERE n <> 0`),
      await read(`SELECT concat_ws('/', status, priority, created_at / ${DAY}) AS k, count(*) AS n FROM tickets GROUP BY 1`),
    ],
    [
      await read(`SELECT concat_ws('/', status, assignee_id) AS k, n FROM ticket_assignee_counts WHERE n <> 0`),
      await read(`SELECT concat_ws('/', status, coalesce(assignee_id, 0)) AS k, count(*) AS n FROM tickets GROUP BY 1`),
    ],
  ];
}

async function technicians(db: Kysely<DB>): Promise<number[]> {
  const rows = await db
    .insertInto('technicians')
    .values(['ana', 'bo', 'cy'].map((name) => ({ name, email: `${name}@desk.test`, tier: 'L1', created_at: 1 })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

describe('report summaries on PostgreSQL', () => {
  it('match a recount from tickets after a mixed bulk transaction, a rolled-back savepoint and single updates', async () => {
    const { db } = await tempPgDesk();
    const techs = await technicians(db);
    await db
      .insertInto('tickets')
      .values(Array.from({ length: N }, (_, i) => ticket(i)))
      .execute();
    await db.transaction().execute(async (trx) => {
      const statuses = ['pending', 'resolved', 'closed', 'open'];
      const priorities = ['low', 'high', 'urgent', 'normal'];
      for (let id = 1; id <= N; id++) {
        const set = [{ status: statuses[id % 4]! }, { priority: priorities[id % 4]! }, { assignee_id: techs[id % 3]! }][id % 3]!;
        await trx.updateTable('tickets').set(set).where('id', '=', id).execute();
      }
      await trx.updateTable('tickets').set({ status: 'pending', assignee_id: null }).where('id', '<=', 20).execute();
      await trx
        .insertInto('tickets')
        .values([ticket(N), ticket(N + 1)])
        .execute();
      await trx
        .deleteFrom('tickets')
        .where('id', '=', N + 2)
        .execute();
      await sql`SAVEPOINT undone`.execute(trx);
      await trx.updateTable('tickets').set({ status: 'closed' }).where('id', '>', 100).execute();
      await sql`ROLLBACK TO SAVEPOINT undone`.execute(trx);
      await sql`SET CONSTRAINTS ALL IMMEDIATE`.execute(trx);
      await trx.updateTable('tickets').set({ priority: 'low' }).where('id', 'in', [30, 31]).execute();
    });
    await db.updateTable('tickets').set({ status: 'resolved', assignee_id: techs[0]! }).where('id', '=', 40).execute();
    await db
      .deleteFrom('tickets')
      .where('id', '=', N + 1)
      .execute();
    for (const [summary, recount] of await summariesAndRecount(db)) expect(summary).toEqual(recount);
    const left = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ticket_summary_changes`.execute(db);
    expect(left.rows[0]!.n).toBe(0);
  });

  it('one transaction of N status changes rewrites N ticket rows and each summary row once', async () => {
    const { db } = await tempPgDesk();
    await db
      .insertInto('tickets')
      .values(Array.from({ length: N }, () => ({ ...ticket(0) })))
      .execute();
    const rewritten = await db.transaction().execute((trx) =>
      rewrittenBy(trx, async () => {
        for (let id = 1; id <= N; id++) await trx.updateTable('tickets').set({ status: 'pending' }).where('id', '=', id).execute();
        await sql`SET CONSTRAINTS ALL IMMEDIATE`.execute(trx); // the fold COMMIT would run, here where the view sees it
      }),
    );
    // One existing row ('open') rewritten per summary; the 'pending' rows are new (inserted, not rewritten).
    expect(rewritten).toEqual({ tickets: N, ticket_backlog_days: 1, ticket_assignee_counts: 1 });
  });

  it("folds a transaction's changes through the index on its id, not a scan of earlier transactions' dead rows", async () => {
    const { db } = await tempPgDesk();
    await db.insertInto('tickets').values(ticket(0)).execute();
    for (const status of ['pending', 'open', 'pending']) await db.updateTable('tickets').set({ status }).where('id', '=', 1).execute();
    const scans = await db.transaction().execute(async (trx) => {
      // The view also counts this connection's earlier transactions until they are reported: a difference.
      const read = async () =>
        (
          await sql<{ seq: number; idx: number }>`
            SELECT seq_scan::int AS seq, idx_scan::int AS idx FROM pg_stat_xact_user_tables
            WHERE relname = 'ticket_summary_changes'`.execute(trx)
        ).rows[0]!;
      const before = await read();
      await trx.updateTable('tickets').set({ status: 'resolved' }).where('id', '=', 1).execute();
      await sql`SET CONSTRAINTS ALL IMMEDIATE`.execute(trx);
      const after = await read();
      return { seq: after.seq - before.seq, idx: after.idx - before.idx };
    });
    expect(scans).toEqual({ seq: 0, idx: 1 });
  });
});

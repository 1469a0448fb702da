/**
 * The change feed's numbers on PostgreSQL (migration 020): a transaction that writes many tickets
 * takes one number per ticket without rewriting any shared row per ticket. A counter row updated
 * once per ticket leaves one dead version per update that the same transaction must walk past at the
 * next (N² in bulk: 12,000 updates took 7.3 s); `npm run bench` times it (scale-pg), this checks the
 * shape: the rows each table rewrote in the transaction, read from pg_stat_xact_user_tables.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { rewrittenBy } from '../../helpers/pg-rewrites.js';
import { tempPgDesk } from '../../helpers/pg-desk.js';

const N = 300;
const ticket = (i: number) => ({
  title: `t${i}`,
  description: '',
  tier: 'L1',
  status: 'open',
  priority: 'normal',
  priority_rank: 3,
  category: 'general',
  channel: 'email',
  created_at: 1,
  updated_at: 1,
});

describe('change_seq on PostgreSQL', () => {
  it('one transaction of N ticket updates rewrites N ticket rows and no shared row N times', async () => {
    const { db } = await tempPgDesk();
    await db
      .insertInto('tickets')
      .values(Array.from({ length: N }, (_, i) => ticket(i)))
      .execute();
    const rewritten = await db.transaction().execute((trx) =>
      rewrittenBy(trx, async () => {
        for (let id = 1; id <= N; id++) await trx.updateTable('tickets').set({ updated_at: 2 }).where('id', '=', id).execute();
      }),
    );
    expect(rewritten).toEqual({ tickets: N });
  });

  it('numbers every write once, in write order, and a later transaction above every earlier one', async () => {
    const { db } = await tempPgDesk();
    await db
      .insertInto('tickets')
      .values([ticket(1), ticket(2), ticket(3)])
      .execute();
    const seqs = async () => (await db.selectFrom('tickets').select('change_seq').orderBy('id').execute()).map((r) => r.change_seq);
    const inserted = await seqs();
    expect(inserted).toEqual([...inserted].sort((a, b) => a - b));
    expect(new Set(inserted).size).toBe(3);
    await db.transaction().execute(async (trx) => {
      for (const id of [3, 1, 2]) await trx.updateTable('tickets').set({ updated_at: 5 }).where('id', '=', id).execute();
    });
    const [one, two, three] = await seqs();
    expect(three! > Math.max(...inserted)).toBe(true);
    expect([three! < one!, one! < two!]).toEqual([true, true]);
    await db.updateTable('tickets').set({ updated_at: 6 }).where('id', '=', 3).execute();
    expect((await seqs())[2]! > two!).toBe(true);
  });

  it('a second writer waits for the first to commit before taking a number, so numbers follow commit order', async () => {
    const { db, url } = await tempPgDesk();
    await db
      .insertInto('tickets')
      .values([ticket(1), ticket(2)])
      .execute();
    const [first, second, watcher] = [new pg.Client(url), new pg.Client(url), new pg.Client(url)];
    await Promise.all([first.connect(), second.connect(), watcher.connect()]);
    try {
      await first.query('BEGIN');
      const a = (await first.query('UPDATE tickets SET updated_at = 3 WHERE id = 1 RETURNING change_seq')).rows[0].change_seq;
      await second.query('BEGIN');
      const pid = (await second.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
      const waiting = second.query('UPDATE tickets SET updated_at = 3 WHERE id = 2 RETURNING change_seq');
      const blocked = async () =>
        (await watcher.query(`SELECT wait_event FROM pg_stat_activity WHERE pid = $1`, [pid])).rows[0]?.wait_event === 'advisory';
      while (!(await blocked()));
      await first.query('COMMIT');
      const b = (await waiting).rows[0].change_seq;
      await second.query('COMMIT');
      expect(Number(b)).toBeGreaterThan(Number(a));
    } finally {
      await Promise.all([first.end(), second.end(), watcher.end()]);
    }
  });
});

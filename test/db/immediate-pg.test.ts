/**
 * withImmediate on PostgreSQL (db/immediate.ts): a deadlock with a writer outside the advisory lock
 * rolls the work back and runs it again; the caller gets the result, never the server's 40P01.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { withImmediate } from '../../src/db/immediate.js';
import { tempPgKysely } from '../helpers/pg-desk.js';

describe('withImmediate on PostgreSQL', () => {
  it('runs the work again after the server picks it as a deadlock victim', async () => {
    const { db, url } = await tempPgKysely();
    // A table of its own: the desk's tables have triggers whose own locks would change the story.
    await sql`CREATE TABLE pair (id int PRIMARY KEY, v text NOT NULL)`.execute(db);
    await sql`INSERT INTO pair VALUES (1, 'one'), (2, 'two')`.execute(db);
    const other = new pg.Client({ connectionString: url, application_name: 'deadlock-other' });
    const watch = new pg.Client({ connectionString: url });
    await Promise.all([other.connect(), watch.connect()]);
    try {
      await other.query('BEGIN');
      await other.query(`UPDATE pair SET v = 'other 2' WHERE id = 2`);
      let othersTurn: Promise<unknown> | null = null;
      let tries = 0;
      const done = await withImmediate(db, async (trx) => {
        tries++;
        await sql`SET LOCAL deadlock_timeout = '50ms'`.execute(trx);
        await sql`UPDATE pair SET v = 'mine 1' WHERE id = 1`.execute(trx);
        if (tries === 1) {
          othersTurn = other.query(`UPDATE pair SET v = 'other 1' WHERE id = 1`).then(() => other.query('COMMIT'));
          const waiting = `SELECT 1 FROM pg_stat_activity WHERE application_name = 'deadlock-other' AND wait_event_type = 'Lock'`;
          while ((await watch.query(waiting)).rowCount === 0);
        }
        await sql`UPDATE pair SET v = 'mine 2' WHERE id = 2`.execute(trx);
        return tries;
      });
      await othersTurn;
      expect(done).toBe(2);
      const { rows } = await sql<{ v: string }>`SELECT v FROM pair ORDER BY id`.execute(db);
      expect(rows.map((r) => r.v)).toEqual(['mine 1', 'mine 2']);
    } finally {
      await Promise.all([other.end(), watch.end()]);
    }
  });
});

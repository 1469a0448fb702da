/** Store writes whose SQL needed a portable spelling, run on PostgreSQL and compared with SQLite. */
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/schema.js';
import { linkNewTags, tagsOf } from '../../src/store/tags.js';
import { learnPending } from '../../src/store/triage-learn.js';
import { tempPgDesk } from '../helpers/pg-desk.js';
import { writeFixture } from '../helpers/search-fixture.js';
import { tempDb } from '../helpers/temp.js';

async function both(): Promise<Kysely<DB>[]> {
  const sqlite = (await tempDb()).db;
  const { db: pg } = await tempPgDesk();
  for (const db of [sqlite, pg]) await writeFixture(db);
  return [sqlite, pg];
}

describe('portable store SQL on PostgreSQL', () => {
  it('links new tags from a VALUES list (linkNewTags)', async () => {
    for (const db of await both()) {
      await linkNewTags(db, [
        { ticketId: 1, tags: ['printer', 'floor-2'] },
        { ticketId: 3, tags: ['printer'] },
      ]);
      expect(Object.fromEntries(await tagsOf(db, [1, 3]))).toEqual({ 1: ['floor-2', 'printer'], 3: ['printer'] });
    }
  });

  it('learns resolved tickets into the triage model with upserts (learnPending)', async () => {
    const counts: unknown[] = [];
    for (const db of await both()) {
      await sql`UPDATE tickets SET status = 'resolved' WHERE id = 5`.execute(db);
      expect(await db.transaction().execute((trx) => learnPending(trx))).toBe(2);
      const rows = await sql`SELECT feature, field, label, n FROM triage_counts ORDER BY feature, field, label`.execute(db);
      const labels = await sql`SELECT field, label, docs, features FROM triage_labels ORDER BY field, label`.execute(db);
      counts.push({ rows: rows.rows, labels: labels.rows });
    }
    expect(counts[1]).toEqual(counts[0]);
    expect((counts[0] as { labels: { docs: number }[] }).labels[0]!.docs).toBe(2);
  });
});

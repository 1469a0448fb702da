/**
 * Free text of the ticket query on PostgreSQL (store/ticket-text-pg.ts) against a real server: the
 * same tickets as on SQLite for the same queries, typos corrected, hostile text harmless, pages by
 * keyset in urgency order.
 */
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/schema.js';
import { parseQuery } from '../../src/domain/query.js';
import { countTickets, listTickets, planText } from '../../src/store/ticket-list.js';
import { tempPgDesk } from '../helpers/pg-desk.js';
import { T0, writeFixture } from '../helpers/search-fixture.js';
import { tempDb } from '../helpers/temp.js';

const CTX = { meId: null, now: T0 };
const QUERIES = [
  'printer',
  'print',
  'PRINTER',
  '"printer jam"',
  'toner',
  'cant',
  "can't",
  'cafe',
  'wi-fi',
  'example',
  'hd-123',
  '-printer',
  'printer -jam',
  'printer status:open',
  'printer jam',
  'floor 2',
  'zzz',
  'ab',
];

async function ids(db: Kysely<DB>, text: string, sort = 'id'): Promise<number[]> {
  const rows = await listTickets(db, { query: parseQuery(`${text} sort:${sort}`), ctx: CTX, limit: 100 });
  return rows.map((r) => r.id);
}

describe('ticket free text on PostgreSQL', () => {
  it('finds the tickets SQLite finds, and counts them alike', async () => {
    const sqlite = (await tempDb()).db;
    const { db: pg } = await tempPgDesk();
    await writeFixture(sqlite);
    await writeFixture(pg);
    for (const q of QUERIES) {
      const expected = await ids(sqlite, q);
      expect({ q, ids: await ids(pg, q) }).toEqual({ q, ids: expected });
      expect({ q, n: await countTickets(pg, parseQuery(q), CTX) }).toEqual({ q, n: expected.length });
    }
    expect(await ids(pg, 'printer')).toEqual([1, 3, 5]);
    expect(await ids(pg, '"printer jam"')).toEqual([1, 5]);
  });

  it('corrects a word that matches nothing to the closest indexed one, as SQLite does', async () => {
    const sqlite = (await tempDb()).db;
    const { db: pg } = await tempPgDesk();
    await writeFixture(sqlite);
    await writeFixture(pg);
    for (const typo of ['prnter', 'mosue', 'scren', 'outlok']) {
      const expected = await planText(sqlite, parseQuery(typo));
      const got = await planText(pg, parseQuery(typo));
      expect(got.corrections).toEqual(expected.corrections);
      expect(got.corrections).toHaveLength(1);
      expect(await ids(pg, typo)).toEqual(await ids(sqlite, typo));
    }
  });

  it('takes hostile text as words, never as tsquery syntax (as SQLite takes it)', async () => {
    const sqlite = (await tempDb()).db;
    const { db } = await tempPgDesk();
    await writeFixture(sqlite);
    await writeFixture(db);
    for (const q of ['printer & !jam', "'printer':*", 'jam | vpn', '\\', "c'':* (", 'ñ:*A']) {
      expect({ q, ids: await ids(db, q) }).toEqual({ q, ids: await ids(sqlite, q) });
    }
    expect(await ids(db, 'jam | vpn')).toEqual([]);
    expect(await ids(db, "'printer':*")).toEqual([]); // more than a bare word: must appear as written
  });

  it('pages in urgency order by keyset', async () => {
    const sqlite = (await tempDb()).db;
    const { db: pg } = await tempPgDesk();
    await writeFixture(sqlite);
    await writeFixture(pg);
    const pages = async (db: Kysely<DB>) => {
      const seen: number[] = [];
      let after;
      for (;;) {
        const rows = await listTickets(db, { query: parseQuery('sort:urgency'), ctx: CTX, limit: 2, after });
        if (rows.length === 0) return seen;
        seen.push(...rows.map((r) => r.id));
        after = rows[rows.length - 1];
      }
    };
    expect(await pages(pg)).toEqual(await pages(sqlite));
    expect(await pages(pg)).toEqual([5, 3, 1, 2, 4]);
  });
});

/** The backlog report's counts on PostgreSQL (summary table kept by the baseline's triggers, plus exact spans) equal SQLite's. */
import { describe, expect, it } from 'vitest';
import { backlogCounts } from '../../src/store/reports-backlog-counts.js';
import { tempPgDesk } from '../helpers/pg-desk.js';
import { T0, writeFixture } from '../helpers/search-fixture.js';
import { tempDb } from '../helpers/temp.js';

const DAY = 86_400_000;
const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('backlogCounts on PostgreSQL', () => {
  it('counts what SQLite counts, by day summaries and by rows', async () => {
    const sqlite = (await tempDb()).db;
    const { db: pg } = await tempPgDesk();
    await writeFixture(sqlite);
    await writeFixture(pg);
    for (const opts of [
      { by: null, since: null, until: T0 + 3 * DAY, now: T0 + 3 * DAY },
      { by: 'priority' as const, since: T0 - 10 * DAY, until: T0 + 20 * DAY, now: T0 + 20 * DAY },
      { by: 'priority' as const, since: T0 - DAY / 2, until: T0 + DAY, now: T0 + DAY },
    ]) {
      const expected = await backlogCounts(sqlite, opts);
      expect(expected.reduce((n, r) => n + r.n, 0)).toBe(4);
      expect(sorted(await backlogCounts(pg, opts))).toEqual(sorted(expected));
    }
  });
});

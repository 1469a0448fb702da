import { describe, expect, it } from 'vitest';
import { dialectOf } from '../../src/db/dialect.js';
import { seedDemo } from '../../src/demo/seed.js';
import { parseQuery } from '../../src/domain/query.js';
import { applyFilters } from '../../src/store/ticket-filter.js';
import { applySort } from '../../src/store/ticket-sort.js';
import { countTickets, listTickets, type TicketListRow } from '../../src/store/ticket-list.js';
import { isPg } from '../helpers/db-rows.js';
import { tempDb } from '../helpers/temp.js';

const NOW = Date.UTC(2026, 10, 23, 12);

describe('listTickets', () => {
  it('pages every matching ticket once, in order, by keyset on the sort index', async () => {
    const desk = await tempDb();
    await seedDemo(desk, { tickets: 1500, now: NOW });
    for (const text of [
      'status:active',
      'status:resolved,closed sort:-updated',
      'status:active due:<2h sort:-urgency',
      'prio:high sort:created',
    ]) {
      const query = parseQuery(text);
      const ctx = { meId: null, now: NOW };
      const seen: TicketListRow[] = [];
      let page = await listTickets(desk.db, { query, ctx, limit: 97 });
      while (page.length) {
        seen.push(...page);
        page = await listTickets(desk.db, { query, ctx, limit: 97, after: page[page.length - 1] });
      }
      const dialect = dialectOf(desk.db);
      const filtered = applyFilters(desk.db.selectFrom('tickets').select('tickets.id'), query, { ...ctx, dialect });
      const all = await applySort(filtered, query.sort, false, dialect).execute();
      expect(seen.map((r) => r.id)).toEqual(all.map((r) => r.id));
      expect(await countTickets(desk.db, query, ctx)).toBe(all.length);
    }
  });
});

describe.skipIf(isPg)('listTickets on SQLite only: its planner (EXPLAIN QUERY PLAN)', () => {
  it('walks the urgency index for a broad status filter instead of sorting every open ticket', async () => {
    const desk = await tempDb();
    await seedDemo(desk, { tickets: 300, now: NOW });
    const query = parseQuery('status:active');
    const compiled = applySort(
      applyFilters(desk.db.selectFrom('tickets').select('tickets.id'), query, { meId: null, now: NOW, sortDriven: true }),
      query.sort,
    )
      .limit(50)
      .compile();
    const rows = desk.sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...(compiled.parameters as unknown[])) as {
      detail: string;
    }[];
    const details = rows.map((r) => r.detail).join(' | ');
    expect(details).toContain('tickets_urgency');
    expect(details).not.toContain('TEMP B-TREE');
  });
});

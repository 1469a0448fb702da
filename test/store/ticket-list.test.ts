import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.js';
import { dialectOf } from '../../src/db/dialect.js';
import { parseQuery, type ParsedQuery } from '../../src/domain/query.js';
import { applyFilters, type FilterContext } from '../../src/store/ticket-filter.js';
import { applySort } from '../../src/store/ticket-sort.js';
import { compileList, countTickets, listQuery, listTickets, type TicketListRow } from '../../src/store/ticket-list.js';
import { isPg } from '../helpers/db-rows.js';
import { tempDb, type Desk } from '../helpers/temp.js';

const NOW = Date.UTC(2026, 10, 23, 12);

/** Every matching id in the query's order, as one plain query on the desk's own dialect (what the pages must add up to). */
const everyMatch = (desk: Desk, query: ParsedQuery, ctx: FilterContext) => {
  const dialect = dialectOf(desk.db);
  const filtered = applyFilters(desk.db.selectFrom('tickets').select('tickets.id'), query, { ...ctx, dialect });
  return applySort(filtered, query.sort, false, dialect).execute();
};

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
      const all = await everyMatch(desk, query, ctx);
      expect(seen.map((r) => r.id)).toEqual(all.map((r) => r.id));
      expect(await countTickets(desk.db, query, ctx)).toBe(all.length);
    }
  });
});

const MY_QUEUE = 'assignee:me,mygroups status:new,open,pending,on_hold';

describe('compileList', () => {
  it('writes the SQL and parameters listQuery writes, for any filter, sort and cursor (the column list compiled once)', async () => {
    const desk = await tempDb();
    await seedDemo(desk, { tickets: 200, now: NOW });
    const ctx = { meId: 1, now: NOW };
    for (const text of [
      MY_QUEUE,
      'status:active due:<2h sort:urgency',
      'status:resolved,closed sort:-updated',
      'prio:high tag:vpn sort:created',
      'requester:ann -followup:none sort:followup',
      '',
    ]) {
      const query = parseQuery(text);
      const [row] = await listTickets(desk.db, { query: parseQuery('status:active'), ctx, limit: 1 });
      for (const cursor of [{}, { after: row }, { before: row }]) {
        const opts = { query, ctx, limit: 41, ...cursor };
        const whole = listQuery(desk.db, query, opts).compile();
        const fast = compileList(desk.db, query, opts);
        expect(fast.sql, text).toBe(whole.sql);
        expect(fast.parameters, text).toEqual(whole.parameters);
      }
    }
  });
});

/** A technician of a group, after a fifth of the tickets went to that group unassigned: both halves of My queue hold tickets. */
async function groupMember(desk: Desk): Promise<number> {
  const member = await desk.db
    .selectFrom('group_members')
    .select(['technician_id', 'group_id'])
    .orderBy('technician_id')
    .executeTakeFirstOrThrow();
  await desk.db
    .updateTable('tickets')
    .set({ assignee_id: null, group_id: member.group_id })
    .where(sql<boolean>`id % 5 = 0`)
    .execute();
  return member.technician_id;
}

describe('listTickets by legs (an OR of assignee kinds: My queue)', () => {
  it('pages forward and back through exactly the tickets the one OR query finds, in its order', async () => {
    const desk = await tempDb();
    await seedDemo(desk, { tickets: 1500, now: NOW });
    const ctx = { meId: await groupMember(desk), now: NOW };
    const someone = await desk.db.selectFrom('technicians').select('name').where('id', '!=', ctx.meId).executeTakeFirstOrThrow();
    for (const text of [MY_QUEUE, 'assignee:me,none sort:-created', `assignee:mygroups,me,${someone.name.split(' ')[0]} status:active`]) {
      const query = parseQuery(text);
      const all = await everyMatch(desk, query, ctx);
      expect(all.length).toBeGreaterThan(60);
      const forward: TicketListRow[] = [];
      let page = await listTickets(desk.db, { query, ctx, limit: 29 });
      while (page.length) {
        forward.push(...page);
        page = await listTickets(desk.db, { query, ctx, limit: 29, after: page[page.length - 1] });
      }
      expect(forward.map((r) => r.id)).toEqual(all.map((r) => r.id));
      const back: TicketListRow[] = [];
      page = forward.slice(-29);
      while (page.length) {
        back.unshift(...page);
        page = await listTickets(desk.db, { query, ctx, limit: 29, before: page[0] });
      }
      expect(back.map((r) => r.id)).toEqual(all.map((r) => r.id));
    }
  });
});

describe.skipIf(isPg)('listTickets on SQLite only: its planner (EXPLAIN QUERY PLAN)', () => {
  it("pages My queue by legs, each on its assignee index: no read of every ticket of either kind (SQLite's OR plan)", async () => {
    const desk = await tempDb();
    await seedDemo(desk, { tickets: 300, now: NOW });
    const query = parseQuery(MY_QUEUE);
    const ctx = { meId: await groupMember(desk), now: NOW };
    const last = (await listTickets(desk.db, { query, ctx, limit: 5 }))[4]!;
    for (const cursor of [{}, { after: last }, { before: last }]) {
      const compiled = listQuery(desk.db, query, { query, ctx, limit: 50, ...cursor }).compile();
      const plan = (
        desk.sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...(compiled.parameters as unknown[])) as { detail: string }[]
      )
        .map((r) => r.detail)
        .join(' | ');
      expect(plan).toContain('SEARCH tickets USING INTEGER PRIMARY KEY (rowid=?)');
      // One leg per kind, each a SEARCH on an index that leads with its own column (which one is the planner's choice).
      expect(
        plan.match(/CO-ROUTINE leg \| SEARCH tickets USING INDEX tickets_(assignee|group)_urgency \((assignee|group)_id=\?/g),
      ).toHaveLength(2);
      expect(plan).not.toContain('MULTI-INDEX OR');
      expect(plan).not.toMatch(/SCAN tickets\b/);
    }
  });

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

/**
 * Listing tickets for the queue and `ticket list`: one parameterised query, keyset pages, counts. Free text is
 * looked up first (./ticket-text.ts: typos corrected, the rarest term read first); `planText` tells a face what
 * was corrected.
 */
import { dialectOf } from '../db/dialect.js';
import type { Filter, ParsedQuery } from '../domain/query.js';
import { formatRef } from '../domain/ticket.js';
import type { Executor } from './executor.js';
import { applyFilters, type FilterContext } from './ticket-filter.js';
import { queryLegs } from './ticket-legs.js';
import { applyKeyset, applySort, type AnySelect } from './ticket-sort.js';
import { countByIndexAlone, planText } from './ticket-text.js';

export { planText, type Correction, type TextPlan } from './ticket-text.js';

export interface TicketListRow {
  id: number;
  ref: string;
  title: string;
  status: string;
  priority: string;
  priority_rank: number;
  category: string;
  channel: string;
  tier: string;
  created_at: number;
  updated_at: number;
  next_due_at: number | null;
  /** The clocks' due times: which one next_due_at is tells the due column its target (25 % rule). */
  first_response_due_at: number | null;
  resolution_due_at: number | null;
  requester_name: string | null;
  assignee_name: string | null;
  /** For compare-and-set from a list (the console's marked tickets). */
  version: number;
  /** So `ticket list --json` can be imported again (`ticket create --from-json`) with its key and resolution. */
  external_id?: string | null;
  resolution?: string | null;
  /** A follow-up time (013), and a major incident's open and closed children. */
  followup_at?: number | null;
  parent_id?: number | null;
  child_count?: number;
}

export interface ListOptions {
  query: ParsedQuery;
  ctx: FilterContext;
  limit: number;
  /** Keyset cursor: rows strictly after this one in the query's sort order. */
  after?: TicketListRow;
  /** Keyset cursor: the `limit` rows just before this one, returned in display order. */
  before?: TicketListRow;
}

/** The list's joins and columns, built once per executor (kysely's builders are immutable) and filtered per call. */
function listSelect(db: Executor) {
  return db
    .selectFrom('tickets')
    .leftJoin('requesters', 'requesters.id', 'tickets.requester_id')
    .leftJoin('technicians', 'technicians.id', 'tickets.assignee_id')
    .select([
      'tickets.id',
      'tickets.title',
      'tickets.status',
      'tickets.priority',
      'tickets.priority_rank',
      'tickets.category',
      'tickets.channel',
      'tickets.tier',
      'tickets.created_at',
      'tickets.updated_at',
      'tickets.next_due_at',
      'tickets.first_response_due_at',
      'tickets.resolution_due_at',
      'requesters.name as requester_name',
      'technicians.name as assignee_name',
      'tickets.version',
      'tickets.external_id',
      'tickets.resolution',
      'tickets.followup_at',
      'tickets.parent_id',
      (eb) =>
        eb
          .selectFrom('tickets as child')
          .select((c) => c.fn.countAll<number>().as('n'))
          .whereRef('child.parent_id', '=', 'tickets.id')
          .as('child_count'),
    ]);
}
const selects = new WeakMap<Executor, ReturnType<typeof listSelect>>();

/**
 * The page's query for a planned query (free text already looked up): filters, keyset, sort, limit; on
 * SQLite a query with an OR of indexed assignee kinds is paged by legs (./ticket-legs.ts).
 */
export function listQuery(db: Executor, query: ParsedQuery, opts: ListOptions, drive: Filter | null = null) {
  const dialect = dialectOf(db);
  const { sort } = query;
  const cursor = opts.before ?? opts.after;
  const page = <QB extends AnySelect>(qb: QB, q: ParsedQuery): QB => {
    let out = applyFilters(qb, q, { ...opts.ctx, sortDriven: true, drive, dialect });
    if (cursor) out = applyKeyset(out, sort, cursor, opts.before ? 'before' : 'after', dialect);
    return applySort(out, sort, Boolean(opts.before), dialect).limit(opts.limit) as QB;
  };
  let select = selects.get(db);
  if (!select) selects.set(db, (select = listSelect(db)));
  // PostgreSQL walks the urgency index with the OR as a filter and stops after a page: legs cost it more
  // to plan than they save (raw pg at 1M: 7.5 ms as one OR, 8.5 ms by legs).
  const legs = dialect === 'sqlite' ? queryLegs(query) : null;
  if (!legs) return page(select, query);
  const ids = legs
    .map((leg) => db.selectFrom(page(db.selectFrom('tickets').select('tickets.id'), leg).as('leg')).select('leg.id'))
    .reduce((all, leg) => all.union(leg));
  return applySort(select.where('tickets.id', 'in', ids), sort, Boolean(opts.before), dialect).limit(opts.limit);
}

export async function listTickets(db: Executor, opts: ListOptions): Promise<TicketListRow[]> {
  const plan = await planText(db, opts.query);
  const rows = await listQuery(db, plan.query, opts, plan.drive).execute();
  // Completed in place: copying each row's twenty fields cost more than the rest of the shaping.
  const out = rows.map((r) => Object.assign(r, { child_count: Number(r.child_count ?? 0), ref: formatRef(r.id) }));
  return opts.before ? out.reverse() : out;
}

export async function countTickets(db: Executor, query: ParsedQuery, ctx: FilterContext): Promise<number> {
  const plan = await planText(db, query);
  const byIndex = await countByIndexAlone(db, plan.query);
  if (byIndex !== null) return byIndex;
  const qb = applyFilters(
    db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')),
    plan.query,
    { ...ctx, dialect: dialectOf(db) },
  );
  return Number((await qb.executeTakeFirst())?.n ?? 0);
}

/** Every matching id (for bulk updates), in the query's order. */
export async function matchingIds(db: Executor, query: ParsedQuery, ctx: FilterContext): Promise<number[]> {
  const plan = await planText(db, query);
  const dialect = dialectOf(db);
  const filtered = applyFilters(db.selectFrom('tickets').select('tickets.id'), plan.query, { ...ctx, dialect });
  const rows = await applySort(filtered, query.sort, false, dialect).execute();
  return rows.map((r) => r.id);
}

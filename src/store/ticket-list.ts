/**
 * Listing tickets for the queue and `ticket list`: one parameterised query, keyset pages, counts. Free text is
 * looked up first (./ticket-text.ts: typos corrected, the rarest term read first); `planText` tells a face what
 * was corrected.
 */
import type { CompiledQuery, InferResult } from 'kysely';
import { dialectOf, type Dialect } from '../db/dialect.js';
import type { Filter, ParsedQuery, SortKey } from '../domain/query.js';
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

/** The list's tables: tickets with their requester and assignee. */
function listFrom(db: Executor) {
  return db
    .selectFrom('tickets')
    .leftJoin('requesters', 'requesters.id', 'tickets.requester_id')
    .leftJoin('technicians', 'technicians.id', 'tickets.assignee_id');
}

/** The list's joins and columns, built once per executor (kysely's builders are immutable) and filtered per call. */
function listSelect(db: Executor) {
  return listFrom(db).select([
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
type ListRow = InferResult<ReturnType<typeof listSelect>>[number];

/** `qb` filtered by `q`, after or before the cursor, in `sort` order, one page long. */
function pageOf<QB extends AnySelect>(
  qb: QB,
  q: ParsedQuery,
  sort: SortKey,
  opts: ListOptions,
  drive: Filter | null,
  dialect: Dialect,
): QB {
  const cursor = opts.before ?? opts.after;
  let out = applyFilters(qb, q, { ...opts.ctx, sortDriven: true, drive, dialect });
  if (cursor) out = applyKeyset(out, sort, cursor, opts.before ? 'before' : 'after', dialect);
  return applySort(out, sort, Boolean(opts.before), dialect).limit(opts.limit) as QB;
}

/**
 * The page's query for a planned query (free text already looked up): filters, keyset, sort, limit; on
 * SQLite a query with an OR of indexed assignee kinds is paged by legs (./ticket-legs.ts).
 */
export function listQuery(db: Executor, query: ParsedQuery, opts: ListOptions, drive: Filter | null = null) {
  const dialect = dialectOf(db);
  const { sort } = query;
  let select = selects.get(db);
  if (!select) selects.set(db, (select = listSelect(db)));
  // PostgreSQL walks the urgency index with the OR as a filter and stops after a page: legs cost it more
  // to plan than they save (raw pg at 1M: 7.5 ms as one OR, 8.5 ms by legs).
  const legs = dialect === 'sqlite' ? queryLegs(query) : null;
  if (!legs) return pageOf(select, query, sort, opts, drive, dialect);
  const ids = legs
    .map((leg) =>
      db.selectFrom(pageOf(db.selectFrom('tickets').select('tickets.id'), leg, sort, opts, drive, dialect).as('leg')).select('leg.id'),
    )
    .reduce((all, leg) => all.union(leg));
  return applySort(select.where('tickets.id', 'in', ids), sort, Boolean(opts.before), dialect).limit(opts.limit);
}

/**
 * The SQL of the list's column list (21 columns, a subquery), compiled once per executor: `wide` is
 * what kysely writes before the list's FROM, `narrow` the same for a select of the id alone. Null
 * when the two do not share their FROM (then every page is compiled whole).
 */
function headOf(db: Executor): { wide: string; narrow: string } | null {
  const wide = listSelect(db).compile();
  const narrow = listFrom(db).select('tickets.id').compile().sql;
  const from = narrow.indexOf(' from ');
  if (from < 0 || wide.parameters.length > 0 || !wide.sql.endsWith(narrow.slice(from))) return null;
  return { wide: wide.sql.slice(0, wide.sql.length - (narrow.length - from)), narrow: narrow.slice(0, from) };
}
const heads = new WeakMap<Executor, ReturnType<typeof headOf>>();

/**
 * listQuery's SQL and parameters, the same text: the page's filters, keyset and order are compiled on a
 * select of the id alone and the column list put in front, so a page does not compile its 21 columns
 * again (kysely compiles the whole tree per call; that was most of a page's own time on PostgreSQL).
 */
export function compileList(db: Executor, query: ParsedQuery, opts: ListOptions, drive: Filter | null = null): CompiledQuery<ListRow> {
  if (!heads.has(db)) heads.set(db, headOf(db));
  const head = heads.get(db);
  const dialect = dialectOf(db);
  if (!head || (dialect === 'sqlite' && queryLegs(query))) return listQuery(db, query, opts, drive).compile();
  const narrow = pageOf(listFrom(db).select('tickets.id'), query, query.sort, opts, drive, dialect).compile();
  if (!narrow.sql.startsWith(`${head.narrow} from `)) return listQuery(db, query, opts, drive).compile();
  return { ...narrow, sql: head.wide + narrow.sql.slice(head.narrow.length) } as unknown as CompiledQuery<ListRow>;
}

export async function listTickets(db: Executor, opts: ListOptions): Promise<TicketListRow[]> {
  const plan = await planText(db, opts.query);
  const { rows } = await db.executeQuery(compileList(db, plan.query, opts, plan.drive));
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

/**
 * The ORDER BY of a query's sort key and keyset conditions for paging (no OFFSET): columns written to match
 * the index expressions, and the values of a row that a cursor compares with.
 */
import { expressionBuilder, sql, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Dialect } from '../db/dialect.js';
import type { DB } from '../db/schema.js';
import type { SortKey } from '../domain/query.js';

/** Tickets with no running clock sort after every due time; must match the `tickets_urgency` and `tickets_assignee_urgency` index expressions. */
export const NO_DUE = 8_640_000_000_000_000;

// A kysely SelectQueryBuilder over `tickets`, possibly with joins (their types differ, hence the loose bound).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- kysely's builder types over optional joins
export type AnySelect = SelectQueryBuilder<any, any, any>;

const eb = expressionBuilder<DB, 'tickets'>();

/**
 * `column` or NO_DUE when NULL, written as the urgency indexes' expression: `ifnull(…)` on SQLite
 * (an expression index is matched by its text), `coalesce(…)` on PostgreSQL (which has no ifnull).
 */
export function ifnullSql(dialect: Dialect, column: string): string {
  return `${dialect === 'postgres' ? 'coalesce' : 'ifnull'}(${column}, ${NO_DUE})`;
}

export type SortDirection = 'asc' | 'desc';
/** The ticket fields a sort key reads; `TicketRow` and the list rows have them. */
export interface CursorRow {
  id: number;
  next_due_at: number | null;
  priority_rank: number;
  created_at: number;
  updated_at: number;
  /** Read by sort:followup only (rows from older cursors may lack it). */
  followup_at?: number | null;
}
export interface SortColumn {
  /** Constant SQL text (no user input), written to match the index expressions. */
  expression: string;
  direction: SortDirection;
  /** The value of this column for a row, as SQLite computes it. */
  value(row: CursorRow): number;
}

const columnsFor = (dialect: Dialect): Record<string, Omit<SortColumn, 'direction'>[]> => ({
  urgency: [
    { expression: ifnullSql(dialect, 'tickets.next_due_at'), value: (r) => r.next_due_at ?? NO_DUE },
    { expression: 'tickets.priority_rank', value: (r) => r.priority_rank },
  ],
  created: [{ expression: 'tickets.created_at', value: (r) => r.created_at }],
  updated: [{ expression: 'tickets.updated_at', value: (r) => r.updated_at }],
  priority: [{ expression: 'tickets.priority_rank', value: (r) => r.priority_rank }],
  followup: [{ expression: ifnullSql(dialect, 'tickets.followup_at'), value: (r) => r.followup_at ?? NO_DUE }],
  id: [],
});
const COLUMNS = { sqlite: columnsFor('sqlite'), postgres: columnsFor('postgres') };
const ID = { expression: 'tickets.id', value: (r: CursorRow) => r.id };

/** ORDER BY for a sort key: its columns then id, all ascending, or all descending for `-key`. */
export function sortSpec(sort: SortKey, dialect: Dialect = 'sqlite'): SortColumn[] {
  const direction: SortDirection = sort.startsWith('-') ? 'desc' : 'asc';
  return [...COLUMNS[dialect][sort.replace(/^-/, '')]!, ID].map((c) => ({ ...c, direction }));
}

/** Adds ORDER BY; `reverse` flips every column (to fetch the page before a cursor, then reverse the rows). */
export function applySort<QB extends AnySelect>(qb: QB, sort: SortKey, reverse = false, dialect: Dialect = 'sqlite'): QB {
  let out: AnySelect = qb;
  for (const c of sortSpec(sort, dialect)) {
    const dir = reverse ? (c.direction === 'asc' ? 'desc' : 'asc') : c.direction;
    out = out.orderBy(sql.raw(c.expression), dir);
  }
  return out as QB;
}

/** The fields of a row any sort key reads: a small, serialisable keyset cursor. */
export function cursorOf(row: CursorRow): CursorRow {
  const { id, next_due_at, priority_rank, created_at, updated_at, followup_at } = row;
  return { id, next_due_at, priority_rank, created_at, updated_at, followup_at: followup_at ?? null };
}

/** The sort key's values for a row, as SQLite computes them: what a keyset condition compares with. */
export function cursorValues(row: CursorRow, sort: SortKey): number[] {
  return sortSpec(sort).map((c) => c.value(row));
}

/**
 * Rows strictly after (or before) `row` in the sort's order, as one SQLite row-value comparison:
 * `(ifnull(tickets.next_due_at, …), tickets.priority_rank, tickets.id) > (?, ?, ?)`. Pair with applySort.
 * SQLite does not turn a row value over an expression index into a range, so the leading column is also
 * bounded on its own (`ifnull(…) >= ?`): that makes it a SEARCH on `tickets_urgency` instead of a SCAN.
 */
export function applyKeyset<QB extends AnySelect>(
  qb: QB,
  sort: SortKey,
  row: CursorRow,
  side: 'after' | 'before',
  dialect: Dialect = 'sqlite',
): QB {
  const spec = sortSpec(sort, dialect);
  const values = cursorValues(row, sort);
  const op = (side === 'after') === (spec[0]!.direction === 'asc') ? '>' : '<';
  const columns = sql.join(spec.map((c) => sql.raw(c.expression)));
  const bound = sql<SqlBool>`${sql.raw(spec[0]!.expression)} ${sql.raw(op)}= ${values[0]}`;
  const after = sql<SqlBool>`(${columns}) ${sql.raw(op)} (${sql.join(values)})`;
  return qb.where(eb.and([bound, after])) as QB;
}

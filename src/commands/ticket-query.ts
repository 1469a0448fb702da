/** Turns a query string from the command line into store calls, with one-line errors. */
import { parseQuery, QueryError, type ParsedQuery } from '../domain/query.js';
import { EXIT, fail } from '../errors.js';
import type { Executor } from '../store/executor.js';
import { technicianIdByEmail } from '../store/technicians.js';
import { matchingIds } from '../store/ticket-list.js';
import type { FilterContext } from '../store/ticket-filter.js';
import type { Ctx } from './context.js';

/** Words from the shell joined back into one query; a word with spaces was a quoted phrase. */
export function joinArgs(args: readonly string[]): string {
  return args.map((a) => (/\s/.test(a) && !a.includes('"') && !/^-?[a-z]+:/i.test(a) ? JSON.stringify(a) : a)).join(' ');
}

export function parseOrFail(text: string): ParsedQuery {
  try {
    return parseQuery(text);
  } catch (error) {
    if (error instanceof QueryError) fail(EXIT.invalid, `query: ${error.message}`);
    throw error;
  }
}

/** The technician at the keyboard, looked up without creating anything (reads stay reads). */
export async function filterContext(ctx: Ctx, db: Executor): Promise<FilterContext> {
  return { meId: await technicianIdByEmail(db, ctx.me().email), now: Date.now() };
}

/** A bulk change's `--where`: a query that names no filter would select every ticket (an unset shell variable), so it is refused. */
export function whereQuery(text: string): ParsedQuery {
  const query = parseOrFail(text);
  const selects = query.filters.some((f) => f.field !== 'text' || f.text.trim() !== '');
  if (!selects) fail(EXIT.invalid, `--where: the query '${text}' has no filter and would match every ticket: give at least one term`);
  return query;
}

export async function findIds(db: Executor, query: ParsedQuery, meId: number | null): Promise<number[]> {
  return matchingIds(db, query, { meId, now: Date.now() });
}

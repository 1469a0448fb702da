/**
 * The ticket query language, parsed once (pure) for the CLI's `ticket list`, the console's `/` filter and saved views:
 * `status:open,pending prio:urgent assignee:me tag:vpn -tag:spam age:>7d "printer jam" sort:-created`.
 * Terms are ANDed, `,` ORs a field's values, `-` negates a term. Relative times stay durations (no clock here).
 */
import { QueryError, columnOf, lex, quote, shown, suggest, type Item } from './query-lexer.js';
import { formatDate, formatDuration } from './query-literals.js';
import { DEFAULT_SORT, SORT_KEYS, type Filter, type ParsedQuery, type SortKey } from './query-types.js';
import { FIELD_ALIASES, PARSERS } from './query-values.js';
import { formatRef, isOneOf } from './ticket.js';

export { QueryError } from './query-lexer.js';
export type { Cmp } from './query-literals.js';
export * from './query-types.js';

/** Free text longer than this is no search anyone types (a pasted log): refused, not searched. */
export const MAX_TEXT_TERM = 1_000;

/** Parses a query. Throws QueryError (one line, with a 1-based column) on anything it cannot read. */
export function parseQuery(input: string): ParsedQuery {
  const filters: Filter[] = [];
  let sort: SortKey = DEFAULT_SORT;
  for (const token of lex(input)) {
    if (token.kind === 'text') {
      if (token.text.length > MAX_TEXT_TERM)
        throw new QueryError(`search text too long: at most ${MAX_TEXT_TERM.toLocaleString('en')} characters`, columnOf(input, token.at));
      filters.push({ field: 'text', negated: token.negated, text: token.text });
      continue;
    }
    const field = FIELD_ALIASES[token.name];
    if (!field) {
      const names = [...new Set(Object.keys(FIELD_ALIASES))];
      throw new QueryError(`unknown field '${token.name}'`, columnOf(input, token.nameAt), suggest(token.name, names, 'fields'));
    }
    const at = (item: Item, skip = 0) =>
      columnOf(input, item.at) + (item.text === input.slice(item.at, item.at + item.text.length) ? skip : 0);
    if (field === 'sort') {
      if (token.negated)
        throw new QueryError("'sort' cannot be negated", columnOf(input, token.at), 'write sort:-created for newest first');
      const item = token.items[token.items.length - 1]!;
      if (token.items.length > 1)
        throw new QueryError("'sort' takes one key", columnOf(input, token.items[1]!.at), `keys: ${SORT_KEYS.join(', ')}`);
      const key = item.text.toLowerCase();
      if (!isOneOf(SORT_KEYS, key)) throw new QueryError(`unknown sort ${shown(item.text)}`, at(item), suggest(key, SORT_KEYS, 'keys'));
      sort = key;
      continue;
    }
    const values: unknown[] = [];
    const seen = new Set<string>();
    for (const item of token.items) {
      const fail = (reason: string, skip = 0, hint?: string): never => {
        throw new QueryError(reason, at(item, skip), hint);
      };
      const parsed = PARSERS[field](item.text, fail);
      for (const v of Array.isArray(parsed) ? parsed : [parsed]) {
        const key = JSON.stringify(v);
        if (!seen.has(key)) values.push(v);
        seen.add(key);
      }
    }
    filters.push({ field, negated: token.negated, values } as Filter);
  }
  return { filters, sort };
}

/** Prints a query back in canonical form: parseQuery(formatQuery(q)) deep-equals q. */
export function formatQuery(q: ParsedQuery): string {
  const terms = q.filters.map((f) => `${f.negated ? '-' : ''}${formatFilter(f)}`);
  if (q.sort !== DEFAULT_SORT) terms.push(`sort:${q.sort}`);
  return terms.join(' ');
}

function formatFilter(f: Filter): string {
  const list = (values: readonly string[]) => values.map((v) => quote(v, true)).join(',');
  switch (f.field) {
    case 'text':
      return quote(f.text, false);
    case 'priority':
    case 'status':
    case 'tier':
    case 'channel':
    case 'tag':
    case 'category':
    case 'requester':
      return `${f.field}:${list(f.values)}`;
    case 'assignee':
      return `assignee:${list(f.values.map((v) => (v.kind === 'person' ? v.text : v.kind)))}`;
    case 'group':
      return `group:${list(f.values.map((v) => (v.kind === 'name' ? v.text : v.kind)))}`;
    case 'created':
    case 'updated':
      return `${f.field}:${f.values.map((v) => `${v.op === '=' ? '' : v.op}${formatDate(v.from, v.to)}`).join(',')}`;
    case 'age':
      return `age:${f.values.map((v) => `${v.op}${formatDuration(v.ms)}`).join(',')}`;
    case 'due':
    case 'followup':
      return `${f.field}:${f.values.map((v) => (v.kind === 'cmp' ? `${v.op}${formatDuration(v.ms)}` : v.kind)).join(',')}`;
    case 'id':
    case 'parent':
      return `${f.field}:${f.values.map(formatRef).join(',')}`;
  }
}

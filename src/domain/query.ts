/* eslint-disable max-lines -- #12: over 200 lines, to be split by the restructure */
/**
 * The ticket query language, parsed once (pure) for the CLI's `ticket list`, the console's `/` filter and saved views:
 * `status:open,pending prio:urgent assignee:me tag:vpn -tag:spam age:>7d "printer jam" sort:-created`.
 * Terms are ANDed, `,` ORs a field's values, `-` negates a term. Relative times stay durations (no clock here).
 */
import {
  CHANNELS,
  OPEN_STATUSES,
  PRIORITIES,
  STATUSES,
  TIERS,
  formatRef,
  isOneOf,
  parseRef,
  type Channel,
  type Priority,
  type Status,
  type Tier,
} from './ticket.js';
import {
  QueryError,
  columnOf,
  formatDate,
  formatDuration,
  lex,
  parseDate,
  parseDuration,
  quote,
  shown,
  splitOp,
  suggest,
  type Cmp,
  type Item,
} from './query-lexer.js';

export { QueryError, type Cmp } from './query-lexer.js';

export const SORT_KEYS = [
  'urgency',
  '-urgency',
  'created',
  '-created',
  'updated',
  '-updated',
  'priority',
  '-priority',
  'id',
  '-id',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const DEFAULT_SORT: SortKey = 'urgency';

/** A date literal as the span it names, [from, to) in epoch ms; `op` compares a column with that span. */
export interface TimeValue {
  op: Cmp | '=';
  from: number;
  to: number;
}
/** `age:>7d`: created more than `ms` ago. */
export interface AgeValue {
  op: Cmp;
  ms: number;
}
export type AssigneeValue = { kind: 'me' } | { kind: 'none' } | { kind: 'person'; text: string };
/** `due:<2h`: next_due_at compared with now + ms (ms may be negative); `overdue` is due before now; `none` has no clock. */
export type DueValue = { kind: 'overdue' } | { kind: 'none' } | { kind: 'cmp'; op: Cmp; ms: number };

/** One term. `values` are ORed; `negated` inverts the whole term. Text matches title or description. */
export type Filter = { negated: boolean } & (
  | { field: 'status'; values: Status[] }
  | { field: 'priority'; values: Priority[] }
  | { field: 'assignee'; values: AssigneeValue[] }
  | { field: 'tier'; values: Tier[] }
  | { field: 'tag'; values: string[] }
  | { field: 'category'; values: string[] }
  | { field: 'channel'; values: Channel[] }
  | { field: 'requester'; values: string[] }
  | { field: 'created' | 'updated'; values: TimeValue[] }
  | { field: 'age'; values: AgeValue[] }
  | { field: 'due'; values: DueValue[] }
  | { field: 'id'; values: number[] }
  | { field: 'text'; text: string }
);
export type FilterField = Filter['field'];

export interface ParsedQuery {
  /** ANDed, in the order written. */
  filters: Filter[];
  /** The last `sort:` term, or urgency. */
  sort: SortKey;
}

const FIELD_ALIASES: Record<string, Exclude<FilterField, 'text'> | 'sort'> = {
  status: 'status',
  prio: 'priority',
  priority: 'priority',
  assignee: 'assignee',
  tier: 'tier',
  tag: 'tag',
  category: 'category',
  channel: 'channel',
  requester: 'requester',
  created: 'created',
  updated: 'updated',
  age: 'age',
  due: 'due',
  id: 'id',
  ref: 'id',
  sort: 'sort',
};
const TAG = /^[a-z0-9][a-z0-9_.+-]{0,39}$/;
const WORD = /^[a-z0-9][a-z0-9_.+-]{0,39}$/;

type ValueParser<T> = (text: string, fail: (reason: string, skip?: number, hint?: string) => never) => T;

const oneOf =
  <T extends string>(what: string, values: readonly T[], extra: Record<string, T | readonly T[]> = {}): ValueParser<T | readonly T[]> =>
  (text, fail) => {
    const v = text.toLowerCase().replace(/-/g, '_');
    if (extra[v]) return extra[v]!;
    const match = values.find((x) => x.toLowerCase() === v);
    return match ?? fail(`unknown ${what} ${shown(text)}`, 0, suggest(text, [...values, ...Object.keys(extra)]));
  };

const time: ValueParser<TimeValue> = (text, fail) => {
  const { op, rest, skip } = splitOp(text);
  const span = parseDate(rest);
  return span
    ? { op: op ?? '=', ...span }
    : fail(`bad date ${shown(rest)}`, skip, 'expected YYYY-MM-DD or YYYY-MM-DDTHH:MM, UTC unless it ends in Z or ±HH:MM');
};

const durationCmp =
  (field: string, signed: boolean): ValueParser<{ op: Cmp; ms: number }> =>
  (text, fail) => {
    const { op, rest, skip } = splitOp(text);
    if (op === null || op === '=') fail(`'${field}' needs a comparison`, 0, `e.g. ${field}:>7d or ${field}:<2h`);
    const ms = parseDuration(rest, signed);
    return ms === null
      ? fail(`bad duration ${shown(rest)}`, skip, 'expected a whole number and a unit m, h, d or w, e.g. 7d')
      : { op: op as Cmp, ms };
  };

const PARSERS: { [F in Exclude<FilterField, 'text'>]: ValueParser<unknown> } = {
  status: oneOf('status', STATUSES, { active: OPEN_STATUSES }),
  priority: oneOf('priority', PRIORITIES, { p1: 'urgent', p2: 'high', p3: 'normal', p4: 'low' }),
  tier: oneOf('tier', TIERS),
  channel: oneOf('channel', CHANNELS),
  tag: (text, fail) => (TAG.test(text.toLowerCase()) ? text.toLowerCase() : fail(`bad tag ${shown(text)}`, 0, 'letters, digits, - _ . +')),
  category: (text, fail) => (WORD.test(text.toLowerCase()) ? text.toLowerCase() : fail(`bad category ${shown(text)}`, 0, 'one word')),
  requester: (text) => text,
  assignee: (text): AssigneeValue => {
    const v = text.toLowerCase();
    return v === 'me' || v === 'none' ? { kind: v } : { kind: 'person', text };
  },
  created: time,
  updated: time,
  age: durationCmp('age', false),
  due: (text, fail): DueValue => {
    const v = text.toLowerCase();
    return v === 'overdue' || v === 'none' ? { kind: v } : { kind: 'cmp', ...durationCmp('due', true)(text, fail) };
  },
  id: (text, fail) => parseRef(text) ?? fail(`bad ticket reference ${shown(text)}`, 0, 'e.g. HD-7 or 7'),
};

/** Parses a query. Throws QueryError (one line, with a 1-based column) on anything it cannot read. */
export function parseQuery(input: string): ParsedQuery {
  const filters: Filter[] = [];
  let sort: SortKey = DEFAULT_SORT;
  for (const token of lex(input)) {
    if (token.kind === 'text') {
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
    case 'created':
    case 'updated':
      return `${f.field}:${f.values.map((v) => `${v.op === '=' ? '' : v.op}${formatDate(v.from, v.to)}`).join(',')}`;
    case 'age':
      return `age:${f.values.map((v) => `${v.op}${formatDuration(v.ms)}`).join(',')}`;
    case 'due':
      return `due:${f.values.map((v) => (v.kind === 'cmp' ? `${v.op}${formatDuration(v.ms)}` : v.kind)).join(',')}`;
    case 'id':
      return `id:${f.values.map(formatRef).join(',')}`;
  }
}

/** The query language's fields: their names and aliases, and how each field's values are read (./query.ts). */
import { parseDate, parseDuration, splitOp, type Cmp } from './query-literals.js';
import { shown, suggest } from './query-lexer.js';
import type { AssigneeValue, DueValue, FilterField, GroupValue, TimeValue } from './query-types.js';
import { CHANNELS, OPEN_STATUSES, PRIORITIES, STATUSES, TIERS, parseRef } from './ticket.js';

export const FIELD_ALIASES: Record<string, Exclude<FilterField, 'text'> | 'sort'> = {
  status: 'status',
  prio: 'priority',
  priority: 'priority',
  assignee: 'assignee',
  tier: 'tier',
  tag: 'tag',
  category: 'category',
  channel: 'channel',
  requester: 'requester',
  group: 'group',
  created: 'created',
  updated: 'updated',
  age: 'age',
  due: 'due',
  followup: 'followup',
  parent: 'parent',
  id: 'id',
  ref: 'id',
  sort: 'sort',
};
const TAG = /^[a-z0-9][a-z0-9_.+-]{0,39}$/;
const WORD = /^[a-z0-9][a-z0-9_.+-]{0,39}$/;

export type ValueParser<T> = (text: string, fail: (reason: string, skip?: number, hint?: string) => never) => T;

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

export const PARSERS: { [F in Exclude<FilterField, 'text'>]: ValueParser<unknown> } = {
  status: oneOf('status', STATUSES, { active: OPEN_STATUSES }),
  priority: oneOf('priority', PRIORITIES, { p1: 'urgent', p2: 'high', p3: 'normal', p4: 'low' }),
  tier: oneOf('tier', TIERS),
  channel: oneOf('channel', CHANNELS),
  tag: (text, fail) => (TAG.test(text.toLowerCase()) ? text.toLowerCase() : fail(`bad tag ${shown(text)}`, 0, 'letters, digits, - _ . +')),
  category: (text, fail) => (WORD.test(text.toLowerCase()) ? text.toLowerCase() : fail(`bad category ${shown(text)}`, 0, 'one word')),
  requester: (text) => text,
  assignee: (text): AssigneeValue => {
    const v = text.toLowerCase();
    return v === 'me' || v === 'none' || v === 'mygroups' ? { kind: v } : { kind: 'person', text };
  },
  group: (text): GroupValue => {
    const v = text.toLowerCase();
    return v === 'mine' || v === 'none' ? { kind: v } : { kind: 'name', text };
  },
  created: time,
  updated: time,
  age: durationCmp('age', false),
  due: (text, fail): DueValue => {
    const v = text.toLowerCase();
    return v === 'overdue' || v === 'none' ? { kind: v } : { kind: 'cmp', ...durationCmp('due', true)(text, fail) };
  },
  followup: (text, fail): DueValue => {
    const v = text.toLowerCase();
    return v === 'overdue' || v === 'none' ? { kind: v } : { kind: 'cmp', ...durationCmp('followup', true)(text, fail) };
  },
  parent: (text, fail) => parseRef(text) ?? fail(`bad ticket reference ${shown(text)}`, 0, 'e.g. HD-12 or 12'),
  id: (text, fail) => parseRef(text) ?? fail(`bad ticket reference ${shown(text)}`, 0, 'e.g. HD-7 or 7'),
};

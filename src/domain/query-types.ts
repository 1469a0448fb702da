/** The parsed form of a ticket query (./query.ts): its filters and sort, as data the store compiles to SQL. */
import type { Cmp } from './query-literals.js';
import type { Channel, Priority, Status, Tier } from './ticket.js';

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
  'followup',
  '-followup',
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
/** `mygroups`: no one has it yet and it belongs to one of my groups (My queue's second half). */
export type AssigneeValue = { kind: 'me' } | { kind: 'none' } | { kind: 'mygroups' } | { kind: 'person'; text: string };
/** `group:mine` (any of my groups), `group:none` (no group), or part of a group's name. */
export type GroupValue = { kind: 'mine' } | { kind: 'none' } | { kind: 'name'; text: string };
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
  | { field: 'group'; values: GroupValue[] }
  | { field: 'created' | 'updated'; values: TimeValue[] }
  | { field: 'age'; values: AgeValue[] }
  | { field: 'due'; values: DueValue[] }
  | { field: 'followup'; values: DueValue[] }
  | { field: 'parent'; values: number[] }
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

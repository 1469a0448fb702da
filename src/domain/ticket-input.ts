/**
 * Validation of ticket input from any face (flags, JSON lines, the console's form), as data:
 * each field names its rule; an error names the field. Hand-written instead of zod because
 * `ticket create` is on the startup budget and zod costs ~50 ms to import (DESIGN.md §6).
 */
import {
  CHANNELS,
  DEFAULT_CATEGORIES,
  PRIORITIES,
  STATUSES,
  TIERS,
  type Channel,
  type Priority,
  type Status,
  type Tier,
} from './ticket.js';
import { longerThan } from './graphemes.js';
import { InputError, textProblem, type TextKind } from './text-rules.js';
import { initialState } from './ticket-rules.js';

export interface TicketInput {
  title: string;
  description: string;
  priority: Priority;
  category: string;
  channel: Channel;
  status: Status;
  tier: Tier;
  tags: string[];
  requester: string | null;
  assignee: string | null;
  externalId: string | null;
  /** How it was solved: required when the ticket starts resolved (the same rule as `ticket resolve`). */
  resolution: string | null;
  /** Times of an imported ticket (ms since the epoch), so its history keeps its dates; none: now. */
  createdAt?: number | null;
  updatedAt?: number | null;
  firstResponseAt?: number | null;
  resolvedAt?: number | null;
  closedAt?: number | null;
}

export { InputError } from './text-rules.js';

const MAX_TITLE = 200;
const MAX_TEXT = 100_000;
const TAG = /^[a-z0-9][a-z0-9_.+-]{0,39}$/;

type Rule = (value: unknown, field: string) => unknown;

const text =
  (max: number, required: boolean, kind: TextKind): Rule =>
  (value, field) => {
    if (value === undefined || value === null || value === '') {
      if (required) throw new InputError(field, 'is required');
      return required ? '' : null;
    }
    if (typeof value !== 'string') throw new InputError(field, 'must be text');
    const problem = textProblem(value, kind);
    if (problem) throw new InputError(field, problem);
    const trimmed = value.trim();
    if (required && trimmed === '') throw new InputError(field, 'is required');
    if (longerThan(trimmed, max)) throw new InputError(field, `is longer than ${max} characters`);
    return trimmed;
  };

const oneOf =
  (values: readonly string[], fallback: string): Rule =>
  (value, field) => {
    if (value === undefined || value === null || value === '') return fallback;
    const v = typeof value === 'string' ? value.trim().toLowerCase().replace(/[- ]/g, '_') : value;
    const match = values.find((x) => x.toLowerCase() === v);
    if (!match) throw new InputError(field, `must be one of ${values.join(', ')} (got '${String(value)}')`);
    return match;
  };

/** An ISO 8601 time with its zone (what `--json` prints) or ms since the epoch. */
const time: Rule = (value, field) => {
  if (value === undefined || value === null || value === '') return null;
  const ms = typeof value === 'number' ? value : typeof value === 'string' && /\d{4}-\d\d-\d\d/.test(value) ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms) || ms < 0) throw new InputError(field, `must be a time such as 2026-11-23T09:52:00Z (got '${String(value)}')`);
  return ms;
};

export function tagList(value: unknown, field = 'tags'): string[] {
  if (value === undefined || value === null || value === '') return [];
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : null;
  if (!items) throw new InputError(field, 'must be a list of words');
  const tags = items.map((t) => (typeof t === 'string' ? t.trim().toLowerCase() : '')).filter((t) => t !== '');
  for (const t of tags) if (!TAG.test(t)) throw new InputError(field, `'${t}' is not a tag (letters, digits, - _ . +)`);
  return [...new Set(tags)];
}

const RULES: Record<keyof TicketInput, Rule> = {
  title: text(MAX_TITLE, true, 'line'),
  description: (v, f) => text(MAX_TEXT, false, 'text')(v, f) ?? '',
  priority: oneOf(PRIORITIES, 'normal'),
  category: (v, f) => oneOf(DEFAULT_CATEGORIES, 'other')(v, f),
  channel: oneOf(CHANNELS, 'cli'),
  status: oneOf(STATUSES, 'new'),
  tier: (v, f) => oneOf(TIERS, 'L1')(typeof v === 'string' ? v.toUpperCase() : v, f),
  tags: (v, f) => tagList(v, f),
  requester: text(320, false, 'line'),
  assignee: text(320, false, 'line'),
  externalId: text(200, false, 'line'),
  resolution: text(MAX_TEXT, false, 'text'),
  createdAt: time,
  updatedAt: time,
  firstResponseAt: time,
  resolvedAt: time,
  closedAt: time,
};

export const TICKET_FIELDS = Object.keys(RULES) as (keyof TicketInput)[];

/** Aliases accepted in JSON input: the names `--json` prints (`external_id`, `created_at`, list's `prio`, `age`). */
const ALIASES: Record<string, keyof TicketInput> = {
  external_id: 'externalId',
  prio: 'priority',
  subject: 'title',
  body: 'description',
  created_at: 'createdAt',
  age: 'createdAt',
  created: 'createdAt',
  updated_at: 'updatedAt',
  updated: 'updatedAt',
  first_response_at: 'firstResponseAt',
  resolved_at: 'resolvedAt',
  closed_at: 'closedAt',
};

/** Validates raw input; unknown keys are an error so typos never pass silently. */
export function validateTicketInput(raw: Record<string, unknown>, categories?: readonly string[]): TicketInput {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = ALIASES[key] ?? key;
    if (!(field in RULES)) throw new InputError(key, `unknown field (known: ${TICKET_FIELDS.join(', ')})`);
    input[field] = value;
  }
  const out = {} as Record<string, unknown>;
  for (const field of TICKET_FIELDS) {
    out[field] = field === 'category' && categories ? oneOf(categories, 'other')(input[field], field) : RULES[field](input[field], field);
  }
  const valid = out as unknown as TicketInput;
  if (valid.createdAt != null && valid.updatedAt != null && valid.updatedAt < valid.createdAt)
    throw new InputError('updatedAt', 'is before createdAt');
  // The status rules of domain/ticket-rules.ts apply at creation as they do to a change.
  const start = initialState(valid.status, 0, valid.resolution);
  if (!start.ok) throw new InputError(start.field, start.error);
  return valid;
}

/** Validates a single field's new value for an update (same rules as creation). */
export function validateField<K extends keyof TicketInput>(field: K, value: unknown, categories?: readonly string[]): TicketInput[K] {
  if (field === 'category' && categories) return oneOf(categories, 'other')(value, field) as TicketInput[K];
  return RULES[field](value, field) as TicketInput[K];
}

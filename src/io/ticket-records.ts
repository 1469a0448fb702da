/**
 * Ticket records as `--json` prints them, made into ticket input: what `ticket list`, `ticket show`,
 * `ticket create` and `ticket update` print can be given to `ticket create --from-json` as it is.
 * Pure: no store, no output; the caller validates (domain/ticket-input.ts) and reports.
 */
import { graphemes } from '../domain/graphemes.js';

/** Keys of a printed ticket that describe it as stored, not as input: accepted and left out. */
const STORED_ONLY = new Set([
  'ref',
  // Set with `ticket assign --group` (011); not taken on import yet.
  'group',
  'id',
  'version',
  'due',
  'first_response_due_at',
  'resolution_due_at',
  'next_due_at',
  'existing',
  'changes',
  // Workflow (013): a follow-up time, and the relations `ticket show --json` prints beside the ticket.
  'followup',
  'parent',
  'children',
]);

/** Documents that wrap tickets: `{ schema, tickets: [...] }` (list, create, update) and `{ schema, ticket, timeline }` (show). */
export function unwrapTickets(doc: unknown): unknown[] | null {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc) || !('schema' in doc)) return null;
  const d = doc as { tickets?: unknown; ticket?: unknown };
  if (Array.isArray(d.tickets)) return d.tickets;
  if (d.ticket && typeof d.ticket === 'object') return [d.ticket];
  return null;
}

/** A person as `--json` prints one (`{ name, email, … }`) as the text a flag takes: `Name <email>`, an email or a name. */
function personText(value: unknown, withName: boolean): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const { name, email } = value as { name?: unknown; email?: unknown };
  const has = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
  if (has(email)) return withName && has(name) ? `${name} <${email}>` : email;
  return has(name) ? name : null;
}

/** Words of a description as a title: its first line, cut at a word boundary to `max` characters. */
export function titleFromDescription(description: string, max = 60): string {
  const line = description.trim().split('\n')[0]!.trim().replace(/\s+/g, ' ');
  const chars = graphemes(line);
  if (chars.length <= max) return line;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 3 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export interface ImportRecord {
  /** The record as ticket input for validateTicketInput. */
  input: Record<string, unknown>;
  /** The title taken from the description when the record had none. */
  titleTaken?: string;
}

/** One printed ticket (or a hand-written one) as raw ticket input. */
export function importRecord(record: Record<string, unknown>): ImportRecord {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (!STORED_ONLY.has(key)) input[key] = value;
  if ('requester' in input) input.requester = personText(input.requester, true);
  if ('assignee' in input) input.assignee = personText(input.assignee, false);
  const titleKey = 'title' in input ? 'title' : 'subject' in input ? 'subject' : 'title';
  const title = input[titleKey];
  const description = input.description ?? input.body;
  const blank = title === undefined || title === null || (typeof title === 'string' && title.trim() === '');
  if (!blank || typeof description !== 'string' || description.trim() === '') return { input };
  const titleTaken = titleFromDescription(description);
  return { input: { ...input, [titleKey]: titleTaken }, titleTaken };
}

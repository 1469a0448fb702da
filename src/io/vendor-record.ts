/**
 * What the vendor parsers (Zendesk, Jira) give back, format-neutral: a ticket as raw ticket input
 * (validated by domain/ticket-input.ts when it is written) with the people it names and its timeline.
 * Pure data: the import writer turns it into rows.
 */
import type { InteractionKind } from '../domain/ticket.js';
import { EXIT, fail } from '../errors.js';
import type { ImportLimits } from './import-limits.js';

/** A file as read: its name (for messages) and its text. */
export interface VendorFile {
  name: string;
  text: string;
  /** The import's size limits (./import-limits.ts), for a CSV parsed from the text. */
  limits?: ImportLimits;
}

export interface ImportedPerson {
  name: string;
  email: string | null;
}

export interface ImportedEntry {
  kind: InteractionKind;
  author: ImportedPerson;
  /** The author works the desk (a Zendesk agent, a Jira assignee or commenter other than the reporter). */
  technician: boolean;
  body: string;
  createdAt: number | null;
}

export interface ImportedTicket {
  /** Where the record came from, for every message about it: `tickets.json record 3 (ticket 35436)`. */
  where: string;
  /** Raw ticket input (title, description, status, priority, tags, externalId, createdAt…): requester as `Name <email>`. */
  fields: Record<string, unknown>;
  /** The person asking (also in `fields.requester` as text). */
  requester: ImportedPerson | null;
  /** The technician the ticket is assigned to, created when the desk does not know them. */
  assignee: ImportedPerson | null;
  timeline: ImportedEntry[];
}

/** A bad record: one line naming the record, the field and the problem; exit 4. */
export function badRecord(where: string, field: string, problem: string): never {
  return fail(EXIT.invalid, `${where}: ${field}: ${problem}`);
}

/** `Name <email>`, the email, or the name: the text ticket input takes for a requester. */
export function personText(person: ImportedPerson | null): string | null {
  if (!person) return null;
  if (person.email)
    return person.name && person.name !== person.email ? `${person.name.replace(/[<>"]/g, '')} <${person.email}>` : person.email;
  return person.name || null;
}

/** A vendor's label or field value as a Deskline tag (letters, digits, - _ . +; at most 40), or null when nothing is left. */
export function tagOf(text: string): string | null {
  const tag = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_.+-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return tag === '' ? null : tag;
}

/** Distinct tags, order kept. */
export function tagsOf(texts: readonly string[]): string[] {
  return [...new Set(texts.flatMap((t) => tagOf(t) ?? []))];
}

/** Text cut to `max` characters with a note saying so (descriptions and replies have a limit). */
export function capText(text: string, max = 100_000): string {
  if (text.length <= max) return text;
  const note = `\n[… cut: ${(text.length - max).toLocaleString('en-US')} more characters]`;
  return text.slice(0, max - note.length).replace(/[\ud800-\udbff]$/, '') + note;
}

/** A vendor's time (ISO 8601, with a `+0000` zone or none) as ms since the epoch; null when absent, `bad` when unreadable. */
export function vendorTime(value: unknown): number | null | 'bad' {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : 'bad';
  if (typeof value !== 'string') return 'bad';
  const iso = value.trim().replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
  const ms = /^\d{4}-\d\d-\d\d/.test(iso) ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) && ms >= 0 ? ms : 'bad';
}

/** A time field of a record, or a bad-record error naming it. */
export function timeField(where: string, field: string, value: unknown): number | null {
  const ms = vendorTime(value);
  if (ms === 'bad') badRecord(where, field, `is not a time (got '${String(value).slice(0, 40)}')`);
  return ms;
}

/**
 * Which CSV column feeds which ticket field: `--map title=Subject,requester=Email,…`, the rest guessed
 * from common header names (a table per field, first match wins). `--dry-run` shows the result.
 */
import { EXIT, fail } from '../errors.js';

/** Field → header names it is guessed from (compared lower-case, punctuation as spaces). */
export const GUESSES: Readonly<Record<string, readonly string[]>> = {
  external_id: ['external id', 'ticket id', 'id', 'ticket', 'ticket number', 'number', 'issue key', 'key', 'case number', 'incident'],
  title: ['title', 'subject', 'summary', 'short description', 'issue'],
  description: ['description', 'body', 'details', 'problem', 'message'],
  status: ['status', 'state'],
  priority: ['priority', 'urgency', 'severity'],
  category: ['category', 'type', 'issue type'],
  channel: ['channel', 'source', 'via', 'origin'],
  tier: ['tier', 'level', 'support level'],
  requester: ['requester email', 'requester', 'email', 'reporter', 'from', 'contact', 'caller', 'customer email'],
  requester_name: ['requester name', 'name', 'customer', 'caller name', 'reporter name'],
  assignee: ['assignee', 'assigned to', 'agent', 'owner', 'technician'],
  tags: ['tags', 'labels', 'tag'],
  created: ['created', 'created at', 'opened', 'date opened', 'opened at', 'created date', 'date'],
  updated: ['updated', 'updated at', 'last updated', 'modified', 'last modified', 'changed'],
  resolved: ['resolved', 'resolved at', 'solved at', 'date resolved'],
  closed: ['closed', 'closed at', 'date closed'],
  resolution: ['resolution', 'solution', 'close notes'],
  comment: ['comment', 'comments', 'note', 'notes', 'work notes', 'update'],
};

export const FIELDS = Object.keys(GUESSES);

export type Mapping = Map<string, number>;

const norm = (h: string) =>
  h
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The mapping for a header row: `--map` first, then guesses for the fields still free (each column used once). */
export function mapColumns(header: readonly string[], map: string | undefined, file: string): Mapping {
  const mapping: Mapping = new Map();
  const taken = new Set<number>();
  for (const pair of (map ?? '').split(',').filter((p) => p.trim() !== '')) {
    const eq = pair.indexOf('=');
    const field = pair.slice(0, eq).trim().toLowerCase();
    const column = pair.slice(eq + 1).trim();
    if (eq < 0 || !FIELDS.includes(field)) fail(EXIT.invalid, `--map: '${pair.trim()}' is not field=Column (fields: ${FIELDS.join(', ')})`);
    const at =
      header.findIndex((h) => h.trim() === column) >= 0
        ? header.findIndex((h) => h.trim() === column)
        : header.findIndex((h) => norm(h) === norm(column));
    if (at < 0) fail(EXIT.invalid, `--map: ${file} has no column '${column}' (columns: ${header.join(', ')})`);
    mapping.set(field, at);
    taken.add(at);
  }
  for (const field of FIELDS) {
    if (mapping.has(field)) continue;
    for (const name of GUESSES[field]!) {
      const at = header.findIndex((h, i) => !taken.has(i) && norm(h) === name);
      if (at >= 0) {
        mapping.set(field, at);
        taken.add(at);
        break;
      }
    }
  }
  if (!mapping.has('title') && !mapping.has('description')) {
    fail(EXIT.invalid, `--map: no column of ${file} gives the title (columns: ${header.join(', ')}): add --map title=COLUMN`);
  }
  return mapping;
}

export function describeMapping(mapping: Mapping, header: readonly string[]): string {
  return [...mapping].map(([field, at]) => `${field} ← "${header[at]}"`).join(', ');
}

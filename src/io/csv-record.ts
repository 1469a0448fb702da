/**
 * CSV rows as one format-neutral record (./import-record.ts): a row is a ticket; rows sharing a key are
 * one ticket's history in order (the first creates it, each later one changes what it gives: status,
 * priority and assignee changes are kept in the audit trail, a comment becomes a timeline note).
 */
import { createHash } from 'node:crypto';
import { parseLooseDate, type DateLayout } from '../domain/loose-date.js';
import type { Mapping } from './csv-mapping.js';
import { PRIORITY_WORDS, STATUS_WORDS, translate } from './csv-words.js';
import {
  RecordError,
  type ImportChange,
  type ImportInteraction,
  type ImportPerson,
  type ImportRecord,
  type RecordPlace,
} from './import-record.js';

export interface CsvRow {
  cells: string[];
  line: number;
}

export interface CsvSettings {
  mapping: Mapping;
  file: string;
  layout?: DateLayout;
  keyed: boolean;
  externalId?: string;
}

/** Fields whose changes from row to row are kept as history. */
const TRACKED = ['status', 'priority', 'assignee'] as const;

const ANGLE = /^\s*(.*?)\s*<([^>]+)>\s*$/;

function person(text: string | undefined, name: string | undefined): ImportPerson | null {
  if (text === undefined && name === undefined) return null;
  const angle = text ? ANGLE.exec(text) : null;
  if (angle) return { name: angle[1] || name, email: angle[2] };
  if (text?.includes('@')) return { name, email: text };
  return { name: text ?? name };
}

export function rowsRecord(rows: readonly CsvRow[], s: CsvSettings): ImportRecord {
  const first = rows[0]!;
  const at: RecordPlace = { file: s.file, line: first.line };
  const get = (row: CsvRow, field: string): string | undefined => {
    const i = s.mapping.get(field);
    const v = i === undefined ? undefined : row.cells[i]?.trim();
    return v === undefined || v === '' || v === '?' ? undefined : v;
  };
  const date = (row: CsvRow, field: string): number | undefined => {
    const v = get(row, field);
    if (v === undefined) return undefined;
    const parsed = parseLooseDate(v, s.layout);
    if (!parsed.ok) throw new RecordError({ file: s.file, line: row.line }, field, parsed.problem);
    return parsed.ms;
  };
  // The ticket as the rows leave it: each row's given fields override the ones before.
  const merged: Record<string, string> = {};
  const times: Record<string, number> = {};
  const history: ImportChange[] = [];
  const interactions: ImportInteraction[] = [];
  for (const row of rows) {
    const when = date(row, 'updated') ?? date(row, 'created') ?? times.updated ?? times.created;
    for (const field of s.mapping.keys()) {
      const v =
        field === 'status'
          ? translate(STATUS_WORDS, get(row, field))
          : field === 'priority'
            ? translate(PRIORITY_WORDS, get(row, field))
            : get(row, field);
      if (v === undefined) continue;
      if (row !== first && (TRACKED as readonly string[]).includes(field) && merged[field] !== v && when !== undefined) {
        history.push({ at: when, field, from: merged[field] ?? null, to: v });
      }
      if (field !== 'comment') merged[field] = v;
    }
    for (const field of ['created', 'updated', 'resolved', 'closed'] as const) {
      const t = date(row, field);
      if (t !== undefined) times[field] = field === 'created' ? (times.created ?? t) : t;
    }
    const comment = get(row, 'comment');
    if (comment !== undefined) {
      // A note is the assignee's of the moment (the row's, else the one before it).
      const author = person(merged.assignee, undefined);
      interactions.push({ kind: 'note', author, body: comment, createdAt: when ?? times.created ?? 0 });
    }
  }
  const description = merged.description ?? '';
  return {
    kind: 'ticket',
    at,
    externalId:
      s.externalId ?? merged.external_id ?? `csv:${createHash('sha256').update(JSON.stringify(first.cells)).digest('hex').slice(0, 20)}`,
    ticket: {
      title: merged.title ?? description.split('\n')[0]!.slice(0, 120),
      description,
      status: merged.status,
      priority: merged.priority,
      category: merged.category?.toLowerCase(),
      channel: merged.channel?.toLowerCase(),
      tier: merged.tier,
      resolution: merged.resolution,
      createdAt: times.created,
      updatedAt: times.updated ?? (times.created !== undefined ? Math.max(times.created, ...history.map((h) => h.at)) : undefined),
      resolvedAt: times.resolved,
      closedAt: times.closed,
    },
    requester: person(merged.requester, merged.requester_name),
    assignee: person(merged.assignee, undefined),
    tags: (merged.tags ?? '')
      .split(/[,;|]/)
      .map((t) => t.trim().toLowerCase().replace(/\s+/g, '-'))
      .filter(Boolean),
    interactions,
    attachments: [],
    history,
  };
}

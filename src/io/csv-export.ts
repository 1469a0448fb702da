/**
 * `export csv`: tickets with the columns asked for (or every column), or the timelines; every cell
 * through domain/csv-cell.ts (a cell starting with = + - @ tab or CR is neutralised), times as ISO 8601.
 */
import { stringify } from 'csv-stringify/sync';
import { csvCell } from '../domain/csv-cell.js';
import { formatRef } from '../domain/ticket.js';
import { exportFlat, type FlatRow, type FlatTable } from '../store/export-tables.js';
import type { Desk } from '../store/desk.js';
import { EXIT, fail } from '../errors.js';
import type { Output } from './output-stream.js';

const time = (v: unknown) => (typeof v === 'number' ? new Date(v).toISOString() : null);
const ref = (v: unknown) => (typeof v === 'number' ? formatRef(v) : null);

/** Column name → how its cell is made from the flat row. */
const COLUMNS: Record<FlatTable, Record<string, (r: FlatRow) => unknown>> = {
  tickets: {
    ref: (r) => ref(r.id),
    title: (r) => r.title,
    status: (r) => r.status,
    priority: (r) => r.priority,
    category: (r) => r.category,
    channel: (r) => r.channel,
    tier: (r) => r.tier,
    requester: (r) => r.requester,
    requester_email: (r) => r.requester_email,
    assignee: (r) => r.assignee,
    tags: (r) => r.tags,
    created: (r) => time(r.created_at),
    updated: (r) => time(r.updated_at),
    first_response: (r) => time(r.first_response_at),
    resolved: (r) => time(r.resolved_at),
    closed: (r) => time(r.closed_at),
    next_due: (r) => time(r.next_due_at),
    external_id: (r) => r.external_id,
    resolution: (r) => r.resolution,
    description: (r) => r.description,
  },
  interactions: {
    ref: (r) => ref(r.ticket_id),
    kind: (r) => r.kind,
    author: (r) => r.author_name,
    created: (r) => time(r.created_at),
    minutes: (r) => r.minutes,
    body: (r) => r.body,
  },
};

export function csvColumns(table: FlatTable): string[] {
  return Object.keys(COLUMNS[table]);
}

export async function writeCsv(desk: Desk, out: Output, table: FlatTable, wanted?: readonly string[]): Promise<number> {
  const known = COLUMNS[table];
  const names = wanted?.length ? [...wanted] : Object.keys(known);
  for (const name of names)
    if (!(name in known)) fail(EXIT.invalid, `--columns: unknown column '${name}' (known: ${Object.keys(known).join(', ')})`);
  const cells = names.map((n) => known[n]!);
  await out.write(stringify([names]));
  let batch: unknown[][] = [];
  const flush = () => {
    const text = stringify(batch.map((row) => row.map(csvCell)));
    batch = [];
    return out.write(text);
  };
  const n = await exportFlat(desk, table, (row) => {
    batch.push(cells.map((cell) => cell(row)));
    if (batch.length >= 500) return flush();
  });
  if (batch.length) await flush();
  return n;
}

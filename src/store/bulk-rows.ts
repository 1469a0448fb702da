/**
 * The rows of a bulk write (./bulk.ts): the batch's people and tags, then chunks of tickets with their tags,
 * timelines, 'create' events and ticket-index rows, each chunk about 1.5 s of work inside the caller's transaction.
 */
import type Database from 'better-sqlite3';
import { auditAppender } from './audit-chain.js';
import type { BulkBatch, BulkSummary, BulkTicket } from './bulk-types.js';
import { plainSql } from './ticket-text.js';

export interface BatchIds {
  technicianIds: readonly number[];
  requesterIds: readonly number[];
  tagOf: ReadonlyMap<string, number>;
}

const TICKET_COLUMNS = [
  'id',
  'title',
  'description',
  'status',
  'priority',
  'priority_rank',
  'category',
  'channel',
  'requester_id',
  'assignee_id',
  'tier',
  'created_at',
  'updated_at',
  'first_response_at',
  'resolved_at',
  'closed_at',
  'first_response_due_at',
  'resolution_due_at',
  'next_due_at',
  'resolution',
  'version',
] as const;

/** Tickets between progress reports (and turns of the event loop, the connection still held). */
const REPORT_EVERY = 2_000;

interface ChunkState {
  /** Tickets of the batch written before this chunk. */
  done: number;
  batch: BulkBatch;
  summary: BulkSummary;
  chunkMs: number;
}

/** Writes tickets from `tickets` until the batch is done or the chunk has run `chunkMs`; inside the caller's transaction. */
export async function writeChunk(
  sqlite: Database.Database,
  ids: BatchIds,
  tickets: Iterator<BulkTicket>,
  { done, batch, summary, chunkMs }: ChunkState,
): Promise<{ done: number; more: boolean }> {
  const started = performance.now();
  const insertTicket = sqlite.prepare(
    `INSERT INTO tickets (${TICKET_COLUMNS.join(', ')}) VALUES (${TICKET_COLUMNS.map(() => '?').join(', ')})`,
  );
  const insertTag = sqlite.prepare('INSERT INTO ticket_tags (ticket_id, tag_id) VALUES (?, ?)');
  const insertInteraction = sqlite.prepare(
    'INSERT INTO interactions (ticket_id, kind, author_id, author_name, body, minutes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  // One 'create' event per ticket, chained by hash as the ticket is written (from the chain's head now).
  const appendEvent = auditAppender(sqlite);
  // The ticket index's triggers wait while this chunk writes; it indexes each ticket once, whole (006-ticket-fts).
  sqlite.prepare('INSERT OR IGNORE INTO ticket_fts_hold (held) VALUES (1)').run();
  const indexTicket = sqlite.prepare(
    `INSERT INTO ticket_fts (rowid, title, description, notes) VALUES (?, ${plainSql('?')}, ${plainSql('?')}, ${plainSql('?')})`,
  );
  const person = (list: readonly number[], index: number | null) => (index === null ? null : list[index]!);
  // Ids are taken inside this transaction: another process may have added tickets between chunks.
  const firstId = (sqlite.prepare('SELECT ifnull(max(id), 0) FROM tickets').pluck().get() as number) + 1;
  let id = firstId;
  while (done < batch.total) {
    const next = tickets.next();
    if (next.done) break;
    const t = next.value;
    // Positional, in TICKET_COLUMNS order: no object per row on the hot path.
    insertTicket.run(
      id,
      t.title,
      t.description,
      t.status,
      t.priority,
      t.priority_rank,
      t.category,
      t.channel,
      person(ids.requesterIds, t.requester),
      person(ids.technicianIds, t.assignee),
      t.tier,
      t.created_at,
      t.updated_at,
      t.first_response_at,
      t.resolved_at,
      t.closed_at,
      t.first_response_due_at,
      t.resolution_due_at,
      t.next_due_at,
      t.resolution,
      t.version,
    );
    appendEvent({ ticket_id: id, actor: batch.actor, at: t.created_at, action: 'create', field: null, old_value: null, new_value: null });
    summary.audit_events++;
    for (const tag of t.tags) insertTag.run(id, ids.tagOf.get(tag)!);
    for (const x of t.interactions) {
      insertInteraction.run(id, x.kind, person(ids.technicianIds, x.author), x.author_name, x.body, x.minutes, x.created_at);
    }
    const notes = t.interactions.filter((x) => x.kind !== 'system').map((x) => x.body);
    indexTicket.run(id, t.title, t.description, notes.join(' '));
    summary.ticket_tags += t.tags.length;
    summary.interactions += t.interactions.length;
    id++;
    done++;
    if (done % REPORT_EVERY === 0 && done < batch.total) {
      batch.onProgress?.(done, batch.total);
      await new Promise((resolve) => setImmediate(resolve));
      if (performance.now() - started >= chunkMs) break;
    }
  }
  sqlite.prepare('DELETE FROM ticket_fts_hold').run();
  if (id > firstId) {
    summary.first_id ??= firstId;
    summary.last_id = id - 1;
  }
  return { done, more: done < batch.total };
}

/** The people and tags of the batch (idempotent): their ids, which every chunk uses. */
export function writePeople(sqlite: Database.Database, batch: BulkBatch, summary: BulkSummary): BatchIds {
  const technicians = upsertByKey(
    sqlite,
    'INSERT INTO technicians (name, email, tier, active, created_at) VALUES (?, ?, ?, 1, ?) ON CONFLICT (email) DO NOTHING',
    'SELECT id FROM technicians WHERE email = ?',
    batch.technicians.map((t) => [t.email, t.name, t.email, t.tier, t.created_at]),
  );
  const requesters = upsertByKey(
    sqlite,
    'INSERT INTO requesters (name, email, phone, department, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING',
    'SELECT id FROM requesters WHERE email = ?',
    batch.requesters.map((r) => [r.email, r.name, r.email, r.phone, r.department, r.created_at]),
  );
  const tags = upsertByKey(
    sqlite,
    'INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING',
    'SELECT id FROM tags WHERE name = ?',
    batch.tagNames.map((name) => [name, name]),
  );
  summary.technicians = technicians.inserted;
  summary.requesters = requesters.inserted;
  summary.tags = tags.inserted;
  return {
    technicianIds: technicians.ids,
    requesterIds: requesters.ids,
    tagOf: new Map(batch.tagNames.map((name, i) => [name, tags.ids[i]!])),
  };
}

/** Inserts rows that may already exist (by a unique key); every row's id, in order, and how many were new. */
function upsertByKey(sqlite: Database.Database, insertSql: string, selectSql: string, rows: unknown[][]) {
  const insert = sqlite.prepare(insertSql);
  const select = sqlite.prepare(selectSql).pluck();
  const ids: number[] = [];
  let inserted = 0;
  for (const [key, ...params] of rows) {
    const result = insert.run(...params);
    if (result.changes === 1) inserted++;
    ids.push(result.changes === 1 ? Number(result.lastInsertRowid) : (select.get(key) as number));
  }
  return { ids, inserted };
}

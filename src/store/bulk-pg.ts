/**
 * The bulk write (./bulk.ts) on PostgreSQL: the same batch (people, tags, tickets with their tags,
 * timelines and 'create' events) in multi-row inserts (./bulk-pg-insert.ts), a transaction per chunk of
 * CHUNK_TICKETS tickets under the desk's write lock (withImmediate), so other technicians write in
 * between. Tickets take ids from max(id) + 1 inside their chunk's transaction (as on SQLite) and the
 * identity is moved past them before COMMIT. The run is recorded as on SQLite (./bulk-run.ts), so a
 * killed seed is reported and resumed. Search data (ticket_search, ticket_words) is kept by the schema's
 * triggers as the rows go in; there are no indexes to drop and build again.
 */
import type { Kysely } from 'kysely';
import { withImmediate } from '../db/immediate.js';
import { sessionAudit } from './audit-append.js';
import { insertRows } from './bulk-pg-insert.js';
import { finishRun, refuseNonEmpty, startRun } from './bulk-run.js';
import type { BulkBatch, BulkSummary, BulkTicket } from './bulk-types.js';
import type { Desk } from './desk.js';
import { keepIdentities } from './import-pg.js';
import { pgSession } from './write-session-pg.js';
import type { WriteSession } from './write-session.js';

/** Tickets per transaction (with their ~4 timeline entries and tags: about a second of work). */
export const CHUNK_TICKETS = 2_000;

const TICKET_COLUMNS = [
  'id', 'title', 'description', 'status', 'priority', 'priority_rank', 'category', 'channel', 'requester_id', 'assignee_id', 'tier',
  'created_at', 'updated_at', 'first_response_at', 'resolved_at', 'closed_at', 'first_response_due_at', 'resolution_due_at',
  'next_due_at', 'resolution', 'version',
] as const; // prettier-ignore
const INTERACTION_COLUMNS = ['ticket_id', 'kind', 'author_id', 'author_name', 'body', 'minutes', 'created_at'];
const AUDIT_COLUMNS = ['ticket_id', 'actor', 'at', 'action', 'field', 'old_value', 'new_value', 'digest', 'chain'];

interface Ids {
  technicianIds: readonly number[];
  requesterIds: readonly number[];
  tagOf: ReadonlyMap<string, number>;
}

const inTransaction = <T>(desk: Desk, fn: (session: WriteSession) => Promise<T>) =>
  withImmediate(desk.db, (trx) => fn(pgSession(trx as unknown as Kysely<unknown>)));

export async function writeBulkPg(desk: Desk, batch: BulkBatch): Promise<BulkSummary> {
  const summary: BulkSummary = {
    tickets: 0, requesters: 0, technicians: 0, tags: 0, ticket_tags: 0, interactions: 0, audit_events: 0, first_id: null, last_id: null,
  }; // prettier-ignore
  const resume = batch.resume;
  let runId = resume?.id ?? 0;
  const tickets = batch.tickets[Symbol.iterator]();
  for (let skip = resume?.done ?? 0; skip > 0 && !tickets.next().done;) skip--;
  let done = resume?.done ?? 0;
  const ids = await inTransaction(desk, async (session) => {
    refuseNonEmpty((await session.value<number>('SELECT count(*) FROM tickets'))!, batch.emptyOnly, resume);
    batch.onProgress?.(done, batch.total);
    const people = await writePeople(session, batch, summary);
    if (!resume) {
      const started = { total: batch.total, label: batch.label, resumeWith: batch.resumeWith, params: batch.params, indexes: [] };
      runId = await startRun(session, batch.actor, batch.now, started);
    }
    return people;
  });
  while (done < batch.total) {
    const wrote = await inTransaction(desk, (session) => writeChunk(session, ids, tickets, batch, summary));
    if (wrote === 0) break;
    done += wrote;
    if (done < batch.total) batch.onProgress?.(done, batch.total);
  }
  await inTransaction(desk, (session) => finishRun(session, runId, batch.actor, batch.now));
  summary.tickets = done - (resume?.done ?? 0);
  return summary;
}

/** Up to CHUNK_TICKETS tickets with their rows, in the caller's transaction; how many were written. */
async function writeChunk(session: WriteSession, ids: Ids, tickets: Iterator<BulkTicket>, batch: BulkBatch, summary: BulkSummary) {
  const firstId = (await session.value<number>('SELECT coalesce(max(id), 0) + 1 FROM tickets'))!;
  const person = (list: readonly number[], index: number | null) => (index === null ? null : list[index]!);
  const audit = sessionAudit(session);
  const rows = { tickets: [] as unknown[][], tags: [] as unknown[][], interactions: [] as unknown[][], audit: [] as unknown[][] };
  let id = firstId;
  for (let next = tickets.next(); !next.done; next = id - firstId < CHUNK_TICKETS ? tickets.next() : { done: true, value: undefined }) {
    const t = next.value;
    const ticket = { ...t, id, requester_id: person(ids.requesterIds, t.requester), assignee_id: person(ids.technicianIds, t.assignee) };
    rows.tickets.push(TICKET_COLUMNS.map((c) => ticket[c]));
    for (const tag of t.tags) rows.tags.push([id, ids.tagOf.get(tag)!]);
    for (const x of t.interactions)
      rows.interactions.push([id, x.kind, person(ids.technicianIds, x.author), x.author_name, x.body, x.minutes, x.created_at]);
    const event = { ticket_id: id, actor: batch.actor, at: t.created_at, action: 'create', field: null, old_value: null, new_value: null };
    const { digest, chain } = await audit.chain(event);
    rows.audit.push([...Object.values(event), digest, chain]);
    id++;
  }
  await insertRows(session, 'tickets', TICKET_COLUMNS, rows.tickets);
  await insertRows(session, 'ticket_tags', ['ticket_id', 'tag_id'], rows.tags);
  await insertRows(session, 'interactions', INTERACTION_COLUMNS, rows.interactions);
  await insertRows(session, 'audit_events', AUDIT_COLUMNS, rows.audit);
  await keepIdentities(session, ['tickets']);
  summary.ticket_tags += rows.tags.length;
  summary.interactions += rows.interactions.length;
  summary.audit_events += rows.audit.length;
  if (id > firstId) {
    summary.first_id ??= firstId;
    summary.last_id = id - 1;
  }
  return id - firstId;
}

/** The batch's people and tags (idempotent: ON CONFLICT DO NOTHING), and every one's id in the batch's order. */
async function writePeople(session: WriteSession, batch: BulkBatch, summary: BulkSummary): Promise<Ids> {
  const idsOf = async (table: string, key: string, keys: readonly string[]) => {
    const found = await session.all<{ id: number; key: string }>(`SELECT id, ${key} AS key FROM ${table} WHERE ${key} = ANY(?)`, keys);
    const byKey = new Map(found.map((r) => [r.key, r.id]));
    return keys.map((k) => byKey.get(k)!);
  };
  const technicians = batch.technicians.map((t) => [t.name, t.email, t.tier, 1, t.created_at]);
  summary.technicians = await insertRows(
    session,
    'technicians',
    ['name', 'email', 'tier', 'active', 'created_at'],
    technicians,
    'ON CONFLICT (email) DO NOTHING',
  );
  const requesters = batch.requesters.map((r) => [r.name, r.email, r.phone, r.department, r.created_at]);
  summary.requesters = await insertRows(
    session,
    'requesters',
    ['name', 'email', 'phone', 'department', 'created_at'],
    requesters,
    'ON CONFLICT (email) DO NOTHING',
  );
  summary.tags = await insertRows(
    session,
    'tags',
    ['name'],
    batch.tagNames.map((n) => [n]),
    'ON CONFLICT (name) DO NOTHING',
  );
  const tagIds = await idsOf('tags', 'name', batch.tagNames);
  return {
    technicianIds: await idsOf(
      'technicians',
      'email',
      batch.technicians.map((t) => t.email),
    ),
    requesterIds: await idsOf(
      'requesters',
      'email',
      batch.requesters.map((r) => r.email),
    ),
    tagOf: new Map(batch.tagNames.map((name, i) => [name, tagIds[i]!])),
  };
}

/**
 * Writes checked import tickets (./import-types.ts) inside the import's transaction with prepared
 * statements: a new external id creates the ticket with its people, tags, timeline, attachments and
 * history; a known one is updated when the record is newer than the stored ticket, else skipped.
 */
import type Database from 'better-sqlite3';
import { computeDue } from '../domain/sla/clocks.js';
import { initialState } from '../domain/ticket-rules.js';
import { PRIORITY_RANK, PUBLIC_KINDS, type InteractionKind } from '../domain/ticket.js';
import { auditAppender } from './audit-chain.js';
import type { BlobStore } from './attachment-files.js';
import { RecordProblem } from './import-problem.js';
import { peopleCache } from './import-people.js';
import type { ImportTicketIn, Outcome } from './import-types.js';
import type { SlaConfig } from './sla-config.js';
import { dueRefresher } from './sla-refresh-raw.js';

export interface WriterContext {
  sqlite: Database.Database;
  actor: string;
  now: number;
  config: SlaConfig;
  blobs: () => BlobStore;
  counts: Record<string, number>;
  /** Tickets whose free-text index must be rebuilt before COMMIT. */
  touched: Set<number>;
}

const COLUMNS = [
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
  'external_id',
  'created_at',
  'updated_at',
  'first_response_at',
  'resolved_at',
  'closed_at',
  'first_response_due_at',
  'resolution_due_at',
  'next_due_at',
  'resolution',
] as const;

/** When the ticket was first answered: as the record says, else its first public reply by a technician. */
function firstResponseOf(t: ImportTicketIn): number | null {
  const replied = t.interactions.find((x) => !x.byRequester && x.author && PUBLIC_KINDS.includes(x.kind as InteractionKind));
  return t.input.firstResponseAt ?? replied?.createdAt ?? null;
}

export function ticketWriter(w: WriterContext): (t: ImportTicketIn) => { outcome: Outcome; id: number } {
  const { sqlite } = w;
  const people = peopleCache(sqlite, w.now, w.counts);
  const audit = auditAppender(sqlite);
  const refreshDue = dueRefresher(sqlite, w.config, audit);
  const bump = (what: string, n = 1) => (w.counts[what] = (w.counts[what] ?? 0) + n);
  const q = {
    byExternal: sqlite.prepare('SELECT id, updated_at, status FROM tickets WHERE external_id = ?'),
    insert: sqlite.prepare(`INSERT INTO tickets (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`),
    update: sqlite.prepare(
      `UPDATE tickets SET title = ?, description = ?, status = ?, priority = ?, priority_rank = ?, category = ?, channel = ?,
         tier = ?, resolution = ?, updated_at = ?, resolved_at = ?, closed_at = ?, first_response_at = ifnull(first_response_at, ?),
         version = version + 1 WHERE id = ?`,
    ),
    link: sqlite.prepare('INSERT OR IGNORE INTO ticket_tags (ticket_id, tag_id) VALUES (?, ?)'),
    interaction: sqlite.prepare(
      'INSERT INTO interactions (ticket_id, kind, author_id, author_name, body, minutes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    lastInteraction: sqlite.prepare('SELECT ifnull(max(created_at), 0) FROM interactions WHERE ticket_id = ?').pluck(),
    attachment: sqlite.prepare(
      'INSERT INTO attachments (ticket_id, interaction_id, name, content_type, size, sha256, added_by, created_at) VALUES (?, NULL, ?, ?, ?, ?, ?, ?)',
    ),
  };

  const addTimeline = (id: number, t: ImportTicketIn, after: number) => {
    for (const x of t.interactions) {
      if (x.createdAt <= after) continue;
      const authorId = x.author && !x.byRequester ? people.technician(x.author) : null;
      q.interaction.run(id, x.kind, authorId, x.author?.name ?? 'system', x.body, x.minutes, x.createdAt);
      bump('interactions');
    }
    for (const a of t.attachments) {
      if ((a.createdAt ?? t.input.createdAt ?? w.now) <= after) continue;
      q.attachment.run(id, a.name, a.contentType, a.data.byteLength, w.blobs().put(a.data), w.actor, a.createdAt ?? w.now);
      bump('attachments');
    }
  };

  const create = (t: ImportTicketIn): number => {
    const input = t.input;
    const requesterId = t.requester ? people.requester(t.requester) : null;
    const assigneeId = t.assignee ? people.technician(t.assignee) : null;
    const createdAt = input.createdAt ?? w.now;
    const updatedAt = input.updatedAt ?? createdAt;
    const start = initialState(input.status, updatedAt, input.resolution, assigneeId === null ? [] : ['assigned']);
    if (!start.ok) throw new RecordProblem(t.place, start.field, start.error);
    const status = start.set.status!;
    const firstResponseAt = firstResponseOf(t);
    const due = computeDue(
      { createdAt, statuses: [{ at: createdAt, status }], firstResponseAt },
      w.config.policy[input.priority],
      w.config.calendars[input.priority],
    );
    const stamp = (given: number | null | undefined, set: number | null | undefined) => (set == null ? null : (given ?? set));
    const id = Number(
      q.insert.run(
        input.title,
        input.description,
        status,
        input.priority,
        PRIORITY_RANK[input.priority],
        input.category,
        input.channel,
        requesterId,
        assigneeId,
        input.tier,
        t.externalId,
        createdAt,
        updatedAt,
        firstResponseAt,
        stamp(input.resolvedAt, start.set.resolved_at),
        stamp(input.closedAt, start.set.closed_at),
        due.first_response_due_at,
        due.resolution_due_at,
        due.next_due_at,
        start.set.resolution ?? null,
      ).lastInsertRowid,
    );
    audit({ ticket_id: id, actor: w.actor, at: createdAt, action: 'create', field: null, old_value: null, new_value: null });
    for (const c of t.history) {
      audit({ ticket_id: id, actor: c.actor ?? w.actor, at: c.at, action: 'update', field: c.field, old_value: c.from, new_value: c.to });
    }
    for (const tag of input.tags) q.link.run(id, people.tag(tag));
    addTimeline(id, t, -Infinity);
    bump('tickets');
    return id;
  };

  const update = (t: ImportTicketIn, id: number, before: string): void => {
    const input = t.input;
    const updatedAt = input.updatedAt ?? w.now;
    const after = q.lastInteraction.get(id) as number;
    const terminal = (s: string, at: number | null | undefined) => (input.status === s ? (at ?? updatedAt) : null);
    q.update.run(
      input.title,
      input.description,
      input.status,
      input.priority,
      PRIORITY_RANK[input.priority],
      input.category,
      input.channel,
      input.tier,
      input.resolution,
      updatedAt,
      input.status === 'closed' ? (input.resolvedAt ?? updatedAt) : terminal('resolved', input.resolvedAt),
      terminal('closed', input.closedAt),
      firstResponseOf(t),
      id,
    );
    if (before !== input.status) {
      audit({
        ticket_id: id,
        actor: w.actor,
        at: updatedAt,
        action: 'update',
        field: 'status',
        old_value: before,
        new_value: input.status,
      });
    }
    for (const tag of input.tags) q.link.run(id, people.tag(tag));
    addTimeline(id, t, after);
    // As any update does (./sla.ts refreshDue): status, priority or a first reply move the due times.
    refreshDue(id, w.now);
  };

  return (t) => {
    const found =
      t.externalId === null
        ? undefined
        : (q.byExternal.get(t.externalId) as { id: number; updated_at: number; status: string } | undefined);
    if (!found) {
      const id = create(t);
      w.touched.add(id);
      return { outcome: 'created', id };
    }
    if ((t.input.updatedAt ?? 0) <= found.updated_at) return { outcome: 'skipped', id: found.id };
    update(t, found.id, found.status);
    w.touched.add(found.id);
    bump('tickets updated');
    return { outcome: 'updated', id: found.id };
  };
}

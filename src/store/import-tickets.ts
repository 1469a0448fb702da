/**
 * Writes checked import tickets (./import-types.ts) in the import's transaction through its write session
 * (either dialect): a new external id creates the ticket with its people, tags, timeline, attachments and
 * history; a known one is updated when the record is newer than the stored ticket, else skipped.
 */
import { computeDue } from '../domain/sla/clocks.js';
import { initialState } from '../domain/ticket-rules.js';
import { PRIORITY_RANK, PUBLIC_KINDS, type InteractionKind } from '../domain/ticket.js';
import { sessionAudit } from './audit-append.js';
import type { BlobStore } from './attachment-files.js';
import { RecordProblem } from './import-problem.js';
import { peopleCache } from './import-people.js';
import type { ImportTicketIn, Outcome } from './import-types.js';
import type { SlaConfig } from './sla-config.js';
import { dueRefresher } from './sla-refresh-raw.js';
import type { IntakeOps, TicketFields } from './sync/intake-ops.js';
import type { WriteSession } from './write-session.js';

export interface WriterContext {
  session: WriteSession;
  actor: string;
  now: number;
  config: SlaConfig;
  blobs: () => BlobStore;
  counts: Record<string, number>;
  /** Tickets whose free-text index must be rebuilt before COMMIT. */
  touched: Set<number>;
  /** Tables given rows with the file's own ids. */
  explicitIds?: Set<string>;
  /** On a desk that takes part in sync: what was written, for its operations (./sync/intake-ops.ts). */
  sync?: IntakeOps;
}

/** The columns an import writes, in the order of the insert's parameters. */
const COLUMNS = (
  'title description status priority priority_rank category channel requester_id assignee_id tier ' +
  'external_id created_at updated_at first_response_at resolved_at closed_at first_response_due_at resolution_due_at next_due_at resolution'
).split(' ');

/** When the ticket was first answered: as the record says, else its first public reply by a technician. */
function firstResponseOf(t: ImportTicketIn): number | null {
  const replied = t.interactions.find((x) => !x.byRequester && x.author && PUBLIC_KINDS.includes(x.kind as InteractionKind));
  return t.input.firstResponseAt ?? replied?.createdAt ?? null;
}

export function ticketWriter(w: WriterContext): (t: ImportTicketIn) => Promise<{ outcome: Outcome; id: number }> {
  const { session, sync } = w;
  const people = peopleCache(session, w.now, w.counts);
  const audit = sessionAudit(session).append;
  const refreshDue = dueRefresher(session, w.config, audit);
  const bump = (what: string, n = 1) => (w.counts[what] = (w.counts[what] ?? 0) + n);
  const q = {
    byExternal: 'SELECT id, updated_at, status, title, priority, category, tier, resolution FROM tickets WHERE external_id = ?',
    insert: `INSERT INTO tickets (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
    insertWithId: `INSERT INTO tickets (id, ${COLUMNS.join(', ')}) VALUES (?, ${COLUMNS.map(() => '?').join(', ')})`,
    update: `UPDATE tickets SET title = ?, description = ?, status = ?, priority = ?, priority_rank = ?, category = ?, channel = ?,
         tier = ?, resolution = ?, updated_at = ?, resolved_at = ?, closed_at = ?, first_response_at = coalesce(first_response_at, ?),
         version = version + 1 WHERE id = ?`,
    link: 'INSERT INTO ticket_tags (ticket_id, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
    interaction:
      'INSERT INTO interactions (ticket_id, kind, author_id, author_name, body, minutes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    lastInteraction: 'SELECT coalesce(max(created_at), 0) FROM interactions WHERE ticket_id = ?',
    attachment:
      'INSERT INTO attachments (ticket_id, interaction_id, name, content_type, size, sha256, added_by, created_at) VALUES (?, NULL, ?, ?, ?, ?, ?, ?)',
  };

  // An insert's id where sync notes it (./sync/intake-ops.ts); a plain desk runs the statement as before.
  const add = (text: string, ...params: unknown[]) => (sync ? session.insert(text, ...params) : session.run(text, ...params));
  const addTimeline = async (id: number, t: ImportTicketIn, after: number) => {
    for (const x of t.interactions) {
      if (x.createdAt <= after) continue;
      const authorId = x.author && !x.byRequester ? await people.technician(x.author) : null;
      const entryId = await add(q.interaction, id, x.kind, authorId, x.author?.name ?? 'system', x.body, x.minutes, x.createdAt);
      sync?.entry(id, entryId);
      bump('interactions');
    }
    for (const a of t.attachments) {
      if ((a.createdAt ?? t.input.createdAt ?? w.now) <= after) continue;
      const [hash, at] = [w.blobs().put(a.data), a.createdAt ?? w.now];
      const fileId = await add(q.attachment, id, a.name, a.contentType, a.data.byteLength, hash, w.actor, at);
      sync?.attachment(id, fileId);
      bump('attachments');
    }
  };

  const create = async (t: ImportTicketIn): Promise<number> => {
    const input = t.input;
    const requesterId = t.requester ? await people.requester(t.requester) : null;
    const assigneeId = t.assignee ? await people.technician(t.assignee) : null;
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
    // On a replica a new ticket has a provisional id until sync gives it the server's, as in ./tickets.ts.
    const provisional = sync ? await sync.ticketId() : null;
    const values = [
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
    ];
    if (provisional !== null) await session.run(q.insertWithId, provisional, ...values);
    const id = provisional ?? (await session.insert(q.insert, ...values));
    sync?.created(id);
    await audit({ ticket_id: id, actor: w.actor, at: createdAt, action: 'create', field: null, old_value: null, new_value: null });
    for (const c of t.history) {
      await audit({
        ticket_id: id,
        actor: c.actor ?? w.actor,
        at: c.at,
        action: 'update',
        field: c.field,
        old_value: c.from,
        new_value: c.to,
      });
    }
    for (const tag of input.tags) await session.run(q.link, id, await people.tag(tag));
    await addTimeline(id, t, -Infinity);
    bump('tickets');
    return id;
  };

  const update = async (t: ImportTicketIn, { id, status: before, ...fields }: TicketFields): Promise<void> => {
    const input = t.input;
    const updatedAt = input.updatedAt ?? w.now;
    const after = (await session.value<number>(q.lastInteraction, id))!;
    const terminal = (s: string, at: number | null | undefined) => (input.status === s ? (at ?? updatedAt) : null);
    await session.run(
      q.update,
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
      await audit({
        ticket_id: id,
        actor: w.actor,
        at: updatedAt,
        action: 'update',
        field: 'status',
        old_value: before,
        new_value: input.status,
      });
    }
    for (const tag of input.tags) await session.run(q.link, id, await people.tag(tag));
    sync?.updated(id, { id, status: before, ...fields }, input.tags);
    await addTimeline(id, t, after);
    // As any update does (./sla.ts refreshDue): status, priority or a first reply move the due times.
    await refreshDue(id, w.now);
  };

  return async (t) => {
    const found = t.externalId === null ? undefined : await session.get<TicketFields>(q.byExternal, t.externalId);
    if (!found) {
      const id = await create(t);
      w.touched.add(id);
      return { outcome: 'created', id };
    }
    if ((t.input.updatedAt ?? 0) <= found.updated_at) return { outcome: 'skipped', id: found.id };
    await update(t, found);
    w.touched.add(found.id);
    bump('tickets updated');
    return { outcome: 'updated', id: found.id };
  };
}

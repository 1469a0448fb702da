/**
 * The operations of the long writes (mail intake, `import`: ../mail-intake.ts, ../import-tickets.ts),
 * which write through a write session, not through ../tickets.ts: they note what they wrote (ids, in
 * order) and the operations are built from the rows once per batch, before COMMIT, in sets of
 * INTAKE_ROWS: a ticket's create (with its requester and tags) before its timeline entries, an entry
 * (with the status move it caused) before its files, as an ordinary create, comment and attach record
 * them. On a replica a new ticket takes a provisional id, as ../tickets.ts gives one. A desk outside
 * sync gets no collector at all (`intakeOps` returns undefined): the writers then do nothing more.
 */
import type { TicketRow, TicketUpdate } from '../../db/schema.js';
import type { Executor } from '../executor.js';
import { placeOf } from './entry-place.js';
import type { AttachmentBody, OpBody, RequesterPerson } from './ops.js';
import { provisionalIds, recordOps, type TicketOp } from './record.js';
import { syncRoleOf } from './role.js';
import { createOp, interactionOps } from './write-ops.js';

type Noted =
  | { kind: 'create'; ticketId: number }
  | { kind: 'entry'; ticketId: number; id: number; set: TicketUpdate }
  | { kind: 'attachment'; ticketId: number; id: number }
  | { kind: 'update'; ticketId: number; before: TicketFields; tags: readonly string[] };

/** A ticket's single-valued fields as an import reads them before it updates the ticket. */
export interface TicketFields {
  id: number;
  updated_at: number;
  status: string;
  title: string;
  priority: string;
  category: string | null;
  tier: string;
  resolution: string | null;
}

export interface IntakeOps {
  /** True on a replica (a laptop), false on the server. */
  readonly replica: boolean;
  /** A new ticket's id: provisional on a replica, null on the server (the table numbers it). */
  ticketId(): Promise<number | null>;
  created(ticketId: number): void;
  /** A timeline entry, with the ticket's columns it set (a requester's reply reopening it). */
  entry(ticketId: number, id: number, set?: TicketUpdate): void;
  attachment(ticketId: number, id: number): void;
  /** A ticket an import updated: a set per field that changed (as ./write-ops.ts `changeOps`), its tags added. */
  updated(ticketId: number, before: TicketFields, tags: readonly string[]): void;
  /** Where the notes stand, and back to there (a message rolled back to its savepoint). */
  mark(): number;
  undo(mark: number): void;
  /** Records the operations of everything noted (call before COMMIT). */
  flush(now: number): Promise<void>;
}

/** Rows read (and operations recorded) per set. */
const INTAKE_ROWS = 500;

export function intakeOps(trx: Executor): IntakeOps | undefined {
  const role = syncRoleOf(trx);
  if (!role) return undefined;
  const noted: Noted[] = [];
  let next: number | null | undefined;
  return {
    replica: role.kind === 'replica',
    async ticketId() {
      if (role.kind !== 'replica') return null;
      // Provisional ids count down; one look-up per batch, then the next below the last given.
      next = next == null ? (await provisionalIds(trx, 1))![0]! : next - 1;
      return next;
    },
    created: (ticketId) => void noted.push({ kind: 'create', ticketId }),
    entry: (ticketId, id, set = {}) => void noted.push({ kind: 'entry', ticketId, id, set }),
    attachment: (ticketId, id) => void noted.push({ kind: 'attachment', ticketId, id }),
    updated: (ticketId, before, tags) => void noted.push({ kind: 'update', ticketId, before, tags }),
    mark: () => noted.length,
    undo: (mark) => void noted.splice(mark),
    async flush(now) {
      for (let i = 0; i < noted.length; i += INTAKE_ROWS) await recordOps(trx, await opsOf(trx, noted.slice(i, i + INTAKE_ROWS)), now);
      noted.length = 0;
    },
  };
}

/** The columns a set of each field an import writes carries (status: the stamps the import set with it). */
const UPDATE_COLUMNS = {
  status: ['status', 'resolved_at', 'closed_at'],
  priority: ['priority', 'priority_rank'],
  title: ['title'],
  category: ['category'],
  tier: ['tier'],
  resolution: ['resolution'],
} as const;

function updateOps(before: TicketFields, after: TicketRow, tags: readonly string[]): OpBody[] {
  const ops: OpBody[] = [];
  for (const [field, keys] of Object.entries(UPDATE_COLUMNS) as [keyof typeof UPDATE_COLUMNS, readonly (keyof TicketRow)[]][]) {
    if (before[field] === after[field]) continue;
    const columns = Object.fromEntries(keys.map((k) => [k, after[k]]));
    ops.push({ kind: 'set', body: { field, value: after[field] === null ? null : String(after[field]), columns, base: null } });
  }
  if (tags.length) ops.push({ kind: 'tags', body: { add: [...tags], remove: [] } });
  return ops;
}

const idsOf = (noted: readonly Noted[], kind: Noted['kind']) =>
  noted.filter((n) => n.kind === kind).map((n) => ('id' in n ? n.id : n.ticketId));

async function opsOf(trx: Executor, noted: readonly Noted[]): Promise<TicketOp[]> {
  const creates = await createsOf(trx, idsOf(noted, 'create'));
  const updateIds = idsOf(noted, 'update');
  const updated = new Map(
    updateIds.length ? (await trx.selectFrom('tickets').selectAll().where('id', 'in', updateIds).execute()).map((r) => [r.id, r]) : [],
  );
  const entryIds = idsOf(noted, 'entry');
  const entryRows = entryIds.length
    ? await trx
        .selectFrom('interactions')
        .leftJoin('technicians', 'technicians.id', 'interactions.author_id')
        .selectAll('interactions')
        .select('technicians.email as author_email')
        .where('interactions.id', 'in', entryIds)
        .execute()
    : [];
  const entries = new Map(entryRows.map((r) => [r.id, r]));
  const fileIds = idsOf(noted, 'attachment');
  const files = new Map(
    fileIds.length ? (await trx.selectFrom('attachments').selectAll().where('id', 'in', fileIds).execute()).map((r) => [r.id, r]) : [],
  );
  const ops: TicketOp[] = [];
  for (const n of noted) {
    if (n.kind === 'create') ops.push({ ticketId: n.ticketId, op: creates.get(n.ticketId)! });
    else if (n.kind === 'update')
      for (const op of updateOps(n.before, updated.get(n.ticketId)!, n.tags)) ops.push({ ticketId: n.ticketId, op });
    else if (n.kind === 'entry')
      for (const op of interactionOps(entries.get(n.id)!, entries.get(n.id)!.author_email, n.set)) ops.push({ ticketId: n.ticketId, op });
    else {
      const r = files.get(n.id)!;
      const entry = r.interaction_id === null ? null : await placeOf(trx, n.ticketId, r.interaction_id);
      const { name, content_type, size, sha256, added_by, created_at } = r;
      const body: AttachmentBody = { name, content_type, size: Number(size), sha256, added_by, created_at: Number(created_at), entry };
      ops.push({ ticketId: n.ticketId, op: { kind: 'attachment', body } });
    }
  }
  return ops;
}

/** The create operations of new tickets, their rows, people and tags read in one query each. */
async function createsOf(trx: Executor, ids: readonly number[]): Promise<Map<number, OpBody>> {
  if (ids.length === 0) return new Map();
  const rows = await trx.selectFrom('tickets').selectAll().where('id', 'in', ids).execute();
  const requesterIds = [...new Set(rows.flatMap((r) => (r.requester_id === null ? [] : [r.requester_id])))];
  const assigneeIds = [...new Set(rows.flatMap((r) => (r.assignee_id === null ? [] : [r.assignee_id])))];
  const requesters = new Map<number, RequesterPerson>(
    requesterIds.length
      ? (
          await trx
            .selectFrom('requesters')
            .select(['id', 'name', 'email', 'phone', 'department'])
            .where('id', 'in', requesterIds)
            .execute()
        ).map((r) => [r.id, r])
      : [],
  );
  const assignees = new Map(
    assigneeIds.length
      ? (await trx.selectFrom('technicians').select(['id', 'email']).where('id', 'in', assigneeIds).execute()).map((r) => [r.id, r.email])
      : [],
  );
  const tags = new Map<number, string[]>();
  const tagRows = await trx
    .selectFrom('ticket_tags')
    .innerJoin('tags', 'tags.id', 'ticket_tags.tag_id')
    .select(['ticket_tags.ticket_id', 'tags.name'])
    .where('ticket_tags.ticket_id', 'in', ids)
    .orderBy('tags.name')
    .execute();
  for (const t of tagRows) tags.set(t.ticket_id, [...(tags.get(t.ticket_id) ?? []), t.name]);
  const person = (id: number | null) => (id === null ? null : (requesters.get(id) ?? null));
  return new Map(
    rows.map((r) => [
      r.id,
      createOp(r, person(r.requester_id), r.assignee_id === null ? null : (assignees.get(r.assignee_id) ?? null), tags.get(r.id) ?? []),
    ]),
  );
}

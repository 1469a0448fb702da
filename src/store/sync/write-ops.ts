/**
 * The operations (./ops.ts) a write makes, built from what the write path already holds: the row it
 * inserted, the columns it set and the audit trail's field changes (store/audit.ts), the entry it added.
 */
import type { InteractionRow, TicketRow, TicketUpdate } from '../../db/schema.js';
import type { FieldChange } from '../audit.js';
import type { Executor } from '../executor.js';
import type { OpBody, RequesterPerson } from './ops.js';
import { recordOps } from './record.js';

/** A created ticket's operation: its row as written, people by email (the requester in full: they may be new here). */
export function createOp(row: TicketRow, requester: RequesterPerson | null, assignee: string | null, tags: readonly string[]): OpBody {
  const { id: _id, requester_id: _r, assignee_id: _a, group_id: _g, parent_id: _p, change_seq: _c, version: _v, ...rest } = row;
  const person = requester && { name: requester.name, email: requester.email, phone: requester.phone, department: requester.department };
  return { kind: 'create', body: { row: rest, requester: requester?.email ?? null, assignee, tags: [...tags], requester_person: person } };
}

/** Logical field → the columns of `set` it writes (status takes what the status rules set). */
const COLUMNS: Record<string, readonly string[]> = {
  title: ['title'],
  category: ['category'],
  tier: ['tier'],
  priority: ['priority', 'priority_rank'],
  resolution: ['resolution'],
  assignee: [],
  group: [], // by name: the group is looked up (or made) where the operation is applied (./apply-people.ts)
};
const NOT_STATUS = new Set(['title', 'category', 'tier', 'priority', 'priority_rank', 'assignee_id', 'group_id']);

/** A ticket change's operations: one per single-valued field changed, one for its tags. */
export function changeOps(set: TicketUpdate, log: readonly FieldChange[], assigneeEmail: string | null): OpBody[] {
  const ops: OpBody[] = [];
  const pick = (keys: readonly string[]) => Object.fromEntries(keys.filter((k) => k in set).map((k) => [k, set[k as keyof TicketUpdate]]));
  for (const c of log) {
    if (c.field === 'status')
      ops.push({
        kind: 'set',
        body: { field: 'status', value: c.new, columns: pick(Object.keys(set).filter((k) => !NOT_STATUS.has(k))), base: null },
      });
    else if (c.field === 'assignee')
      ops.push({ kind: 'set', body: { field: 'assignee', value: c.new, columns: {}, assignee: assigneeEmail, base: null } });
    else if (COLUMNS[c.field])
      ops.push({ kind: 'set', body: { field: c.field, value: c.new, columns: pick(COLUMNS[c.field]!), base: null } });
  }
  const tags = log.find((c) => c.field === 'tags');
  if (tags) {
    const [old, now] = [tags.old, tags.new].map((v) => (v ? v.split(',') : []));
    ops.push({ kind: 'tags', body: { add: now!.filter((t) => !old!.includes(t)), remove: old!.filter((t) => !now!.includes(t)) } });
  }
  return ops;
}

/** Records a ticket change's operations (nothing on a desk outside sync). */
export async function recordChange(
  trx: Executor,
  ticketId: number,
  set: TicketUpdate,
  log: readonly FieldChange[],
  assigneeEmail: string | null,
  now: number,
): Promise<void> {
  const ops = changeOps(set, log, assigneeEmail);
  await recordOps(
    trx,
    ops.map((op) => ({ ticketId, op })),
    now,
  );
}

/** A timeline entry's operations: the entry, and the status move it caused (a set like any other). */
export function interactionOps(row: InteractionRow, authorEmail: string | null, set: TicketUpdate): OpBody[] {
  const entry: OpBody = {
    kind: 'interaction',
    body: {
      kind: row.kind,
      body: row.body,
      minutes: row.minutes,
      author_name: row.author_name,
      author_email: authorEmail,
      created_at: row.created_at,
      first_response_at: (set.first_response_at as number | undefined) ?? null,
    },
  };
  if (set.status === undefined) return [entry];
  const { first_response_at: _f, ...columns } = set;
  return [entry, { kind: 'set', body: { field: 'status', value: String(set.status), columns, base: null } }];
}

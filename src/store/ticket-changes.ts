/**
 * Changing tickets: field changes with status rules, compare-and-set on `version`, due times
 * recomputed and one audit event per changed field — all inside the caller's transaction.
 */
import type { TicketUpdate } from '../db/schema.js';
import { withImmediate } from '../db/immediate.js';
import { canTransition, PRIORITY_RANK, TRANSITIONS, type Priority, type Status, type Tier } from '../domain/ticket.js';
import { EXIT, fail } from '../errors.js';
import { describeChange, latestChange, recordEvent, type FieldChange } from './audit.js';
import type { Actor, Executor } from './executor.js';
import { recomputeDue } from './sla.js';
import { addTags, removeTags } from './tags.js';
import { resolveAssignee } from './tickets.js';
import { getTicket, type TicketView } from './ticket-view.js';

export interface TicketChanges {
  title?: string;
  status?: Status;
  priority?: Priority;
  category?: string;
  tier?: Tier;
  /** 'me', 'none', a technician's name or email. */
  assignee?: string;
  resolution?: string;
  addTags?: string[];
  removeTags?: string[];
}

export interface ChangeOptions {
  ifVersion?: number;
  now?: number;
  action?: string;
}

export interface Changed {
  ticket: TicketView;
  changes: FieldChange[];
}

/** Side effects of entering a status, as data. */
const ON_ENTER: Partial<Record<Status, (now: number, t: TicketView) => TicketUpdate>> = {
  resolved: (now) => ({ resolved_at: now, closed_at: null }),
  closed: (now, t) => ({ closed_at: now, resolved_at: t.resolved_at ?? now }),
  open: (_now, t) => (t.status === 'resolved' || t.status === 'closed' ? { resolved_at: null, closed_at: null, resolution: null } : {}),
};

export async function updateTicket(
  db: Executor,
  id: number,
  changes: TicketChanges,
  actor: Actor,
  opts: ChangeOptions = {},
): Promise<Changed> {
  return withImmediate(db, (trx) => applyChanges(trx, id, changes, actor, opts));
}

/** Applies the same changes to many tickets in one transaction: all or nothing. */
export async function updateTickets(
  db: Executor,
  ids: readonly number[],
  changes: TicketChanges,
  actor: Actor,
  opts: ChangeOptions = {},
): Promise<Changed[]> {
  return withImmediate(db, async (trx) => {
    const out: Changed[] = [];
    for (const id of ids) out.push(await applyChanges(trx, id, changes, actor, opts));
    return out;
  });
}

export async function applyChanges(
  trx: Executor,
  id: number,
  changes: TicketChanges,
  actor: Actor,
  opts: ChangeOptions = {},
): Promise<Changed> {
  const now = opts.now ?? Date.now();
  const before = await getTicket(trx, id);
  if (opts.ifVersion !== undefined && opts.ifVersion !== before.version) {
    const last = await latestChange(trx, id);
    fail(
      EXIT.conflict,
      `${before.ref} is at version ${before.version}, not ${opts.ifVersion}: ${last[0]?.actor ?? 'someone'} changed ${describeChange(last)}`,
    );
  }
  const set: TicketUpdate = {};
  const log: FieldChange[] = [];
  const change = <K extends keyof TicketUpdate>(field: K, from: unknown, to: TicketUpdate[K], shown: unknown = to) => {
    if (from === to) return;
    set[field] = to;
    log.push({
      field,
      old: from === null || from === undefined ? null : String(from),
      new: shown === null || shown === undefined ? null : String(shown),
    });
  };

  if (changes.title !== undefined) change('title', before.title, changes.title);
  if (changes.category !== undefined) change('category', before.category, changes.category);
  if (changes.tier !== undefined) change('tier', before.tier, changes.tier);
  if (changes.priority !== undefined && changes.priority !== before.priority) {
    change('priority', before.priority, changes.priority);
    set.priority_rank = PRIORITY_RANK[changes.priority];
  }
  if (changes.assignee !== undefined) {
    const assigneeId = await resolveAssignee(trx, changes.assignee, actor);
    if (assigneeId !== before.assignee_id) {
      const name =
        assigneeId === null
          ? null
          : (await trx.selectFrom('technicians').select('name').where('id', '=', assigneeId).executeTakeFirstOrThrow()).name;
      change('assignee_id', before.assignee?.name ?? null, assigneeId, name);
      log[log.length - 1]!.field = 'assignee';
      if (before.status === 'new' && assigneeId !== null && changes.status === undefined) changes = { ...changes, status: 'open' };
    }
  }
  if (changes.resolution !== undefined) change('resolution', before.resolution, changes.resolution);
  if (changes.status !== undefined && changes.status !== before.status) {
    if (!canTransition(before.status as Status, changes.status)) {
      fail(
        EXIT.invalid,
        `${before.ref} cannot go from ${before.status} to ${changes.status} (allowed: ${TRANSITIONS[before.status as Status].join(', ')})`,
      );
    }
    change('status', before.status, changes.status);
    Object.assign(set, ON_ENTER[changes.status]?.(now, before) ?? {});
  }

  const tagLog = await changeTags(trx, before, changes);
  if (log.length === 0 && tagLog.length === 0) return { ticket: before, changes: [] };

  const result = await trx
    .updateTable('tickets')
    .set({ ...set, updated_at: now, version: before.version + 1 })
    .where('id', '=', id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) fail(EXIT.conflict, `${before.ref} changed while it was being updated: try again`);
  const all = [...log, ...tagLog];
  await recordEvent(trx, id, actor, opts.action ?? 'update', all, now);
  await recomputeDue(trx, id, now);
  return { ticket: await getTicket(trx, id), changes: all };
}

async function changeTags(trx: Executor, before: TicketView, changes: TicketChanges): Promise<FieldChange[]> {
  const add = (changes.addTags ?? []).filter((t) => !before.tags.includes(t));
  const remove = (changes.removeTags ?? []).filter((t) => before.tags.includes(t));
  if (add.length === 0 && remove.length === 0) return [];
  await addTags(trx, before.id, add);
  await removeTags(trx, before.id, remove);
  const after = [...before.tags.filter((t) => !remove.includes(t)), ...add].sort();
  return [{ field: 'tags', old: before.tags.join(',') || null, new: after.join(',') || null }];
}

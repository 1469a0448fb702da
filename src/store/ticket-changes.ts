/**
 * Changing tickets: field changes, status moves as domain/ticket-rules.ts decides them, compare-and-set
 * on `version`, due times recomputed and one audit event per changed field — all inside the caller's
 * transaction. The SLA settings are loaded once per batch; the changed ticket is returned as written.
 */
import type { TicketUpdate } from '../db/schema.js';
import { withImmediate } from '../db/immediate.js';
import { autoMove, moveTo, react, type Decision, type RuleFields, type TicketState } from '../domain/ticket-rules.js';
import { PRIORITY_RANK, type Priority, type Status, type Tier } from '../domain/ticket.js';
import { EXIT, fail } from '../errors.js';
import { describeChange, latestChange, recordEvent, type FieldChange } from './audit.js';
import { guardResolve } from './checklists.js';
import { SYSTEM_ACTOR, type Actor, type Executor } from './executor.js';
import { refreshDue } from './sla.js';
import { loadSlaConfig, type SlaConfig } from './sla-config.js';
import { changeTags, tagsAfter } from './ticket-tag-changes.js';
import { resolveGroup } from './groups.js';
import { resolveAssignee } from './technicians.js';
import { getTicket, ticketViews, type Person, type TicketView } from './ticket-view.js';
import { learnPending } from './triage-learn.js';
import { notifyChanged } from './chat-notify.js';
import { recordChange } from './sync/write-ops.js';

export interface TicketChanges {
  title?: string;
  status?: Status;
  priority?: Priority;
  category?: string;
  tier?: Tier;
  /** 'me', 'none', a technician's name or email. */
  assignee?: string;
  /** 'none' or a group's name (store/groups.ts). */
  group?: string;
  resolution?: string;
  addTags?: string[];
  removeTags?: string[];
}

export interface ChangeOptions {
  ifVersion?: number;
  /** Per ticket (bulk writes): the version each must still be at, else nothing is written. */
  ifVersions?: Readonly<Record<number, number>>;
  now?: number;
  action?: string;
  /** Resolve a service request with required checklist items open, for this reason (audited). */
  force?: string;
  /** Why (an escalation's reason), for the chat notification it may cause. */
  reason?: string;
}

export interface Changed {
  ticket: TicketView;
  changes: FieldChange[];
}

export async function updateTicket(
  db: Executor,
  id: number,
  changes: TicketChanges,
  actor: Actor,
  opts: ChangeOptions = {},
): Promise<Changed> {
  return (await updateTickets(db, [id], changes, actor, opts))[0]!;
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
    const config = await loadSlaConfig(trx);
    const out: Changed[] = [];
    for (const before of await viewsOf(trx, ids)) out.push(await changeTicket(trx, before, changes, actor, opts, config));
    return out;
  });
}

/** The tickets of `ids` in that order, failing on the first that does not exist. */
export async function viewsOf(trx: Executor, ids: readonly number[]): Promise<TicketView[]> {
  const views = await ticketViews(trx, ids);
  if (views.length < ids.length)
    await getTicket(
      trx,
      ids.find((id) => !views.some((v) => v.id === id))!,
    );
  return views;
}

export async function applyChanges(
  trx: Executor,
  id: number,
  changes: TicketChanges,
  actor: Actor,
  opts: ChangeOptions = {},
): Promise<Changed> {
  return changeTicket(trx, await getTicket(trx, id), changes, actor, opts, await loadSlaConfig(trx));
}

/** The changes to one ticket as read in this transaction (`before`), under the SLA settings given. */
export async function changeTicket(
  trx: Executor,
  before: TicketView,
  changes: TicketChanges,
  actor: Actor,
  opts: ChangeOptions,
  config: SlaConfig,
): Promise<Changed> {
  const now = opts.now ?? Date.now();
  const expected = opts.ifVersions?.[before.id] ?? opts.ifVersion;
  if (expected !== undefined && expected !== before.version) {
    const last = await latestChange(trx, before.id);
    fail(EXIT.conflict, `${before.ref} was changed since version ${expected} (now version ${before.version}): ${describeChange(last)}`);
  }
  const set: TicketUpdate = {};
  const log: FieldChange[] = [];
  const change = <K extends keyof TicketUpdate>(
    field: K,
    from: unknown,
    to: TicketUpdate[K],
    shown: unknown = to,
    name: string = field,
  ) => {
    if (from === to) return;
    set[field] = to;
    log.push({ field: name, old: from == null ? null : String(from), new: shown == null ? null : String(shown) });
  };

  if (changes.title !== undefined) change('title', before.title, changes.title);
  if (changes.category !== undefined) change('category', before.category, changes.category);
  if (changes.tier !== undefined) change('tier', before.tier, changes.tier);
  if (changes.priority !== undefined && changes.priority !== before.priority) {
    change('priority', before.priority, changes.priority);
    set.priority_rank = PRIORITY_RANK[changes.priority];
  }
  let assignee: Person | null = before.assignee;
  if (changes.assignee !== undefined) {
    assignee = await resolveAssignee(trx, changes.assignee, actor);
    if ((assignee?.id ?? null) !== before.assignee_id)
      change('assignee_id', before.assignee?.name ?? null, assignee?.id ?? null, assignee?.name ?? null, 'assignee');
  }
  let group = before.group;
  if (changes.group !== undefined) {
    const found = await resolveGroup(trx, changes.group);
    group = found && { id: found.id, name: found.name };
    if ((group?.id ?? null) !== before.group_id) {
      set.group_id = group?.id ?? null;
      log.push({ field: 'group', old: before.group?.name ?? null, new: group?.name ?? null });
    }
  }
  const rules = statusRules(before, changes, set.assignee_id, now);
  if (changes.resolution !== undefined && rules.resolution !== undefined) change('resolution', before.resolution, rules.resolution);
  if (rules.status !== undefined) change('status', before.status, rules.status);
  if (rules.status !== undefined) await guardResolve(trx, before, rules.status, actor, opts.force, now);
  Object.assign(set, rules);

  const tagLog = await changeTags(trx, before, changes);
  if (log.length === 0 && tagLog.length === 0) return { ticket: before, changes: [] };

  const result = await trx
    .updateTable('tickets')
    .set({ ...set, updated_at: now, version: before.version + 1 })
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) fail(EXIT.conflict, `${before.ref} changed while it was being updated: try again`);
  const all = [...log, ...tagLog];
  // A move nobody asked for (an assignment opening a new ticket) is its own event, naming its rule.
  const auto = changes.status === undefined && rules.status !== undefined ? autoMove(before.status as Status, 'assigned') : undefined;
  const asked = auto ? all.filter((c) => c.field !== 'status') : all;
  if (auto)
    await recordEvent(trx, before.id, SYSTEM_ACTOR, `rule:${auto.rule}`, [{ field: 'status', old: before.status, new: auto.to }], now);
  await recordEvent(trx, before.id, actor, opts.action ?? 'update', asked, now);
  await recordChange(trx, before.id, set, all, assignee?.email ?? null, now);
  const written = { ...before, ...set, updated_at: now, version: before.version + 1 } as TicketView;
  const due = await refreshDue(trx, written, now, config);
  if (set.status === 'resolved' || set.status === 'closed') await learnPending(trx);
  const after = { ...written, ...due, assignee, group, tags: tagsAfter(before, changes) };
  await notifyChanged(trx, before, after, actor, opts, now);
  return { ticket: after, changes: all };
}

/** The status fields the rules of domain/ticket-rules.ts write for these changes (a move asked for, or one an assignment causes). */
function statusRules(before: TicketView, changes: TicketChanges, assigneeId: number | null | undefined, now: number): RuleFields {
  const state = before as TicketState;
  let decision: Decision;
  if (changes.status !== undefined) decision = moveTo(state, changes.status, now, changes.resolution);
  else if (changes.resolution !== undefined) decision = moveTo(state, state.status, now, changes.resolution);
  else return assigneeId == null ? {} : react(state, 'assigned', now);
  if (decision.ok) return decision.set;
  return fail(
    EXIT.invalid,
    decision.field === 'status' ? `${before.ref} ${decision.error}` : `${before.ref}: resolution: ${decision.error}`,
  );
}

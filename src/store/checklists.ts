/**
 * A service request's checklist and identity checks: reading them, ticking items (audited, the
 * ticket's version moves so other faces see it), and the guard every move to resolved goes through.
 */
import { withImmediate } from '../db/immediate.js';
import { blockerMessage, forceable, GUARDED_STATUSES, ResolveBlocked, resolveBlockers, type ChecklistItem } from '../domain/checklist.js';
import { checkText } from '../domain/text-rules.js';
import { EXIT, fail } from '../errors.js';
import { recordEvent } from './audit.js';
import { ITEM_ACTIONS } from './checklist-actions.js';
import type { Actor, Executor } from './executor.js';
import { recordCheckOp, recordVerifyOp } from './sync/record-link.js';
import { getTicket, type TicketView } from './ticket-view.js';

export interface RequestInfo {
  template: string;
  fields: Record<string, string>;
  verifyIdentity: boolean;
}

export interface Verification {
  method: string;
  verifiedBy: string;
  verifiedAt: number;
}

export async function checklistOf(db: Executor, ticketId: number): Promise<ChecklistItem[]> {
  const rows = await db.selectFrom('ticket_checklist_items').selectAll().where('ticket_id', '=', ticketId).orderBy('position').execute();
  return rows.map((r) => ({
    position: r.position,
    text: r.text,
    required: r.required === 1,
    action: r.action,
    doneAt: r.done_at,
    doneBy: r.done_by,
  }));
}

export async function requestOf(db: Executor, ticketId: number): Promise<RequestInfo | null> {
  const row = await db.selectFrom('ticket_requests').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();
  if (!row) return null;
  return { template: row.template, fields: JSON.parse(row.fields) as Record<string, string>, verifyIdentity: row.verify_identity === 1 };
}

export async function verificationsOf(db: Executor, ticketId: number): Promise<Verification[]> {
  const rows = await db.selectFrom('identity_verifications').selectAll().where('ticket_id', '=', ticketId).orderBy('id').execute();
  return rows.map((r) => ({ method: r.method, verifiedBy: r.verified_by, verifiedAt: r.verified_at }));
}

/** Bumps the ticket's version (compare-and-set) so an open console sees the change; fails on a race. */
async function touch(trx: Executor, before: TicketView, now: number, ifVersion?: number): Promise<void> {
  if (ifVersion !== undefined && ifVersion !== before.version)
    fail(EXIT.conflict, `${before.ref} was changed since version ${ifVersion} (now version ${before.version})`);
  const r = await trx
    .updateTable('tickets')
    .set({ updated_at: now, version: before.version + 1 })
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) fail(EXIT.conflict, `${before.ref} changed while it was being updated: try again`);
}

export interface TickResult {
  ticket: TicketView;
  item: ChecklistItem;
  changed: boolean;
  /** What the item's action did, in words (empty when it has none or nothing changed). */
  did: string[];
}

/** Ticks (or unticks) item `position` of a ticket's checklist; one audit event per change. */
export async function setItemDone(
  db: Executor,
  ticketId: number,
  position: number,
  done: boolean,
  actor: Actor,
  opts: { now?: number; ifVersion?: number } = {},
): Promise<TickResult> {
  const now = opts.now ?? Date.now();
  return withImmediate(db, async (trx) => {
    const before = await getTicket(trx, ticketId);
    const items = await checklistOf(trx, ticketId);
    if (items.length === 0) fail(EXIT.notFound, `${before.ref} has no checklist`);
    const item = items.find((i) => i.position === position);
    if (!item) fail(EXIT.notFound, `${before.ref} has no checklist item ${position} (1–${items.length})`);
    if ((item.doneAt !== null) === done) return { ticket: before, item, changed: false, did: [] };
    await trx
      .updateTable('ticket_checklist_items')
      .set(done ? { done_at: now, done_by: actor.name } : { done_at: null, done_by: null })
      .where('ticket_id', '=', ticketId)
      .where('position', '=', position)
      .execute();
    await touch(trx, before, now, opts.ifVersion);
    await recordCheckOp(trx, ticketId, position, done, actor, now);
    const state = (d: boolean) => (d ? 'done' : 'open');
    await recordEvent(
      trx,
      ticketId,
      actor,
      done ? 'check' : 'uncheck',
      [{ field: `item ${position}`, old: state(!done), new: state(done) }],
      now,
    );
    const run = done && item.action ? ITEM_ACTIONS[item.action] : undefined;
    const did = run ? await run(trx, before, actor, now) : [];
    const ticket = { ...before, updated_at: now, version: before.version + 1 };
    return { ticket, item: { ...item, doneAt: done ? now : null, doneBy: done ? actor.name : null }, changed: true, did };
  });
}

/**
 * Records who verified the requester's identity, and how (the method already checked against the
 * fixed list); a note (what was seen, whom was called) goes into the same audit event.
 */
export async function recordVerification(
  db: Executor,
  ticketId: number,
  method: string,
  actor: Actor,
  now = Date.now(),
  note = '',
): Promise<TicketView> {
  const said = checkText('note', note, 'text').trim();
  return withImmediate(db, async (trx) => {
    const before = await getTicket(trx, ticketId);
    await trx
      .insertInto('identity_verifications')
      .values({ ticket_id: ticketId, method, verified_by: actor.name, verifier_id: actor.id, verified_at: now })
      .execute();
    await touch(trx, before, now);
    await recordVerifyOp(trx, ticketId, method, said, actor, now);
    const noted = said ? [{ field: 'identity note', old: null, new: said }] : [];
    await recordEvent(trx, ticketId, actor, 'verify', [{ field: 'identity', old: null, new: method }, ...noted], now);
    return { ...before, updated_at: now, version: before.version + 1 };
  });
}

/**
 * The guard on a move to resolved (or straight to closed): a request with required items open is
 * refused (exit 3) unless forced with a reason, which is audited; an unverified identity always is.
 */
export async function guardResolve(trx: Executor, before: TicketView, to: string, actor: Actor, force: string | undefined, now: number) {
  if (!GUARDED_STATUSES.includes(to) || GUARDED_STATUSES.includes(before.status)) return;
  const request = await requestOf(trx, before.id);
  if (!request) return;
  const blockers = resolveBlockers({
    items: await checklistOf(trx, before.id),
    verifyIdentity: request.verifyIdentity,
    verified: (await verificationsOf(trx, before.id)).length > 0,
  });
  if (blockers.length === 0) return;
  const reason = force === undefined ? '' : checkText('force', force, 'text').trim();
  if (!reason || !forceable(blockers)) throw new ResolveBlocked(blockerMessage(before.ref, blockers), forceable(blockers));
  const open = blockers.flatMap((b) => (b.kind === 'items' ? b.open.map((i) => i.position) : []));
  await recordEvent(trx, before.id, actor, 'force', [{ field: 'open items', old: open.join(','), new: reason }], now);
}

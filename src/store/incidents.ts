/**
 * Major incidents: a parent ticket with children (`ticket parent HD-12 --children HD-13,HD-14`, the
 * console's mark and P). One level only: a parent is no child and a child no parent. Resolving the
 * parent resolves each of its open children with the same resolution and one public reply each.
 */
import { withImmediate } from '../db/immediate.js';
import { OPEN_STATUSES, formatRef } from '../domain/ticket.js';
import { EXIT, fail } from '../errors.js';
import { recordEvent } from './audit.js';
import type { Actor, Executor } from './executor.js';
import { appendInteraction } from './interactions.js';
import type { SlaConfig } from './sla-config.js';
import { settleAfterOwnMove } from './sync/parent-conflicts.js';
import { recordParentOp } from './sync/record-link.js';
import { changeTicket, viewsOf, type Changed } from './ticket-changes.js';
import { getTicket } from './ticket-view.js';

/** Makes `children` children of `parent` (a child of another parent moves); returns the refs that changed. */
export async function setParent(
  db: Executor,
  parent: number,
  children: readonly number[],
  actor: Actor,
  now = Date.now(),
): Promise<string[]> {
  if (children.length === 0) fail(EXIT.usage, '--children: name at least one ticket');
  if (children.includes(parent)) fail(EXIT.invalid, `${formatRef(parent)} cannot be its own child`);
  return withImmediate(db, (trx) => moveChildren(trx, parent, children, actor, now));
}

/** setParent inside the caller's transaction (settling a sync conflict on a parent takes the lost move again with it). */
export async function moveChildren(
  trx: Executor,
  parent: number,
  children: readonly number[],
  actor: Actor,
  now: number,
): Promise<string[]> {
  const top = await getTicket(trx, parent);
  if (top.parent_id !== null) fail(EXIT.invalid, `${top.ref} is a child of ${formatRef(top.parent_id)}: a parent cannot be a child`);
  const changed: string[] = [];
  for (const child of await viewsOf(trx, [...new Set(children)])) {
    if (child.parent_id === parent) continue;
    const own = await trx.selectFrom('tickets').select('id').where('parent_id', '=', child.id).limit(1).executeTakeFirst();
    if (own) fail(EXIT.invalid, `${child.ref} is a parent itself (of ${formatRef(own.id)}): a child cannot have children`);
    await trx
      .updateTable('tickets')
      .set({ parent_id: parent, updated_at: now, version: child.version + 1 })
      .where('id', '=', child.id)
      .where('version', '=', child.version)
      .execute();
    const old = child.parent_id === null ? null : formatRef(child.parent_id);
    await recordEvent(trx, child.id, actor, 'parent', [{ field: 'parent', old, new: top.ref }], now);
    await recordParentOp(trx, child.id, parent, actor, now);
    changed.push(child.ref);
  }
  if (changed.length) await settleAfterOwnMove(trx, now);
  return changed;
}

/** The ids of a ticket's children still open (new, open, pending, on hold). */
async function openChildren(trx: Executor, parent: number): Promise<number[]> {
  const rows = await trx
    .selectFrom('tickets')
    .select('id')
    .where('parent_id', '=', parent)
    .where('status', 'in', OPEN_STATUSES)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Inside the resolving transaction: each open child of the parents just resolved gets one public
 * reply and the parent's resolution.
 */
export async function resolveChildren(
  trx: Executor,
  parents: readonly Changed[],
  actor: Actor,
  now: number,
  config: SlaConfig,
): Promise<Changed[]> {
  const out: Changed[] = [];
  for (const { ticket: parent } of parents) {
    const resolution = parent.resolution ?? '';
    for (const child of await viewsOf(trx, await openChildren(trx, parent.id))) {
      const reply = `This was part of ${parent.ref}, now resolved: ${resolution}`;
      const { ticket } = await appendInteraction(trx, child, { kind: 'reply', body: reply }, actor, now, config);
      const changes = { status: 'resolved' as const, resolution };
      const changed = await changeTicket(trx, ticket, changes, actor, { action: 'resolve', now }, config);
      const note = await appendInteraction(
        trx,
        changed.ticket,
        { kind: 'system', body: `Resolved with ${parent.ref}` },
        actor,
        now,
        config,
      );
      out.push({ ...changed, ticket: note.ticket });
    }
  }
  return out;
}

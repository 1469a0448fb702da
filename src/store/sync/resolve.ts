/**
 * Settling a sync conflict, the one function both faces call (`deskline sync resolve`, the console's
 * conflict list): keep the value that won, or take the one that lost, which is an ordinary change of
 * the field (audited, and on a replica an operation that syncs like any other edit). Either way the
 * conflict is marked resolved here and, through a `resolve` operation, on every other desk.
 */
import { withImmediate } from '../../db/immediate.js';
import { parseRef, type Priority, type Status, type Tier } from '../../domain/ticket.js';
import { EXIT, fail } from '../../errors.js';
import type { Actor, Executor } from '../executor.js';
import { moveChildren } from '../incidents.js';
import { applyChanges, type TicketChanges } from '../ticket-changes.js';
import { applyResolve } from './apply.js';
import type { ResolveBody } from './ops.js';
import { recordOps } from './record.js';

export type Take = ResolveBody['take'];
export const TAKES: readonly Take[] = ['kept', 'lost'];

/** A field's value as sync_fields keeps it → the change that sets it again. */
const CHANGE: Record<string, (v: string | null) => TicketChanges> = {
  status: (v) => ({ status: v as Status }),
  priority: (v) => ({ priority: v as Priority }),
  assignee: (v) => ({ assignee: v ?? 'none' }),
  title: (v) => ({ title: v ?? '' }),
  category: (v) => ({ category: v ?? '' }),
  tier: (v) => ({ tier: v as Tier }),
  resolution: (v) => ({ resolution: v ?? '' }),
  group: (v) => ({ group: v ?? 'none' }),
};

export interface Resolution {
  id: number;
  ticketId: number;
  field: string;
  take: Take;
  /** The field's value now. */
  value: string | null;
}

export async function resolveConflict(db: Executor, id: number, take: Take, actor: Actor, now = Date.now()): Promise<Resolution> {
  return withImmediate(db, async (trx) => {
    const c =
      (await trx.selectFrom('sync_conflicts').selectAll().where('id', '=', id).executeTakeFirst()) ??
      fail(EXIT.notFound, `no sync conflict ${id} (deskline sync conflicts lists the open ones)`);
    if (c.resolved_at !== null) fail(EXIT.conflict, `sync conflict ${id} is resolved already`);
    const lostParent = c.field === 'parent' ? parseRef(c.lost ?? '') : null;
    const change = CHANGE[c.field];
    if (!change && lostParent === null) fail(EXIT.invalid, `sync conflict ${id}: field ${c.field} cannot be set again here`);
    // A parent undone to keep one level: the move again, refused as `ticket parent` refuses it while what stood against it stands.
    if (take === 'lost' && lostParent !== null) await moveChildren(trx, lostParent, [c.ticket_id], actor, now);
    else if (take === 'lost') await applyChanges(trx, c.ticket_id, change!(c.lost), actor, { now, action: 'sync-resolve' });
    const body: ResolveBody = { conflict: c.op_id, take, by: actor.name, at: now };
    await applyResolve(trx, body);
    await recordOps(trx, [{ ticketId: c.ticket_id, op: { kind: 'resolve', body } }], now);
    return { id, ticketId: c.ticket_id, field: c.field, take, value: take === 'lost' ? c.lost : c.kept };
  });
}

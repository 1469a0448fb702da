/**
 * Stamps of the values that merge as "later by clock wins" besides the ticket fields: a pair's link
 * and a checklist item's tick. They are kept in sync_fields like a field's, under a name of their
 * own: a link under the lower ticket id as `link:<higher id>` (so either way it was stored, one
 * pair has one stamp), an item as `item:<position>`, a ticket's parent as `parent`. The server notes the stamp of what it writes
 * itself; every desk notes it when it applies an operation, and an older one then changes nothing.
 * A replica notes none for its own writes: they come back from the server in its order and are
 * applied again there, when their ids are the server's.
 */
import type { Executor } from '../executor.js';
import { FieldStamps } from './field-stamps.js';
import type { SyncOp } from './ops.js';
import { syncRoleOf } from './role.js';

export interface StampKey {
  ticketId: number;
  field: string;
  value: string | null;
}

/** Where a link, check or parent operation's stamp is kept (null for the other kinds). */
export function stampKey(op: SyncOp, ticketId: number): StampKey | null {
  if (op.kind === 'link') {
    const [low, high] = ticketId < op.body.other ? [ticketId, op.body.other] : [op.body.other, ticketId];
    return { ticketId: low, field: `link:${high}`, value: op.body.kind };
  }
  if (op.kind === 'parent') return { ticketId, field: 'parent', value: String(op.body.parent) };
  if (op.kind === 'check') return { ticketId, field: `item:${op.body.position}`, value: op.body.done ? 'done' : null };
  return null;
}

/** On the server: notes the stamps of operations it just recorded for its own writes. */
export async function noteOwnStamps(trx: Executor, ops: readonly SyncOp[]): Promise<void> {
  if (syncRoleOf(trx)?.kind !== 'server') return;
  const fields = new FieldStamps(trx);
  for (const op of ops) {
    const key = stampKey(op, op.ticket_id);
    if (key) fields.set(key.ticketId, key.field, { hlc: op.op_id, value: key.value });
  }
  await fields.flush();
}

/** True (and the stamp noted) when `op` is later than what its pair or item last took. */
export async function laterThanNoted(fields: FieldStamps, op: SyncOp, ticketId: number): Promise<boolean> {
  const key = stampKey(op, ticketId);
  if (!key) return true;
  const current = await fields.get(key.ticketId, key.field);
  if (current !== null && current.hlc >= op.op_id) return false;
  fields.set(key.ticketId, key.field, { hlc: op.op_id, value: key.value });
  return true;
}

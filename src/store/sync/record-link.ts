/** A link set or removed, an item ticked, a parent set, an identity checked, a merge: recorded as sync operations (./ops.ts) inside the write's transaction. */
import type { Actor, Executor } from '../executor.js';
import { noteOwnStamps } from './op-stamps.js';
import { noteMerge } from './apply-merge.js';
import { recordOps } from './record.js';
import { syncRoleOf } from './role.js';

/** `kind` null: the pair's link removed. */
export async function recordLinkOp(trx: Executor, from: number, to: number, kind: string | null, actor: Actor, now: number) {
  const ops = await recordOps(trx, [{ ticketId: from, op: { kind: 'link', body: { other: to, kind, by: actor.name, at: now } } }], now);
  await noteOwnStamps(trx, ops);
}

/** A checklist item ticked or unticked. */
export async function recordCheckOp(trx: Executor, ticketId: number, position: number, done: boolean, actor: Actor, now: number) {
  const ops = await recordOps(trx, [{ ticketId, op: { kind: 'check', body: { position, done, by: actor.name, at: now } } }], now);
  await noteOwnStamps(trx, ops);
}

/** A ticket made a child of `parent`. */
export async function recordParentOp(trx: Executor, child: number, parent: number, actor: Actor, now: number) {
  const ops = await recordOps(trx, [{ ticketId: child, op: { kind: 'parent', body: { parent, by: actor.name, at: now } } }], now);
  await noteOwnStamps(trx, ops);
}

/** A requester's identity checked on a request (an audit event's worth: method, who, when). */
export async function recordVerifyOp(trx: Executor, ticketId: number, method: string, note: string, actor: Actor, now: number) {
  const body = { method, by: actor.name, email: actor.email ?? null, at: now, note };
  await recordOps(trx, [{ ticketId, op: { kind: 'verify', body } }], now);
}

/** A ticket merged into another (its entries from before `now` moved there); the server keeps it for entries that come later. */
export async function recordMergeOp(trx: Executor, source: number, into: number, actor: Actor, now: number) {
  const body = { into, by: actor.name, at: now };
  const [op] = await recordOps(trx, [{ ticketId: source, op: { kind: 'merge', body } }], now);
  if (op && syncRoleOf(trx)?.kind === 'server') await noteMerge(trx, source, op.op_id, body);
}

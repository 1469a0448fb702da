/**
 * Settling parents (./parent-rule.ts) where a move can be undone: on a replica after a pull, on the
 * server after a push or its own `ticket parent`. Only the server records what was undone: a conflict
 * operation (field `parent`, kept nothing, lost the parent wanted, with the reason) applied there and
 * logged, so every desk gets the same record and system note once, as for a field's concurrent edit.
 */
import { formatRef } from '../../domain/ticket.js';
import type { Executor } from '../executor.js';
import { applyConflict } from './apply.js';
import type { ConflictBody, ParentBody } from './ops.js';
import { settleParents, type Actor, type Undone } from './parent-rule.js';
import { recordOps } from './record.js';
import { syncRoleOf } from './role.js';

/** Parent operations just applied, as a log or outbox row holds them. */
interface ParentRow {
  op_id: string;
  ticket_id: number;
  kind: string;
  payload: string;
}

function actorsOf(rows: readonly ParentRow[]): Map<number, Actor> {
  const actors = new Map<number, Actor>();
  for (const r of rows.filter((r) => r.kind === 'parent')) {
    const body = JSON.parse(r.payload) as ParentBody;
    actors.set(Number(r.ticket_id), { parent: body.parent, by: body.by, at: body.at });
  }
  return actors;
}

/** After applying a batch of operations: settles when any was a parent's; on the server, records what was undone. Returns the count. */
export async function settleAfterBatch(trx: Executor, rows: readonly ParentRow[], now = Date.now()): Promise<number> {
  if (!rows.some((r) => r.kind === 'parent')) return 0;
  const undone = await settleParents(trx, actorsOf(rows));
  if (syncRoleOf(trx)?.kind !== 'server') return 0;
  const fresh = new Set(rows.filter((r) => r.kind === 'parent').map((r) => r.op_id));
  return recordUndone(
    trx,
    undone.filter((u) => u.wasHeld || fresh.has(u.move.stamp)),
    now,
  );
}

/** After the server's own `ticket parent` (which keeps the rule itself, but may let an older move back that undoes another). */
export async function settleAfterOwnMove(trx: Executor, now: number): Promise<void> {
  if (syncRoleOf(trx)?.kind !== 'server') return;
  const undone = await settleParents(trx);
  await recordUndone(
    trx,
    undone.filter((u) => u.wasHeld),
    now,
  );
}

async function recordUndone(trx: Executor, undone: readonly Undone[], now: number): Promise<number> {
  for (const u of undone) {
    const body: ConflictBody = {
      field: 'parent',
      kept: null,
      lost: formatRef(u.move.parent),
      kept_hlc: u.by.stamp,
      lost_hlc: u.move.stamp,
      pushed_op: u.move.stamp,
      reason: `${u.reason} (one level only)`,
    };
    const [op] = await recordOps(trx, [{ ticketId: u.move.child, op: { kind: 'conflict', body } }], now);
    await applyConflict(trx, u.move.child, op!.op_id, body);
  }
  return undone.length;
}

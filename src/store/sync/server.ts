/**
 * The server's side of sync: accepting a replica's operations and giving them one order (sync_ops.seq),
 * and reading the log after a sequence number. Accepting runs under the desk's write lock (db/immediate.ts),
 * so the log's order is the order of commits: a puller never skips an operation committed late.
 * Idempotent by op id: a push retried after a broken connection changes nothing the second time.
 */
import { withImmediate } from '../../db/immediate.js';
import { EXIT, fail } from '../../errors.js';
import type { Executor } from '../executor.js';
import { applyCreate, applyOp, applyConflict, type SetOutcome } from './apply.js';
import { opColumns, type ConflictBody, type SetBody, type SyncOp } from './ops.js';
import { nextStamp, receiveStamp, syncRoleOf } from './role.js';

export interface Accepted {
  accepted: number;
  duplicates: number;
  conflicts: number;
}

export async function acceptOps(server: Executor, ops: readonly SyncOp[], now = Date.now()): Promise<Accepted> {
  const role = syncRoleOf(server);
  if (role?.kind !== 'server') return fail(EXIT.usage, 'sync: the desk pushed to is not a PostgreSQL server desk');
  return withImmediate(server, async (trx) => {
    const ids = ops.map((op) => op.op_id);
    const seen = new Set(
      ids.length ? (await trx.selectFrom('sync_ops').select('op_id').where('op_id', 'in', ids).execute()).map((r) => r.op_id) : [],
    );
    const out: Accepted = { accepted: 0, duplicates: 0, conflicts: 0 };
    for (const op of ops) {
      if (seen.has(op.op_id)) {
        out.duplicates++;
        continue;
      }
      seen.add(op.op_id);
      receiveStamp(trx, op.op_id, now);
      const provisional = op.ticket_id < 0 && op.kind === 'create' ? op.ticket_id : null;
      const ticketId = provisional !== null ? await applyCreate(trx, op.body as never, null) : await serverTicket(trx, op.ticket_id);
      if (provisional !== null)
        await trx.insertInto('sync_ticket_map').values({ provisional_id: provisional, ticket_id: ticketId }).execute();
      const outcome = provisional !== null ? null : await applyOp(trx, op, ticketId);
      await log(trx, { ...op, ticket_id: ticketId }, op.device, provisional, now);
      if (outcome?.concurrent) {
        await recordConflict(trx, op as SyncOp & { body: SetBody }, ticketId, outcome, now);
        out.conflicts++;
      }
      out.accepted++;
    }
    return out;
  });
}

/** The server's id of a ticket an operation names (a provisional id was mapped when its create arrived). */
async function serverTicket(trx: Executor, id: number): Promise<number> {
  if (id > 0) return id;
  const found = await trx.selectFrom('sync_ticket_map').select('ticket_id').where('provisional_id', '=', id).executeTakeFirst();
  return found?.ticket_id ?? fail(EXIT.invalid, `sync: an operation names provisional ticket ${id} before its create`);
}

async function log(trx: Executor, op: SyncOp, device: string, provisional: number | null, now: number) {
  await trx
    .insertInto('sync_ops')
    .values({ ...opColumns(op), device, provisional_id: provisional, received_at: now })
    .execute();
}

/** A set that met a concurrent one: a conflict operation, applied here and logged for every replica. */
async function recordConflict(trx: Executor, op: SyncOp & { body: SetBody }, ticketId: number, outcome: SetOutcome, now: number) {
  const theirs = { hlc: outcome.current!.hlc, value: outcome.current!.value };
  const mine = { hlc: op.op_id, value: op.body.value };
  const [kept, lost] = outcome.won ? [mine, theirs] : [theirs, mine];
  const body: ConflictBody = {
    field: op.body.field,
    kept: kept.value,
    lost: lost.value,
    kept_hlc: kept.hlc,
    lost_hlc: lost.hlc,
    pushed_op: op.op_id,
  };
  const stamp = nextStamp(trx, now);
  await applyConflict(trx, ticketId, stamp, body);
  await log(
    trx,
    { kind: 'conflict', body, op_id: stamp, device: syncRoleOf(trx)!.device, ticket_id: ticketId },
    syncRoleOf(trx)!.device,
    null,
    now,
  );
}

export interface LoggedOp {
  seq: number;
  op: SyncOp;
  provisional_id: number | null;
}

/** The log after `after`, in order, at most `limit` operations. */
export async function opsAfter(server: Executor, after: number, limit: number): Promise<LoggedOp[]> {
  const rows = await server.selectFrom('sync_ops').selectAll().where('seq', '>', after).orderBy('seq').limit(limit).execute();
  return rows.map((r) => ({
    seq: r.seq,
    provisional_id: r.provisional_id,
    op: { op_id: r.op_id, device: r.device, ticket_id: r.ticket_id, kind: r.kind, body: JSON.parse(r.payload) } as SyncOp,
  }));
}

export async function lastSeq(server: Executor): Promise<number> {
  const row = await server
    .selectFrom('sync_ops')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/**
 * The server's side of sync: accepting a replica's operations and giving them one order (sync_ops.seq),
 * and reading the log after a sequence number. Accepting runs under the desk's write lock (db/immediate.ts),
 * so the log's order is the order of commits: a puller never skips an operation committed late.
 * Idempotent by op id: a push retried after a broken connection changes nothing the second time.
 */
import { withImmediate } from '../../db/immediate.js';
import { EXIT, fail } from '../../errors.js';
import type { Executor } from '../executor.js';
import { applyCreates, applyOp, applyConflict, type SetOutcome } from './apply.js';
import { applyEntries, TechnicianIds, type Entry } from './apply-entries.js';
import { FieldStamps } from './field-stamps.js';
import { opColumns, type ConflictBody, type CreateBody, type SetBody, type SyncOp } from './ops.js';
import { insertJsonRows } from './json-rows.js';
import { settleAfterBatch } from './parent-conflicts.js';
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
    const people = new TechnicianIds(trx);
    const known = await serverTickets(trx, ops);
    // Timeline entries wait to be inserted together, until an operation that is not a field or tag change.
    const entries: Entry[] = [];
    const flush = () => applyEntries(trx, entries.splice(0), people);
    const batch = { fields: new FieldStamps(trx), people };
    const changed = ops.filter((op) => op.kind === 'set').map((op) => known.get(op.ticket_id) ?? op.ticket_id);
    await batch.fields.load(changed.filter((id) => id > 0));
    const logged: LogRow[] = [];
    const mapped = new Map<number, number>();
    for (let i = 0; i < ops.length;) {
      // A run of tickets made offline is inserted in a few statements.
      const run: SyncOp[] = [];
      for (; i < ops.length && ops[i]!.kind === 'create' && ops[i]!.ticket_id < 0 && !seen.has(ops[i]!.op_id); i++) {
        seen.add(ops[i]!.op_id);
        run.push(ops[i]!);
      }
      if (run.length) {
        await flush();
        run.forEach((op) => receiveStamp(trx, op.op_id, now));
        const ids = await applyCreates(
          trx,
          run.map((op) => ({ body: op.body as CreateBody, id: null })),
        );
        run.forEach((op, k) => mapped.set(op.ticket_id, ids[k]!));
        run.forEach((op, k) => logged.push(logRow({ ...op, ticket_id: ids[k]! }, op.device, op.ticket_id, now)));
        out.accepted += run.length;
        continue;
      }
      let op = ops[i++]!;
      if (seen.has(op.op_id)) {
        out.duplicates++;
        continue;
      }
      seen.add(op.op_id);
      receiveStamp(trx, op.op_id, now);
      // A group belongs to no ticket (ticket 0); every other operation a replica may push names one.
      const ticketId = op.kind === 'group' ? 0 : (mapped.get(op.ticket_id) ?? known.get(op.ticket_id) ?? serverTicket(op.ticket_id));
      // A link's other end or a parent may be a ticket made offline too: it is logged and applied by the server's number.
      const mapId = (id: number) => mapped.get(id) ?? known.get(id) ?? serverTicket(id);
      if (op.kind === 'link') op = { ...op, body: { ...op.body, other: mapId(op.body.other) } };
      if (op.kind === 'parent') op = { ...op, body: { ...op.body, parent: mapId(op.body.parent) } };
      if (op.kind === 'merge') op = { ...op, body: { ...op.body, into: mapId(op.body.into) } };
      logged.push(logRow({ ...op, ticket_id: ticketId }, op.device, null, now));
      out.accepted++;
      if (op.kind === 'interaction') {
        entries.push({ ticketId, body: op.body });
        continue;
      }
      if (op.kind !== 'set' && op.kind !== 'tags') await flush();
      const outcome = await applyOp(trx, op, ticketId, batch);
      if (outcome?.concurrent) {
        await flush();
        logged.push(await recordConflict(trx, op as SyncOp & { body: SetBody }, ticketId, outcome, now));
        out.conflicts++;
      }
    }
    await flush();
    await batch.fields.flush();
    const maps = [...mapped].map(([provisional_id, ticket_id]) => ({ provisional_id, ticket_id }));
    await insertJsonRows(trx, 'sync_ticket_map', maps);
    await insertJsonRows(trx, 'sync_ops', logged);
    out.conflicts += await settleAfterBatch(trx, logged, now);
    return out;
  });
}

/** The server's ids of the provisional tickets a batch names and does not create (mapped when their create arrived). */
async function serverTickets(trx: Executor, ops: readonly SyncOp[]): Promise<Map<number, number>> {
  const named = ops.flatMap((op) => [
    ...(op.kind === 'create' ? [] : [op.ticket_id]),
    ...(op.kind === 'link' ? [op.body.other] : op.kind === 'parent' ? [op.body.parent] : []),
    ...(op.kind === 'merge' ? [op.body.into] : []),
  ]);
  const ids = [...new Set(named.filter((id) => id < 0))];
  if (ids.length === 0) return new Map();
  const rows = await trx.selectFrom('sync_ticket_map').select(['provisional_id', 'ticket_id']).where('provisional_id', 'in', ids).execute();
  return new Map(rows.map((r) => [Number(r.provisional_id), Number(r.ticket_id)]));
}

function serverTicket(id: number): number {
  return id > 0 ? id : fail(EXIT.invalid, `sync: an operation names provisional ticket ${id} before its create`);
}

type LogRow = ReturnType<typeof logRow>;

function logRow(op: SyncOp, device: string, provisional: number | null, now: number) {
  return { ...opColumns(op), device, provisional_id: provisional, received_at: now };
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
  const device = syncRoleOf(trx)!.device;
  return logRow({ kind: 'conflict', body, op_id: stamp, device, ticket_id: ticketId }, device, null, now);
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

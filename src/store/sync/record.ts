/**
 * Recording writes as operations (./ops.ts), inside the write's own transaction: a replica appends
 * them to its outbox, the server to its log (so replicas pull changes made on it directly). A desk
 * that plays no part in sync (./role.ts) sends no statement at all. Single-valued fields also note
 * their stamp in sync_fields: it is what this desk last agreed on, the `base` of its next edit.
 */
import type { Executor } from '../executor.js';
import { opColumns, type OpBody, type SyncOp } from './ops.js';
import { nextStamp, receiveStamp, syncRoleOf } from './role.js';
import { PROVISIONAL_SPAN } from '../../domain/ticket.js';

export interface TicketOp {
  ticketId: number;
  op: OpBody;
}

const ROWS_PER_INSERT = 200;

/** Returns the operations recorded (none on a desk outside sync). */
export async function recordOps(trx: Executor, entries: readonly TicketOp[], now = Date.now()): Promise<SyncOp[]> {
  const role = syncRoleOf(trx);
  if (!role || entries.length === 0) return [];
  const ops: SyncOp[] = [];
  for (const { ticketId, op } of entries) {
    // A set must be later than the value it replaces, which another handle on this desk (the console's
    // sync worker) may have pulled after this handle's clock last moved: the clock receives it first.
    const agreed = op.kind === 'set' ? await agreedStamp(trx, ticketId, op.body.field) : null;
    if (agreed) receiveStamp(trx, agreed, now);
    const stamp = nextStamp(trx, now);
    if (op.kind === 'set') op.body.base = await agreeField(trx, ticketId, op.body.field, stamp, op.body.value, agreed);
    ops.push({ ...op, op_id: stamp, device: role.device, ticket_id: ticketId } as SyncOp);
  }
  for (let i = 0; i < ops.length; i += ROWS_PER_INSERT) {
    const some = ops.slice(i, i + ROWS_PER_INSERT).map(opColumns);
    if (role.kind === 'replica') await trx.insertInto('sync_outbox').values(some).execute();
    else
      await trx
        .insertInto('sync_ops')
        .values(some.map((c) => ({ ...c, device: role.device, received_at: now })))
        .execute();
  }
  return ops;
}

async function agreedStamp(trx: Executor, ticketId: number, field: string): Promise<string | null> {
  const row = await trx
    .selectFrom('sync_fields')
    .select('hlc')
    .where('ticket_id', '=', ticketId)
    .where('field', '=', field)
    .executeTakeFirst();
  return row?.hlc ?? null;
}

/** Notes `stamp` as the field's agreed stamp; returns the one before (`before`, null if none). */
async function agreeField(trx: Executor, ticketId: number, field: string, stamp: string, value: string | null, before: string | null) {
  await trx
    .insertInto('sync_fields')
    .values({ ticket_id: ticketId, field, hlc: stamp, value })
    .onConflict((oc) => oc.columns(['ticket_id', 'field']).doUpdateSet({ hlc: stamp, value }))
    .execute();
  return before;
}

/** Ids for tickets made on a replica: provisional (negative, domain/ticket.ts), never used before. Null elsewhere. */
export async function provisionalIds(trx: Executor, count: number): Promise<number[] | null> {
  const role = syncRoleOf(trx);
  if (role?.kind !== 'replica') return null;
  const base = parseInt(role.device, 16) * PROVISIONAL_SPAN;
  const low = -(base + PROVISIONAL_SPAN - 1);
  const high = -base;
  const inTickets = await trx
    .selectFrom('tickets')
    .select((eb) => eb.fn.min('id').as('id'))
    .where('id', '>=', low)
    .where('id', '<=', high)
    .executeTakeFirst();
  const inMap = await trx
    .selectFrom('sync_ticket_map')
    .select((eb) => eb.fn.min('provisional_id').as('id'))
    .where('provisional_id', '>=', low)
    .where('provisional_id', '<=', high)
    .executeTakeFirst();
  const used = Math.max(-(inTickets?.id ?? -base) - base, -(inMap?.id ?? -base) - base);
  return Array.from({ length: count }, (_, i) => -(base + used + 1 + i));
}

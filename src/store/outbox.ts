/** The outbox as the faces see it: list, show, counts, retry, drop. Sending is store/outbox-claim.ts. */
import type { NewOutboxMessage, OutboxRow, OutboxStatus } from '../db/schema.js';
import { withImmediate } from '../db/immediate.js';
import { EXIT, fail } from '../errors.js';
import type { Executor } from './executor.js';

export type { OutboxRow, OutboxStatus };

export async function enqueueMessage(trx: Executor, message: NewOutboxMessage): Promise<OutboxRow> {
  return trx.insertInto('outbox').values(message).returningAll().executeTakeFirstOrThrow();
}

export type OutboxSummary = Omit<OutboxRow, 'body' | 'refs'>;

/** Newest first; `status` narrows ('waiting' is queued or sending). */
export async function listOutbox(
  db: Executor,
  filter: { status?: OutboxStatus | 'waiting'; limit?: number } = {},
): Promise<OutboxSummary[]> {
  let q = db
    .selectFrom('outbox')
    .select([
      'id',
      'kind',
      'ticket_id',
      'interaction_id',
      'message_id',
      'to_address',
      'to_name',
      'from_name',
      'subject',
      'in_reply_to',
      'status',
      'attempts',
      'last_error',
      'next_attempt_at',
      'lease_until',
      'created_at',
      'sent_at',
    ]);
  if (filter.status === 'waiting') q = q.where('status', 'in', ['queued', 'sending']);
  else if (filter.status) q = q.where('status', '=', filter.status);
  return q
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 100)
    .execute();
}

export async function getOutboxMessage(db: Executor, id: number): Promise<OutboxRow> {
  const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
  return row ?? fail(EXIT.notFound, `outbox message ${id} not found`);
}

export interface OutboxCounts {
  waiting: number;
  failed: number;
}

/** For the console's status bar: two index lookups. */
export async function outboxCounts(db: Executor): Promise<OutboxCounts> {
  const rows = await db
    .selectFrom('outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ['queued', 'sending', 'failed'])
    .groupBy('status')
    .execute();
  const n = (s: OutboxStatus) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { waiting: n('queued') + n('sending'), failed: n('failed') };
}

/** Messages of other kinds than these (mail, when chat's are left out) waiting to go. */
export async function waitingExcept(db: Executor, kinds: readonly string[]): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['queued', 'sending'])
    .where('kind', 'not in', kinds)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Waiting or failed messages (one, or all with `id` null) due at once; attempts are kept. Returns how many. */
export async function retryMessages(db: Executor, id: number | null, now = Date.now()): Promise<number> {
  return withImmediate(db, async (trx) => {
    if (id !== null) {
      const row = await getOutboxMessage(trx, id);
      if (row.status === 'sent') fail(EXIT.conflict, `outbox message ${id} was sent already`);
      if (row.status === 'sending' && (row.lease_until ?? 0) > now) fail(EXIT.conflict, `outbox message ${id} is being sent right now`);
    }
    let q = trx
      .updateTable('outbox')
      .set({ status: 'queued', next_attempt_at: now, lease_until: null })
      .where((eb) =>
        eb.or([eb('status', 'in', ['queued', 'failed']), eb.and([eb('status', '=', 'sending'), eb('lease_until', '<=', now)])]),
      );
    if (id !== null) q = q.where('id', '=', id);
    return Number((await q.executeTakeFirst()).numUpdatedRows);
  });
}

/** Deletes a message that has not left; its entry forgets the Message-ID (nothing threads to it). */
export async function dropMessage(db: Executor, id: number, now = Date.now()): Promise<OutboxRow> {
  return withImmediate(db, async (trx) => {
    const row = await getOutboxMessage(trx, id);
    if (row.status === 'sent') fail(EXIT.conflict, `outbox message ${id} was sent already`);
    if (row.status === 'sending' && (row.lease_until ?? 0) > now) fail(EXIT.conflict, `outbox message ${id} is being sent right now`);
    await trx.deleteFrom('outbox').where('id', '=', id).execute();
    if (row.interaction_id !== null)
      await trx
        .updateTable('interactions')
        .set({ message_id: null })
        .where('id', '=', row.interaction_id)
        .where('message_id', '=', row.message_id)
        .execute();
    return row;
  });
}

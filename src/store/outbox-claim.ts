/**
 * Sending's side of the outbox. A sender claims a batch (status sending, a lease, one more attempt)
 * in one short transaction, sends outside any transaction, and marks each message as soon as the
 * server answers. Two senders (cron and the console) never claim the same message; a claim left by
 * a sender that died runs out after LEASE_MS and the message goes again with its own Message-ID.
 */
import type { OutboxRow } from '../db/schema.js';
import { withImmediate } from '../db/immediate.js';
import { afterFailure, LEASE_MS } from '../domain/outbox-schedule.js';
import type { Executor } from './executor.js';

export interface ClaimOptions {
  /** Every waiting message, not only those whose backoff has run out. */
  all?: boolean;
  limit?: number;
  /** Only messages of these kinds (a chat sender), or none of these (the mail sender). */
  kinds?: readonly string[];
  exceptKinds?: readonly string[];
  /** Not to these recipients (channels this run found unusable). */
  exceptTo?: readonly string[];
}

/** Up to `limit` messages whose time has come (`all`: every waiting one), oldest first. */
export async function claimBatch(db: Executor, now: number, opts: ClaimOptions = {}): Promise<OutboxRow[]> {
  return withImmediate(db, async (trx) => {
    let q = trx.selectFrom('outbox').selectAll();
    if (opts.kinds?.length) q = q.where('kind', 'in', opts.kinds);
    if (opts.exceptKinds?.length) q = q.where('kind', 'not in', opts.exceptKinds);
    if (opts.exceptTo?.length) q = q.where('to_address', 'not in', opts.exceptTo);
    const rows = await q
      .where((eb) =>
        eb.or([
          opts.all ? eb('status', '=', 'queued') : eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now)]),
          eb.and([eb('status', '=', 'sending'), eb('lease_until', '<=', now)]),
        ]),
      )
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(opts.limit ?? 50)
      .execute();
    if (rows.length === 0) return [];
    await trx
      .updateTable('outbox')
      .set((eb) => ({ status: 'sending', lease_until: now + LEASE_MS, attempts: eb('attempts', '+', 1) }))
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    return rows.map((r) => ({ ...r, status: 'sending' as const, lease_until: now + LEASE_MS, attempts: r.attempts + 1 }));
  });
}

/** Marks messages the server accepted (a few at a time: one statement for the lot). */
export async function markSent(db: Executor, ids: readonly number[], now = Date.now()): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: now, lease_until: null, last_error: null })
    .where('id', 'in', ids)
    .where('status', '=', 'sending')
    .execute();
}

/** Records a failed try: wait (backoff) or give up. Returns the status the message is left in. */
export async function markFailed(
  db: Executor,
  row: Pick<OutboxRow, 'id' | 'attempts'>,
  error: { permanent: boolean; message: string },
  now = Date.now(),
): Promise<{ status: 'queued' | 'failed'; nextAttemptAt: number }> {
  const next = afterFailure(row.attempts, error.permanent, now);
  await db
    .updateTable('outbox')
    .set({ status: next.status, next_attempt_at: next.nextAttemptAt, lease_until: null, last_error: error.message })
    .where('id', '=', row.id)
    .where('status', '=', 'sending')
    .execute();
  return next;
}

/** Gives back claims a sender did not try (it stopped early): as they were, the attempt not counted. */
export async function releaseClaims(db: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set((eb) => ({ status: 'queued', lease_until: null, attempts: eb('attempts', '-', 1) }))
    .where('id', 'in', ids)
    .where('status', '=', 'sending')
    .execute();
}

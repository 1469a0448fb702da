/**
 * A renumbered ticket's audit events now name its new id, which their digests cover (domain/audit-chain.ts):
 * their digests are computed again and the chain relinked from the first of them, so `db check` on a
 * replica stays clean. The events after it are usually few: the replica's own since it went offline.
 */
import { CHAIN_START, eventDigest, linkDigest } from '../../domain/audit-chain.js';
import type { Executor } from '../executor.js';

const STEP = 2000;

export async function rechainAudit(trx: Executor, ticketIds: readonly number[]): Promise<void> {
  if (ticketIds.length === 0) return;
  const first = await trx
    .selectFrom('audit_events')
    .select((eb) => eb.fn.min('id').as('id'))
    .where('ticket_id', 'in', ticketIds)
    .executeTakeFirst();
  if (first?.id == null) return;
  const before = await trx
    .selectFrom('audit_events')
    .select('chain')
    .where('id', '<', first.id)
    .where('chain', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const renumbered = new Set(ticketIds);
  let chain = before?.chain ?? CHAIN_START;
  for (let after = first.id - 1; ;) {
    const rows = await trx
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '>', after)
      .where('chain', 'is not', null)
      .orderBy('id')
      .limit(STEP)
      .execute();
    for (const row of rows) {
      const digest = row.ticket_id !== null && renumbered.has(row.ticket_id) ? eventDigest(row) : row.digest!;
      chain = linkDigest(chain, digest);
      if (digest !== row.digest || chain !== row.chain)
        await trx.updateTable('audit_events').set({ digest, chain }).where('id', '=', row.id).execute();
    }
    if (rows.length < STEP) return;
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * A merge travels (./ops.ts `merge`, on the source ticket): the timeline entries the source had before
 * the merge move to the target on every desk, as `ticket merge` moved them where it ran (the link,
 * the closing and the notes travel as operations of their own). An entry noted on the source elsewhere
 * before the merge may arrive after it: the merge is kept in sync_fields (field `merged`, value
 * "<target>:<at>"), and such an entry goes to the target whenever it arrives (./apply-entries.ts),
 * so every desk ends with it in the same place.
 */
import type { Executor } from '../executor.js';
import type { MergeBody } from './ops.js';

const FIELD = 'merged';

export async function applyMerge(trx: Executor, source: number, stamp: string, body: MergeBody): Promise<void> {
  const both = await trx.selectFrom('tickets').select('id').where('id', 'in', [source, body.into]).execute();
  if (both.length < 2) return;
  const moved = await trx
    .updateTable('interactions')
    .set({ ticket_id: body.into })
    .where('ticket_id', '=', source)
    .where('created_at', '<', body.at)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) > 0)
    await trx
      .updateTable('tickets')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', 'in', [source, body.into])
      .execute();
  await noteMerge(trx, source, stamp, body);
}

/** Keeps the merge for entries that arrive later (the newest merge of a source stands). */
export async function noteMerge(trx: Executor, source: number, stamp: string, body: MergeBody): Promise<void> {
  const value = `${body.into}:${body.at}`;
  await trx
    .insertInto('sync_fields')
    .values({ ticket_id: source, field: FIELD, hlc: stamp, value })
    .onConflict((oc) => oc.columns(['ticket_id', 'field']).doUpdateSet({ hlc: stamp, value }).where('sync_fields.hlc', '<', stamp))
    .execute();
}

/** Where an entry for one of these tickets goes: the target of a merge it predates, else its own ticket. */
export async function entryTargets(trx: Executor, ticketIds: readonly number[]): Promise<(ticketId: number, createdAt: number) => number> {
  const ids = [...new Set(ticketIds)];
  const rows = ids.length
    ? await trx.selectFrom('sync_fields').select(['ticket_id', 'value']).where('field', '=', FIELD).where('ticket_id', 'in', ids).execute()
    : [];
  if (rows.length === 0) return (ticketId) => ticketId;
  const merges = new Map(
    rows.map((r) => {
      const [into, at] = (r.value ?? '').split(':').map(Number);
      return [Number(r.ticket_id), { into: into!, at: at! }];
    }),
  );
  return (ticketId, createdAt) => {
    const merge = merges.get(ticketId);
    return merge && createdAt < merge.at ? merge.into : ticketId;
  };
}

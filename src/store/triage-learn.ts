/**
 * Incremental learning: tickets queued in triage_pending (by 014's triggers, when a ticket becomes
 * resolved or closed, whoever resolved it) are added to the stored counts. The resolve path calls
 * learnPending inside its own transaction after the change, so the model follows each resolve at
 * the cost of a few multi-row upserts; a queue left long by a bulk import waits for `triage train`
 * or is worked off BATCH tickets per resolve. A ticket is learned once, with the labels it has when
 * first resolved.
 */
import { sql } from 'kysely';
import { featuresOf } from '../domain/triage/features.js';
import { TRIAGE_FIELDS, type TriageLabels } from '../domain/triage/fields.js';
import type { Executor } from './executor.js';

export const BATCH = 20;
const ROWS = 200;

export interface TicketToLearn {
  id: number;
  title: string;
  description: string;
  category: string;
  priority: string;
  tier: string;
}

export const labelsOf = (t: TicketToLearn): TriageLabels => ({ category: t.category, priority: t.priority, tier: t.tier });

/** Learns up to `limit` queued tickets; returns how many. */
export async function learnPending(trx: Executor, limit = BATCH): Promise<number> {
  const ids = (await trx.selectFrom('triage_pending').select('ticket_id').orderBy('ticket_id').limit(limit).execute()).map(
    (r) => r.ticket_id,
  );
  if (ids.length === 0) return 0;
  const tickets = await trx
    .selectFrom('tickets')
    .select(['id', 'title', 'description', 'category', 'priority', 'tier'])
    .where('id', 'in', ids)
    .where('status', 'in', ['resolved', 'closed'])
    .execute();
  for (const t of tickets) await learnOne(trx, t);
  await trx.deleteFrom('triage_pending').where('ticket_id', 'in', ids).execute();
  return tickets.length;
}

async function learnOne(trx: Executor, ticket: TicketToLearn): Promise<void> {
  const inserted = await trx
    .insertInto('triage_learned')
    .values({ ticket_id: ticket.id })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
  const features = featuresOf(ticket.title, ticket.description);
  const labels = labelsOf(ticket);
  let added = 0;
  for (let i = 0; i < features.length; i += ROWS) {
    const chunk = features.slice(i, i + ROWS).map((feature) => ({ feature }));
    const r = await trx
      .insertInto('triage_vocabulary')
      .values(chunk)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    added += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  const rows = TRIAGE_FIELDS.flatMap((field) => features.map((feature) => ({ feature, field, label: labels[field], n: 1 })));
  for (let i = 0; i < rows.length; i += ROWS) {
    await trx
      .insertInto('triage_counts')
      .values(rows.slice(i, i + ROWS))
      .onConflict((oc) => oc.columns(['feature', 'field', 'label']).doUpdateSet({ n: sql`triage_counts.n + 1` }))
      .execute();
  }
  for (const field of TRIAGE_FIELDS) {
    await trx
      .insertInto('triage_labels')
      .values({ field, label: labels[field], docs: 1, features: features.length })
      .onConflict((oc) =>
        oc
          .columns(['field', 'label'])
          .doUpdateSet({ docs: sql`triage_labels.docs + 1`, features: sql`triage_labels.features + ${features.length}` }),
      )
      .execute();
  }
  await trx
    .updateTable('triage_state')
    .set({ vocabulary: sql`vocabulary + ${added}`, learned: sql`learned + 1` })
    .where('id', '=', 1)
    .execute();
}

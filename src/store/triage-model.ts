/**
 * The stored triage model (migration 014) as naive-Bayes slices: the label totals and the state row,
 * and only the counts of the features asked about, so one suggestion reads a few hundred rows
 * whatever the desk's size.
 */
import { TRIAGE_FIELDS, type TriageField } from '../domain/triage/fields.js';
import type { LabelStats, ModelSlice } from '../domain/triage/naive-bayes.js';
import type { Executor } from './executor.js';

export interface ModelState {
  /** Tickets the model holds. */
  learned: number;
  /** Resolved tickets waiting to be learned. */
  pending: number;
  trainedAt: number | null;
}

const IN_CHUNK = 400;

export async function modelState(db: Executor): Promise<ModelState> {
  const state = await db.selectFrom('triage_state').select(['learned', 'trained_at']).where('id', '=', 1).executeTakeFirst();
  const pending = await db
    .selectFrom('triage_pending')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { learned: state?.learned ?? 0, pending: Number(pending.n), trainedAt: state?.trained_at ?? null };
}

/** One slice per field, holding the counts of `features` only. */
export async function storedSlices(db: Executor, features: readonly string[]): Promise<Map<TriageField, ModelSlice>> {
  const state = await db.selectFrom('triage_state').select('vocabulary').where('id', '=', 1).executeTakeFirst();
  const labelRows = await db.selectFrom('triage_labels').select(['field', 'label', 'docs', 'features']).execute();
  const counts = new Map<string, number>();
  for (let i = 0; i < features.length; i += IN_CHUNK) {
    const chunk = features.slice(i, i + IN_CHUNK);
    const rows = await db.selectFrom('triage_counts').select(['feature', 'field', 'label', 'n']).where('feature', 'in', chunk).execute();
    for (const r of rows) counts.set(`${r.field}\u0000${r.label}\u0000${r.feature}`, r.n);
  }
  return new Map(
    TRIAGE_FIELDS.map((field) => {
      const labels: LabelStats[] = labelRows
        .filter((r) => r.field === field)
        .map((r) => ({ label: r.label, docs: r.docs, features: r.features }));
      const slice: ModelSlice = {
        labels,
        vocabulary: state?.vocabulary ?? 0,
        count: (label, feature) => counts.get(`${field}\u0000${label}\u0000${feature}`) ?? 0,
      };
      return [field, slice];
    }),
  );
}

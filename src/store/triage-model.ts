/**
 * The stored triage model (migration 014) as naive-Bayes slices: the label totals and the state row,
 * and only the counts of the features asked about, so one suggestion reads a few hundred rows at
 * most whatever the desk's size, and none once the process has them cached.
 */
import { TRIAGE_FIELDS, type TriageField } from '../domain/triage/fields.js';
import type { LabelStats, ModelSlice } from '../domain/triage/naive-bayes.js';
import type { Executor } from './executor.js';
import { cachedModel, countAt } from './triage-cache.js';

export interface ModelState {
  /** Tickets the model holds. */
  learned: number;
  /** Resolved tickets waiting to be learned. */
  pending: number;
  trainedAt: number | null;
}

export async function modelState(db: Executor): Promise<ModelState> {
  const state = await db.selectFrom('triage_state').select(['learned', 'trained_at']).where('id', '=', 1).executeTakeFirst();
  const pending = await db
    .selectFrom('triage_pending')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { learned: state?.learned ?? 0, pending: Number(pending.n), trainedAt: state?.trained_at ?? null };
}

/** One slice per field, holding the counts of `features` (src/store/triage-cache.ts keeps them per process). */
export async function storedSlices(db: Executor, features: readonly string[]): Promise<Map<TriageField, ModelSlice>> {
  const model = await cachedModel(db, features);
  return new Map(
    TRIAGE_FIELDS.map((field) => {
      const labels: LabelStats[] = [];
      const at = new Map<string, number>();
      model.labels.forEach((l, i) => {
        if (l.field !== field) return;
        labels.push({ label: l.label, docs: l.docs, features: l.features });
        at.set(l.label, i);
      });
      const slice: ModelSlice = {
        labels,
        vocabulary: model.vocabulary,
        count: (label, feature) => {
          const i = at.get(label);
          return i === undefined ? 0 : countAt(model, i, feature);
        },
      };
      return [field, slice];
    }),
  );
}

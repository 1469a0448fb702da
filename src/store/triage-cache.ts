/**
 * The stored triage model (migration 014) held per process and per handle, so a suggestion as the
 * form is typed, or one per ticket read, costs one primary-key read of triage_state and a few map
 * lookups (bench/scenarios/triage.ts: a suggestion's SQL alone is ~0.6 ms at 100k tickets, and
 * under load its tail is preemption, so less work is the only cure).
 *
 * - The label totals are read once per model version; a feature's counts the first time a
 *   suggestion needs them (features never seen are remembered as none), in one IN query per chunk.
 * - The version is triage_state's (learned, vocabulary, trained_at), read on every call: every
 *   learn (src/store/triage-learn.ts) adds to `learned` and every `triage train` sets `trained_at`,
 *   whichever connection or process wrote it, so a changed model is never served from the cache.
 * - At most MAX_CACHED features are kept; past that the feature cache starts over.
 * - Keyed by the executor object: a transaction gets its own (short-lived) cache.
 */
import type { LabelStats } from '../domain/triage/naive-bayes.js';
import type { Executor } from './executor.js';

export const MAX_CACHED = 50_000;
const IN_CHUNK = 400;

export interface CachedLabel extends LabelStats {
  field: string;
}

/** One version of the model, as far as it has been read. */
export interface CachedModel {
  version: string;
  vocabulary: number;
  /** Every (field, label) with its totals; a feature's counts index into this list. */
  labels: readonly CachedLabel[];
  /** `field \0 label` → index into labels. */
  labelIndex: ReadonlyMap<string, number>;
  /** feature → flat [labelIndex, count, labelIndex, count, …] (empty when no ticket had it). */
  features: Map<string, Int32Array>;
}

const CACHE = new WeakMap<object, CachedModel>();
const EMPTY = new Int32Array(0);

export const labelKey = (field: string, label: string) => `${field}\u0000${label}`;

/** The model with the counts of `features` loaded (from the cache where it can). */
export async function cachedModel(db: Executor, features: readonly string[]): Promise<CachedModel> {
  const state = await db.selectFrom('triage_state').select(['vocabulary', 'learned', 'trained_at']).where('id', '=', 1).executeTakeFirst();
  const version = `${state?.learned ?? 0}/${state?.vocabulary ?? 0}/${state?.trained_at ?? ''}`;
  let model = CACHE.get(db);
  if (!model || model.version !== version) {
    const labels = await db
      .selectFrom('triage_labels')
      .select(['field', 'label', 'docs', 'features'])
      .orderBy('field')
      .orderBy('label')
      .execute();
    model = {
      version,
      vocabulary: state?.vocabulary ?? 0,
      labels,
      labelIndex: new Map(labels.map((l, i) => [labelKey(l.field, l.label), i])),
      features: new Map(),
    };
    CACHE.set(db, model);
  }
  const missing = [...new Set(features.filter((f) => !model.features.has(f)))];
  if (missing.length === 0) return model;
  if (model.features.size + missing.length > MAX_CACHED) model.features.clear();
  const found = new Map<string, number[]>();
  for (let i = 0; i < missing.length; i += IN_CHUNK) {
    const chunk = missing.slice(i, i + IN_CHUNK);
    const rows = await db.selectFrom('triage_counts').select(['feature', 'field', 'label', 'n']).where('feature', 'in', chunk).execute();
    for (const r of rows) {
      const at = model.labelIndex.get(labelKey(r.field, r.label));
      if (at === undefined) continue;
      let pairs = found.get(r.feature);
      if (!pairs) found.set(r.feature, (pairs = []));
      pairs.push(at, r.n);
    }
  }
  for (const f of missing) {
    const pairs = found.get(f);
    model.features.set(f, pairs ? Int32Array.from(pairs) : EMPTY);
  }
  return model;
}

/** Count of `feature` among the tickets learned with label number `at` (0 when none). */
export function countAt(model: CachedModel, at: number, feature: string): number {
  const pairs = model.features.get(feature);
  if (!pairs) return 0;
  for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === at) return pairs[i + 1]!;
  return 0;
}

/** Forgets the cache of `db` (tests that compare cold and warm reads; the bench's cold figure). */
export function forgetCachedModel(db: Executor): void {
  CACHE.delete(db);
}

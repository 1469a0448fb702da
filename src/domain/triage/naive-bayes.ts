/**
 * Multinomial naive Bayes over binary features (each feature once per ticket), Laplace-smoothed.
 * The model is counts only, so learning one more ticket is adding to them (incremental by nature)
 * and the store can keep them in tables and read just the rows one ticket's features need.
 *
 * Naive Bayes multiplies one likelihood per feature, so its raw posterior says 0.999 about almost
 * anything. The label chosen is naive Bayes's own; the confidence reported is a tempered posterior:
 * the log-scores divided by the number of known features and multiplied by SHARPNESS, so a ticket
 * of 40 features is not 40 times surer than one of a single feature. Pure.
 */

export interface LabelStats {
  label: string;
  /** Tickets learned with this label. */
  docs: number;
  /** Features counted over those tickets. */
  features: number;
}

/** What classifying one ticket needs: the labels' totals and, per label, its counts of the ticket's features. */
export interface ModelSlice {
  labels: readonly LabelStats[];
  /** Distinct features the model has seen (all fields share one vocabulary). */
  vocabulary: number;
  /** Count of `feature` among tickets learned with `label` (0 when unseen). */
  count(label: string, feature: string): number;
}

export interface Scored {
  label: string;
  /** 0–1: the tempered posterior. */
  confidence: number;
}

const ALPHA = 1;
export const SHARPNESS = 4;

/** Every label with its confidence, best first. Empty when the model has no labels. */
export function classify(model: ModelSlice, features: readonly string[]): Scored[] {
  const docs = model.labels.reduce((sum, l) => sum + l.docs, 0);
  if (docs === 0) return [];
  const known = features.filter((f) => model.labels.some((l) => model.count(l.label, f) > 0));
  const scores = model.labels.map((l) => {
    const denominator = Math.log(l.features + ALPHA * (model.vocabulary + 1));
    let likelihood = 0;
    for (const f of known) likelihood += Math.log(model.count(l.label, f) + ALPHA) - denominator;
    return { label: l.label, score: (SHARPNESS * (Math.log(l.docs / docs) + likelihood)) / Math.max(1, known.length) };
  });
  const best = Math.max(...scores.map((s) => s.score));
  const weights = scores.map((s) => Math.exp(s.score - best));
  const total = weights.reduce((a, b) => a + b, 0);
  return scores
    .map((s, i) => ({ label: s.label, confidence: weights[i]! / total }))
    .sort((a, b) => b.confidence - a.confidence || a.label.localeCompare(b.label));
}

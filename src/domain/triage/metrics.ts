/** How good a field's predictions are: accuracy and macro-F1, and the majority-class baseline. Pure. */

export interface FieldScore {
  tested: number;
  accuracy: number;
  macroF1: number;
}

/** Accuracy and macro-F1 (the mean F1 over every label that occurs in truth or prediction). */
export function score(truth: readonly string[], predicted: readonly string[]): FieldScore {
  const labels = new Set([...truth, ...predicted]);
  let right = 0;
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  truth.forEach((t, i) => {
    const p = predicted[i]!;
    if (t === p) {
      right++;
      bump(tp, t);
    } else {
      bump(fp, p);
      bump(fn, t);
    }
  });
  let f1 = 0;
  for (const l of labels) {
    const t = tp.get(l) ?? 0;
    const denominator = 2 * t + (fp.get(l) ?? 0) + (fn.get(l) ?? 0);
    f1 += denominator ? (2 * t) / denominator : 0;
  }
  return { tested: truth.length, accuracy: truth.length ? right / truth.length : 0, macroF1: labels.size ? f1 / labels.size : 0 };
}

/** The most frequent label of `learned` (ties: alphabetical), predicted for every tested ticket. */
export function majorityBaseline(learned: readonly string[], truth: readonly string[]): FieldScore & { label: string } {
  const counts = new Map<string, number>();
  for (const l of learned) counts.set(l, (counts.get(l) ?? 0) + 1);
  const label = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
  return {
    label,
    ...score(
      truth,
      truth.map(() => label),
    ),
  };
}

/** From a field's model slice to a suggestion or a reason for none (thresholds in ./fields.ts). Pure. */
import { TRIAGE_RULES, type FieldVerdict, type TriageField, type TriageRules } from './fields.js';
import { classify, type ModelSlice } from './naive-bayes.js';

export function verdict(
  field: TriageField,
  model: ModelSlice,
  features: readonly string[],
  rules: TriageRules = TRIAGE_RULES,
): FieldVerdict {
  const learned = model.labels.reduce((sum, l) => sum + l.docs, 0);
  if (learned < rules.minTickets) return { field, suggestion: null, reason: 'too few tickets' };
  const eligible = { ...model, labels: model.labels.filter((l) => l.docs >= rules.minLabelTickets) };
  if (!features.some((f) => eligible.labels.some((l) => model.count(l.label, f) > 0)))
    return { field, suggestion: null, reason: 'no words known' };
  const [best] = classify(eligible, features);
  if (!best || best.confidence < rules.minConfidence) return { field, suggestion: null, reason: 'below threshold' };
  return { field, suggestion: { field, value: best.label, confidence: Number(best.confidence.toFixed(3)), learned }, reason: 'ok' };
}

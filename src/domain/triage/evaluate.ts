/**
 * `triage eval`: tickets in time order, the older share learned and the newer share tested, each
 * field scored beside the majority-class baseline, and how many tested tickets got a suggestion
 * above the threshold and how often those were right. Pure.
 */
import { featuresOf } from './features.js';
import { TRIAGE_FIELDS, TRIAGE_RULES, type TriageField, type TriageLabels, type TriageRules } from './fields.js';
import { MemoryModel } from './memory-model.js';
import { classify } from './naive-bayes.js';
import { majorityBaseline, score, type FieldScore } from './metrics.js';
import { verdict } from './suggest.js';

export interface EvalTicket {
  title: string;
  description: string;
  labels: TriageLabels;
}

export interface FieldEval {
  field: TriageField;
  model: FieldScore;
  baseline: FieldScore & { label: string };
  /** Share of tested tickets that got a suggestion (above the threshold, enough examples). */
  suggested: number;
  /** Accuracy over the tickets that got one. */
  suggestedAccuracy: number;
}

export interface Evaluation {
  learned: number;
  tested: number;
  fields: FieldEval[];
}

export const LEARN_SHARE = 0.8;

/** `tickets` oldest first. */
export function evaluate(tickets: readonly EvalTicket[], rules: TriageRules = TRIAGE_RULES): Evaluation {
  const cut = Math.floor(tickets.length * LEARN_SHARE);
  const learn = tickets.slice(0, cut);
  const test = tickets.slice(cut);
  const model = new MemoryModel();
  for (const t of learn) model.learn({ features: featuresOf(t.title, t.description), labels: t.labels });
  const testFeatures = test.map((t) => featuresOf(t.title, t.description));
  const fields = TRIAGE_FIELDS.map((field): FieldEval => {
    const slice = model.slice(field);
    const truth = test.map((t) => t.labels[field]);
    const predicted = testFeatures.map((f) => classify(slice, f)[0]?.label ?? '');
    let suggested = 0;
    let right = 0;
    testFeatures.forEach((f, i) => {
      const s = verdict(field, slice, f, rules).suggestion;
      if (!s) return;
      suggested++;
      if (s.value === truth[i]) right++;
    });
    return {
      field,
      model: score(truth, predicted),
      baseline: majorityBaseline(
        learn.map((t) => t.labels[field]),
        truth,
      ),
      suggested: test.length ? suggested / test.length : 0,
      suggestedAccuracy: suggested ? right / suggested : 0,
    };
  });
  return { learned: learn.length, tested: test.length, fields };
}

/**
 * A triage model held in memory: per field, label totals and feature counts. Full training and
 * `triage eval` build one; the store writes it to its tables (src/store/triage-train.ts). Pure.
 */
import { TRIAGE_FIELDS, type TriageField, type TriageLabels } from './fields.js';
import type { LabelStats, ModelSlice } from './naive-bayes.js';

export interface LearnedTicket {
  features: readonly string[];
  labels: TriageLabels;
}

export class MemoryModel {
  readonly vocabulary = new Set<string>();
  /** field → label → totals. */
  readonly labels = new Map<TriageField, Map<string, LabelStats>>(TRIAGE_FIELDS.map((f) => [f, new Map()]));
  /** field → label → feature → count. */
  readonly counts = new Map<TriageField, Map<string, Map<string, number>>>(TRIAGE_FIELDS.map((f) => [f, new Map()]));

  learn(ticket: LearnedTicket): void {
    for (const f of ticket.features) this.vocabulary.add(f);
    for (const field of TRIAGE_FIELDS) {
      const label = ticket.labels[field];
      const stats = this.labels.get(field)!;
      const s = stats.get(label) ?? { label, docs: 0, features: 0 };
      stats.set(label, { label, docs: s.docs + 1, features: s.features + ticket.features.length });
      const byLabel = this.counts.get(field)!;
      let counts = byLabel.get(label);
      if (!counts) byLabel.set(label, (counts = new Map()));
      for (const f of ticket.features) counts.set(f, (counts.get(f) ?? 0) + 1);
    }
  }

  slice(field: TriageField): ModelSlice {
    const byLabel = this.counts.get(field)!;
    return {
      labels: [...this.labels.get(field)!.values()],
      vocabulary: this.vocabulary.size,
      count: (label, feature) => byLabel.get(label)?.get(feature) ?? 0,
    };
  }
}

/** What the triage assistant suggests, and when it keeps quiet: fields and thresholds as data. Pure. */

export const TRIAGE_FIELDS = ['category', 'priority', 'tier'] as const;
export type TriageField = (typeof TRIAGE_FIELDS)[number];

export type TriageLabels = Record<TriageField, string>;

export interface TriageRules {
  /** A suggestion below this confidence is not made. */
  minConfidence: number;
  /** A field whose model has learned fewer tickets than this suggests nothing. */
  minTickets: number;
  /** A label learned from fewer tickets than this is never suggested. */
  minLabelTickets: number;
}

export const TRIAGE_RULES: TriageRules = { minConfidence: 0.6, minTickets: 50, minLabelTickets: 5 };

export interface FieldSuggestion {
  field: TriageField;
  value: string;
  confidence: number;
  /** Tickets the field's model learned from. */
  learned: number;
}

export interface FieldVerdict {
  field: TriageField;
  /** The suggestion, or why there is none. */
  suggestion: FieldSuggestion | null;
  reason: 'ok' | 'too few tickets' | 'below threshold' | 'no words known';
}

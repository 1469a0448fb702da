/** Kysely table types of 014 (the triage model, src/store/triage-*.ts) and 019; part of schema.ts's DB. */
export interface TriageLabelsTable {
  field: string;
  label: string;
  docs: number;
  features: number;
}

export interface TriageCountsTable {
  feature: string;
  field: string;
  label: string;
  n: number;
}

export interface TriageStateTable {
  id: number;
  vocabulary: number;
  learned: number;
  trained_at: number | null;
}

export interface TriageVocabularyTable {
  feature: string;
}

/** triage_learned and triage_pending: a ticket id each. */
export interface TriageTicketTable {
  ticket_id: number;
}

/** 019: tickets holding each word of ticket_text_fts (a snapshot; src/store/ticket-word-docs.ts). */
export interface TicketWordDocsTable {
  term: string;
  docs: number;
}

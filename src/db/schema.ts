/** Kysely table types for the live schema. Times are epoch milliseconds (INTEGER). */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { TriageCountsTable, TriageLabelsTable, TriageStateTable, TriageTicketTable, TriageVocabularyTable } from './schema-triage.js';

export interface TechniciansTable {
  id: Generated<number>;
  name: string;
  email: string;
  tier: string;
  active: ColumnType<number, number | undefined, number>;
  created_at: number;
}

export interface RequestersTable {
  id: Generated<number>;
  name: string;
  email: string | null;
  phone: string | null;
  department: string | null;
  created_at: number;
}

export interface TicketsTable {
  id: Generated<number>;
  title: string;
  description: string;
  status: string;
  priority: string;
  priority_rank: number;
  category: string;
  channel: string;
  requester_id: number | null;
  assignee_id: number | null;
  tier: string;
  external_id: string | null;
  created_at: number;
  updated_at: number;
  first_response_at: number | null;
  resolved_at: number | null;
  closed_at: number | null;
  first_response_due_at: number | null;
  resolution_due_at: number | null;
  next_due_at: number | null;
  resolution: string | null;
  version: ColumnType<number, number | undefined, number>;
}

export interface InteractionsTable {
  id: Generated<number>;
  ticket_id: number;
  kind: string;
  author_id: number | null;
  author_name: string;
  body: string;
  minutes: number;
  created_at: number;
}

export interface TagsTable {
  id: Generated<number>;
  name: string;
}

export interface TicketTagsTable {
  ticket_id: number;
  tag_id: number;
}

export interface AuditEventsTable {
  id: Generated<number>;
  ticket_id: number | null;
  actor: string;
  at: number;
  action: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  /** SHA-256 of the content above (32 hex digits); null only on events written behind Deskline's back (005, domain/audit-chain.ts). */
  digest: string | null;
  /** SHA-256 of the previous event's chain and this digest (32 hex digits). */
  chain: string | null;
}

export interface SlaCalendarsTable {
  id: Generated<number>;
  name: string;
  tz: string;
  /** JSON: { mon: ['09:00-17:00'], …, sun: [] }. */
  week: string;
  updated_at: number;
}

export interface SlaHolidaysTable {
  id: Generated<number>;
  calendar_id: number;
  /** YYYY-MM-DD in the calendar's zone. */
  date: string;
  name: string;
}

export interface SlaPoliciesTable {
  priority: string;
  first_response_minutes: number;
  resolution_minutes: number;
  is_24x7: number;
  calendar_id: number;
  updated_at: number;
}

export interface KbArticlesTable {
  id: Generated<number>;
  slug: string;
  title: string;
  body: string;
  category: string;
  /** Comma-separated, lower-case tag slugs. */
  tags: string;
  audience: string;
  status: string;
  author_id: number | null;
  author_name: string;
  created_at: number;
  updated_at: number;
  view_count: ColumnType<number, number | undefined, number>;
  helped_count: ColumnType<number, number | undefined, number>;
  version: ColumnType<number, number | undefined, number>;
  /** Normalised copies the FTS5 index reads (src/domain/kb-text.ts); written with every change. */
  search_title: string;
  search_tags: string;
  search_body: string;
}

export interface KbRevisionsTable {
  id: Generated<number>;
  article_id: number;
  version: number;
  action: string;
  actor: string;
  at: number;
  old_title: string | null;
  old_body: string | null;
  note: string | null;
}

export interface TicketKbLinksTable {
  ticket_id: number;
  article_id: number;
  linked_by: string;
  linked_at: number;
}

export interface DB {
  technicians: TechniciansTable;
  requesters: RequestersTable;
  tickets: TicketsTable;
  interactions: InteractionsTable;
  tags: TagsTable;
  ticket_tags: TicketTagsTable;
  audit_events: AuditEventsTable;
  kb_articles: KbArticlesTable;
  kb_revisions: KbRevisionsTable;
  ticket_kb_links: TicketKbLinksTable;
  sla_calendars: SlaCalendarsTable;
  sla_holidays: SlaHolidaysTable;
  sla_policies: SlaPoliciesTable;
  triage_labels: TriageLabelsTable;
  triage_counts: TriageCountsTable;
  triage_vocabulary: TriageVocabularyTable;
  triage_state: TriageStateTable;
  triage_learned: TriageTicketTable;
  triage_pending: TriageTicketTable;
}

export type TechnicianRow = Selectable<TechniciansTable>;
export type NewTechnician = Insertable<TechniciansTable>;
export type RequesterRow = Selectable<RequestersTable>;
export type NewRequester = Insertable<RequestersTable>;
export type TicketRow = Selectable<TicketsTable>;
export type NewTicket = Insertable<TicketsTable>;
export type TicketUpdate = Updateable<TicketsTable>;
export type InteractionRow = Selectable<InteractionsTable>;
export type NewInteraction = Insertable<InteractionsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;
export type SlaCalendarRow = Selectable<SlaCalendarsTable>;
export type SlaHolidayRow = Selectable<SlaHolidaysTable>;
export type SlaPolicyRow = Selectable<SlaPoliciesTable>;
export type KbArticleRow = Selectable<KbArticlesTable>;
export type NewKbArticle = Insertable<KbArticlesTable>;
export type KbRevisionRow = Selectable<KbRevisionsTable>;

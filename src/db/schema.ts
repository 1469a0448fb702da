/** Kysely table types for the live schema. Times are epoch milliseconds (INTEGER). */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { OutboxTable } from './schema-outbox.js';
import type { TriageCountsTable, TriageLabelsTable, TriageStateTable, TriageTicketTable, TriageVocabularyTable } from './schema-triage.js';

export type { OutboxRow, OutboxStatus, NewOutboxMessage } from './schema-outbox.js';

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
  location: ColumnType<string | null, string | null | undefined, string | null>;
  vip: ColumnType<number, number | undefined, number>;
  notes: ColumnType<string, string | undefined, string>;
}

/** A requester's further mail addresses (a merge moves the merged one's here). */
export interface RequesterEmailsTable {
  email: string;
  requester_id: number;
  added_at: number;
}

export interface GroupsTable {
  id: Generated<number>;
  name: string;
  created_at: number;
}

export interface GroupMembersTable {
  group_id: number;
  technician_id: number;
}

export interface AssetsTable {
  id: Generated<number>;
  tag: string;
  type: string;
  model: string;
  serial: string | null;
  owner_id: number | null;
  location: string | null;
  hostname: string | null;
  protocol: string | null;
  status: string;
  /** UTC midnights (epoch ms). */
  purchased_at: number | null;
  warranty_until: number | null;
  notes: string;
  created_at: number;
  updated_at: number;
}

/** Who owned an asset from when (requester_id null: back in stock). */
export interface AssetOwnersTable {
  id: Generated<number>;
  asset_id: number;
  requester_id: number | null;
  at: number;
  actor: string;
}

export interface TicketAssetsTable {
  ticket_id: number;
  asset_id: number;
  linked_at: number;
  linked_by: string;
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
  group_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** A major incident's child points at its parent (013). */
  parent_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** When someone means to look at the ticket again (013). */
  followup_at: ColumnType<number | null, number | null | undefined, number | null>;
  /** When the ticket entered its status; written by a trigger (013). */
  status_at: ColumnType<number, number | undefined, number>;
  /** The change feed's cursor; written by a trigger in every writing transaction (013). */
  change_seq: ColumnType<number, number | undefined, number>;
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
  /** The Message-ID of an entry that is an email, sent or received (migration 010). */
  message_id: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** Where an imported article came from (`confluence:<page id>`); null for articles written here (015). */
  external_id: ColumnType<string | null, string | null | undefined, string | null>;
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

export interface AttachmentsTable {
  id: Generated<number>;
  ticket_id: number;
  interaction_id: number | null;
  name: string;
  content_type: string | null;
  size: number;
  /** SHA-256 of the bytes, 64 hex digits: the file's name in the attachments folder. */
  sha256: string;
  added_by: string;
  created_at: number;
}

export interface RequestTemplatesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  /** The new ticket's title, with `{{field}}` placeholders. */
  title: string;
  category: string;
  priority: string;
  verify_identity: number;
  /** JSON: [{ name, label, type: text | date | email, required }]. */
  fields: string;
  /** JSON: [{ text, required, action? }]. */
  items: string;
  created_at: number;
  updated_at: number;
}

export interface TicketRequestsTable {
  ticket_id: number;
  template: string;
  /** JSON: { name: value } as given when the ticket was made. */
  fields: string;
  verify_identity: number;
}

export interface TicketChecklistItemsTable {
  ticket_id: number;
  position: number;
  text: string;
  required: number;
  action: string | null;
  done_at: number | null;
  done_by: string | null;
}

export interface IdentityVerificationsTable {
  id: Generated<number>;
  ticket_id: number;
  method: string;
  verified_by: string;
  verifier_id: number | null;
  verified_at: number;
}

export interface MacrosTable {
  id: Generated<number>;
  name: string;
  title: string;
  body: string;
  /** JSON: { status?, priority?, addTags?, removeTags?, assignee?, group? }. */
  changes: string;
  created_at: number;
  updated_at: number;
}

export interface TicketLinksTable {
  ticket_id: number;
  other_id: number;
  /** relates | duplicate (ticket_id duplicates other_id) | blocks (ticket_id blocks other_id). */
  kind: string;
  linked_by: string;
  linked_at: number;
}

export interface TicketFollowersTable {
  ticket_id: number;
  requester_id: number;
  added_at: number;
}

export interface RuleFiringsTable {
  ticket_id: number;
  rule: string;
  at: number;
}

export interface RedactionsTable {
  id: Generated<number>;
  ticket_id: number | null;
  interaction_id: number | null;
  requester_id: number | null;
  what: string;
  reason: string;
  actor: string;
  at: number;
}

export interface ChangeCounterTable {
  id: number;
  seq: number;
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
  attachments: AttachmentsTable;
  outbox: OutboxTable;
  requester_emails: RequesterEmailsTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  assets: AssetsTable;
  asset_owners: AssetOwnersTable;
  ticket_assets: TicketAssetsTable;
  request_templates: RequestTemplatesTable;
  ticket_requests: TicketRequestsTable;
  ticket_checklist_items: TicketChecklistItemsTable;
  identity_verifications: IdentityVerificationsTable;
  macros: MacrosTable;
  ticket_links: TicketLinksTable;
  ticket_followers: TicketFollowersTable;
  rule_firings: RuleFiringsTable;
  redactions: RedactionsTable;
  change_counter: ChangeCounterTable;
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
export type AttachmentRow = Selectable<AttachmentsTable>;
export type GroupRow = Selectable<GroupsTable>;
export type AssetRow = Selectable<AssetsTable>;

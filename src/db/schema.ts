/** Kysely table types for the live schema. Times are epoch milliseconds (INTEGER). */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { OutboxTable } from './schema-outbox.js';
import type {
  SyncConflictsTable,
  SyncFieldsTable,
  SyncOpsTable,
  SyncOutboxTable,
  SyncStateTable,
  SyncTicketMapTable,
} from './schema-sync.js';
import type { MailCursorsTable } from './schema-mail.js';
import type { TicketWordDocsTable } from './schema-triage.js';
import type { TriageCountsTable, TriageLabelsTable, TriageStateTable, TriageTicketTable, TriageVocabularyTable } from './schema-triage.js';
import type {
  TechniciansTable,
  TechnicianRolesTable,
  RequestersTable,
  RequesterEmailsTable,
  GroupsTable,
  GroupMembersTable,
  AssetsTable,
  AssetOwnersTable,
  TicketAssetsTable,
} from './schema-people.js';
import type { TicketsTable, InteractionsTable, TagsTable, TicketTagsTable, AuditEventsTable } from './schema-tickets.js';
import type {
  SlaCalendarsTable,
  SlaHolidaysTable,
  SlaPoliciesTable,
  KbArticlesTable,
  KbRevisionsTable,
  TicketKbLinksTable,
} from './schema-kb-sla.js';
import type {
  AttachmentsTable,
  AttachmentBlobsTable,
  RequestTemplatesTable,
  TicketRequestsTable,
  TicketChecklistItemsTable,
  IdentityVerificationsTable,
  MacrosTable,
  TicketLinksTable,
  TicketFollowersTable,
  RuleFiringsTable,
  RedactionsTable,
  ChangeCounterTable,
} from './schema-work.js';

export type { OutboxRow, OutboxStatus, NewOutboxMessage } from './schema-outbox.js';
export type * from './schema-people.js';
export type * from './schema-tickets.js';
export type * from './schema-kb-sla.js';
export type * from './schema-work.js';

export interface DB {
  technicians: TechniciansTable;
  technician_roles: TechnicianRolesTable;
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
  attachment_blobs: AttachmentBlobsTable;
  outbox: OutboxTable;
  mail_cursors: MailCursorsTable;
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
  ticket_word_docs: TicketWordDocsTable;
  sync_state: SyncStateTable;
  sync_outbox: SyncOutboxTable;
  sync_ops: SyncOpsTable;
  sync_fields: SyncFieldsTable;
  sync_conflicts: SyncConflictsTable;
  sync_ticket_map: SyncTicketMapTable;
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

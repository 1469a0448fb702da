/**
 * The tables of Deskline's own export, in the order they are written and read back, as data: how a
 * row is matched on a desk that may already hold it, which columns point at other tables (their ids
 * are mapped, as a row keeps its id only when that id is free), and which rows belong to a parent
 * (a ticket's timeline is written only with the ticket: a skipped ticket's rows are skipped too).
 */
import { CHANNELS, INTERACTION_KINDS, PRIORITIES, STATUSES, TIERS } from '../domain/ticket.js';

export interface RowTable {
  table: string;
  /** Columns matched on (`IS ?`): a row found is not written again. None: matched by `owner` only. */
  key?: (row: Record<string, unknown>) => readonly string[];
  /** Columns referring to another table's id. */
  refs?: Readonly<Record<string, string>>;
  /** The column naming the parent whose creation in this run decides whether the row is written. */
  owner?: string;
  /** Settings: a row found is updated to the file's values. */
  replace?: boolean;
  /** No id column of its own. */
  noId?: boolean;
  /** The unique columns rows are exported in order of (keyset pages); default id. */
  order?: readonly string[];
  /** Columns that must hold one of these words. */
  enums?: Readonly<Record<string, readonly string[]>>;
  /** What `--dry-run` calls a row (its ref and title columns). */
  label?: { ref: (row: Record<string, unknown>) => string; title?: string };
}

const byEmailElseName = (row: Record<string, unknown>) => (row.email ? ['email'] : ['name']);

export const ROW_TABLES: readonly RowTable[] = [
  { table: 'technicians', key: () => ['email'], label: { ref: (r) => String(r.email), title: 'name' } },
  { table: 'requesters', key: byEmailElseName, label: { ref: (r) => String(r.email ?? r.name), title: 'name' } },
  { table: 'requester_emails', key: () => ['email'], refs: { requester_id: 'requesters' }, noId: true, order: ['email'] },
  { table: 'groups', key: () => ['name'], label: { ref: (r) => String(r.name) } },
  {
    table: 'group_members',
    key: () => ['group_id', 'technician_id'],
    refs: { group_id: 'groups', technician_id: 'technicians' },
    noId: true,
    order: ['group_id', 'technician_id'],
  },
  { table: 'assets', key: () => ['tag'], refs: { owner_id: 'requesters' }, label: { ref: (r) => String(r.tag), title: 'model' } },
  { table: 'asset_owners', owner: 'asset_id', refs: { asset_id: 'assets', requester_id: 'requesters' } },
  { table: 'request_templates', key: () => ['slug'], replace: true, label: { ref: (r) => String(r.slug), title: 'name' } },
  { table: 'macros', key: () => ['name'], replace: true, label: { ref: (r) => String(r.name), title: 'title' } },
  { table: 'tags', key: () => ['name'], label: { ref: (r) => String(r.name) } },
  { table: 'sla_calendars', key: () => ['name'], replace: true, label: { ref: (r) => String(r.name) } },
  {
    table: 'sla_holidays',
    key: () => ['calendar_id', 'date'],
    refs: { calendar_id: 'sla_calendars' },
    label: { ref: (r) => String(r.date), title: 'name' },
  },
  {
    table: 'sla_policies',
    key: () => ['priority'],
    refs: { calendar_id: 'sla_calendars' },
    replace: true,
    noId: true,
    order: ['priority'],
    label: { ref: (r) => String(r.priority) },
  },
  {
    table: 'tickets',
    key: (row) => (row.external_id ? ['external_id'] : ['id', 'created_at', 'title']),
    refs: { requester_id: 'requesters', assignee_id: 'technicians', group_id: 'groups', parent_id: 'tickets' },
    enums: { status: STATUSES, priority: PRIORITIES, channel: CHANNELS, tier: TIERS },
    label: { ref: (r) => `HD-${String(r.id)}`, title: 'title' },
  },
  { table: 'ticket_tags', owner: 'ticket_id', refs: { ticket_id: 'tickets', tag_id: 'tags' }, noId: true, order: ['ticket_id', 'tag_id'] },
  {
    table: 'interactions',
    owner: 'ticket_id',
    refs: { ticket_id: 'tickets', author_id: 'technicians' },
    enums: { kind: INTERACTION_KINDS },
  },
  {
    table: 'attachments',
    owner: 'ticket_id',
    refs: { ticket_id: 'tickets', interaction_id: 'interactions' },
    label: { ref: (r) => `attachment ${String(r.id)}`, title: 'name' },
  },
  {
    table: 'ticket_assets',
    owner: 'ticket_id',
    refs: { ticket_id: 'tickets', asset_id: 'assets' },
    noId: true,
    order: ['ticket_id', 'asset_id'],
  },
  { table: 'ticket_requests', owner: 'ticket_id', refs: { ticket_id: 'tickets' }, noId: true, order: ['ticket_id'] },
  { table: 'ticket_checklist_items', owner: 'ticket_id', refs: { ticket_id: 'tickets' }, noId: true, order: ['ticket_id', 'position'] },
  { table: 'identity_verifications', owner: 'ticket_id', refs: { ticket_id: 'tickets', verifier_id: 'technicians' } },
  {
    table: 'ticket_links',
    owner: 'ticket_id',
    refs: { ticket_id: 'tickets', other_id: 'tickets' },
    noId: true,
    order: ['ticket_id', 'other_id'],
  },
  {
    table: 'ticket_followers',
    owner: 'ticket_id',
    refs: { ticket_id: 'tickets', requester_id: 'requesters' },
    noId: true,
    order: ['ticket_id', 'requester_id'],
  },
  { table: 'rule_firings', owner: 'ticket_id', refs: { ticket_id: 'tickets' }, noId: true, order: ['ticket_id', 'rule'] },
  // interaction_id and requester_id of a redaction name rows that may be gone: kept as they were.
  { table: 'redactions', owner: 'ticket_id', key: () => ['what', 'reason', 'actor', 'at'], refs: { ticket_id: 'tickets' } },
  { table: 'outbox', owner: 'ticket_id', key: () => ['message_id'], refs: { ticket_id: 'tickets', interaction_id: 'interactions' } },
  {
    table: 'kb_articles',
    key: () => ['slug'],
    refs: { author_id: 'technicians' },
    label: { ref: (r) => `KB-${String(r.id)}`, title: 'title' },
  },
  { table: 'kb_revisions', owner: 'article_id', refs: { article_id: 'kb_articles' } },
  {
    table: 'ticket_kb_links',
    owner: 'ticket_id',
    refs: { ticket_id: 'tickets', article_id: 'kb_articles' },
    noId: true,
    order: ['ticket_id', 'article_id'],
  },
  // The audit trail: a ticket's events come with the ticket; the desk's own (ticket_id NULL) are matched on their content.
  {
    table: 'audit_events',
    owner: 'ticket_id',
    key: () => ['actor', 'at', 'action', 'field', 'old_value', 'new_value'],
    refs: { ticket_id: 'tickets' },
  },
];

export const ROW_TABLE = new Map(ROW_TABLES.map((t) => [t.table, t]));

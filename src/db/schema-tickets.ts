/** Table types: tickets, their timeline, tags and the audit trail. Times are epoch ms. */
import type { ColumnType, Generated } from 'kysely';

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

/** Table types: attachments (008; their bytes on a server, 024), service requests and macros (012), workflow (013). Times are epoch ms. */
import type { Generated } from 'kysely';

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

/** A server desk's attachment bytes (PostgreSQL only, migration 024): one row per content. */
export interface AttachmentBlobsTable {
  sha256: string;
  size: number;
  data: Uint8Array;
  added_at: number;
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

/** What a bulk write takes and reports, as types (store/bulk.ts writes it; store/bulk-rows.ts writes its rows). */
import type { TicketRow } from '../db/schema.js';
import type { BulkRun } from './bulk-run.js';

export interface BulkInteraction {
  kind: string;
  /** Index into the batch's technicians, or null (the requester, the system). */
  author: number | null;
  author_name: string;
  body: string;
  minutes: number;
  created_at: number;
}

/** A ticket's row, with its people as indexes into the batch's lists, its tags and its timeline. */
export interface BulkTicket extends Omit<
  TicketRow,
  'id' | 'external_id' | 'requester_id' | 'assignee_id' | 'parent_id' | 'group_id' | 'followup_at' | 'status_at' | 'change_seq'
> {
  requester: number | null;
  assignee: number | null;
  tags: readonly string[];
  interactions: readonly BulkInteraction[];
}

export interface BulkBatch {
  technicians: readonly { name: string; email: string; tier: string; created_at: number }[];
  requesters: readonly { name: string; email: string; phone: string | null; department: string | null; created_at: number }[];
  tagNames: readonly string[];
  /** The tickets in order (iterated once); on a resume, from the first one again: the written ones are skipped. */
  tickets: Iterable<BulkTicket>;
  total: number;
  /** Who the tickets' 'create' events name. */
  actor: string;
  now: number;
  /** Kept with the run so that an interrupted one can be generated again and resumed. */
  params: Record<string, unknown>;
  /** What the run is called, and the command that resumes it, for the messages about an interrupted one. */
  label: string;
  resumeWith: string;
  /** Refuse (exit 3, nothing written) when the desk already has tickets. */
  emptyOnly: boolean;
  /** The interrupted run this one finishes. */
  resume?: BulkRun;
  /** Called with 0 first, as chunks progress, and with `total` last. */
  onProgress?: (done: number, total: number) => void;
}

export interface BulkSummary {
  tickets: number;
  requesters: number;
  technicians: number;
  tags: number;
  ticket_tags: number;
  interactions: number;
  audit_events: number;
  first_id: number | null;
  last_id: number | null;
}

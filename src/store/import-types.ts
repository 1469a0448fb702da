/**
 * What the store's import takes: checked tickets (io/import-check.ts makes them from the
 * format-neutral records of io/import-record.ts) and the raw rows of Deskline's own export.
 */
import type { TicketInput } from '../domain/ticket-input.js';
import type { Desk } from './desk.js';
import type { Executor } from './executor.js';
import type { ImportMailIn } from './mail-types.js';
import type { WriteSession } from './write-session.js';

export interface ImportPersonIn {
  name: string;
  email: string | null;
  phone: string | null;
  department: string | null;
}

export interface ImportInteractionIn {
  kind: string;
  author: ImportPersonIn | null;
  byRequester: boolean;
  body: string;
  minutes: number;
  createdAt: number;
}

export interface ImportAttachmentIn {
  name: string;
  data: Uint8Array;
  contentType: string | null;
  createdAt: number | null;
}

export interface ImportChangeIn {
  at: number;
  field: string;
  from: string | null;
  to: string | null;
  actor: string | null;
}

export interface ImportTicketIn {
  kind: 'ticket';
  /** Where it came from (`file:line`), for messages. */
  place: string;
  externalId: string | null;
  input: TicketInput;
  requester: ImportPersonIn | null;
  assignee: ImportPersonIn | null;
  interactions: readonly ImportInteractionIn[];
  attachments: readonly ImportAttachmentIn[];
  history: readonly ImportChangeIn[];
}

export interface ImportRowIn {
  kind: 'row';
  place: string;
  table: string;
  row: Record<string, unknown>;
}

export type ImportItemIn = ImportTicketIn | ImportRowIn | ImportMailIn;

export type Outcome = 'created' | 'updated' | 'skipped';

/** One line of what happened (or, in a dry run, would), for `--dry-run` and `--json`. */
export interface OutcomeLine {
  outcome: Outcome;
  what: string;
  /** HD-123, KB-4, the external id… */
  ref: string;
  title: string;
}

export interface ImportSummary {
  created: number;
  updated: number;
  skipped: number;
  /** Counts by kind: tickets, interactions, attachments, requesters… (created only). */
  counts: Record<string, number>;
  /** Every item's outcome when asked for (a dry run, --json), else empty. */
  lines: OutcomeLine[];
  /** Tickets opened by mail, in order (their triage suggestions are shown or, with --auto, applied). */
  mailCreated: number[];
}

export interface ImportOptions {
  /** Who the audit trail names. */
  actor: string;
  now: number;
  /** Roll back at the end: report what would happen, change nothing. */
  dryRun: boolean;
  /** Keep an outcome line per item. */
  keepLines: boolean;
  /** Called after each item with how many are done. */
  onItem?: (done: number) => void;
}

/** What an import does differently by dialect (./import-sqlite.ts, ./import-pg.ts), around the same writers. */
export interface ImportDialect {
  /** Connection settings for the run, outside its transaction; returns what puts them back. */
  before(desk: Desk): () => void;
  /** Inside the transaction: the session the writers use, and what to do before COMMIT. */
  begin(desk: Desk, trx: Executor): Promise<{ session: WriteSession; finish(run: ImportRun): Promise<void> }>;
}

/** What a run wrote that the dialect may need to follow up before COMMIT. */
export interface ImportRun {
  /** Tickets whose free-text index must be rebuilt. */
  touched: ReadonlySet<number>;
  /** Tables given rows with the ids of the file (a PostgreSQL identity must be moved past them). */
  explicitIds: ReadonlySet<string>;
}

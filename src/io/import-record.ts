/**
 * The format-neutral import record, and how a format plugs in.
 *
 * `deskline import FORMAT PATH…` reads every PATH with the format's parser, checks each record
 * (./import-check.ts) and hands the records to the store (store/import.ts), which writes them in one
 * transaction: all or nothing, idempotent by external id, and rolled back for `--dry-run`.
 *
 * To add a format:
 *   1. Write `src/io/FORMAT-import.ts` exporting `read(paths, options, io): AsyncIterable<ImportItem>`
 *      (type `ImportReader` in ./import-formats.ts). Turn each ticket of the file into an
 *      `ImportRecord` below; read big files as a stream (./line-reader.ts gives lines with their
 *      numbers, a length cap and a UTF-8 check) and call `io.advance(bytes)` as you go for progress.
 *   2. On a bad record throw `new RecordError(where, field, problem)`: the run stops, nothing is
 *      written, and the user sees `FILE:LINE: field: problem` with exit 4.
 *   3. Add one row to `IMPORT_FORMATS` in ./import-formats.ts (name, summary, its options, a lazy
 *      `load`). The command, progress, dry run, idempotency and the transaction come for free.
 * Values stay raw (text as found, times as ms): enums, lengths and tags are checked by ./import-check.ts.
 */
import { EXIT, DesklineError } from '../errors.js';
import type { MailIn } from '../store/mail-types.js';

/** Where a record was found, for messages: `file:line` or `file: record N`. */
export interface RecordPlace {
  file: string;
  /** 1-based line of a line-oriented file (JSON Lines, CSV, mbox). */
  line?: number;
  /** 1-based record number when lines mean nothing (a JSON array, a folder of messages). */
  record?: number;
}

export interface ImportPerson {
  name?: string | null;
  /** The key people are matched on; without one, the name. */
  email?: string | null;
  phone?: string | null;
  department?: string | null;
}

/** One timeline entry: a public reply, an internal note, a call, an email in or out… */
export interface ImportInteraction {
  /** reply | note | call | chat | email_in | email_out | system */
  kind: string;
  /** A technician (for replies and notes) or the requester (for email_in); null: the system. */
  author?: ImportPerson | null;
  /** True when the author is the requester, not a technician. */
  byRequester?: boolean;
  body: string;
  minutes?: number;
  /** ms since the epoch. */
  createdAt: number;
}

export interface ImportAttachment {
  /** The file name as the source gave it (made safe when stored). */
  name: string;
  data: Uint8Array;
  contentType?: string | null;
  createdAt?: number | null;
}

/** A change the source recorded (a row per state change, a Jira history item): kept in the audit trail. */
export interface ImportChange {
  at: number;
  field: string;
  from: string | null;
  to: string | null;
  actor?: string | null;
}

export interface ImportRecord {
  kind: 'ticket';
  at: RecordPlace;
  /** The source's own id (`zendesk:1234`, `JIRA-12`, a Message-ID…): importing it again matches it. */
  externalId: string | null;
  ticket: {
    title: string;
    description?: string | null;
    /** new | open | pending | on_hold | resolved | closed (vendor words are the parser's to map). */
    status?: string | null;
    priority?: string | null;
    category?: string | null;
    channel?: string | null;
    tier?: string | null;
    resolution?: string | null;
    createdAt?: number | null;
    updatedAt?: number | null;
    firstResponseAt?: number | null;
    resolvedAt?: number | null;
    closedAt?: number | null;
  };
  requester: ImportPerson | null;
  assignee: ImportPerson | null;
  tags: readonly string[];
  interactions: readonly ImportInteraction[];
  attachments: readonly ImportAttachment[];
  history?: readonly ImportChange[];
}

/** Rows of Deskline's own export (`export jsonl`), written back as they were: only the jsonl format yields these. */
export interface ImportRow {
  kind: 'row';
  at: RecordPlace;
  table: string;
  row: Record<string, unknown>;
}

/** One email (formats eml, mbox, maildir): threaded and written by the store (store/mail-intake.ts). */
export interface ImportMail {
  kind: 'mail';
  at: RecordPlace;
  mail: MailIn;
}

export type ImportItem = ImportRecord | ImportRow | ImportMail;

export function placeText(at: RecordPlace): string {
  if (at.line !== undefined) return `${at.file}:${at.line}`;
  if (at.record !== undefined) return `${at.file}: record ${at.record}`;
  return at.file;
}

/** A bad record: names where and which field; exit 4, nothing written. */
export class RecordError extends DesklineError {
  constructor(
    readonly at: RecordPlace,
    readonly field: string | null,
    problem: string,
  ) {
    super(EXIT.invalid, `${placeText(at)}: ${field ? `${field}: ` : ''}${problem}`);
    this.name = 'RecordError';
  }
}

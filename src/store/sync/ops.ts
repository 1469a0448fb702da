/**
 * The operations that travel between a replica and the server. Each is one write's effect on one
 * ticket, stamped by a hybrid logical clock (domain/hlc.ts) whose text is also the operation's id.
 * - create: the ticket's row as written (people by email, so ids need not agree), with its tags;
 * - set: one single-valued field (status, priority, assignee, title, category, tier, resolution) and
 *   the columns it writes, with `base`, the stamp of the value this device last agreed on;
 * - tags: names added and removed (merge: applied in the server's order, idempotent);
 * - interaction: a timeline entry (merge: each once, by op id);
 * - conflict: made by the server when a set met a concurrent one: what was kept and what lost;
 * - resolve: a conflict settled (by its op id); taking the lost value is a set of its own;
 * - redact: a timeline entry's text removed (./redact-op.ts): the entry named by its time, kind,
 *   author and place among entries alike, never by its text;
 * - link: a link to ticket `other` set (`kind`) or removed (null); later by clock wins per pair (./op-stamps.ts);
 * - checklist: a request's form and checklist, made with the ticket (once: a ticket that has one keeps it);
 * - check: a checklist item ticked or unticked, a single-valued field (later by clock wins);
 * - parent: the ticket made a child of `parent` (a provisional id until mapped); later by clock wins;
 * - verify: a request's requester's identity checked (merge: each once, by method, name and time);
 * - merge: the ticket merged `into` another at `at`: its entries from before move there (./apply-merge.ts);
 * - attachment: a file attached (./attachment-op.ts): its row, under its timeline entry if it has one;
 *   the bytes travel beside the log, by SHA-256 (./blob-transfer.ts); each once, by op id;
 * - forget: a requester forgotten on the server (./forget-op.ts), named by their email's SHA-256;
 * - group: a group made (by name; made where missing). Forget and group belong to no ticket (ticket 0).
 * A ticket's group is a `set` of the field `group`, its value the group's name (made where missing),
 * and a create names its requester in full (`requester_person`) so a person made offline is made there too.
 */
export interface CreateBody {
  row: Record<string, unknown>;
  requester: string | null;
  assignee: string | null;
  tags: string[];
  /** The requester as they were where the ticket was made (absent in operations older than issue 22's attachments). */
  requester_person?: RequesterPerson | null;
}
export interface RequesterPerson {
  name: string;
  email: string | null;
  phone: string | null;
  department: string | null;
}
export interface SetBody {
  field: string;
  value: string | null;
  columns: Record<string, unknown>;
  /** An assignee by email (resolved where the operation is applied). */
  assignee?: string | null;
  base: string | null;
}
export interface TagsBody {
  add: string[];
  remove: string[];
}
export interface InteractionBody {
  kind: string;
  body: string;
  minutes: number;
  author_name: string;
  author_email: string | null;
  created_at: number;
  first_response_at: number | null;
}
export interface ConflictBody {
  field: string;
  kept: string | null;
  lost: string | null;
  kept_hlc: string;
  lost_hlc: string;
  pushed_op: string;
  /** Why, when the field alone does not say (a parent undone to keep one level). */
  reason?: string;
}

export interface ResolveBody {
  conflict: string;
  take: 'kept' | 'lost';
  by: string;
  at: number;
}
export interface RedactBody {
  created_at: number;
  kind: string;
  author_name: string;
  /** Its place (0-based, by id) among the ticket's entries of the same time, kind and author. */
  nth: number;
  reason: string;
  by: string;
  at: number;
}

export interface LinkBody {
  /** The ticket at the other end (a provisional id until the server maps it). */
  other: number;
  /** As stored, from the op's ticket to `other`; null: the pair's link removed. */
  kind: string | null;
  by: string;
  at: number;
}
export interface ChecklistBody {
  template: string;
  fields: string;
  verify_identity: number;
  items: { text: string; required: number; action: string | null }[];
}
export interface CheckBody {
  position: number;
  done: boolean;
  by: string;
  at: number;
}

export interface ParentBody {
  parent: number;
  by: string;
  at: number;
}

/** A timeline entry named as ./redact-op.ts names one: by its time, kind, author and place among entries alike. */
export interface EntryPlace {
  created_at: number;
  kind: string;
  author_name: string;
  nth: number;
}
export interface AttachmentBody {
  name: string;
  content_type: string | null;
  size: number;
  sha256: string;
  added_by: string;
  created_at: number;
  /** The timeline entry it came with, or null (attached to the ticket). */
  entry: EntryPlace | null;
}
export interface ForgetBody {
  /** SHA-256 of the forgotten requester's email (lower case): the log keeps no address. */
  email_sha256: string;
  reason: string;
  by: string;
  at: number;
}

export interface VerifyBody {
  method: string;
  by: string;
  /** The verifier by email (resolved where the operation is applied). */
  email: string | null;
  at: number;
  /** What was seen, whom was called ('' for nothing): it goes into the audit event, as where it was made. */
  note: string;
}
export interface MergeBody {
  /** The target (a provisional id until mapped). */
  into: number;
  by: string;
  at: number;
}
export interface GroupBody {
  name: string;
  at: number;
}

export type OpBody =
  | { kind: 'create'; body: CreateBody }
  | { kind: 'set'; body: SetBody }
  | { kind: 'tags'; body: TagsBody }
  | { kind: 'interaction'; body: InteractionBody }
  | { kind: 'conflict'; body: ConflictBody }
  | { kind: 'resolve'; body: ResolveBody }
  | { kind: 'redact'; body: RedactBody }
  | { kind: 'link'; body: LinkBody }
  | { kind: 'checklist'; body: ChecklistBody }
  | { kind: 'check'; body: CheckBody }
  | { kind: 'parent'; body: ParentBody }
  | { kind: 'attachment'; body: AttachmentBody }
  | { kind: 'forget'; body: ForgetBody }
  | { kind: 'group'; body: GroupBody }
  | { kind: 'verify'; body: VerifyBody }
  | { kind: 'merge'; body: MergeBody };

export type SyncOp = OpBody & {
  op_id: string;
  device: string;
  /** The server's id, or a provisional (negative) id of the device that made it. */
  ticket_id: number;
};

/** An operation as a row's columns (sync_outbox, sync_ops) and back. */
export function opColumns(op: SyncOp) {
  return { op_id: op.op_id, hlc: op.op_id, ticket_id: op.ticket_id, kind: op.kind, payload: JSON.stringify(op.body) };
}

export function opOfRow(row: { op_id: string; ticket_id: number; kind: string; payload: string }, device: string): SyncOp {
  return { op_id: row.op_id, device, ticket_id: row.ticket_id, kind: row.kind, body: JSON.parse(row.payload) } as SyncOp;
}

/** The device part of a stamp (domain/hlc.ts encodes it last). */
export const deviceOfStamp = (stamp: string) => stamp.slice(stamp.lastIndexOf('.') + 1);

/** Single-valued fields whose concurrent edits are conflicts (the others merge). */
export const SYNCED_FIELDS = ['status', 'priority', 'assignee', 'title', 'category', 'tier', 'resolution', 'group'] as const;

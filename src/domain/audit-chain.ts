/**
 * The audit trail as a hash chain, so an edit, insertion or deletion made behind Deskline's back
 * (with `sqlite3`, say) shows in `deskline db check`.
 *
 * Each event stores `digest` = SHA-256 of its content and `chain` = SHA-256(previous chain ‖ digest),
 * in id order across the whole desk (the first event follows the empty string). The chain covers
 * digests, not content: a redaction replaces an event's text and keeps its digest, and the chain
 * still holds; a statement chained after it vouches for the new content (AUDIT_STATEMENT below). Both are kept as 32 hex digits (the first 128 bits): plenty to notice an edit, and
 * strings cost a third of what 200,000 small Buffers do when the demo seed writes 100k events. Migration 005 carries a frozen copy of `eventDigest` and `linkDigest` for the rows
 * it backfills; a test checks the two agree.
 *
 * What it cannot see: the newest events removed from the end, or a chain recomputed by someone who
 * has read this file. It makes tampering evident, not impossible.
 */
import { hash } from 'node:crypto';

/** The content an event's digest covers: every column but the id and the hashes. */
export interface AuditContent {
  ticket_id: number | null;
  actor: string;
  at: number;
  action: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
}

export interface AuditHashes {
  digest: string;
  chain: string;
}

export const CHAIN_START = '';
const sha = (text: string) => hash('sha256', text, 'hex').slice(0, 32);

/** Text as SQLite stores it: UTF-8, so a lone surrogate reads back as U+FFFD and the digest must agree. */
const asStored = (v: string | number | null) =>
  typeof v === 'string' && /[\uD800-\uDFFF]/.test(v) ? Buffer.from(v, 'utf8').toString('utf8') : v;

export function eventDigest(e: AuditContent): string {
  return sha(
    JSON.stringify([
      e.ticket_id,
      asStored(e.actor),
      e.at,
      asStored(e.action),
      asStored(e.field),
      asStored(e.old_value),
      asStored(e.new_value),
    ]),
  );
}

export function linkDigest(previousChain: string, digest: string): string {
  return sha(previousChain + digest);
}

/**
 * Hashes events one after another from the event whose chain is `previous` (null: none yet): the
 * store's batch inserts and the demo seed's bulk append share it.
 */
export function chainFrom(previous: string | null): (event: AuditContent) => AuditHashes {
  let chain = previous ?? CHAIN_START;
  return (event) => {
    const digest = eventDigest(event);
    chain = linkDigest(chain, digest);
    return { digest, chain };
  };
}

/** The events to insert, in order, with their hashes, after the event whose chain is `previous`. */
export function chainEvents<T extends AuditContent>(previous: string | null, events: readonly T[]): Array<T & AuditHashes> {
  const next = chainFrom(previous);
  return events.map((event) => ({ ...event, ...next(event) }));
}

export interface StoredEvent extends AuditContent {
  id: number;
  digest: string | null;
  chain: string | null;
}

/** A redaction's statement in the chain (store/audit-redaction.ts): `#id original-digest` → redacted digest. */
export const AUDIT_STATEMENT = { action: 'redact', field: 'audit_event' } as const;

/** Events whose content a redaction replaced: the digest they had and the digest of what they hold now. */
export type Redacted = ReadonlyMap<number, { original: string; redacted: string }>;

/** A statement's parts, or null when the values are not one. */
export function readStatement(oldValue: string | null, newValue: string | null): { id: number; original: string; redacted: string } | null {
  const m = /^#(\d+) (\S+)$/.exec(oldValue ?? '');
  return m && newValue ? { id: Number(m[1]), original: m[2]!, redacted: newValue } : null;
}

export type ChainProblem =
  | { kind: 'edited'; id: number; ticketId: number | null }
  | { kind: 'inserted'; id: number; ticketId: number | null }
  | { kind: 'missing'; afterId: number | null; beforeId: number; ticketId: number | null };

/**
 * Walks stored events in id order and names what breaks the chain, each problem once:
 * - no hashes at all, or an event that does not follow the one before it while the next one does:
 *   inserted (and skipped);
 * - content that no longer matches its digest, or hashes rewritten in place: edited;
 * - an event that does not follow the one before it after a gap in the ids: events are missing.
 * Ids are never reused or skipped by Deskline itself (no ticket or event is ever deleted).
 * `redacted` comes from the statements in the same chain (a forged statement is itself reported).
 */
export function verifyChain(events: Iterable<StoredEvent>, redacted: Redacted = new Map()): ChainProblem[] {
  const walk = chainWalk(redacted);
  for (const event of events) walk.step(event);
  return walk.finish();
}

/** The same walk over events read a page at a time (a server's trail is never held whole in memory). */
export async function verifyChainAsync(events: AsyncIterable<StoredEvent>, redacted: Redacted = new Map()): Promise<ChainProblem[]> {
  const walk = chainWalk(redacted);
  for await (const event of events) walk.step(event);
  return walk.finish();
}

/** verifyChain one event at a time: `step` each in id order, then `finish`. */
function chainWalk(redacted: Redacted): { step(event: StoredEvent): void; finish(): ChainProblem[] } {
  const problems: ChainProblem[] = [];
  let chain = CHAIN_START;
  let lastId: number | null = null;
  const follows = (e: StoredEvent, after: string) => e.digest !== null && e.chain === linkDigest(after, e.digest);

  const settle = (e: StoredEvent, next: StoredEvent | null) => {
    const where = { id: e.id, ticketId: e.ticket_id };
    if (e.digest === null || e.chain === null || (!follows(e, chain) && next !== null && follows(next, chain))) {
      return void problems.push({ kind: 'inserted', ...where });
    }
    // A redacted event holds other content than its digest covers: its statement vouches for both.
    const r = redacted.get(e.id);
    const now = e.digest !== eventDigest(e) ? eventDigest(e) : null;
    const contentEdited = now !== null && !(r && r.original === e.digest && r.redacted === now);
    const expected = linkDigest(chain, e.digest);
    let after = e.chain;
    if (e.chain !== expected) {
      const gap = e.id > (lastId ?? 0) + 1;
      if (gap) problems.push({ kind: 'missing', afterId: lastId, beforeId: e.id, ticketId: e.ticket_id });
      else if (!contentEdited) problems.push({ kind: 'edited', ...where });
      // Hashes rewritten in place: the next event tells which of the two chains is the real one.
      if (!gap && next !== null && !follows(next, e.chain) && follows(next, expected)) after = expected;
    }
    if (contentEdited) problems.push({ kind: 'edited', ...where });
    chain = after;
    lastId = e.id;
  };

  let pending: StoredEvent | null = null;
  return {
    step: (event) => {
      if (pending) settle(pending, event);
      pending = event;
    },
    finish: () => {
      if (pending) settle(pending, null);
      pending = null;
      return problems;
    },
  };
}

/** One phrase per problem, naming the ticket and the event. */
export function describeChainProblem(p: ChainProblem): string {
  const of = (ticketId: number | null) => (ticketId === null ? '' : ` of HD-${ticketId}`);
  if (p.kind === 'edited') return `audit event #${p.id}${of(p.ticketId)} was edited (its content no longer matches its digest)`;
  if (p.kind === 'inserted') return `audit event #${p.id}${of(p.ticketId)} was inserted by hand (it is not in the chain)`;
  const gap = p.afterId === null ? 'before it' : `after #${p.afterId}`;
  return `audit events are missing ${gap}: event #${p.beforeId}${of(p.ticketId)} does not follow the one before it`;
}

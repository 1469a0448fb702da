/**
 * The audit trail as a hash chain, so an edit, insertion or deletion made behind Deskline's back
 * (with `sqlite3`, say) shows in `deskline db check`.
 *
 * Each event stores `digest` = SHA-256 of its content and `chain` = SHA-256(previous chain ‖ digest),
 * in id order across the whole desk (the first event follows 32 zero bytes). The chain covers digests,
 * not content: a redaction may one day replace an event's text and keep its digest, and the chain
 * still holds. Migration 005 carries a frozen copy of `eventDigest` and `linkDigest` for the rows
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
  digest: Buffer;
  chain: Buffer;
}

export const CHAIN_START: Buffer = Buffer.alloc(32);

/** Text as SQLite stores it: UTF-8, so a lone surrogate reads back as U+FFFD and the digest must agree. */
const asStored = (v: string | number | null) =>
  typeof v === 'string' && /[\uD800-\uDFFF]/.test(v) ? Buffer.from(v, 'utf8').toString('utf8') : v;

export function eventDigest(e: AuditContent): Buffer {
  const content = [e.ticket_id, e.actor, e.at, e.action, e.field, e.old_value, e.new_value].map(asStored);
  return hash('sha256', JSON.stringify(content), 'buffer');
}

export function linkDigest(previousChain: Uint8Array, digest: Uint8Array): Buffer {
  return hash('sha256', Buffer.concat([previousChain, digest]), 'buffer');
}

/** The events to insert, in order, with their hashes, after the event whose chain is `previous` (null: none yet). */
export function chainEvents<T extends AuditContent>(previous: Uint8Array | null, events: readonly T[]): Array<T & AuditHashes> {
  let chain: Uint8Array = previous ?? CHAIN_START;
  return events.map((event) => {
    const digest = eventDigest(event);
    const linked = { ...event, digest, chain: linkDigest(chain, digest) };
    chain = linked.chain;
    return linked;
  });
}

export interface StoredEvent extends AuditContent {
  id: number;
  digest: Uint8Array | null;
  chain: Uint8Array | null;
}

export type ChainProblem =
  | { kind: 'edited'; id: number; ticketId: number | null }
  | { kind: 'inserted'; id: number; ticketId: number | null }
  | { kind: 'missing'; afterId: number | null; beforeId: number; ticketId: number | null };

const same = (a: Uint8Array | null, b: Uint8Array) => a !== null && a.length === b.length && Buffer.compare(a, b) === 0;

/**
 * Walks stored events in id order and names what breaks the chain, each problem once:
 * - no hashes at all, or an event that does not follow the one before it while the next one does:
 *   inserted (and skipped);
 * - content that no longer matches its digest, or hashes rewritten in place: edited;
 * - an event that does not follow the one before it after a gap in the ids: events are missing.
 * Ids are never reused or skipped by Deskline itself (no ticket or event is ever deleted).
 */
export function verifyChain(events: Iterable<StoredEvent>): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let chain: Uint8Array = CHAIN_START;
  let lastId: number | null = null;
  const follows = (e: StoredEvent, after: Uint8Array) => e.digest !== null && same(e.chain, linkDigest(after, e.digest));

  const settle = (e: StoredEvent, next: StoredEvent | null) => {
    const where = { id: e.id, ticketId: e.ticket_id };
    if (e.digest === null || e.chain === null || (!follows(e, chain) && next !== null && follows(next, chain))) {
      return void problems.push({ kind: 'inserted', ...where });
    }
    const contentEdited = !same(e.digest, eventDigest(e));
    const expected = linkDigest(chain, e.digest);
    let after: Uint8Array = e.chain;
    if (!same(e.chain, expected)) {
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
  for (const event of events) {
    if (pending) settle(pending, event);
    pending = event;
  }
  if (pending) settle(pending, null);
  return problems;
}

/** One phrase per problem, naming the ticket and the event. */
export function describeChainProblem(p: ChainProblem): string {
  const of = (ticketId: number | null) => (ticketId === null ? '' : ` of HD-${ticketId}`);
  if (p.kind === 'edited') return `audit event #${p.id}${of(p.ticketId)} was edited (its content no longer matches its digest)`;
  if (p.kind === 'inserted') return `audit event #${p.id}${of(p.ticketId)} was inserted by hand (it is not in the chain)`;
  const gap = p.afterId === null ? 'before it' : `after #${p.afterId}`;
  return `audit events are missing ${gap}: event #${p.beforeId}${of(p.ticketId)} does not follow the one before it`;
}

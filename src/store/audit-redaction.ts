/**
 * Redaction reaches the audit trail too: an event whose old or new value holds removed text gets the
 * marker in its place. The chain stays checkable (`db check`): the event keeps its `digest` (the
 * original content's, which the chain links), and a statement is appended to the chain in the same
 * transaction — action `redact`, field `audit_event`, old value `#<id> <original digest>`, new value
 * the digest of the redacted content. The check accepts an event whose content no longer matches its
 * digest only when such a statement names it, both digests agree, and the statement itself is in the
 * chain (a forged one breaks it). See domain/audit-chain.ts.
 */
import { AUDIT_STATEMENT, eventDigest, type AuditContent } from '../domain/audit-chain.js';
import { insertAuditEvents } from './audit.js';
import type { Actor, Executor } from './executor.js';

/** The fields whose values are free text (a timeline entry's words can reach them: a resolution). */
const FREE_TEXT = new Set(['title', 'description', 'resolution']);

/** How an event's value changes: null when it holds nothing removed. */
export type Scrub = (value: string, field: string | null) => string;

/** Requester data: every occurrence of a needle (name, email, phone) in any field. */
export function needleScrub(needles: readonly string[], marker: string): Scrub {
  return (value) => needles.reduce((t, n) => t.split(n).join(marker), value);
}

/** A timeline entry's text: a free-text value it contains goes whole, and the entry's text inside a value goes. */
export function entryScrub(body: string, marker: string): Scrub {
  const text = body.trim();
  return (value, field) => {
    if (text.length < 3 || !FREE_TEXT.has(field ?? '')) return value;
    if (value.trim().length >= 3 && text.includes(value.trim())) return marker;
    return value.split(text).join(marker);
  };
}

/**
 * Scrubs the audit events of `ticketIds` (and, with `unattached`, events of no ticket), inside the
 * caller's transaction; returns how many events changed. Statements are never scrubbed.
 */
export async function scrubAuditEvents(
  trx: Executor,
  scope: { ticketIds: readonly number[]; unattached?: boolean },
  scrub: Scrub,
  actor: Actor,
  now: number,
): Promise<number> {
  if (scope.ticketIds.length === 0 && !scope.unattached) return 0;
  const events = await trx
    .selectFrom('audit_events')
    .select(['id', 'ticket_id', 'actor', 'at', 'action', 'field', 'old_value', 'new_value', 'digest'])
    .where('action', '!=', AUDIT_STATEMENT.action)
    .where((eb) => {
      const any = [];
      if (scope.ticketIds.length) any.push(eb('ticket_id', 'in', scope.ticketIds));
      if (scope.unattached) any.push(eb('ticket_id', 'is', null));
      return eb.or(any);
    })
    .orderBy('id')
    .execute();
  const statements: AuditContent[] = [];
  for (const e of events) {
    const old_value = e.old_value === null ? null : scrub(e.old_value, e.field);
    const new_value = e.new_value === null ? null : scrub(e.new_value, e.field);
    if (old_value === e.old_value && new_value === e.new_value) continue;
    await trx.updateTable('audit_events').set({ old_value, new_value }).where('id', '=', e.id).execute();
    statements.push({
      ticket_id: e.ticket_id,
      actor: actor.name,
      at: now,
      ...AUDIT_STATEMENT,
      old_value: `#${e.id} ${e.digest ?? ''}`,
      new_value: eventDigest({ ...e, old_value, new_value }),
    });
  }
  await insertAuditEvents(trx, statements);
  return statements.length;
}

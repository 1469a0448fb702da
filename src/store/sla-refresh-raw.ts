/**
 * ./sla.ts's refreshDue in a write session (./write-session.ts), for the writers of an import and of mail
 * intake (./import-tickets.ts, ./mail-intake.ts): a ticket's due times recomputed from its status
 * history as any update recomputes them, and breaches not yet recorded appended to the audit trail.
 */
import type { AuditContent } from '../domain/audit-chain.js';
import { dueTimesOf, type DueTimes } from '../domain/sla/clocks.js';
import type { SlaConfig } from './sla-config.js';
import { breachesOf, clocksOf, sameDue, SLA_COLUMNS, type StatusRow, type TicketSlaRow } from './sla-history.js';
import type { WriteSession } from './write-session.js';

export function dueRefresher(
  session: WriteSession,
  config: SlaConfig,
  audit: (event: AuditContent) => Promise<unknown>,
): (ticketId: number, now: number) => Promise<DueTimes> {
  const q = {
    ticket: `SELECT ${SLA_COLUMNS.join(', ')} FROM tickets WHERE id = ?`,
    statuses: "SELECT ticket_id, at, old_value, new_value FROM audit_events WHERE ticket_id = ? AND field = 'status' ORDER BY at, id",
    due: 'UPDATE tickets SET first_response_due_at = ?, resolution_due_at = ?, next_due_at = ? WHERE id = ?',
    breached: "SELECT field FROM audit_events WHERE ticket_id = ? AND action = 'sla_breach'",
  };
  return async (ticketId, now) => {
    const t = (await session.get<TicketSlaRow>(q.ticket, ticketId))!;
    const clocks = clocksOf(t, await session.all<StatusRow>(q.statuses, ticketId), config);
    const due = dueTimesOf(clocks);
    if (!sameDue(t, due)) await session.run(q.due, due.first_response_due_at, due.resolution_due_at, due.next_due_at, ticketId);
    const breaches = breachesOf(t, clocks, now);
    if (breaches.length === 0) return due;
    const known = new Set(await session.values<string>(q.breached, ticketId));
    for (const b of breaches) {
      if (known.has(b.field)) continue;
      await audit({
        ticket_id: b.ticket_id,
        actor: 'system',
        at: b.at,
        action: 'sla_breach',
        field: b.field,
        old_value: null,
        new_value: b.priority,
      });
    }
    return due;
  };
}

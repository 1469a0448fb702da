/**
 * ./sla.ts's refreshDue on the raw connection, for the synchronous writers of an import and of mail
 * intake (./import-tickets.ts, ./mail-intake.ts): a ticket's due times recomputed from its status
 * history as any update recomputes them, and breaches not yet recorded appended to the audit trail.
 */
import type Database from 'better-sqlite3';
import type { AuditContent } from '../domain/audit-chain.js';
import { dueTimesOf, type DueTimes } from '../domain/sla/clocks.js';
import type { SlaConfig } from './sla-config.js';
import { breachesOf, clocksOf, sameDue, SLA_COLUMNS, type StatusRow, type TicketSlaRow } from './sla-history.js';

export function dueRefresher(
  sqlite: Database.Database,
  config: SlaConfig,
  audit: (event: AuditContent) => void,
): (ticketId: number, now: number) => DueTimes {
  const q = {
    ticket: sqlite.prepare(`SELECT ${SLA_COLUMNS.join(', ')} FROM tickets WHERE id = ?`),
    statuses: sqlite.prepare(
      "SELECT ticket_id, at, old_value, new_value FROM audit_events WHERE ticket_id = ? AND field = 'status' ORDER BY at, id",
    ),
    due: sqlite.prepare('UPDATE tickets SET first_response_due_at = ?, resolution_due_at = ?, next_due_at = ? WHERE id = ?'),
    breached: sqlite.prepare("SELECT field FROM audit_events WHERE ticket_id = ? AND action = 'sla_breach'").pluck(),
  };
  return (ticketId, now) => {
    const t = q.ticket.get(ticketId) as TicketSlaRow;
    const clocks = clocksOf(t, q.statuses.all(ticketId) as StatusRow[], config);
    const due = dueTimesOf(clocks);
    if (!sameDue(t, due)) q.due.run(due.first_response_due_at, due.resolution_due_at, due.next_due_at, ticketId);
    const breaches = breachesOf(t, clocks, now);
    if (breaches.length === 0) return due;
    const known = new Set(q.breached.all(ticketId) as string[]);
    for (const b of breaches) {
      if (known.has(b.field)) continue;
      audit({
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

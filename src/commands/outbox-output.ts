/** How the outbox reads on a terminal and in --json (never a password: none is held here). */
import type { OutboxRow, OutboxSummary } from '../store/outbox.js';
import { formatRef } from '../domain/ticket.js';
import { cleanLine, formatTime, iso, table } from './format.js';

const ref = (ticketId: number | null) => (ticketId === null ? '—' : formatRef(ticketId));

/** `queued`, `retry 15:04`, `sending`, `sent 14:58`, `failed`. */
function state(r: OutboxSummary, now: number): string {
  if (r.status === 'sent') return `sent ${formatTime(r.sent_at).slice(11)}`;
  if (r.status === 'queued' && r.attempts > 0 && r.next_attempt_at > now) return `retry ${formatTime(r.next_attempt_at).slice(11)}`;
  return r.status;
}

export function outboxTable(rows: readonly OutboxSummary[], now: number, maxWidth: number): string {
  return table(
    ['ID', 'TICKET', 'TO', 'STATE', 'TRIES', 'SUBJECT / LAST ERROR'],
    rows.map((r) => [
      String(r.id),
      ref(r.ticket_id),
      cleanLine(r.to_address),
      state(r, now),
      String(r.attempts),
      cleanLine(r.last_error && r.status !== 'sent' ? `${r.subject} — ${r.last_error}` : r.subject),
    ]),
    { maxWidth },
  );
}

export function outboxJson(r: OutboxSummary | OutboxRow) {
  return {
    id: r.id,
    kind: r.kind,
    ticket: r.ticket_id === null ? null : formatRef(r.ticket_id),
    interactionId: r.interaction_id,
    messageId: r.message_id,
    to: { name: r.to_name, address: r.to_address },
    fromName: r.from_name,
    subject: r.subject,
    inReplyTo: r.in_reply_to,
    ...('refs' in r ? { references: r.refs, text: r.body } : {}),
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    nextAttemptAt: iso(r.next_attempt_at),
    createdAt: iso(r.created_at),
    sentAt: iso(r.sent_at),
  };
}

export function outboxDetail(r: OutboxRow, now: number): string {
  const lines: [string, string | null][] = [
    ['ticket', ref(r.ticket_id)],
    ['to', r.to_name ? `${r.to_name} <${r.to_address}>` : r.to_address],
    ['from', r.from_name],
    ['subject', r.subject],
    ['message-id', r.message_id],
    ['in-reply-to', r.in_reply_to],
    ['state', `${state(r, now)} after ${r.attempts} ${r.attempts === 1 ? 'try' : 'tries'}`],
    ['last error', r.last_error],
    ['queued', formatTime(r.created_at)],
  ];
  const head = lines.filter(([, v]) => v).map(([k, v]) => `  ${k.padEnd(12)}${cleanLine(v)}`);
  return [`outbox message ${r.id} (${r.kind})`, ...head, '', shownBody(r)].join('\n');
}

/** A mail's text as it goes; a chat notification's event (the message is built from it when sent), indented. */
function shownBody(r: OutboxRow): string {
  if (r.kind !== 'chat') return r.body.trimEnd();
  try {
    return JSON.stringify(JSON.parse(r.body), null, 2);
  } catch {
    return r.body.trimEnd();
  }
}

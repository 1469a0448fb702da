/**
 * What plain mode says, as sentences a screen reader follows: words for what the console shows by
 * symbol or colour (ok, risk, late; priorities and statuses spelt out), one ticket per line.
 */
import { dueBadge, DUE_LOOK, type DueRow, type SlaSettings } from '../../domain/sla-badge.js';
import { sanitizeLine, sanitizeText } from '../../domain/sanitize.js';
import type { InteractionRow } from '../../store/interactions.js';
import type { TicketListRow } from '../../store/ticket-list.js';
import type { TicketView } from '../../store/ticket-view.js';
import { age, ago } from '../text/format.js';

const KIND: Record<string, string> = {
  reply: 'Public reply',
  note: 'Internal note',
  call: 'Phone call',
  chat: 'Chat',
  email_in: 'Email in',
  email_out: 'Email out',
  system: 'Event',
};

/** `due in 3h, ok`, `due in 40m, risk`, `2h late, late`; null when no clock runs. */
export function dueWords(row: DueRow, sla: SlaSettings, now: number): string | null {
  const badge = dueBadge(row, sla, now);
  if (!badge) return null;
  const when = badge.dueInMs < 0 ? `${age(-badge.dueInMs)} overdue` : `due in ${age(badge.dueInMs)}`;
  return `${when}, ${DUE_LOOK[badge.state].word}`;
}

/** One ticket in one sentence: `HD-7, high priority, open, Sam Okafor, due in 3h, ok: Printer jams. From Ana Silva.` */
export function rowSentence(row: TicketListRow, sla: SlaSettings, now: number): string {
  const parts = [
    row.ref,
    `${row.priority} priority`,
    row.status.replace('_', ' '),
    row.assignee_name ? `assigned to ${sanitizeLine(row.assignee_name)}` : 'unassigned',
  ];
  const due = dueWords(row, sla, now);
  if (due) parts.push(due);
  const from = row.requester_name ? ` From ${sanitizeLine(row.requester_name)}.` : '';
  return `${parts.join(', ')}: ${sanitizeLine(row.title)}.${from}`;
}

/** The whole ticket, as the detail pane shows it, one fact per line. */
export function ticketLines(t: TicketView, events: readonly InteractionRow[], sla: SlaSettings, now: number): string[] {
  const r = t.requester;
  const contact = r ? [r.name, r.email, r.phone, r.department].filter(Boolean).map((x) => sanitizeLine(x)) : [];
  const out = [
    `${t.ref}: ${sanitizeLine(t.title)}.`,
    `Status ${t.status.replace('_', ' ')}. Priority ${t.priority}. Tier ${t.tier}. Category ${sanitizeLine(t.category)}, by ${sanitizeLine(t.channel)}.`,
    r ? `Requester: ${contact.join(', ')}.` : 'No requester.',
    t.assignee ? `Assigned to ${sanitizeLine(t.assignee.name)}.` : 'Unassigned.',
  ];
  if (t.tags.length) out.push(`Tags: ${t.tags.map((x) => sanitizeLine(x)).join(', ')}.`);
  const due = dueWords(t, sla, now);
  out.push(`Created ${ago(now - t.created_at)}, updated ${ago(now - t.updated_at)}.${due ? ` SLA: ${due}.` : ' No SLA clock running.'}`);
  if (t.resolution) out.push(`Resolution: ${sanitizeLine(t.resolution)}`);
  const description = sanitizeText(t.description).trim();
  out.push(description ? 'Description:' : 'No description.');
  if (description) out.push(...description.split('\n').filter((l) => l.trim()));
  out.push(events.length ? `Timeline, ${events.length} ${events.length === 1 ? 'entry' : 'entries'}:` : 'Nothing on the timeline yet.');
  for (const e of events) {
    const minutes = e.minutes ? `, ${e.minutes} minutes` : '';
    const body = sanitizeText(e.body).trim().replace(/\n+/g, ' ');
    out.push(
      `${KIND[e.kind] ?? sanitizeLine(e.kind)} by ${sanitizeLine(e.author_name)}, ${ago(now - e.created_at)}${minutes}${body ? `: ${body}` : '.'}`,
    );
  }
  return out;
}

/** `1 ticket`, `3 tickets`. */
export function count(n: number, word = 'ticket'): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

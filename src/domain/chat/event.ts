/**
 * A chat notification as the outbox keeps it (its row's body, JSON): what happened to which ticket,
 * fixed when the change was written, so a resend says the same. The message for Slack or Teams is
 * built from it at send time (./slack-payload.ts, ./teams-payload.ts).
 */
import type { ChatEventName } from './rules.js';
import { CHAT_EVENTS } from './rules.js';

export interface ChatEvent {
  event: ChatEventName;
  ref: string;
  title: string;
  priority: string;
  status: string;
  tier: string;
  assignee: string | null;
  group: string | null;
  /** Who made the change ('system' for the SLA sweep). */
  actor: string;
  /** A few words of context: the reason of an escalation, the SLA target and its due time. */
  detail: string | null;
}

/** The first line each event's message opens with (our words only: nothing a requester typed). */
export const HEADLINE: Readonly<Record<ChatEventName, string>> = {
  'ticket.created.urgent': 'Urgent ticket',
  'sla.risk': 'SLA at risk',
  'sla.breach': 'SLA breached',
  'assigned.me': 'Assigned to you',
  'assigned.group': 'Assigned to your group',
  escalated: 'Escalated',
};

/** The outbox row's subject: one line for `outbox list`. */
export function chatSubject(e: ChatEvent): string {
  return `${HEADLINE[e.event]}: ${e.ref} ${e.title}`.slice(0, 200);
}

/** Reads a row's body back; null when it is not a chat event (damaged or foreign). */
export function parseChatEvent(body: string): ChatEvent | null {
  try {
    const v = JSON.parse(body) as Partial<ChatEvent>;
    if (!v || typeof v !== 'object' || !CHAT_EVENTS.includes(v.event as ChatEventName)) return null;
    const s = (x: unknown) => (typeof x === 'string' ? x : '');
    const n = (x: unknown) => (typeof x === 'string' ? x : null);
    return {
      event: v.event!,
      ref: s(v.ref),
      title: s(v.title),
      priority: s(v.priority),
      status: s(v.status),
      tier: s(v.tier),
      assignee: n(v.assignee),
      group: n(v.group),
      actor: s(v.actor),
      detail: n(v.detail),
    };
  } catch {
    return null;
  }
}

/** "priority urgent · L2 · Ana Diaz · group Network · by Sam" from the event's fields that are set. */
export function factsLine(e: ChatEvent): string {
  return [
    `priority ${e.priority}`,
    e.tier,
    e.status,
    e.assignee ? `assignee ${e.assignee}` : 'unassigned',
    e.group ? `group ${e.group}` : null,
    e.actor ? `by ${e.actor}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

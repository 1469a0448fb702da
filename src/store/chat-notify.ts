/**
 * Chat notifications into the outbox, in the transaction of the change that causes them: a new
 * urgent ticket, an assignment to me or my group, an escalation (and the SLA sweep, ./chat-sla.ts).
 * Which events go where is the rules the handle carries (./chat-rules-carrier.ts). A row names its
 * channel, never the webhook URL (resolved at send time, io/chat-deliver.ts); its body is the event
 * (domain/chat/event.ts) from which the Slack or Teams message is built then.
 */
import { randomBytes } from 'node:crypto';
import { chatSubject, type ChatEvent } from '../domain/chat/event.js';
import type { ChatEventName, ChatRules } from '../domain/chat/rules.js';
import { chatRulesOf } from './chat-rules-carrier.js';
import type { Actor, Executor } from './executor.js';
import type { TicketView } from './ticket-view.js';

export const CHAT_KIND = 'chat';

export interface Happened {
  event: ChatEventName;
  ticket: TicketView;
  actor: string;
  detail?: string | null;
}

export function chatEventOf(h: Happened): ChatEvent {
  const t = h.ticket;
  return {
    event: h.event,
    ref: t.ref,
    title: t.title,
    priority: t.priority,
    status: t.status,
    tier: t.tier,
    assignee: t.assignee?.name ?? null,
    group: t.group?.name ?? null,
    actor: h.actor,
    detail: h.detail ?? null,
  };
}

/**
 * Queues what happened, each to its event's channels; a channel hears about a ticket once per call
 * (an escalation to a group is one message, not an escalation and a group assignment). Returns how many rows.
 */
export async function queueChat(trx: Executor, rules: ChatRules, happened: readonly Happened[], now: number): Promise<number> {
  const rows = [];
  const told = new Set<string>();
  for (const h of happened) {
    for (const channel of rules.on[h.event] ?? []) {
      if (told.has(`${h.ticket.id}:${channel}`)) continue;
      told.add(`${h.ticket.id}:${channel}`);
      const event = chatEventOf(h);
      rows.push({
        kind: CHAT_KIND,
        ticket_id: h.ticket.id,
        interaction_id: null,
        message_id: `chat.${now.toString(36)}.${randomBytes(8).toString('hex')}`,
        to_address: channel,
        to_name: null,
        from_name: h.actor,
        subject: chatSubject(event),
        body: JSON.stringify(event),
        in_reply_to: null,
        refs: null,
        next_attempt_at: now,
        created_at: now,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto('outbox')
      .values(rows.slice(i, i + 200))
      .execute();
  return rows.length;
}

const isMe = (rules: ChatRules, person: { email: string | null } | null) =>
  Boolean(person?.email && rules.me && person.email.toLowerCase() === rules.me);

async function inMyGroup(trx: Executor, rules: ChatRules, groupId: number): Promise<boolean> {
  const row = await trx
    .selectFrom('group_members as m')
    .innerJoin('technicians as t', 't.id', 'm.technician_id')
    .select('m.group_id')
    .where('m.group_id', '=', groupId)
    .where('t.email', '=', rules.me)
    .executeTakeFirst();
  return row !== undefined;
}

/** After tickets were created: the urgent ones, and those created assigned to me. */
export async function notifyCreated(trx: Executor, tickets: readonly TicketView[], actor: Actor, now: number): Promise<void> {
  const rules = chatRulesOf(trx);
  if (!rules) return;
  const happened: Happened[] = [];
  for (const ticket of tickets) {
    if (ticket.priority === 'urgent') happened.push({ event: 'ticket.created.urgent', ticket, actor: actor.name });
    if (isMe(rules, ticket.assignee)) happened.push({ event: 'assigned.me', ticket, actor: actor.name });
  }
  await queueChat(trx, rules, happened, now);
}

/** After one ticket changed (`after` as written): an escalation, a new assignee that is me, a new group of mine. */
export async function notifyChanged(
  trx: Executor,
  before: TicketView,
  after: TicketView,
  actor: Actor,
  opts: { action?: string; reason?: string },
  now: number,
): Promise<void> {
  const rules = chatRulesOf(trx);
  if (!rules) return;
  const happened: Happened[] = [];
  if (opts.action === 'escalate' && after.tier !== before.tier) {
    const why = opts.reason?.trim();
    happened.push({
      event: 'escalated',
      ticket: after,
      actor: actor.name,
      detail: `${before.tier} → ${after.tier}${why ? `: ${why}` : ''}`,
    });
  }
  if ((after.assignee?.id ?? null) !== before.assignee_id && isMe(rules, after.assignee))
    happened.push({ event: 'assigned.me', ticket: after, actor: actor.name });
  if (after.group && after.group.id !== before.group_id && rules.on['assigned.group'] && (await inMyGroup(trx, rules, after.group.id)))
    happened.push({ event: 'assigned.group', ticket: after, actor: actor.name });
  await queueChat(trx, rules, happened, now);
}

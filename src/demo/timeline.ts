/**
 * A demo ticket's timeline: 1–4 interactions that fit its status (a first answer, notes, calls,
 * the requester writing back, a question left pending, a vendor hold, the closing reply).
 * Times are offsets in working milliseconds from the ticket's creation. Pure.
 */
import { ESCALATION_REASONS } from './catalog.js';
import { HOUR, MINUTE, int, pick, weighted, type Rng } from './random.js';
import { ASKS, CALLS, CHATS, CLOSING_REPLIES, FIRST_REPLIES, HOLDS, NOTES, REQUESTER_EMAILS, TRIAGE } from './texts.js';
import { TIERS, type Channel, type InteractionKind, type Status, type Tier } from '../domain/ticket.js';

export interface DemoInteraction {
  kind: InteractionKind;
  /** Index into `technicians`; null when the requester wrote. */
  author: number | null;
  author_name: string;
  body: string;
  minutes: number;
  created_at: number;
}

export interface TimelineInput {
  /** 'resolved' stands for every finished ticket (closing is decided later). */
  status: Status;
  channel: Channel;
  tier: Tier;
  escalated: boolean;
  requesterName: string | null;
  assignee: number | null;
  /** Technician names by index. */
  names: readonly string[];
  /** An L1 who glanced at a new ticket. */
  triage: number;
  /** Working ms from creation to now: nothing happens after it. */
  available: number;
  /** Proposed first-response and resolution delays (working ms). */
  respond: number;
  resolve: number;
}

export interface Timeline {
  /** In time order; `created_at` holds working milliseconds after the ticket's creation. */
  items: DemoInteraction[];
  /** Index of the first public answer from the desk (stops the first-response clock). */
  firstResponse: number | null;
}

const FIRST_KIND: Partial<Record<Channel, InteractionKind>> = { phone: 'call', chat: 'chat', email: 'email_out' };
const MIDDLE = weighted<'note' | 'call' | 'email_in'>([
  ['note', 45],
  ['call', 20],
  ['email_in', 35],
]);

export function timeline(rng: Rng, text: { fill(pattern: string): string }, t: TimelineInput): Timeline {
  const items: DemoInteraction[] = [];
  const byTech = (kind: InteractionKind, body: string, minutes: number, at: number, author = t.assignee) =>
    items.push({
      kind,
      author,
      author_name: author === null ? 'system' : t.names[author]!,
      body: text.fill(body),
      minutes,
      created_at: at,
    });
  const byRequester = (body: string, at: number) =>
    items.push({ kind: 'email_in', author: null, author_name: t.requesterName!, body: text.fill(body), minutes: 0, created_at: at });

  if (t.status === 'new') {
    if (t.requesterName !== null && t.available > 2 * HOUR && rng() < 0.6)
      byRequester(pick(rng, REQUESTER_EMAILS), t.available * (0.5 + 0.45 * rng()));
    else byTech('note', pick(rng, TRIAGE), int(rng, 1, 5), t.available * 0.9 * rng(), t.triage);
    return { items, firstResponse: null };
  }

  const done = t.status === 'resolved';
  const limit = t.available * 0.98;
  let respond = Math.max(2 * MINUTE, t.respond);
  let end = done ? Math.max(respond + 10 * MINUTE, t.resolve) : limit;
  if (done && end > limit) {
    respond *= limit / end;
    end = limit;
  }
  if (!done && respond >= limit) respond = limit * (0.2 + 0.6 * rng());
  // A pending question or a vendor hold was written some time after the first answer.
  if (t.status === 'pending' || t.status === 'on_hold') end = respond + (limit - respond) * (0.1 + 0.6 * rng());

  const first = FIRST_KIND[t.channel] ?? 'reply';
  const firstText = first === 'call' ? CALLS : first === 'chat' ? CHATS : FIRST_REPLIES;
  byTech(first, pick(rng, firstText), first === 'call' ? int(rng, 4, 25) : int(rng, 2, 12), respond);

  const closing = done || t.status === 'pending' || t.status === 'on_hold';
  let middle = int(rng, 0, done || t.status === 'open' ? 2 : 1);
  if (t.escalated) middle = Math.max(middle, 1);
  // Closing entries take the last slot at `end`; the rest fall between the first answer and it.
  const span = closing ? end - respond : limit - respond;
  const times: number[] = [];
  for (let k = 0; k < middle; k++) times.push(respond + span * rng() * (closing ? 0.9 : 1));
  if (middle === 2 && times[0]! > times[1]!) times.reverse();
  times.forEach((at, k) => {
    if (k === 0 && t.escalated) {
      const from = TIERS[Math.max(0, TIERS.indexOf(t.tier) - 1)];
      return byTech('system', `Escalated ${from} → ${t.tier}: ${pick(rng, ESCALATION_REASONS)}`, 0, at);
    }
    const kind = MIDDLE(rng);
    if (kind === 'email_in' && t.requesterName !== null) return byRequester(pick(rng, REQUESTER_EMAILS), at);
    if (kind === 'call') return byTech('call', pick(rng, CALLS), int(rng, 4, 25), at);
    return byTech('note', pick(rng, NOTES), int(rng, 1, 10), at);
  });

  if (t.status === 'pending') byTech(first === 'email_out' ? 'email_out' : 'reply', pick(rng, ASKS), int(rng, 2, 8), end);
  if (t.status === 'on_hold') byTech('note', pick(rng, HOLDS), int(rng, 2, 10), end);
  if (done) {
    byTech(first === 'email_out' ? 'email_out' : 'reply', pick(rng, CLOSING_REPLIES), int(rng, 5, 40), end);
  }
  return { items, firstResponse: 0 };
}

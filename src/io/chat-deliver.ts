/**
 * Empties the outbox's chat messages: claims a batch, builds each message for its channel's kind
 * (Slack Block Kit or a Teams Adaptive Card) from the event the row keeps, and POSTs it to the
 * channel's webhook (URL read now: ./chat-settings.ts), with a timeout (./webhook-post.ts). Each answer marks its row at
 * once (domain/chat/post-outcome.ts): sent, waiting out a backoff, or given up.
 *
 * A channel that cannot be used (not set up, no URL, a malformed URL) is a problem of the settings,
 * not of its messages: they stay queued, their try not counted, and the run reports it. A channel
 * whose service failed (5xx, 429, no answer) is not tried again in this run; other channels are.
 */
import { parseChatEvent, type ChatEvent } from '../domain/chat/event.js';
import { LEASE_MS } from '../domain/outbox-schedule.js';
import { outcomeOfError, outcomeOfStatus, type PostOutcome } from '../domain/chat/post-outcome.js';
import type { ChatKind, ChatRules } from '../domain/chat/rules.js';
import { slackPayload } from '../domain/chat/slack-payload.js';
import { teamsPayload } from '../domain/chat/teams-payload.js';
import { withoutUrl } from '../domain/chat/webhook-url.js';
import { CHAT_KIND } from '../store/chat-notify.js';
import type { Executor } from '../store/executor.js';
import { claimBatch, markFailed, markSent, releaseClaims } from '../store/outbox-claim.js';
import { channelTarget, type ChannelTarget } from './chat-settings.js';
import type { DeliveryFailure } from './outbox-deliver.js';
import { postJson } from './webhook-post.js';

type Env = Record<string, string | undefined>;

const BUILD: Readonly<Record<ChatKind, (e: ChatEvent) => unknown>> = { slack: slackPayload, teams: teamsPayload };

export interface ChatReport {
  sent: number;
  failures: DeliveryFailure[];
  /** Channels whose settings keep their messages queued: one line each, without the URL. */
  problems: string[];
}

export interface ChatDeliverOptions {
  all?: boolean;
  clock?: () => number;
  timeoutMs?: number;
}

/** Messages per claim: so many answers at the longest wait fit in half a claim's lease (6 at 10 s). */
const perClaim = (timeoutMs: number) => Math.max(1, Math.floor(LEASE_MS / 2 / timeoutMs));

async function post(url: URL, payload: unknown, timeoutMs: number): Promise<PostOutcome> {
  try {
    const answer = await postJson(url, payload, timeoutMs);
    return outcomeOfStatus(answer.status, answer.body);
  } catch (error) {
    return outcomeOfError(error);
  }
}

export async function deliverChat(db: Executor, rules: ChatRules | null, env: Env, opts: ChatDeliverOptions = {}): Promise<ChatReport> {
  const clock = opts.clock ?? Date.now;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const report: ChatReport = { sent: 0, failures: [], problems: [] };
  const targets = new Map<string, ChannelTarget>();
  const skipped: string[] = [];
  for (;;) {
    const batch = await claimBatch(db, clock(), { all: opts.all, kinds: [CHAT_KIND], exceptTo: skipped, limit: perClaim(timeoutMs) });
    if (batch.length === 0) return report;
    for (const row of batch) {
      if (skipped.includes(row.to_address)) {
        await releaseClaims(db, [row.id]);
        continue;
      }
      let target = targets.get(row.to_address);
      if (!target) targets.set(row.to_address, (target = channelTarget(rules, row.to_address, env)));
      if (!target.ok) {
        report.problems.push(target.problem);
        skipped.push(row.to_address);
        await releaseClaims(db, [row.id]);
        continue;
      }
      const event = parseChatEvent(row.body);
      const outcome: PostOutcome = event
        ? await post(target.url, BUILD[target.kind](event), timeoutMs)
        : { delivered: false, permanent: true, message: 'the outbox row holds no chat event' };
      if (outcome.delivered) {
        await markSent(db, [row.id], clock());
        report.sent++;
        continue;
      }
      const failure = { permanent: outcome.permanent, message: withoutUrl(outcome.message, target.url) };
      const next = await markFailed(db, row, failure, clock());
      report.failures.push({ id: row.id, ticketId: row.ticket_id, to: row.to_address, message: failure.message, ...next });
      if (!failure.permanent) skipped.push(row.to_address);
    }
  }
}

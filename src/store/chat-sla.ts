/**
 * The SLA side of chat notifications, run by `deskline maintain` (and the console's hourly run):
 * every ticket whose running SLA target is at risk or past due, not yet told about, is queued to
 * the channels of `sla.risk` / `sla.breach`. A ticket is told once per event and target: the
 * telling is remembered in rule_firings (`chat:sla.breach:resolution`), written in the same
 * transaction as its outbox rows, so a second sweep (or a second process) queues nothing again.
 */
import { withImmediate } from '../db/immediate.js';
import { dueBadge } from '../domain/sla-badge.js';
import type { ChatEventName } from '../domain/chat/rules.js';
import { chatRulesOf } from './chat-rules-carrier.js';
import { queueChat, type Happened } from './chat-notify.js';
import type { Executor } from './executor.js';
import { slaSettings } from './sla-alerts.js';
import { ticketViews } from './ticket-view.js';

const BATCH = 500;

/** `2026-12-02 18:05 UTC`: readers of a channel sit in many time zones. */
const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

const TARGET_WORDS = { first_response: 'first response', resolution: 'resolution' } as const;

/** Queues the SLA notifications due at `now`; returns how many outbox rows. */
export async function notifySla(db: Executor, now = Date.now()): Promise<number> {
  const rules = chatRulesOf(db);
  if (!rules || (!rules.on['sla.risk'] && !rules.on['sla.breach'])) return 0;
  const settings = await slaSettings(db);
  let queued = 0;
  for (let lastId = 0; ;) {
    const rows = await db
      .selectFrom('tickets')
      .select(['id', 'priority', 'next_due_at', 'first_response_due_at', 'resolution_due_at'])
      .where('status', 'in', ['new', 'open'])
      .where('next_due_at', 'is not', null)
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    lastId = rows[rows.length - 1]!.id;
    const due: { id: number; event: ChatEventName; target: keyof typeof TARGET_WORDS; at: number }[] = [];
    for (const r of rows) {
      const badge = dueBadge(r, settings, now);
      if (!badge || badge.state === 'ok') continue;
      const event = badge.state === 'breached' ? 'sla.breach' : 'sla.risk';
      if (!rules.on[event]) continue;
      const target = r.first_response_due_at !== null && r.first_response_due_at === r.next_due_at ? 'first_response' : 'resolution';
      due.push({ id: r.id, event, target, at: r.next_due_at! });
    }
    if (due.length) queued += await withImmediate(db, (trx) => tell(trx, due, now));
    if (rows.length < BATCH) break;
  }
  return queued;
}

async function tell(
  trx: Executor,
  due: readonly { id: number; event: ChatEventName; target: keyof typeof TARGET_WORDS; at: number }[],
  now: number,
): Promise<number> {
  const rules = chatRulesOf(trx)!;
  const firing = (d: (typeof due)[number]) => `chat:${d.event}:${d.target}`;
  const told = await trx
    .selectFrom('rule_firings')
    .select(['ticket_id', 'rule'])
    .where(
      'ticket_id',
      'in',
      due.map((d) => d.id),
    )
    .where('rule', 'like', 'chat:sla.%')
    .execute();
  const known = new Set(told.map((f) => `${f.ticket_id}:${f.rule}`));
  const fresh = due.filter((d) => !known.has(`${d.id}:${firing(d)}`));
  if (fresh.length === 0) return 0;
  const views = new Map(
    (
      await ticketViews(
        trx,
        fresh.map((d) => d.id),
      )
    ).map((v) => [v.id, v]),
  );
  const happened: Happened[] = fresh.map((d) => ({
    event: d.event,
    ticket: views.get(d.id)!,
    actor: 'system',
    detail: `${TARGET_WORDS[d.target]} ${d.event === 'sla.breach' ? 'was due' : 'due'} ${utc(d.at)}`,
  }));
  await trx
    .insertInto('rule_firings')
    .values(fresh.map((d) => ({ ticket_id: d.id, rule: firing(d), at: now })))
    .onConflict((oc) => oc.columns(['ticket_id', 'rule']).doNothing())
    .execute();
  return queueChat(trx, rules, happened, now);
}

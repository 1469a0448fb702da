/**
 * `deskline maintain`: the time rules of domain/automation-rules.ts applied to every ticket they match,
 * a batch per IMMEDIATE transaction, set-based (one UPDATE per batch and outcome, the audit events and
 * reminders in multi-row inserts): a rule over 100k tickets costs about what the same SQL typed by hand
 * does (bench/maintain.ts). Each change is an audit event `rule:<name>` by `system`.
 */
import { sql } from 'kysely';
import { withImmediate } from '../db/immediate.js';
import { TIME_RULES, ruleCutoff, type AutomationSettings, type TimeRule } from '../domain/automation-rules.js';
import { ON_ENTER, entered, type RuleFields, type TicketState } from '../domain/ticket-rules.js';
import type { Status } from '../domain/ticket.js';
import { insertAuditEvents } from './audit.js';
import { SYSTEM_ACTOR, type Executor } from './executor.js';

export interface MaintainResult {
  /** Tickets each enabled rule changed, by rule name. */
  fired: Record<string, number>;
}

/** Tickets per transaction: writers wait at most one batch. */
export const MAINTAIN_BATCH = 2_000;
const REMINDER_AUTHOR = 'Deskline';

export async function runMaintenance(
  db: Executor,
  settings: AutomationSettings,
  now = Date.now(),
  batch = MAINTAIN_BATCH,
): Promise<MaintainResult> {
  const fired: Record<string, number> = {};
  for (const rule of TIME_RULES.filter((r) => r.enabled(settings))) {
    fired[rule.rule] = 0;
    const cutoff = ruleCutoff(rule, settings, now);
    for (;;) {
      const n = await withImmediate(db, (trx) => fireBatch(trx, rule, cutoff, now, batch));
      fired[rule.rule] = (fired[rule.rule] ?? 0) + n;
      if (n < batch) break;
    }
  }
  return { fired };
}

type Candidate = TicketState & { id: number };

async function candidates(trx: Executor, rule: TimeRule, cutoff: number, limit: number): Promise<Candidate[]> {
  let q = trx
    .selectFrom('tickets')
    .select(['id', 'status', 'resolved_at', 'closed_at', 'resolution', 'first_response_at'])
    .where('status', '=', rule.status)
    .where('status_at', '<=', cutoff);
  // A reminder fires once per stay in the status: not again while its firing is newer than the stay.
  if (rule.action.kind === 'remind')
    q = q.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('rule_firings as f')
            .select(sql.lit(1).as('one'))
            .whereRef('f.ticket_id', '=', 'tickets.id')
            .where('f.rule', '=', rule.rule)
            .whereRef('f.at', '>=', 'tickets.status_at'),
        ),
      ),
    );
  return (await q.orderBy('status_at').orderBy('id').limit(limit).execute()) as Candidate[];
}

async function fireBatch(trx: Executor, rule: TimeRule, cutoff: number, now: number, limit: number): Promise<number> {
  const found = await candidates(trx, rule, cutoff, limit);
  if (found.length === 0) return 0;
  const ids = found.map((t) => t.id);
  const event = (t: Candidate, field: string | null, old: string | null, next: string | null) => ({
    ticket_id: t.id,
    actor: SYSTEM_ACTOR.name,
    at: now,
    action: `rule:${rule.rule}`,
    field,
    old_value: old,
    new_value: next,
  });
  if (rule.action.kind === 'move') {
    const to = rule.action.to;
    await moveAll(trx, found, to, now);
    await insertAuditEvents(
      trx,
      found.map((t) => event(t, 'status', t.status, to)),
    );
    return found.length;
  }
  const body = rule.action.body;
  await trx
    .insertInto('interactions')
    .values(
      ids.map((ticket_id) => ({
        ticket_id,
        kind: 'reply',
        author_id: null,
        author_name: REMINDER_AUTHOR,
        body,
        minutes: 0,
        created_at: now,
      })),
    )
    .execute();
  await trx
    .updateTable('tickets')
    .set({ updated_at: now, version: sql`version + 1` })
    .where('id', 'in', ids)
    .execute();
  await insertAuditEvents(
    trx,
    found.map((t) => event(t, 'reminder', null, 'sent')),
  );
  await trx
    .insertInto('rule_firings')
    .values(ids.map((ticket_id) => ({ ticket_id, rule: rule.rule, at: now })))
    .onConflict((oc) => oc.columns(['ticket_id', 'rule']).doUpdateSet({ at: now }))
    .execute();
  return found.length;
}

/**
 * Moves the tickets to `to` with the entry rules of domain/ticket-rules.ts: tickets whose fields change
 * alike share one UPDATE (a resolved ticket closing keeps its own resolved_at, so only status and
 * closed_at are written). A status whose clocks stop leaves no next due time.
 */
async function moveAll(trx: Executor, tickets: readonly Candidate[], to: Status, now: number): Promise<void> {
  const groups = new Map<string, { set: RuleFields; ids: number[] }>();
  for (const t of tickets) {
    const all = entered(t, to, now);
    const set = Object.fromEntries(Object.entries(all).filter(([k, v]) => t[k as keyof TicketState] !== v)) as RuleFields;
    const key = JSON.stringify(set);
    const group = groups.get(key) ?? { set, ids: [] };
    group.ids.push(t.id);
    groups.set(key, group);
  }
  const due = ON_ENTER[to].clocks === 'running' ? {} : { next_due_at: null };
  for (const { set, ids } of groups.values())
    await trx
      .updateTable('tickets')
      .set({ ...set, ...due, updated_at: now, version: sql`version + 1` })
      .where('id', 'in', ids)
      .execute();
}

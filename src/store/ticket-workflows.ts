/** The named moves of a ticket's life: escalate, resolve, reopen — each a change plus a timeline entry. */
import { checkText } from '../domain/text-rules.js';
import { withImmediate } from '../db/immediate.js';
import { TIERS, type Tier } from '../domain/ticket.js';
import { EXIT, fail } from '../errors.js';
import type { Actor, Executor } from './executor.js';
import { appendInteraction } from './interactions.js';
import { resolveChildren } from './incidents.js';
import { loadSlaConfig, type SlaConfig } from './sla-config.js';
import { changeTicket, viewsOf, type Changed, type ChangeOptions, type TicketChanges } from './ticket-changes.js';
import type { TicketView } from './ticket-view.js';

/** A named move on many tickets in one transaction (all or nothing): checked, changed, then noted on the timeline. */
async function workflow(
  db: Executor,
  ids: readonly number[],
  actor: Actor,
  opts: ChangeOptions & { action: string },
  step: (before: TicketView) => { changes: TicketChanges; note: string },
  then?: (trx: Executor, done: Changed[], now: number, config: SlaConfig) => Promise<unknown>,
): Promise<Changed[]> {
  const now = opts.now ?? Date.now();
  return withImmediate(db, async (trx) => {
    const config = await loadSlaConfig(trx);
    const out: Changed[] = [];
    for (const before of await viewsOf(trx, ids)) {
      const { changes, note } = step(before);
      const changed = await changeTicket(trx, before, changes, actor, { ...opts, now }, config);
      const { ticket } = await appendInteraction(trx, changed.ticket, { kind: 'system', body: note }, actor, now, config);
      out.push({ ...changed, ticket });
    }
    await then?.(trx, out, now, config);
    return out;
  });
}

export async function escalate(
  db: Executor,
  id: number,
  to: Tier,
  reason: string,
  actor: Actor,
  opts: ChangeOptions = {},
  group?: string,
): Promise<Changed> {
  if (!checkText('reason', reason, 'text').trim()) fail(EXIT.invalid, 'reason: is required to escalate');
  // To a group: it waits in that group's queue, unassigned, for one of its members to take it.
  const toGroup: TicketChanges = group === undefined ? {} : { group, assignee: 'none' };
  const [changed] = await workflow(db, [id], actor, { ...opts, action: 'escalate', reason }, (before) => {
    const above = TIERS.filter((t) => TIERS.indexOf(t) > TIERS.indexOf(before.tier as Tier));
    if (!above.includes(to))
      fail(EXIT.invalid, `${before.ref} is already at ${before.tier}: escalation goes up (${above.join(', ') || 'none left'})`);
    const where = group === undefined ? '' : ` (group ${group.trim()})`;
    return { changes: { tier: to, ...toGroup }, note: `Escalated ${before.tier} → ${to}${where}: ${reason.trim()}` };
  });
  return changed!;
}

export async function resolve(
  db: Executor,
  id: number,
  resolution: string,
  actor: Actor,
  opts: ChangeOptions & { children?: Changed[] } = {},
): Promise<Changed> {
  return (await resolveTickets(db, [id], resolution, actor, opts))[0]!;
}

/**
 * Resolves several tickets with one resolution in one transaction: all or nothing. The open children
 * of a major incident among them are resolved with it (store/incidents.ts), listed in `children`.
 */
export async function resolveTickets(
  db: Executor,
  ids: readonly number[],
  resolution: string,
  actor: Actor,
  opts: ChangeOptions & { children?: Changed[] } = {},
): Promise<Changed[]> {
  if (!checkText('resolution', resolution, 'text').trim()) fail(EXIT.invalid, 'resolution: is required to resolve');
  const step = () => ({ changes: { status: 'resolved' as const, resolution: resolution.trim() }, note: `Resolved: ${resolution.trim()}` });
  return workflow(db, ids, actor, { ...opts, action: 'resolve' }, step, async (trx, done, now, config) => {
    const children = await resolveChildren(trx, done, actor, now, config);
    opts.children?.push(...children);
  });
}

export async function reopen(db: Executor, id: number, reason: string, actor: Actor, opts: ChangeOptions = {}): Promise<Changed> {
  checkText('reason', reason, 'text');
  const [changed] = await workflow(db, [id], actor, { ...opts, action: 'reopen' }, (before) => {
    if (before.status !== 'resolved' && before.status !== 'closed')
      fail(EXIT.invalid, `${before.ref} is ${before.status}, not resolved or closed: nothing to reopen`);
    return { changes: { status: 'open' }, note: `Reopened${reason.trim() ? `: ${reason.trim()}` : ''}` };
  });
  return changed!;
}

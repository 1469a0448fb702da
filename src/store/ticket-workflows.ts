/** The named moves of a ticket's life: escalate, resolve, reopen — each a change plus a timeline entry. */
import { withImmediate } from '../db/immediate.js';
import { TIERS, type Tier } from '../domain/ticket.js';
import { EXIT, fail } from '../errors.js';
import type { Actor, Executor } from './executor.js';
import { insertInteraction } from './interactions.js';
import { applyChanges, type Changed, type ChangeOptions } from './ticket-changes.js';
import { getTicket } from './ticket-view.js';

export async function escalate(
  db: Executor,
  id: number,
  to: Tier,
  reason: string,
  actor: Actor,
  opts: ChangeOptions = {},
): Promise<Changed> {
  if (!reason.trim()) fail(EXIT.invalid, 'reason: is required to escalate');
  return withImmediate(db, async (trx) => {
    const before = await getTicket(trx, id);
    if (TIERS.indexOf(to) <= TIERS.indexOf(before.tier as Tier)) {
      fail(
        EXIT.invalid,
        `${before.ref} is already at ${before.tier}: escalation goes up (${TIERS.filter((t) => TIERS.indexOf(t) > TIERS.indexOf(before.tier as Tier)).join(', ') || 'none left'})`,
      );
    }
    const changed = await applyChanges(trx, id, { tier: to }, actor, { ...opts, action: 'escalate' });
    await insertInteraction(
      trx,
      id,
      { kind: 'system', body: `Escalated ${before.tier} → ${to}: ${reason.trim()}` },
      actor,
      opts.now ?? Date.now(),
    );
    return { ...changed, ticket: await getTicket(trx, id) };
  });
}

export async function resolve(db: Executor, id: number, resolution: string, actor: Actor, opts: ChangeOptions = {}): Promise<Changed> {
  return (await resolveTickets(db, [id], resolution, actor, opts))[0]!;
}

/** Resolves several tickets with one resolution in one transaction: all or nothing. */
export async function resolveTickets(
  db: Executor,
  ids: readonly number[],
  resolution: string,
  actor: Actor,
  opts: ChangeOptions = {},
): Promise<Changed[]> {
  if (!resolution.trim()) fail(EXIT.invalid, 'resolution: is required to resolve');
  return withImmediate(db, async (trx) => {
    const out: Changed[] = [];
    for (const id of ids) {
      const changed = await applyChanges(trx, id, { status: 'resolved', resolution: resolution.trim() }, actor, {
        ...opts,
        action: 'resolve',
      });
      await insertInteraction(trx, id, { kind: 'system', body: `Resolved: ${resolution.trim()}` }, actor, opts.now ?? Date.now());
      out.push({ ...changed, ticket: await getTicket(trx, id) });
    }
    return out;
  });
}

export async function reopen(db: Executor, id: number, reason: string, actor: Actor, opts: ChangeOptions = {}): Promise<Changed> {
  return withImmediate(db, async (trx) => {
    const before = await getTicket(trx, id);
    if (before.status !== 'resolved' && before.status !== 'closed')
      fail(EXIT.invalid, `${before.ref} is ${before.status}, not resolved or closed: nothing to reopen`);
    const changed = await applyChanges(trx, id, { status: 'open' }, actor, { ...opts, action: 'reopen' });
    await insertInteraction(
      trx,
      id,
      { kind: 'system', body: `Reopened${reason.trim() ? `: ${reason.trim()}` : ''}` },
      actor,
      opts.now ?? Date.now(),
    );
    return { ...changed, ticket: await getTicket(trx, id) };
  });
}

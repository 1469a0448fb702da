/**
 * Merging duplicates into one ticket (`ticket merge HD-9 --into HD-7`, the console's mark and M), in one
 * transaction: the timeline entries move (not copied: each exists once), tags join the target's, the
 * source's requester and followers follow the target, the source closes as a duplicate of the target
 * with a note pointing there. Both audit trails stay where they were and say what happened.
 */
import { withImmediate } from '../db/immediate.js';
import { formatRef } from '../domain/ticket.js';
import { EXIT, fail } from '../errors.js';
import type { Actor, Executor } from './executor.js';
import { appendInteraction } from './interactions.js';
import { loadSlaConfig, type SlaConfig } from './sla-config.js';
import { changeTicket, viewsOf } from './ticket-changes.js';
import { recordLinkOp, recordMergeOp } from './sync/record-link.js';
import { insertLink } from './ticket-links.js';
import { getTicket, type TicketView } from './ticket-view.js';

export interface MergeResult {
  into: TicketView;
  merged: { ref: string; entries: number; attachments: number; tags: string[]; follower: string | null }[];
}

export async function mergeTickets(
  db: Executor,
  from: readonly number[],
  into: number,
  actor: Actor,
  now = Date.now(),
): Promise<MergeResult> {
  if (from.length === 0) fail(EXIT.usage, 'nothing to merge: name at least one ticket');
  if (from.includes(into)) fail(EXIT.invalid, `${formatRef(into)} cannot be merged into itself`);
  return withImmediate(db, async (trx) => {
    const config = await loadSlaConfig(trx);
    let target = await getTicket(trx, into);
    const merged: MergeResult['merged'] = [];
    for (const source of await viewsOf(trx, [...new Set(from)])) {
      const step = await mergeOne(trx, source, target, actor, now, config);
      target = step.target;
      merged.push(step.summary);
    }
    return { into: target, merged };
  });
}

async function mergeOne(trx: Executor, source: TicketView, target: TicketView, actor: Actor, now: number, config: SlaConfig) {
  const done = await trx
    .selectFrom('ticket_links')
    .select('kind')
    .where('ticket_id', '=', source.id)
    .where('other_id', '=', target.id)
    .where('kind', '=', 'duplicate')
    .executeTakeFirst();
  if (done && source.status === 'closed') fail(EXIT.conflict, `${source.ref} is already merged into ${target.ref}`);
  const moved = await trx.updateTable('interactions').set({ ticket_id: target.id }).where('ticket_id', '=', source.id).executeTakeFirst();
  const entries = Number(moved.numUpdatedRows);
  await recordMergeOp(trx, source.id, target.id, actor, now);
  const files = await trx.updateTable('attachments').set({ ticket_id: target.id }).where('ticket_id', '=', source.id).executeTakeFirst();
  const attachments = Number(files.numUpdatedRows);
  const newTags = source.tags.filter((t) => !target.tags.includes(t));
  const follower = await follow(trx, source, target, now);
  const { ticket: withTags } = await changeTicket(trx, target, { addTags: newTags }, actor, { action: 'merge', now }, config);

  await insertLink(trx, source.id, target.id, 'duplicate', actor, now);
  await recordLinkOp(trx, source.id, target.id, 'duplicate', actor, now);
  const closing = source.status === 'closed' ? {} : { status: 'closed' as const };
  const { ticket: closed } = await changeTicket(trx, source, closing, actor, { action: 'merge', now }, config);
  const what = [`${entries} timeline entr${entries === 1 ? 'y' : 'ies'}`];
  if (attachments) what.push(`${attachments} attachment${attachments === 1 ? '' : 's'}`);
  if (newTags.length) what.push(`tags ${newTags.join(', ')}`);
  if (follower) what.push(`${follower} as a follower`);
  await appendInteraction(
    trx,
    closed,
    { kind: 'system', body: `Merged into ${target.ref}: ${what.join(', ')} moved there` },
    actor,
    now,
    config,
  );
  const note = `Merged ${source.ref} “${source.title}” into this ticket: ${what.join(', ')}`;
  const { ticket } = await appendInteraction(trx, withTags, { kind: 'system', body: note }, actor, now, config);
  return { target: ticket, summary: { ref: source.ref, entries, attachments, tags: newTags, follower } };
}

/** The source's requester and followers follow the target (its own requester needs no following). */
async function follow(trx: Executor, source: TicketView, target: TicketView, now: number): Promise<string | null> {
  const followers = await trx.selectFrom('ticket_followers').select('requester_id').where('ticket_id', '=', source.id).execute();
  const ids = [...new Set([source.requester_id, ...followers.map((f) => f.requester_id)])].filter(
    (id): id is number => id !== null && id !== target.requester_id,
  );
  if (ids.length)
    await trx
      .insertInto('ticket_followers')
      .values(ids.map((requester_id) => ({ ticket_id: target.id, requester_id, added_at: now })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  const own = source.requester && source.requester.id !== target.requester_id ? source.requester.name : null;
  return own;
}

/** The requesters who follow a ticket besides its own. */
export async function followersOf(db: Executor, id: number): Promise<{ id: number; name: string; email: string | null }[]> {
  return db
    .selectFrom('ticket_followers as f')
    .innerJoin('requesters as r', 'r.id', 'f.requester_id')
    .select(['r.id', 'r.name', 'r.email'])
    .where('f.ticket_id', '=', id)
    .orderBy('r.name')
    .execute();
}

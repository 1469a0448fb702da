/** Links between tickets (relates, duplicate, blocks): one row per pair, read from both sides, audited on both. */
import { withImmediate } from '../db/immediate.js';
import { LINK_NAMES, linkLabel, type LinkKind } from '../domain/ticket-links.js';
import { formatRef } from '../domain/ticket.js';
import { EXIT, fail } from '../errors.js';
import { recordEvent } from './audit.js';
import type { Actor, Executor } from './executor.js';
import { recordLinkOp } from './sync/record-link.js';
import { getTicket } from './ticket-view.js';

export interface TicketLink {
  id: number;
  ref: string;
  /** As seen from the ticket asked about: "duplicate of", "blocked by" … */
  label: string;
  kind: LinkKind;
  title: string;
  status: string;
}

/** Links `a` to `b` as `as` names it (replacing any link the pair had): both tickets' trails say so. */
export async function linkTickets(db: Executor, a: number, b: number, as: string, actor: Actor, now = Date.now()): Promise<TicketLink> {
  const name =
    LINK_NAMES[as.toLowerCase()] ?? fail(EXIT.invalid, `--as: unknown link '${as}' (known: ${Object.keys(LINK_NAMES).join(', ')})`);
  if (a === b) fail(EXIT.invalid, `${formatRef(a)} cannot be linked to itself`);
  return withImmediate(db, async (trx) => {
    await getTicket(trx, a);
    await getTicket(trx, b);
    const [from, to] = name.reversed ? [b, a] : [a, b];
    await insertLink(trx, from, to, name.kind, actor, now);
    await recordLinkOp(trx, from, to, name.kind, actor, now);
    return (await linksOf(trx, a)).find((l) => l.id === b)!;
  });
}

/** Stores one link inside the caller's transaction (merge and sync use it too; it records no sync operation). */
export async function insertLink(trx: Executor, from: number, to: number, kind: LinkKind, actor: Actor, now: number): Promise<void> {
  await deletePair(trx, from, to);
  await trx.insertInto('ticket_links').values({ ticket_id: from, other_id: to, kind, linked_by: actor.name, linked_at: now }).execute();
  await recordEvent(trx, from, actor, 'link', [{ field: 'link', old: null, new: `${linkLabel(kind, from, from)} ${formatRef(to)}` }], now);
  await recordEvent(trx, to, actor, 'link', [{ field: 'link', old: null, new: `${linkLabel(kind, from, to)} ${formatRef(from)}` }], now);
}

/** Removes the link between `a` and `b`, whichever way it was stored; exit 2 when there is none. */
export async function unlinkTickets(db: Executor, a: number, b: number, actor: Actor, now = Date.now()): Promise<void> {
  await withImmediate(db, async (trx) => {
    if (!(await removeLink(trx, a, b, actor, now))) return fail(EXIT.notFound, `${formatRef(a)} and ${formatRef(b)} are not linked`);
    await recordLinkOp(trx, a, b, null, actor, now);
  });
}

/** Removes the pair's link inside the caller's transaction, audited on both; false when there was none. */
export async function removeLink(trx: Executor, a: number, b: number, actor: Actor, now: number): Promise<boolean> {
  const link = (await linksOf(trx, a)).find((l) => l.id === b);
  if (!link) return false;
  const theirs = (await linksOf(trx, b)).find((l) => l.id === a)!;
  await deletePair(trx, a, b);
  await recordEvent(trx, a, actor, 'unlink', [{ field: 'link', old: `${link.label} ${formatRef(b)}`, new: null }], now);
  await recordEvent(trx, b, actor, 'unlink', [{ field: 'link', old: `${theirs.label} ${formatRef(a)}`, new: null }], now);
  return true;
}

async function deletePair(trx: Executor, a: number, b: number): Promise<void> {
  await trx
    .deleteFrom('ticket_links')
    .where((eb) =>
      eb.or([eb.and([eb('ticket_id', '=', a), eb('other_id', '=', b)]), eb.and([eb('ticket_id', '=', b), eb('other_id', '=', a)])]),
    )
    .execute();
}

async function linksOfRaw(db: Executor, id: number) {
  return db
    .selectFrom('ticket_links')
    .select(['ticket_id', 'other_id', 'kind'])
    .where((eb) => eb.or([eb('ticket_id', '=', id), eb('other_id', '=', id)]))
    .execute();
}

/** A ticket's links, each with the other ticket's title and status, in the order of the other ticket's id. */
export async function linksOf(db: Executor, id: number): Promise<TicketLink[]> {
  const rows = await linksOfRaw(db, id);
  if (rows.length === 0) return [];
  const others = rows.map((r) => (r.ticket_id === id ? r.other_id : r.ticket_id));
  const tickets = await db.selectFrom('tickets').select(['id', 'title', 'status']).where('id', 'in', others).execute();
  const byId = new Map(tickets.map((t) => [t.id, t]));
  return rows
    .map((r, i) => {
      const other = byId.get(others[i]!)!;
      const kind = r.kind as LinkKind;
      return {
        id: other.id,
        ref: formatRef(other.id),
        label: linkLabel(kind, r.ticket_id, id),
        kind,
        title: other.title,
        status: other.status,
      };
    })
    .sort((x, y) => x.id - y.id);
}

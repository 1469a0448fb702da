/**
 * One level of parents on every desk after sync (issue 22). Each ticket's wanted parent is the later
 * by clock of the `parent` operations for it (sync_fields `parent`, ./op-stamps.ts; on a replica its
 * outbox too; a parent set before the desk synced counts as oldest). Moves made concurrently may each
 * obey the rule and break it together (X under Y on one desk, Y under Z on another), so what a desk
 * holds is worked out from the wanted parents alone, newest first: a move stands unless a newer one
 * standing already made its child a parent or its parent a child; one that does not stand leaves its
 * child without a parent (its wanted parent is kept, so it comes back should the newer move go).
 * The same wanted parents give the same tickets on every desk, whatever order the desks synced in.
 */
import { formatRef } from '../../domain/ticket.js';
import { recordEvent } from '../audit.js';
import type { Executor } from '../executor.js';
import { syncRoleOf } from './role.js';

export interface Move {
  child: number;
  parent: number;
  /** The operation's stamp ('' for a parent set before the desk synced). */
  stamp: string;
}

/** Who made a move (the `parent` operation's `by` and `at`). */
export interface Actor {
  parent: number;
  by: string;
  at: number;
}

/** A move that does not stand, with the newer move that stands against it. */
export interface Undone {
  move: Move;
  by: Move;
  /** Why, in words: "HD-3 is a child of HD-9" or "HD-5 is a parent (of HD-6)". */
  reason: string;
  /** Its child had that parent before (false: the move never took effect here). */
  wasHeld: boolean;
}

/** Which moves stand, newest first (pure). */
export function standingMoves(moves: readonly Move[]): { stands: Move[]; undone: Omit<Undone, 'wasHeld'>[] } {
  const order = [...moves].sort((p, q) => (p.stamp === q.stamp ? p.child - q.child : p.stamp > q.stamp ? -1 : 1));
  const asChild = new Map<number, Move>();
  const asParent = new Map<number, Move>();
  const stands: Move[] = [];
  const undone: Omit<Undone, 'wasHeld'>[] = [];
  for (const move of order) {
    const above = asChild.get(move.parent);
    const below = asParent.get(move.child);
    if (above) undone.push({ move, by: above, reason: `${formatRef(move.parent)} is a child of ${formatRef(above.parent)}` });
    else if (below) undone.push({ move, by: below, reason: `${formatRef(move.child)} is a parent (of ${formatRef(below.child)})` });
    else {
      stands.push(move);
      asChild.set(move.child, move);
      if (!asParent.has(move.parent)) asParent.set(move.parent, move);
    }
  }
  return { stands, undone };
}

/** The wanted parent of every ticket that has or had one. */
async function wantedMoves(trx: Executor): Promise<{ moves: Move[]; held: Map<number, number> }> {
  const held = new Map<number, number>();
  const wanted = new Map<number, Move>();
  const rows = await trx.selectFrom('tickets').select(['id', 'parent_id']).where('parent_id', 'is not', null).execute();
  for (const r of rows) {
    held.set(r.id, r.parent_id!);
    wanted.set(r.id, { child: r.id, parent: r.parent_id!, stamp: '' });
  }
  const stamped = await trx.selectFrom('sync_fields').select(['ticket_id', 'hlc', 'value']).where('field', '=', 'parent').execute();
  for (const s of stamped) wanted.set(Number(s.ticket_id), { child: Number(s.ticket_id), parent: Number(s.value), stamp: s.hlc });
  if (syncRoleOf(trx)?.kind === 'replica') {
    const mine = await trx.selectFrom('sync_outbox').select(['ticket_id', 'hlc', 'payload']).where('kind', '=', 'parent').execute();
    const provisional = mine.map((m) => JSON.parse(m.payload).parent as number).filter((id) => id < 0);
    const mapped = provisional.length
      ? await trx.selectFrom('sync_ticket_map').select(['provisional_id', 'ticket_id']).where('provisional_id', 'in', provisional).execute()
      : [];
    const toServer = new Map(mapped.map((m) => [Number(m.provisional_id), Number(m.ticket_id)]));
    for (const m of mine) {
      const parent = JSON.parse(m.payload).parent as number;
      const move = { child: Number(m.ticket_id), parent: toServer.get(parent) ?? parent, stamp: m.hlc };
      if (move.stamp > (wanted.get(move.child)?.stamp ?? '')) wanted.set(move.child, move);
    }
  }
  return { moves: [...wanted.values()], held };
}

/**
 * Brings the desk's parents to what the wanted parents give, audited as sync's doing unless `actors`
 * names who made the move (by child). Returns the moves undone (the server records them as conflicts).
 */
export async function settleParents(trx: Executor, actors: ReadonlyMap<number, Actor> = new Map()): Promise<Undone[]> {
  const { moves, held } = await wantedMoves(trx);
  const ids = [...new Set(moves.flatMap((m) => [m.child, m.parent]))];
  const present = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    const some = await trx
      .selectFrom('tickets')
      .select('id')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    some.forEach((t) => present.add(t.id));
  }
  const { stands, undone } = standingMoves(moves.filter((m) => present.has(m.child) && present.has(m.parent)));
  const target = new Map(stands.map((m) => [m.child, m.parent]));
  const now = Date.now();
  for (const child of new Set([...held.keys(), ...target.keys()])) {
    const [before, after] = [held.get(child) ?? null, target.get(child) ?? null];
    if (before === after) continue;
    await trx
      .updateTable('tickets')
      .set((eb) => ({ parent_id: after, version: eb('version', '+', 1) }))
      .where('id', '=', child)
      .execute();
    const mover = actors.get(child);
    const who = mover?.parent === after ? mover : { by: 'sync', at: now };
    const change = { field: 'parent', old: before === null ? null : formatRef(before), new: after === null ? null : formatRef(after) };
    await recordEvent(trx, child, { id: null, name: who.by }, 'parent', [change], who.at);
  }
  // A parent set before the desk synced and now undone is kept as wanted, so it may come back on every desk alike.
  const unstamped = undone.filter((u) => u.move.stamp === '' && held.get(u.move.child) === u.move.parent);
  if (unstamped.length)
    await trx
      .insertInto('sync_fields')
      .values(unstamped.map((u) => ({ ticket_id: u.move.child, field: 'parent', hlc: '', value: String(u.move.parent) })))
      .onConflict((oc) => oc.columns(['ticket_id', 'field']).doNothing())
      .execute();
  return undone.map((u) => ({ ...u, wasHeld: held.get(u.move.child) === u.move.parent }));
}

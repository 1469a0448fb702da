/**
 * Applying an operation (./ops.ts) to a desk, the same on the server and on a replica (kysely, either
 * dialect). Merges: interactions are inserted once per operation (the callers see to "once"), tags
 * are added and removed in the server's order. Single-valued fields: the later stamp wins, compared
 * with the field's agreed stamp in sync_fields; `concurrent` says the writer had not seen the value
 * it replaced (its base is not the agreed stamp), which the server records as a conflict.
 */
import type { Executor } from '../executor.js';
import { addTags, linkNewTags, removeTags } from '../tags.js';
import { applyEntries, TechnicianIds } from './apply-entries.js';
import { applyLinkOrChecklist, applyVerify } from './apply-links-checks.js';
import { applyMerge } from './apply-merge.js';
import { FieldStamps } from './field-stamps.js';
import { insertJsonRows } from './json-rows.js';
import type { ConflictBody, CreateBody, InteractionBody, ResolveBody, SetBody, SyncOp } from './ops.js';
import { applyRedact } from './redact-op.js';
import { applyAttachment } from './attachment-op.js';
import { applyForget } from './forget-op.js';
import { groupIdOf, requesterIdOf } from './apply-people.js';

export interface SetOutcome {
  won: boolean;
  concurrent: boolean;
  /** The value and stamp it met (for the conflict record). */
  current: { hlc: string; value: string | null } | null;
}

async function idByEmail(trx: Executor, table: 'technicians', email: string | null | undefined) {
  if (!email) return null;
  const row = await trx.selectFrom(table).select('id').where('email', '=', email).executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Inserts tickets made elsewhere, a batch per statement (./json-rows.ts); `id` is the server's (on a replica) or null (the
 * server numbers it). Returns their ids in the order given.
 */
export async function applyCreates(trx: Executor, made: readonly { body: CreateBody; id: number | null }[]): Promise<number[]> {
  const people = new Map<string, number | null>();
  const person = async (key: string, find: () => Promise<number | null>) => {
    if (!people.has(key)) people.set(key, await find());
    return people.get(key)!;
  };
  const rows = [];
  for (const { body, id } of made) {
    const who = body.requester_person;
    const requesterKey = `r:${body.requester ?? ''}:${body.requester ? '' : (who?.name ?? '')}`;
    rows.push({
      ...body.row,
      ...(id === null ? {} : { id }),
      requester_id: await person(requesterKey, () => requesterIdOf(trx, body.requester, who, Number(body.row.created_at ?? Date.now()))),
      assignee_id: await person(`t:${body.assignee}`, () => idByEmail(trx, 'technicians', body.assignee)),
    });
  }
  const numbered = made.some((m) => m.id === null);
  const given = await insertJsonRows(trx, 'tickets', rows, numbered);
  const ids = numbered ? given : made.map((m) => m.id!);
  await linkNewTags(
    trx,
    made.map((m, i) => ({ ticketId: ids[i]!, tags: m.body.tags })),
  );
  return ids;
}

export async function applyCreate(trx: Executor, body: CreateBody, id: number | null): Promise<number> {
  return (await applyCreates(trx, [{ body, id }]))[0]!;
}

/** What a sync batch reads once and keeps (./field-stamps.ts, ./apply-entries.ts); without it, each call reads for itself. */
export interface BatchCache {
  fields: FieldStamps;
  people: TechnicianIds;
}

/** The wall time of a stamp (domain/hlc.ts: its first 9 characters, base 36). */
const stampTime = (stamp: string) => parseInt(stamp.slice(0, 9), 36);

export async function applySet(trx: Executor, ticketId: number, stamp: string, body: SetBody, batch?: BatchCache): Promise<SetOutcome> {
  const fields = batch?.fields ?? new FieldStamps(trx);
  const current = await fields.get(ticketId, body.field);
  const concurrent = current !== null && current.hlc !== stamp && current.hlc !== body.base;
  // A group that lost still exists here: `sync resolve --take lost` sets it by name.
  if (current !== null && current.hlc >= stamp) {
    if (body.field === 'group') await groupIdOf(trx, body.value, stampTime(stamp));
    return { won: false, concurrent, current };
  }
  const set: Record<string, unknown> = { ...body.columns };
  if (body.field === 'group') set.group_id = await groupIdOf(trx, body.value, stampTime(stamp));
  if (body.field === 'assignee') {
    const people = batch?.people ?? new TechnicianIds(trx);
    await people.load([body.assignee ?? null]);
    set.assignee_id = people.get(body.assignee);
  }
  await trx
    .updateTable('tickets')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('id', '=', ticketId)
    .execute();
  fields.set(ticketId, body.field, { hlc: stamp, value: body.value });
  if (!batch) await fields.flush();
  return { won: true, concurrent, current };
}

export async function applyInteraction(trx: Executor, ticketId: number, body: InteractionBody): Promise<void> {
  await applyEntries(trx, [{ ticketId, body }]);
}

/** The conflict's record and its entry on the ticket's timeline (a system note). */
export async function applyConflict(trx: Executor, ticketId: number, opId: string, body: ConflictBody): Promise<void> {
  const shown = (v: string | null) => (v === null ? 'nothing' : `"${v}"`);
  const device = (stamp: string) => stamp.slice(stamp.lastIndexOf('.') + 1);
  const at = parseInt(opId.slice(0, 9), 36);
  const { pushed_op: _lostOp, reason, ...record } = body;
  await trx
    .insertInto('sync_conflicts')
    .values({ op_id: opId, ticket_id: ticketId, ...record, at })
    .execute();
  const text = `Sync conflict on ${body.field}: kept ${shown(body.kept)} (${device(body.kept_hlc)}), not ${shown(body.lost)} (${device(body.lost_hlc)})${reason ? `: ${reason}` : ''}`;
  await applyInteraction(trx, ticketId, {
    kind: 'system',
    body: text,
    minutes: 0,
    author_name: 'system',
    author_email: null,
    created_at: at,
    first_response_at: null,
  });
}

/** A conflict settled on some desk is settled here too (once: the first settling stands). */
export async function applyResolve(trx: Executor, body: ResolveBody): Promise<void> {
  await trx
    .updateTable('sync_conflicts')
    .set({ resolved_at: body.at })
    .where('op_id', '=', body.conflict)
    .where('resolved_at', 'is', null)
    .execute();
}

/** Applies one operation to the ticket `ticketId` (already mapped to this desk's id). */
export async function applyOp(trx: Executor, op: SyncOp, ticketId: number, batch?: BatchCache): Promise<SetOutcome | null> {
  if (op.kind === 'set') return applySet(trx, ticketId, op.op_id, op.body, batch);
  if (op.kind === 'tags') {
    await addTags(trx, ticketId, op.body.add);
    await removeTags(trx, ticketId, op.body.remove);
  } else if (op.kind === 'interaction') await applyInteraction(trx, ticketId, op.body);
  else if (op.kind === 'conflict') await applyConflict(trx, ticketId, op.op_id, op.body);
  else if (op.kind === 'resolve') await applyResolve(trx, op.body);
  else if (op.kind === 'redact') await applyRedact(trx, ticketId, op.body);
  else if (op.kind === 'link' || op.kind === 'check' || op.kind === 'checklist' || op.kind === 'parent')
    await applyLinkOrChecklist(trx, op, ticketId, batch?.fields);
  else if (op.kind === 'attachment') await applyAttachment(trx, ticketId, op.body);
  else if (op.kind === 'forget') await applyForget(trx, op.body);
  else if (op.kind === 'group') await groupIdOf(trx, op.body.name, op.body.at);
  else if (op.kind === 'verify') await applyVerify(trx, ticketId, op.body);
  else if (op.kind === 'merge') await applyMerge(trx, ticketId, op.op_id, op.body);
  else await applyCreate(trx, op.body, ticketId);
  return null;
}

/**
 * Applying links, parents, checklists and identity checks made elsewhere (./ops.ts `link`, `parent`,
 * `checklist`, `check`, `verify`). A link or
 * a tick older by clock than what its pair or item last took changes nothing (./op-stamps.ts); one
 * that leaves things as they are writes nothing (a replica's own operation, applied again after the
 * server's order, adds no second audit event). An item's action (recovering assets) is not run
 * again: what it did travels, or not, on its own. A parent is only noted as wanted here: the batch
 * then settles every parent at once (./parent-rule.ts), so one level holds on every desk alike.
 */
import type { LinkKind } from '../../domain/ticket-links.js';
import { recordEvent } from '../audit.js';
import type { Executor } from '../executor.js';
import { insertLink, removeLink } from '../ticket-links.js';
import { FieldStamps } from './field-stamps.js';
import type { CheckBody, ChecklistBody, SyncOp, VerifyBody } from './ops.js';
import { settleParents } from './parent-rule.js';
import { laterThanNoted } from './op-stamps.js';

type Kinds = Extract<SyncOp, { kind: 'link' | 'check' | 'checklist' | 'parent' }>;

export async function applyLinkOrChecklist(trx: Executor, op: Kinds, ticketId: number, batch?: FieldStamps): Promise<void> {
  if (op.kind === 'checklist') return applyChecklist(trx, ticketId, op.body);
  const fields = batch ?? new FieldStamps(trx);
  if (await laterThanNoted(fields, op, ticketId)) {
    if (op.kind === 'link') await applyLink(trx, ticketId, op.body.other, op.body.kind as LinkKind | null, op.body);
    else if (op.kind === 'check') await applyCheck(trx, ticketId, op.body);
  }
  if (batch) return;
  await fields.flush();
  if (op.kind === 'parent') await settleParents(trx);
}

async function applyLink(trx: Executor, from: number, to: number, kind: LinkKind | null, by: { by: string; at: number }) {
  const present = await trx.selectFrom('tickets').select('id').where('id', 'in', [from, to]).execute();
  if (present.length < 2) return;
  const actor = { id: null, name: by.by };
  if (kind === null) {
    await removeLink(trx, from, to, actor, by.at);
    return;
  }
  const stored = await trx
    .selectFrom('ticket_links')
    .select('kind')
    .where('ticket_id', '=', from)
    .where('other_id', '=', to)
    .executeTakeFirst();
  if (stored?.kind !== kind) await insertLink(trx, from, to, kind, actor, by.at);
}

async function applyCheck(trx: Executor, ticketId: number, body: CheckBody) {
  const item = await trx
    .selectFrom('ticket_checklist_items')
    .select(['done_at', 'done_by'])
    .where('ticket_id', '=', ticketId)
    .where('position', '=', body.position)
    .executeTakeFirst();
  if (!item) return;
  const already = (item.done_at !== null) === body.done;
  if (already && (!body.done || (item.done_at === body.at && item.done_by === body.by))) return;
  await trx
    .updateTable('ticket_checklist_items')
    .set(body.done ? { done_at: body.at, done_by: body.by } : { done_at: null, done_by: null })
    .where('ticket_id', '=', ticketId)
    .where('position', '=', body.position)
    .execute();
  if (already) return; // ticked on both sides: the later tick's time and name, no second event
  await trx
    .updateTable('tickets')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', ticketId)
    .execute();
  const state = (d: boolean) => (d ? 'done' : 'open');
  const change = { field: `item ${body.position}`, old: state(!body.done), new: state(body.done) };
  await recordEvent(trx, ticketId, { id: null, name: body.by }, body.done ? 'check' : 'uncheck', [change], body.at);
}

/** A request's form and checklist, once: a ticket that has them keeps its own. */
async function applyChecklist(trx: Executor, ticketId: number, body: ChecklistBody) {
  const has = await trx.selectFrom('ticket_requests').select('ticket_id').where('ticket_id', '=', ticketId).executeTakeFirst();
  if (has) return;
  const { items, ...request } = body;
  await trx
    .insertInto('ticket_requests')
    .values({ ticket_id: ticketId, ...request })
    .execute();
  if (items.length === 0) return;
  await trx
    .insertInto('ticket_checklist_items')
    .values(items.map((item, i) => ({ ticket_id: ticketId, position: i + 1, ...item, done_at: null, done_by: null })))
    .execute();
}

/** An identity check, once: the same method, name and time already there (the replica's own, come back) adds nothing. */
export async function applyVerify(trx: Executor, ticketId: number, body: VerifyBody) {
  const same = await trx
    .selectFrom('identity_verifications')
    .select('id')
    .where('ticket_id', '=', ticketId)
    .where('method', '=', body.method)
    .where('verified_by', '=', body.by)
    .where('verified_at', '=', body.at)
    .executeTakeFirst();
  const ticket = await trx.selectFrom('tickets').select('id').where('id', '=', ticketId).executeTakeFirst();
  if (same || !ticket) return;
  const verifier = body.email
    ? await trx.selectFrom('technicians').select('id').where('email', '=', body.email).executeTakeFirst()
    : undefined;
  await trx
    .insertInto('identity_verifications')
    .values({ ticket_id: ticketId, method: body.method, verified_by: body.by, verifier_id: verifier?.id ?? null, verified_at: body.at })
    .execute();
  await trx
    .updateTable('tickets')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', ticketId)
    .execute();
  const noted = body.note ? [{ field: 'identity note', old: null, new: body.note }] : [];
  const changes = [{ field: 'identity', old: null, new: body.method }, ...noted];
  await recordEvent(trx, ticketId, { id: null, name: body.by }, 'verify', changes, body.at);
}

/**
 * Macros on the desk: listed, saved, and applied to one or many tickets in one transaction. Every
 * reply is rendered before anything is written: a placeholder with no value on any ticket changes
 * nothing on all of them.
 */
import { withImmediate } from '../db/immediate.js';
import { checkMacro, renderMacro, type Macro, type MacroChanges, type Me } from '../domain/macro.js';
import { checkText } from '../domain/text-rules.js';
import { EXIT, fail } from '../errors.js';
import { recordEvent, type FieldChange } from './audit.js';
import type { Actor, Executor } from './executor.js';
import { appendInteraction } from './interactions.js';
import { loadSlaConfig } from './sla-config.js';
import { changeTicket, viewsOf } from './ticket-changes.js';
import type { TicketView } from './ticket-view.js';

const macroOf = (r: { name: string; title: string; body: string; changes: string }): Macro => ({
  name: r.name,
  title: r.title,
  body: r.body,
  changes: JSON.parse(r.changes) as MacroChanges,
});

export async function listMacros(db: Executor): Promise<Macro[]> {
  return (await db.selectFrom('macros').select(['name', 'title', 'body', 'changes']).orderBy('name').execute()).map(macroOf);
}

export async function getMacro(db: Executor, name: string): Promise<Macro> {
  const row = await db.selectFrom('macros').select(['name', 'title', 'body', 'changes']).where('name', '=', name).executeTakeFirst();
  if (row) return macroOf(row);
  const known = (await listMacros(db)).map((m) => m.name);
  return fail(EXIT.notFound, `no macro '${name}' (${known.join(', ') || 'none yet: macro add'})`);
}

/** Deletes a macro (exit 2 naming the known ones when there is none by that name); the deleted macro. */
export async function deleteMacro(db: Executor, name: string): Promise<Macro> {
  return withImmediate(db, async (trx) => {
    const macro = await getMacro(trx, name);
    await trx.deleteFrom('macros').where('name', '=', name).execute();
    return macro;
  });
}

/** Adds a macro, or replaces the one with its name; says which. */
export async function saveMacro(db: Executor, macro: Macro, now = Date.now()): Promise<'added' | 'replaced'> {
  checkMacro(macro);
  checkText('title', macro.title, 'line');
  checkText('body', macro.body, 'text');
  return withImmediate(db, async (trx) => {
    const row = { title: macro.title, body: macro.body, changes: JSON.stringify(macro.changes), updated_at: now };
    const r = await trx.updateTable('macros').set(row).where('name', '=', macro.name).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) return 'replaced';
    await trx
      .insertInto('macros')
      .values({ ...row, name: macro.name, created_at: now })
      .execute();
    return 'added';
  });
}

export interface Applied {
  ticket: TicketView;
  reply: string;
  changes: FieldChange[];
}

/** The reply each ticket would get, rendered (throws naming a placeholder with no value). */
export function renderFor(macro: Macro, tickets: readonly TicketView[], actor: Actor): string[] {
  const me: Me = { name: actor.name, email: actor.email ?? null };
  return tickets.map((t) => (macro.body.trim() ? renderMacro(macro, t, me) : ''));
}

/** Applies macro `name` to the tickets (all or nothing): the reply, then the field changes, audited as the macro. */
export async function applyMacro(
  db: Executor,
  ids: readonly number[],
  name: string,
  actor: Actor,
  opts: { now?: number; ifVersions?: Readonly<Record<number, number>> } = {},
): Promise<Applied[]> {
  const now = opts.now ?? Date.now();
  return withImmediate(db, async (trx) => {
    const macro = await getMacro(trx, name);
    const views = await viewsOf(trx, ids);
    for (const v of views) {
      const expected = opts.ifVersions?.[v.id];
      if (expected !== undefined && expected !== v.version)
        fail(EXIT.conflict, `${v.ref} was changed since version ${expected} (now version ${v.version}): macro '${name}' changed nothing`);
    }
    const replies = renderFor(macro, views, actor);
    const config = await loadSlaConfig(trx);
    const out: Applied[] = [];
    for (const [i, before] of views.entries()) {
      const reply = replies[i]!;
      const afterReply = reply ? (await appendInteraction(trx, before, { kind: 'reply', body: reply }, actor, now, config)).ticket : before;
      const fields = macro.changes;
      const resolution = fields.status === 'resolved' ? macro.title : undefined;
      const changed = await changeTicket(trx, afterReply, { ...fields, resolution }, actor, { action: 'macro', now }, config);
      await recordEvent(trx, before.id, actor, 'macro', [{ field: 'macro', old: null, new: macro.name }], now);
      out.push({ ticket: changed.ticket, reply, changes: changed.changes });
    }
    return out;
  });
}

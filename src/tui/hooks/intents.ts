/**
 * Runs one intent through the same store functions as the CLI (audit trail included) and says what
 * happened in one line: "HD-42 assigned to you". A compare-and-set conflict answers with the fresh
 * version and who changed what; input errors name their field.
 */
import { InputError } from '../../domain/ticket-input.js';
import { formatRef } from '../../domain/ticket.js';
import { describeError, EXIT, isDesklineError } from '../../errors.js';
import type { Desk } from '../../store/desk.js';
import type { Actor } from '../../store/executor.js';
import { progress, ResolveBlocked } from '../../domain/checklist.js';
import { checklistOf, recordVerification, setItemDone } from '../../store/checklists.js';
import { connectAsset, type SessionRequest } from '../../io/remote-session.js';
import { assetsOfTicket } from '../../store/asset-links.js';
import { createFromForm } from './create-intent.js';
import { addInteraction } from '../../store/interactions.js';
import { applyMacro } from '../../store/macros.js';
import { updateTicket, updateTickets, type Changed } from '../../store/ticket-changes.js';
import { findTicket, type TicketView } from '../../store/ticket-view.js';
import { escalate, reopen, resolve, resolveTickets } from '../../store/ticket-workflows.js';
import type { Intent, Outcome, Target } from '../state/act/types.js';
import { cursorOf } from './queue-fetch.js';
import { writeRelation } from './relation-intents.js';
import { settleConflict } from './sync-intents.js';

export interface Runner {
  desk: Desk;
  me: Actor;
  /** Puts text on the clipboard (OSC 52). */
  copy(text: string): void;
  /** Suspends the console for $EDITOR; the saved text, or null when nothing was saved. */
  edit(text: string): string | null;
  /** Suspends the console for a remote-session client (io/remote-session.ts), with PATH and settings. */
  remote?: Pick<SessionRequest, 'run' | 'path' | 'clients'>;
}

const KIND_DONE: Record<string, string> = { reply: 'reply sent', note: 'internal note added', call: 'call logged', chat: 'chat logged' };

function written(tickets: TicketView[]): Pick<Outcome, 'versions' | 'rows'> {
  return { versions: tickets.map((t) => ({ id: t.id, version: t.version })), rows: tickets.map(cursorOf) };
}

const versions = (changed: Changed[]) => written(changed.map((c) => c.ticket));

function said(target: Target, changed: Changed[], verb: string): string {
  if (!target.bulk) return `${target.label} ${changed[0]?.changes.length ? verb : 'unchanged'}`;
  const n = changed.filter((c) => c.changes.length).length;
  return `${n} of ${changed.length} tickets ${verb}`;
}

async function write(r: Runner, intent: Intent): Promise<Outcome> {
  const { db } = r.desk;
  const one = (t: Target) => ({ id: t.ids[0]!, opts: { ifVersion: t.version } });
  // Bulk: each marked ticket must still be at the version it had when marked (all or nothing).
  const each = (t: Target) => ({ ifVersions: t.versions });
  switch (intent.kind) {
    case 'update': {
      const t = intent.target;
      const changed = t.bulk
        ? await updateTickets(db, t.ids, intent.changes, r.me, { ...each(t), action: intent.action })
        : [await updateTicket(db, one(t).id, intent.changes, r.me, { ...one(t).opts, action: intent.action })];
      return { ok: true, message: said(t, changed, intent.verb), ...versions(changed) };
    }
    case 'interaction': {
      const id = intent.target.ids[0]!;
      await addInteraction(db, id, intent.input, r.me);
      const fresh = await findTicket(db, id);
      const minutes = intent.input.minutes ? ` (${intent.input.minutes} min)` : '';
      return {
        ok: true,
        message: `${formatRef(id)} ${KIND_DONE[intent.input.kind] ?? 'added'}${minutes}`,
        ...written(fresh ? [fresh] : []),
      };
    }
    case 'escalate': {
      const { id, opts } = one(intent.target);
      const changed = await escalate(db, id, intent.tier, intent.reason, r.me, opts);
      return { ok: true, message: `${formatRef(id)} escalated to ${intent.tier}`, ...versions([changed]) };
    }
    case 'resolve': {
      const t = intent.target;
      const changed = t.bulk
        ? await resolveTickets(db, t.ids, intent.resolution, r.me, each(t))
        : [await resolve(db, one(t).id, intent.resolution, r.me, { ...one(t).opts, force: intent.force })];
      return { ok: true, message: said(t, changed, intent.force ? 'resolved (forced, reason kept)' : 'resolved'), ...versions(changed) };
    }
    case 'verify': {
      const ticket = await recordVerification(db, intent.target.ids[0]!, intent.method, r.me, Date.now(), intent.note);
      return { ok: true, message: `${ticket.ref} identity verified (${intent.method})`, ...written([ticket]) };
    }
    case 'reopen': {
      const { id, opts } = one(intent.target);
      const changed = await reopen(db, id, '', r.me, opts);
      return { ok: true, message: `${formatRef(id)} reopened`, ...versions([changed]) };
    }
    case 'macro': {
      const t = intent.target;
      const ifVersions = t.bulk ? t.versions : t.version === undefined ? undefined : { [t.ids[0]!]: t.version };
      const applied = await applyMacro(db, t.ids, intent.name, r.me, { ifVersions });
      return {
        ok: true,
        message: `${t.label} ${intent.name} applied${applied.some((a) => a.reply) ? ': reply sent' : ''}`,
        ...written(applied.map((a) => a.ticket)),
      };
    }
    case 'check': {
      const id = intent.target.ids[0]!;
      const ticked = await setItemDone(db, id, intent.position, intent.done, r.me);
      const items = await checklistOf(db, id);
      const state = intent.done ? 'done' : 'open again';
      return {
        ok: true,
        message: [`${ticked.ticket.ref} item ${intent.position} ${state} (${progress(items)})`, ...ticked.did].join(' · '),
        ...written([ticked.ticket]),
      };
    }
    case 'create': {
      const { ticket, message } = await createFromForm(r.desk, intent, r.me);
      return { ok: true, message, createdId: ticket.id, ...written([ticket]) };
    }
    case 'copy':
      r.copy(intent.text);
      return { ok: true, message: `${intent.text} copied to the clipboard` };
    case 'remote': {
      if (!r.remote) return { ok: false, message: 'remote sessions run from the full console or `asset connect`' };
      const id = intent.target.ids[0]!;
      const asset = (await assetsOfTicket(db, id)).find((a) => a.hostname && a.protocol);
      if (!asset) return { ok: false, message: `${intent.target.label} has no asset with a hostname and protocol to connect to` };
      const s = await connectAsset(db, { tag: asset.tag, ticketId: id, actor: r.me, ...r.remote });
      const how = s.status === 0 ? '' : ` (the client ${s.signal ? `was stopped by ${s.signal}` : `exited with ${s.status}`})`;
      const logged = await findTicket(db, id);
      return {
        ok: s.status === 0,
        message: `session to ${asset.tag}: ${s.minutes} min logged on ${s.ticketRef}${how}`,
        ...written(logged ? [logged] : []),
      };
    }
    case 'editor': {
      const text = r.edit(intent.text);
      return text === null
        ? { ok: false, message: '$EDITOR: nothing saved, the text is as it was' }
        : { ok: true, message: 'text from $EDITOR: check it, then save', text };
    }
    case 'merge':
    case 'parent':
    case 'followup':
      return writeRelation(r.desk, r.me, intent);
    case 'syncResolve':
      return settleConflict(r.desk, r.me, intent);
  }
}

/**
 * "HD-42 was changed since version 4 (now version 5): Olga changed priority normal → urgent" → who changed what, reloaded.
 * For marked tickets: which one changed, and that none of them was written.
 */
function conflictMessage(target: Target, message: string): string {
  const what = message.includes(': ') ? message.slice(message.indexOf(': ') + 2) : message;
  if (!target.bulk) return `${target.label}: ${what} meanwhile — reloaded`;
  const ref = /^HD-\d+/.exec(message)?.[0] ?? 'a ticket';
  return `${ref}: ${what} meanwhile — none of the ${target.label} written, marks kept`;
}

async function freshOf(r: Runner, ids: readonly number[]): Promise<TicketView[]> {
  const found = await Promise.all(ids.map((id) => findTicket(r.desk.db, id).catch(() => null)));
  return found.filter((t): t is TicketView => t !== null);
}

export async function runIntent(r: Runner, intent: Intent): Promise<Outcome> {
  try {
    return await write(r, intent);
  } catch (error) {
    const target = 'target' in intent ? intent.target : null;
    if (isDesklineError(error) && error.exitCode === EXIT.conflict && target && !(error instanceof ResolveBlocked)) {
      const fresh = await freshOf(r, target.ids);
      return { ok: false, conflict: true, message: conflictMessage(target, error.message), ...written(fresh) };
    }
    if (error instanceof ResolveBlocked && error.forceable && intent.kind === 'resolve' && !intent.target.bulk)
      return {
        ok: false,
        forceable: true,
        message: `${error.message.replace(/ \(--force REASON resolves anyway\)$/, '')} — a reason resolves it anyway`,
      };
    if (error instanceof InputError) return { ok: false, message: error.message, field: error.field };
    const message = describeError(error).message;
    const field = intent.kind === 'create' && /^requester\b/.test(message) ? 'requester' : undefined;
    const named = target && !message.startsWith(target.label) ? `${target.label}: ${message}` : message;
    return { ok: false, message: named, ...(field ? { field } : {}) };
  }
}

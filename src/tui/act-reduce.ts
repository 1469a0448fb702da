/**
 * Results arriving for the act slice, pure: a finished write (message, reload keeping the ticket,
 * versions moved on, marks cleared, or the dialog given back on failure), versions seen, technicians,
 * requester completions.
 */
import { selectedTicket, targetOfIntent, withAct } from './act-helpers.js';
import type { ActAction, Outcome, Overlay, Queued, Target } from './act-types.js';
import { editorFrom } from './editor-state.js';
import { formError, formSuggestions, formText } from './form-state.js';
import type { State } from './state.js';

/** A ticket's version moved on by our own write: targets still holding the old one follow. */
function rebase<T extends { target: Target | null }>(x: T, id: number, from: number | undefined, to: number): T {
  const t = x.target;
  if (!t || t.bulk || t.ids[0] !== id || from === undefined || t.version !== from) return x;
  return { ...x, target: { ...t, version: to } };
}

function rebaseAll(s: State, done: Queued, outcome: Outcome): State {
  const t = targetOfIntent(done.intent);
  let act = s.act;
  for (const { id, version } of outcome.versions ?? []) {
    const seen = act.seen && act.seen.id === id && act.seen.version > version ? act.seen : { id, version };
    // After a conflict only the version seen moves: writes queued on the old one must fail too.
    if (outcome.conflict) {
      act = { ...act, seen };
      continue;
    }
    const from = t?.version;
    const queue = act.queue.map((q) => {
      const target = targetOfIntent(q.intent);
      return target ? ({ ...q, intent: { ...q.intent, target: rebase({ target }, id, from, version).target } } as Queued) : q;
    });
    act = {
      ...act,
      queue,
      overlay: act.overlay ? rebase(act.overlay, id, from, version) : null,
      restore: act.restore ? rebase(act.restore, id, from, version) : null,
      seen,
    };
  }
  return { ...s, act };
}

/** The failed dialog comes back (with the fresh version after a conflict), or waits for the open one. */
function giveBack(s: State, draft: Overlay, outcome: Outcome): State {
  const v = outcome.versions?.[0];
  let back: Overlay =
    draft.target && v && !draft.target.bulk && draft.target.ids[0] === v.id
      ? { ...draft, target: { ...draft.target, version: v.version } }
      : draft;
  if (back.kind === 'form' && outcome.field)
    back = { ...back, form: formError(back.form, outcome.field, outcome.message.replace(/^[a-z_]+: /, '')) };
  return s.act.overlay ? withAct(s, { restore: back }) : withAct(s, { overlay: back });
}

function reloadAround(s: State, id: number | undefined, select = false): State {
  return id === undefined ? s : { ...s, gen: s.gen + 1, request: { kind: 'anchor', id, ...(select ? { select } : {}) } };
}

/** Written tickets show their new values at once (the reload that follows places them). */
function patchRows(s: State, rows: Outcome['rows']): State {
  if (!rows?.length) return s;
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (!s.queue.rows.some((r) => byId.has(r.id))) return s;
  return { ...s, queue: { ...s.queue, rows: s.queue.rows.map((r) => byId.get(r.id) ?? r) } };
}

function finished(s: State, seq: number, outcome: Outcome): State {
  const done = s.act.queue.find((q) => q.seq === seq);
  if (!done) return s;
  let next = rebaseAll(withAct(s, { queue: s.act.queue.filter((q) => q.seq !== seq) }), done, outcome);
  const intent = done.intent;
  if (intent.kind === 'editor') {
    const o = next.act.overlay;
    if (outcome.ok && outcome.text !== undefined && o?.kind === 'compose')
      next = withAct(next, { overlay: { ...o, field: 'text', text: editorFrom(outcome.text.replace(/\s+$/, ''), o.text.single) } });
    if (outcome.ok && outcome.text !== undefined && o?.kind === 'form')
      next = withAct(next, { overlay: { ...o, form: formText(o.form, outcome.text.replace(/\s+$/, '')) } });
    return { ...withAct(next, { loud: true }), notice: outcome.message };
  }
  if (intent.kind === 'copy') return { ...withAct(next, { loud: true }), notice: outcome.message };
  const target = targetOfIntent(intent);
  const wrote = outcome.ok || outcome.conflict;
  next = patchRows(next, outcome.rows);
  if (outcome.ok && target?.bulk) next = withAct(next, { marks: [] });
  if (!outcome.ok && done.draft) next = giveBack(next, done.draft, outcome);
  const keep = outcome.createdId ?? (target && !target.bulk ? target.ids[0] : undefined);
  const here = selectedTicket(next)?.id;
  const anchor = outcome.createdId ?? (keep === here ? keep : here);
  next = withAct(next, {
    keep: outcome.ok ? (keep ?? next.act.keep) : next.act.keep,
    written: next.act.written + (wrote ? 1 : 0),
    loud: true,
  });
  return { ...(wrote ? reloadAround(next, anchor, outcome.createdId !== undefined) : next), notice: outcome.message };
}

export function actData(s: State, a: ActAction): State {
  switch (a.type) {
    case 'intentDone':
      return finished(s, a.seq, a.outcome);
    case 'seen': {
      const seen = s.act.seen;
      if (seen && seen.id === a.id && seen.version >= a.version) return s;
      // A dialog opened in the same instant as the detail arrived has no version yet: this is the one shown.
      const o = s.act.overlay;
      const t = o?.target;
      const overlay =
        o && t && !t.bulk && t.ids[0] === a.id && t.version === undefined ? { ...o, target: { ...t, version: a.version } } : o;
      return withAct(s, { seen: { id: a.id, version: a.version }, overlay });
    }
    case 'technicians':
      return withAct(s, { technicians: a.list });
    case 'suggestions': {
      const o = s.act.overlay;
      return o?.kind === 'form' ? withAct(s, { overlay: { ...o, form: formSuggestions(o.form, a.text, a.items) } }) : s;
    }
  }
}

/** After any action: a new selection drops the kept ticket and the last action's message. */
export function afterSelect(prev: State, next: State): State {
  const id = selectedTicket(next)?.id;
  if (id === selectedTicket(prev)?.id || id === undefined) return next;
  const keep = next.act.keep === id ? id : null;
  if (keep === next.act.keep && !next.act.loud) return next;
  return { ...withAct(next, { keep, loud: false }), notice: next.act.loud ? null : next.notice };
}

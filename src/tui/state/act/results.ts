/**
 * Results arriving for the act slice, pure: a finished write (message, reload keeping the ticket,
 * versions moved on, marks cleared, or the dialog given back on failure), versions seen, technicians,
 * requester completions.
 */
import { editorFrom, editorText } from '../editor.js';
import { compose } from './dialogs.js';
import { formSuggestions, formText } from '../form.js';
import { formError } from '../form-submit.js';
import { withAssets } from '../form-request.js';
import { formTriageAnswer } from '../form-triage.js';
import { notice, step } from '../step.js';
import type { Out, Step } from '../types.js';
import { macroMatches } from './request-dialogs.js';
import { targetOfIntent } from './targets.js';
import type { ActAction, ActState, Outcome, Overlay, Queued, Target } from './types.js';

/** A ticket's version moved on by our own write: targets still holding the old one follow. */
function rebase<T extends { target: Target | null }>(x: T, id: number, from: number | undefined, to: number): T {
  const t = x.target;
  if (!t || t.bulk || t.ids[0] !== id || from === undefined || t.version !== from) return x;
  return { ...x, target: { ...t, version: to } };
}

function rebaseAll(act: ActState, done: Queued, outcome: Outcome): ActState {
  const from = targetOfIntent(done.intent)?.version;
  let next = act;
  for (const { id, version } of outcome.versions ?? []) {
    const seen = next.seen && next.seen.id === id && next.seen.version > version ? next.seen : { id, version };
    // After a conflict only the version seen moves: writes queued on the old one must fail too.
    if (outcome.conflict) {
      next = { ...next, seen };
      continue;
    }
    const queue = next.queue.map((q) => {
      const target = targetOfIntent(q.intent);
      return target ? ({ ...q, intent: { ...q.intent, target: rebase({ target }, id, from, version).target } } as Queued) : q;
    });
    next = {
      ...next,
      queue,
      overlay: next.overlay ? rebase(next.overlay, id, from, version) : null,
      restore: next.restore ? rebase(next.restore, id, from, version) : null,
      // A marked ticket we just wrote ourselves is marked at its new version.
      marks: next.marks.map((m) => (m.id === id ? { ...m, version } : m)),
      seen,
    };
  }
  return next;
}

/** The failed dialog comes back (with the fresh versions after a conflict), or waits for the open one. */
function giveBack(act: ActState, draft: Overlay, outcome: Outcome): ActState {
  const fresh = outcome.versions ?? [];
  const follow = (t: Target): Target => {
    if (!t.bulk && fresh[0] && t.ids[0] === fresh[0].id) return { ...t, version: fresh[0].version };
    return t.bulk && outcome.conflict ? { ...t, versions: { ...t.versions, ...versionMap(fresh) } } : t;
  };
  let back: Overlay = draft.target ? { ...draft, target: follow(draft.target) } : draft;
  const ask = back.ask;
  if (ask && 'intent' in ask && 'target' in ask.intent)
    back = { ...back, ask: { ...ask, intent: { ...ask.intent, target: follow(ask.intent.target) } } };
  // Refused for open required items only: the resolution is kept and a reason is asked to force it.
  if (outcome.forceable && back.kind === 'compose' && back.purpose === 'resolve' && back.target)
    back = compose(back.target, 'force', {
      resolution: editorText(back.text).trim(),
      title: `Resolve ${back.target.label} anyway: why, with required items open? (audited)`,
    });
  if (back.kind === 'form' && outcome.field)
    back = { ...back, form: formError(back.form, outcome.field, outcome.message.replace(/^[a-z_]+: /, '')) };
  return act.overlay ? { ...act, restore: back } : { ...act, overlay: back };
}

const versionMap = (vs: readonly { id: number; version: number }[]) => Object.fromEntries(vs.map((v) => [v.id, v.version]));

function editorAnswer(act: ActState, outcome: Outcome): ActState {
  const o = act.overlay;
  if (!outcome.ok || outcome.text === undefined) return act;
  const text = outcome.text.replace(/\s+$/, '');
  if (o?.kind === 'compose') return { ...act, overlay: { ...o, field: 'text', text: editorFrom(text, o.text.single) } };
  if (o?.kind === 'form') return { ...act, overlay: { ...o, form: formText(o.form, text) } };
  return act;
}

function finished(act: ActState, seq: number, outcome: Outcome, selectedId: number | undefined): Step<ActState> {
  const done = act.queue.find((q) => q.seq === seq);
  if (!done) return step(act);
  let next = rebaseAll({ ...act, queue: act.queue.filter((q) => q.seq !== seq) }, done, outcome);
  const intent = done.intent;
  if (intent.kind === 'editor') return step(editorAnswer(next, outcome), notice(outcome.message));
  if (intent.kind === 'copy') return step(next, notice(outcome.message));
  const target = targetOfIntent(intent);
  const wrote = outcome.ok || outcome.conflict;
  if (outcome.ok && target?.bulk) next = { ...next, marks: [] };
  if (outcome.conflict && target?.bulk) {
    // Nothing was written; the marks now hold what is there, so the next try compares against it.
    const fresh = versionMap(outcome.versions ?? []);
    next = { ...next, marks: next.marks.map((m) => ({ ...m, version: fresh[m.id] ?? m.version })) };
  }
  if (!outcome.ok && done.draft) next = giveBack(next, done.draft, outcome);
  const keep = outcome.createdId ?? (target && !target.bulk ? target.ids[0] : undefined);
  if (outcome.ok) next = { ...next, keep: keep ?? next.keep };
  const out: Out[] = [];
  if (outcome.rows?.length) out.push({ kind: 'patchRows', rows: outcome.rows });
  const anchor = outcome.createdId ?? (keep === selectedId ? keep : selectedId);
  if (wrote) out.push({ kind: 'changed' });
  if (wrote && anchor !== undefined) out.push({ kind: 'reloadAround', id: anchor, select: outcome.createdId !== undefined });
  out.push(notice(outcome.message));
  if (outcome.ok && intent.kind === 'resolve' && !intent.target.bulk) {
    out.push({ kind: 'resolved', ticketId: intent.target.ids[0]!, ref: intent.target.label, said: outcome.message });
  }
  return step(next, ...out);
}

/** A version of a ticket was seen (its details loaded): it is what a write will compare against. */
export function seen(act: ActState, id: number, version: number): ActState {
  const last = act.seen;
  if (last && last.id === id && last.version >= version) return act;
  // A dialog opened in the same instant as the detail arrived has no version yet: this is the one shown.
  const o = act.overlay;
  const t = o?.target;
  const overlay = o && t && !t.bulk && t.ids[0] === id && t.version === undefined ? { ...o, target: { ...t, version } } : o;
  return { ...act, seen: { id, version }, overlay };
}

export function actData(act: ActState, a: ActAction, selectedId: number | undefined): Step<ActState> {
  switch (a.type) {
    case 'intentDone':
      return finished(act, a.seq, a.outcome, selectedId);
    case 'technicians':
      return step({ ...act, technicians: a.list });
    case 'macros':
      return step({ ...act, macros: a.list });
    case 'macroMatches':
      return step(macroMatches(act, a.query, a.names));
    case 'templates':
      return step({ ...act, templates: a.list });
    case 'conflicts':
      return step({ ...act, conflicts: a.list });
    case 'formAssets': {
      const o = act.overlay;
      if (o?.kind !== 'form') return step(act);
      return step({ ...act, overlay: { ...o, form: withAssets(o.form, a.requester, editorText(o.form.requester), a.items) } });
    }
    case 'suggestions': {
      const o = act.overlay;
      return step(o?.kind === 'form' ? { ...act, overlay: { ...o, form: formSuggestions(o.form, a.text, a.items) } } : act);
    }
    case 'formTriage': {
      const o = act.overlay;
      return step(o?.kind === 'form' ? { ...act, overlay: { ...o, form: formTriageAnswer(o.form, a.text, a.verdicts) } } : act);
    }
  }
}

/** After a key: a new selection drops the kept ticket, and the last action's message (`clearNotice`). */
export function afterSelect(act: ActState, id: number | undefined): { act: ActState; clearNotice: boolean } {
  const keep = act.keep === id ? id : null;
  if (keep === act.keep && !act.loud) return { act, clearNotice: false };
  return { act: { ...act, keep, loud: false }, clearNotice: act.loud };
}

/**
 * Commands inside a dialog, pure: move and choose in pickers, save or cancel text, switch fields,
 * answer a question, put a KB reference into a reply. Saving queues an intent and closes the dialog
 * at once; a failed write gives it back.
 */
import { tagList } from '../../../domain/ticket-input.js';
import type { VerifyMethod } from '../../../domain/identity.js';
import type { Tier } from '../../../domain/ticket.js';
import type { ActCommand } from '../../keys/actions.js';
import { editorEmpty, editorText, insert } from '../editor.js';
import { formDirty, formMove } from '../form.js';
import { formSubmit } from '../form-submit.js';
import { acceptFormTriage } from '../form-triage.js';
import { said, step } from '../step.js';
import type { Step } from '../types.js';
import { compose, confirmOrRun } from './dialogs.js';
import { chooseMacro, moveItem, moveMacro, toggleItem } from './request-dialogs.js';
import { pickConflict } from './sync-conflicts.js';
import { closeOverlay, enqueue, setOverlay } from './targets.js';
import type { ActCtx, ActState, Intent, Overlay, PickOption, Target } from './types.js';

type Picker = Extract<Overlay, { kind: 'picker' }>;
type Compose = Extract<Overlay, { kind: 'compose' }>;

export function pick(act: ActState, o: Picker, option: PickOption | undefined): Step<ActState> {
  const t = o.target!;
  if (!option) return step(act);
  if (o.purpose === 'conflict' || o.purpose === 'conflictTake') return pickConflict(act, o, option);
  const v = option.value;
  const update = (question: string, changes: Extract<Intent, { kind: 'update' }>['changes'], action: string, verb: string) =>
    step(confirmOrRun(act, t, question, { kind: 'update', target: t, changes, action, verb }));
  switch (o.purpose) {
    case 'assign': {
      const verb = v === 'me' ? 'assigned to you' : v === 'none' ? 'unassigned' : `assigned to ${option.label}`;
      return update(v === 'none' ? 'Unassign?' : `Assign to ${option.label}?`, { assignee: v }, 'assign', verb);
    }
    case 'priority':
      return update(`Set priority ${v}?`, { priority: v as never }, 'priority', `priority ${v}`);
    case 'status':
      if (v === 'resolved') return step(setOverlay(act, compose(t, 'resolve')));
      return update(`Set status ${option.label}?`, { status: v as never }, 'status', `now ${option.label}`);
    case 'tier':
      return step(setOverlay(act, compose(t, 'escalate', { tier: v as Tier, title: `Escalate ${t.label} to ${v} — why?` })));
    case 'verify': {
      const title = `${t.label}: verified by ${v} — a note (optional), then ^S`;
      return step(setOverlay(act, compose(t, 'verify', { method: v as VerifyMethod, title })));
    }
    case 'kbLink':
      return step(closeOverlay(act), {
        kind: 'kbJob',
        job: { kind: 'link', ticketId: t.ids[0]!, ticketRef: t.label, articleId: Number(v) },
      });
  }
}

export function tagChanges(text: string): { addTags: string[]; removeTags: string[] } {
  const words = text.split(/[\s,]+/).filter(Boolean);
  const removeTags = tagList(words.filter((w) => w.startsWith('-')).map((w) => w.slice(1)));
  const addTags = tagList(words.filter((w) => !w.startsWith('-')).map((w) => w.replace(/^\+/, '')));
  return { addTags, removeTags };
}

export function saveCompose(act: ActState, o: Compose): Step<ActState> {
  const t: Target = o.target!;
  const text = editorText(o.text).trim();
  const need = (what: string) => said(act, `${what} is required: type it, then save`);
  switch (o.purpose) {
    case 'reply':
    case 'note':
      if (!text) return need(o.purpose === 'reply' ? 'the reply' : 'the note');
      return step(enqueue(act, { kind: 'interaction', target: t, input: { kind: o.purpose, body: text } }, true));
    case 'call': {
      const raw = editorText(o.minutes!).trim();
      const minutes = raw === '' ? 0 : Number(raw);
      if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440)
        return said(setOverlay(act, { ...o, field: 'minutes' }), `minutes: '${raw}' is not a whole number from 0 to 1440`);
      if (!text && minutes === 0) return need('the minutes or a summary');
      return step(enqueue(act, { kind: 'interaction', target: t, input: { kind: 'call', body: text, minutes } }, true));
    }
    case 'resolve':
      if (!text) return need('a resolution');
      return step(confirmOrRun(act, t, 'Resolve?', { kind: 'resolve', target: t, resolution: text }));
    case 'escalate':
      if (!text) return need('a reason');
      return step(enqueue(act, { kind: 'escalate', target: t, tier: o.tier!, reason: text }, true));
    case 'followup':
      if (!text) return need('a time (or none)');
      return step(enqueue(act, { kind: 'followup', target: t, when: text }, true));
    case 'verify':
      return step(enqueue(act, { kind: 'verify', target: t, method: o.method!, note: text }, true));
    case 'force':
      if (!text) return need('a reason');
      return step(enqueue(act, { kind: 'resolve', target: t, resolution: o.resolution!, force: text }, true));
    case 'tags': {
      let changes;
      try {
        changes = tagChanges(text);
      } catch (error) {
        return said(act, (error as Error).message);
      }
      if (!changes.addTags.length && !changes.removeTags.length) return need('a tag');
      const verb = `tags ${[...changes.addTags.map((x) => `+${x}`), ...changes.removeTags.map((x) => `-${x}`)].join(' ')}`;
      return step(confirmOrRun(act, t, `Change ${verb}?`, { kind: 'update', target: t, changes, action: 'tags', verb }));
    }
  }
}

/** Something was typed: Esc asks before throwing it away. */
export function dirty(o: Overlay): boolean {
  // A forced resolve carries the resolution typed before the refusal.
  if (o.kind === 'compose') return !editorEmpty(o.text) || (o.minutes !== null && !editorEmpty(o.minutes)) || Boolean(o.resolution);
  return o.kind === 'form' && formDirty(o.form);
}

/** A dialog given up: it closes, and the message it left in the status bar (a missing field, …) goes too. */
const closed = (act: ActState): Step<ActState> => step(closeOverlay(act), { kind: 'notice', text: null, loud: false });

function answer(act: ActState, o: Overlay, c: ActCommand): Step<ActState> {
  const ask = o.ask!;
  if (c === 'confirmYes') return 'intent' in ask ? step(enqueue(act, ask.intent, true)) : closed(act);
  if (c === 'confirmNo') return o.kind === 'confirm' ? closed(act) : step(setOverlay(act, { ...o, ask: null }));
  return step(act);
}

const REF_PURPOSES = new Set(['reply', 'note', 'call', 'resolve']);

/** Ctrl+K in a reply: "See KB-12: Reset a forgotten password" at the cursor. */
function insertRef(act: ActState, o: Overlay, ctx: ActCtx): Step<ActState> {
  if (o.kind !== 'compose' || !REF_PURPOSES.has(o.purpose) || o.field !== 'text') return step(act);
  const t = o.target;
  if (!t || t.bulk) return said(act, 'KB references go into one ticket at a time');
  const sug = ctx.suggest;
  const suggest = sug && sug.ticketId === t.ids[0] ? sug.items : null;
  if (!suggest) return said(act, `suggested articles for ${t.label} are still loading`);
  const top = suggest[0];
  if (!top) return said(act, `no suggested article for ${t.label}`);
  return step(setOverlay(act, { ...o, text: insert(o.text, `See KB-${top.id}: ${top.title}`) }));
}

export function dialogCommand(act: ActState, c: ActCommand, ctx: ActCtx): Step<ActState> {
  const o = act.overlay!;
  if (o.ask) return answer(act, o, c);
  const to = (overlay: Overlay) => step(setOverlay(act, overlay));
  switch (c) {
    case 'cancel':
      return dirty(o) ? to({ ...o, ask: { question: 'Discard what you typed?', discard: true } }) : closed(act);
    case 'help':
      return o.kind === 'help' ? step(closeOverlay(act)) : step(act);
    case 'nextOption':
    case 'prevOption': {
      const by = c === 'nextOption' ? 1 : -1;
      if (o.kind === 'picker') return to({ ...o, index: Math.max(0, Math.min(o.options.length - 1, o.index + by)) });
      if (o.kind === 'help') return to({ ...o, scroll: Math.max(0, Math.min(ctx.helpMax, o.scroll + by)) });
      if (o.kind === 'macro') return step(moveMacro(act, o, by));
      if (o.kind === 'checklist') return step(moveItem(act, o, by, ctx));
      return step(act);
    }
    case 'choose':
      if (o.kind === 'macro') return chooseMacro(act, o);
      return o.kind === 'picker' ? pick(act, o, o.options[o.index]) : step(act);
    case 'toggleItem':
      return o.kind === 'checklist' ? toggleItem(act, o, ctx) : step(act);
    case 'save':
      if (o.kind === 'compose') return saveCompose(act, o);
      if (o.kind === 'form') {
        const r = formSubmit(o.form);
        if ('input' in r) return step(enqueue(act, { kind: 'create', input: r.input, request: r.request, assets: r.assets }, true));
        return said(
          setOverlay(act, { ...o, form: r.form }),
          `${r.form.focus.replace(/^field:/, 'field ')}: ${r.form.errors[r.form.focus]}`,
        );
      }
      return step(act);
    case 'nextField':
    case 'prevField':
      if (o.kind === 'compose' && o.minutes) return to({ ...o, field: o.field === 'text' ? 'minutes' : 'text' });
      if (o.kind === 'form') return to({ ...o, form: formMove(o.form, c === 'nextField' ? 1 : -1) });
      return step(act);
    case 'externalEditor':
      if (o.kind === 'compose') return step(enqueue(act, { kind: 'editor', text: editorText(o.text) }));
      if (o.kind === 'form') return step(enqueue(act, { kind: 'editor', text: editorText(o.form.description) }));
      return step(act);
    case 'kbInsertRef':
      return insertRef(act, o, ctx);
    case 'takeSuggestion':
      return o.kind === 'form' ? takeSuggestion(act, o) : step(act);
    case 'howToLeave':
      return said(act, 'Esc cancels · Ctrl+S saves (Ctrl+C quits from the queue)');
    default:
      return step(act);
  }
}

/** Ctrl+T in the new-ticket form: the shown triage suggestions taken into its fields. */
function takeSuggestion(act: ActState, o: Extract<Overlay, { kind: 'form' }>): Step<ActState> {
  const { form, taken } = acceptFormTriage(o.form);
  if (taken.length === 0) return said(act, 'no triage suggestion to take');
  return said(setOverlay(act, { ...o, form }), `took the suggestion: ${taken.map((s) => `${s.field} ${s.value}`).join(', ')}`);
}

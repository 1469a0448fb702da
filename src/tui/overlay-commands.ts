/**
 * Commands inside a dialog, pure: move and choose in pickers, save or cancel text, switch fields,
 * answer a question. Saving queues an intent and closes the dialog at once; a failed write gives it back.
 */
import { tagList } from '../domain/ticket-input.js';
import type { Tier } from '../domain/ticket.js';
import type { ActCommand } from './act-keymap.js';
import { closeOverlay, enqueue, notice, setOverlay } from './act-helpers.js';
import type { Intent, Overlay, PickOption, Target } from './act-types.js';
import { editorEmpty, editorText } from './editor-state.js';
import { formDirty, formMove, formSubmit } from './form-state.js';
import { helpLines } from './help-lines.js';
import { compose, confirmOrRun } from './overlays.js';
import { kbLinkPicked } from './kb-state.js';
import type { State } from './state.js';

type Picker = Extract<Overlay, { kind: 'picker' }>;
type Compose = Extract<Overlay, { kind: 'compose' }>;

export function pick(s: State, o: Picker, option: PickOption | undefined): State {
  const t = o.target!;
  if (!option) return s;
  const v = option.value;
  switch (o.purpose) {
    case 'assign': {
      const verb = v === 'me' ? 'assigned to you' : v === 'none' ? 'unassigned' : `assigned to ${option.label}`;
      return confirmOrRun(s, t, v === 'none' ? 'Unassign?' : `Assign to ${option.label}?`, {
        kind: 'update',
        target: t,
        changes: { assignee: v },
        action: 'assign',
        verb,
      });
    }
    case 'priority':
      return confirmOrRun(s, t, `Set priority ${v}?`, {
        kind: 'update',
        target: t,
        changes: { priority: v as never },
        action: 'priority',
        verb: `priority ${v}`,
      });
    case 'status':
      if (v === 'resolved') return setOverlay(s, compose(t, 'resolve'));
      return confirmOrRun(s, t, `Set status ${option.label}?`, {
        kind: 'update',
        target: t,
        changes: { status: v as never },
        action: 'status',
        verb: `now ${option.label}`,
      });
    case 'tier':
      return setOverlay(s, compose(t, 'escalate', { tier: v as Tier, title: `Escalate ${t.label} to ${v} — why?` }));
    case 'kbLink':
      return kbLinkPicked(s, o, v);
  }
}

function tagChanges(text: string): { addTags: string[]; removeTags: string[] } {
  const words = text.split(/[\s,]+/).filter(Boolean);
  const removeTags = tagList(words.filter((w) => w.startsWith('-')).map((w) => w.slice(1)));
  const addTags = tagList(words.filter((w) => !w.startsWith('-')).map((w) => w.replace(/^\+/, '')));
  return { addTags, removeTags };
}

function saveCompose(s: State, o: Compose): State {
  const t: Target = o.target!;
  const text = editorText(o.text).trim();
  const need = (what: string) => notice(s, `${what} is required: type it, then save`);
  switch (o.purpose) {
    case 'reply':
    case 'note':
      if (!text) return need(o.purpose === 'reply' ? 'the reply' : 'the note');
      return enqueue(s, { kind: 'interaction', target: t, input: { kind: o.purpose, body: text } }, true);
    case 'call': {
      const raw = editorText(o.minutes!).trim();
      const minutes = raw === '' ? 0 : Number(raw);
      if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440)
        return notice(setOverlay(s, { ...o, field: 'minutes' }), `minutes: '${raw}' is not a whole number from 0 to 1440`);
      if (!text && minutes === 0) return need('the minutes or a summary');
      return enqueue(s, { kind: 'interaction', target: t, input: { kind: 'call', body: text, minutes } }, true);
    }
    case 'resolve':
      if (!text) return need('a resolution');
      return confirmOrRun(s, t, 'Resolve?', { kind: 'resolve', target: t, resolution: text });
    case 'escalate':
      if (!text) return need('a reason');
      return enqueue(s, { kind: 'escalate', target: t, tier: o.tier!, reason: text }, true);
    case 'tags': {
      let changes;
      try {
        changes = tagChanges(text);
      } catch (error) {
        return notice(s, (error as Error).message);
      }
      if (!changes.addTags.length && !changes.removeTags.length) return need('a tag');
      const verb = `tags ${[...changes.addTags.map((x) => `+${x}`), ...changes.removeTags.map((x) => `-${x}`)].join(' ')}`;
      const intent: Intent = { kind: 'update', target: t, changes, action: 'tags', verb };
      return confirmOrRun(s, t, `Change ${verb}?`, intent);
    }
  }
}

function dirty(o: Overlay): boolean {
  if (o.kind === 'compose') return !editorEmpty(o.text) || (o.minutes !== null && !editorEmpty(o.minutes));
  return o.kind === 'form' && formDirty(o.form);
}

function answer(s: State, o: Overlay, c: ActCommand): State {
  const ask = o.ask!;
  if (c === 'confirmYes') return 'intent' in ask ? enqueue(s, ask.intent, true) : closeOverlay(s);
  if (c === 'confirmNo') return o.kind === 'confirm' ? closeOverlay(s) : setOverlay(s, { ...o, ask: null });
  return s;
}

export function overlayCommand(s: State, c: ActCommand, _arg?: string): State {
  const o = s.act.overlay!;
  if (o.ask) return answer(s, o, c);
  const step = c === 'nextOption' ? 1 : c === 'prevOption' ? -1 : 0;
  switch (c) {
    case 'cancel':
      return dirty(o) ? setOverlay(s, { ...o, ask: { question: 'Discard what you typed?', discard: true } }) : closeOverlay(s);
    case 'help':
      return o.kind === 'help' ? closeOverlay(s) : s;
    case 'nextOption':
    case 'prevOption':
      if (o.kind === 'picker') return setOverlay(s, { ...o, index: Math.max(0, Math.min(o.options.length - 1, o.index + step)) });
      if (o.kind === 'help') return setOverlay(s, { ...o, scroll: Math.max(0, Math.min(helpLines(s.keymap).length - 1, o.scroll + step)) });
      return s;
    case 'choose':
      return o.kind === 'picker' ? pick(s, o, o.options[o.index]) : s;
    case 'save':
      if (o.kind === 'compose') return saveCompose(s, o);
      if (o.kind === 'form') {
        const r = formSubmit(o.form);
        return 'input' in r
          ? enqueue(s, { kind: 'create', input: r.input }, true)
          : notice(setOverlay(s, { ...o, form: r.form }), `${r.form.focus}: ${r.form.errors[r.form.focus]}`);
      }
      return s;
    case 'nextField':
    case 'prevField':
      if (o.kind === 'compose' && o.minutes) return setOverlay(s, { ...o, field: o.field === 'text' ? 'minutes' : 'text' });
      if (o.kind === 'form') return setOverlay(s, { ...o, form: formMove(o.form, c === 'nextField' ? 1 : -1) });
      return s;
    case 'externalEditor':
      if (o.kind === 'compose') return enqueue(s, { kind: 'editor', text: editorText(o.text) });
      if (o.kind === 'form') return enqueue(s, { kind: 'editor', text: editorText(o.form.description) });
      return s;
    default:
      return s;
  }
}

/**
 * The new-ticket form as a pure reducer: text fields are small editors, choices cycle with ←/→ or
 * the first letter, the requester field offers completions, and saving validates with the same
 * rules as the CLI (validateTicketInput): an error lands beside its field. A request template's
 * fields and the requester's assets are the part in form-request.ts.
 */
import type { RequestTemplate } from '../../domain/request-template.js';
import { CHANNELS, DEFAULT_CATEGORIES, PRIORITIES } from '../../domain/ticket.js';
import { editorEmpty, editorFrom, editorKey, editorText, insert, type EditorState } from './editor.js';
import * as req from './form-request.js';

import { BASE_FIELDS, DEFAULTS, type ChoiceField, type FormField, type FormState, type TextField } from './form-fields.js';

export type { FormField, FormState, FormTriage } from './form-fields.js';

export function newForm(categories: readonly string[] = DEFAULT_CATEGORIES, templates: readonly RequestTemplate[] = []): FormState {
  return {
    ...req.emptyRequest(templates),
    title: editorFrom('', true),
    requester: editorFrom('', true),
    description: editorFrom(''),
    ...DEFAULTS,
    category: categories.includes('other') ? 'other' : (categories[0] ?? 'other'),
    categories,
    focus: 'title',
    errors: {},
    suggest: { items: [], index: -1 },
    tier: null,
    triage: null,
  };
}

export function isText(f: FormField): f is TextField {
  return f === 'title' || f === 'requester' || f === 'description' || req.isFieldFocus(f);
}

/** The focus order: the requester's assets (if any) after the requester, a template's fields after the template. */
export function formStops(form: FormState): FormField[] {
  const assets: FormField[] = form.assets.items.length ? ['assets'] : [];
  const [title, requester, template, ...rest] = BASE_FIELDS;
  return [title, requester, ...assets, template, ...(req.templateStops(form) as FormField[]), ...rest];
}

export function editorOf(form: FormState, f: TextField): EditorState {
  return req.isFieldFocus(f) ? (form.fields[req.fieldName(f)] ?? editorFrom('', true)) : form[f];
}

function withEditor(form: FormState, f: TextField, e: EditorState): FormState {
  return req.isFieldFocus(f) ? { ...form, fields: { ...form.fields, [req.fieldName(f)]: e } } : { ...form, [f]: e };
}

export function choicesOf(form: FormState, field: ChoiceField): readonly string[] {
  if (field === 'template') return req.templateChoices(form);
  return field === 'category' ? form.categories : field === 'priority' ? PRIORITIES : CHANNELS;
}

function setChoice(form: FormState, field: ChoiceField, value: string): FormState {
  const next = field === 'template' ? req.withTemplate(form, value) : { ...form, [field]: value };
  return { ...next, errors: { ...form.errors, [field]: undefined } };
}

/** Anything typed or changed: Esc asks before throwing it away. */
export function formDirty(form: FormState): boolean {
  const fresh = newForm(form.categories);
  const typed = [form.title, form.requester, form.description].some((e) => !editorEmpty(e));
  const chose = (['category', 'priority', 'channel'] as const).some((c) => form[c] !== fresh[c]);
  return typed || chose || form.tier !== null || req.requestDirty(form);
}

function accept(form: FormState): FormState {
  const pick = form.suggest.items[form.suggest.index];
  if (form.focus !== 'requester' || pick === undefined) return form;
  return { ...form, requester: editorFrom(pick, true), suggest: { items: [], index: -1 } };
}

/** Tab / Shift+Tab (a highlighted completion is taken first). */
export function formMove(form: FormState, delta: number): FormState {
  const f = accept(form);
  const stops = formStops(f);
  const i = stops.indexOf(f.focus);
  return { ...f, focus: stops[(i + delta + stops.length) % stops.length]! };
}

function cycle(form: FormState, field: ChoiceField, delta: number): FormState {
  const options = choicesOf(form, field);
  const i = options.indexOf(form[field]);
  return setChoice(form, field, options[(i + delta + options.length) % options.length]!);
}

/** The next option starting with `letter` after the current one. */
function jump(form: FormState, field: ChoiceField, letter: string): FormState {
  const options = choicesOf(form, field);
  const start = options.indexOf(form[field]);
  for (let n = 1; n <= options.length; n++) {
    const o = options[(start + n) % options.length]!;
    if (o && o.toLowerCase().startsWith(letter.toLowerCase())) return setChoice(form, field, o);
  }
  return form;
}

/** Keys not bound in the keymap: editing, choices, completion, field moves. */
export function formKey(form: FormState, name: string | null, input: string, printable: boolean): FormState {
  const field = form.focus;
  if (field === 'requester' && form.suggest.items.length > 0 && (name === 'up' || name === 'down')) {
    const n = form.suggest.items.length;
    const index = name === 'down' ? Math.min(n - 1, form.suggest.index + 1) : Math.max(-1, form.suggest.index - 1);
    return { ...form, suggest: { ...form.suggest, index } };
  }
  if (field === 'assets') {
    const next = req.assetKey(form, name, input);
    if (next) return next;
  }
  if (!isText(field)) {
    if (field !== 'assets' && (name === 'left' || name === 'right')) return cycle(form, field, name === 'left' ? -1 : 1);
    if (field !== 'assets' && printable && input.trim() !== '') return jump(form, field, [...input][0]!);
    if (name === 'enter' || name === 'down') return formMove(form, 1);
    if (name === 'up') return formMove(form, -1);
    return form;
  }
  if (field !== 'description' && (name === 'enter' || name === 'down')) return formMove(form, 1);
  if (field !== 'description' && name === 'up') return formMove(form, -1);
  if (field === 'description' && name === 'up' && form.description.row === 0) return formMove(form, -1);
  const before = editorOf(form, field);
  const next = editorKey(before, name, input, printable);
  if (!next || next === before) return form;
  const changed = editorText(next) !== editorText(before);
  return {
    ...withEditor(form, field, next),
    errors: changed ? { ...form.errors, [field]: undefined } : form.errors,
    suggest: field === 'requester' && changed ? { items: form.suggest.items, index: -1 } : form.suggest,
  };
}

/** Pasted text goes into the focused text field. */
export function formPaste(form: FormState, text: string): FormState {
  const field = form.focus;
  // Several letters in one read on a choice are several keys (fast typing).
  if (!isText(field)) return [...text].reduce((f, ch) => formKey(f, ch, ch, true), form);
  return {
    ...withEditor(form, field, insert(editorOf(form, field), text)),
    errors: { ...form.errors, [field]: undefined },
    suggest: field === 'requester' ? { items: form.suggest.items, index: -1 } : form.suggest,
  };
}

export function formText(form: FormState, text: string): FormState {
  return { ...form, description: editorFrom(text), focus: 'description' };
}

export function formSuggestions(form: FormState, text: string, items: string[]): FormState {
  if (editorText(form.requester).trim() !== text) return form;
  return { ...form, suggest: { items, index: -1 } };
}

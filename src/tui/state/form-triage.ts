/**
 * The triage suggestion in the new-ticket form, pure: the text it is asked for (title and
 * description, read after a pause in typing, off the keystroke path), the answer kept only while
 * it still matches what is typed, and one key (Ctrl+T) taking every suggestion that differs from the
 * form: category and priority into their fields, the tier (the form has no field for it) kept
 * beside them and saved with the ticket. Nothing is taken without the key.
 */
import { PRIORITIES, TIERS } from '../../domain/ticket.js';
import type { FieldSuggestion, FieldVerdict, TriageField } from '../../domain/triage/fields.js';
import { editorText } from './editor.js';
import type { FormState } from './form.js';

/** What to ask a suggestion for: title and description, or null while both are empty. */
export function formTriageText(form: FormState): string | null {
  const title = editorText(form.title).trim();
  const description = editorText(form.description).trim();
  return title === '' && description === '' ? null : `${title}\n${description}`;
}

const current = (form: FormState, field: TriageField): string => (field === 'tier' ? (form.tier ?? 'L1') : form[field]);

function valid(form: FormState, s: FieldSuggestion): boolean {
  if (s.field === 'category') return form.categories.includes(s.value);
  if (s.field === 'priority') return (PRIORITIES as readonly string[]).includes(s.value);
  return (TIERS as readonly string[]).includes(s.value);
}

/** The answer for `text`: kept when the form still holds that text, dropped when typing moved on. */
export function formTriageAnswer(form: FormState, text: string, verdicts: readonly FieldVerdict[]): FormState {
  if (formTriageText(form) !== text) return form;
  const suggestions = verdicts.flatMap((v) =>
    v.suggestion && valid(form, v.suggestion) && v.suggestion.value !== current(form, v.field) ? [v.suggestion] : [],
  );
  return { ...form, triage: { text, suggestions } };
}

/** The suggestions still shown (those the user has since set by hand are left out). */
export function pendingSuggestions(form: FormState): FieldSuggestion[] {
  if (!form.triage || form.triage.text !== formTriageText(form)) return [];
  return form.triage.suggestions.filter((s) => s.value !== current(form, s.field));
}

/** Ctrl+T: the shown suggestions taken into the form. */
export function acceptFormTriage(form: FormState): { form: FormState; taken: FieldSuggestion[] } {
  const taken = pendingSuggestions(form);
  if (taken.length === 0) return { form, taken };
  const next: FormState = { ...form, errors: { ...form.errors } };
  for (const s of taken) {
    if (s.field === 'tier') next.tier = s.value;
    else {
      next[s.field] = s.value;
      next.errors[s.field] = undefined;
    }
  }
  return { form: next, taken };
}

/** `category network 87% · priority high 74%`. */
export function describeSuggestions(list: readonly FieldSuggestion[]): string {
  return list.map((s) => `${s.field} ${s.value} ${Math.round(s.confidence * 100)}%`).join(' · ');
}

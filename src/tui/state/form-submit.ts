/**
 * Saving the new-ticket form, pure: the same checks as the CLI (validateTicketInput, a template's
 * `--field` rules); an error lands beside its field with the focus on it.
 */
import { InputError, validateTicketInput, type TicketInput } from '../../domain/ticket-input.js';
import { editorText } from './editor.js';
import { formStops, type FormField, type FormState } from './form.js';
import * as req from './form-request.js';

/** Validates for saving: the input, or the form with the error beside its field (and focus on it). */
export type Submitted = Pick<req.RequestValues, 'request'> & { input: TicketInput; assets: string[] };

export function formSubmit(form: FormState): Submitted | { form: FormState } {
  try {
    const v = req.requestValues(form, editorText(form.title), editorText(form.description));
    const input = validateTicketInput(
      {
        title: v.title,
        requester: editorText(form.requester),
        category: form.category,
        priority: form.priority,
        channel: form.channel,
        description: v.description,
        tags: v.tags,
        ...(form.tier ? { tier: form.tier } : {}),
      },
      form.categories,
    );
    return { input, request: v.request, assets: form.assets.chosen };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { form: formError(form, error.field, error.message.slice(error.field.length + 2)) };
  }
}

export function formError(form: FormState, field: string, message: string): FormState {
  const named = field.startsWith('field ') ? req.fieldFocus(field.slice('field '.length)) : field;
  const f = (formStops(form) as string[]).includes(named) ? (named as FormField) : form.focus;
  return { ...form, focus: f, errors: { ...form.errors, [f]: message } };
}

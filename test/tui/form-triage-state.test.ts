/** The form's triage suggestion as pure state: answers for old text are dropped, only valid and differing values are offered, Ctrl+T takes them. */
import { describe, expect, it } from 'vitest';
import type { FieldVerdict } from '../../src/domain/triage/fields.js';
import { editorFrom } from '../../src/tui/state/editor.js';
import { acceptFormTriage, formTriageAnswer, formTriageText, pendingSuggestions } from '../../src/tui/state/form-triage.js';
import { newForm, type FormState } from '../../src/tui/state/form.js';
import { formSubmit } from '../../src/tui/state/form-submit.js';

const verdict = (field: FieldVerdict['field'], value: string | null, confidence = 0.8): FieldVerdict => ({
  field,
  suggestion: value === null ? null : { field, value, confidence, learned: 100 },
  reason: value === null ? 'below threshold' : 'ok',
});

const typed = (title: string, description = ''): FormState => ({
  ...newForm(),
  title: editorFrom(title, true),
  description: editorFrom(description),
  requester: editorFrom('ana@example.com', true),
});

describe('form triage state', () => {
  it('asks for title and description, and nothing while both are empty', () => {
    expect(formTriageText(newForm())).toBeNull();
    expect(formTriageText(typed(' VPN drops ', 'from home\n'))).toBe('VPN drops\nfrom home');
  });

  it('keeps an answer only for the text still typed, and only values that are valid and would change the form', () => {
    const form = typed('VPN drops');
    const verdicts = [verdict('category', 'network'), verdict('priority', 'normal'), verdict('tier', 'L9')];
    expect(formTriageAnswer(form, 'VPN\n', verdicts)).toBe(form);
    const answered = formTriageAnswer(form, 'VPN drops\n', verdicts);
    expect(pendingSuggestions(answered).map((s) => `${s.field} ${s.value}`)).toEqual(['category network']);
    // Typing on hides it until the next answer; setting the value by hand hides it too.
    expect(pendingSuggestions({ ...answered, title: editorFrom('VPN drops a lot', true) })).toEqual([]);
    expect(pendingSuggestions({ ...answered, category: 'network' })).toEqual([]);
    expect(pendingSuggestions(formTriageAnswer(form, 'VPN drops\n', [verdict('category', null)]))).toEqual([]);
  });

  it('takes every shown suggestion, the tier kept beside the fields and saved with the ticket', () => {
    const form = formTriageAnswer(typed('VPN drops'), 'VPN drops\n', [
      verdict('category', 'network'),
      verdict('priority', 'high'),
      verdict('tier', 'L2'),
    ]);
    expect(acceptFormTriage(typed('VPN drops')).taken).toEqual([]);
    const { form: taken, taken: list } = acceptFormTriage(form);
    expect(list.map((s) => s.field)).toEqual(['category', 'priority', 'tier']);
    expect([taken.category, taken.priority, taken.tier]).toEqual(['network', 'high', 'L2']);
    expect(pendingSuggestions(taken)).toEqual([]);
    const saved = formSubmit(taken);
    expect('input' in saved && [saved.input.category, saved.input.priority, saved.input.tier]).toEqual(['network', 'high', 'L2']);
    const untouched = formSubmit(form);
    expect('input' in untouched && [untouched.input.category, untouched.input.tier]).toEqual(['other', 'L1']);
  });
});

import { describe, expect, it } from 'vitest';
import { blockerMessage, forceable, progress, resolveBlockers, type ChecklistItem } from '../../src/domain/checklist.js';
import { parseTemplate } from '../../src/domain/request-template.js';
import { checkFieldValues, fieldProblem, parseFieldPairs } from '../../src/domain/template-fields.js';

const item = (position: number, done: boolean, required = true): ChecklistItem => ({
  position,
  text: `step ${position}`,
  required,
  action: null,
  doneAt: done ? 1 : null,
  doneBy: done ? 'sam' : null,
});

describe('checklist rules', () => {
  it('open required items block a resolve and can be forced; optional ones never block', () => {
    const items = [item(1, true), item(2, false), item(3, false, false), item(4, false)];
    const blockers = resolveBlockers({ items, verifyIdentity: false, verified: false });
    expect(blockers).toEqual([{ kind: 'items', open: [items[1], items[3]] }]);
    expect(forceable(blockers)).toBe(true);
    expect(blockerMessage('HD-7', blockers)).toBe(
      'HD-7 cannot be resolved: required items open: 2 step 2; 4 step 4 (--force REASON resolves anyway)',
    );
    expect(progress(items)).toBe('1/4');
  });

  it('an unverified identity blocks and cannot be forced; verified, a done list has no blockers', () => {
    const done = [item(1, true), item(2, false, false)];
    const unverified = resolveBlockers({ items: done, verifyIdentity: true, verified: false });
    expect(unverified).toEqual([{ kind: 'identity' }]);
    expect(forceable(unverified)).toBe(false);
    expect(blockerMessage('HD-2', unverified)).toBe('HD-2 cannot be resolved: identity not verified (ticket verify HD-2 --method …)');
    expect(resolveBlockers({ items: done, verifyIdentity: true, verified: true })).toEqual([]);
  });
});

describe('template fields', () => {
  const fields = parseTemplate({
    slug: 'new-hire',
    name: 'New hire',
    title: 'New hire: {{name}}',
    fields: [
      { name: 'name', required: true },
      { name: 'start', type: 'date', required: true },
      { name: 'manager', type: 'email' },
    ],
    items: [{ text: 'Create the account' }],
  }).fields;

  it('checks required values, real dates and emails, and unknown names', () => {
    expect(checkFieldValues(fields, { name: ' Ana ', start: '2027-01-04' })).toEqual({ name: 'Ana', start: '2027-01-04' });
    expect(() => checkFieldValues(fields, { name: 'Ana' })).toThrow('field start: is required (start)');
    expect(() => checkFieldValues(fields, { name: 'Ana', start: '2027-02-29' })).toThrow(
      "field start: is not a calendar date ('2027-02-29')",
    );
    expect(() => checkFieldValues(fields, { name: 'Ana', start: '04/01/2027' })).toThrow('must be a date as YYYY-MM-DD');
    expect(() => checkFieldValues(fields, { name: 'Ana', start: '2027-01-04', manager: 'bob' })).toThrow('field manager: must be an email');
    expect(() => checkFieldValues(fields, { name: 'Ana', start: '2027-01-04', shoe: '42' })).toThrow(
      'field shoe: is not a field of this template',
    );
    expect(fieldProblem('date', '2028-02-29')).toBeNull();
    expect(() => parseFieldPairs(['name'])).toThrow("--field: 'name' is not name=value");
    expect(parseFieldPairs(['name=Ana = Silva'])).toEqual({ name: 'Ana = Silva' });
  });

  it('a template names the field that is wrong', () => {
    const base = { slug: 'x', name: 'X', title: 'X {{who}}', fields: [{ name: 'who' }], items: [{ text: 'a' }] };
    expect(() => parseTemplate({ ...base, items: [{ text: 'a' }, { text: '' }] })).toThrow('items[1].text: is required');
    expect(() => parseTemplate({ ...base, title: 'X {{whom}}' })).toThrow('title: {{whom}} is not one of its fields (who)');
    expect(() => parseTemplate({ ...base, fields: [{ name: 'who', type: 'number' }] })).toThrow(
      'fields[0].type: must be one of text, date, email',
    );
    expect(() => parseTemplate({ ...base, items: [] })).toThrow('items: a template needs at least one checklist item');
    expect(() => parseTemplate({ ...base, slug: 'Bad Slug' })).toThrow('slug:');
  });
});

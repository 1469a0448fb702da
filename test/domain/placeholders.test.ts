import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeMacroChanges, MACRO_PLACEHOLDERS, renderMacro, type Macro, type MacroSubject } from '../../src/domain/macro.js';
import { placeholdersIn, renderPlaceholders, unknownPlaceholder } from '../../src/domain/placeholders.js';

const ticket: MacroSubject = {
  ref: 'HD-7',
  title: 'VPN drops',
  status: 'open',
  priority: 'high',
  requester: { name: 'Ana Maria Silva', email: 'ana@example.com' },
};
const me = { name: 'Sam Okafor', email: 'sam@example.com' };
const macro = (body: string): Macro => ({ name: 'm', title: 'M', body, changes: {} });

describe('renderPlaceholders', () => {
  it('fills every placeholder, with or without spaces inside the braces', () => {
    expect(renderMacro(macro('Hi {{requester.first_name}}, {{ ticket.ref }} is with {{me.name}}.'), ticket, me)).toBe(
      'Hi Ana, HD-7 is with Sam Okafor.',
    );
  });

  it('names the first placeholder with no value, and renders nothing', () => {
    expect(renderPlaceholders('{{a}} {{b}} {{c}}', { a: 'x', c: 'z' })).toEqual({ ok: false, missing: 'b' });
    expect(renderPlaceholders('{{a}}', { a: '   ' })).toEqual({ ok: false, missing: 'a' });
    expect(() => renderMacro(macro('Hi {{requester.first_name}}'), { ...ticket, requester: null }, me)).toThrow(
      "{{requester.first_name}}: has no value on HD-7: macro 'm' changed nothing",
    );
  });

  it('finds placeholders the macro may not use', () => {
    expect(unknownPlaceholder('{{ticket.ref}} {{ticket.secret}}', MACRO_PLACEHOLDERS)).toBe('ticket.secret');
    expect(unknownPlaceholder('{{ticket.ref}}', MACRO_PLACEHOLDERS)).toBeNull();
  });

  it('describes field changes in words', () => {
    expect(describeMacroChanges({ status: 'pending', addTags: ['vpn'], assignee: 'me' })).toEqual([
      'status → pending',
      'assignee → me',
      'tags + vpn',
    ]);
  });
});

const name = fc.stringMatching(/^[a-z][a-z_.]{0,8}$/);
const plain = fc.string({ maxLength: 40 }).filter((s) => !s.includes('{{'));

describe('renderPlaceholders (properties)', () => {
  it('leaves text without placeholders as it is', () => {
    fc.assert(
      fc.property(plain, (text) => {
        expect(renderPlaceholders(text, {})).toEqual({ ok: true, text });
      }),
    );
  });

  it('with every value given, the result is the text with each placeholder replaced once, values never read again', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(plain, name), { maxLength: 6 }),
        fc.dictionary(
          name,
          fc.string({ minLength: 1, maxLength: 12 }).filter((v) => v.trim() !== ''),
        ),
        (parts, given) => {
          const values: Record<string, string> = { ...given };
          for (const [, n] of parts) values[n] ??= `{{${n}}}!`;
          const text = parts.map(([p, n]) => `${p}{{${n}}}`).join('');
          const expected = parts.map(([p, n]) => `${p}${values[n]}`).join('');
          expect(renderPlaceholders(text, values)).toEqual({ ok: true, text: expected });
        },
      ),
    );
  });

  it('with one value missing, it fails naming a placeholder of the text that has no value', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(plain, name), { minLength: 1, maxLength: 6 }), fc.nat(), (parts, pick) => {
        const names = parts.map(([, n]) => n);
        const gone = names[pick % names.length]!;
        const values = Object.fromEntries(names.filter((n) => n !== gone).map((n) => [n, 'v']));
        const text = parts.map(([p, n]) => `${p}{{${n}}}`).join('');
        expect(renderPlaceholders(text, values)).toEqual({ ok: false, missing: gone });
        expect(placeholdersIn(text)).toContain(gone);
      }),
    );
  });
});

/**
 * The values a request's fields are given (`--field start=2027-01-04`, the console form), checked
 * against its template: required ones present, dates real calendar dates, emails shaped like one.
 */
import { InputError, textProblem } from './text-rules.js';
import type { FieldType, RequestTemplate, TemplateField } from './request-template.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** Why `value` is not a valid `type`, or null. */
export function fieldProblem(type: FieldType, value: string): string | null {
  if (type === 'date') {
    const m = DATE.exec(value);
    if (!m) return `must be a date as YYYY-MM-DD (got '${value}')`;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const back = new Date(Date.UTC(y, mo - 1, d));
    if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
      return `is not a calendar date ('${value}')`;
  }
  if (type === 'email' && !EMAIL.test(value)) return `must be an email address (got '${value}')`;
  return null;
}

/** `name=value` pairs as given on the command line; a pair with no `=` is an error naming it. */
export function parseFieldPairs(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new InputError('--field', `'${pair}' is not name=value`);
    out[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return out;
}

/** The values checked against the template's fields: unknown names, missing required ones and bad values are errors. */
export function checkFieldValues(fields: readonly TemplateField[], given: Readonly<Record<string, string>>): Record<string, string> {
  for (const name of Object.keys(given))
    if (!fields.some((f) => f.name === name))
      throw new InputError(`field ${name}`, `is not a field of this template (${fields.map((f) => f.name).join(', ') || 'none'})`);
  const out: Record<string, string> = {};
  for (const field of fields) {
    const value = given[field.name]?.trim() ?? '';
    if (!value) {
      if (field.required) throw new InputError(`field ${field.name}`, `is required (${field.label})`);
      continue;
    }
    const problem = textProblem(value, 'line') ?? fieldProblem(field.type, value);
    if (problem) throw new InputError(`field ${field.name}`, problem);
    out[field.name] = value;
  }
  return out;
}

/** The fields as a request's description when none is given: one `label: value` line each. */
export function describeFields(t: RequestTemplate, fields: Readonly<Record<string, string>>): string {
  return t.fields.flatMap((f) => (fields[f.name] ? [`${f.label}: ${fields[f.name]}`] : [])).join('\n');
}

/**
 * A service-request template as data (fixtures/templates/*.json, `template add FILE`): the fields it
 * asks for and the checklist it gives. Parsing names the file and the field that is wrong.
 */
import { InputError, textProblem } from './text-rules.js';
import { DEFAULT_CATEGORIES, PRIORITIES, type Priority } from './ticket.js';
import { unknownPlaceholder } from './placeholders.js';

export const FIELD_TYPES = ['text', 'date', 'email'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
/** What ticking an item may do besides ticking it. */
export const ITEM_ACTIONS = ['recover_assets'] as const;

export interface TemplateField {
  name: string;
  label: string;
  type: FieldType;
  required: boolean;
}

export interface TemplateItem {
  text: string;
  required: boolean;
  action: string | null;
}

export interface RequestTemplate {
  slug: string;
  name: string;
  title: string;
  category: string;
  priority: Priority;
  verifyIdentity: boolean;
  fields: TemplateField[];
  items: TemplateItem[];
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,39}$/;
const FIELD_NAME = /^[a-z][a-z0-9_]{0,29}$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function line(o: Obj, key: string, where: string, fallback?: string): string {
  const v = o[key] ?? fallback;
  if (typeof v !== 'string' || !v.trim()) throw new InputError(`${where}${key}`, 'is required (text)');
  const problem = textProblem(v, 'line');
  if (problem) throw new InputError(`${where}${key}`, problem);
  return v.trim();
}

function oneOf<T extends string>(o: Obj, key: string, where: string, allowed: readonly T[], fallback: T): T {
  const v = o[key] ?? fallback;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
    throw new InputError(`${where}${key}`, `must be one of ${allowed.join(', ')} (got ${JSON.stringify(v)})`);
  return v as T;
}

function flag(o: Obj, key: string, where: string, fallback: boolean): boolean {
  const v = o[key] ?? fallback;
  if (typeof v !== 'boolean') throw new InputError(`${where}${key}`, 'must be true or false');
  return v;
}

function list(o: Obj, key: string): Obj[] {
  const v = o[key] ?? [];
  if (!Array.isArray(v) || !v.every(isObj)) throw new InputError(key, 'must be a list of objects');
  return v;
}

/** A template from parsed JSON; errors name the field (`items[2].text`). */
export function parseTemplate(value: unknown, categories: readonly string[] = DEFAULT_CATEGORIES): RequestTemplate {
  if (!isObj(value)) throw new InputError('template', 'must be a JSON object');
  const slug = line(value, 'slug', '');
  if (!SLUG.test(slug)) throw new InputError('slug', 'lower-case letters, digits and dashes, up to 40');
  const fields = list(value, 'fields').map((f, i): TemplateField => {
    const where = `fields[${i}].`;
    const name = line(f, 'name', where);
    if (!FIELD_NAME.test(name)) throw new InputError(`${where}name`, 'lower-case letters, digits and _, starting with a letter');
    return {
      name,
      label: line(f, 'label', where, name),
      type: oneOf(f, 'type', where, FIELD_TYPES, 'text'),
      required: flag(f, 'required', where, false),
    };
  });
  const names = fields.map((f) => f.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new InputError('fields', `'${twice}' is there twice`);
  const items = list(value, 'items').map((it, i): TemplateItem => {
    const where = `items[${i}].`;
    const action = it.action === undefined || it.action === null ? null : oneOf(it, 'action', where, ITEM_ACTIONS, 'recover_assets');
    return { text: line(it, 'text', where), required: flag(it, 'required', where, true), action };
  });
  if (items.length === 0) throw new InputError('items', 'a template needs at least one checklist item');
  const title = line(value, 'title', '');
  const unknown = unknownPlaceholder(title, names);
  if (unknown) throw new InputError('title', `{{${unknown}}} is not one of its fields (${names.join(', ') || 'none'})`);
  return {
    slug,
    name: line(value, 'name', ''),
    title,
    category: oneOf(value, 'category', '', categories, 'other'),
    priority: oneOf(value, 'priority', '', PRIORITIES, 'normal'),
    verifyIdentity: flag(value, 'verify_identity', '', false),
    fields,
    items,
  };
}

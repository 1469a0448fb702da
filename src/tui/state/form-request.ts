/**
 * The new-ticket form's service-request part, pure: a request template chosen in the form brings
 * its fields (asked one line each, checked as `--field name=value` is) and its category and
 * priority; the requester's assets are offered to link (Space ticks one). Saving gives the title
 * and description the CLI would derive from the template when they were left empty.
 */
import { renderPlaceholders } from '../../domain/placeholders.js';
import type { RequestTemplate } from '../../domain/request-template.js';
import { checkFieldValues, describeFields } from '../../domain/template-fields.js';
import { InputError } from '../../domain/text-rules.js';
import { editorEmpty, editorFrom, editorText, type EditorState } from './editor.js';

export interface FormAsset {
  tag: string;
  /** `LT-0042 laptop Latitude 5440`. */
  label: string;
}

export interface RequestPart {
  templates: readonly RequestTemplate[];
  /** The chosen template's slug; '' for a plain ticket. */
  template: string;
  /** The chosen template's field values, by field name. */
  fields: Readonly<Record<string, EditorState>>;
  /** The requester's assets (for the requester text they were looked up for), the ticked tags, the highlighted one. */
  assets: { requester: string; items: FormAsset[]; chosen: string[]; index: number };
}

export type FieldFocus = `field:${string}`;
export const fieldFocus = (name: string): FieldFocus => `field:${name}`;
export const isFieldFocus = (f: string): f is FieldFocus => f.startsWith('field:');
export const fieldName = (f: FieldFocus) => f.slice('field:'.length);

export function emptyRequest(templates: readonly RequestTemplate[]): RequestPart {
  return { templates, template: '', fields: {}, assets: { requester: '', items: [], chosen: [], index: 0 } };
}

export const templateOf = (p: RequestPart) => p.templates.find((t) => t.slug === p.template);

/** The template choice cycles through these ('' is none). */
export const templateChoices = (p: RequestPart): string[] => ['', ...p.templates.map((t) => t.slug)];

/** A template chosen: its fields to fill (values typed for a same-named field are kept), its category and priority. */
export function withTemplate<F extends RequestPart & { category: string; priority: string; categories: readonly string[] }>(
  form: F,
  slug: string,
): F {
  const t = form.templates.find((x) => x.slug === slug);
  const keep = (name: string) => (form.fields[name] ? editorText(form.fields[name]) : '');
  const fields = Object.fromEntries((t?.fields ?? []).map((f) => [f.name, editorFrom(keep(f.name), true)]));
  if (!t) return { ...form, template: '', fields };
  const category = form.categories.includes(t.category) ? t.category : form.category;
  return { ...form, template: slug, fields, category, priority: t.priority };
}

/** The focus stops of the chosen template's fields. */
export function templateStops(p: RequestPart): FieldFocus[] {
  return (templateOf(p)?.fields ?? []).map((f) => fieldFocus(f.name));
}

export function requestDirty(p: RequestPart): boolean {
  return p.template !== '' || p.assets.chosen.length > 0 || Object.values(p.fields).some((e) => !editorEmpty(e));
}

/** ←/→ move along the assets, Space ticks or unticks one; null for any other key. */
export function assetKey<P extends RequestPart>(p: P, name: string | null, input: string): P | null {
  const a = p.assets;
  if (name === 'left' || name === 'right') {
    const index = Math.max(0, Math.min(a.items.length - 1, a.index + (name === 'left' ? -1 : 1)));
    return { ...p, assets: { ...a, index } };
  }
  if (input !== ' ') return null;
  const tag = a.items[a.index]?.tag;
  if (tag === undefined) return p;
  const chosen = a.chosen.includes(tag) ? a.chosen.filter((t) => t !== tag) : [...a.chosen, tag];
  return { ...p, assets: { ...a, chosen } };
}

/** The requester's assets arrived: kept only while that requester is still the one typed; ticks on them stay. */
export function withAssets<P extends RequestPart>(p: P, requester: string, typed: string, items: FormAsset[]): P {
  if (typed.trim() !== requester) return p;
  const chosen = p.assets.chosen.filter((t) => items.some((i) => i.tag === t));
  return { ...p, assets: { requester, items, chosen, index: Math.min(p.assets.index, Math.max(0, items.length - 1)) } };
}

export interface RequestValues {
  title: string;
  description: string;
  tags: string[];
  request: { slug: string; fields: Record<string, string> } | null;
}

/**
 * The values for saving: with a template, its fields checked (InputError naming `field NAME`), and
 * the title and description derived from them when left empty, as `ticket create --template` does.
 */
export function requestValues(p: RequestPart, title: string, description: string): RequestValues {
  const t = templateOf(p);
  if (!t) return { title, description, tags: [], request: null };
  const typed = Object.fromEntries(Object.entries(p.fields).map(([name, e]) => [name, editorText(e)]));
  const fields = checkFieldValues(t.fields, typed);
  const rendered = renderPlaceholders(t.title, fields);
  if (!title.trim() && !rendered.ok) throw new InputError(`field ${rendered.missing}`, `is needed for the title ('${t.title}')`);
  return {
    title: title.trim() ? title : rendered.ok ? rendered.text : title,
    description: description.trim() ? description : describeFields(t, fields),
    tags: [t.slug],
    request: { slug: t.slug, fields },
  };
}

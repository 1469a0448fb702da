/** Request templates on the desk: added or replaced by slug, listed, read back as domain templates. */
import type { RequestTemplatesTable } from '../db/schema.js';
import type { RequestTemplate, TemplateField, TemplateItem } from '../domain/request-template.js';
import type { Priority } from '../domain/ticket.js';
import type { Executor } from './executor.js';

type Row = Omit<RequestTemplatesTable, 'id'>;

const rowOf = (t: RequestTemplate, now: number): Row => ({
  slug: t.slug,
  name: t.name,
  title: t.title,
  category: t.category,
  priority: t.priority,
  verify_identity: t.verifyIdentity ? 1 : 0,
  fields: JSON.stringify(t.fields),
  items: JSON.stringify(t.items),
  created_at: now,
  updated_at: now,
});

const templateOf = (r: Row): RequestTemplate => ({
  slug: r.slug,
  name: r.name,
  title: r.title,
  category: r.category,
  priority: r.priority as Priority,
  verifyIdentity: r.verify_identity === 1,
  fields: JSON.parse(r.fields) as TemplateField[],
  items: JSON.parse(r.items) as TemplateItem[],
});

/** Adds a template, or replaces the one with its slug; says which. */
export async function saveTemplate(db: Executor, t: RequestTemplate, now = Date.now()): Promise<'added' | 'replaced'> {
  const row = rowOf(t, now);
  const existing = await db.selectFrom('request_templates').select('id').where('slug', '=', t.slug).executeTakeFirst();
  if (existing) {
    const { created_at: _, ...rest } = row;
    await db.updateTable('request_templates').set(rest).where('id', '=', existing.id).execute();
    return 'replaced';
  }
  await db.insertInto('request_templates').values(row).execute();
  return 'added';
}

export async function listTemplates(db: Executor): Promise<RequestTemplate[]> {
  return (await db.selectFrom('request_templates').selectAll().orderBy('slug').execute()).map(templateOf);
}

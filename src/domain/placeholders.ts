/**
 * Placeholders in macro replies and template titles: `{{requester.first_name}}`, `{{ticket.ref}}`,
 * `{{name}}`. One pass, left to right: a value is never read again for placeholders (a requester
 * called "{{me.name}}" stays that), and a placeholder with no value is an error naming it.
 */

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g;

export type Rendered = { ok: true; text: string } | { ok: false; missing: string };

/** The placeholder names in `text`, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** `text` with each placeholder replaced by its value; the first one with no value (absent, null or blank) fails it. */
export function renderPlaceholders(text: string, values: Readonly<Record<string, string | null | undefined>>): Rendered {
  const missing = placeholdersIn(text).find((name) => !Object.hasOwn(values, name) || !values[name]?.trim());
  if (missing !== undefined) return { ok: false, missing };
  return { ok: true, text: text.replace(PLACEHOLDER, (_, name: string) => values[name]!) };
}

/** The first placeholder of `text` not among `known`, or null. */
export function unknownPlaceholder(text: string, known: readonly string[]): string | null {
  return placeholdersIn(text).find((name) => !known.includes(name)) ?? null;
}

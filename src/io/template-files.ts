/**
 * Request templates as files: the shipped ones (fixtures/templates/*.json) and `template add FILE`;
 * and the templates a desk offers (its own, then the shipped ones).
 * A problem is one line naming the file and the field (or the line of broken JSON), exit 4.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTemplate, type RequestTemplate } from '../domain/request-template.js';
import { decodeUtf8, InputError } from '../domain/text-rules.js';
import { EXIT, fail } from '../errors.js';
import type { Executor } from '../store/executor.js';
import { listTemplates } from '../store/request-templates.js';
import { packageRoot } from './kb-import.js';

/** The line of `text` holding character `at` (JSON.parse names positions, people read lines). */
const lineAt = (text: string, at: number) => text.slice(0, at).split('\n').length;

export function parseTemplateText(text: string, source: string, categories?: readonly string[]): RequestTemplate {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    return fail(EXIT.invalid, `${source}${at ? `:${lineAt(text, Number(at))}` : ''}: not valid JSON`);
  }
  try {
    return parseTemplate(value, categories);
  } catch (error) {
    if (error instanceof InputError) fail(EXIT.invalid, `${source}: ${error.message}`);
    throw error;
  }
}

export function readTemplateFile(path: string, categories?: readonly string[]): RequestTemplate {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return fail(EXIT.notFound, `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  return parseTemplateText(decodeUtf8(bytes, path), path, categories);
}

export function starterTemplateDir(): string {
  return join(packageRoot(), 'fixtures', 'templates');
}

/** The templates that ship with Deskline. */
export function starterTemplates(dir = starterTemplateDir()): RequestTemplate[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readTemplateFile(join(dir, f)));
}

/**
 * The templates a desk offers: its own (`template add`), and the shipped ones it has not replaced.
 * Reading writes nothing: the shipped ones are read from fixtures/templates each time.
 */
export async function deskTemplates(db: Executor): Promise<RequestTemplate[]> {
  const own = await listTemplates(db);
  const shipped = starterTemplates().filter((t) => !own.some((o) => o.slug === t.slug));
  return [...own, ...shipped].sort((a, b) => a.slug.localeCompare(b.slug));
}

/** One template by slug (the desk's own first); not found names the ones there are. */
export async function templateBySlug(db: Executor, slug: string): Promise<RequestTemplate> {
  const all = await deskTemplates(db);
  return all.find((t) => t.slug === slug) ?? fail(EXIT.notFound, `no template '${slug}' (${all.map((t) => t.slug).join(', ') || 'none'})`);
}

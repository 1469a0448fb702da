/**
 * Request templates as files: the shipped ones (fixtures/templates/*.json) and `template add FILE`.
 * A problem is one line naming the file and the field (or the line of broken JSON), exit 4.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTemplate, type RequestTemplate } from '../domain/request-template.js';
import { decodeUtf8, InputError } from '../domain/text-rules.js';
import { EXIT, fail } from '../errors.js';
import type { Executor } from '../store/executor.js';
import { addMissingTemplates } from '../store/request-templates.js';
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

/** Puts the shipped templates a desk lacks on it (a desk's own edits of them are kept). */
export async function ensureStarterTemplates(db: Executor): Promise<void> {
  await addMissingTemplates(db, starterTemplates());
}

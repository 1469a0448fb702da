/**
 * The starter articles that ship with Deskline (fixtures/kb): where they are, read as article input,
 * and loaded through the store's bulk upsert. (`kb import DIR` reads with ./markdown-import.ts the same way.)
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleInput } from '../domain/kb-article.js';
import { SYSTEM_ACTOR, type Actor, type Executor } from '../store/executor.js';
import { upsertArticles, type ImportSummary } from '../store/kb-upsert.js';
import { readMarkdownDir } from './markdown-import.js';

/** The nearest folder above this module holding package.json: the package root, from src/ or dist/. */
export function packageRoot(from = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

export function starterKbDir(): string {
  return join(packageRoot(), 'fixtures', 'kb');
}

/** The starter articles, parsed (for the demo seed, which writes them with its data). */
export function starterArticles(dir = starterKbDir()): ArticleInput[] {
  return readMarkdownDir(dir).map((f) => f.article);
}

/** Loads (or refreshes) the starter articles; safe to run again. */
export async function loadStarterKb(db: Executor, dir = starterKbDir(), actor: Actor = SYSTEM_ACTOR): Promise<ImportSummary> {
  return upsertArticles(db, starterArticles(dir), actor);
}

/**
 * Bundles a test's worker script (TypeScript that imports src/) with esbuild, as the build bundles the
 * CLI, so each process a test starts loads in ~0.1 s of CPU instead of loading tsx and compiling src/
 * (~1.3 s each). The same source runs; only the loading differs. Bundles go under node_modules/.cache
 * (where better-sqlite3, kept external, resolves) and are removed after the file's tests.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const made: string[] = [];

afterAll(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

/** Bundles `file` (a path) or `code` (a module's source, resolved from the repository's root) into one .mjs; returns its path. */
export async function bundleWorker(source: { file: string } | { code: string }): Promise<string> {
  const parent = join(ROOT, 'node_modules', '.cache', 'deskline-test-workers');
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, 'w-'));
  made.push(dir);
  const outfile = join(dir, 'worker.mjs');
  await build({
    absWorkingDir: ROOT,
    ...('file' in source ? { entryPoints: [source.file] } : { stdin: { contents: source.code, resolveDir: ROOT, loader: 'ts' } }),
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['better-sqlite3'],
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
    logLevel: 'warning',
  });
  return outfile;
}

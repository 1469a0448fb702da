/**
 * The console build patches some dependencies' source (scripts/esbuild-plugins.mjs: `onLoad` filters
 * that name a package folder). Each one that package.json lists must be pinned to an exact version,
 * so an upgrade is a decision, never a range that moved under the build.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('patched dependencies', () => {
  it('are pinned exactly in package.json', () => {
    const plugins = read('scripts/esbuild-plugins.mjs');
    const filters = [...plugins.matchAll(/onLoad\(\{ filter: \/(.*?)\/ \}/g)].map((m) => m[1]!);
    const folders = new Set(filters.flatMap((f) => [...f.matchAll(/\[\\\\\/\]([@a-z0-9.-]+)\[\\\\\/\]/g)].map((m) => m[1]!)));
    const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const declared = { ...pkg.dependencies, ...pkg.devDependencies };
    const patched = [...folders].filter((name) => name in declared);
    expect(patched.sort()).toEqual(['env-paths', 'ink', 'string-width']);
    for (const name of patched) expect(declared[name], name).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOf, cacheFileFor, requireWithCodeCache } from '../../src/boot/code-cache.js';
import { tempDir } from '../helpers/temp.js';

/** A CommonJS bundle with enough code that V8's cache has something to keep. */
function writeBundle(dir: string, answer: number): string {
  const file = join(dir, 'bundle.cjs');
  const body = Array.from({ length: 200 }, (_, i) => `function f${i}(x) { return x * ${i} + ${answer}; }`).join('\n');
  writeFileSync(
    file,
    `${body}\nmodule.exports = { answer: f1(0), dir: __dirname, file: __filename, req: typeof require('node:path').join };\n`,
  );
  return file;
}

const dir = () => tempDir();

/** Dates files back, as if written `seconds` before the bundle was put on disk. */
function writtenBefore(files: string[], seconds: number): void {
  const then = new Date(Date.now() - seconds * 1000);
  for (const f of files) utimesSync(f, then, then);
}

describe('requireWithCodeCache', () => {
  it('compiles without a cache, writes one (0600 in 0700), then starts from it', () => {
    const root = dir();
    const file = writeBundle(root, 42);
    const folder = join(root, 'cache', 'code');
    const first = requireWithCodeCache<{ answer: number; dir: string; file: string; req: string }>(file, folder);
    expect(first.exports).toEqual({ answer: 42, dir: root, file, req: 'function' });
    expect(first.cache).toBe('miss');
    first.saveCache();
    const cacheFile = cacheFileFor(file, folder);
    expect(statSync(cacheFile).mode & 0o777).toBe(0o600);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    const second = requireWithCodeCache<{ answer: number }>(file, folder);
    expect(second.cache).toBe('hit');
    expect(second.exports.answer).toBe(42);
  });

  it('a rebuilt bundle gets a new cache file, and the caches of the old build, under every Node, are removed', () => {
    const root = dir();
    const folder = join(root, 'code');
    const file = writeBundle(root, 1);
    const old = requireWithCodeCache(file, folder);
    old.saveCache();
    const oldCaches = [cacheFileFor(file, folder), cacheFileFor(file, folder, 'v22.1.0')];
    writeFileSync(oldCaches[1]!, 'what Node 22 left for the old build');
    writtenBefore(oldCaches, 60);
    writeFileSync(file, `${'// a longer build\n'.repeat(3)}module.exports = { answer: 2 };\n`);
    const rebuilt = requireWithCodeCache<{ answer: number }>(file, folder);
    expect(rebuilt.cache).toBe('miss');
    expect(rebuilt.exports.answer).toBe(2);
    rebuilt.saveCache();
    expect(oldCaches.filter((f) => existsSync(f))).toEqual([]);
    expect(readdirSync(folder)).toEqual([cacheFileFor(file, folder).slice(folder.length + 1)]);
  });

  it('keeps one cache per Node version: switching Node removes none of them', () => {
    const root = dir();
    const folder = join(root, 'code');
    const file = writeBundle(root, 4);
    mkdirSync(folder);
    const otherNodes = ['v20.0.0', 'v24.99.0'].map((v) => cacheFileFor(file, folder, v)).filter((f) => f !== cacheFileFor(file, folder));
    for (const f of otherNodes) writeFileSync(f, 'V8 code another Node wrote for this build');
    writtenBefore(otherNodes, 60);
    const run = requireWithCodeCache(file, folder);
    expect(run.cache).toBe('miss');
    run.saveCache();
    expect(otherNodes.filter((f) => !existsSync(f))).toEqual([]);
    expect(readdirSync(folder).sort()).toEqual([...otherNodes, cacheFileFor(file, folder)].map((f) => f.slice(folder.length + 1)).sort());
  });

  it('keeps the cache another build wrote after this one was installed (a second install in use)', () => {
    const root = dir();
    const folder = join(root, 'code');
    const file = writeBundle(root, 6);
    mkdirSync(folder);
    const other = join(folder, `bundle.cjs-${'f'.repeat(16)}-${process.version}-${process.arch}.v8`);
    writeFileSync(other, 'V8 code of another build');
    utimesSync(other, new Date(), new Date(Date.now() + 60_000));
    requireWithCodeCache(file, folder).saveCache();
    expect(existsSync(other)).toBe(true);
    expect(existsSync(cacheFileFor(file, folder))).toBe(true);
  });

  it('a build is named by the line the build writes, or else by a hash of the source', () => {
    expect(buildOf(`// build 0123456789abcdef\nmodule.exports = 1;`)).toBe('0123456789abcdef');
    const a = buildOf('module.exports = 1;');
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(buildOf('module.exports = 2;')).not.toBe(a);
  });

  it('a corrupt cache is rejected, the bundle still runs, and a good cache replaces it', () => {
    const root = dir();
    const folder = join(root, 'code');
    const file = writeBundle(root, 7);
    mkdirSync(folder, { recursive: true });
    writeFileSync(cacheFileFor(file, folder), 'not V8 code');
    const run = requireWithCodeCache<{ answer: number }>(file, folder);
    expect(run.cache).toBe('rejected');
    expect(run.exports.answer).toBe(7);
    run.saveCache();
    expect(requireWithCodeCache(file, folder).cache).toBe('hit');
  });

  it('a cache folder that cannot be written costs only the cache', () => {
    const root = dir();
    // A file where the folder should be: unwritable for every user, root included.
    const folder = join(root, 'code');
    writeFileSync(folder, 'not a folder');
    const file = writeBundle(root, 3);
    const run = requireWithCodeCache<{ answer: number }>(file, folder);
    expect(run.exports.answer).toBe(3);
    expect(() => run.saveCache()).not.toThrow();
    expect(statSync(folder).isFile()).toBe(true);
  });

  it('with no folder there is no cache at all', () => {
    const root = dir();
    const run = requireWithCodeCache<{ answer: number }>(writeBundle(root, 5), null);
    expect(run.cache).toBe('off');
    expect(run.exports.answer).toBe(5);
  });
});

/**
 * Runs a CommonJS bundle through V8's code cache. Compiling the console's ~2.7 MB of JavaScript
 * (ink, react, yoga, kysely, our own) is most of its start-up, and Node 20 caches no compiled code
 * for ES modules (`module.enableCompileCache` arrives in Node 22.1); `vm.Script` with `cachedData`
 * does it for a classic script. The cache lives in the user's cache folder, one file per build of
 * the bundle and Node version: switching Node versions keeps each one's cache. Writing a cache
 * removes those of older builds only; any trouble with it (missing, stale, unwritable) only costs speed.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import vm from 'node:vm';

export interface CachedBundle<T> {
  exports: T;
  /** How the compile went: `hit` used the cache; `miss` had none; `rejected` had a stale one; `off` had no folder. */
  cache: 'hit' | 'miss' | 'rejected' | 'off';
  /** Writes the cache when there was none usable; call once start-up code has run (V8 includes what it compiled). */
  saveCache(): void;
}

const BUILD_LINE = /^\/\/ build ([0-9a-f]{16})\n/;

/** The build of a bundle: the hash scripts/build.mjs puts on its first line, or one computed here. */
export function buildOf(source: string): string {
  return BUILD_LINE.exec(source.slice(0, 32))?.[1] ?? createHash('sha256').update(source).digest('hex').slice(0, 16);
}

function cacheName(file: string, build: string, node: string): string {
  return `${basename(file)}-${build}-${node}-${process.arch}.v8`;
}

/** The cache file for this build of `file` under Node `node`: a new build or Node gets a new name. */
export function cacheFileFor(file: string, folder: string, node = process.version): string {
  return join(folder, cacheName(file, buildOf(readFileSync(file, 'latin1')), node));
}

export function requireWithCodeCache<T>(file: string, folder: string | null): CachedBundle<T> {
  const bytes = readFileSync(file);
  // The build leaves the bundle pure ASCII, which needs no UTF-8 decoding (1 ms instead of 17 ms for 2.6 MB).
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const build = folder === null ? '' : buildOf(source);
  const cacheFile = folder === null ? null : join(folder, cacheName(file, build, process.version));
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const cache = cacheFile === null ? 'off' : cachedData === undefined ? 'miss' : script.cachedDataRejected ? 'rejected' : 'hit';
  const module = { exports: {} as T };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));

  let saved = cache === 'hit' || cache === 'off';
  const saveCache = () => {
    if (saved || cacheFile === null) return;
    saved = true;
    try {
      writeCache(cacheFile, script.createCachedData());
      pruneOlderBuilds(file, build, dirname(cacheFile));
    } catch {
      // a read-only or full disk: the next start compiles again, nothing else changes
    }
  };
  return { exports: module.exports, cache, saveCache };
}

/** Writes atomically, a private file in a private folder. */
function writeCache(cacheFile: string, data: Buffer): void {
  mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
  const temp = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(temp, data, { mode: 0o600 });
  renameSync(temp, cacheFile);
}

/**
 * Removes the caches, under any Node, of other builds of `file` written before this build was put on
 * disk (its ctime: npm gives installed files a fixed mtime). Those of this build stay, one per Node;
 * so do those another installed build wrote since, which is still in use.
 */
function pruneOlderBuilds(file: string, build: string, folder: string): void {
  const installed = statSync(file).ctimeMs;
  const prefix = `${basename(file)}-`;
  for (const name of readdirSync(folder)) {
    if (!name.startsWith(prefix) || !name.endsWith('.v8') || name.startsWith(`${prefix}${build}-`)) continue;
    const path = join(folder, name);
    if ((statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < installed) rmSync(path, { force: true });
  }
}

/**
 * Runs a CommonJS bundle through V8's code cache. Compiling the console's ~2.7 MB of JavaScript
 * (ink, react, yoga, kysely, our own) is most of its start-up, and Node 20 caches no compiled code
 * for ES modules (`module.enableCompileCache` arrives in Node 22.1); `vm.Script` with `cachedData`
 * does it for a classic script. The cache lives in the user's cache folder, one file per build of
 * the bundle and Node version; any trouble with it (missing, stale, unwritable) only costs speed.
 */
import { isAscii } from 'node:buffer';
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

/** The cache file for this build of `file` under this Node: a new build or Node gets a new name. */
export function cacheFileFor(file: string, folder: string): string {
  const { size, mtimeMs } = statSync(file);
  return join(folder, `${basename(file)}-${size}-${Math.trunc(mtimeMs)}-${process.version}-${process.arch}.v8`);
}

export function requireWithCodeCache<T>(file: string, folder: string | null): CachedBundle<T> {
  const bytes = readFileSync(file);
  // The build leaves the bundle pure ASCII, which needs no UTF-8 decoding (1 ms instead of 17 ms for 2.6 MB).
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const cacheFile = folder === null ? null : cacheFileFor(file, folder);
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
    } catch {
      // a read-only or full disk: the next start compiles again, nothing else changes
    }
  };
  return { exports: module.exports, cache, saveCache };
}

/** Writes atomically (private folder and file), then removes caches of older builds of the same bundle. */
function writeCache(cacheFile: string, data: Buffer): void {
  const folder = dirname(cacheFile);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const temp = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(temp, data, { mode: 0o600 });
  renameSync(temp, cacheFile);
  const prefix = `${basename(cacheFile).split('-')[0]}-`;
  for (const name of readdirSync(folder)) {
    if (name.startsWith(prefix) && name.endsWith('.v8') && join(folder, name) !== cacheFile) rmSync(join(folder, name), { force: true });
  }
}

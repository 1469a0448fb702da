/**
 * Opens the console from dist/console.cjs through the code cache (src/boot/code-cache.ts). The cache
 * is written once start-up has run: a second after the start (the first frame is drawn by then), or
 * at exit if that comes first.
 * DESKLINE_CODE_CACHE=0 turns it off.
 */
import { fileURLToPath } from 'node:url';
import type { Io } from '../streams.js';
import { cacheFolder } from '../paths.js';
import { requireWithCodeCache } from './code-cache.js';

interface ConsoleBundle {
  startConsole(io: Io, options: { db?: string; tour?: boolean }): Promise<number>;
}

/** `db`: the `--db` value of the command line, if any. */
export async function openConsole(io: Io, options: { db?: string; tour?: boolean }): Promise<number> {
  const file = fileURLToPath(new URL('./console.cjs', import.meta.url));
  const folder = io.env.DESKLINE_CODE_CACHE === '0' ? null : cacheFolder(io.env);
  const bundle = requireWithCodeCache<ConsoleBundle>(file, folder);
  const timer = setTimeout(bundle.saveCache, 1000);
  timer.unref();
  process.once('exit', bundle.saveCache);
  try {
    return await bundle.exports.startConsole(io, options);
  } finally {
    clearTimeout(timer);
    bundle.saveCache();
    process.off('exit', bundle.saveCache);
  }
}

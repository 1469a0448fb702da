/**
 * Node's on-disk compile cache for every module loaded after this call (`module.enableCompileCache`,
 * Node ≥ 22.1: 4–17 % off database commands on 22 and 24). Node 20 has no such function, and nothing
 * happens there. The cache lives in the user's cache folder, made 0700 before Node writes into it;
 * DESKLINE_CODE_CACHE=0 turns it off, as it does the console's code cache. Any trouble with the
 * folder only costs speed.
 */
import nodeModule from 'node:module';
import { compileCacheFolder } from '../paths.js';
import { makePrivateFolder } from '../private-files.js';

type Enable = (directory: string) => { status: number; directory?: string };

/** The folder now caching compiled code, or null (an older Node, turned off, or no usable folder). */
export function enableCompileCache(env: Record<string, string | undefined>): string | null {
  const enable = (nodeModule as { enableCompileCache?: Enable }).enableCompileCache;
  if (typeof enable !== 'function' || env.DESKLINE_CODE_CACHE === '0') return null;
  const folder = compileCacheFolder(env);
  try {
    makePrivateFolder(folder);
    return enable(folder).directory ?? null;
  } catch {
    return null;
  }
}

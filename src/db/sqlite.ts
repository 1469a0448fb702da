/**
 * Every better-sqlite3 connection is made here, with its native addon given by path. The bundles carry
 * better-sqlite3's JavaScript but not the addon, and its default loader (the `bindings` package)
 * would search beside the bundle; it also probes a dozen paths before finding it.
 */
import Database from 'better-sqlite3';
import { createRequire } from 'node:module';

let addon: string | undefined | null = null;

function addonPath(): string | undefined {
  if (addon !== null) return addon;
  try {
    addon = createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
  } catch {
    addon = undefined; // from the sources, better-sqlite3 finds its own addon
  }
  return addon;
}

export function connect(path: string, options: Omit<Database.Options, 'nativeBinding'> = {}): Database.Database {
  return new Database(path, { ...options, nativeBinding: addonPath() });
}
